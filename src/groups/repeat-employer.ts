// 欠薪预警 (repeat employers): an employer — by its comparable key — with arrears complaints in several
// projects or several counties. One lookup on cases_employer_key_idx, grouped by county and project.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/open.js";
import { cases } from "../db/schema.js";
import { employerKey } from "./keys.js";

export interface RepeatEmployerWarning {
  employerKey: string;
  /** Arrears complaints about this employer (all statuses, all time). */
  cases: number;
  /** Distinct projects (by key) among them. */
  projects: number;
  /** Distinct jurisdictions (county codes) among them. */
  counties: string[];
}

export interface RepeatEmployerOptions {
  /** Flag from this many distinct projects (default 2). */
  minProjects?: number;
  /** Flag from this many distinct counties (default 2). */
  minCounties?: number;
}

/** The warning for the case's employer, or null when its employer has no complaints elsewhere. */
export function repeatEmployerWarning(db: Db, caseId: string, options: RepeatEmployerOptions = {}): RepeatEmployerWarning | null {
  const row = db
    .select({ employer: cases.employer, employerKey: cases.employerKey })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!row) return null;
  const key = row.employerKey ?? employerKey(row.employer);
  if (key === null) return null;
  const rows = db
    .select({ jurisdiction: cases.jurisdictionCode, project: cases.projectKey, n: sql<number>`count(*)` })
    .from(cases)
    // is_arrears = 1 as a literal: a bound parameter would be compared with the literal of the partial
    // indexes on cases at every run, and the statement compiled twice (see openArrearsCondition).
    .where(and(eq(cases.employerKey, key), sql`${cases.isArrears} = 1`))
    .groupBy(cases.jurisdictionCode, cases.projectKey)
    .all();
  const counties = new Set<string>();
  const projects = new Set<string>();
  let total = 0;
  for (const r of rows) {
    total += r.n;
    if (r.jurisdiction !== null) counties.add(r.jurisdiction);
    if (r.project !== null) projects.add(r.project);
  }
  const flagged = projects.size >= (options.minProjects ?? 2) || counties.size >= (options.minCounties ?? 2);
  return flagged ? { employerKey: key, cases: total, projects: projects.size, counties: [...counties].sort() } : null;
}
