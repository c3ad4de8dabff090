// `arrears scheduler tick|deadlines`: one scheduler pass from the command line (cron), and the open
// deadlines. Mounted by src/cli.ts:
//   program.addCommand(schedulerCommand(openApp));
import { Command } from "commander";
import { and, asc, isNull, lt, ne } from "drizzle-orm";
import { withApp, type App } from "../app.js";
import { positiveInteger } from "../cli-arguments.js";
import { formatCaseId } from "../cases/case-id.js";
import { deadlines } from "../db/schema.js";
import { formatLocalDateTime } from "../cases/deadlines.js";
import { translator } from "../i18n.js";
import { Scheduler } from "./scheduler.js";

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
    .option("--limit <n>", "at most n", positiveInteger, 100)
    .action((options: { overdue?: boolean; json?: boolean; limit: number }) => {
      withApp(openApp, (app) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        const now = app.clock.now();
        const rows = app.store.db
          .select()
          .from(deadlines)
          .where(and(isNull(deadlines.closedAt), ne(deadlines.kind, "follow_up"), options.overdue ? lt(deadlines.dueAt, now) : undefined))
          .orderBy(asc(deadlines.dueAt))
          .limit(options.limit)
          .all();
        if (rows.length === 0 && !options.json) out(t("scheduler:cli.none"));
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
