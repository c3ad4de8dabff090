// `npm run bench`: the dialog engine's hot path on a real SQLite file, compared in the same process
// with the least a turn must do — a single-row insert transaction with the same durability.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import type { TurnResult } from "../src/dialogs/engine.js";

const DIALOGS = Number(process.env.BENCH_DIALOGS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const PLACES = ["新乡市红旗区", "郑州金水区", "武汉江夏区", "重庆渝北", "宁波慈溪", "广州天河区", "沈阳于洪区", "曲靖麒麟区"];
const PROJECTS = ["凤凰城三期", "人民医院新院区", "滨江花园二期", "产业园厂房", "高速连接线"];
const EMPLOYERS = ["宏达劳务有限公司", "包工头刘建国", "恒发电器厂", "楚天劳务", "东兴装饰"];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const dir = mkdtempSync(join(tmpdir(), "arrears-bench-"));
try {
  const app = createApp(loadConfig({ DATABASE_URL: join(dir, "bench.db") }, join(dir, "none.env")));
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let logged = 0;
  type Engine = typeof app.engine;
  let engine: Engine = app.engine;
  let recording = true;
  let turnsTaken = 0;
  const turn = (userId: string, message: Parameters<Engine["handle"]>[0]["message"], kind = "answer"): TurnResult => {
    const started = performance.now();
    const result = engine.handle({ channel: "bench", userId, message });
    const elapsed = performance.now() - started;
    turnsTaken++;
    if (!recording) return result;
    latencies.push(elapsed);
    const list = byKind.get(kind) ?? [];
    list.push(elapsed);
    byKind.set(kind, list);
    return result;
  };

  /** One complete dialog: a first message with some facts, the missing facts, confirm. */
  const dialog = (user: string, i: number): boolean => {
    const place = PLACES[i % PLACES.length];
    const project = PROJECTS[i % PROJECTS.length];
    let result = turn(user, { kind: "text", text: `我在${place}${project}工地干活，老板欠我们工资一共${3 + (i % 40)}万` }, "first message");
    for (let step = 0; step < 12 && result.expecting !== "confirm" && result.expecting !== null; step++) {
      switch (result.expecting) {
        case "employer":
          result = turn(user, { kind: "text", text: EMPLOYERS[i % EMPLOYERS.length] as string });
          break;
        case "headcount":
          result = turn(user, { kind: "text", text: `${1 + (i % 30)}个人` });
          break;
        case "sector":
          result = turn(user, { kind: "choice", id: "sector:construction" });
          break;
        case "amount":
          result = turn(user, { kind: "text", text: "32000" });
          break;
        case "place":
          result = turn(user, { kind: "text", text: "新乡红旗区" });
          break;
        default:
          result = turn(user, { kind: "choice", id: "unknown" });
      }
    }
    result = turn(user, { kind: "choice", id: "confirm" }, "confirm (case logged)");
    return result.caseId !== null;
  };

  // Warm-up: the gazetteer index, prepared statements, and V8's optimising compilers, which take a few
  // thousand calls to settle on the readers' regular expressions. A bot runs for days; the figures
  // below are its steady state, measured after WARMUP dialogs of other workers.
  for (let i = 0; i < WARMUP; i++) dialog(`warm${i}`, i);
  latencies.length = 0;
  byKind.clear();

  // The floor: one single-row insert transaction per turn on the same file and settings. It runs in
  // blocks between blocks of dialogs, so that both see the same machine noise and the same database.
  app.store.sqlite.exec("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
  const insert = app.store.sqlite.prepare("INSERT INTO bench_floor (v) VALUES (?)");
  const insertOne = app.store.sqlite.transaction((value: string) => insert.run(value));
  const BLOCK = 50;
  let engineMs = 0;
  let floorMs = 0;
  for (let block = 0; block < DIALOGS; block += BLOCK) {
    const turnsBefore = latencies.length;
    const blockStarted = performance.now();
    for (let i = block; i < Math.min(DIALOGS, block + BLOCK); i++) if (dialog(`u${i}`, i)) logged++;
    engineMs += performance.now() - blockStarted;
    const floorStarted = performance.now();
    for (let i = turnsBefore; i < latencies.length; i++) insertOne(`row ${i}`);
    floorMs += performance.now() - floorStarted;
  }
  const engineSeconds = engineMs / 1000;
  const floorSeconds = floorMs / 1000;
  const turns = latencies.length;
  const sorted = [...latencies].sort((a, b) => a - b);

  const turnRate = turns / engineSeconds;
  const floorRate = turns / floorSeconds;
  const journal = app.store.sqlite.pragma("journal_mode", { simple: true });
  const synchronous = app.store.sqlite.pragma("synchronous", { simple: true });
  app.close();

  // The ceiling: the same dialogs on an in-memory database, where a commit writes nothing to disk. Its
  // rate against the file's bare inserts is the best ratio any saving on writes could reach; what is
  // left is the engine's own work (reading, routing, filing statements) on the CPU.
  const memoryApp = createApp(loadConfig({ DATABASE_URL: ":memory:" }, join(dir, "none.env")));
  engine = memoryApp.engine;
  const memoryDialogs = Math.max(1, Math.floor(DIALOGS / 2));
  recording = false;
  for (let i = 0; i < Math.min(WARMUP, 200); i++) dialog(`mwarm${i}`, i);
  const memoryTurnsBefore = turnsTaken;
  const memoryStarted = performance.now();
  for (let i = 0; i < memoryDialogs; i++) if (dialog(`m${i}`, i)) logged++;
  const memorySeconds = (performance.now() - memoryStarted) / 1000;
  const memoryTurnRate = (turnsTaken - memoryTurnsBefore) / memorySeconds;
  memoryApp.close();

  const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(34)} ${value}\n`);
  line("dialogs completed / cases logged", `${DIALOGS + memoryDialogs} / ${logged}`);
  line("turns", String(turns));
  line("turns per second", turnRate.toFixed(0));
  line("turn latency p50 (ms)", percentile(sorted, 50).toFixed(3));
  line("turn latency p99 (ms)", percentile(sorted, 99).toFixed(3));
  line("turn latency max (ms)", (sorted.at(-1) ?? Number.NaN).toFixed(3));
  // Each kind's mean in bare inserts: where the ratio goes (a dialog averages turns / dialogs turns).
  const floorMsPerInsert = floorMs / turns;
  for (const [kind, list] of byKind) {
    const ordered = [...list].sort((a, b) => a - b);
    const mean = list.reduce((sum, ms) => sum + ms, 0) / list.length;
    line(
      `  ${kind}: p50 / p99 (ms)`,
      `${percentile(ordered, 50).toFixed(3)} / ${percentile(ordered, 99).toFixed(3)}  (${list.length}; mean = ${(mean / floorMsPerInsert).toFixed(0)} bare inserts)`,
    );
  }
  line(`bare insert tx per second`, `${floorRate.toFixed(0)} (journal=${journal}, synchronous=${synchronous})`);
  line("ratio turns / bare inserts", (turnRate / floorRate).toFixed(3));
  line("turns per second, in-memory db", `${memoryTurnRate.toFixed(0)} (${memoryDialogs} dialogs, no disk writes at all)`);
  line("ceiling: in-memory turns / bare", `${(memoryTurnRate / floorRate).toFixed(3)} (the best ratio with free writes)`);
  line("target", "p99 < 5 ms and ratio >= 0.25");
  if (logged !== DIALOGS + memoryDialogs) process.exitCode = 1;
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
}
