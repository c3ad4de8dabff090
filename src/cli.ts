// The `arrears` command line: the local chat, officers' case commands (until and beside Slack),
// and the triage tools.
import { Command, InvalidArgumentError } from "commander";
import { createApp, type App } from "./app.js";
import { allowedNext, CaseNotFoundError, mayMove, StatusTransitionError } from "./cases/case-actions.js";
import { formatCaseId } from "./cases/case-id.js";
import { formatLocalDateTime } from "./cases/deadlines.js";
import { beyondClaim, lastRecordKind, moneyNews, stillOwed, parseYuan, readResolution, RECORD_KINDS, RECORD_SHOWN_ALIAS, recordKindFromAlias, resolutionNote } from "./cases/resolution.js";
import { eventLabel, eventNote } from "./cases/event-text.js";
import { caseLineColumns } from "./cases/case-line.js";
import { renderReasons } from "./dialogs/filing.js";
import { loadCaseView, caseView, type CaseView } from "./cases/case-view.js";
import { CASE_STATUSES, caseStatusSchema, OPEN_STATUSES, type CaseStatus } from "./cases/statuses.js";
import { ConfigError, loadConfig } from "./config.js";
import { caseIdArgument, positiveInteger } from "./cli-arguments.js";
import { localizeCommanderErrors } from "./cli-errors.js";
import { correctCommand } from "./cases/correct-cli.js";
import { ConfigFileError } from "./routing/config-file.js";
import { CATEGORIES, categorySchema, type Category, type Reason } from "./domain.js";
import { outboxNotices, runJsonl } from "./channels/local/jsonl.js";
import { runTerminal } from "./channels/local/terminal.js";
import { getI18n, translator } from "./i18n.js";
import { Gazetteer } from "./routing/gazetteer.js";
import { exampleCounty, readDivisionInput } from "./routing/division-input.js";
import { Router } from "./routing/router.js";
import { runTriage } from "./triage/triage-command.js";
import { parseExtractor, runEvalWith } from "./triage/eval-command.js";
import { ModelReader, modelOptionsFromConfig } from "./triage/llm/model-reader.js";
import { officerCommand } from "./officers/cli.js";
import { ActorNames } from "./officers/actor-name.js";
import { OfficerRegistry } from "./officers/registry.js";
import { schedulerCommand } from "./scheduler/cli.js";
import { groupCommand } from "./groups/cli.js";
import { deskCommand } from "./cases/desk-inbox.js";
import { reportCommand } from "./reports/cli.js";
import { groupRecoveredExcess, groupWorkersPaidExcess } from "./groups/paid-limit.js";
import { dbCommand, requireDatabase } from "./db/cli.js";
import { sqlitePath } from "./db/open.js";
import { resolve } from "node:path";

/** The command under the program that `action` belongs to ("case" for `case show`). */
function topCommand(action: Command): string {
  let command = action;
  while (command.parent?.parent) command = command.parent;
  return command.name();
}

function openApp(): App {
  return createApp(loadConfig());
}

/** What triage and eval need: the reader's gazetteer and the router, without the case database. */
function openTriage() {
  const config = loadConfig();
  getI18n(config.DEFAULT_LOCALE);
  const gazetteer = Gazetteer.shared();
  const router = Router.load({ rulesFile: config.ROUTING_RULES_FILE, contactsFile: config.ROUTING_CONTACTS_FILE }, gazetteer);
  return { config, gazetteer, router };
}

/**
 * A status as an officer types it: its code, or in words ("受理", "办结", "已受理"), so that nobody must
 * learn the codes to act on a case.
 */
function statusArgument(value: string): CaseStatus {
  const typed = value.trim();
  const parsed = caseStatusSchema.safeParse(typed);
  if (parsed.success) return parsed.data;
  for (const locale of ["zh-CN", "en"] as const) {
    const t = translator(locale);
    const found = CASE_STATUSES.find((status) => [t(`cli.statusWord.${status}`), t(`deskStatus.${status}`)].includes(typed));
    if (found) return found;
  }
  const t = translator(loadConfig().DEFAULT_LOCALE);
  throw new InvalidArgumentError(t("cli.statusUnknown", { value: typed, words: statusWords(t, CASE_STATUSES) }));
}

/**
 * A handling record or a category as an officer types it: its code ("case_opened"), or its name as the
 * desk shows it ("立案", "移送公安", "垫付", "劳动争议", "a labour dispute"); null when it is neither.
 */
