// The case ledger (台账): cases, their append-only event log, and evidence. All writes that matter
// happen inside the caller's transaction (better-sqlite3 transactions are synchronous).
import { and, desc, eq, inArray, lt, isNotNull, asc, sql } from "drizzle-orm";
import { preparedInsert } from "../db/prepared.js";
import type { Db } from "../db/open.js";
import { attachments, caseEvents, cases } from "../db/schema.js";
import type { AttachmentInput } from "../dialogs/session.js";
import type { CaseStatus } from "./statuses.js";
import { OPEN_STATUSES } from "./statuses.js";

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;

export interface EventInput {
  caseId: string;
  at: number;
  actor: string;
  channel: string;
  type: string;
  data?: Record<string, unknown>;
}

export class CaseLedger {
  private readonly insertCaseRow;
  private readonly insertEventRow;
  private readonly insertAttachmentRow;
  private readonly findById;

  /** Public for modules that write beside the ledger in the same transaction (groups). */
  constructor(readonly db: Db) {
    this.insertCaseRow = preparedInsert(db, cases);
    this.insertEventRow = preparedInsert(db, caseEvents);
    this.insertAttachmentRow = preparedInsert(db, attachments);
    this.findById = db.select().from(cases).where(eq(cases.id, sql.placeholder("id"))).prepare();
  }

  insertCase(row: NewCaseRow): void {
    this.insertCaseRow(row);
  }

  find(id: string): CaseRow | undefined {
    return this.findById.get({ id });
  }

  events(caseId: string): CaseEventRow[] {
    return this.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id)).all();
  }

  appendEvent(event: EventInput): void {
    this.insertEventRow({ ...event, data: event.data ?? {} });
  }

  updateStatus(id: string, status: CaseStatus, at: number, dueAt: number | null): void {
    this.db.update(cases).set({ status, updatedAt: at, dueAt }).where(eq(cases.id, id)).run();
  }

  setResponsibleOfficer(id: string, officer: string): void {
    this.db.update(cases).set({ responsibleOfficer: officer }).where(eq(cases.id, id)).run();
  }

  setJurisdiction(id: string, code: string): void {
    this.db.update(cases).set({ jurisdictionCode: code }).where(eq(cases.id, id)).run();
  }

  /**
   * An open case of this filer about the same thing (same place and amount, and the same employer or
   * project as written), if any. Reads only the filer's own recent cases (cases_filer_idx).
   */
  openDuplicate(
    filerKey: string,
    facts: { divisionCode: string | null; amountYuan: number | null; employer: string | null; project: string | null },
  ): CaseRow | undefined {
    const same = (a: string | null, b: string | null) => a !== null && b !== null && a.replace(/\s/g, "") === b.replace(/\s/g, "");
    return this.listByFiler(filerKey, 20).find(
      (row) =>
        OPEN_STATUSES.includes(row.status as CaseStatus) &&
        row.divisionCode === facts.divisionCode &&
        row.amountYuan === facts.amountYuan &&
        (same(row.employer, facts.employer) || same(row.project, facts.project)),
    );
  }

  /** The filer's case waiting for their answer to an officer's question (需补充), if any. */
  awaitingAnswerFrom(filerKey: string): { id: string } | undefined {
    // Asked on every free message without a draft: prepared once, id only.
    this.awaitingStatement ??= this.prepareAwaiting();
    return this.awaitingStatement.get({ filerKey });
  }

  private awaitingStatement: ReturnType<CaseLedger["prepareAwaiting"]> | undefined;

  private prepareAwaiting() {
    return this.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.filerKey, sql.placeholder("filerKey")), eq(cases.status, "awaiting_worker")))
      .orderBy(desc(cases.updatedAt))
      .limit(1)
      .prepare();
  }

  addAttachment(caseId: string, at: number, attachment: AttachmentInput): void {
    this.insertAttachmentRow({
        caseId,
        at,
        kind: attachment.type,
        fileId: attachment.fileId,
        sizeBytes: attachment.sizeBytes,
        caption: attachment.caption,
        storedPath: attachment.storedPath,
      });
  }

  attachments(caseId: string): AttachmentRow[] {
    return this.db.select().from(attachments).where(eq(attachments.caseId, caseId)).all();
  }

  private byFilerStatement: ReturnType<CaseLedger["prepareByFiler"]> | undefined;

  private prepareByFiler() {
    return this.db
      .select()
      .from(cases)
      .where(eq(cases.filerKey, sql.placeholder("filerKey")))
      .orderBy(desc(cases.createdAt))
      .limit(sql.placeholder("limit"))
      .prepare();
  }

  /** A worker's own cases, newest first (/mycases, the duplicate check): prepared, cases_filer_idx. */
  listByFiler(filerKey: string, limit = 10): CaseRow[] {
    this.byFilerStatement ??= this.prepareByFiler();
    return this.byFilerStatement.all({ filerKey, limit });
  }

  list(options: { status?: CaseStatus; open?: boolean; overdueAt?: number; limit?: number }): CaseRow[] {
    const conditions = [];
    if (options.status) conditions.push(eq(cases.status, options.status));
    if (options.open && options.overdueAt !== undefined) {
      // The unary + keeps SQLite off the status index: walking cases_open_due_idx (newest first,
      // due dates at hand) finds the overdue ones in a million cases in about a millisecond.
      conditions.push(sql`+${cases.status} IN (${sql.join(OPEN_STATUSES.map((status) => sql`${status}`), sql.raw(", "))})`);
    } else if (options.open) conditions.push(inArray(cases.status, [...OPEN_STATUSES]));
    if (options.overdueAt !== undefined) {
      conditions.push(isNotNull(cases.dueAt), lt(cases.dueAt, options.overdueAt));
    }
    return this.db
      .select()
      .from(cases)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(cases.createdAt))
      .limit(options.limit ?? 100)
      .all();
  }
}
