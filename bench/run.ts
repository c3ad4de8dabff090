// `npm run bench`: the dialog engine's hot path on a real SQLite file, compared in the same process
// with the least a turn must do — a single-row insert transaction with the same durability.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import type { Durability } from "../src/db/open.js";
import type { TurnResult } from "../src/dialogs/engine.js";

const DIALOGS = Number(process.env.BENCH_DIALOGS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const PLACES = ["新乡市红旗区", "郑州金水区", "武汉江夏区", "重庆渝北", "宁波慈溪", "广州天河区", "沈阳于洪区", "曲靖麒麟区"];
const PROJECTS = ["凤凰城三期", "人民医院新院区", "滨江花园二期", "产业园厂房", "高速连接线"];
const EMPLOYERS = ["宏达劳务有限公司", "包工头刘建国", "恒发电器厂", "楚天劳务", "东兴装饰"];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

type Engine = App["engine"];
type Message = Parameters<Engine["handle"]>[0]["message"];

/** Times every turn it is given, by kind, while `recording`. */
class TurnTimer {
  latencies: number[] = [];
  byKind = new Map<string, number[]>();
  recording = true;
  constructor(public engine: Engine) {}

  turn(userId: string, message: Message, kind = "answer"): TurnResult {
    const started = performance.now();
    const result = this.engine.handle({ channel: "bench", userId, message });
    const elapsed = performance.now() - started;
    if (!this.recording) return result;
    this.latencies.push(elapsed);
    const list = this.byKind.get(kind) ?? [];
    list.push(elapsed);
    this.byKind.set(kind, list);
    return result;
  }

  /** One complete dialog: a first message with some facts, the missing facts, confirm. True when logged. */
  dialog(user: string, i: number): boolean {
    const place = PLACES[i % PLACES.length];
    const project = PROJECTS[i % PROJECTS.length];
    let result = this.turn(user, { kind: "text", text: `我在${place}${project}工地干活，老板欠我们工资一共${3 + (i % 40)}万` }, "first message");
    for (let step = 0; step < 12 && result.expecting !== "confirm" && result.expecting !== null; step++) {
      switch (result.expecting) {
        case "employer":
          result = this.turn(user, { kind: "text", text: EMPLOYERS[i % EMPLOYERS.length] as string });
          break;
        case "headcount":
          result = this.turn(user, { kind: "text", text: `${1 + (i % 30)}个人` });
          break;
        case "sector":
          result = this.turn(user, { kind: "choice", id: "sector:construction" });
          break;
        case "amount":
          result = this.turn(user, { kind: "text", text: "32000" });
          break;
        case "place":
          result = this.turn(user, { kind: "text", text: "新乡红旗区" });
          break;
        default:
          result = this.turn(user, { kind: "choice", id: "unknown" });
      }
    }
    result = this.turn(user, { kind: "choice", id: "confirm" }, "confirm (case logged)");
    return result.caseId !== null;
  }
}

interface FileRun {
  durability: Durability;
  synchronousPragma: unknown;
  turns: number;
  turnRate: number;
  floorRate: number;
  sorted: number[];
  byKind: Map<string, number[]>;
  floorMsPerInsert: number;
  logged: number;
}

/** The dialogs on a fresh database file with the given durability, alternating with its bare inserts. */
function runOnFile(dir: string, durability: Durability, dialogs: number, warmup: number, userPrefix: string): FileRun {
  const app = createApp(
    loadConfig({ DATABASE_URL: join(dir, `bench-${durability}.db`), DATABASE_SYNCHRONOUS: durability }, join(dir, "none.env")),
  );
  try {
    const timer = new TurnTimer(app.engine);
    // Warm-up: the gazetteer index, prepared statements, and V8's optimising compilers, which take a few
    // thousand calls to settle on the readers' regular expressions. A bot runs for days; the figures
    // below are its steady state, measured after `warmup` dialogs of other workers.
    for (let i = 0; i < warmup; i++) timer.dialog(`${userPrefix}warm${i}`, i);
    timer.latencies.length = 0;
    timer.byKind.clear();

    // The floor: one single-row insert transaction per turn on the same file and settings. It runs in
    // blocks between blocks of dialogs, so that both see the same machine noise and the same database.
    app.store.sqlite.exec("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    const insert = app.store.sqlite.prepare("INSERT INTO bench_floor (v) VALUES (?)");
    const insertOne = app.store.sqlite.transaction((value: string) => insert.run(value));
    const BLOCK = 50;
    let engineMs = 0;
    let floorMs = 0;
    let logged = 0;
    for (let block = 0; block < dialogs; block += BLOCK) {
      const turnsBefore = timer.latencies.length;
      const blockStarted = performance.now();
      for (let i = block; i < Math.min(dialogs, block + BLOCK); i++) if (timer.dialog(`${userPrefix}${i}`, i)) logged++;
      engineMs += performance.now() - blockStarted;
      const floorStarted = performance.now();
      for (let i = turnsBefore; i < timer.latencies.length; i++) insertOne(`row ${i}`);
      floorMs += performance.now() - floorStarted;
    }
    const turns = timer.latencies.length;
    return {
      durability,
      synchronousPragma: app.store.sqlite.pragma("synchronous", { simple: true }),
      turns,
      turnRate: turns / (engineMs / 1000),
      floorRate: turns / (floorMs / 1000),
      sorted: [...timer.latencies].sort((a, b) => a - b),
      byKind: timer.byKind,
      floorMsPerInsert: floorMs / turns,
      logged,
    };
  } finally {
    app.close();
  }
}

const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(36)} ${value}\n`);

const dir = mkdtempSync(join(tmpdir(), "arrears-bench-"));
try {
  // The shipped default first (DATABASE_SYNCHRONOUS=full: every commit synced, so a case ID told to a
  // worker survives a power cut); then "normal", where a commit is only copied into the WAL and the
  // engine's own work weighs most; then no disk at all.
  const full = runOnFile(dir, "full", DIALOGS, WARMUP, "f");
  const normalDialogs = Math.max(1, Math.floor(DIALOGS / 2));
  const normal = runOnFile(dir, "normal", normalDialogs, Math.min(WARMUP, 300), "n");

  // The ceiling: the same dialogs on an in-memory database, where a commit writes nothing to disk.
  const memoryApp = createApp(loadConfig({ DATABASE_URL: ":memory:" }, join(dir, "none.env")));
  const memory = new TurnTimer(memoryApp.engine);
  memory.recording = false;
  let memoryLogged = 0;
  for (let i = 0; i < Math.min(WARMUP, 200); i++) memory.dialog(`mwarm${i}`, i);
  const memoryDialogs = normalDialogs;
  memory.recording = true;
  const memoryStarted = performance.now();
  for (let i = 0; i < memoryDialogs; i++) if (memory.dialog(`m${i}`, i)) memoryLogged++;
  const memorySeconds = (performance.now() - memoryStarted) / 1000;
  const memoryTurns = memory.latencies.length;
  memoryApp.close();
  const memoryTurnRate = memoryTurns / memorySeconds;

  line("dialogs completed / cases logged", `${DIALOGS + normalDialogs + memoryDialogs} / ${full.logged + normal.logged + memoryLogged}`);
  line(`DATABASE_SYNCHRONOUS=full (default)`, `synchronous=${String(full.synchronousPragma)}, journal=wal`);
  line("  turns", String(full.turns));
  line("  turns per second", full.turnRate.toFixed(0));
  line("  turn latency p50 (ms)", percentile(full.sorted, 50).toFixed(3));
  line("  turn latency p99 (ms)", percentile(full.sorted, 99).toFixed(3));
  line("  turn latency max (ms)", (full.sorted.at(-1) ?? Number.NaN).toFixed(3));
  // Each kind's mean in bare inserts: where the ratio goes (a dialog averages turns / dialogs turns).
  for (const [kind, list] of full.byKind) {
    const ordered = [...list].sort((a, b) => a - b);
    const mean = list.reduce((sum, ms) => sum + ms, 0) / list.length;
    line(
      `    ${kind}: p50 / p99 (ms)`,
      `${percentile(ordered, 50).toFixed(3)} / ${percentile(ordered, 99).toFixed(3)}  (${list.length}; mean = ${(mean / full.floorMsPerInsert).toFixed(1)} bare inserts)`,
    );
  }
  line("  bare insert tx per second", full.floorRate.toFixed(0));
  line("  ratio turns / bare inserts", (full.turnRate / full.floorRate).toFixed(3));
  line(`DATABASE_SYNCHRONOUS=normal`, `synchronous=${String(normal.synchronousPragma)}, ${normalDialogs} dialogs`);
  line("  turns per second", normal.turnRate.toFixed(0));
  line("  turn latency p99 (ms)", percentile(normal.sorted, 99).toFixed(3));
  line("  bare insert tx per second", normal.floorRate.toFixed(0));
  line("  ratio turns / bare inserts", (normal.turnRate / normal.floorRate).toFixed(3));
  line("in-memory db, no disk writes", `${memoryTurnRate.toFixed(0)} turns/s (${memoryDialogs} dialogs)`);
  line("  against full's bare inserts", `${(memoryTurnRate / full.floorRate).toFixed(3)} (the best ratio with free writes)`);
  line("  against normal's bare inserts", (memoryTurnRate / normal.floorRate).toFixed(3));
  line("target", "p99 < 5 ms and ratio >= 0.25 (for the default durability)");
  if (full.logged + normal.logged + memoryLogged !== DIALOGS + normalDialogs + memoryDialogs) process.exitCode = 1;
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
