// The weekly dispatch (周调度) on a schedule: each week's slot is posted once, driven from the
// database, so a restart neither skips the week's report nor posts it twice.
import { and, eq } from "drizzle-orm";
import type { App } from "../../app.js";
import { processedUpdates } from "../../db/schema.js";
import type { SlackClient } from "./tickets.js";
import { nextWeeklyRun, postWeeklyReport } from "./weekly.js";

const WEEK_MS = 7 * 86_400_000;
/** A slot missed for longer than this (the app was down for days) is not posted late. */
const LATE_LIMIT_MS = 86_400_000;
const SOURCE = "weekly-report";

export interface WeeklySchedule {
  channel: string;
  weekday: number;
  hour: number;
}

/** The latest slot at or before `now`: the first one after a week ago. */
export function latestWeeklySlot(now: number, timeZone: string, weekday: number, hour: number): number {
  return nextWeeklyRun(now - WEEK_MS, timeZone, weekday, hour);
}

/** Posts this week's report if its slot has come and it was not posted yet; true when posted. */
export async function postWeeklyIfDue(app: App, client: SlackClient, schedule: WeeklySchedule): Promise<boolean> {
  const now = app.clock.now();
  const slot = latestWeeklySlot(now, app.config.TIME_ZONE, schedule.weekday, schedule.hour);
  if (slot > now || now - slot > LATE_LIMIT_MS) return false;
  const key = { source: SOURCE, updateId: String(slot) };
  const claimed = app.store.db
    .insert(processedUpdates)
    .values({ ...key, at: now })
    .onConflictDoNothing()
    .run();
  if (claimed.changes === 0) return false;
  try {
    await postWeeklyReport(app, client, schedule.channel);
    return true;
  } catch (error) {
    // Not posted: release the slot so the next tick tries again.
    app.store.db
      .delete(processedUpdates)
      .where(and(eq(processedUpdates.source, SOURCE), eq(processedUpdates.updateId, key.updateId)))
      .run();
    throw error;
  }
}
