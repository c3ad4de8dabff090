// Status queries (/status ID, 查询 ID) and the worker's own list. A case the asker may not see
// answers exactly like an ID that does not exist, so an ID reveals nothing to a stranger.
import { accessCodeMatches } from "../cases/access-code.js";
import { findCaseIdIn, formatCaseId, parseCaseId } from "../cases/case-id.js";
import { formatLocalDate } from "../cases/deadlines.js";
import type { CaseLedger, CaseRow } from "../cases/ledger.js";
import { describeChanges } from "../cases/fact-correction.js";
import type { Turn } from "./turn.js";

export interface StatusDeps {
  ledger: CaseLedger;
  timeZone: string;
  /** "河南省新乡市牧野区": the desk's name, shown once a case was transferred (转办). */
  divisionLabel?: (code: string) => string;
  /** False while another complaint is being written: files sent now go with that one, and the hint is left out. */
  evidenceGoesThere?: boolean;
}

/** Whether this person may see the case: its filer, or anyone holding its access code. */
export function mayView(row: CaseRow, userKey: string, accessCode: string | null): boolean {
  if (row.filerKey === userKey) return true;
  return accessCode !== null && accessCodeMatches(row.id, accessCode, row.accessCodeHash);
}

/** What a status query came to; the engine uses it to take an ID or access code sent next on its own. */
export type StatusOutcome =
  | { kind: "askedForId" }
  | { kind: "notFound"; caseId: string }
  | { kind: "shown" | "malformed" | "mistyped" | "tooManyCodes" };

/**
 * Guessing a six-digit code is bounded twice: a chat gets CHAT_CODE_FAILURES wrong codes an hour
 * (then it is told to wait, whatever the ID — which tells nothing about it), and a case takes
 * CASE_CODE_FAILURES wrong codes a day from everyone together (then not even the right one opens it:
 * the answer stays that of an unknown ID; its filer still sees it). Wrong codes on a real case are
 * ledger events, so the filer and the officers see that someone tried.
 */
export const CHAT_CODE_FAILURES = 5;
export const CASE_CODE_FAILURES = 10;
const HOUR = 3_600_000;
/** Characters in a case ID (case-id.ts): eight random and a check character. */
const CASE_ID_LENGTH = 9;
const DAY = 24 * HOUR;

export function answerStatus(turn: Turn, rawId: string | null, accessCode: string | null, deps: StatusDeps): StatusOutcome {
  const { t } = turn;
  if (!rawId) {
    // "查询 059675": a code opens nothing without the ID it belongs to.
    turn.say(t(accessCode !== null ? "status.idWithCode" : "status.askId"));
    return { kind: "askedForId" };
  }
  const parsed = parseCaseId(rawId);
  if (parsed.kind === "malformed") {
    // "2EDXTN7F": a character short (or over): said so, with the form an ID has.
    const compact = rawId.normalize("NFKC").toUpperCase().replace(/[\s\-_.·—–]/g, "");
    const length = /^[A-Z0-9]+$/.test(compact) ? compact.length : 0;
    const key = length >= 5 && length < CASE_ID_LENGTH ? "status.tooShort" : length > CASE_ID_LENGTH && length <= 13 ? "status.tooLong" : "status.malformed";
    turn.say(t(key, { id: rawId.trim(), count: length }));
    return { kind: "malformed" };
  }
  if (parsed.kind === "mistyped") {
    turn.say(t("status.mistyped", { id: formatCaseId(parsed.id) }));
    return { kind: "mistyped" };
  }
  const row = deps.ledger.find(parsed.id);
  const unlocked = turn.session.unlockedCaseIds;
  const entitled = row !== undefined && (row.filerKey === turn.userKey || unlocked.includes(row.id));
  if (!entitled && accessCode !== null) {
    const recentFailures = turn.session.codeFailures.filter((at) => at > turn.now - HOUR);
    if (recentFailures.length >= CHAT_CODE_FAILURES) {
      turn.say(t("status.tooManyCodes"));
      return { kind: "tooManyCodes" };
    }
    const caseLocked = row !== undefined && deps.ledger.countEvents(row.id, "access_code_failed", turn.now - DAY) >= CASE_CODE_FAILURES;
    if (!row || caseLocked || !mayView(row, turn.userKey, accessCode)) {
      turn.session.codeFailures = [...recentFailures, turn.now].slice(-CHAT_CODE_FAILURES);
      if (row && !caseLocked) {
        deps.ledger.appendEvent({ caseId: row.id, at: turn.now, actor: `visitor:${turn.userKey}`, channel: turn.channel, type: "access_code_failed" });
      }
      turn.say(t("status.notFound", { id: formatCaseId(parsed.id) }));
      return { kind: "notFound", caseId: parsed.id };
    }
  } else if (!row || !entitled) {
    turn.say(t("status.notFound", { id: formatCaseId(parsed.id) }));
    return { kind: "notFound", caseId: parsed.id };
  }
  // Opened with the code once: this chat is not asked for it again (the newest 20 are kept).
  if (row.filerKey !== turn.userKey && !unlocked.includes(row.id)) {
    turn.session.unlockedCaseIds = [...unlocked, row.id].slice(-20);
  }
  turn.caseId = row.id;
  turn.session.currentCaseId = row.id;
  turn.say(statusText(turn, row, deps));
  return { kind: "shown" };
}

