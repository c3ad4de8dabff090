// `arrears report campaign|weekly`: the campaign statistics table (XLSX/CSV) and the weekly dispatch
// (周调度). Mounted by src/cli.ts:
//   program.addCommand(reportCommand(openApp));
import { existsSync } from "node:fs";
import { extname } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import type { App } from "../app.js";
import { loadConfig } from "../config.js";
import { translator } from "../i18n.js";
import { campaignStats } from "./campaign.js";
import { campaignCsv, writeCampaignCsv, writeCampaignXlsx, type CampaignMeta } from "./campaign-table.js";
import { BadDateError, localDateString, localPeriod } from "./period.js";
import { renderWeeklyTable, weeklyReport, weeklyReportJson } from "./weekly.js";

// Argument errors are read by the person at the terminal: in the configured language.
const say = (key: string, params: Record<string, unknown> = {}) => translator(loadConfig().DEFAULT_LOCALE)(key, params);

function dateArgument(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) throw new InvalidArgumentError(say("reports:cli.notADate", { date: value }));
  return value.trim();
}

function divisionArgument(value: string): string {
  if (!/^\d{6}$/.test(value.trim())) throw new InvalidArgumentError(say("reports:cli.badDivision", { code: value }));
  return value.trim();
}

function daysArgument(value: string): number {
  const days = Number(value.trim());
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new InvalidArgumentError(say("reports:cli.badDays", { days: value }));
  return days;
}

/** A division code the gazetteer does not know answers with an error, not with a table of zeros. */
function checkDivision(app: App, division: string | undefined): string | null {
  if (division === undefined || app.gazetteer.byCode(division)) return null;
  return translator(app.config.DEFAULT_LOCALE)("reports:cli.unknownDivision", { code: division });
}

export interface CampaignReportOptions {
  from: string;
  to: string;
  division?: string;
  xlsx?: string;
  csv?: string;
  unit?: string;
  title?: string;
  /** Replace files that exist already (otherwise refused). */
  force?: boolean;
}

const EXTENSIONS = { xlsx: ".xlsx", csv: ".csv" } as const;
/** `--csv -`: the table on standard output, as `-` conventionally means (`… --csv - > table.csv`, `| iconv …`). */
export const STDOUT = "-";

/** An output refused before anything is computed or written: a translation key and its parameters. */
export class ExportRefusedError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string>,
  ) {
    super(key);
    this.name = "ExportRefusedError";
  }
}

/**
 * Every output is checked before the first is written, so that a refusal leaves no half of the export:
 * the name must end as its format (Excel does not open a workbook called x.csv, and a CSV called x.xlsx
 * is "corrupt" to it), and an existing file — last month's table, sent upward already — is kept unless
 * --force.
 */
export function checkOutputs(options: Pick<CampaignReportOptions, "xlsx" | "csv" | "force">): void {
  for (const format of ["xlsx", "csv"] as const) {
    const file = options[format];
    if (file === undefined) continue;
    // A workbook is binary: on a terminal it is noise, and it is never what "-" is asked for here.
    if (file === STDOUT) {
      if (format === "xlsx") throw new ExportRefusedError("reports:cli.xlsxToStdout", {});
      continue;
    }
    const ext = EXTENSIONS[format];
    if (extname(file).toLowerCase() !== ext) {
      const stem = extname(file) === "" ? file : file.slice(0, -extname(file).length);
      throw new ExportRefusedError("reports:cli.wrongExtension", { option: `--${format}`, file, ext, suggestion: `${stem}${ext}` });
    }
    if (!options.force && existsSync(file)) throw new ExportRefusedError("reports:cli.exists", { file });
  }
}

