// 周调度: the week's figures by division for the leaders — wage-arrears cases newly logged (for the desk
// each arrived at) and resolved in the week, other complaints referred elsewhere (首问负责: logged and answered too), and, at the moment of the report, open cases past their deadline, and the open major and
// collective incidents (a group of complaints once). Indexed queries: cases_created_idx, case_events_type_at_idx, cases_due_idx,
// cases_status_idx.
import type { TFunction } from "i18next";
import { OPEN_STATUSES } from "../cases/statuses.js";
import type { Store } from "../db/open.js";
import type { Gazetteer } from "../routing/gazetteer.js";
import { divisionPrefix, localDateString, localDateTimeString, localIsoString, startOfLocalDate } from "./period.js";

export const WEEKLY_FIGURES = ["new", "referred", "resolved", "overdue", "major", "collective"] as const;
export type WeeklyFigure = (typeof WEEKLY_FIGURES)[number];

export interface WeeklyRow extends Record<WeeklyFigure, number> {
  /** Jurisdiction (county, or city when only the city is known); null: no place known. */
  code: string | null;
  name: string;
}

export interface WeeklyReport {
  from: number;
  to: number;
  division: string | null;
  rows: WeeklyRow[];
  total: Record<WeeklyFigure, number>;
}

const DAY = 86_400_000;

/** The first millisecond of the local day `days - 1` days before the day of `now`. */
function firstOfLastDays(now: number, days: number, timeZone: string): number {
  const [y, m, d] = localDateString(now, timeZone).split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1, d - (days - 1))).toISOString().slice(0, 10);
  return startOfLocalDate(first, timeZone);
}
const OPEN_LIST = OPEN_STATUSES.map((s) => `'${s}'`).join(", ");
/**
 * The desk a complaint arrived at: the jurisdiction it was routed to when it was logged — the `from` of its
 * first transfer (jurisdiction_changed, case_events_case_idx), else the desk it has now. A transfer made
 * later moves no week's intake to another desk; null: it came to the triage desk (no place known).
 */
const ARRIVAL_DESK = `NULLIF(COALESCE((SELECT COALESCE(json_extract(e2.data, '$.from'), '') FROM case_events e2
              WHERE e2.case_id = c.id AND e2.type = 'jurisdiction_changed' ORDER BY e2.id LIMIT 1),
            c.jurisdiction_code), '')`;
/** One per group, one per ungrouped case (group and case IDs apart by their prefix). */
const INCIDENTS = "COUNT(DISTINCT CASE WHEN c.group_id IS NOT NULL THEN 'g:' || c.group_id ELSE 'c:' || c.id END)";

