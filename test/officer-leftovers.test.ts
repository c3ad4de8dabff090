// Officer-side leftovers of a review, each fix held here: the CLI (the real bin/arrears.js in child
// processes) and the Slack desk (real Bolt over HTTP, signed requests, the Web API stand-in on 127.0.0.1),
// on cases filed by workers through the engine.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

const TEAM = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";
const SMALL = "我在新乡市红旗区恒发电器厂上班，老板欠我7000块工资";

const run = promisify(execFile);
/** The CLI on a test's database: exit code, stdout and stderr, never a throw. */
const cliOn =
  (t: TestApp, env: Record<string, string> = {}) =>
  (...args: string[]) =>
    run(process.execPath, ["bin/arrears.js", ...args], {
      env: { ...process.env, DATABASE_URL: t.dbFile, LOG_LEVEL: "silent", DEFAULT_LOCALE: "zh-CN", ...env },
      encoding: "utf8",
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
    );

let users = 0;
const file = (t: TestApp, text: string, channel = "local") => new Worker(t.app, `l${users++}`, channel).files(text);

describe("--record takes the other words for a handling (调解, 速裁, mediate) and names the valid ones", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
  });
  afterAll(() => t.cleanup());

  const lastNote = (id: string) => (t.restart().ledger.events(id).at(-1)?.data as { note?: string } | undefined)?.note;

  it("调解 and 和解 are mediation, 速裁 arbitration, 移送 the police, an English id or word as well", async () => {
    const id = file(t, SMALL);
    for (const [word, kind] of [
      ["调解", "mediation"],
      ["速裁", "arbitration"],
      ["移送", "police"],
      ["Mediate", "mediation"],
      ["advance", "advance"],
      ["立案查处", "case_opened"],
    ] as const) {
      // The same handling twice is refused (it tells the worker nothing new): a different one each time,
      // except the two mediations, with another handling between them.
      const done = await cli("case", "set-status", id, "handling", "--by", "李", "--record", word);
      expect(done.code, `${word}: ${done.stderr}`).toBe(0);
      expect(lastNote(id)).toBe(`record:${kind}`);
    }
    const again = await cli("case", "set-status", id, "handling", "--by", "李", "--record", "和解");
    expect(again.code, again.stderr).toBe(0);
    expect(lastNote(id)).toBe("record:mediation");
  });

  it("an unknown handling is refused with what was typed and the valid ones, codes and names; nothing is written", async () => {
    const id = file(t, SMALL);
    const before = t.restart().ledger.events(id).length;
    const refused = await cli("case", "set-status", id, "handling", "--by", "李", "--record", "罚款");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("没有这种处理方式：罚款");
    expect(refused.stderr).toContain("case_opened（立案）、mediation（协调/调解）、arbitration（仲裁/速裁）、police（移送公安）、advance（垫付）");
    expect(t.restart().ledger.events(id)).toHaveLength(before);
    const english = await cliOn(t, { DEFAULT_LOCALE: "en" })("case", "set-status", id, "handling", "--by", "Li", "--record", "fine");
    expect(english.code).toBe(1);
    expect(english.stderr).toContain("No such handling: fine.");
    expect(english.stderr).toContain("mediation (Mediation / mediate)");
  });
});

describe("arrears report campaign --csv - writes the table to standard output", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
    const id = file(t, TEAM);
    t.app.actions.setStatus({ caseId: id, status: "accepted", by: "李", channel: "cli" });
    t.app.actions.setStatus({ caseId: id, status: "resolved", by: "李", channel: "cli", note: "recovered:200000;workersPaid:12" });
  });
  afterAll(() => t.cleanup());

  it("the CSV on stdout (the file's bytes), no file called '-', nothing else on stdout", async () => {
    const done = await cli("report", "campaign", "--from", "2026-11-01", "--to", "2026-11-30", "--csv", "-");
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout.startsWith("\uFEFF")).toBe(true);
    const total = done.stdout.split("\r\n").find((line) => line.startsWith("合计,"));
    // One case resolved: 12 workers, ¥200,000 = 20.00 万元.
    expect(total).toContain(",0.0012,");
    expect(total).toContain(",20.00,");
    expect(done.stdout).not.toContain("已写入");
    expect(existsSync(join(process.cwd(), "-"))).toBe(false);
    expect(existsSync(join(process.cwd(), "-.csv"))).toBe(false);
  });

  it("with --xlsx FILE too: the workbook written, and said on stderr, not inside the CSV", async () => {
    const xlsx = join(t.dir, "table.xlsx");
    const done = await cli("report", "campaign", "--from", "2026-11-01", "--to", "2026-11-30", "--csv", "-", "--xlsx", xlsx);
    expect(done.code, done.stderr).toBe(0);
    expect(existsSync(xlsx)).toBe(true);
    expect(done.stderr).toContain(`已写入 ${xlsx}`);
    expect(done.stdout).not.toContain("已写入");
    expect(done.stdout).toContain("工程建设领域");
  });

  it("--xlsx - is refused in words (a workbook is binary), nothing written", async () => {
    const refused = await cli("report", "campaign", "--from", "2026-11-01", "--to", "2026-11-30", "--xlsx", "-");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Excel 工作簿不能写到标准输出");
    expect(refused.stdout).toBe("");
  });
});
