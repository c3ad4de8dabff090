// The case ledger (台账): cases, their append-only event log, and evidence. All writes that matter
// happen inside the caller's transaction (better-sqlite3 transactions are synchronous).
import type { Statement } from "better-sqlite3";
import { and, desc, eq, inArray, lt, isNotNull, isNull, like, or, asc, sql } from "drizzle-orm";
import { fixedLimit, preparedInsert } from "../db/prepared.js";
import type { Db } from "../db/open.js";
import { attachments, caseEvents, cases } from "../db/schema.js";
import type { AttachmentInput } from "../dialogs/session.js";
import type { Category } from "../domain.js";
import type { CaseStatus } from "./statuses.js";
import { OPEN_STATUSES } from "./statuses.js";

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;

/** A row count written into the SQL (fixedLimit); anything else as drizzle takes it. */
const literalLimit = (rows: number): number => (Number.isSafeInteger(rows) && rows >= 0 ? fixedLimit(rows) : rows);

export interface ListOptions {
  status?: CaseStatus;
  open?: boolean;
  overdueAt?: number;
  limit?: number;
  /** Only cases whose jurisdiction starts with one of these code prefixes, and (`unplaced`) those with none. */
  jurisdictions?: { prefixes: readonly string[]; unplaced: boolean };
  /** Only cases this officer accepted (cases.responsible_officer, "slack:U123"). */
  responsibleOfficer?: string;
  /** Only major cases (重大欠薪). */
  major?: boolean;
  /** Only collective cases (集体欠薪: the case's own size or its group's). */
  collective?: boolean;
}

