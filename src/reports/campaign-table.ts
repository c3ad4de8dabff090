// The campaign statistics table laid out like the original attachment (Xinxiang 2023 / Chongqing 2023:
// title, unit and date, three header rows with merged cells and units, the 甲/序号 row, rows 合计 /
// 工程建设领域 / 制造业 / 其他, the 其他情况 lines, signatures and remarks), written with exceljs or as CSV.
// Columns the ledger cannot answer say so in the cell ("未采集"); nothing is estimated.
// exceljs is loaded only when a workbook is written: every other CLI command starts without it (~0.3 s).
import type ExcelJS from "exceljs";
import type { TFunction } from "i18next";
import { writeFileSync } from "node:fs";
import { CAMPAIGN_ROWS, type CampaignRow, type CampaignStats, type CasesWorkersAmount, type RowFigures } from "./campaign.js";

/** A cell of the numbered columns 1–14: a figure with its unit, or not collected. */
type Figure = { value: number; unit: "count" | "tenThousandPersons" | "tenThousandYuan" } | "notCollected";

/** The 14 numbered columns of the original, in order (C…P in the sheet). */
export const CAMPAIGN_COLUMNS: { key: string; figure: (row: RowFigures) => Figure }[] = [
  { key: "employers", figure: () => "notCollected" }, // 1 用人单位户数
  { key: "staff", figure: () => "notCollected" }, // 2 涉及职工人数
  { key: "staffMigrant", figure: () => "notCollected" }, // 3 其中：农民工人数
  { key: "opened", figure: (r) => ({ value: r.opened, unit: "count" }) }, // 4 立案
  { key: "nonCase", figure: (r) => ({ value: r.nonCase, unit: "count" }) }, // 5 非立案方式解决
  { key: "workers", figure: (r) => ({ value: r.workers / 10_000, unit: "tenThousandPersons" }) }, // 6 人数合计
  { key: "workersMigrant", figure: () => "notCollected" }, // 7 其中：农民工
  { key: "amount", figure: (r) => ({ value: r.amountYuan / 10_000, unit: "tenThousandYuan" }) }, // 8 金额合计
  { key: "amountMigrant", figure: () => "notCollected" }, // 9 其中：农民工
  { key: "orders", figure: (r) => ({ value: r.orders, unit: "count" }) }, // 10 责令改正
  { key: "decisions", figure: (r) => ({ value: r.decisions, unit: "count" }) }, // 11 行政处理决定
  { key: "penalties", figure: (r) => ({ value: r.penalties, unit: "count" }) }, // 12 行政处罚决定
  { key: "police", figure: (r) => ({ value: r.police, unit: "count" }) }, // 13 移送公安机关
  { key: "policeCases", figure: (r) => ({ value: r.policeCases, unit: "count" }) }, // 14 公安机关立案
];

/** First sheet row of the data rows (合计); the numbered columns start at column C. */
export const FIRST_DATA_ROW = 8;
export const FIRST_FIGURE_COLUMN = 3;

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

function figureValue(figure: Figure): number | null {
  if (figure === "notCollected") return null;
  return figure.unit === "tenThousandPersons" ? round(figure.value, 4) : figure.unit === "tenThousandYuan" ? round(figure.value, 2) : figure.value;
}

function figureText(figure: Figure, notCollected: string): string {
  if (figure === "notCollected") return notCollected;
  if (figure.unit === "tenThousandPersons") return figure.value.toFixed(4);
  if (figure.unit === "tenThousandYuan") return figure.value.toFixed(2);
  return String(figure.value);
}

export interface CampaignMeta {
  /** 填报单位名称 */
  unit: string;
  /** 填报时间, "2026-12-01" */
  filedOn: string;
  /** "2026-11-01" and "2026-11-30" (inclusive, local days). */
  fromDate: string;
  toDate: string;
  title?: string;
}

