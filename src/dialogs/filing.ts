// Logging a confirmed complaint (首问负责制): the case, its first ledger events and its evidence are
// written in the turn's transaction, and the worker is told the ID, the classification, where it
// went and what happens next — or exactly where to go instead.
import type { TFunction } from "i18next";
import { hashAccessCode, newAccessCode } from "../cases/access-code.js";
import { formatCaseId, newCaseId } from "../cases/case-id.js";
import type { CaseDeadlines } from "../cases/deadline-book.js";
import { DEFAULT_DEADLINE_POLICY, DeadlinePlanner } from "../cases/deadline-policy.js";
import { formatLocalDate, type WorkingCalendar } from "../cases/deadlines.js";
import type { CaseLedger, NewCaseRow } from "../cases/ledger.js";
import { caseKeys, groupLoggedCase, type LoggedCase } from "../groups/groups.js";
import type { Category, Reason } from "../domain.js";
import type { Route } from "../routing/router.js";
import type { Classification, MessageReading } from "../triage/reading.js";
import type { Facts } from "./facts.js";
import type { ComplaintReader, ComplaintRouter } from "./ports.js";
import type { Draft } from "./session.js";
import { readOwnShare } from "../triage/amounts.js";
import { NUMERAL_CHARS, spokenRange } from "../triage/numerals.js";
import { prepareText } from "../triage/read-message.js";
import type { Turn } from "./turn.js";

export interface FilingDeps {
  ledger: CaseLedger;
  reader: ComplaintReader;
  router: ComplaintRouter;
  calendar: WorkingCalendar;
  /**
   * The case deadlines (app.actions.deadlines): the first ones are opened in the filing transaction.
   * Without it the scheduler's next tick opens them from the logging time.
   */
  deadlines?: CaseDeadlines;
}

export function readingFromFacts(facts: Facts): MessageReading {
  return {
    project: facts.project,
    employer: facts.employer,
    amountYuan: facts.amountYuan,
    headcount: facts.headcount,
    place: { status: "none" },
    sector: facts.sector,
    projectKind: facts.projectKind,
    ownership: facts.ownership,
    phone: facts.phone,
    since: facts.since,
  };
}

export function renderReasons(t: TFunction, reasons: readonly Reason[]): string {
  // Reasons are whole sentences in some languages and phrases in others: joined without doubling
  // the punctuation ("。；").
  return reasons
    .map((reason) => t(reason.key, reason.params ?? {}).trim())
    .map((text, index, all) => (index < all.length - 1 && !/[。.!！?？；;]$/.test(text) ? `${text}${t("punctuation.listSeparator")}` : text))
    .join(t("punctuation.afterSentence"));
}

/**
 * The draft's classification; a worker who said it is about unpaid wages is taken at their word
 * (首问负责制: never turned away on a guess) and an officer checks.
 */
/** The classifier's reason for each category, for a matter the worker named in their own words. */
const REASON_OF_CATEGORY: Partial<Record<Category, string>> = {
  social_insurance: "socialInsurance",
  labor_dispute: "laborDispute",
  work_injury: "workInjury",
  project_payment: "projectMoneyClaim",
};

export function classifyDraft(reader: FilingDeps["reader"], draft: Draft): Classification {
  const classification = reader.classify(draft.narrative.join("\n"), readingFromFacts(draft.facts));
  const instead = draft.workerSaysNotArrears;
  if (instead !== undefined && classification.isArrears) {
    const reasons = [{ key: `triage:reason.${REASON_OF_CATEGORY[instead] ?? "notWork"}` }, { key: "triage:reason.workerSaysNotArrears" }];
    return { category: instead, isArrears: false, reasons: [...reasons, ...classification.reasons.filter((r) => r.key === "triage:reason.violence")] };
  }
  if (!draft.workerSaysArrears || classification.isArrears) return classification;
  return { category: "wage_arrears", isArrears: true, reasons: [{ key: "triage:reason.workerSaysArrears" }, ...classification.reasons.filter((r) => r.key === "triage:reason.violence")] };
}

