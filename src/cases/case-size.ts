// A case's own size (集体 / 重大) — what it is on its own, apart from any group it was in: the level its
// filing found, the level its figures reach now under the routing rules, and major when the worker spoke
// of an extreme act (防止极端事件). A group may raise a member above it; the member falls back to it when
// it leaves the group, or when the group's sums fall.
import type { RouteInput } from "../routing/router.js";
import type { CaseRow } from "./ledger.js";

export type SizeLevel = "none" | "collective" | "major";
export const SIZE_RANK: Record<SizeLevel, number> = { none: 0, collective: 1, major: 2 };

/** The routing rules' view of a case (its size against the thresholds for 集体 and 重大). */
export function routeInputOf(row: CaseRow): RouteInput {
  return {
    category: row.category as RouteInput["category"],
    sector: row.sector as RouteInput["sector"],
    projectKind: row.projectKind as RouteInput["projectKind"],
    ownership: row.ownership as RouteInput["ownership"],
    headcount: row.headcountMin,
    amountYuan: row.amountYuan,
    divisionCode: row.jurisdictionCode ?? row.divisionCode,
  };
}

export function levelOfFlags(flags: { collective?: unknown; major?: unknown } | null): SizeLevel {
  return flags?.major === true ? "major" : flags?.collective === true ? "collective" : "none";
}

export function higherLevel(a: SizeLevel, b: SizeLevel): SizeLevel {
  return SIZE_RANK[a] >= SIZE_RANK[b] ? a : b;
}

/**
 * The level a case owes on its own. `sizing` judges its figures now (a correction may have raised them);
 * `workerAtRisk`: the worker spoke of an extreme act after filing (that made it major).
 */
export function ownLevel(row: CaseRow, sizing: { route(input: RouteInput): { collective: boolean; major: boolean } }, workerAtRisk: boolean): SizeLevel {
  if (workerAtRisk) return "major";
  const filed = levelOfFlags(row.route as { collective?: unknown; major?: unknown } | null);
  return row.isArrears ? higherLevel(filed, levelOfFlags(sizing.route(routeInputOf(row)))) : filed;
}
