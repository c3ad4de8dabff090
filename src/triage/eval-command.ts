// `arrears eval FILE [--extractor rules|llm|both]`: runs triage over a labelled file and prints per-field
// accuracy, the share of messages with every field right, arrears precision/recall and throughput.
// "rules" (the default) is the rules reader alone; "llm" is the merged rules + grounded model reading
// (src/triage/llm); "both" prints the two side by side.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TFunction } from "i18next";
import { fieldMatches, labelledLineSchema, SCORED_FIELDS, type LabelledLine, type ScoredField } from "./eval-score.js";
import type { ModelReader } from "./llm/model-reader.js";
import { triageWithReading } from "./llm/triage-with-reading.js";
import type { MessageReading } from "./reading.js";
import { toTriageLine, triage, type TriageDeps, type TriageLine, type TriageResult } from "./triage.js";

export interface EvalMiss {
  id: string;
  field: ScoredField;
  got: unknown;
  want: unknown;
}

export interface EvalReport {
  messages: number;
  accuracy: Record<ScoredField, number>;
  allFieldsRight: number;
  arrearsPrecision: number;
  arrearsRecall: number;
  messagesPerSecond: number;
  misses: EvalMiss[];
}

// Reasons are not scored; an identity translator keeps the timing free of i18next.
const keyOnly = ((key: string) => key) as unknown as TFunction;

