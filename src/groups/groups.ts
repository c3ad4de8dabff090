// Collective cases (集体欠薪): complaints about the same project or employer in the same county are one
// problem. A case is logged with its employer/project keys (caseKeys) and joins (or forms) the group of
// the open cases in its jurisdiction that share a key — index lookups, never a scan; joining costs the
// same however large the group. The group's workers and amounts are summed (on case_groups, kept up to
// date as cases join; merge and split sum the members again); when the sums cross the collective or major
// thresholds of the routing rules, the group is escalated as a whole, once per level: a ledger event
// on every member, the members flagged, case_groups.escalated_at stamped, and a message to the city's
// desk in the outbox. Officers merge and split groups by hand (ledger events too). Every write happens
// in the caller's transaction.
import { randomInt } from "node:crypto";
import { and, asc, desc, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { formatCaseId } from "../cases/case-id.js";
import type { CaseLedger, CaseRow } from "../cases/ledger.js";
import { Outbox, type OutboxMessage } from "../cases/outbox.js";
import type { Db, Store } from "../db/open.js";
import { caseEvents, caseGroups, cases, openArrearsCondition } from "../db/schema.js";
import type { ComplaintRouter } from "../dialogs/ports.js";
import { Gazetteer } from "../routing/gazetteer.js";
import { fixedLimit, preparedInsert } from "../db/prepared.js";
import { employerKey, projectKey } from "./keys.js";
import { OPEN_STATUSES } from "../cases/statuses.js";
import { higherLevel, ownLevel, SIZE_RANK, type SizeLevel } from "../cases/case-size.js";

export type GroupRow = typeof caseGroups.$inferSelect;
export type GroupLevel = SizeLevel;
const LEVEL_RANK = SIZE_RANK;

/** Outbox channel and recipient of the supervising desk (the city above the county). */
export const GROUP_DESK_CHANNEL = "desk";
export const divisionRecipient = (code: string): string => `division:${code}`;

/**
 * The desk's button on a claim counted once ("claimSeparate|<case ID>"): the officer finds it is another
 * team's (channels map it to markTeamClaim).
 */
export const CLAIM_SEPARATE_ACTION = "claimSeparate";

/** At most this many candidates are read per key: a group is found from its first matches. */
const CANDIDATE_LIMIT = 200;

export interface GroupSummary {
  id: string;
  label: string;
  jurisdictionCode: string | null;
  members: string[];
  workers: number;
  amountYuan: number;
  level: GroupLevel;
  escalatedAt: number | null;
}

/** A group's totals after a case joined or members moved, and whether that escalated it. */
interface Recomputed {
  escalated: GroupLevel | null;
  label: string;
  workers: number;
  amountYuan: number;
  /** The oldest member; undefined when it was not read (a major group only adds up). */
  firstMemberId: string | null | undefined;
  /** Members flagged major by this step: they owe the major-case deadlines from now. */
  madeMajor: string[];
  /** Members whose major flag fell with the group's sums: their major-case deadlines are withdrawn. */
  majorWithdrawn: string[];
}

const EN_NUMBER = new Intl.NumberFormat("en-US");
/** "236,000", as amount.toLocaleString("en-US") without building a formatter per call. */
const formatAmountEn = (amount: number): string => EN_NUMBER.format(amount);

/** Cases whose major flag a step raised (they owe the major-case deadlines) or lowered (they owe them no more). */
export interface LevelChanges {
  madeMajor: string[];
  majorWithdrawn: string[];
}

export interface GroupingResult {
  groupId: string | null;
  /** Set when this step escalated the group (to this level). */
  escalated: GroupLevel | null;
  /** Cases flagged major by this step (the filing opens their major-case deadlines). */
  madeMajor: string[];
}

/**
 * What grouping needs of a case just logged: the row filing inserted (no read back). `employerKey` and
 * `projectKey` are those of caseKeys.
 */
export type LoggedCase = Pick<
  CaseRow,
  "id" | "createdAt" | "isArrears" | "jurisdictionCode" | "project" | "employer" | "employerKey" | "projectKey" | "headcountMin" | "amountYuan" | "collective" | "major"
>;

/** An open arrears case of the jurisdiction sharing a key with a new one: what forming a group reads of it. */
type Candidate = Pick<CaseRow, "id" | "createdAt" | "groupId" | "project" | "employer" | "projectKey">;

/** The comparable keys a case is logged with (cases.employer_key, cases.project_key). */
export function caseKeys(names: { employer: string | null; project: string | null }): { employerKey: string | null; projectKey: string | null } {
  return { employerKey: employerKey(names.employer), projectKey: projectKey(names.project) };
}

export class GroupNotFoundError extends Error {}
/** Why a member left its group without an officer splitting it by hand. */
export type GroupLeaveReason = "referred" | "transferred";
export class NotGroupedError extends Error {}
/** Only a team's claim (more than one worker, a sum) can be the same as another's. */
export class NotATeamClaimError extends Error {}
/** No other member of the group has the case's workers and sum: it is counted on its own already. */
export class NoTwinClaimError extends Error {}
export class ClaimAlreadyMarkedError extends Error {}
export class SameGroupError extends Error {}
/** The case is in a group already: split it out first (a case is in one group at most). */
export class AlreadyGroupedError extends Error {
  constructor(
    readonly caseId: string,
    readonly groupId: string,
  ) {
    super(`${caseId} is in group ${groupId}`);
  }
}
/** Only wage arrears are grouped: a complaint found to be something else (referred) joins no group. */
export class NotArrearsError extends Error {}
/** A merge across counties: the cases must be transferred (转办) first. */
export class GroupCountiesDifferError extends Error {
  constructor(
    readonly targetCode: string | null,
    readonly sourceCode: string | null,
  ) {
    super(`groups of different counties (${targetCode} / ${sourceCode})`);
  }
}

const GROUP_ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

function newGroupId(): string {
  let id = "G";
  for (let i = 0; i < 7; i++) id += GROUP_ID_ALPHABET[randomInt(GROUP_ID_ALPHABET.length)];
  return id;
}

/** Accepts "g7k3…" or "G-7K3…" as typed by an officer. */
export function normalizeGroupId(text: string): string {
  return text.trim().toUpperCase().replace(/-/g, "");
}

/**
 * `cases INDEXED BY name`, for the lookups of every filing. The planner's statistics may be stale or
 * sampled (a new database has no grouped case at all, which made it prefer a walk of cases_group_idx
 * for "group_id IS NOT NULL"); these lookups are bounded only on their own index, so they name it, and
 * a change that made it unusable fails at prepare time instead of turning into a scan. (Drizzle
 * selects only expressions from such a source, hence sql`${cases.column}` in their selections: plain
 * text and integer columns, read as they are.)
 */
function casesIndexedBy(index: "cases_group_idx" | "cases_open_project_idx" | "cases_open_employer_idx"): SQL {
  return sql`${cases} INDEXED BY ${sql.identifier(index)}`;
}

/**
 * A team's claim (more than one worker, a sum given): the same figures twice in a group are one claim,
 * unless an officer found the second is another team's (separate_claim).
 */
const TEAM_FIGURES = "headcount_min > 1 AND amount_yuan IS NOT NULL";
const TEAM_CLAIM = `${TEAM_FIGURES} AND separate_claim = 0`;

/** The ledger's database handle: the ledger keeps it private, and filing passes only the ledger. */
export function ledgerDb(ledger: CaseLedger): Db {
  return ledger.db;
}

export class CaseGroups {
  private readonly outbox: Outbox;

  // Filing runs assignOnLogging on every complaint: its statements are prepared once (drizzle would
  // otherwise build and SQLite compile each query again on every call).
  private readonly insertEvent;
  private readonly statements;

  constructor(
    private readonly db: Db,
    private readonly router: Pick<ComplaintRouter, "route">,
    private readonly gazetteer: Gazetteer = Gazetteer.shared(),
  ) {
    this.outbox = new Outbox(db);
    this.insertEvent = preparedInsert(db, caseEvents);
    const id = sql.placeholder("id");
    const groupId = sql.placeholder("groupId");
    this.statements = {
      setGroup: db.update(cases).set({ groupId: sql`${groupId}` }).where(eq(cases.id, id)).prepare(),
      // A complaint joining a group escalated before takes the group's level (raiseJoiner).
      raiseToCollective: db.update(cases).set({ collective: true, updatedAt: sql`${sql.placeholder("at")}` }).where(eq(cases.id, id)).prepare(),
      raiseToMajor: db.update(cases).set({ collective: true, major: true, updatedAt: sql`${sql.placeholder("at")}` }).where(eq(cases.id, id)).prepare(),
      findGroup: db.select().from(caseGroups).where(eq(caseGroups.id, id)).prepare(),
      // Merge and split (and a group being formed) sum the members again: cases_group_idx.
      // Two members of one team telling the same claim ("我们班组12个人，欠23万6") are one claim: team
      // figures (more than one worker) repeated exactly within a group count once.
      totals: db.$client.prepare<{ groupId: string }, { members: number; workers: number; amountYuan: number }>(
        `SELECT count(*) AS members, coalesce(sum(w), 0) AS workers, coalesce(sum(a), 0) AS amountYuan
         FROM (SELECT max(headcount_min) AS w, max(amount_yuan) AS a FROM cases WHERE group_id = @groupId
               GROUP BY CASE WHEN ${TEAM_CLAIM} THEN headcount_min || '|' || amount_yuan ELSE id END)`,
      ),
      sameClaim: db.$client.prepare<{ groupId: string; caseId: string; workers: number; amountYuan: number }, { id: string }>(
        `SELECT id FROM cases WHERE group_id = @groupId AND id <> @caseId
           AND headcount_min = @workers AND amount_yuan = @amountYuan AND ${TEAM_CLAIM} ORDER BY created_at LIMIT 1`,
      ),
      // Another member with the same team figures, marked or not (an officer's separate / same).
      twinClaim: db.$client.prepare<{ groupId: string; caseId: string; workers: number; amountYuan: number }, { id: string }>(
        `SELECT id FROM cases WHERE group_id = @groupId AND id <> @caseId
           AND headcount_min = @workers AND amount_yuan = @amountYuan AND ${TEAM_FIGURES} ORDER BY created_at LIMIT 1`,
      ),
      atRisk: db.$client.prepare<{ caseId: string }, { one: number }>(
        "SELECT 1 AS one FROM case_events WHERE case_id = @caseId AND type = 'worker_at_risk' LIMIT 1",
      ),
      markClaim: db.update(cases).set({ separateClaim: sql`${sql.placeholder("separate")}`, updatedAt: sql`${sql.placeholder("at")}` }).where(eq(cases.id, id)).prepare(),
      // The oldest member, first in cases_group_idx (group_id, created_at).
      firstMember: db
        .select({
          id: sql<string>`${cases.id}`,
          sector: sql<string | null>`${cases.sector}`,
          projectKind: sql<string | null>`${cases.projectKind}`,
          ownership: sql<string | null>`${cases.ownership}`,
        })
        .from(casesIndexedBy("cases_group_idx"))
        .where(eq(cases.groupId, groupId))
        .orderBy(asc(cases.createdAt))
        .limit(fixedLimit(1))
        .prepare(),
      setTotals: db
        .update(caseGroups)
        .set({
          headcountTotal: sql`${sql.placeholder("workers")}`,
          amountTotal: sql`${sql.placeholder("amountYuan")}`,
          updatedAt: sql`${sql.placeholder("at")}`,
        })
        .where(eq(caseGroups.id, groupId))
        .prepare(),
      groupByProject: this.matchingGroupQuery("project"),
      groupByEmployer: this.matchingGroupQuery("employer"),
      openByProject: this.openCasesQuery("project"),
      openByEmployer: this.openCasesQuery("employer"),
      // The type as a literal: a bound one would be compared with the literal of the partial
      // case_events_status_idx at every run, and the statement compiled again each time.
      splitEvent: db
        .select({ id: caseEvents.id })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, sql.placeholder("caseId")), sql`${caseEvents.type} = 'group_split'`))
        .limit(fixedLimit(1))
        .prepare(),
      // After a split, whether an officer put the case back into a group by hand since (group join).
      joinedByHandSince: db.$client.prepare<{ caseId: string }, { one: number }>(
        `SELECT 1 AS one FROM case_events j
          WHERE j.case_id = @caseId AND j.type = 'group_joined' AND json_extract(j.data, '$.match') = 'by_hand'
            AND j.id > (SELECT max(s.id) FROM case_events s WHERE s.case_id = @caseId AND s.type = 'group_split')
          LIMIT 1`,
      ),
    };
  }

  /** The open arrears cases of a jurisdiction with a key, oldest first: cases_open_project_idx / cases_open_employer_idx. */
  private openCasesFrom(by: "project" | "employer") {
    return casesIndexedBy(by === "project" ? "cases_open_project_idx" : "cases_open_employer_idx");
  }

  private openCasesWhere(by: "project" | "employer") {
    return and(
      eq(cases.jurisdictionCode, sql.placeholder("jurisdiction")),
      by === "project" ? eq(cases.projectKey, sql.placeholder("key")) : eq(cases.employerKey, sql.placeholder("key")),
      // Word for word the condition of the partial index (see openArrearsCondition).
      openArrearsCondition(cases),
      ne(cases.id, sql.placeholder("caseId")),
    );
  }

  /** The group of the oldest grouped one: the walk stops at the first grouped entry of the index. */
  private matchingGroupQuery(by: "project" | "employer") {
    return this.db
      .select({ groupId: sql<string | null>`${cases.groupId}` })
      .from(this.openCasesFrom(by))
      .where(and(this.openCasesWhere(by), isNotNull(cases.groupId)))
      .orderBy(asc(cases.createdAt))
      .limit(fixedLimit(1))
      .prepare();
  }

  private openCasesQuery(by: "project" | "employer") {
    return this.db
      .select({
        id: sql<string>`${cases.id}`,
        createdAt: sql<number>`${cases.createdAt}`,
        groupId: sql<string | null>`${cases.groupId}`,
        project: sql<string | null>`${cases.project}`,
        employer: sql<string | null>`${cases.employer}`,
        projectKey: sql<string | null>`${cases.projectKey}`,
      })
      .from(this.openCasesFrom(by))
      .where(this.openCasesWhere(by))
      .orderBy(asc(cases.createdAt))
      .limit(fixedLimit(CANDIDATE_LIMIT))
      .prepare();
  }

  /**
   * Called once when a case is logged, inside the filing transaction, with the row just inserted (its
   * keys from caseKeys): puts it in the group of matching open cases of its jurisdiction (a new group
   * when none of them has one).
   */
  assignOnLogging(row: LoggedCase, at: number, channel: string): GroupingResult {
    const caseId = row.id;
    if (!row.isArrears || row.jurisdictionCode === null) return { groupId: null, escalated: null, madeMajor: [] };
    const keys = { employerKey: row.employerKey, projectKey: row.projectKey };
    if (keys.employerKey === null && keys.projectKey === null) return { groupId: null, escalated: null, madeMajor: [] };

    // Usual case once a group exists: join it, with one indexed lookup and no scan of its members.
    const existing = this.matchingGroup(caseId, row.jurisdictionCode, keys.employerKey, keys.projectKey);
    if (existing) {
      this.statements.setGroup.run({ id: caseId, groupId: existing.groupId });
      this.event(caseId, at, "system", channel, "group_joined", { groupId: existing.groupId, match: existing.match, caseId });
      const told = { workers: row.headcountMin ?? 0, amountYuan: row.amountYuan ?? 0 };
      // The same team claim told again by another of the team adds nothing to the sums.
      const repeated = this.repeatedClaim(row, existing.groupId);
      const joined = repeated !== undefined ? { workers: 0, amountYuan: 0 } : told;
      const totals = this.recompute(existing.groupId, at, "system", channel, caseId, joined);
      // An escalation says the rest in its own message; a claim counted once is told to the thread anyway.
      if (totals.escalated === null || repeated) this.noteJoined(existing.groupId, caseId, at, totals, repeated);
      return { groupId: existing.groupId, escalated: totals.escalated, madeMajor: [...totals.madeMajor, ...this.raiseJoiner(row, existing.groupId, at, channel, totals)] };
    }

    const candidates = this.matchingOpenCases(caseId, row.jurisdictionCode, keys.employerKey, keys.projectKey);
    if (candidates.length === 0) return { groupId: null, escalated: null, madeMajor: [] };

    const grouped = candidates.filter((c) => c.groupId !== null).sort((a, b) => a.createdAt - b.createdAt);
    let groupId: string;
    let joining: Pick<CaseRow, "id">[];
    if (grouped.length > 0) {
      groupId = grouped[0]!.groupId!;
      joining = [row];
    } else {
      // The oldest matching case names the group.
      const members = [...candidates].sort((a, b) => a.createdAt - b.createdAt);
      const first = members[0]!;
      groupId = this.createGroup(first, row.jurisdictionCode, at);
      joining = [...members, row];
    }
    for (const member of joining) {
      this.statements.setGroup.run({ id: member.id, groupId });
      this.event(member.id, at, "system", channel, "group_joined", {
        groupId,
        match: member.id === caseId ? this.matchKind(keys, candidates) : "grouped_with",
        caseId,
      });
    }
    const totals = this.recompute(groupId, at, "system", channel, caseId);
    const repeated = this.repeatedClaim(row, groupId);
    if (totals.escalated === null || repeated) this.noteJoined(groupId, caseId, at, totals, repeated);
    return { groupId, escalated: totals.escalated, madeMajor: [...totals.madeMajor, ...this.raiseJoiner(row, groupId, at, channel, totals)] };
  }

  /** The member whose team claim (same workers and sum) a joining case tells again, if any. */
  private repeatedClaim(row: LoggedCase, groupId: string): { sameAs: string; workers: number; amountYuan: number } | undefined {
    if (row.headcountMin === null || row.headcountMin <= 1 || row.amountYuan === null) return undefined;
    const told = { workers: row.headcountMin, amountYuan: row.amountYuan };
    const sameAs = this.statements.sameClaim.get({ groupId, caseId: row.id, ...told })?.id;
    return sameAs === undefined ? undefined : { sameAs, ...told };
  }

  /**
   * A complaint joining a group escalated before is handled at the group's level (集体/重大) like the
   * members: flagged, with its ledger event. Returns it when that made it major (it owes the major-case
   * deadlines). Nothing to do when this step escalated the group: every member was raised then.
   */
  private raiseJoiner(row: LoggedCase, groupId: string, at: number, channel: string, totals: Recomputed): string[] {
    if (totals.escalated !== null) return [];
    const level = levelOf(this.group(groupId));
    const own = levelOf(row);
    if (LEVEL_RANK[own] >= LEVEL_RANK[level]) return [];
    (level === "major" ? this.statements.raiseToMajor : this.statements.raiseToCollective).run({ id: row.id, at });
    this.event(row.id, at, "system", channel, "group_escalated", { groupId, level, from: own, workers: totals.workers, amountYuan: totals.amountYuan, joined: true });
    return level === "major" && !row.major ? [row.id] : [];
  }

  /**
   * A complaint joined a group without escalating it: the desk hears of it in the thread of the group's
   * first case, and the members' tickets (some posted before the group existed) show the new totals.
   * An escalation says all this in its own message.
   */
  private noteJoined(
    groupId: string,
    caseId: string,
    at: number,
    totals: Recomputed,
    repeated?: { sameAs: string; workers: number; amountYuan: number },
  ): void {
    const firstId = totals.firstMemberId !== undefined ? totals.firstMemberId : (this.statements.firstMember.get({ groupId })?.id ?? null);
    if (firstId === null || firstId === caseId) return;
    const params = { group: groupId, label: totals.label, id: formatCaseId(caseId), workers: totals.workers, amount: formatAmountEn(totals.amountYuan) };
    // Counted once with the member of the same figures: the desk is told, with the way to undo it when
    // two teams happen to be owed the same (另一班组).
    if (repeated) {
      this.tellDesk(
        firstId,
        "groups:desk.joinedSameClaim",
        { ...params, same: formatCaseId(repeated.sameAs), claimWorkers: repeated.workers, claimAmount: formatAmountEn(repeated.amountYuan), command: formatCaseId(caseId) },
        at,
        [{ id: `${CLAIM_SEPARATE_ACTION}|${caseId}`, labelKey: "groups:button.claimSeparate" }],
      );
    } else this.tellDesk(firstId, "groups:desk.joined", params, at);
  }

  /**
   * An officer's finding on a team claim whose workers and sum are those of another member of its group:
   * another team's (`separate`: counted on its own) or the same claim told twice (counted once, the
   * default). The group's sums follow, and may escalate it; the desk hears of it.
   */
  markClaim(caseId: string, separate: boolean, by: string, at: number, channel = "cli"): { summary: GroupSummary; twin: string } & LevelChanges {
    const row = this.db.select().from(cases).where(eq(cases.id, caseId)).get();
    if (!row) throw new GroupNotFoundError(caseId);
    if (row.groupId === null) throw new NotGroupedError(caseId);
    const groupId = row.groupId;
    if (!(row.headcountMin !== null && row.headcountMin > 1 && row.amountYuan !== null)) throw new NotATeamClaimError(caseId);
    const twin = this.statements.twinClaim.get({ groupId, caseId, workers: row.headcountMin, amountYuan: row.amountYuan })?.id;
    if (twin === undefined) throw new NoTwinClaimError(caseId);
    if (row.separateClaim === separate) throw new ClaimAlreadyMarkedError(caseId);
    this.statements.markClaim.run({ id: caseId, separate: separate ? 1 : 0, at });
    const actor = `officer:${by}`;
    this.event(caseId, at, actor, channel, separate ? "claim_marked_separate" : "claim_marked_same", {
      groupId,
      twin,
      workers: row.headcountMin,
      amountYuan: row.amountYuan,
    });
    const totals = this.recompute(groupId, at, actor, channel, caseId);
    // The thread keeps the finding even when the new sums escalate the group (the city hears of that).
    this.tellDesk(
      totals.firstMemberId ?? caseId,
      separate ? "groups:desk.claimSeparate" : "groups:desk.claimSame",
      { group: groupId, label: totals.label, id: formatCaseId(caseId), same: formatCaseId(twin), workers: totals.workers, amount: formatAmountEn(totals.amountYuan) },
      at,
    );
    return { summary: this.summary(groupId)!, twin, madeMajor: totals.madeMajor, majorWithdrawn: totals.majorWithdrawn };
  }

  /** Moves every member of `sourceId` into `targetId` (经办人手工合并); the source group is removed. */
  merge(targetId: string, sourceId: string, by: string, at: number, channel = "cli"): GroupSummary & { madeMajor: string[] } {
    const target = this.group(normalizeGroupId(targetId));
    const source = this.group(normalizeGroupId(sourceId));
    if (target.id === source.id) throw new SameGroupError(target.id);
    // Groups are per county (属地): merging across counties would leave one desk handling the other's cases.
    if (target.jurisdictionCode !== source.jurisdictionCode) {
      throw new GroupCountiesDifferError(target.jurisdictionCode, source.jurisdictionCode);
    }
    const moved = this.memberRows(source.id);
    for (const member of moved) {
      this.db.update(cases).set({ groupId: target.id }).where(eq(cases.id, member.id)).run();
      this.event(member.id, at, `officer:${by}`, channel, "group_merged", { groupId: target.id, from: source.id });
    }
    for (const member of this.memberRows(target.id)) {
      if (moved.some((m) => m.id === member.id)) continue;
      this.event(member.id, at, `officer:${by}`, channel, "group_merged", { groupId: target.id, from: source.id });
    }
    this.db.delete(caseGroups).where(eq(caseGroups.id, source.id)).run();
    // Escalation already done for either group carries over: the merged group keeps the higher level
    // (the city was told of it once), and the members of the lower group are raised to it, with their
    // ledger events. Sums crossing a higher threshold still escalate the merged group.
    if (LEVEL_RANK[levelOf(source)] > LEVEL_RANK[levelOf(target)]) {
      this.db
        .update(caseGroups)
        .set({ collective: source.collective || target.collective, major: source.major || target.major, escalatedAt: target.escalatedAt ?? source.escalatedAt })
        .where(eq(caseGroups.id, target.id))
        .run();
    }
    const recomputed = this.recompute(target.id, at, `officer:${by}`, channel, null);
    const madeMajor = [...recomputed.madeMajor];
    const level = levelOf(this.group(target.id));
    const members = this.memberRows(target.id);
    for (const member of members) {
      if (LEVEL_RANK[levelOf(member)] >= LEVEL_RANK[level]) continue;
      if (level === "major") madeMajor.push(member.id);
      this.db
        .update(cases)
        .set({ collective: true, ...(level === "major" ? { major: true } : {}), updatedAt: at })
        .where(eq(cases.id, member.id))
        .run();
      this.event(member.id, at, `officer:${by}`, channel, "group_escalated", {
        groupId: target.id,
        level,
        from: levelOf(member),
        workers: recomputed.workers,
        amountYuan: recomputed.amountYuan,
        members: members.length,
      });
    }
    // The desk hears of it in the thread of the group's first case; the members' tickets are refreshed
    // (the group line, and a city copy for members raised to collective or major).
    const summary = this.summary(target.id)!;
    const first = summary.members[0];
    if (first !== undefined) {
      this.tellDesk(
        first,
        "groups:desk.merged",
        { group: target.id, source: source.id, label: summary.label, members: summary.members.length, workers: summary.workers, amount: formatAmountEn(summary.amountYuan) },
        at,
      );
    }
    return { ...summary, madeMajor };
  }

  /**
   * Takes a case out of its group (经办人手工拆分). A group left with one case is dissolved. A case split
   * out by hand is not grouped again automatically.
   */
  split(caseId: string, by: string, at: number, channel = "cli"): { caseId: string; from: string; remaining: GroupSummary | null; majorWithdrawn: string[] } {
    const row = this.db.select({ groupId: cases.groupId }).from(cases).where(eq(cases.id, caseId)).get();
    if (!row) throw new GroupNotFoundError(caseId);
    if (row.groupId === null) throw new NotGroupedError(caseId);
    return { caseId, ...this.takeOut(caseId, row.groupId, `officer:${by}`, channel, at, "group_split", {}) };
  }

  /**
   * Puts a complaint into a group by hand (经办人手工并入): the way back from a split made in error, or
   * a complaint the automatic grouping missed (another spelling of the project). `target` is a group ID,
   * or a case: its group, or — when that case is in no group (its group was dissolved by the split) — a
   * new group of the two. The group's sums are taken again (a team's claim told twice counts once), the
   * joiner takes the group's level, the group may escalate; ledger events and the desk's thread as for
   * any join. A case put back by hand is grouped automatically again from then on.
   */
  join(caseId: string, target: string, by: string, at: number, channel = "cli"): { summary: GroupSummary; madeMajor: string[]; formed: boolean } {
    const row = this.db.select().from(cases).where(eq(cases.id, caseId)).get();
    if (!row) throw new GroupNotFoundError(caseId);
    if (row.groupId !== null) throw new AlreadyGroupedError(caseId, row.groupId);
    if (!row.isArrears) throw new NotArrearsError(caseId);
    const actor = `officer:${by}`;
    let groupId: string;
    let formed = false;
    const asGroup = this.statements.findGroup.get({ id: normalizeGroupId(target) });
    if (asGroup) groupId = asGroup.id;
    else {
      const other = this.db.select().from(cases).where(eq(cases.id, target)).get();
      if (!other) throw new GroupNotFoundError(target);
      if (other.id === row.id) throw new SameGroupError(target);
      if (other.groupId !== null) groupId = other.groupId;
      else {
        if (!other.isArrears) throw new NotArrearsError(other.id);
        if (other.jurisdictionCode !== row.jurisdictionCode || other.jurisdictionCode === null) throw new GroupCountiesDifferError(other.jurisdictionCode, row.jurisdictionCode);
        // The older of the two names the group, as when complaints are grouped at logging.
        const [first] = [other, row].sort((a, b) => a.createdAt - b.createdAt);
        groupId = this.createGroup(first!, other.jurisdictionCode, at);
        formed = true;
        this.statements.setGroup.run({ id: other.id, groupId });
        this.event(other.id, at, actor, channel, "group_joined", { groupId, match: "by_hand", caseId });
      }
    }
    const group = this.group(groupId);
    // Groups are per county (属地), as for a merge: a case of another desk is transferred first.
    if (group.jurisdictionCode !== row.jurisdictionCode) throw new GroupCountiesDifferError(group.jurisdictionCode, row.jurisdictionCode);
    this.statements.setGroup.run({ id: row.id, groupId });
    this.event(row.id, at, actor, channel, "group_joined", { groupId, match: "by_hand", caseId });
    const totals = this.recompute(groupId, at, actor, channel, caseId);
    const madeMajor = [...totals.madeMajor];
    // Each member takes the group's level (the one joined, and a case it formed a new group with).
    if (totals.escalated === null) {
      for (const member of this.memberRows(groupId)) madeMajor.push(...this.raiseJoiner(member, groupId, at, channel, totals));
    }
    const repeated = this.repeatedClaim(row, groupId);
    const firstId = totals.firstMemberId ?? caseId;
    this.tellDesk(
      firstId,
      repeated ? "groups:desk.joinedByHandSameClaim" : "groups:desk.joinedByHand",
      {
        group: groupId,
        label: totals.label,
        id: formatCaseId(caseId),
        by,
        workers: totals.workers,
        amount: formatAmountEn(totals.amountYuan),
        same: repeated ? formatCaseId(repeated.sameAs) : "",
      },
      at,
    );
    return { summary: this.summary(groupId)!, madeMajor: [...new Set(madeMajor)], formed };
  }

  /**
   * A member that is no longer the group's problem leaves it: an officer found it is not wage arrears
   * (referred), or moved it to another county's desk (groups are per county). Its figures leave the
   * group's sums, so neither the group's level nor the reports count them. No-op for an ungrouped case.
   */
  leave(caseId: string, reason: GroupLeaveReason, actor: string, at: number, channel: string): string[] {
    const row = this.db.select({ groupId: cases.groupId }).from(cases).where(eq(cases.id, caseId)).get();
    if (!row?.groupId) return [];
    return this.takeOut(caseId, row.groupId, actor, channel, at, "group_left", { because: reason }).majorWithdrawn;
  }

  /** See GroupMembership.rejoin (src/cases/case-actions.ts). */
  rejoin(caseId: string, at: number, channel: string, wasArrears: boolean): string[] {
    const row = this.db.select().from(cases).where(eq(cases.id, caseId)).get();
    if (!row || row.groupId !== null || !row.isArrears) return [];
    // Only a case that left because it was referred, or that was never counted as arrears: one an
    // officer split out stays out.
    const last = this.db
      .select({ type: caseEvents.type, data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), sql`${caseEvents.type} IN ('group_joined', 'group_left', 'group_split', 'group_dissolved', 'group_merged')`))
      .orderBy(desc(caseEvents.id))
      .limit(fixedLimit(1))
      .get();
    const leftAsReferred = last?.type === "group_left" && (last.data as { because?: unknown } | null)?.because === "referred";
    if (!leftAsReferred && (wasArrears || last !== undefined)) return [];
    return this.assignOnLogging(row, at, channel).madeMajor;
  }

  /** See GroupMembership.factsCorrected (src/cases/case-actions.ts); `caseId`'s row already holds the new facts. */
  factsCorrected(caseId: string, namesChanged: boolean, actor: string, at: number, channel: string): LevelChanges {
    const row = this.db.select().from(cases).where(eq(cases.id, caseId)).get();
    if (!row) return { madeMajor: [], majorWithdrawn: [] };
    if (row.groupId !== null) {
      const groupId = row.groupId;
      // Still the group's (another member shares a name with it): the sums follow the new figures.
      if (!namesChanged || this.sharesAName(row, groupId)) {
        const before = this.group(groupId);
        const totals = this.recompute(groupId, at, actor, channel, caseId);
        const changed = totals.workers !== before.headcountTotal || totals.amountYuan !== before.amountTotal;
        if (totals.escalated === null && changed) {
          const first = totals.firstMemberId ?? caseId;
          this.tellDesk(
            first,
            "groups:desk.refigured",
            { group: groupId, label: totals.label, id: formatCaseId(caseId), workers: totals.workers, amount: formatAmountEn(totals.amountYuan) },
            at,
          );
        }
        return { madeMajor: totals.madeMajor, majorWithdrawn: totals.majorWithdrawn };
      }
      const { majorWithdrawn } = this.takeOut(caseId, groupId, actor, channel, at, "group_left", { because: "corrected" });
      return { madeMajor: this.regroupCorrected(caseId, namesChanged, at, channel), majorWithdrawn };
    }
    return { madeMajor: this.regroupCorrected(caseId, namesChanged, at, channel), majorWithdrawn: [] };
  }

  /**
   * New names may match another open complaint of the county, as a new complaint would; one an officer
   * split out by hand stays out. Returns the cases made major by it.
   */
  private regroupCorrected(caseId: string, namesChanged: boolean, at: number, channel: string): string[] {
    const row = this.db.select().from(cases).where(eq(cases.id, caseId)).get();
    if (!row || !namesChanged || !row.isArrears || !(OPEN_STATUSES as readonly string[]).includes(row.status) || this.wasSplit(caseId)) return [];
    return this.assignOnLogging(row, at, channel).madeMajor;
  }

  /** Whether another member of the group has the case's employer or project (by key). */
  private sharesAName(row: CaseRow, groupId: string): boolean {
    return this.memberRows(groupId).some(
      (member) =>
        member.id !== row.id &&
        ((row.employerKey !== null && member.employerKey === row.employerKey) || (row.projectKey !== null && member.projectKey === row.projectKey)),
    );
  }

  private takeOut(
    caseId: string,
    from: string,
    actor: string,
    channel: string,
    at: number,
    type: "group_split" | "group_left",
    data: Record<string, unknown>,
  ): { from: string; remaining: GroupSummary | null; majorWithdrawn: string[] } {
    const label = this.group(from).label;
    this.db.update(cases).set({ groupId: null }).where(eq(cases.id, caseId)).run();
    this.event(caseId, at, actor, channel, type, { groupId: from, ...data });
    // Out of the group, a case is what it is on its own: a level the group gave it falls.
    const majorWithdrawn = this.toOwnLevel(caseId, from, at, actor, channel);
    const rest = this.memberRows(from);
    const whyKey = `groups:desk.why.${typeof data.because === "string" ? data.because : "split"}`;
    if (rest.length <= 1) {
      for (const member of rest) {
        this.db.update(cases).set({ groupId: null }).where(eq(cases.id, member.id)).run();
        this.event(member.id, at, actor, channel, "group_dissolved", { groupId: from });
        majorWithdrawn.push(...this.toOwnLevel(member.id, from, at, actor, channel));
      }
      this.db.delete(caseGroups).where(eq(caseGroups.id, from)).run();
      const last = rest[0];
      if (last) this.tellDesk(last.id, "groups:desk.dissolved", { group: from, label, id: formatCaseId(caseId), whyKey }, at);
      return { from, remaining: null, majorWithdrawn };
    }
    const totals = this.recompute(from, at, actor, channel, null);
    majorWithdrawn.push(...totals.majorWithdrawn);
    // The desk hears of it in the thread of the group's first case, and the members' tickets (refreshed
    // for a message about a group) stop counting it.
    this.tellDesk(
      rest[0]!.id,
      "groups:desk.left",
      { group: from, label, id: formatCaseId(caseId), whyKey, workers: totals.workers, amount: formatAmountEn(totals.amountYuan) },
      at,
    );
    return { from, remaining: this.summary(from), majorWithdrawn };
  }

  /** A case out of its group falls to its own level (fallBack); returns it when its major flag fell. */
  private toOwnLevel(caseId: string, from: string, at: number, actor: string, channel: string): string[] {
    const row = this.db.select().from(cases).where(eq(cases.id, caseId)).get();
    if (!row) return [];
    return this.fallBack(row, this.ownLevelOf(row), { groupId: from, because: "left" }, at, actor, channel) ? [caseId] : [];
  }

  private tellDesk(threadCaseId: string, messageKey: string, params: Record<string, string | number>, at: number, choices?: OutboxMessage["choices"]): void {
    this.outbox.enqueue(
      { caseId: threadCaseId, channel: GROUP_DESK_CHANNEL, recipientKey: `case:${threadCaseId}`, locale: "zh-CN", messageKey, params, ...(choices ? { choices } : {}) },
      at,
    );
  }

  summary(groupId: string): GroupSummary | null {
    const group = this.db.select().from(caseGroups).where(eq(caseGroups.id, normalizeGroupId(groupId))).get();
    if (!group) return null;
    const members = this.memberRows(group.id).map((m) => m.id);
    return {
      id: group.id,
      label: group.label,
      jurisdictionCode: group.jurisdictionCode,
      members,
      workers: group.headcountTotal,
      amountYuan: group.amountTotal,
      level: levelOf(group),
      escalatedAt: group.escalatedAt,
    };
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  private group(id: string): GroupRow {
    const group = this.statements.findGroup.get({ id });
    if (!group) throw new GroupNotFoundError(id);
    return group;
  }

  private memberRows(groupId: string): CaseRow[] {
    return this.db.select().from(cases).where(eq(cases.groupId, groupId)).orderBy(asc(cases.createdAt)).all();
  }

  /** The group of an open, grouped case of the jurisdiction sharing a key (project first), if any. */
  private matchingGroup(
    caseId: string,
    jurisdiction: string,
    employer: string | null,
    project: string | null,
  ): { groupId: string; match: "project" | "employer" } | null {
    if (project !== null) {
      const hit = this.statements.groupByProject.get({ jurisdiction, key: project, caseId });
      if (hit?.groupId) return { groupId: hit.groupId, match: "project" };
    }
    if (employer !== null) {
      const hit = this.statements.groupByEmployer.get({ jurisdiction, key: employer, caseId });
      if (hit?.groupId) return { groupId: hit.groupId, match: "employer" };
    }
    return null;
  }

  /**
   * Open arrears cases of the jurisdiction sharing a key (cases_open_employer_idx,
   * cases_open_project_idx: closed cases are not even read), employer matches first.
   */
  private matchingOpenCases(caseId: string, jurisdiction: string, employer: string | null, project: string | null): Candidate[] {
    const found = new Map<string, Candidate>();
    if (employer !== null) {
      for (const c of this.statements.openByEmployer.all({ jurisdiction, key: employer, caseId })) found.set(c.id, c);
    }
    if (project !== null) {
      for (const c of this.statements.openByProject.all({ jurisdiction, key: project, caseId })) found.set(c.id, c);
    }
    // A case an officer split out by hand stays apart.
    return [...found.values()].filter((c) => !this.wasSplit(c.id));
  }

  /** Split out by hand, and not put back by hand since (group join undoes a split). */
  private wasSplit(caseId: string): boolean {
    // The usual case (never split) costs one lookup, as before there was a way back.
    if (this.statements.splitEvent.get({ caseId }) === undefined) return false;
    return this.statements.joinedByHandSince.get({ caseId }) === undefined;
  }

  private matchKind(keys: { employerKey: string | null; projectKey: string | null }, candidates: Candidate[]): string {
    if (keys.projectKey !== null && candidates.some((c) => c.projectKey === keys.projectKey)) return "project";
    return "employer";
  }

  private createGroup(first: Candidate, jurisdiction: string, at: number): string {
    // A workshop is often both the workplace and the employer ("恒发电器厂"): named once.
    const label = [...new Set([first.project, first.employer].filter((x): x is string => Boolean(x)))].join(" · ") || first.id;
    for (;;) {
      const id = newGroupId();
      if (this.db.select({ id: caseGroups.id }).from(caseGroups).where(eq(caseGroups.id, id)).get()) continue;
      this.db.insert(caseGroups).values({ id, jurisdictionCode: jurisdiction, label, createdAt: at, updatedAt: at }).run();
      return id;
    }
  }

  /**
   * Brings the group's sums up to date, asks the routing rules what a single complaint of that size
   * would be, and escalates the group when that is above the level it was escalated to before. Returns
   * the new level when it escalated. `joined`: one case just joined a group whose stored sums were
   * right, and these are its figures — the sums grow by them, whatever the size of the group; without
   * it (a group formed, merged or split) the members are summed again.
   */
  private recompute(
    groupId: string,
    at: number,
    actor: string,
    channel: string,
    triggerCaseId: string | null,
    joined?: { workers: number; amountYuan: number },
  ): Recomputed {
    const group = this.group(groupId);
    const quiet = (firstMemberId: string | null | undefined, majorWithdrawn: string[] = []): Recomputed => ({
      escalated: null,
      label: group.label,
      workers,
      amountYuan,
      firstMemberId,
      madeMajor: [],
      majorWithdrawn,
    });
    let workers: number;
    let amountYuan: number;
    if (joined) {
      workers = group.headcountTotal + joined.workers;
      amountYuan = group.amountTotal + joined.amountYuan;
      // Major is the top level: nothing left to escalate to.
      if (levelOf(group) === "major") {
        this.statements.setTotals.run({ groupId, workers, amountYuan, at });
        return quiet(undefined);
      }
    } else {
      // Sums in SQL over cases_group_idx; member rows are loaded only when the group escalates.
      ({ workers, amountYuan } = this.statements.totals.get({ groupId }) ?? { members: 0, workers: 0, amountYuan: 0 });
    }
    const first = this.statements.firstMember.get({ groupId });
    const route = this.router.route({
      category: "wage_arrears",
      sector: (first?.sector ?? null) as never,
      projectKind: (first?.projectKind ?? null) as never,
      ownership: (first?.ownership ?? null) as never,
      headcount: workers,
      amountYuan,
      divisionCode: group.jurisdictionCode,
    });
    const reached: GroupLevel = route.major ? "major" : route.collective ? "collective" : "none";
    const before = levelOf(group);
    const escalate = LEVEL_RANK[reached] > LEVEL_RANK[before];
    if (!escalate) {
      this.statements.setTotals.run({ groupId, workers, amountYuan, at });
      // Sums that fell (a member left, a figure was put right, two claims found one) no longer carry
      // the level: the group and the members it raised fall back (joining only adds).
      const lowered = !joined && LEVEL_RANK[reached] < LEVEL_RANK[before] ? this.lower(group, reached, workers, amountYuan, at, actor, channel) : [];
      return quiet(first?.id ?? null, lowered);
    }
    this.db
      .update(caseGroups)
      .set({
        headcountTotal: workers,
        amountTotal: amountYuan,
        updatedAt: at,
        ...(escalate
          ? { collective: group.collective || reached !== "none", major: group.major || reached === "major", escalatedAt: group.escalatedAt ?? at }
          : {}),
      })
      .where(eq(caseGroups.id, groupId))
      .run();
    const members = this.memberRows(groupId);
    const madeMajor: string[] = [];
    for (const member of members) {
      if (reached === "major" && !member.major) madeMajor.push(member.id);
      this.db
        .update(cases)
        .set({ collective: true, ...(reached === "major" ? { major: true } : {}), updatedAt: at })
        .where(eq(cases.id, member.id))
        .run();
      this.event(member.id, at, actor, channel, "group_escalated", {
        groupId,
        level: reached,
        from: before,
        workers,
        amountYuan,
        members: members.length,
      });
    }
    this.tellCity(
      group,
      "groups:desk.escalated",
      {
        members: members.length,
        workers,
        amount: formatAmountEn(amountYuan),
        levelKey: `groups:level.${reached}`,
        /** The complaint whose logging (or the officer's merge, "") crossed the threshold. */
        trigger: triggerCaseId ? formatCaseId(triggerCaseId) : "",
      },
      at,
    );
    return { escalated: reached, label: group.label, workers, amountYuan, firstMemberId: first?.id ?? null, madeMajor, majorWithdrawn: [] };
  }

  /**
   * The group's sums are below its level now: it takes the level they reach, each member falls to the
   * higher of that and its own (a ledger event on each), and the city's desk, told of the escalation,
   * is told of this. Returns the members whose major flag fell.
   */
  private lower(group: GroupRow, reached: GroupLevel, workers: number, amountYuan: number, at: number, actor: string, channel: string): string[] {
    this.db
      .update(caseGroups)
      .set({ collective: reached !== "none", major: reached === "major", updatedAt: at })
      .where(eq(caseGroups.id, group.id))
      .run();
    const majorWithdrawn: string[] = [];
    for (const member of this.memberRows(group.id)) {
      if (this.fallBack(member, higherLevel(reached, this.ownLevelOf(member)), { groupId: group.id, workers, amountYuan }, at, actor, channel)) {
        majorWithdrawn.push(member.id);
      }
    }
    this.tellCity(
      group,
      "groups:desk.lowered",
      { workers, amount: formatAmountEn(amountYuan), fromKey: `groups:level.${levelOf(group)}`, levelKey: `groups:level.${reached}` },
      at,
    );
    return majorWithdrawn;
  }

  /** A note about the group (not one case) to the desk that supervises its county: the city's. */
  private tellCity(group: GroupRow, messageKey: string, params: Record<string, string | number>, at: number): void {
    const desk = this.supervisingDivision(group.jurisdictionCode);
    if (desk === null) return;
    const division = group.jurisdictionCode ? this.gazetteer.fullName(group.jurisdictionCode) : "";
    this.outbox.enqueue(
      {
        caseId: null,
        channel: GROUP_DESK_CHANNEL,
        recipientKey: divisionRecipient(desk),
        locale: "zh-CN",
        messageKey,
        params: { group: group.id, label: group.label, division, ...params },
      },
      at,
    );
  }

  /** What the case is on its own (see ownLevel): its filing, its figures now, a worker at risk. */
  private ownLevelOf(row: CaseRow): GroupLevel {
    return ownLevel(row, this.router, this.statements.atRisk.get({ caseId: row.id }) !== undefined);
  }

  /**
   * A member's flags fall to `to` when they are above it (a `group_lowered` event says from what, and
   * why). Returns whether its major flag fell.
   */
  private fallBack(row: CaseRow, to: GroupLevel, data: Record<string, unknown>, at: number, actor: string, channel: string): boolean {
    const from = levelOf(row);
    if (LEVEL_RANK[from] <= LEVEL_RANK[to]) return false;
    this.db
      .update(cases)
      .set({ collective: to !== "none", major: to === "major", updatedAt: at })
      .where(eq(cases.id, row.id))
      .run();
    this.event(row.id, at, actor, channel, "group_lowered", { ...data, level: to, from });
    return from === "major";
  }

  /** The city above the county (a municipality's own office when there is no city level). */
  private supervisingDivision(code: string | null): string | null {
    if (code === null) return null;
    const chain = this.gazetteer.chain(code);
    return (chain.find((d) => d.level !== "county") ?? chain[0])?.code ?? code;
  }

  private event(caseId: string, at: number, actor: string, channel: string, type: string, data: Record<string, unknown>): void {
    this.insertEvent({ caseId, at, actor, channel, type, data });
  }
}