export function weeklyReport(
  store: Store,
  gazetteer: Gazetteer,
  options: { now: number; days?: number; division?: string | null; timeZone?: string },
): WeeklyReport {
  const to = options.now;
  const days = options.days ?? 7;
  // Whole local days: the `days` days ending today (today so far), so that the title's dates are the
  // period and a report run at 9:00 or at 17:00 covers the same days. Without a zone: the last days × 24 h.
  const from = options.timeZone ? firstOfLastDays(to, days, options.timeZone) : to - days * DAY;
  const prefix = options.division ? divisionPrefix(options.division) : null;
  const params = { from, to, now: to, prefix };
  const inDivision = "(@prefix IS NULL OR c.jurisdiction_code LIKE @prefix || '%')";
  // The week's intake counts for the desk each complaint arrived at, not the one that has it now.
  const arrivedInDivision = `(@prefix IS NULL OR ${ARRIVAL_DESK} LIKE @prefix || '%')`;
  const queries: Record<WeeklyFigure, string> = {
    new: `SELECT ${ARRIVAL_DESK} AS code, COUNT(*) AS n FROM cases c
          WHERE c.created_at >= @from AND c.created_at < @to AND c.is_arrears = 1 AND ${arrivedInDivision} GROUP BY 1`,
    referred: `SELECT ${ARRIVAL_DESK} AS code, COUNT(*) AS n FROM cases c
          WHERE c.created_at >= @from AND c.created_at < @to AND c.is_arrears = 0 AND ${arrivedInDivision} GROUP BY 1`,
    // Arrears cases resolved in the period and still resolved: one reopened since (回头看: not paid) is
    // not done. Closed with nothing recovered counts here (办结), not in the campaign table's 解决.
    resolved: `SELECT c.jurisdiction_code AS code, COUNT(DISTINCT e.case_id) AS n FROM case_events e JOIN cases c ON c.id = e.case_id
          WHERE e.type = 'status_changed' AND e.at >= @from AND e.at < @to AND json_extract(e.data, '$.to') = 'resolved'
            AND c.status = 'resolved' AND c.is_arrears = 1 AND ${inDivision} GROUP BY c.jurisdiction_code`,
    overdue: `SELECT c.jurisdiction_code AS code, COUNT(*) AS n FROM cases c
          WHERE c.due_at < @now AND c.status IN (${OPEN_LIST}) AND ${inDivision} GROUP BY c.jurisdiction_code`,
    // Incidents, not complaints: the workers of one site who filed apart and were grouped are one
    // collective (or major) incident, as a group is one problem in the campaign table; a group counts
    // once when any of its open members carries the flag, an ungrouped case once. A group lies in one
    // county (groups are never merged across counties, a transfer leaves the group), so the rows add up.
    major: `SELECT c.jurisdiction_code AS code, ${INCIDENTS} AS n FROM cases c
          WHERE c.status IN (${OPEN_LIST}) AND c.major = 1 AND ${inDivision} GROUP BY c.jurisdiction_code`,
    collective: `SELECT c.jurisdiction_code AS code, ${INCIDENTS} AS n FROM cases c
          WHERE c.status IN (${OPEN_LIST}) AND c.collective = 1 AND ${inDivision} GROUP BY c.jurisdiction_code`,
  };
  const byCode = new Map<string | null, WeeklyRow>();
  const total = Object.fromEntries(WEEKLY_FIGURES.map((f) => [f, 0])) as Record<WeeklyFigure, number>;
  for (const figure of WEEKLY_FIGURES) {
    for (const r of store.sqlite.prepare(queries[figure]).all(params) as { code: string | null; n: number }[]) {
      let row = byCode.get(r.code);
      if (!row) {
        const name = r.code === null ? "" : gazetteer.fullName(r.code) || r.code;
        row = { code: r.code, name, ...(Object.fromEntries(WEEKLY_FIGURES.map((f) => [f, 0])) as Record<WeeklyFigure, number>) };
        byCode.set(r.code, row);
      }
      row[figure] += r.n;
      total[figure] += r.n;
    }
  }
  const rows = [...byCode.values()].sort((a, b) => (a.code ?? "999999").localeCompare(b.code ?? "999999"));
  return { from, to, division: options.division ?? null, rows, total };
}

/** Display width: CJK characters take two columns in a terminal or a code block. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (text: string, w: number, right = false) => {
  const fill = " ".repeat(Math.max(0, w - width(text)));
  return right ? fill + text : text + fill;
};

/** The report as a plain-text table (terminal, Slack code block). */
export function renderWeeklyTable(report: WeeklyReport, t: TFunction, timeZone: string, gazetteer?: Gazetteer): string {
  const from = localDateString(report.from, timeZone);
  const to = localDateString(report.to - 1, timeZone);
  const title = report.division
    ? t("reports:weekly.titleDivision", { division: gazetteer?.fullName(report.division) || report.division, from, to })
    : t("reports:weekly.title", { from, to });
  const head = [t("reports:weekly.division"), t("reports:weekly.code"), ...WEEKLY_FIGURES.map((f) => t(`reports:weekly.${f}`))];
  const body = report.rows.map((r) => [r.code === null ? t("reports:weekly.unknownDivision") : r.name, r.code ?? "-", ...WEEKLY_FIGURES.map((f) => String(r[f]))]);
  const foot = [t("reports:weekly.total"), "", ...WEEKLY_FIGURES.map((f) => String(report.total[f]))];
  const all = [head, ...body, foot];
  const widths = head.map((_, i) => Math.max(...all.map((row) => width(row[i]!))));
  const line = (row: string[]) => row.map((cell, i) => pad(cell, widths[i]!, i >= 2)).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const lines = [title, "", line(head), rule, ...(body.length === 0 ? [t("reports:weekly.none")] : body.map(line)), rule, line(foot), "", t("reports:weekly.note", { now: localDateTimeString(report.to, timeZone) })];
  return lines.join("\n");
}

/** The report for machines (`report weekly --json`): the period as local date-times with their offset. */
export function weeklyReportJson(report: WeeklyReport, timeZone: string): Record<string, unknown> {
  return {
    from: localIsoString(report.from, timeZone),
    to: localIsoString(report.to, timeZone),
    timeZone,
    division: report.division,
    rows: report.rows,
    total: report.total,
  };
}