/** The 其他情况 lines, filled where the ledger answers and marked not collected elsewhere. */
export function otherLines(stats: CampaignStats, t: TFunction): string[] {
  // A blank in a sentence of the original ("共____个") is left blank and said to be not collected.
  const nc = t("reports:campaign.notCollectedInline");
  const persons = (n: number) => (n / 10_000).toFixed(4);
  const yuan = (n: number) => (n / 10_000).toFixed(2);
  const cwa = (c: CasesWorkersAmount) => ({ cases: c.cases, workers: persons(c.workers), amount: yuan(c.amountYuan) });
  const { government, soe } = stats.other;
  return [
    t("reports:campaign.other.projects", {
      govChecked: nc,
      govProjects: government.projects,
      govAmount: yuan(government.amountYuan),
      govWorkers: persons(government.workers),
      soeChecked: nc,
      soeProjects: soe.projects,
      soeAmount: yuan(soe.amountYuan),
      soeWorkers: persons(soe.workers),
    }),
    t("reports:campaign.other.platform", cwa(stats.other.platform)),
    t("reports:campaign.other.arbitration", cwa(stats.other.arbitration)),
    t("reports:campaign.other.courts", { cases: nc, workers: nc, amount: nc }),
    t("reports:campaign.other.industry", { cases: nc, workers: nc, amount: nc }),
    t("reports:campaign.other.reception", { cases: nc }),
    t("reports:campaign.other.blacklist", { employers: nc, cases: nc }),
    t("reports:campaign.other.police", cwa(stats.other.police)),
    t("reports:campaign.other.ppp", {
      projects: stats.other.ppp.projects,
      amount: yuan(stats.other.ppp.amountYuan),
      workers: persons(stats.other.ppp.workers),
    }),
  ];
}