export function loadLabelled(file: string): LabelledLine[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const parsed = labelledLineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

function passesFor(lines: readonly LabelledLine[], deps: TriageDeps, ms: number): number {
  let processed = 0;
  const started = performance.now();
  do {
    for (const line of lines) triage(line.text, deps);
    processed += lines.length;
  } while (performance.now() - started < ms);
  return processed / ((performance.now() - started) / 1000);
}

/**
 * Throughput: one pass of 70 lines is too short and the first ones pay for JIT compilation, so it
 * warms up, then takes the median of three windows of whole passes.
 */
function measureSpeed(lines: readonly LabelledLine[], deps: TriageDeps, windowMs = 400): number {
  if (lines.length === 0) return 0;
  passesFor(lines, deps, windowMs);
  const rates = [0, 1, 2].map(() => passesFor(lines, deps, windowMs)).sort((a, b) => a - b);
  return rates[1] ?? 0;
}

export function evaluate(
  lines: readonly LabelledLine[],
  deps: TriageDeps,
  options: { speedMs?: number; triageLine?: (line: LabelledLine, index: number) => TriageResult } = {},
): EvalReport {
  const triageLine = options.triageLine ?? ((line: LabelledLine) => triage(line.text, deps));
  const right = Object.fromEntries(SCORED_FIELDS.map((f) => [f, 0])) as Record<ScoredField, number>;
  const scored = Object.fromEntries(SCORED_FIELDS.map((f) => [f, 0])) as Record<ScoredField, number>;
  const misses: EvalMiss[] = [];
  let allRight = 0;
  let truePositive = 0;
  let predictedArrears = 0;
  let actualArrears = 0;
  for (const [index, line] of lines.entries()) {
    const got: TriageLine = toTriageLine(line.id, triageLine(line, index), keyOnly);
    let every = true;
    for (const field of SCORED_FIELDS) {
      if (line.expect[field] === undefined) continue;
      scored[field] += 1;
      if (fieldMatches(field, got, line.expect)) right[field] += 1;
      else {
        every = false;
        misses.push({ id: line.id, field, got: got[field], want: line.expect[field] });
      }
    }
    if (every) allRight += 1;
    if (got.isArrears) predictedArrears += 1;
    if (line.expect.isArrears) actualArrears += 1;
    if (got.isArrears && line.expect.isArrears) truePositive += 1;
  }
  const n = Math.max(1, lines.length);
  const accuracy = Object.fromEntries(SCORED_FIELDS.map((f) => [f, scored[f] === 0 ? 1 : right[f] / scored[f]])) as Record<ScoredField, number>;
  return {
    messages: lines.length,
    accuracy,
    allFieldsRight: allRight / n,
    arrearsPrecision: predictedArrears === 0 ? 1 : truePositive / predictedArrears,
    arrearsRecall: actualArrears === 0 ? 1 : truePositive / actualArrears,
    messagesPerSecond: options.speedMs === 0 || options.triageLine ? 0 : measureSpeed(lines, deps, options.speedMs),
    misses,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatReport(report: EvalReport, showMisses = false): string {
  const rows = SCORED_FIELDS.map((f) => `  ${f.padEnd(12)} ${pct(report.accuracy[f])}`);
  const lines = [
    `messages: ${report.messages}`,
    "per-field accuracy:",
    ...rows,
    `all fields right: ${pct(report.allFieldsRight)}`,
    `arrears precision: ${pct(report.arrearsPrecision)}  recall: ${pct(report.arrearsRecall)}`,
    `speed: ${Math.round(report.messagesPerSecond)} messages/s`,
  ];
  if (showMisses) {
    lines.push("misses:");
    for (const m of report.misses) lines.push(`  ${m.id} ${m.field}: got ${JSON.stringify(m.got)} want ${JSON.stringify(m.want)}`);
  }
  return `${lines.join("\n")}\n`;
}

export function runEval(file: string, deps: TriageDeps, output: NodeJS.WritableStream, options: { showMisses?: boolean } = {}): EvalReport {
  const report = evaluate(loadLabelled(file), deps);
  output.write(formatReport(report, options.showMisses ?? false));
  return report;
}

export type Extractor = "rules" | "llm" | "both";
export const EXTRACTORS: readonly Extractor[] = ["rules", "llm", "both"];

export interface ModelEvalStats {
  answered: number;
  failed: number;
  skipped: number;
  /** Model values dropped by grounding, per field. */
  dropped: Record<string, number>;
  /** Fields where the merged reading took the model's value. */
  fromModel: Record<string, number>;
  seconds: number;
}

export interface LlmEvalReport extends EvalReport {
  model: ModelEvalStats;
}

/** The merged (rules + grounded model) reading of every line, `concurrency` model calls at a time. */
export async function evaluateLlm(
  lines: readonly LabelledLine[],
  deps: TriageDeps,
  reader: Pick<ModelReader, "readMerged">,
  options: { concurrency?: number } = {},
): Promise<LlmEvalReport> {
  const readings: MessageReading[] = new Array<MessageReading>(lines.length);
  const stats: ModelEvalStats = { answered: 0, failed: 0, skipped: 0, dropped: {}, fromModel: {}, seconds: 0 };
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const index = next++;
      const merged = await reader.readMerged((lines[index] as LabelledLine).text);
      readings[index] = merged.reading;
      if (merged.model.status === "answered") {
        stats.answered += 1;
        for (const field of merged.model.dropped) stats.dropped[field] = (stats.dropped[field] ?? 0) + 1;
      } else if (merged.model.status === "failed") stats.failed += 1;
      else stats.skipped += 1;
      for (const [field, source] of Object.entries(merged.sources ?? {})) {
        if (source === "model") stats.fromModel[field] = (stats.fromModel[field] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  stats.seconds = (performance.now() - started) / 1000;
  const report = evaluate(lines, deps, {
    speedMs: 0,
    triageLine: (line, index) => triageWithReading(line.text, readings[index] as MessageReading, deps),
  });
  return { ...report, messagesPerSecond: stats.seconds > 0 ? lines.length / stats.seconds : 0, model: stats };
}

const countList = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([field, n]) => `${field} ${n}`)
    .join(", ") || "none";

/** The readers side by side: one column per extractor. */
export function formatComparison(reports: { rules?: EvalReport; llm?: LlmEvalReport }, showMisses = false): string {
  const columns = (["rules", "llm"] as const).filter((name) => reports[name] !== undefined);
  const cell = (name: "rules" | "llm", value: (r: EvalReport) => string) => value(reports[name] as EvalReport).padStart(8);
  const row = (label: string, value: (r: EvalReport) => string) => `  ${label.padEnd(18)} ${columns.map((c) => cell(c, value)).join(" ")}`;
  const first = (reports.rules ?? reports.llm) as EvalReport;
  const lines = [
    `messages: ${first.messages}`,
    `  ${"".padEnd(18)} ${columns.map((c) => c.padStart(8)).join(" ")}`,
    ...SCORED_FIELDS.map((f) => row(f, (r) => pct(r.accuracy[f]))),
    row("all fields right", (r) => pct(r.allFieldsRight)),
    row("arrears precision", (r) => pct(r.arrearsPrecision)),
    row("arrears recall", (r) => pct(r.arrearsRecall)),
    row("messages/s", (r) => String(Math.round(r.messagesPerSecond))),
  ];
  const llm = reports.llm;
  if (llm) {
    lines.push(
      `model: answered ${llm.model.answered}, failed ${llm.model.failed}, skipped ${llm.model.skipped} in ${llm.model.seconds.toFixed(1)} s`,
      `model values dropped (not in the message): ${countList(llm.model.dropped)}`,
      `merged reading took from the model: ${countList(llm.model.fromModel)}`,
    );
  }
  if (showMisses) {
    for (const name of columns) {
      lines.push(`misses (${name}):`);
      for (const m of (reports[name] as EvalReport).misses) lines.push(`  ${m.id} ${m.field}: got ${JSON.stringify(m.got)} want ${JSON.stringify(m.want)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `--extractor rules` prints the report as before; `llm` and `both` need a model reader (built from
 * OPENAI_* settings by the caller) and print the side-by-side table.
 */
export async function runEvalWith(
  file: string,
  deps: TriageDeps,
  output: NodeJS.WritableStream,
  options: { extractor?: Extractor; showMisses?: boolean; modelReader?: Pick<ModelReader, "readMerged">; concurrency?: number } = {},
): Promise<{ rules?: EvalReport; llm?: LlmEvalReport }> {
  const extractor = options.extractor ?? "rules";
  if (extractor === "rules") return { rules: runEval(file, deps, output, { showMisses: options.showMisses ?? false }) };
  if (!options.modelReader) throw new Error("--extractor llm|both needs a model: set OPENAI_API_KEY (and OPENAI_BASE_URL, OPENAI_MODEL)");
  const lines = loadLabelled(file);
  const reports: { rules?: EvalReport; llm?: LlmEvalReport } = {};
  if (extractor === "both") reports.rules = evaluate(lines, deps);
  reports.llm = await evaluateLlm(lines, deps, options.modelReader, options.concurrency ? { concurrency: options.concurrency } : {});
  output.write(formatComparison(reports, options.showMisses ?? false));
  return reports;
}

export function parseExtractor(value: string | undefined): Extractor {
  const extractor = value ?? "rules";
  if (!(EXTRACTORS as readonly string[]).includes(extractor)) throw new Error(`--extractor must be one of ${EXTRACTORS.join(", ")}`);
  return extractor as Extractor;
}

/**
 * `node --import tsx src/triage/eval-command.ts FILE [--misses] [--extractor rules|llm|both]`, with the
 * real gazetteer and router; the model from OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL /
 * OPENAI_TIMEOUT_MS / OPENAI_RESPONSE_FORMAT in the environment or .env.
 */
export async function main(argv: readonly string[]): Promise<void> {
  const flagValue = (name: string): string | undefined => {
    const at = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (at < 0) return undefined;
    const arg = argv[at] as string;
    return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[at + 1];
  };
  const extractor = parseExtractor(flagValue("--extractor"));
  const file = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--extractor");
  if (!file) throw new Error("usage: eval-command.ts FILE [--misses] [--extractor rules|llm|both]");
  const { Gazetteer } = await import("../routing/gazetteer.js");
  const { Router } = await import("../routing/router.js");
  const gazetteer = Gazetteer.shared();
  const router = Router.load({}, gazetteer);
  let modelReader: ModelReader | undefined;
  if (extractor !== "rules") {
    const { loadConfig } = await import("../config.js");
    const { ModelReader: Reader, modelOptionsFromConfig } = await import("./llm/model-reader.js");
    const options = modelOptionsFromConfig({ ...loadConfig(), ...process.env });
    if (options) modelReader = new Reader(options, gazetteer);
  }
  await runEvalWith(resolve(file), { gazetteer, router }, process.stdout, {
    extractor,
    showMisses: argv.includes("--misses"),
    ...(modelReader ? { modelReader } : {}),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