function levelOf(group: Pick<GroupRow, "collective" | "major">): GroupLevel {
  return group.major ? "major" : group.collective ? "collective" : "none";
}

/**
 * The one call filing makes, inside its transaction, right after the case (inserted with caseKeys) and
 * its first events are written; `row` is the row it inserted.
 */
export function groupLoggedCase(
  ledger: CaseLedger,
  router: Pick<ComplaintRouter, "route">,
  row: LoggedCase,
  at: number,
  channel: string,
): GroupingResult {
  return groupsFor(ledgerDb(ledger), router).assignOnLogging(row, at, channel);
}

// One CaseGroups per database and router, so its prepared statements outlive a single filing.
const groupsByDb = new WeakMap<Db, WeakMap<object, CaseGroups>>();

function groupsFor(db: Db, router: Pick<ComplaintRouter, "route">): CaseGroups {
  let byRouter = groupsByDb.get(db);
  if (!byRouter) groupsByDb.set(db, (byRouter = new WeakMap()));
  let groups = byRouter.get(router);
  if (!groups) byRouter.set(router, (groups = new CaseGroups(db, router)));
  return groups;
}

/** Merge and split as officers' actions: each in one immediate transaction of its own. */
export function mergeGroups(
  store: Store,
  router: Pick<ComplaintRouter, "route">,
  target: string,
  source: string,
  by: string,
  at: number,
  deadlines: MajorDeadlines,
  channel = "cli",
): GroupSummary {
  return store.sqlite
    .transaction(() => {
      const merged = new CaseGroups(store.db, router).merge(target, source, by, at, channel);
      for (const member of merged.madeMajor) deadlines.onBecameMajor(member, at);
      return merged;
    })
    .immediate();
}