/**
 * The message right after a status query that lacked something, read as its missing part: an ID
 * (with or without an access code) after "send the ID", or an access code alone after "not found".
 * Null when the message is something else — it is then handled as usual.
 */
export function completesStatusQuery(
  pending: { caseId: string | null },
  text: string,
): { caseId: string; accessCode: string | null } | null {
  const trimmed = text.normalize("NFKC").trim();
  if (pending.caseId !== null) {
    // "195028", "查询码是195028", "code 195028": the six digits, in a short message about a code.
    const code = trimmed.length <= 24 ? trimmed.match(/(?<!\d)\d{6}(?!\d)/) : null;
    const words = code ? trimmed.replace(code[0], "").replace(/查询码|验证码|密码|access code|code|是|为|[:：\s,，。.]/gi, "") : null;
    return code && words !== null && words.length <= 6 ? { caseId: pending.caseId, accessCode: code[0] } : null;
  }
  const caseId = findCaseIdIn(trimmed);
  if (!caseId) return null;
  const rest = trimmed.replace(caseId, " ").trim();
  const code = rest.match(/^(?:查询码|code)?\s*[:：]?\s*(\d{6})$/i);
  if (rest !== "" && !code) return null;
  return { caseId, accessCode: code?.[1] ?? null };
}

function statusText(turn: Turn, row: CaseRow, deps: StatusDeps): string {
  const { t, locale } = turn;
  const lines = [
    t("status.header", { id: formatCaseId(row.id) }),
    t("status.now", { status: t(`caseStatus.${row.status}`) }),
  ];
  if (row.divisionName) lines.push(t("status.place", { place: row.divisionName }));
  if (row.jurisdictionCode && row.jurisdictionCode !== row.divisionCode && deps.divisionLabel) {
    lines.push(t("status.handledBy", { desk: deps.divisionLabel(row.jurisdictionCode) }));
  }
  lines.push(t("status.historyTitle"));
  const forOthers = row.filerKey !== turn.userKey;
  // Wrong access codes tried the same day are one line with a count, not a screenful.
  let codeFailures = { date: "", count: 0, index: -1 };
  for (const event of deps.ledger.events(row.id)) {
    const date = formatLocalDate(event.at, deps.timeZone, locale);
    if (event.type === "access_code_failed") {
      if (codeFailures.date === date && codeFailures.index === lines.length - 1) {
        codeFailures.count += 1;
        lines[codeFailures.index] = `· ${date} ${t("event.access_code_failed_times", { count: codeFailures.count })}`;
        continue;
      }
      codeFailures = { date, count: 1, index: lines.length };
    }
    const data = (event.data ?? {}) as Record<string, unknown>;
    const note = typeof data.noteForWorker === "string" ? data.noteForWorker.trim() : "";
    let line: string;
    if (event.type === "status_changed") {
      // The new status always; the officer's words for the worker when there are any.
      const status = typeof data.to === "string" ? t(`caseStatus.${data.to}`) : t("event.other");
      line = note ? t("event.status_changed_note", { status, note }) : t("event.status_changed", { status });
    } else if (event.type === "facts_corrected" && Array.isArray(data.changes)) {
      // What the officer found, fact by fact: the worker may say if it is wrong.
      line = t("event.facts_corrected", { changes: describeChanges(t, data.changes, t("punctuation.listSeparator")) });
    } else {
      // A relative or lawyer with the access code reads "工人补充了情况", not "您…": the worker did it.
      const context = forOthers ? "others" : undefined;
      line = t(`event.${event.type}`, { defaultValue: t("event.other"), note, context });
      // What was asked of a case closed with nothing recovered ("follow_up_asked" because
      // "nothing_recovered") is not whether the money arrived.
      if (typeof data.because === "string") line = t(`event.${event.type}_${data.because}`, { defaultValue: line, note, context });
    }
    // Several deadlines going up the same day are one line, not a screenful of the same words.
    if (lines[lines.length - 1] === `· ${date} ${line}`) continue;
    lines.push(`· ${date} ${line}`);
  }
  // A referred complaint: where to go, again (evidence sent here would help nobody).
  const referral = (row.route as { referral?: { key: string; params?: Record<string, string | number> } | null } | null)?.referral;
  if (row.status === "referred" && referral) lines.push(t("logged.goTo", { where: t(referral.key, referral.params ?? {}) }));
  else if (deps.evidenceGoesThere !== false) lines.push(t("status.evidenceHint"));
  return lines.join("\n");
}

export function answerMyCases(turn: Turn, deps: StatusDeps): void {
  const { t, locale } = turn;
  const rows = deps.ledger.listByFiler(turn.userKey, 10);
  if (rows.length === 0) {
    turn.say(t("mycases.none"));
    return;
  }
  const lines = [t("mycases.title")];
  for (const row of rows) {
    lines.push(
      t("mycases.line", {
        id: formatCaseId(row.id),
        date: formatLocalDate(row.createdAt, deps.timeZone, locale),
        status: t(`caseStatus.${row.status}`),
        what: row.project ?? row.employer ?? t(`category.${row.category}`),
      }),
    );
  }
  turn.say(lines.join("\n"));
}