/** Computes and writes the campaign table; returns the files written. */
export async function runCampaignReport(
  app: App,
  options: CampaignReportOptions,
  stdout: (text: string) => void = (text) => void process.stdout.write(text),
): Promise<string[]> {
  checkOutputs(options);
  const timeZone = app.config.TIME_ZONE;
  const period = localPeriod(options.from, options.to, timeZone);
  const stats = campaignStats(app.store, { ...period, division: options.division ?? null });
  const t = translator(app.config.DEFAULT_LOCALE);
  const meta: CampaignMeta = {
    unit: options.unit ?? (options.division ? app.gazetteer.fullName(options.division) || options.division : ""),
    filedOn: localDateString(app.clock.now(), timeZone),
    fromDate: options.from,
    toDate: options.to,
    title: options.title,
  };
  const written: string[] = [];
  const write = { overwrite: options.force === true };
  try {
    if (options.xlsx) {
      await writeCampaignXlsx(options.xlsx, stats, t, meta, write);
      written.push(options.xlsx);
    }
    if (options.csv === STDOUT) {
      // The same bytes as the file (UTF-8 with its BOM, so that `> table.csv` opens in Excel).
      stdout(campaignCsv(stats, t, meta));
    } else if (options.csv) {
      writeCampaignCsv(options.csv, stats, t, meta, write);
      written.push(options.csv);
    }
  } catch (error) {
    // Created by someone else between the check and the write: still not overwritten.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "EEXIST") throw new ExportRefusedError("reports:cli.exists", { file: (error as NodeJS.ErrnoException).path ?? "" });
    throw error;
  }
  return written;
}

export function reportCommand(
  openApp: () => App,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  /** Raw standard output (`--csv -`), and where the lines about files written go then, not into the CSV. */
  stdout: { write: (text: string) => void; info: (line: string) => void } = {
    write: (text) => void process.stdout.write(text),
    info: (line) => void process.stderr.write(`${line}\n`),
  },
): Command {
  const command = new Command("report").description("reports for leaders: the campaign statistics table, the weekly dispatch");

  command
    .command("campaign")
    .description("the campaign statistics table (专项行动情况统计表) from the ledger, as XLSX and/or CSV")
    .requiredOption("--from <date>", "first day, YYYY-MM-DD (local time)", dateArgument)
    .requiredOption("--to <date>", "last day, YYYY-MM-DD (inclusive)", dateArgument)
    .option("--division <code>", "only cases of this division and those under it", divisionArgument)
    .option("--xlsx <file>", "write the table as an Excel workbook")
    .option("--csv <file>", "write the table as CSV (UTF-8 with BOM); - writes it to standard output")
    .option("--unit <name>", "reporting unit (填报单位名称); default: the division's name")
    .option("--title <text>", "title of the table")
    .option("--force", "overwrite files that exist already")
    .action(async (options: CampaignReportOptions) => {
      const app = openApp();
      try {
        const t = translator(app.config.DEFAULT_LOCALE);
        if (!options.xlsx && !options.csv) command.error(t("reports:cli.needOutput"));
        const unknown = checkDivision(app, options.division);
        if (unknown) command.error(unknown);
        const files = await runCampaignReport(app, options, stdout.write);
        // With the CSV on standard output, what was written besides is said on standard error.
        for (const file of files) (options.csv === STDOUT ? stdout.info : out)(t("reports:cli.written", { file }));
      } catch (error) {
        if (error instanceof BadDateError) command.error(translator(app.config.DEFAULT_LOCALE)(error.key, error.params));
        if (error instanceof ExportRefusedError) command.error(translator(app.config.DEFAULT_LOCALE)(error.key, error.params));
        throw error;
      } finally {
        app.close();
      }
    });

  command
    .command("weekly")
    .description("周调度: new arrears cases, referred complaints, resolved, overdue, major and collective cases by division")
    .option("--division <code>", "only this division and those under it", divisionArgument)
    .option("--days <n>", "length of the period ending now (1–366)", daysArgument, 7)
    .option("--json", "print JSON")
    .action((options: { division?: string; days: number; json?: boolean }) => {
      const app = openApp();
      try {
        const unknown = checkDivision(app, options.division);
        if (unknown) command.error(unknown);
        const report = weeklyReport(app.store, app.gazetteer, { now: app.clock.now(), days: options.days, division: options.division, timeZone: app.config.TIME_ZONE });
        if (options.json) out(JSON.stringify(weeklyReportJson(report, app.config.TIME_ZONE), null, 2));
        else out(renderWeeklyTable(report, translator(app.config.DEFAULT_LOCALE), app.config.TIME_ZONE, app.gazetteer));
      } finally {
        app.close();
      }
    });

  return command;
}