export function fileCase(turn: Turn, draft: Draft, deps: FilingDeps): string {
  const { t, now } = turn;
  const narrative = draft.narrative.join("\n");
  const classification = classifyDraft(deps.reader, draft);
  // A worker who left a phone on an earlier complaint is not asked again: the same number, theirs.
  const facts = draft.facts.phone !== null ? draft.facts : { ...draft.facts, phone: deps.ledger.listByFiler(turn.userKey, 5).find((c) => c.phone)?.phone ?? null };
  const route = deps.router.route({
    category: classification.category,
    sector: facts.sector,
    projectKind: facts.projectKind,
    ownership: facts.ownership,
    headcount: facts.headcount?.min ?? null,
    amountYuan: facts.amountYuan,
    divisionCode: facts.place?.code ?? null,
    extremeRisk: classification.reasons.some((r) => r.key === "triage:reason.extremeRisk"),
  });
  const id = newCaseId();
  const accessCode = newAccessCode();
  // Arrears: classified the same day (当日完成核查分类), the first officer action within one working day,
  // acceptance decided within five (major cases also: facts today, progress the next working day).
  // Not arrears: the worker is told where to go at once; the desk owes nothing. The case's dueAt is the
  // earliest deadline; the worker is told the date of the first officer action.
  const planner = deps.deadlines?.planner ?? new DeadlinePlanner(DEFAULT_DEADLINE_POLICY, deps.calendar);
  const planned = planner.initial(now, { isArrears: classification.isArrears, major: route.major });
  const dueAt = planned.length > 0 ? Math.min(...planned.map((d) => d.dueAt)) : null;
  const firstActionAt = (planned.find((d) => d.kind === "first_action") ?? planner.plan("first_action", now)).dueAt;
  // A major case (a worker at risk, many people, a large sum): its facts are due today, not its first step.
  const majorFactsAt = planned.find((d) => d.kind === "major_facts")?.dueAt ?? null;
  const reasons = [...classification.reasons, ...route.reasons];
  // The sum is the worker's own share; how much the group is owed is for the officer to find out.
  if (draft.amountScope === "own" && facts.amountYuan !== null) {
    reasons.push({ key: "triage:reason.amountOwnShare", params: { amount: facts.amountYuan, count: facts.headcount?.min ?? 1 } });
  }
  // "六个人一共欠三万五 我自己的是八千多": the total is the case's sum; the worker's own share beside it
  // helps the officer check it.
  if (draft.amountScope !== "own" && facts.amountYuan !== null && (facts.headcount?.min ?? 1) > 1) {
    const own = ownShareTold(draft.narrative);
    if (own !== null && own < facts.amountYuan) {
      reasons.push({ key: "triage:reason.ownShareWithinTotal", params: { own, amount: facts.amountYuan, count: facts.headcount?.min ?? 1 } });
    }
  }
  // "两三万", "八九万": read as the middle (¥25,000); the officer sees the range the worker said.
  const spoken = facts.amountYuan === null ? null : spokenRangeAround(draft.narrative, facts.amountYuan);
  if (spoken !== null) reasons.push({ key: "triage:reason.amountSpokenRange", params: { low: spoken.low, high: spoken.high, amount: facts.amountYuan ?? 0 } });
  if (draft.amountRange && facts.amountYuan === draft.amountRange.low) {
    reasons.push({ key: "triage:reason.amountRange", params: { low: draft.amountRange.low, high: draft.amountRange.high } });
  }
  if (draft.amountScope === "unsure" && facts.amountYuan !== null) {
    reasons.push({ key: "triage:reason.amountScopeUnsure", params: { amount: facts.amountYuan, count: facts.headcount?.min ?? 1 } });
  }

  // Inserted whole, grouping keys included, and handed to grouping as it is: nothing is read back.
  const row = {
    id,
    createdAt: now,
    updatedAt: now,
    status: classification.isArrears ? "logged" : "referred",
    channel: turn.channel,
    filerKey: turn.userKey,
    accessCodeHash: hashAccessCode(id, accessCode),
    locale: turn.locale,
    project: facts.project,
    employer: facts.employer,
    amountYuan: facts.amountYuan,
    headcountMin: facts.headcount?.min ?? null,
    headcountMax: facts.headcount?.max ?? null,
    placeText: facts.place?.text ?? null,
    divisionCode: facts.place?.code ?? null,
    divisionName: facts.place?.name ?? null,
    sector: facts.sector,
    projectKind: facts.projectKind,
    ownership: facts.ownership,
    phone: facts.phone,
    since: facts.since,
    narrative,
    category: classification.category,
    isArrears: classification.isArrears,
    reasons,
    route,
    jurisdictionCode: route.jurisdiction?.code ?? null,
    collective: route.collective,
    major: route.major,
    dueAt,
    ...caseKeys(facts),
  } satisfies NewCaseRow & LoggedCase;
  deps.ledger.insertCase(row);
  if (deps.deadlines) for (const deadline of planned) deps.deadlines.open(id, deadline);
  const actor = `worker:${turn.userKey}`;
  deps.ledger.appendEvent({
    caseId: id,
    at: now,
    actor,
    channel: turn.channel,
    type: "logged",
    data: { category: classification.category, isArrears: classification.isArrears },
  });
  deps.ledger.appendEvent({
    caseId: id,
    at: now,
    actor: "system",
    channel: turn.channel,
    type: classification.isArrears ? "routed" : "referred",
    data: {
      jurisdiction: route.jurisdiction,
      departments: route.departments,
      level: route.level,
      collective: route.collective,
      major: route.major,
      referral: route.referral,
    },
  });
  for (const attachment of draft.attachments) deps.ledger.addAttachment(id, now, attachment);
  // Collective cases (集体欠薪): same project or employer in the same county, summed and escalated as a whole.
  const grouping = groupLoggedCase(deps.ledger, deps.router, row, now, turn.channel);
  // Members its group's escalation made major (this case among them) owe the major-case deadlines.
  if (deps.deadlines) for (const member of grouping.madeMajor) deps.deadlines.onBecameMajor(member, now);

  turn.caseId = id;
  turn.effects.push({ type: "caseLogged", caseId: id });
  // Safety before paperwork: a worker who reports violence or threats hears of 110 first.
  if (classification.reasons.some((r) => r.key === "triage:reason.violence")) turn.say(t("logged.violence"));
  turn.say(t("logged.id", { id: formatCaseId(id), code: accessCode }));
  if (classification.isArrears) turn.say(arrearsAnswer(turn, route, route.major && majorFactsAt !== null ? majorFactsAt : firstActionAt, deps.calendar));
  // Why it is not arrears, in the classifier's words: where the case would be handled means nothing here.
  else turn.say(referralAnswer(t, classification.category, classification.reasons, route));
  // The other problem told with the wages: where it goes, so that it is not lost.
  for (const also of ["alsoInjury", "alsoCompensation", "alsoProjectMoney"] as const) {
    if (classification.reasons.some((r) => r.key === `triage:reason.${also}`)) turn.say(t(`logged.${also}`));
  }
  // A purchase, a loan, a scam: the referral says where to go; the labour rights channels would mislead.
  if (classification.category !== "not_labor") turn.say(rightsAnswer(turn, deps.router, route, classification.isArrears));
  // An officer handling arrears may want to call: the number is asked for once, never required.
  if (classification.isArrears && !facts.phone) turn.say(t("logged.askPhone"));
  return id;
}

