// `node --import tsx bench/reader.ts`: time per call of the rules reader (src/triage) and the place
// lookup, on the messages the dialog engine sees: a first message, short answers, the whole narrative
// for classify, the labelled dev set. Best of several rounds, so that a busy machine shows less.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Gazetteer } from "../src/routing/gazetteer.js";
import { readAmount } from "../src/triage/amounts.js";
import { classify } from "../src/triage/classify.js";
import { readPhone, readSince } from "../src/triage/contact.js";
import { readEmployer } from "../src/triage/employer.js";
import { readHeadcount } from "../src/triage/headcount.js";
import { normalize } from "../src/triage/normalize.js";
import { readProject } from "../src/triage/project.js";
import { prepareText, readMessage } from "../src/triage/read-message.js";
import { guessSector, readNamedSector, readOwnership, readProjectKind } from "../src/triage/sector.js";

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const CALLS = Number(process.env.CALLS ?? 20_000);

function time(label: string, call: () => unknown, calls = CALLS): void {
  for (let i = 0; i < Math.min(calls, 2_000); i++) call();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) call();
    best = Math.min(best, ((performance.now() - started) / calls) * 1000);
  }
  console.log(label.padEnd(34), `${best.toFixed(1)} µs`);
}

const started = performance.now();
const g = Gazetteer.shared();
console.log("gazetteer built in".padEnd(34), `${(performance.now() - started).toFixed(0)} ms`);

const PLACES = ["新乡市红旗区", "郑州金水区", "武汉江夏区", "重庆渝北", "宁波慈溪", "广州天河区", "沈阳于洪区", "曲靖麒麟区"];
const first = "我在新乡市红旗区凤凰城三期工地干活，老板欠我们工资一共13万";
const firsts = PLACES.map((place, i) => `我在${place}凤凰城三期工地干活，老板欠我们工资一共${3 + i}万`);
const shorts = ["宏达劳务有限公司", "12个人", "32000", "新乡红旗区"];
const devFile = new URL("../../shared/eval/dev.jsonl", import.meta.url);
let dev: string[] = [];
try {
  dev = readFileSync(devFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { text: string }).text);
} catch {
  // The labelled set lives beside the project; without it that line is skipped.
}

time("read first message", () => readMessage(first, g));
let next = 0;
time("read first message, 8 places", () => readMessage(firsts[next++ % firsts.length] as string, g));
for (const answer of shorts) time(`read "${answer}"`, () => readMessage(answer, g));
if (dev.length > 0) time(`read dev.jsonl (${dev.length}, average)`, () => readMessage(dev[next++ % dev.length] as string, g), 3_000);
const narrative = [first, "宏达劳务有限公司", "12个人"].join("\n");
const reading = readMessage(first, g);
time("classify 3-line narrative", () => classify(narrative, reading));
time("resolveAnswer(normalize(新乡红旗区))", () => g.resolveAnswer(normalize("新乡红旗区")));

console.log("\nparts of the first message:");
const p = prepareText(first).text;
time("  prepareText", () => prepareText(first));
time("  headcount", () => readHeadcount(p));
time("  namedSector + guessSector", () => readNamedSector(p) ?? guessSector(p));
time("  project", () => readProject(p, "construction"));
time("  employer", () => readEmployer(p, "construction"));
time("  amount", () => readAmount(p, null));
time("  place (gazetteer.resolve)", () => g.resolve(p));
time("  projectKind + ownership", () => [readProjectKind(p, "construction"), readOwnership(p)]);
time("  phone + since", () => [readPhone(p), readSince(p)]);