/** The duplicate check looks at the filer's latest cases only. */
const DUPLICATE_WINDOW = 20;

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

  /** How many events of a type a case has had since a moment (case_events_case_idx, then the rows). */
  countEvents(caseId: string, type: string, since: number): number {
    this.countStatement ??= this.db.$client.prepare<[string, string, number], number>(
      "SELECT count(*) FROM case_events WHERE case_id = ? AND type = ? AND at >= ?",
    ).pluck();
    return this.countStatement.get(caseId, type, since) ?? 0;
  }

  private countStatement: Statement<[string, string, number], number> | undefined;

  appendEvent(event: EventInput): void {
    this.insertEventRow({ ...event, data: event.data ?? {} });
  }

  updateStatus(id: string, status: CaseStatus, at: number, dueAt: number | null): void {
    this.db.update(cases).set({ status, updatedAt: at, dueAt }).where(eq(cases.id, id)).run();
  }

  setResponsibleOfficer(id: string, officer: string): void {
    this.db.update(cases).set({ responsibleOfficer: officer }).where(eq(cases.id, id)).run();
  }

  /** A case found to be major after it was logged (the worker spoke of extreme action). */
  markMajor(id: string, at: number): void {
    this.db.update(cases).set({ major: true, updatedAt: at }).where(eq(cases.id, id)).run();
  }

  /** An officer's finding of what the complaint is (不属于欠薪: a referral). */
  setCategory(id: string, category: Category): void {
    this.db.update(cases).set({ category, isArrears: category === "wage_arrears" }).where(eq(cases.id, id)).run();
  }

  /** Where the case goes, after what it is was found to be another thing (case-actions' reroute). */
  setRoute(id: string, route: Record<string, unknown>): void {
    this.db.update(cases).set({ route }).where(eq(cases.id, id)).run();
  }

  /** The worker's phone, given or changed after filing. */
  setPhone(id: string, phone: string, at: number): void {
    this.db.update(cases).set({ phone, updatedAt: at }).where(eq(cases.id, id)).run();
  }

  /** An officer's correction of the complaint's figures, names or kind of work (更正), with the grouping keys that follow from the names. */
  updateFacts(
    id: string,
    facts: Pick<CaseRow, "amountYuan" | "headcountMin" | "headcountMax" | "employer" | "project" | "employerKey" | "projectKey" | "sector" | "projectKind" | "ownership">,
    at: number,
  ): void {
    const { amountYuan, headcountMin, headcountMax, employer, project, employerKey, projectKey, sector, projectKind, ownership } = facts;
    this.db
      .update(cases)
      .set({ amountYuan, headcountMin, headcountMax, employer, project, employerKey, projectKey, sector, projectKind, ownership, updatedAt: at })
      .where(eq(cases.id, id))
      .run();
  }

  /** The case's own size says collective or major (a corrected headcount or amount): flags only rise. */
  raiseSize(id: string, size: { collective: boolean; major: boolean }, at: number): void {
    this.db
      .update(cases)
      .set({ ...(size.collective ? { collective: true } : {}), ...(size.major ? { major: true } : {}), updatedAt: at })
      .where(eq(cases.id, id))
      .run();
  }

  /** A major flag raised by a mistyped figure, withdrawn when the figure is put right. */
  lowerMajor(id: string, at: number): void {
    this.db.update(cases).set({ major: false, updatedAt: at }).where(eq(cases.id, id)).run();
  }

  /** A collective flag raised by a mistyped headcount, withdrawn when the figure is put right. */
  lowerCollective(id: string, at: number): void {
    this.db.update(cases).set({ collective: false, updatedAt: at }).where(eq(cases.id, id)).run();
  }

  setJurisdiction(id: string, code: string): void {
    this.db.update(cases).set({ jurisdictionCode: code }).where(eq(cases.id, id)).run();
  }

  /**
   * An open case of this filer about the same thing (same place and amount, and the same employer or
   * project as written), if any: a complaint confirmed twice is one complaint.
   */
  openDuplicate(
    filerKey: string,
    facts: { divisionCode: string | null; amountYuan: number | null; employer: string | null; project: string | null },
  ): Pick<CaseRow, "id" | "status"> | undefined {
    const row = this.openAbout(filerKey, facts).find((r) => r.amountYuan === facts.amountYuan);
    return row && { id: row.id, status: row.status };
  }

  /**
   * The filer's open complaint about the same employer or project in the same place, whatever its
   * amount: the worker may be putting a figure right ("其实欠我三万五，上次说错了") rather than telling
   * another story.
   */
  openSimilar(
    filerKey: string,
    facts: { divisionCode: string | null; employer: string | null; project: string | null },
  ): Pick<CaseRow, "id" | "status" | "amountYuan"> | undefined {
    const row = this.openAbout(filerKey, facts)[0];
    return row && { id: row.id, status: row.status, amountYuan: row.amountYuan };
  }

  /**
   * The filer's open cases of the same place naming the same employer or project, newest first, among
   * their 20 latest (cases_filer_idx). SQL keeps the open ones of the place and reads only the columns
   * compared; names are compared here, ignoring any white space.
   */
  private openAbout(filerKey: string, facts: { divisionCode: string | null; employer: string | null; project: string | null }) {
    const same = (a: string | null, b: string | null) => a !== null && b !== null && a.replace(/\s/g, "") === b.replace(/\s/g, "");
    this.openAboutStatement ??= this.prepareOpenAbout();
    return this.openAboutStatement
      .all({ filerKey, divisionCode: facts.divisionCode })
      .filter((row) => same(row.employer, facts.employer) || same(row.project, facts.project));
  }

  private openAboutStatement: ReturnType<CaseLedger["prepareOpenAbout"]> | undefined;

  private prepareOpenAbout() {
    const recent = this.db
      .select({
        id: cases.id,
        status: cases.status,
        divisionCode: cases.divisionCode,
        amountYuan: cases.amountYuan,
        employer: cases.employer,
        project: cases.project,
      })
      .from(cases)
      .where(eq(cases.filerKey, sql.placeholder("filerKey")))
      .orderBy(desc(cases.createdAt))
      .limit(fixedLimit(DUPLICATE_WINDOW))
      .as("recent");
    // The subquery keeps its order (newest first): SQLite runs it as a co-routine and filters its rows
    // as they come.
    return this.db
      .select({ id: recent.id, status: recent.status, amountYuan: recent.amountYuan, employer: recent.employer, project: recent.project })
      .from(recent)
      .where(and(inArray(recent.status, [...OPEN_STATUSES]), sql`${recent.divisionCode} IS ${sql.placeholder("divisionCode")}`))
      .prepare();
  }

  /** The filer's case waiting for their answer to an officer's question (需补充), if any. */
  awaitingAnswerFrom(filerKey: string): { id: string } | undefined {
    // Asked on every free message without a draft: prepared once, two columns. A filer has a few
    // cases, so the latest question is picked here rather than by a sort in SQLite.
    this.awaitingStatement ??= this.prepareAwaiting();
    let latest: { id: string; updatedAt: number } | undefined;
    for (const row of this.awaitingStatement.all({ filerKey })) {
      if (!latest || row.updatedAt > latest.updatedAt) latest = row;
    }
    return latest && { id: latest.id };
  }

  private awaitingStatement: ReturnType<CaseLedger["prepareAwaiting"]> | undefined;

  private prepareAwaiting() {
    // The filer's few cases (cases_filer_idx), named: without statistics (a new database) SQLite took
    // cases_status_idx and read every case awaiting any worker. (Drizzle selects only expressions from
    // such a source.)
    return this.db
      .select({ id: sql<string>`${cases.id}`, updatedAt: sql<number>`${cases.updatedAt}` })
      .from(sql`${cases} INDEXED BY cases_filer_idx`)
      .where(and(eq(cases.filerKey, sql.placeholder("filerKey")), sql`${cases.status} = 'awaiting_worker'`))
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

  /** One prepared statement per row count (a bound LIMIT would be compiled again at every run). */
  private readonly byFilerStatements = new Map<number, ReturnType<CaseLedger["prepareByFiler"]>>();

  private prepareByFiler(limit: number) {
    return this.db
      .select()
      .from(cases)
      .where(eq(cases.filerKey, sql.placeholder("filerKey")))
      .orderBy(desc(cases.createdAt))
      .limit(fixedLimit(limit))
      .prepare();
  }

  /** A worker's own cases, newest first (/mycases): prepared, cases_filer_idx. */
  listByFiler(filerKey: string, limit = 10): CaseRow[] {
    let statement = this.byFilerStatements.get(limit);
    if (!statement) this.byFilerStatements.set(limit, (statement = this.prepareByFiler(limit)));
    return statement.all({ filerKey });
  }

  list(options: ListOptions): CaseRow[] {
    return this.listQuery(options).all();
  }

  /** The query `list` runs, unrun (its plan is tested). */
  listQuery(options: ListOptions) {
    return this.db
      .select()
      .from(cases)
      .where(this.listConditions(options))
      .orderBy(desc(cases.createdAt))
      .limit(literalLimit(options.limit ?? 100));
  }

  /** How many cases `list` would give without its limit. */
  count(options: ListOptions): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(cases).where(this.listConditions(options)).get()?.n ?? 0;
  }

  private listConditions(options: ListOptions) {
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
    // An officer's desks: the cases under their divisions (code prefixes), and unplaced ones for leaders.
    if (options.jurisdictions) {
      // A county's code is the whole code: equality walks cases_jurisdiction_idx (code, status) to its
      // open cases alone. A city's or province's prefix is a LIKE, over the open cases (status index).
      const counties = options.jurisdictions.prefixes.filter((prefix) => prefix.length >= 6);
      const wider = options.jurisdictions.prefixes.filter((prefix) => prefix.length < 6);
      const under = [
        ...(counties.length > 0 ? [inArray(cases.jurisdictionCode, counties)] : []),
        ...wider.map((prefix) => like(cases.jurisdictionCode, `${prefix}%`)),
      ];
      if (options.jurisdictions.unplaced) under.push(isNull(cases.jurisdictionCode));
      conditions.push(under.length > 0 ? or(...under) : sql`0`);
    }
    if (options.responsibleOfficer !== undefined) conditions.push(eq(cases.responsibleOfficer, options.responsibleOfficer));
    if (options.major) conditions.push(eq(cases.major, true));
    if (options.collective) conditions.push(eq(cases.collective, true));
    return conditions.length ? and(...conditions) : undefined;
  }
}
