// The campaign statistics table (根治欠薪专项行动情况, the attachment of the Xinxiang 2023 and Chongqing
// 2023 notices) computed from the ledger. Only what the ledger records is counted; the columns it
// cannot answer (inspections, administrative decisions, migrant-worker subtotals…) are reported as
// not collected, never estimated. Definitions are in src/reports/README.md.
import type { Store } from "../db/open.js";
import { divisionPrefix } from "./period.js";

/** Rows of the original table, in order; our sectors map onto them (see sectorRow). */
export const CAMPAIGN_ROWS = ["total", "construction", "manufacturing", "other"] as const;
export type CampaignRow = (typeof CAMPAIGN_ROWS)[number];

/** 工程建设领域 / 制造业 / 其他 (services, platform work, schools, other, unknown). */
export function sectorRow(sector: string | null): Exclude<CampaignRow, "total"> {
  if (sector === "construction") return "construction";
  if (sector === "manufacturing") return "manufacturing";
  return "other";
}

export interface RowFigures {
  /** 4. 解决欠薪问题数量 — 立案: resolved in the period, with a case opened (record:case_opened, or an order, decision or penalty, which follow one). */
  opened: number;
  /** 5. 通过协调等非立案方式解决: resolved in the period without a case opened. */
  nonCase: number;
  /** 6. 解决欠薪问题涉及人数 (persons; the table shows 万人): workers paid, else workers owed. */
  workers: number;
  /** 8. 解决欠薪问题涉及金额 (yuan; the table shows 万元): amount recovered, else amount owed. */
  amountYuan: number;
  /** 10. 责令改正: cases with an order to correct recorded in the period (record:order). */
  orders: number;
  /** 11. 行政处理决定 (record:decision) in the period. */
  decisions: number;
  /** 12. 行政处罚决定 (record:penalty) in the period. */
  penalties: number;
  /** 13. 移送公安机关: cases referred to the police (record:police, or police_case, which follows one) in the period. */
  police: number;
  /** 14. 公安机关立案 (record:police_case) in the period. */
  policeCases: number;
}

export interface CasesWorkersAmount {
  cases: number;
  workers: number;
  amountYuan: number;
}

export interface ProjectsWithArrears extends CasesWorkersAmount {
  /** Distinct projects (by key, else name) with arrears complaints received in the period. */
  projects: number;
}

export interface CampaignStats {
  from: number;
  to: number;
  division: string | null;
  rows: Record<CampaignRow, RowFigures>;
  /** 其他情况 */
  other: {
    government: ProjectsWithArrears;
    soe: ProjectsWithArrears;
    /** 政府与社会资本合作 (PPP): not a line of the Xinxiang layout; the Yunnan one counts it apart. */
    ppp: ProjectsWithArrears;
    /** 新就业形态: resolved platform-work cases. */
    platform: CasesWorkersAmount;
    /** 通过劳动人事争议调解组织和仲裁机构解决: resolved cases with an arbitration record. */
    arbitration: CasesWorkersAmount;
    /** 移送公安机关 (拒不支付劳动报酬罪): cases referred in the period. */
    police: CasesWorkersAmount;
  };
}

const emptyRow = (): RowFigures => ({ opened: 0, nonCase: 0, workers: 0, amountYuan: 0, orders: 0, decisions: 0, penalties: 0, police: 0, policeCases: 0 });
const emptyCwa = (): CasesWorkersAmount => ({ cases: 0, workers: 0, amountYuan: 0 });

// All in SQL, one pass: the status changes up to the end of the period, by case, from the covering
// partial index case_events_status_idx (target status and note are indexed expressions), then the
// case's figures from the covering cases_report_idx, summed by sector. The resolution note of the
// latest resolution in the period is parsed here ("recovered:236000;workersPaid:12").

/**
 * The desk that had the case at the end of the period (case_events_case_idx): a transfer made later
 * does not move a past period's figures to another county. A case unplaced then counts for no county.
 */
