// `arrears group list`: the collective groups a leader watches (集体欠薪, 重大欠薪 first), each with its
// complaints, workers, the sum owed and how many complaints are still open — the groups are otherwise
// found only by opening every case.
import { desc, eq, like, sql } from "drizzle-orm";
import type { Db } from "../db/open.js";
import { caseGroups, cases } from "../db/schema.js";
import { OPEN_STATUSES } from "../cases/statuses.js";
import { divisionPrefix } from "../reports/period.js";
import type { SizeLevel } from "../cases/case-size.js";

export interface GroupListLine {
  id: string;
  label: string;
  jurisdictionCode: string | null;
  level: SizeLevel;
  members: number;
  open: number;
  workers: number;
  amountYuan: number;
}

export interface GroupListOptions {
  /** A county's code, or a city's or province's (the groups of every desk under it). */
  division?: string;
  /** Only groups still with an open complaint. */
  open?: boolean;
  limit: number;
}

/** Groups with members (a dissolved one has none), major first, then collective, then by the sum owed. */
export function listGroups(db: Db, options: GroupListOptions): GroupListLine[] {
  const prefix = options.division === undefined ? undefined : divisionPrefix(options.division);
  const openList = sql.join(OPEN_STATUSES.map((status) => sql`${status}`), sql.raw(", "));
  const open = sql<number>`sum(CASE WHEN ${cases.status} IN (${openList}) THEN 1 ELSE 0 END)`;
  const rows = db
    .select({
      id: caseGroups.id,
      label: caseGroups.label,
      jurisdictionCode: caseGroups.jurisdictionCode,
      collective: caseGroups.collective,
      major: caseGroups.major,
      workers: caseGroups.headcountTotal,
      amountYuan: caseGroups.amountTotal,
      members: sql<number>`count(${cases.id})`,
      open,
    })
    .from(caseGroups)
    .innerJoin(cases, eq(cases.groupId, caseGroups.id))
    .where(prefix === undefined ? undefined : prefix.length === 6 ? eq(caseGroups.jurisdictionCode, prefix) : like(caseGroups.jurisdictionCode, `${prefix}%`))
    .groupBy(caseGroups.id)
    .having(options.open ? sql`${open} > 0` : undefined)
    .orderBy(desc(caseGroups.major), desc(caseGroups.collective), desc(caseGroups.amountTotal), desc(caseGroups.createdAt))
    .limit(options.limit)
    .all();
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    jurisdictionCode: row.jurisdictionCode,
    level: row.major ? "major" : row.collective ? "collective" : "none",
    members: Number(row.members),
    open: Number(row.open ?? 0),
    workers: row.workers,
    amountYuan: row.amountYuan,
  }));
}