function arrearsAnswer(turn: Turn, route: Route, dueAt: number, calendar: WorkingCalendar): string {
  const { t } = turn;
  const lines = [t("logged.arrears")];
  const departments = route.departments.map((department) => t(`routing:departments.${department}`)).join(t("punctuation.enumeration"));
  lines.push(
    t("logged.routedTo", {
      jurisdiction: route.jurisdiction?.name ?? t("logged.jurisdictionUnknown"),
      departments,
    }),
  );
  lines.push(t(route.major ? "logged.nextStepMajor" : "logged.nextStep", { date: formatLocalDate(dueAt, calendar.timeZone, turn.locale) }));
  const sizeMajor = route.reasons.some((r) => r.key === "reason.major_headcount" || r.key === "reason.major_amount");
  // Major for the worker's safety, not for its size: said so, not "many people or a large sum".
  if (route.major) lines.push(t(sizeMajor ? "logged.major" : "logged.majorUrgent"));
  else if (route.collective) lines.push(t("logged.collective"));
  return lines.join("\n");
}

function referralAnswer(t: TFunction, category: string, reasons: readonly Reason[], route: Route): string {
  const lines = [t("logged.notArrears", { category: t(`category.${category}`) })];
  if (reasons.length > 0) lines.push(t("logged.why", { reasons: renderReasons(t, reasons) }));
  if (route.referral) lines.push(t("logged.goTo", { where: t(route.referral.key, route.referral.params ?? {}) }));
  return lines.join("\n");
}

/** The national arrears clue platform takes wage arrears only. */
const ARREARS_ONLY_CHANNELS = new Set(["rights.platform"]);

function rightsAnswer(turn: Turn, router: ComplaintRouter, route: Route, isArrears: boolean): string {
  const { t } = turn;
  const lines = [t("logged.rightsTitle")];
  for (const channel of router.rightsChannels(route.jurisdiction?.code ?? null)) {
    if (!isArrears && channel.key !== undefined && ARREARS_ONLY_CHANNELS.has(channel.key)) continue;
    const label = channel.label ?? t(channel.key ?? "");
    // Most labels name their number already ("12333 人社服务热线"); a local one may not.
    lines.push(`· ${label}${channel.number && !label.includes(channel.number) ? `：${channel.number}` : ""}`);
  }
  const listed = lines.join("\n");
  // The national hotline inherited as "local" is already in the list.
  if (route.contacts.hotline && !listed.includes(route.contacts.hotline)) {
    lines.push(`· ${t("logged.localHotline", { number: route.contacts.hotline })}`);
  }
  if (route.contacts.office) lines.push(`· ${t("logged.localOffice", { office: route.contacts.office })}`);
  return lines.join("\n");
}

/** The worker's own share, as last told beside a total in their words; null when never told. */
export function ownShareTold(narrative: readonly string[]): number | null {
  let own: number | null = null;
  for (const message of narrative) own = readOwnShare(prepareText(message).text) ?? own;
  return own;
}

// A number as workers write it, for spokenRange to look at ("两三万", "二三十万", "两万七八").
const NUMBER_TOKEN = new RegExp(`[${NUMERAL_CHARS}]+`, "g");

/** The range a worker said ("两三万") whose middle is `amount`, or null when the sum was not said so. */
function spokenRangeAround(narrative: readonly string[], amount: number): { low: number; high: number } | null {
  for (const message of narrative) {
    for (const [token] of message.matchAll(NUMBER_TOKEN)) {
      const range = spokenRange(token);
      if (range !== null && (range.low + range.high) / 2 === amount) return range;
    }
  }
  return null;
}