const DESK_AT_PERIOD_END = (table: string): string =>
  `COALESCE((SELECT COALESCE(json_extract(e2.data, '$.from'), '') FROM case_events e2
              WHERE e2.case_id = ${table}.id AND e2.type = 'jurisdiction_changed' AND e2.at >= @to ORDER BY e2.id LIMIT 1),
            ${table}.jurisdiction_code)`;

const HANDLING_SQL = `
WITH w AS (
  SELECT case_id,
         MAX(CASE WHEN json_extract(data, '$.to') = 'resolved' AND at >= @from
                  THEN printf('%015d|%s', at, COALESCE(json_extract(data, '$.note'), '')) END) AS resolution,
         MAX(CASE WHEN json_extract(data, '$.to') = 'resolved' AND at >= @from THEN at END) AS resolvedAt,
         MAX(CASE WHEN json_extract(data, '$.to') = 'reopened' THEN at END) AS reopenedAt,
         MAX(CASE WHEN json_extract(data, '$.to') = 'resolved' AND at < @from THEN at END) AS resolvedBefore,
         MAX(CASE WHEN json_extract(data, '$.to') = 'reopened' AND at < @from THEN at END) AS reopenedBefore,
         -- 'record:police%' takes police_case too: a case the police opened was referred to them.
         MAX(CASE WHEN at >= @from AND json_extract(data, '$.note') LIKE 'record:police%' THEN 1 ELSE 0 END) AS police,
         MAX(CASE WHEN at >= @from AND json_extract(data, '$.note') LIKE 'record:police_case%' THEN 1 ELSE 0 END) AS policeCases,
         MAX(CASE WHEN at >= @from AND json_extract(data, '$.note') LIKE 'record:order%' THEN 1 ELSE 0 END) AS orders,
         MAX(CASE WHEN at >= @from AND json_extract(data, '$.note') LIKE 'record:decision%' THEN 1 ELSE 0 END) AS decisions,
         MAX(CASE WHEN at >= @from AND json_extract(data, '$.note') LIKE 'record:penalty%' THEN 1 ELSE 0 END) AS penalties,
         -- An order, a decision or a penalty follows a case opened (立案).
         MAX(CASE WHEN json_extract(data, '$.note') LIKE 'record:case_opened%' OR json_extract(data, '$.note') LIKE 'record:order%'
                    OR json_extract(data, '$.note') LIKE 'record:decision%' OR json_extract(data, '$.note') LIKE 'record:penalty%'
                  THEN 1 ELSE 0 END) AS opened,
         MAX(CASE WHEN json_extract(data, '$.note') LIKE 'record:arbitration%' THEN 1 ELSE 0 END) AS arbitration
  FROM case_events
  WHERE type = 'status_changed' AND at < @to
  GROUP BY case_id
  HAVING resolution IS NOT NULL OR police = 1 OR orders = 1 OR decisions = 1 OR penalties = 1
),
f AS (
  SELECT c.sector AS sector,
         c.id AS caseId,
         c.group_id AS groupId,
         c.separate_claim AS separateClaim,
         -- A resolution counts when it still stands at the end of the period (not reopened since), and
         -- once: a case that stood resolved when the period began was counted before.
         (w.resolution IS NOT NULL
          AND (w.reopenedAt IS NULL OR w.reopenedAt < w.resolvedAt)
          AND NOT (w.resolvedBefore IS NOT NULL AND (w.reopenedBefore IS NULL OR w.reopenedBefore < w.resolvedBefore))) AS resolved,
         w.opened AS opened,
         w.arbitration AS arbitration,
         w.police AS police,
         w.policeCases AS policeCases,
         w.orders AS orders,
         w.decisions AS decisions,
         w.penalties AS penalties,
         COALESCE(c.headcount_min, 0) AS owedWorkers,
         COALESCE(c.amount_yuan, 0) AS owedAmount,
         CASE WHEN instr(w.resolution, 'workersPaid:') > 0
              THEN CAST(substr(w.resolution, instr(w.resolution, 'workersPaid:') + 12) AS INTEGER) END AS paidWorkers,
         CASE WHEN instr(w.resolution, 'recovered:') > 0
              THEN CAST(substr(w.resolution, instr(w.resolution, 'recovered:') + 10) AS REAL) END AS recovered
  FROM w JOIN cases c ON c.id = w.case_id
  WHERE c.is_arrears = 1 AND (@prefix IS NULL OR ${DESK_AT_PERIOD_END("c")} LIKE @prefix || '%')
    -- A team's claim told twice and resolved in an earlier period was counted then: not again now.
    AND NOT (c.group_id IS NOT NULL AND c.headcount_min > 1 AND c.amount_yuan > 0 AND c.separate_claim = 0 AND EXISTS (
      SELECT 1 FROM cases o JOIN case_events e ON e.case_id = o.id
      WHERE o.group_id = c.group_id AND o.id <> c.id AND o.headcount_min = c.headcount_min AND o.amount_yuan = c.amount_yuan
        AND o.separate_claim = 0
        AND e.type = 'status_changed' AND json_extract(e.data, '$.to') = 'resolved' AND e.at < @from))
),
-- One problem counted once: two of a team telling the same claim in a group (same workers and sum,
-- more than one worker) are one resolution, unless an officer found them two teams' (separate_claim).
d AS (
  -- Closed with nothing recovered (the employer gone, the claim dropped) is closed, not solved.
  SELECT MAX(sector) AS sector, MAX(resolved AND (recovered IS NULL OR recovered > 0)) AS resolved, MAX(opened) AS opened, MAX(arbitration) AS arbitration,
         MAX(police) AS police, MAX(policeCases) AS policeCases, MAX(orders) AS orders, MAX(decisions) AS decisions, MAX(penalties) AS penalties,
         MAX(owedWorkers) AS owedWorkers, MAX(owedAmount) AS owedAmount,
         MAX(paidWorkers) AS paidWorkers, MAX(recovered) AS recovered
  FROM f
  GROUP BY CASE WHEN groupId IS NOT NULL AND owedWorkers > 1 AND owedAmount > 0 AND NOT separateClaim
                THEN groupId || '|' || owedWorkers || '|' || owedAmount ELSE caseId END
)
SELECT sector,
       SUM(resolved AND opened) AS opened,
       SUM(resolved AND NOT opened) AS nonCase,
       SUM(CASE WHEN resolved THEN COALESCE(paidWorkers, owedWorkers) ELSE 0 END) AS workers,
       SUM(CASE WHEN resolved THEN COALESCE(recovered, owedAmount) ELSE 0 END) AS amount,
       SUM(police) AS police,
       SUM(policeCases) AS policeCases,
       SUM(orders) AS orders,
       SUM(decisions) AS decisions,
       SUM(penalties) AS penalties,
       SUM(CASE WHEN police = 1 THEN owedWorkers ELSE 0 END) AS policeWorkers,
       SUM(CASE WHEN police = 1 THEN owedAmount ELSE 0 END) AS policeAmount,
       SUM(resolved AND arbitration) AS arbitration,
       SUM(CASE WHEN resolved AND arbitration THEN COALESCE(paidWorkers, owedWorkers) ELSE 0 END) AS arbitrationWorkers,
       SUM(CASE WHEN resolved AND arbitration THEN COALESCE(recovered, owedAmount) ELSE 0 END) AS arbitrationAmount
FROM d
GROUP BY sector
`;