/** The deadline book as groups need it: members made major owe the major-case deadlines, and no longer owe them when the flag falls. */
export interface MajorDeadlines {
  onBecameMajor(caseId: string, at: number): unknown;
  onMajorWithdrawn(caseId: string, at: number): unknown;
}

export function applyLevelChanges(deadlines: MajorDeadlines, changes: LevelChanges, at: number): void {
  for (const member of changes.majorWithdrawn) deadlines.onMajorWithdrawn(member, at);
  for (const member of changes.madeMajor) deadlines.onBecameMajor(member, at);
}

/**
 * An officer's step on groups (split, join, a team claim's finding) in one immediate transaction — or a
 * savepoint of the caller's — with the members it made major, or no longer major, owing their deadlines.
 */
function officerGroupStep<T extends { madeMajor?: string[]; majorWithdrawn?: string[] }>(
  store: Store,
  router: Pick<ComplaintRouter, "route">,
  deadlines: MajorDeadlines,
  at: number,
  step: (groups: CaseGroups) => T,
): T {
  return store.sqlite
    .transaction(() => {
      const result = step(new CaseGroups(store.db, router));
      applyLevelChanges(deadlines, { madeMajor: result.madeMajor ?? [], majorWithdrawn: result.majorWithdrawn ?? [] }, at);
      return result;
    })
    .immediate();
}

