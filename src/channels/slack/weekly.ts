// The weekly dispatch (周调度) posted to the leaders' Slack channel. The schedule is wired by the caller
// (see nextWeeklyRun); this posts one report now.
import type { App } from "../../app.js";
import { translator } from "../../i18n.js";
import { renderWeeklyTable, weeklyReport, type WeeklyReport } from "../../reports/weekly.js";
import type { SlackClient } from "./tickets.js";

/** Posts the report of the week ending now; returns the message ts and the figures posted. */
export async function postWeeklyReport(
  app: App,
  slackClient: SlackClient,
  channel: string,
  options: { division?: string | null; days?: number } = {},
): Promise<{ ts: string | undefined; report: WeeklyReport }> {
  const report = weeklyReport(app.store, app.gazetteer, { now: app.clock.now(), timeZone: app.config.TIME_ZONE, ...options });
  const t = translator(app.config.DEFAULT_LOCALE);
  const table = renderWeeklyTable(report, t, app.config.TIME_ZONE, app.gazetteer);
  const [title, ...rest] = table.split("\n");
  const result = await slackClient.chat.postMessage({
    channel,
    text: title ?? "",
    blocks: [
      { type: "header", text: { type: "plain_text", text: (title ?? "").slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: `\`\`\`${rest.join("\n").trim().slice(0, 2900)}\`\`\`` } },
    ],
  });
  if (!result.ok) throw new Error(`chat.postMessage failed: ${result.error ?? "unknown"}`);
  return { ts: result.ts, report };
}

/**
 * The next time the weekly report is due after `after`: the given weekday (1 = Monday … 7 = Sunday)
 * at `hour`:00 local time in `timeZone`.
 */
export function nextWeeklyRun(after: number, timeZone: string, weekday = 1, hour = 9): number {
  const names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  const formatter = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23" });
  // Walk forward hour by hour (at most a week) to the first whole local hour that matches.
  let at = Math.floor(after / 3_600_000) * 3_600_000 + 3_600_000;
  for (let i = 0; i < 24 * 8 + 2; i++, at += 3_600_000) {
    const parts = Object.fromEntries(formatter.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
    if (names.indexOf(parts.weekday ?? "") + 1 === weekday && Number(parts.hour) === hour && Number(parts.minute) === 0) return at;
  }
  throw new Error(`no weekly run found for ${timeZone}`);
}