// Arrears complaints received in the period about government-invested, PPP and SOE projects (covering
// cases_ownership_idx); a complaint without a project key counts as a project of its own. 查实: only
// what an officer took up (accepted, handling, resolved) is verified arrears; logged or transferred
// complaints are not yet, nor one the officer only asked a question about, nor a worker's own step.
// Taken up is read from the ledger up to the period's end, not from today's status: a past period's
// table does not change when a case is transferred or closed later. A team's claim told twice in a
// group counts once, as in the table above.
const OWNERSHIP_SQL = `
SELECT ownership,
       COUNT(*) AS cases,
       COUNT(DISTINCT project) AS projects,
       COALESCE(SUM(workers), 0) AS workers,
       COALESCE(SUM(amount), 0) AS amount
FROM (
  SELECT MAX(ownership) AS ownership,
         MAX(COALESCE(project_key, '#' || rowid)) AS project,
         MAX(headcount_min) AS workers,
         MAX(amount_yuan) AS amount
  FROM cases
  WHERE ownership IN ('government', 'soe', 'ppp') AND created_at >= @from AND created_at < @to
    AND is_arrears = 1
    AND (@prefix IS NULL OR ${DESK_AT_PERIOD_END("cases")} LIKE @prefix || '%')
    AND EXISTS (
      SELECT 1 FROM case_events e
      WHERE e.case_id = cases.id AND e.type = 'status_changed' AND e.at < @to
        AND e.actor NOT LIKE 'worker:%'
        AND json_extract(e.data, '$.to') IN ('accepted', 'handling', 'resolved'))
  GROUP BY CASE WHEN group_id IS NOT NULL AND headcount_min > 1 AND amount_yuan > 0 AND separate_claim = 0
                THEN group_id || '|' || headcount_min || '|' || amount_yuan ELSE id END
)
GROUP BY ownership
`;

