// `arrears eval FILE`: runs triage over a labelled file and prints per-field accuracy, the share of
// messages with every field right, arrears precision/recall and throughput.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TFunction } from "i18next";
import { fieldMatches, labelledLineSchema, SCORED_FIELDS, type LabelledLine, type ScoredField } from "./eval-score.js";
import { toTriageLine, triage, type TriageDeps, type TriageLine } from "./triage.js";

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

export function evaluate(lines: readonly LabelledLine[], deps: TriageDeps, options: { speedMs?: number } = {}): EvalReport {
  const right = Object.fromEntries(SCORED_FIELDS.map((f) => [f, 0])) as Record<ScoredField, number>;
  const scored = Object.fromEntries(SCORED_FIELDS.map((f) => [f, 0])) as Record<ScoredField, number>;
  const misses: EvalMiss[] = [];
  let allRight = 0;
  let truePositive = 0;
  let predictedArrears = 0;
  let actualArrears = 0;
  for (const line of lines) {
    const got: TriageLine = toTriageLine(line.id, triage(line.text, deps), keyOnly);
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
    messagesPerSecond: options.speedMs === 0 ? 0 : measureSpeed(lines, deps, options.speedMs),
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

/** `node --import tsx src/triage/eval-command.ts FILE [--misses]`, with the real gazetteer and router. */
export async function main(argv: readonly string[]): Promise<void> {
  const file = argv.find((a) => !a.startsWith("--"));
  if (!file) throw new Error("usage: eval-command.ts FILE [--misses]");
  const { Gazetteer } = await import("../routing/gazetteer.js");
  const { Router } = await import("../routing/router.js");
  const gazetteer = Gazetteer.shared();
  const router = Router.load({}, gazetteer);
  runEval(resolve(file), { gazetteer, router }, process.stdout, { showMisses: argv.includes("--misses") });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