function rowLabel(row: CampaignRow, t: TFunction): string {
  return t(`reports:campaign.row.${row}`);
}

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Builds the workbook (one sheet, laid out like the original). */
function campaignWorkbook(Excel: typeof ExcelJS, stats: CampaignStats, t: TFunction, meta: CampaignMeta): ExcelJS.Workbook {
  const workbook = new Excel.Workbook();
  workbook.creator = "arrears-bot";
  const sheet = workbook.addWorksheet(t("reports:campaign.sheet"), {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const last = FIRST_FIGURE_COLUMN + CAMPAIGN_COLUMNS.length - 1; // P
  const col = (n: number) => sheet.getColumn(n).letter;
  const span = (row: number, from: number, to: number) => `${col(from)}${row}:${col(to)}${row}`;
  const center = { vertical: "middle" as const, horizontal: "center" as const, wrapText: true };

  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = 6;
  for (let c = FIRST_FIGURE_COLUMN; c <= last; c++) sheet.getColumn(c).width = 11;

  // Title, unit and date, period.
  sheet.mergeCells(span(1, 1, last));
  const title = sheet.getCell("A1");
  title.value = meta.title ?? t("reports:campaign.title");
  title.font = { size: 16, bold: true };
  title.alignment = center;
  sheet.getRow(1).height = 30;
  sheet.mergeCells(span(2, 1, 8));
  sheet.getCell("A2").value = t("reports:campaign.unit", { unit: meta.unit });
  sheet.mergeCells(span(2, 9, last));
  sheet.getCell(`${col(9)}2`).value = t("reports:campaign.filedOn", { date: meta.filedOn });
  sheet.mergeCells(span(3, 1, last));
  sheet.getCell("A3").value = t("reports:campaign.period", { from: meta.fromDate, to: meta.toDate });

  // Header rows 4–6: groups, column titles with units, sub-columns.
  const header = (range: string, key: string) => {
    sheet.mergeCells(range);
    const cell = sheet.getCell(range.split(":")[0]!);
    cell.value = key === "" ? "" : t(`reports:campaign.header.${key}`);
    cell.alignment = center;
    cell.font = { bold: true };
  };
  header("A4:A6", "");
  header("B4:B6", "");
  header(span(4, 3, 5), "inspection");
  header(span(4, 6, 11), "resolution");
  header(span(4, 12, 14), "administrative");
  header(span(4, 15, 16), "criminal");
  header(`${col(3)}5:${col(3)}6`, "employers");
  header(`${col(4)}5:${col(4)}6`, "staff");
  header(`${col(5)}5:${col(5)}6`, "staffMigrant");
  header(span(5, 6, 7), "resolvedCount");
  header(span(5, 8, 9), "resolvedWorkers");
  header(span(5, 10, 11), "resolvedAmount");
  for (const [c, key] of [
    [12, "orders"],
    [13, "decisions"],
    [14, "penalties"],
    [15, "police"],
    [16, "policeCases"],
  ] as const)
    header(`${col(c)}5:${col(c)}6`, key);
  for (const [c, key] of [
    [6, "opened"],
    [7, "nonCase"],
    [8, "total"],
    [9, "ofWhichMigrant"],
    [10, "total"],
    [11, "ofWhichMigrant"],
  ] as const) {
    const cell = sheet.getCell(`${col(c)}6`);
    cell.value = t(`reports:campaign.header.${key}`);
    cell.alignment = center;
    cell.font = { bold: true };
  }
  sheet.getRow(5).height = 48;
  sheet.getRow(6).height = 48;

  // Row 7: 甲 / 序号 / 1…14.
  const numbering = sheet.getRow(7);
  numbering.getCell(1).value = t("reports:campaign.header.jia");
  numbering.getCell(2).value = t("reports:campaign.header.serial");
  CAMPAIGN_COLUMNS.forEach((_, i) => (numbering.getCell(FIRST_FIGURE_COLUMN + i).value = i + 1));

  // Data rows 8–11.
  const nc = t("reports:campaign.notCollected");
  CAMPAIGN_ROWS.forEach((rowKey, i) => {
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    row.getCell(1).value = rowLabel(rowKey, t);
    row.getCell(2).value = i + 1;
    CAMPAIGN_COLUMNS.forEach((column, j) => {
      const cell = row.getCell(FIRST_FIGURE_COLUMN + j);
      const figure = column.figure(stats.rows[rowKey]);
      const value = figureValue(figure);
      if (value === null) {
        cell.value = nc;
        cell.font = { color: { argb: "FF808080" }, italic: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
      } else {
        cell.value = value;
        if (figure !== "notCollected") cell.numFmt = figure.unit === "tenThousandPersons" ? "0.0000" : figure.unit === "tenThousandYuan" ? "0.00" : "0";
      }
    });
  });
  for (let r = 4; r < FIRST_DATA_ROW + CAMPAIGN_ROWS.length; r++) {
    for (let c = 1; c <= last; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = border;
      if (r >= 7) cell.alignment = { vertical: "middle", horizontal: c === 1 ? "left" : "center" };
    }
  }

  // 其他情况, the note on what is not collected, signatures, remarks.
  let r = FIRST_DATA_ROW + CAMPAIGN_ROWS.length + 1;
  const line = (text: string, bold = false) => {
    sheet.mergeCells(span(r, 1, last));
    const cell = sheet.getCell(`A${r}`);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (bold) cell.font = { bold: true };
    sheet.getRow(r).height = Math.max(18, Math.ceil(text.length / 90) * 16);
    r++;
  };
  line(t("reports:campaign.otherTitle"), true);
  for (const text of otherLines(stats, t)) line(text);
  r++;
  line(t("reports:campaign.sourceNote"));
  line(t("reports:campaign.signatures"));
  line(t("reports:campaign.remark1"));
  line(t("reports:campaign.remark2"));
  return workbook;
}

/**
 * How a table is written: `overwrite` false creates the file or fails with EEXIST (the "wx" flag, so
 * that a file appearing after the caller's check is not overwritten either).
 */
export interface WriteOptions {
  overwrite: boolean;
}

const writeFlag = (options: WriteOptions): string => (options.overwrite ? "w" : "wx");

export async function writeCampaignXlsx(file: string, stats: CampaignStats, t: TFunction, meta: CampaignMeta, options: WriteOptions = { overwrite: false }): Promise<void> {
  const { default: Excel } = await import("exceljs");
  const buffer = await campaignWorkbook(Excel, stats, t, meta).xlsx.writeBuffer();
  writeFileSync(file, new Uint8Array(buffer), { flag: writeFlag(options) });
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The same table as CSV (UTF-8 with BOM, so that Excel opens the Chinese right): one line per row of
 * the sheet, merged header cells flattened into one header line ("解决欠薪问题数量·立案(件)").
 */
export function campaignCsv(stats: CampaignStats, t: TFunction, meta: CampaignMeta): string {
  // A blank in a sentence of the original ("共____个") is left blank and said to be not collected.
  const nc = t("reports:campaign.notCollected");
  const lines: (string | number)[][] = [];
  lines.push([meta.title ?? t("reports:campaign.title")]);
  lines.push([t("reports:campaign.unit", { unit: meta.unit }), t("reports:campaign.filedOn", { date: meta.filedOn })]);
  lines.push([t("reports:campaign.period", { from: meta.fromDate, to: meta.toDate })]);
  lines.push([
    t("reports:campaign.header.jia"),
    t("reports:campaign.header.serial"),
    ...CAMPAIGN_COLUMNS.map((c, i) => `${i + 1} ${t(`reports:campaign.csvHeader.${c.key}`)}`),
  ]);
  CAMPAIGN_ROWS.forEach((rowKey, i) => {
    lines.push([rowLabel(rowKey, t), i + 1, ...CAMPAIGN_COLUMNS.map((c) => figureText(c.figure(stats.rows[rowKey]), nc))]);
  });
  lines.push([]);
  lines.push([t("reports:campaign.otherTitle")]);
  for (const text of otherLines(stats, t)) lines.push([text]);
  lines.push([]);
  lines.push([t("reports:campaign.sourceNote")]);
  return `\uFEFF${lines.map((l) => l.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export function writeCampaignCsv(file: string, stats: CampaignStats, t: TFunction, meta: CampaignMeta, options: WriteOptions = { overwrite: false }): void {
  writeFileSync(file, campaignCsv(stats, t, meta), { encoding: "utf8", flag: writeFlag(options) });
}
