// `arrears scheduler tick|deadlines`: one scheduler pass from the command line (cron), and the open
// deadlines. Mounted by src/cli.ts:
//   program.addCommand(schedulerCommand(openApp));
import { Command } from "commander";
import { and, asc, eq, getTableColumns, gte, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { withApp, type App } from "../app.js";
import { positiveInteger } from "../cli-arguments.js";
import { formatCaseId } from "../cases/case-id.js";
import { OPEN_STATUSES } from "../cases/statuses.js";
import type { Db } from "../db/open.js";
import { cases, deadlines } from "../db/schema.js";
import { divisionPrefix } from "../reports/period.js";
import { formatLocalDateTime } from "../cases/deadlines.js";
import { translator } from "../i18n.js";
import { Scheduler } from "./scheduler.js";

export interface DeadlineListOptions {
  now: number;
  overdue?: boolean;
  /** Only the deadlines of the cases at this desk: a county's code, or a city's or province's (all desks under it). */
  division?: string;
  limit: number;
}

/**
 * The open deadlines (the follow-up aside), earliest first. With a division, the list starts from the
 * desk's open cases in cases_jurisdiction_idx (jurisdiction_code, status) — a county by equality, a city
 * or province by a range of codes — and reaches their deadlines through deadlines_case_idx, so a desk's
 * list costs its own open cases, not every open deadline of the province. Only open cases are read: a
 * resolution or referral closes every deadline but the follow-up, which this list leaves out.
 */
export function openDeadlinesQuery(db: Db, options: DeadlineListOptions) {
  const overdue = options.overdue ? lt(deadlines.dueAt, options.now) : undefined;
  if (options.division === undefined) {
    return db
      .select()
      .from(deadlines)
      .where(and(isNull(deadlines.closedAt), ne(deadlines.kind, "follow_up"), overdue))
      .orderBy(asc(deadlines.dueAt))
      .limit(options.limit);
  }
  const prefix = divisionPrefix(options.division);
  const openCase = inArray(cases.status, [...OPEN_STATUSES]);
  // A county: its code and the open statuses, both columns of the index. A city or province: the range
  // of its codes ("4107" covers 410700–410799, up to "4108"), with the status read from the index entry —
  // the unary + keeps SQLite off cases_status_idx, every open case of every desk.
  const atDesk =
    prefix.length === 6
      ? and(eq(cases.jurisdictionCode, prefix), openCase)
      : and(
          gte(cases.jurisdictionCode, prefix),
          lt(cases.jurisdictionCode, String(Number(prefix) + 1).padStart(prefix.length, "0")),
          sql`+${cases.status} IN (${sql.join(OPEN_STATUSES.map((status) => sql`${status}`), sql.raw(", "))})`,
        );
  return db
    .select(getTableColumns(deadlines))
    .from(cases)
    .innerJoin(deadlines, eq(deadlines.caseId, cases.id))
    // The unary + keeps SQLite from starting at every open deadline (deadlines_remind_idx on closed_at),
    // which it prefers without statistics.
    .where(and(atDesk, sql`+${deadlines.closedAt} IS NULL`, ne(deadlines.kind, "follow_up"), overdue))
    .orderBy(asc(deadlines.dueAt))
    .limit(options.limit);
}

export function schedulerCommand(openApp: () => App, out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Command {
  const command = new Command("scheduler").description("deadlines: reminders, escalation and follow-ups (回头看)");

  command
    .command("tick")
    .description("run one scheduler pass now (reminders, escalations, follow-ups) and exit — e.g. from cron")
    .option("--json", "print the counts as JSON")
    .action((options: { json?: boolean }) => {
      withApp(openApp, (app) => {
        const result = new Scheduler(app).tick();
        const t = translator(app.config.DEFAULT_LOCALE);
        out(options.json ? JSON.stringify(result) : t("scheduler:cli.tick", { ...result }));
      });
    });

  command
    .command("deadlines")
    .description("open deadlines, earliest first")
    .option("--overdue", "only those past due")
    .option("--json", "JSON lines")
    .option("--division <code>", "only the deadlines of this desk: a county's six-digit code, or a city's or province's (all desks under it)")
    .option("--limit <n>", "at most n", positiveInteger, 100)
    .action((options: { overdue?: boolean; json?: boolean; division?: string; limit: number }) => {
      withApp(openApp, (app) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        const now = app.clock.now();
        const division = options.division?.trim();
        // An unknown code is told, not answered with an empty list that reads as "nothing due".
        if (division !== undefined && !app.gazetteer.byCode(division)) command.error(t("cli.divisionUnknown", { code: division }));
        const rows = openDeadlinesQuery(app.store.db, { now, overdue: options.overdue, division, limit: options.limit }).all();
        // Nothing overdue is not nothing open: said as what was asked.
        if (rows.length === 0 && !options.json) out(t(options.overdue ? "scheduler:cli.noneOverdue" : "scheduler:cli.none"));
        for (const row of rows) {
          const due = new Date(row.dueAt).toISOString();
          if (options.json) {
            out(JSON.stringify({ caseId: formatCaseId(row.caseId), kind: row.kind, dueAt: due, overdue: row.dueAt < now, remindedAt: row.remindedAt, escalatedAt: row.escalatedAt }));
          } else {
            // Officers read local time, as `case show` prints it; JSON keeps the ISO instant.
            const local = formatLocalDateTime(row.dueAt, app.config.TIME_ZONE);
            out(`${formatCaseId(row.caseId)}  ${t(`scheduler:kind.${row.kind}`)}  ${local}${row.dueAt < now ? `  ${t("scheduler:cli.overdue")}` : ""}${row.escalatedAt ? `  ${t("scheduler:cli.escalated")}` : ""}`);
          }
        }
      });
    });

  return command;
}
