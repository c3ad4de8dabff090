// The workers a collective group's resolutions may say were paid. Each complaint of a group is resolved
// on its own ticket, but its workers are the group's: an officer who records the group's payment on one
// member ("17 paid") and then resolves the others with their own counts would put more workers into the
// campaign table than the group counts — the table is reported upward. The check below counts the
// workers paid as the campaign report does (a team's claim told twice counts once, src/reports/campaign.ts)
// and compares them with the group's workers (a team's claim once, as the group's sums).
import type Database from "better-sqlite3";

export interface GroupPaidExcess {
  groupId: string;
  /** The group's workers at most (each member's upper count; a team's claim told twice once). */
  groupWorkers: number;
  /** Workers the other members' standing resolutions say were paid. */
  othersPaid: number;
  /** What this case may still record: groupWorkers − othersPaid, never below 0. */
  room: number;
}

interface MemberFigures {
  id: string;
  groupId: string;
  status: string;
  headcountMin: number | null;
  headcountMax: number | null;
  amountYuan: number | null;
  separateClaim: number;
  /** The note of the member's latest resolution (办结), if any. */
  resolution: string | null;
}

const MEMBERS_SQL = `
SELECT c.id, c.group_id AS groupId, c.status, c.headcount_min AS headcountMin, c.headcount_max AS headcountMax, c.amount_yuan AS amountYuan,
       c.separate_claim AS separateClaim,
       (SELECT json_extract(e.data, '$.note') FROM case_events e
         WHERE e.case_id = c.id AND e.type = 'status_changed' AND json_extract(e.data, '$.to') = 'resolved'
         ORDER BY e.id DESC LIMIT 1) AS resolution
FROM cases c
WHERE c.group_id = (SELECT group_id FROM cases WHERE id = @caseId) AND c.group_id IS NOT NULL
`;

/** A team's claim (more than one worker, a sum, not found another team's) is keyed by its figures. */
function claimKey(member: MemberFigures): string {
  const team = member.headcountMin !== null && member.headcountMin > 1 && member.amountYuan !== null && member.separateClaim === 0;
  return team ? `team|${member.headcountMin}|${member.amountYuan}` : `case|${member.id}`;
}

/** Workers paid as a resolution's note records them, else (as the report counts) the workers owed. */
function paidIn(member: MemberFigures): number {
  const tagged = /(?:^|[\s;])workersPaid:(\d+)/.exec(member.resolution ?? "");
  return tagged ? Number(tagged[1]) : (member.headcountMin ?? 0);
}

/**
 * Whether resolving `caseId` with `workersPaid` workers paid would make its group's resolutions count
 * more workers than the group has: the figures when it would, null when it fits — or when the case is
 * in no group, or a member's workers are not known (no bound to hold it to).
 */
export function groupWorkersPaidExcess(sqlite: Database.Database, caseId: string, workersPaid: number): GroupPaidExcess | null {
  const members = sqlite.prepare<{ caseId: string }, MemberFigures>(MEMBERS_SQL).all({ caseId });
  const self = members.find((m) => m.id === caseId);
  if (!self || members.length < 2) return null;
  if (members.some((m) => m.headcountMax === null && m.headcountMin === null)) return null;
  // The group's workers: per claim the most told (a range at its upper end).
  const owed = new Map<string, number>();
  for (const m of members) owed.set(claimKey(m), Math.max(owed.get(claimKey(m)) ?? 0, m.headcountMax ?? m.headcountMin ?? 0));
  const groupWorkers = [...owed.values()].reduce((a, b) => a + b, 0);
  // Workers paid by the members' standing resolutions (a reopened member's no longer stands), this
  // case with the figure now given; a claim told twice counts its larger figure once.
  const othersPaidByKey = new Map<string, number>();
  for (const m of members) {
    if (m.id === caseId || m.status !== "resolved") continue;
    othersPaidByKey.set(claimKey(m), Math.max(othersPaidByKey.get(claimKey(m)) ?? 0, paidIn(m)));
  }
  const paid = new Map(othersPaidByKey);
  const selfKey = claimKey(self);
  paid.set(selfKey, Math.max(paid.get(selfKey) ?? 0, workersPaid));
  const total = [...paid.values()].reduce((a, b) => a + b, 0);
  if (total <= groupWorkers) return null;
  // What is already counted besides this case (its twin's figure, when it has one, counts with it).
  const othersPaid = [...othersPaidByKey.entries()].filter(([key]) => key !== selfKey).reduce((a, [, v]) => a + v, 0);
  return { groupId: self.groupId, groupWorkers, othersPaid, room: Math.max(0, groupWorkers - othersPaid) };
}

export interface GroupRecoveredExcess {
  groupId: string;
  /** What is owed to the group: each claim's amount once, as the group's sums (the case's own among them). */
  owed: number;
  /** Money the other members' standing resolutions say was recovered. */
  othersRecovered: number;
  /** What this case may still record: owed − othersRecovered, never below 0. */
  room: number;
}

/** Money recovered as a resolution's note records it, else (as the report counts) the amount owed. */
function recoveredIn(member: MemberFigures): number {
  const tagged = /(?:^|[\s;])recovered:(\d+(?:\.\d+)?)/.exec(member.resolution ?? "");
  return tagged ? Number(tagged[1]) : (member.amountYuan ?? 0);
}

/**
 * Whether resolving `caseId` with `recovered` yuan would make its group's resolutions record more money
 * than is owed to the group — the same money counted twice in the table reported upward (one member
 * resolved with the whole site's payment, the others with their own). Counted as the campaign report
 * counts: a team's claim told twice once (its larger figure). The bound is what is owed to the group,
 * each claim once, as its sums — the case's own amount among them, so a group whose other members told no
 * sum is bounded by the case's. Null when it fits, when the case is in no group, or when no member's
 * amount is known (nothing to hold it to; the amount is put right with `case correct` first).
 */
export function groupRecoveredExcess(sqlite: Database.Database, caseId: string, recovered: number): GroupRecoveredExcess | null {
  const members = sqlite.prepare<{ caseId: string }, MemberFigures>(MEMBERS_SQL).all({ caseId });
  const self = members.find((m) => m.id === caseId);
  if (!self || members.length < 2) return null;
  const owedByKey = new Map<string, number>();
  for (const m of members) if (m.amountYuan !== null) owedByKey.set(claimKey(m), Math.max(owedByKey.get(claimKey(m)) ?? 0, m.amountYuan));
  const owed = [...owedByKey.values()].reduce((a, b) => a + b, 0);
  if (owed <= 0) return null;
  const othersByKey = new Map<string, number>();
  for (const m of members) {
    if (m.id === caseId || m.status !== "resolved") continue;
    othersByKey.set(claimKey(m), Math.max(othersByKey.get(claimKey(m)) ?? 0, recoveredIn(m)));
  }
  const selfKey = claimKey(self);
  const total = [...new Map(othersByKey).set(selfKey, Math.max(othersByKey.get(selfKey) ?? 0, recovered)).values()].reduce((a, b) => a + b, 0);
  if (total <= owed) return null;
  const othersRecovered = [...othersByKey.entries()].filter(([key]) => key !== selfKey).reduce((a, [, v]) => a + v, 0);
  return { groupId: self.groupId, owed, othersRecovered, room: Math.max(0, owed - othersRecovered) };
}
