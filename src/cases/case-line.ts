// One case on one line, as officers scan a list of them: the CLI's `case list` and Slack's /cases say
// the same columns in the same words — the sum owed, the workers, the markers a tired inspector looks
// for first (重大/集体/风险/逾期) and whom the complaint is about (phones masked, as everywhere officers read).
import type { TFunction } from "i18next";
import { maskPhonesIn } from "./case-view.js";
import type { CaseLedger, CaseRow } from "./ledger.js";
import { OPEN_STATUSES, type CaseStatus } from "./statuses.js";

export interface CaseLineColumns {
  /** "¥236,000", "¥-" when not known; what the complaint is when it is not arrears ("劳动争议"). */
  amount: string;
  /** "12 人", "10–12 人", "-" when not known. */
  workers: string;
  /** "【重大·逾期】", "【同案组】" (grouped, below collective), "" when none applies. */
  markers: string;
  /** The employer, else the project, else the kind of complaint; phones masked. */
  name: string;
}

export function caseLineColumns(t: TFunction, ledger: Pick<CaseLedger, "countEvents">, row: CaseRow, now: number): CaseLineColumns {
  // A complaint that is not arrears owes no sum: what it is says more than "¥-".
  const amount = !row.isArrears ? t(`category.${row.category}`) : row.amountYuan === null ? "¥-" : `¥${row.amountYuan.toLocaleString("en-US")}`;
  const workers =
    row.headcountMin === null
      ? "-"
      : row.headcountMax !== null && row.headcountMax !== row.headcountMin
        ? t("cli.workersRange", { min: row.headcountMin, max: row.headcountMax })
        : t("cli.workers", { count: row.headcountMin });
  const markers = [
    // 集体 as everywhere else (case show, group show, the weekly report): the case's flag, which its
    // group's level sets. A group below the collective threshold is only 同案组.
    row.major ? t("cli.major") : row.collective ? t("cli.collective") : row.groupId !== null ? t("cli.grouped") : null,
    atRisk(ledger, row) ? t("cli.atRisk") : null,
    row.dueAt !== null && row.dueAt < now && OPEN_STATUSES.includes(row.status as CaseStatus) ? t("cli.overdue") : null,
  ].filter((marker): marker is string => marker !== null);
  return {
    amount,
    workers,
    markers: markers.length > 0 ? t("cli.markers", { markers: markers.join("·") }) : "",
    name: maskPhonesIn(row.employer ?? row.project ?? t(`category.${row.category}`)),
  };
}

/** The filing's reading when the complaint itself spoke of suicide, blocking roads or self-harm. */
const EXTREME_RISK_REASON = "triage:reason.extremeRisk";

/**
 * A worker at risk (防止极端事件): one who spoke of an extreme act in the complaint itself, or in a
 * message after filing — the desk calls the first as soon as the second.
 */
export function atRisk(ledger: Pick<CaseLedger, "countEvents">, row: Pick<CaseRow, "id" | "reasons">): boolean {
  const reasons = Array.isArray(row.reasons) ? (row.reasons as { key?: unknown }[]) : [];
  return reasons.some((reason) => reason?.key === EXTREME_RISK_REASON) || ledger.countEvents(row.id, "worker_at_risk", 0) > 0;
}
