// The deadlines table of the cases: opened when a case is logged, accepted or reopened, closed when the
// step happens, and cases.dueAt kept equal to the earliest open deadline (so `case list --overdue` and
// `/cases overdue`, which read cases.dueAt, stay right). Every method runs inside the caller's
// transaction (better-sqlite3: synchronous), so a status change and its deadlines commit together.
import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, notExists, sql } from "drizzle-orm";
import type { Db } from "../db/open.js";
import { fixedLimit, preparedInsert } from "../db/prepared.js";
import { cases, deadlines } from "../db/schema.js";
import { DeadlinePlanner, type DeadlineKind, type PlannedDeadline } from "./deadline-policy.js";
import type { CaseRow } from "./ledger.js";
import { OPEN_STATUSES, type CaseStatus } from "./statuses.js";

export type DeadlineRow = typeof deadlines.$inferSelect;

/** Closed by any officer action: the desk has looked at the case (核查分类, first action, facts). */
const FIRST_LOOK: DeadlineKind[] = ["classify", "first_action", "major_facts"];

/** Which deadlines a new status meets (closes), when an officer (or the system) sets it. */
const CLOSES: Partial<Record<CaseStatus, DeadlineKind[]>> = {
  accepted: [...FIRST_LOOK, "acceptance"],
  handling: [...FIRST_LOOK, "acceptance", "major_progress"],
  awaiting_worker: [...FIRST_LOOK, "acceptance", "major_progress"],
  transferred: [...FIRST_LOOK],
  resolved: ["classify", "first_action", "major_facts", "major_progress", "acceptance", "handling", "follow_up"],
  referred: ["classify", "first_action", "major_facts", "major_progress", "acceptance", "handling", "follow_up"],
  reopened: ["follow_up"],
};

/** Which deadlines a new status opens (when none of that kind is open already). */
const OPENS: Partial<Record<CaseStatus, DeadlineKind[]>> = {
  accepted: ["handling"],
  handling: ["handling"],
  awaiting_worker: ["handling"],
  // The new desk owes a first action; the legal acceptance clock keeps running.
  transferred: ["first_action"],
  // Reopened (by an officer, or the worker's "not paid"): to be taken up again and handled.
  reopened: ["first_action", "acceptance", "handling"],
  resolved: ["follow_up"],
};

export class CaseDeadlines {
  readonly planner: DeadlinePlanner;

  constructor(
    private readonly db: Db,
    planner: DeadlinePlanner,
  ) {
    this.planner = planner;
  }

  private insertDeadline: ((row: typeof deadlines.$inferInsert) => unknown) | undefined;

  // Every filing syncs cases.dueAt, and a filing into a major group opens the major deadlines: these
  // statements are prepared once (drizzle builds and SQLite prepares a query again on every call).
  private filingStatements: ReturnType<CaseDeadlines["prepareFilingStatements"]> | undefined;

  private get statements() {
    return (this.filingStatements ??= this.prepareFilingStatements());
  }

