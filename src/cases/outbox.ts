// The durable outbox of messages to workers. Writers enqueue inside their own transaction; each
// channel drains its rows and retries failures with exponential backoff, so a blocked bot or a
// network failure never blocks or fails the officer's action.
import { and, asc, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../db/open.js";
import { preparedInsert } from "../db/prepared.js";
import { caseEvents, dialogSessions, outbox } from "../db/schema.js";
import { formatCaseId } from "./case-id.js";

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutboxMessage {
  caseId: string | null;
  channel: string;
  recipientKey: string;
  locale: string;
  messageKey: string;
  /** Values, or translation keys ("…Key"; a list of them "…Keys") rendered in the reader's language. */
  params: Record<string, string | number | string[]>;
  /** Buttons sent with the message: the choice id and the translation key of its label. */
  choices?: { id: string; labelKey: string }[];
}

const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 30 * 60_000;
/** After this many failures a message is parked (still visible in the table) and not retried. */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** The officers' channel (case-actions' DESK_CHANNEL, which imports this module). */
const DESK = "desk";

export class Outbox {
  // Filings enqueue desk notes: prepared once (drizzle's builder cost more than the insert itself).
  private readonly insertRow;

  constructor(private readonly db: Db) {
    this.insertRow = preparedInsert(db, outbox);
  }

  /** Queues a message, due at once or from `notBefore`; returns the row's id. */
  enqueue(message: OutboxMessage, now: number, notBefore = now): number {
    return Number(this.insertRow({ ...message, createdAt: now, nextAttemptAt: notBefore }).lastInsertRowid);
  }

  /** A message queued to wait (a receipt held back while the reply itself is sent) made due now. */
  dueNow(id: number, now: number): void {
    this.db
      .update(outbox)
      .set({ nextAttemptAt: now })
      .where(and(eq(outbox.id, id), isNull(outbox.deliveredAt)))
      .run();
  }

  /** Messages due now on a channel; `recipientKey` narrows it to one person (a terminal). */
  due(channel: string, now: number, limit = 50, recipientKey?: string): OutboxRow[] {
    return this.db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.channel, channel),
          isNull(outbox.deliveredAt),
          lte(outbox.nextAttemptAt, now),
          recipientKey === undefined ? undefined : eq(outbox.recipientKey, recipientKey),
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(limit)
      .all();
  }

  /**
   * The language the recipient chose since (/lang), if any: a notice is written in the language of the
   * case but read in the worker's language of today.
   */
  recipientLocale(recipientKey: string): string | null {
    const row = this.db
      .select({ locale: sql<string | null>`json_extract(${dialogSessions.state}, '$.locale')` })
      .from(dialogSessions)
      .where(eq(dialogSessions.userKey, recipientKey))
      .get();
    return row?.locale ?? null;
  }

  /**
   * Whether the latest message of this kind about the case had reached its recipient by `at`
   * (an officer's question the worker has not seen cannot be answered yet).
   */
  deliveredBy(caseId: string, messageKey: string, at: number): boolean {
    this.latestOfKind ??= this.db
      .select({ deliveredAt: outbox.deliveredAt })
      .from(outbox)
      .where(and(eq(outbox.caseId, sql.placeholder("caseId")), eq(outbox.messageKey, sql.placeholder("messageKey"))))
      .orderBy(desc(outbox.id))
      .limit(1)
      .prepare();
    const row = this.latestOfKind.get({ caseId, messageKey });
    return row?.deliveredAt != null && row.deliveredAt <= at;
  }

  private latestOfKind: { get(values: { caseId: string; messageKey: string }): { deliveredAt: number | null } | undefined } | undefined;

  /**
   * A notice overtaken before it reached anyone (an officer's question, then the case closed): never sent.
   * It stays in the table, parked and marked, so that the record shows it was withdrawn, not lost.
   */
  withdrawUndelivered(caseId: string, messageKey: string, now: number): number {
    return this.db
      .update(outbox)
      .set({ nextAttemptAt: Number.MAX_SAFE_INTEGER, lastError: `withdrawn at ${new Date(now).toISOString()}: overtaken by a later step` })
      .where(and(eq(outbox.caseId, caseId), eq(outbox.messageKey, messageKey), isNull(outbox.deliveredAt)))
      .run().changes;
  }

  markDelivered(id: number, now: number): void {
    this.db.update(outbox).set({ deliveredAt: now, lastError: null }).where(eq(outbox.id, id)).run();
  }

  markFailed(row: OutboxRow, error: string, now: number, permanent = false): void {
    const attempts = row.attempts + 1;
    const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempts - 1));
    const parked = permanent || attempts >= MAX_DELIVERY_ATTEMPTS;
    this.db.transaction(() => {
      this.db
        .update(outbox)
        .set({
          attempts,
          lastError: error.slice(0, 500),
          nextAttemptAt: parked ? Number.MAX_SAFE_INTEGER : now + backoff,
        })
        .where(eq(outbox.id, row.id))
        .run();
      // A notice the worker will never get (blocked bot, chat gone) must not pass for told: it goes on
      // the case's record, and the desk hears of it, so that someone calls.
      if (parked && row.caseId !== null && row.channel !== DESK) {
        this.db
          .insert(caseEvents)
          .values({ caseId: row.caseId, at: now, actor: "system", channel: row.channel, type: "notice_undelivered", data: { messageKey: row.messageKey, error: error.slice(0, 200) } })
          .run();
        this.enqueue(
          {
            caseId: row.caseId,
            channel: DESK,
            recipientKey: `case:${row.caseId}`,
            locale: "zh-CN",
            messageKey: "desk.noticeUndelivered",
            params: { id: formatCaseId(row.caseId), whatKey: `noticeKind.${row.messageKey.replace(/[.:]/g, "_")}`, error: error.slice(0, 200) },
          },
          now,
        );
      }
    });
  }
}