interface SectorSums {
  sector: string | null;
  opened: number;
  nonCase: number;
  workers: number;
  amount: number;
  police: number;
  policeCases: number;
  orders: number;
  decisions: number;
  penalties: number;
  policeWorkers: number;
  policeAmount: number;
  arbitration: number;
  arbitrationWorkers: number;
  arbitrationAmount: number;
}

export function campaignStats(store: Store, options: { from: number; to: number; division?: string | null }): CampaignStats {
  const params = { from: options.from, to: options.to, prefix: options.division ? divisionPrefix(options.division) : null };
  const rows = Object.fromEntries(CAMPAIGN_ROWS.map((r) => [r, emptyRow()])) as Record<CampaignRow, RowFigures>;
  const platform = emptyCwa();
  const arbitration = emptyCwa();
  const police = emptyCwa();

  for (const r of store.sqlite.prepare(HANDLING_SQL).all(params) as SectorSums[]) {
    for (const target of [rows[sectorRow(r.sector)], rows.total]) {
      target.opened += r.opened;
      target.nonCase += r.nonCase;
      target.workers += r.workers;
      target.amountYuan += r.amount;
      target.police += r.police;
      target.policeCases += r.policeCases;
      target.orders += r.orders;
      target.decisions += r.decisions;
      target.penalties += r.penalties;
    }
    if (r.sector === "platform") {
      platform.cases += r.opened + r.nonCase;
      platform.workers += r.workers;
      platform.amountYuan += r.amount;
    }
    arbitration.cases += r.arbitration;
    arbitration.workers += r.arbitrationWorkers;
    arbitration.amountYuan += r.arbitrationAmount;
    police.cases += r.police;
    police.workers += r.policeWorkers;
    police.amountYuan += r.policeAmount;
  }

  const empty = (): ProjectsWithArrears => ({ projects: 0, ...emptyCwa() });
  const ownership = { government: empty(), soe: empty(), ppp: empty() };
  for (const r of store.sqlite.prepare(OWNERSHIP_SQL).all(params) as {
    ownership: "government" | "soe" | "ppp";
    cases: number;
    projects: number;
    workers: number;
    amount: number;
  }[]) {
    ownership[r.ownership] = { projects: r.projects, cases: r.cases, workers: r.workers, amountYuan: r.amount };
  }

  return { from: options.from, to: options.to, division: options.division ?? null, rows, other: { ...ownership, platform, arbitration, police } };
}