function codeFromWords<T extends string>(value: string, codes: readonly T[], labelKey: (code: T) => string): T | null {
  const typed = value.trim().toLowerCase();
  if ((codes as readonly string[]).includes(typed)) return typed as T;
  const bare = (label: string) => label.toLowerCase().replace(/[（(].*$/, "").replace(/^an? /, "").trim();
  for (const locale of ["zh-CN", "en"] as const) {
    const t = translator(locale);
    const found = codes.find((code) => [t(labelKey(code)).toLowerCase(), bare(t(labelKey(code)))].includes(typed.replace(/^an? /, "")));
    if (found) return found;
  }
  return null;
}

/** "case_opened（立案）、mediation（协调）…": the codes with the names officers know them by. */
function codesWithWords<T extends string>(t: ReturnType<typeof translator>, codes: readonly T[], labelKey: (code: T) => string): string {
  return codes.map((code) => `${code}${t("punctuation.aside", { text: t(labelKey(code)).replace(/\s*[（(].*$/, "") })}`).join(t("punctuation.enumeration"));
}

/** The statuses as the officer may type them: words in Chinese, the codes in English. */
function statusWords(t: ReturnType<typeof translator>, statuses: readonly CaseStatus[]): string {
  return statuses.map((status) => t(`cli.statusWord.${status}`)).join(t("punctuation.enumeration"));
}

/**
 * Who acted, in words: the officer's name ("张三" on the CLI; one acting in Slack by the registry's name
 * for them, else "红旗区经办人"), "工人", "系统" — not "worker:telegram:123" or "slack:U0HONGQI".
 */
function actorNames(app: App): ActorNames {
  return new ActorNames(new OfficerRegistry(app.store.db, app.gazetteer, () => app.clock.now()), app.gazetteer);
}

/** "2026-11-23 10:03" in the jurisdiction's time zone: officers read local time, not UTC. */
function localTime(iso: string | number, timeZone: string): string {
  return formatLocalDateTime(iso, timeZone);
}

/** The parts of an event an officer needs in a list: from → to, the note, the reason, the question. */
/**
 * What an event says, as an officer reads it: notes in words ("移送公安", "追回 ¥236,000，12 人", not the
 * codes the reports read), a deadline escalated by its name and target, other values by name.
 */
function eventDetail(t: ReturnType<typeof translator>, app: App, type: string, data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const fields = data as Record<string, unknown>;
  if (type === "escalated") {
    const kind = typeof fields.kind === "string" ? t(`scheduler:kind.${fields.kind}`, { defaultValue: fields.kind }) : "";
    const to = typeof fields.to === "string" ? (app.gazetteer.byCode(fields.to) ? app.gazetteer.fullName(fields.to) : fields.to) : "";
    return t("cli.escalatedDetail", { kind, to: to || "—" });
  }
  const parts: string[] = [];
  // A status change from one label to another (a transfer's from → to are desks, said in its reason).
  if (type === "status_changed" && typeof fields.from === "string" && typeof fields.to === "string") {
    parts.push(`${t(`deskStatus.${fields.from}`, { defaultValue: fields.from })} → ${t(`deskStatus.${fields.to}`, { defaultValue: fields.to })}`);
  } else if (type === "jurisdiction_changed" && typeof fields.to === "string") {
    const desk = (code: unknown) => (typeof code === "string" && app.gazetteer.byCode(code) ? app.gazetteer.fullName(code) : "—");
    parts.push(`${desk(fields.from)} → ${desk(fields.to)}`);
  }
  // The note in words, the worker's answer ("text"), reason and question: phones masked.
  const words = eventNote(t, data);
  if (words) parts.push(words);
  if (typeof fields.groupId === "string" && fields.groupId) parts.push(`${t("cli.groupShort")}: ${fields.groupId}`);
  if (typeof fields.category === "string" && fields.category) parts.push(t(`category.${fields.category}`, { defaultValue: fields.category }));
  return parts.join("  ");
}

/** "金水区 · 人社局劳动保障监察、住房和城乡建设部门", or where a referral sends the worker. */
function routeLine(t: ReturnType<typeof translator>, route: unknown): string {
  const r = (route ?? {}) as { jurisdiction?: { name?: string } | null; departments?: string[]; referral?: { key: string; params?: Record<string, unknown> } | null };
  const departments = (r.departments ?? []).map((d) => t(`routing:departments.${d}`)).join(t("punctuation.enumeration"));
  const parts = [r.jurisdiction?.name, departments, r.referral ? t(r.referral.key, r.referral.params ?? {}) : null].filter((x): x is string => Boolean(x));
  return parts.length > 0 ? parts.join(" · ") : "-";
}

function routedCode(route: unknown): string | null {
  const code = (route as { jurisdiction?: { code?: unknown } | null } | null)?.jurisdiction?.code;
  return typeof code === "string" ? code : null;
}

function reasonsLine(t: ReturnType<typeof translator>, reasons: unknown): string {
  return Array.isArray(reasons) && reasons.length > 0 ? renderReasons(t, reasons as Reason[]) : "-";
}

/**
 * "受理决定 2026-12-07 23:59": the earliest deadline the desk owes on a case (cases.dueAt), named — the
 * follow-up (回头看) is the bureau's own, not the desk's work. "-" when none is open.
 */
function nextDeadline(t: ReturnType<typeof translator>, app: App, caseId: string): string {
  const next = app.actions.deadlines.openFor(caseId).find((deadline) => deadline.kind !== "follow_up");
  return next ? t("cli.nextDue", { kind: t(`scheduler:kind.${next.kind}`), due: localTime(next.dueAt, app.config.TIME_ZONE) }) : "-";
}

function printCase(app: App, view: CaseView): void {
  const t = translator(app.config.DEFAULT_LOCALE);
  const names = actorNames(app);
  const lines = [
    `${view.displayId}  ${t(`deskStatus.${view.status}`)}`,
    `${t("cli.category")}: ${t(`category.${view.category}`)}${view.major ? ` · ${t("cli.major")}` : view.collective ? ` · ${t("cli.collective")}` : ""}`,
    `${t("fact.place")}: ${view.division ? `${view.division.name} (${view.division.code})` : "-"}`,
    // Where it went and why: the desk and its departments, the reasons of the reading and the rules.
    `${t("cli.route")}: ${routeLine(t, view.route)}`,
    // After a transfer the desk is another than the one routed to at filing.
    ...(view.jurisdictionCode !== null && view.jurisdictionCode !== routedCode(view.route)
      ? [`${t("cli.deskNow")}: ${app.gazetteer.fullName(view.jurisdictionCode)} (${view.jurisdictionCode})`]
      : []),
    // The reasons are the reading at filing: after an officer's correction, said so.
    `${t(app.ledger.countEvents(view.id, "facts_corrected", 0) > 0 ? "cli.reasonsAtFiling" : "cli.reasons")}: ${reasonsLine(t, view.reasons)}`,
    ...(app.ledger.find(view.id)?.groupId ? [`${t("cli.group")}: ${app.ledger.find(view.id)?.groupId}`] : []),
    `${t("fact.project")}: ${view.project ?? "-"}`,
    `${t("fact.employer")}: ${view.employer ?? "-"}`,
    `${t("fact.amount")}: ${view.amountYuan !== null && view.amountYuan !== undefined ? `¥${view.amountYuan.toLocaleString("en-US")}` : "-"}`,
    `${t("fact.headcount")}: ${typeof view.headcount === "object" && view.headcount ? `${view.headcount.min}–${view.headcount.max}` : (view.headcount ?? "-")}`,
    `${t("fact.sector")}: ${view.sector ? t(`sector.${view.sector}`) : "-"}`,
    // Both decide departments and the leader's report lines (政府投资、国企项目): shown to be checked.
    `${t("fact.projectKind")}: ${view.projectKind ? t(`projectKind.${view.projectKind}`) : "-"}`,
    `${t("fact.ownership")}: ${view.ownership ? t(`ownership.${view.ownership}`) : "-"}`,
    `${t("fact.phone")}: ${view.phone ?? "-"}`,
    `${t("fact.since")}: ${view.since ?? "-"}`,
    `${t("cli.narrative")}: ${view.narrative.replace(/\n/g, " / ")}`,
    `${t("cli.due")}: ${nextDeadline(t, app, view.id)}`,
    `${t("cli.evidence")}: ${view.evidence}`,
    `${t("cli.history")}:`,
    ...view.events.map((event) => {
      const detail = eventDetail(t, app, event.type, event.data);
      const channel = t(`cli.channel.${event.channel}`, { defaultValue: event.channel });
      // "工人（本地对话）", "worker (local chat)": the brackets of the officers' language.
      const by = `${names.label(t, event.actor)}${t("punctuation.aside", { text: channel })}`;
      return `  ${localTime(event.at, app.config.TIME_ZONE)}  ${eventLabel(t, event.type, event.data)}  ${by}${detail ? `  ${detail}` : ""}`;
    }),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function buildProgram(): Command {
  const program = new Command("arrears").description("Wage-arrears complaint intake and case ledger (欠薪投诉)");

  program
    .command("chat")
    .description("talk to the bot as a worker in this terminal (or line by line with --jsonl)")
    .option("--jsonl", "machine mode: one JSON object per line in, one per line out")
    .option("--user <id>", "your user id in the terminal conversation", process.env.USER ?? "worker")
    .action(async (options: { jsonl?: boolean; user: string }) => {
      const app = openApp();
      try {
        if (options.jsonl) await runJsonl(app.engine, process.stdin, process.stdout, outboxNotices(app));
        else await runTerminal(app, options.user);
      } finally {
        app.close();
      }
    });

  program
    .command("start")
    .description("run the product on its configuration, as npm start does (use this in service files: signals reach it directly)")
    .option("--user <id>", "with no chat tokens: your user id in the terminal conversation")
    .action(async () => {
      await import("./main.js");
    });

  const caseCommand = program.command("case").description("look at and act on cases");
  caseCommand
    .command("show")
    .description("one case: its facts, route, group, the worker's words and its ledger (phones masked)")
    .argument("<id>", "case ID", caseIdArgument)
    .option("--json", "print JSON")
    .option("--show-phone", "print the worker's phone number unmasked (needs --by: the look is on the record)")
    .option("--by <name>", "who looks (officer name), with --show-phone")
    .action((id: string, options: { json?: boolean; showPhone?: boolean; by?: string }) => {
      const app = openApp();
      try {
        const t = translator(app.config.DEFAULT_LOCALE);
        const by = options.by?.trim() ?? "";
        if (options.showPhone && by === "") {
          process.stderr.write(`${t("cli.showPhoneNeedsBy")}\n`);
          process.exitCode = 1;
          return;
        }
        const view = loadCaseView(app.ledger, id, options.showPhone ?? false);
        if (!view) {
          process.stderr.write(`${t("cli.noCase", { id: formatCaseId(id) })}\n`);
          process.exitCode = 1;
          return;
        }
        // The full number is personal data: who opened it, and when, is in the ledger (as the Slack 📞 button).
        if (options.showPhone && view.phone !== null) app.actions.phoneViewed(id, by, "cli");
        // For machines the actor stays as the ledger has it; `by` is who it was, in words.
        if (options.json) {
          const names = actorNames(app);
          const events = view.events.map((event) => ({ ...event, by: names.label(t, event.actor) }));
          process.stdout.write(`${JSON.stringify({ ...view, events }, null, 2)}\n`);
        } else printCase(app, view);
      } finally {
        app.close();
      }
    });

  caseCommand
    .command("list")
    .description("cases, newest first")
    .option("--status <status>", "only cases in this status", statusArgument)
    .option("--open", "only cases still open")
    .option("--overdue", "only open cases past their deadline")
    .option("--division <code>", "only cases of this desk: a county's six-digit code, or a city's or province's (all desks under it)")
    .option("--major", "only major cases (重大欠薪)")
    .option("--collective", "only collective cases (集体欠薪: by their own size or their group's)")
    .option("--limit <n>", "at most this many", positiveInteger, 50)
    .option("--json", "print JSON")
    .action((options: { status?: CaseStatus; open?: boolean; overdue?: boolean; division?: string; major?: boolean; collective?: boolean; limit: number; json?: boolean }) => {
      const app = openApp();
      try {
        const t = translator(app.config.DEFAULT_LOCALE);
        let jurisdictions: { prefixes: string[]; unplaced: boolean } | undefined;
        if (options.division !== undefined) {
          const division = app.gazetteer.byCode(options.division.trim());
          if (!division) {
            process.stderr.write(`${t("cli.divisionUnknown", { code: options.division.trim() })}\n`);
            process.exitCode = 1;
            return;
          }
          // 410700 (a city) covers 4107xx; 410000 (a province) covers 41xxxx; a county is itself.
          const prefix = division.level === "province" ? division.code.slice(0, 2) : division.level === "city" ? division.code.slice(0, 4) : division.code;
          jurisdictions = { prefixes: [prefix], unplaced: false };
        }
        const rows = app.ledger.list({
          status: options.status,
          open: options.open || options.overdue,
          overdueAt: options.overdue ? app.clock.now() : undefined,
          jurisdictions,
          major: options.major,
          collective: options.collective,
          limit: options.limit,
        });
        if (options.json) {
          const views = rows.map((row) => caseView(row, [], 0));
          process.stdout.write(`${JSON.stringify(views, null, 2)}\n`);
          return;
        }
        const now = app.clock.now();
        if (rows.length > 0) process.stdout.write(`${t("cli.listHeader")}\n`);
        for (const row of rows) {
          // The desk that has it now (a transferred case shows where it went), else the place named.
          const desk = row.jurisdictionCode ? (app.gazetteer.byCode(row.jurisdictionCode)?.name ?? row.jurisdictionCode) : (row.divisionName ?? "-");
          // What a tired inspector scans the list for (the sum, the workers, major and collective cases, a
          // worker at risk, late ones): the same columns as Slack's /cases.
          const { amount, workers, markers, name } = caseLineColumns(t, app.ledger, row, now);
          // Every column is there on every line ("-" when empty), so that the header names them.
          const due = OPEN_STATUSES.includes(row.status as CaseStatus) ? nextDeadline(t, app, row.id) : "-";
          process.stdout.write(`${formatCaseId(row.id)}  ${localTime(row.createdAt, app.config.TIME_ZONE)}  ${t(`deskStatus.${row.status}`)}  ${amount}  ${workers}  ${markers || "-"}  ${desk}  ${name}  ${due}\n`);
        }
        if (rows.length === 0) process.stdout.write(`${t("cli.noCases")}\n`);
      } finally {
        app.close();
      }
    });

  caseCommand
    .command("set-status")
    .description("record an officer's action: a ledger event, and the worker is told on their channel")
    .argument("<id>", "case ID", caseIdArgument)
    .argument("<status>", `new status: ${CASE_STATUSES.join(", ")}`, statusArgument)
    .requiredOption("--by <name>", "who acts (officer name)")
    .option("--note <text>", "note for the ledger, never sent to the worker — except with `awaiting_worker`, where it is the question to the worker; `reopened` needs it (the reason); `resolved` reads its figures from it")
    .option("--tell-worker <text>", "a sentence passed on to the worker (with `resolved`, after the sum recovered)")
    .option("--to <division>", "transferred: the county that takes the case, by its six-digit code or its name (江北区, 重庆江北区)")
    .option("--recovered <amount>", "resolved: money recovered for the workers, in yuan (236000, 23.6万; 0 if none)")
    .option("--workers-paid <n>", "resolved: how many workers were paid (default: the workers of the complaint)")
    .option("--paid-with <id>", "resolved: this worker was paid with another complaint of the same group (同案组), whose resolution recorded the money; nothing is recorded here twice, and the worker is told it was paid with the group", caseIdArgument)
    .option("--confirm-figures", "resolved: take a sum more than twice the complaint's, or more workers paid than the complaint counts (refused otherwise, as a likely typo)")
    .option("--record <kind>", `handling: what was done, one of ${RECORD_KINDS.join(", ")} (or its name: 立案, 责令改正, 行政处理决定, 行政处罚决定, 协调/调解, 仲裁/速裁, 移送公安, 公安机关立案, 垫付)`)
    .option("--category <category>", `referred: what the complaint is instead (${CATEGORIES.filter((c) => c !== "wage_arrears").join(", ")}, or its name: 劳动争议, 工伤…)`)
    .action((id: string, status: CaseStatus, options: SetStatusOptions) => {
      const app = openApp();
      const t = translator(app.config.DEFAULT_LOCALE);
      try {
        if (options.by.trim() === "") throw new InvalidArgumentError(t("cli.byRequired"));
        // An option of another action would be dropped without a word ("handling --recovered 5000" records
        // no money), or recorded where it means nothing (a category on a handling note): refused instead.
        const belongs: [string, unknown, CaseStatus][] = [
          ["--to", options.to, "transferred"],
          ["--recovered", options.recovered, "resolved"],
          ["--workers-paid", options.workersPaid, "resolved"],
          ["--confirm-figures", options.confirmFigures, "resolved"],
          ["--paid-with", options.paidWith, "resolved"],
          ["--category", options.category, "referred"],
        ];
        const misplaced = belongs.find(([, value, only]) => value !== undefined && value !== false && status !== only);
        if (misplaced) {
          throw new InvalidArgumentError(t("cli.optionNotForStatus", { option: misplaced[0], for: t(`deskStatus.${misplaced[2]}`), status: t(`deskStatus.${status}`) }));
        }
        // Asking the worker (需补充) is a question relayed to them; their answer comes back as an event.
        // Officers write the question with --note as with every other status: it is the question, not an
        // internal note, or it would never reach the worker. Given both, --tell-worker is the question.
        const question = status === "awaiting_worker" ? options.tellWorker?.trim() || options.note?.trim() || "" : "";
        if (status === "awaiting_worker" && question === "") throw new InvalidArgumentError(t("cli.questionRequired"));
        // 重新办理 undoes a closing that went into the statistics: why is on the record.
        if (status === "reopened" && !options.note?.trim()) throw new InvalidArgumentError(t("cli.reopenReasonRequired"));
        // 办结 is recorded with how it was resolved: the ledger and the reports read it.
        if (status === "resolved" && !options.note?.trim() && options.recovered === undefined && options.paidWith === undefined) throw new InvalidArgumentError(t("cli.resolutionRequired"));
        // 不属于欠薪: the worker must be told where to go instead (首问负责制), not only that they were "told".
        if (status === "referred" && !options.tellWorker?.trim()) throw new InvalidArgumentError(t("cli.referralRequired"));
        // 转办: to a named desk, which the worker is told of; its officers may then act on the case.
        let moveToJurisdiction: string | undefined;
        let transferNamed: { name: string; code: string } | undefined;
        let recorded: { recovered: number; workersPaid: number; claim: { amount: string; workers: number | string } } | undefined;
        let noteForWorker = options.tellWorker;
        let note = options.note?.trim() || undefined;
        // What the worker is told goes in their language.
        const filed = app.ledger.find(id);
        // A step the case cannot take is refused before anything else is checked or said: figures
        // printed as "recorded" and then refused read as a second record.
        if (filed && !mayMove(filed.status as CaseStatus, status)) throw new StatusTransitionError(filed.status as CaseStatus, status);
        const tw = translator(filed?.locale === "en" ? "en" : "zh-CN");
        const leftBehind =
          status === "transferred" && filed?.groupId != null
            ? (app.store.sqlite.prepare("SELECT id FROM cases WHERE group_id = ? AND id <> ? ORDER BY created_at").pluck().all(filed.groupId, filed.id) as string[])
            : [];
        // The officer's own words reach the worker as written (nothing translates them): a worker who
        // writes English would get a question or a referral they cannot read. A Chinese name inside
        // English words is fine; words with no English at all are sent back to be rewritten.
        const toWorker = status === "awaiting_worker" ? question : (options.tellWorker?.trim() ?? "");
        if (filed?.locale === "en" && /\p{Script=Han}/u.test(toWorker) && !/[A-Za-z]{2,}/.test(toWorker)) {
          throw new InvalidArgumentError(t("cli.writeInWorkerLanguage", { language: t("slack:languageName.en") }));
        }
        if (status === "resolved" && options.paidWith !== undefined) {
          // 随同案组结清: the money was recorded once, on the other complaint of the group; this one records
          // none (the campaign table counts the group's claim once), and its worker hears where it went.
          const other = app.ledger.find(options.paidWith);
          if (options.recovered !== undefined || options.workersPaid !== undefined) throw new InvalidArgumentError(t("cli.paidWithNoFigures"));
          if (!other || other.id === id || filed?.groupId == null || other.groupId !== filed.groupId) {
            throw new InvalidArgumentError(t("cli.paidWithNotInGroup", { other: formatCaseId(options.paidWith), id: formatCaseId(id) }));
          }
          note = `${resolutionNote({ recovered: 0, workersPaid: 0 }, note)};paidWith:${other.id}`;
          noteForWorker = [tw("slack:worker.paidWithGroup", { id: formatCaseId(other.id) }), options.tellWorker ?? ""].filter(Boolean).join("\n");
        } else if (status === "resolved") {
          // 办结 with its figures, which the campaign report counts: given as options, else read from the note.
          const read = readResolution(note ?? "", filed?.amountYuan ?? null);
          const recovered = options.recovered !== undefined ? parseYuan(options.recovered) : (read.recovered ?? null);
          if (recovered === null) throw new InvalidArgumentError(t(options.recovered !== undefined ? "cli.badRecovered" : "cli.recoveredRequired", { value: options.recovered ?? "" }));
          // Nothing recovered: nobody was paid, unless the officer says otherwise.
          const workersPaid =
            options.workersPaid !== undefined ? Number(options.workersPaid) : (read.workersPaid ?? (recovered > 0 ? (filed?.headcountMin ?? 0) : 0));
          if (!Number.isInteger(workersPaid) || workersPaid < 0) throw new InvalidArgumentError(t("cli.badWorkersPaid", { value: options.workersPaid ?? "" }));
          // Far beyond the complaint: a slip of a digit would go into the statistics reported upward and to
          // the worker, so it is refused unless confirmed (the desk's modal sends such figures here).
          const beyond = filed ? beyondClaim(filed, { recovered, workersPaid }) : { amount: false, workers: false };
          const claim = { amount: filed?.amountYuan?.toLocaleString("en-US") ?? "-", workers: filed?.headcountMax ?? "-" };
          const refusals = [
            beyond.amount ? t("cli.amountAboveClaim", claim) : null,
            beyond.workers ? t("cli.workersAboveHeadcount", { count: filed?.headcountMax ?? 0, paid: workersPaid }) : null,
          ].filter((refusal): refusal is string => refusal !== null);
          if (refusals.length > 0 && !options.confirmFigures) throw new InvalidArgumentError(refusals.join("\n"));
          // The group's workers bound the paid of all its resolutions together: the same workers counted
          // twice would go into the table reported upward, so --confirm-figures does not take it (a
          // headcount too low is put right with \`case correct\` first).
          // The money likewise: what the group's resolutions record together is bounded by what is owed to
          // the group (its own amount for a group with none), whatever --confirm-figures says.
          const excess = groupWorkersPaidExcess(app.store.sqlite, id, workersPaid);
          const moneyExcess = groupRecoveredExcess(app.store.sqlite, id, recovered);
          const groupRefusals = [
            excess ? t("cli.workersAboveGroup", { ...excess, group: excess.groupId, paid: workersPaid, id: formatCaseId(id) }) : null,
            moneyExcess
              ? t("cli.recoveredAboveGroup", {
                  group: moneyExcess.groupId,
                  owed: moneyExcess.owed.toLocaleString("en-US"),
                  others: moneyExcess.othersRecovered.toLocaleString("en-US"),
                  room: moneyExcess.room.toLocaleString("en-US"),
                  recovered: recovered.toLocaleString("en-US"),
                  id: formatCaseId(id),
                })
              : null,
          ].filter((refusal): refusal is string => refusal !== null);
          if (groupRefusals.length > 0) throw new InvalidArgumentError(groupRefusals.join("\n"));
          note = resolutionNote({ recovered, workersPaid }, note);
          // The worker hears the money, and what the officer tells them (--tell-worker); the note stays
          // the ledger's, as everywhere else.
          noteForWorker = [moneyNews(tw, recovered, filed?.amountYuan ?? null), options.tellWorker ?? ""].filter(Boolean).join("\n");
          // Said once they are recorded (after the status change below), never before a refusal.
          recorded = { recovered, workersPaid, claim };
        }
        if (options.record !== undefined) {
          const recordLabel = (kind: string) => `slack:record.${kind}`;
          // The code, the desk's name (立案, 协调…) or another word for it (调解, 速裁, mediate…).
          const record = codeFromWords(options.record, RECORD_KINDS, recordLabel) ?? recordKindFromAlias(options.record);
          if (record === null) {
            const kinds = RECORD_KINDS.map((kind) => {
              const other = RECORD_SHOWN_ALIAS[kind]?.[app.config.DEFAULT_LOCALE];
              const words = [t(recordLabel(kind)).replace(/\s*[（(].*$/, ""), ...(other ? [other] : [])];
              return `${kind}${t("punctuation.aside", { text: words.join(t("punctuation.alternative")) })}`;
            }).join(t("punctuation.enumeration"));
            throw new InvalidArgumentError(t("cli.badRecord", { value: options.record, kinds }));
          }
          // The same handling again tells the worker nothing new.
          if (lastRecordKind(app.ledger.events(id)) === record) {
            throw new InvalidArgumentError(t("slack:refuse.recordedBefore", { what: t(`slack:record.${record}`) }));
          }
          note = note ? `record:${record} ${note}` : `record:${record}`;
          noteForWorker ??= tw("slack:worker.record", { what: tw(`slack:record.${record}`) });
        }
        let category: Category | undefined;
        if (options.category !== undefined) {
          const referable = CATEGORIES.filter((c) => c !== "wage_arrears");
          const categoryLabel = (c: string) => `category.${c}`;
          const parsed = categorySchema.safeParse(codeFromWords(options.category, referable, categoryLabel));
          if (!parsed.success || parsed.data === "wage_arrears") throw new InvalidArgumentError(t("cli.badCategory", { categories: codesWithWords(t, referable, categoryLabel) }));
          category = parsed.data;
          note = note ? `category:${category} ${note}` : `category:${category}`;
          // The worker hears what it is found to be and where to go, as from the desk's modal.
          if (status === "referred" && options.tellWorker?.trim()) {
            noteForWorker = tw("slack:worker.notArrears", { category: tw(`category.${category}`), remedy: options.tellWorker.trim() });
          }
        }
        if (status === "transferred") {
          // Examples cite a county near the case (its city, its province), not one of another province.
          const near = filed?.jurisdictionCode ?? filed?.divisionCode ?? null;
          const short = (d: { code: string; name: string } | undefined) => (d ? `${d.code}${t("punctuation.aside", { text: d.name })}` : "");
          const typed = options.to?.trim() ?? "";
          if (typed === "") throw new InvalidArgumentError(t("cli.transferTargetRequired", { example: short(exampleCounty(app.gazetteer, near)) }));
          const read = readDivisionInput(app.gazetteer, typed, near);
          const full = (d: { code: string }) => `${d.code}${t("punctuation.aside", { text: app.gazetteer.fullName(d.code) })}`;
          if (read.kind === "unknown") {
            const example = short(exampleCounty(app.gazetteer, near));
            throw new InvalidArgumentError(/^\d+$/.test(typed) ? t("cli.transferTargetUnknown", { code: typed, example }) : t("cli.transferNameUnknown", { name: typed, example }));
          }
          // A desk is a county (区县): a city or a province handles no case of its own.
          if (read.kind === "notCounty") throw new InvalidArgumentError(t("cli.transferNotCounty", { code: read.code, name: read.name, example: short(read.example) }));
          if (read.kind === "suggest") throw new InvalidArgumentError(t("cli.transferSuggest", { typed, candidate: app.gazetteer.fullName(read.division.code), code: read.division.code }));
          if (read.kind === "several") {
            throw new InvalidArgumentError(t("cli.transferSeveral", { typed, candidates: read.candidates.map(full).join(t("punctuation.enumeration")), code: read.candidates[0]!.code }));
          }
          const division = read.division;
          if (division.code === app.ledger.find(id)?.jurisdictionCode) {
            throw new InvalidArgumentError(t("cli.transferSameDesk", { name: app.gazetteer.fullName(division.code) }));
          }
          // Found by its name: the officer sees which county it was.
          if (read.lookedUp) transferNamed = { name: app.gazetteer.fullName(division.code), code: division.code };
          moveToJurisdiction = division.code;
          noteForWorker ??= tw("slack:worker.transferred", { division: app.gazetteer.fullName(division.code) });
        }
        const row =
          status === "awaiting_worker"
            ? app.actions.askWorker({ caseId: id, question, by: options.by, channel: "cli", note: options.tellWorker?.trim() ? note : undefined })
            : app.actions.setStatus({
                caseId: id,
                status,
                by: options.by,
                channel: "cli",
                note,
                noteForWorker,
                moveToJurisdiction,
              });
        if (recorded) {
          const { recovered, workersPaid, claim } = recorded;
          process.stdout.write(`${t("cli.resolutionRecorded", { recovered: recovered.toLocaleString("en-US"), workers: workersPaid })}\n`);
          // 案结事了: closing while most of the money or most of the workers are still unpaid is allowed (the
          // rest may go to court) but said, so that it is a choice and not a slip.
          const rest = filed ? stillOwed(filed, recovered) : null;
          const fewerPaid = filed !== undefined && recovered > 0 && filed.headcountMin !== null && workersPaid < filed.headcountMin / 2;
          if (rest !== null) process.stderr.write(`${t("cli.moneyStillOwed", { ...claim, rest: rest.toLocaleString("en-US") })}\n`);
          else if (fewerPaid) process.stderr.write(`${t("cli.figuresBelowClaim", claim)}\n`);
        }
        process.stdout.write(`${t("cli.statusSet", { id: formatCaseId(row.id), status: t(`deskStatus.${status}`) })}\n`);
        if (transferNamed) process.stdout.write(`${t("cli.transferredTo", transferNamed)}\n`);
        // One complaint of a collective group moved: the group no longer holds it, and its others stay where
        // they were — said, with their IDs, so that the desk moves them too if the project is elsewhere.
        if (leftBehind.length > 0) process.stdout.write(`${t("cli.groupLeftBehind", { group: filed?.groupId ?? "", ids: leftBehind.map(formatCaseId).join("、") })}\n`);
      } catch (error) {
        process.exitCode = 1;
        if (error instanceof CaseNotFoundError) {
          process.stderr.write(`${t("cli.noCase", { id: formatCaseId(id) })}\n`);
        } else if (error instanceof StatusTransitionError) {
          process.stderr.write(
            `${t("cli.badTransition", {
              from: t(`deskStatus.${error.from}`),
              to: t(`deskStatus.${error.to}`),
              allowed: statusWords(t, allowedNext(error.from)),
            })}\n`,
          );
        } else if (error instanceof InvalidArgumentError) {
          process.stderr.write(`${error.message}\n`);
        } else throw error;
      } finally {
        app.close();
      }
    });

  caseCommand.addCommand(correctCommand(openApp));

  program
    .command("triage")
    .description("read JSON lines {id, text} on stdin, write one triage line per input")
    .action(async () => {
      // Reading and routing only: no database is opened (or created) for triage.
      const { gazetteer, router } = openTriage();
      await runTriage(process.stdin, process.stdout, { gazetteer, router, t: translator("zh-CN") });
    });

  program
    .command("eval")
    .description("score triage on a labelled JSONL file")
    .argument("<file>", "labelled file like ../shared/eval/dev.jsonl")
    .option("--misses", "also list every wrong field")
    .option("--extractor <name>", "rules | llm | both (llm needs OPENAI_API_KEY)", "rules")
    .action(async (file: string, options: { misses?: boolean; extractor: string }) => {
      const { config, gazetteer, router } = openTriage();
      {
        const extractor = parseExtractor(options.extractor);
        const modelOptions = modelOptionsFromConfig(config);
        if (extractor !== "rules" && !modelOptions) {
          process.stderr.write(`${translator(config.DEFAULT_LOCALE)("cli.extractorNeedsModel")}\n`);
          process.exitCode = 2;
          return;
        }
        await runEvalWith(file, { gazetteer, router }, process.stdout, {
          extractor,
          showMisses: options.misses ?? false,
          ...(modelOptions && extractor !== "rules" ? { modelReader: new ModelReader(modelOptions, gazetteer) } : {}),
        });
      }
    });

  program.addCommand(officerCommand(openApp));
  program.addCommand(schedulerCommand(openApp));
  program.addCommand(groupCommand(openApp));
  program.addCommand(deskCommand(openApp));
  program.addCommand(reportCommand(openApp));
  program.addCommand(
    dbCommand(openApp, () => {
      const path = sqlitePath(loadConfig().DATABASE_URL);
      return path === ":memory:" ? path : resolve(path);
    }),
  );

  // Commander's own errors in the officers' language, on every command (mounted ones included).
  localizeCommanderErrors(program);

  // Commands that read or act on cases need the database there is: run in another directory (a cron
  // job in $HOME), they would otherwise make a new, empty one and answer "no cases".
  program.hook("preAction", (_program, action) => {
    const top = topCommand(action);
    const creates = top === "start" || top === "chat" || top === "triage" || top === "eval" || (top === "officer" && action.name() === "add") || (top === "db" && action.name() === "path");
    if (creates) return;
    const config = loadConfig();
    const refusal = requireDatabase(sqlitePath(config.DATABASE_URL), config.DEFAULT_LOCALE);
    if (refusal) action.error(refusal);
  });

  return program;
}

// `arrears case list | head`: the reader went away; stop quietly instead of a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

interface SetStatusOptions {
  by: string;
  note?: string;
  tellWorker?: string;
  to?: string;
  recovered?: string;
  workersPaid?: string;
  confirmFigures?: boolean;
  paidWith?: string;
  record?: string;
  category?: string;
}

const FILE_ERRORS = ["ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS"];

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof ConfigFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  // A file that cannot be read or written (eval FILE, report --xlsx FILE): say which, no stack trace.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && FILE_ERRORS.includes(code)) {
    const path = (error as NodeJS.ErrnoException).path ?? "";
    process.stderr.write(`${translator(loadConfig().DEFAULT_LOCALE)(`cli.file.${code}`, { path })}\n`);
    process.exit(1);
  }
  throw error;
}
