// `arrears desk inbox`: what the desk would read in its channel — escalations, workers' answers and news,
// follow-ups not paid — for an office that works from the command line (no Slack). Without it those
// messages wait in the outbox where no one sees them. `--ack` marks them read (delivered), as Slack's
// delivery would; an office with Slack leaves that to Slack. Mounted by src/cli.ts.
import { Command, InvalidArgumentError } from "commander";
import { withApp, type App } from "../app.js";
import { positiveInteger } from "../cli-arguments.js";
import { translator } from "../i18n.js";
import { divisionPrefix } from "../reports/period.js";
import { formatCaseId } from "./case-id.js";
import { DESK_CHANNEL } from "./case-actions.js";
import { renderNotification } from "./notifications.js";
import type { OutboxRow } from "./outbox.js";
import { and, asc, eq, isNull, like } from "drizzle-orm";
import { cases, outbox } from "../db/schema.js";

interface InboxOptions {
  division?: string;
  limit: number;
  ack?: boolean;
}

/** The desk's unread messages, oldest first, of the cases a division (and those below it) holds now. */
export function deskInbox(app: App, options: { division?: string; limit: number }): OutboxRow[] {
  // outbox_pending_idx (channel, delivered_at, …) finds the unread; the case's desk filters them.
  const held = options.division ? like(cases.jurisdictionCode, `${divisionPrefix(options.division)}%`) : undefined;
  return app.store.db
    .select({ row: outbox })
    .from(outbox)
    .leftJoin(cases, eq(cases.id, outbox.caseId))
    .where(and(eq(outbox.channel, DESK_CHANNEL), isNull(outbox.deliveredAt), held))
    .orderBy(asc(outbox.id))
    .limit(options.limit)
    .all()
    .map(({ row }) => row);
}

export function deskCommand(openApp: () => App, out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Command {
  const command = new Command("desk").description("the officers' desk without Slack: its unread messages");
  command
    .command("inbox")
    .description("the desk's unread messages (escalations, workers' answers and news), oldest first")
    .option("--division <code>", "only cases held by this division or below it (410702, 4107 for the city)")
    .option("--limit <n>", "at most this many", positiveInteger, 50)
    .option("--ack", "mark the messages shown as read (offices without Slack)")
    .action((options: InboxOptions) =>
      withApp(openApp, (app) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        if (options.division !== undefined && !/^\d{2,6}$/.test(options.division)) {
          throw new InvalidArgumentError(t("cli.divisionUnknown", { code: options.division }));
        }
        const rows = deskInbox(app, options);
        if (rows.length === 0) {
          out(t("cli.deskInboxEmpty"));
          return;
        }
        const timeZone = app.config.TIME_ZONE;
        const when = new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" });
        for (const row of rows) {
          out(`${when.format(row.createdAt)}  ${row.caseId ? formatCaseId(row.caseId) : "-"}  ${renderNotification(row).replace(/\s*\n\s*/g, " ")}`);
        }
        if (options.ack) {
          const now = app.clock.now();
          app.store.sqlite.transaction(() => {
            for (const row of rows) app.outbox.markDelivered(row.id, now);
          })();
          out(t("cli.deskInboxAcked", { count: rows.length }));
        }
      }),
    );
  return command;
}