  private prepareFilingStatements() {
    const caseId = sql.placeholder("caseId");
    return {
      earliestDue: this.db
        .select({ dueAt: sql<number | null>`min(${deadlines.dueAt})` })
        .from(deadlines)
        .where(and(eq(deadlines.caseId, caseId), isNull(deadlines.closedAt), ne(deadlines.kind, "follow_up")))
        .prepare(),
      setCaseDue: this.db
        .update(cases)
        .set({ dueAt: sql`${sql.placeholder("dueAt")}` })
        .where(eq(cases.id, caseId))
        .prepare(),
      statusOf: this.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)).prepare(),
      kindsOf: this.db.select({ kind: deadlines.kind }).from(deadlines).where(eq(deadlines.caseId, caseId)).prepare(),
    };
  }

  open(caseId: string, planned: PlannedDeadline): void {
    // Every filing opens several: prepared once.
    const insert = (this.insertDeadline ??= preparedInsert(this.db, deadlines));
    insert({ caseId, kind: planned.kind, dueAt: planned.dueAt, remindAt: planned.remindAt });
  }

  /** Open deadlines of a case, earliest first. */
  openFor(caseId: string): DeadlineRow[] {
    return this.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.caseId, caseId), isNull(deadlines.closedAt)))
      .orderBy(asc(deadlines.dueAt))
      .all();
  }

  all(caseId: string): DeadlineRow[] {
    return this.db.select().from(deadlines).where(eq(deadlines.caseId, caseId)).orderBy(asc(deadlines.id)).all();
  }

  hasAny(caseId: string): boolean {
    return this.db.select({ id: deadlines.id }).from(deadlines).where(eq(deadlines.caseId, caseId)).limit(fixedLimit(1)).get() !== undefined;
  }

  close(caseId: string, kinds: readonly DeadlineKind[], at: number): void {
    if (kinds.length === 0) return;
    this.db
      .update(deadlines)
      .set({ closedAt: at })
      .where(and(eq(deadlines.caseId, caseId), inArray(deadlines.kind, [...kinds]), isNull(deadlines.closedAt)))
      .run();
  }

  /** The earliest open deadline that the desk owes (the follow-up is the bureau's, not overdue work). */
  earliestDue(caseId: string): number | null {
    return this.statements.earliestDue.get({ caseId })?.dueAt ?? null;
  }

  /** cases.dueAt := earliest open deadline. Returns it. */
  syncCaseDue(caseId: string): number | null {
    const dueAt = this.earliestDue(caseId);
    this.statements.setCaseDue.run({ caseId, dueAt });
    return dueAt;
  }

  /** The deadlines of a logged case, opened (call in the filing transaction). Returns cases.dueAt. */
  openInitial(caseId: string, at: number, facts: { isArrears: boolean; major: boolean }): number | null {
    for (const planned of this.planner.initial(at, facts)) this.open(caseId, planned);
    return this.syncCaseDue(caseId);
  }

  /**
   * A case logged without its deadlines (by a process whose filing was not wired to this book) gets
   * them from its logging time, so closing them records the step as met.
   */
  ensureInitial(row: CaseRow): void {
    if (this.hasAny(row.id)) return;
    for (const planned of this.planner.initial(row.createdAt, { isArrears: row.isArrears, major: row.major })) {
      this.open(row.id, planned);
    }
  }

  /**
   * Applies a status change: meets the deadlines the step closes, opens those it starts. Worker-side
   * changes (an answer to a question) close nothing an officer owes. Returns the new cases.dueAt
   * (the caller writes it with the status).
   */
  onStatusChange(row: CaseRow, to: CaseStatus, at: number, actorKind: "officer" | "worker"): number | null {
    this.ensureInitial(row);
    const closes = actorKind === "officer" ? (CLOSES[to] ?? []) : to === "reopened" ? ["follow_up" as const] : [];
    this.close(row.id, closes, at);
    const openKinds = new Set(this.openFor(row.id).map((d) => d.kind));
    for (const kind of OPENS[to] ?? []) {
      // A transfer restarts the first action at the new desk; other kinds are opened once.
      if (openKinds.has(kind)) continue;
      this.open(row.id, this.planner.plan(kind, at));
    }
    return this.earliestDue(row.id);
  }

  /**
   * The worker answered 需补充 and the case is back at `backTo`. The question met the desk's first look
   * and paused acceptance (受理 is decided on complete materials): a case not yet accepted owes the
   * acceptance decision again, counted from the answer. Nothing is closed: the worker acted, not the desk.
   */
  onQuestionAnswered(row: CaseRow, backTo: CaseStatus, at: number): number | null {
    this.ensureInitial(row);
    const open = new Set(this.openFor(row.id).map((d) => d.kind));
    if ((backTo === "logged" || backTo === "transferred" || backTo === "reopened") && !open.has("acceptance")) {
      this.open(row.id, this.planner.plan("acceptance", at));
    }
    return this.earliestDue(row.id);
  }

  /**
   * A case found major after logging (its collective group crossed the major threshold): it owes the
   * major-case deadlines from now (facts the same day, progress the next working day), once.
   */
  onBecameMajor(caseId: string, at: number): number | null {
    // A resolved or referred member of a group made major owes nothing more.
    const status = this.statements.statusOf.get({ caseId })?.status;
    if (status === undefined || !OPEN_STATUSES.includes(status as CaseStatus)) return null;
    const had = new Set(this.statements.kindsOf.all({ caseId }).map((d) => d.kind));
    for (const kind of ["major_facts", "major_progress"] as const) {
      if (!had.has(kind)) this.open(caseId, this.planner.plan(kind, at));
    }
    return this.syncCaseDue(caseId);
  }

  /**
   * A major flag withdrawn (a mistyped figure put right, a group's sums fallen, a case out of its group):
   * the major-case deadlines are no longer owed. They are closed, as met, so that no reminder fires.
   */
  onMajorWithdrawn(caseId: string, at: number): number | null {
    this.close(caseId, ["major_facts", "major_progress"], at);
    return this.syncCaseDue(caseId);
  }

  // ---- what the scheduler looks at ---------------------------------------------------------------

  dueReminders(now: number, limit = 200): DeadlineRow[] {
    return this.db
      .select()
      .from(deadlines)
      .where(and(isNull(deadlines.closedAt), isNull(deadlines.remindedAt), lte(deadlines.remindAt, now), ne(deadlines.kind, "follow_up")))
      .orderBy(asc(deadlines.remindAt))
      .limit(limit)
      .all();
  }

  dueEscalations(now: number, limit = 200): DeadlineRow[] {
    return this.db
      .select()
      .from(deadlines)
      .where(and(isNull(deadlines.closedAt), isNull(deadlines.escalatedAt), lt(deadlines.dueAt, now), ne(deadlines.kind, "follow_up")))
      .orderBy(asc(deadlines.dueAt))
      .limit(limit)
      .all();
  }

  dueFollowUps(now: number, limit = 200): DeadlineRow[] {
    return this.db
      .select()
      .from(deadlines)
      .where(and(isNull(deadlines.closedAt), isNull(deadlines.remindedAt), lte(deadlines.dueAt, now), eq(deadlines.kind, "follow_up")))
      .orderBy(asc(deadlines.dueAt))
      .limit(limit)
      .all();
  }

  /** Stamps the reminder unless someone (another process) already did: true when this call stamped it. */
  markReminded(id: number, at: number): boolean {
    return this.db.update(deadlines).set({ remindedAt: at }).where(and(eq(deadlines.id, id), isNull(deadlines.remindedAt))).run().changes === 1;
  }

  markEscalated(id: number, at: number): boolean {
    return this.db.update(deadlines).set({ escalatedAt: at }).where(and(eq(deadlines.id, id), isNull(deadlines.escalatedAt))).run().changes === 1;
  }

  closeOne(id: number, at: number): void {
    this.db.update(deadlines).set({ closedAt: at }).where(and(eq(deadlines.id, id), isNull(deadlines.closedAt))).run();
  }

  /** Recent cases without any deadline row (logged by a process not wired to this book). */
  casesWithoutDeadlines(since: number, limit = 200): CaseRow[] {
    const db = this.db;
    return db
      .select()
      .from(cases)
      .where(
        and(
          gte(cases.createdAt, since),
          // A literal, not a bound parameter (see openArrearsCondition in src/db/schema.ts).
          sql`${cases.isArrears} = 1`,
          notExists(db.select({ one: sql`1` }).from(deadlines).where(eq(deadlines.caseId, cases.id))),
        ),
      )
      .orderBy(asc(cases.createdAt))
      .limit(limit)
      .all();
  }
}