/**
 * 另一班组 / 同一笔: an officer's finding on a team claim, in one immediate transaction of its own — or,
 * called inside a transaction (Slack's once() with its dedupe key), as a savepoint of it: better-sqlite3
 * runs any transaction function, .immediate() included, as SAVEPOINT/RELEASE when one is open, and
 * rolls back to the savepoint when it throws. The one implementation for the CLI and the desk.
 */
export function markTeamClaim(
  store: Store,
  router: Pick<ComplaintRouter, "route">,
  caseId: string,
  separate: boolean,
  by: string,
  at: number,
  deadlines: MajorDeadlines,
  channel = "cli",
) {
  return officerGroupStep(store, router, deadlines, at, (groups) => groups.markClaim(caseId, separate, by, at, channel));
}

/** 手工并入 as an officer's action (CLI): one immediate transaction; members made major owe the major-case deadlines. */
export function joinGroup(
  store: Store,
  router: Pick<ComplaintRouter, "route">,
  caseId: string,
  target: string,
  by: string,
  at: number,
  deadlines: MajorDeadlines,
  channel = "cli",
) {
  return officerGroupStep(store, router, deadlines, at, (groups) => groups.join(caseId, target, by, at, channel));
}

export function splitFromGroup(
  store: Store,
  router: Pick<ComplaintRouter, "route">,
  caseId: string,
  by: string,
  at: number,
  deadlines: MajorDeadlines,
  channel = "cli",
) {
  return officerGroupStep(store, router, deadlines, at, (groups) => groups.split(caseId, by, at, channel));
}
