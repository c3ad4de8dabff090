// Updates already handled, so that an at-least-once delivery (webhook retries, the unconfirmed last
// batch of a long poll after a restart) is processed once. Rows live in processed_updates.
import { and, eq, lt } from "drizzle-orm";
import type { Store } from "../../db/open.js";
import { processedUpdates } from "../../db/schema.js";

export const UPDATE_SOURCE = "telegram";
/** Telegram keeps an unconfirmed update for 24 hours; a week of ids is plenty. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export class UpdateLog {
  constructor(
    private readonly store: Store,
    private readonly source = UPDATE_SOURCE,
  ) {}

  seen(updateId: number): boolean {
    const row = this.store.db
      .select({ at: processedUpdates.at })
      .from(processedUpdates)
      .where(and(eq(processedUpdates.source, this.source), eq(processedUpdates.updateId, String(updateId))))
      .get();
    return row !== undefined;
  }

  /** Records the update; false when it was already recorded. Call inside the turn's transaction. */
  record(updateId: number, now: number): boolean {
    const result = this.store.db
      .insert(processedUpdates)
      .values({ source: this.source, updateId: String(updateId), at: now })
      .onConflictDoNothing()
      .run();
    return result.changes > 0;
  }

  prune(now: number): number {
    return this.store.db
      .delete(processedUpdates)
      .where(and(eq(processedUpdates.source, this.source), lt(processedUpdates.at, now - KEEP_MS)))
      .run().changes;
  }
}
