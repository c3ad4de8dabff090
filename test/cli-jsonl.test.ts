// A script holds a whole conversation through `arrears chat --jsonl`, then reads the case back with
// `arrears case show ID --json` — the real CLI in child processes on one SQLite file.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";

const dir = mkdtempSync(join(tmpdir(), "cli-"));
const env = { ...process.env, DATABASE_URL: join(dir, "cli.db"), LOG_LEVEL: "silent" };
const cli = (args: string[], input?: string) =>
  execFileSync(process.execPath, ["bin/arrears.js", ...args], { env, input, encoding: "utf8", timeout: 60_000 });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("arrears chat --jsonl", () => {
  it("answers one line per input line, interleaving users, and the logged case shows its facts", () => {
    const input = [
      { from: "w1", text: "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6" },
      { from: "w2", text: "你好" },
      "this is not json",
      { from: "w1", text: "金额不对，是24万" },
      { from: "w1", choice: "confirm" },
    ]
      .map((line) => (typeof line === "string" ? line : JSON.stringify(line)))
      .join("\n");
    const out = cli(["chat", "--jsonl"], `${input}\n`).trim().split("\n").map((line) => JSON.parse(line));
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ to: "w1", expecting: "confirm", caseId: null });
    expect(out[1]).toMatchObject({ to: "w2", expecting: null });
    expect(out[2]).toMatchObject({ to: null, error: expect.stringContaining("JSON") });
    expect(out[3].replies[0].text).toContain("240,000");
    const caseId = out[4].caseId as string;
    expect(caseId).toMatch(/^[2-9A-Z]{9}$/);

    const shown = JSON.parse(cli(["case", "show", caseId, "--json"]));
    expect(shown).toMatchObject({
      project: "碧桂园凤凰城三期",
      employer: "刘建国",
      amountYuan: 240000,
      headcount: 12,
      division: { code: "410702", name: "红旗区" },
      sector: "construction",
      category: "wage_arrears",
      isArrears: true,
      status: "logged",
    });
    expect(shown.events.map((event: { type: string }) => event.type)).toEqual(["logged", "routed"]);

    cli(["case", "set-status", caseId, "accepted", "--by", "张三", "--tell-worker", "张三会打电话给您"]);
    const after = JSON.parse(cli(["case", "show", caseId, "--json"]));
    expect(after.status).toBe("accepted");
    expect(after.events.at(-1)).toMatchObject({ type: "status_changed", actor: "officer:张三", channel: "cli" });

    // 需补充 through the CLI is a question relayed to the worker, never a silent status.
    expect(() => cli(["case", "set-status", caseId, "awaiting_worker", "--by", "张三"])).toThrow(/--tell-worker/);
    cli(["case", "set-status", caseId, "awaiting_worker", "--by", "张三", "--tell-worker", "请发一下合同照片"]);
    const asked = JSON.parse(cli(["case", "show", caseId, "--json"]));
    expect(asked.status).toBe("awaiting_worker");
    expect(asked.events.at(-1)).toMatchObject({ type: "question_asked", data: { question: "请发一下合同照片" } });

    // The officer's words reach the worker at the front of their next line, once.
    const next = cli(["chat", "--jsonl"], `${JSON.stringify({ from: "w1", text: "/mycases" })}\n${JSON.stringify({ from: "w1", text: "/help" })}\n`)
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const noticeTexts = next[0].replies.map((reply: { text: string }) => reply.text).filter((text: string) => text.startsWith("🔔"));
    expect(noticeTexts.join("\n")).toContain("张三会打电话给您");
    expect(noticeTexts.join("\n")).toContain("请发一下合同照片");
    expect(next[1].replies.some((reply: { text: string }) => reply.text.startsWith("🔔"))).toBe(false);

    // A resolved case comes back only by reopening; nothing changes on a refused move.
    // 办结 says how; a refused move names the moves that are possible.
    expect(() => cli(["case", "set-status", caseId, "resolved", "--by", "张三"])).toThrow(/--recovered/);
    // Words with no figure in them: the money must be given, for the statistics table.
    expect(() => cli(["case", "set-status", caseId, "resolved", "--by", "张三", "--note", "已协调"])).toThrow(/--recovered/);
    expect(() => cli(["case", "set-status", caseId, "resolved", "--by", "张三", "--recovered", "很多"])).toThrow(/--recovered 要写一个金额/);
    // A sum ten times the complaint's is a likely typo: refused unless confirmed, nothing written.
    const claimed = JSON.parse(cli(["case", "show", caseId, "--json"])).amountYuan as number;
    expect(() => cli(["case", "set-status", caseId, "resolved", "--by", "张三", "--recovered", String(claimed * 10)])).toThrow(/可能写错了，没有办结。.*--confirm-figures/);
    expect(JSON.parse(cli(["case", "show", caseId, "--json"])).status).toBe("awaiting_worker");
    // "付清" is the sum owed; the officer sees the figures recorded.
    const owed = JSON.parse(cli(["case", "show", caseId, "--json"])).amountYuan as number;
    const said = cli(["case", "set-status", caseId, "resolved", "--by", "张三", "--note", "老板已付清"]);
    expect(said).toContain(`追回 ${owed.toLocaleString("en-US")} 元`);
    // The figures are in the note the report reads; the worker hears the money and the officer's words.
    const resolvedEvent = JSON.parse(cli(["case", "show", caseId, "--json"])).events.at(-1);
    expect(resolvedEvent.data.note).toMatch(new RegExp(`^recovered:${owed};workersPaid:\\d+;老板已付清$`));
    // The worker hears the sum; the officer's note stays in the ledger.
    expect(resolvedEvent.data.noteForWorker).toBe(`已追回 ${owed.toLocaleString("en-US")} 元。`);
    expect(() => cli(["case", "set-status", caseId, "logged", "--by", "张三"])).toThrow(/可以改为：重新办理/);
    expect(JSON.parse(cli(["case", "show", caseId, "--json"])).status).toBe("resolved");

    // A transfer names the desk it goes to; the worker is told, and the case's jurisdiction moves.
    cli(["case", "set-status", caseId, "reopened", "--by", "张三", "--note", "工人说钱没有到账"]);
    expect(() => cli(["case", "set-status", caseId, "transferred", "--by", "张三"])).toThrow(/--to/);
    expect(() => cli(["case", "set-status", caseId, "transferred", "--by", "张三", "--to", "999999"])).toThrow(/没有这个地区代码：999999/);
    // A desk is a county, and not the one that has the case already.
    expect(() => cli(["case", "set-status", caseId, "transferred", "--by", "张三", "--to", "410000"])).toThrow(/不是区县/);
    const desk = JSON.parse(cli(["case", "show", caseId, "--json"])).jurisdictionCode as string;
    expect(() => cli(["case", "set-status", caseId, "transferred", "--by", "张三", "--to", desk])).toThrow(/不用转/);
    expect(JSON.parse(cli(["case", "show", caseId, "--json"])).status).toBe("reopened");
    cli(["case", "set-status", caseId, "transferred", "--by", "张三", "--to", "410711"]);
    const moved = JSON.parse(cli(["case", "show", caseId, "--json"]));
    expect(moved.status).toBe("transferred");
    expect(moved.jurisdictionCode).toBe("410711");
    // Officers see the desk it has now, in the case and in the lists, and a desk lists its own cases.
    expect(cli(["case", "show", caseId])).toContain("现在由: 河南省新乡市牧野区 (410711)");
    expect(cli(["case", "list"])).toContain("牧野区");
    expect(cli(["case", "list", "--division", "410711"])).toContain(formatCaseId(caseId));
    expect(cli(["case", "list", "--division", "410700"])).toContain(formatCaseId(caseId));
    expect(cli(["case", "list", "--division", desk])).not.toContain(formatCaseId(caseId));
    expect(() => cli(["case", "list", "--division", "999999"])).toThrow(/没有这个地区代码/);
    expect(moved.events.at(-1)).toMatchObject({ type: "status_changed", data: { noteForWorker: expect.stringContaining("牧野区") } });

    // The same handling recorded twice: refused the second time, the worker told once.
    cli(["case", "set-status", caseId, "accepted", "--by", "张三"]);
    cli(["case", "set-status", caseId, "handling", "--by", "张三", "--record", "police"]);
    expect(() => cli(["case", "set-status", caseId, "handling", "--by", "张三", "--record", "police"])).toThrow(/已经记录过「移送公安」/);

    // Referring a case away needs the words that tell the worker where to go.
    expect(() => cli(["case", "set-status", caseId, "referred", "--by", "张三"])).toThrow(/--tell-worker/);

    // The officer's text view: each status change names its new status, and the worker's own words are there.
    const text = cli(["case", "show", caseId]);
    expect(text).toContain("状态改为「已受理」");
    expect(text).toContain("状态改为「已办结」");
    expect(text).not.toContain("{{");
    // Notes in words, not the codes the reports read.
    expect(text).toContain("移送公安");
    expect(text).not.toContain("record:police");
    expect(text).not.toMatch(/recovered:\d/);
    expect(text).toMatch(/工人原话: .*刘建国/);

    // The worker leaves a phone later: masked by default; the full number needs who looks, on the record.
    cli(["chat", "--jsonl"], `${JSON.stringify({ from: "w1", text: "我电话1381 234 5678" })}\n`);
    const masked = JSON.parse(cli(["case", "show", caseId, "--json"]));
    expect(masked.phone).toBe("138****5678");
    expect(() => cli(["case", "show", caseId, "--show-phone"])).toThrow(/--by/);
    expect(JSON.parse(cli(["case", "show", caseId, "--json", "--show-phone", "--by", "李四"])).phone).toBe("13812345678");
    expect(JSON.parse(cli(["case", "show", caseId, "--json"])).events.at(-1)).toMatchObject({ type: "phone_viewed", actor: "officer:李四", channel: "cli" });
  }, 300_000); // twenty CLI processes, each loading the gazetteer
});

describe("the database file", () => {
  it("backs up a live database with its -wal commits, and refuses to read a database that is not there", () => {
    const backup = join(dir, "backup.db");
    const listed = cli(["case", "list", "--json"]);
    const cases = (JSON.parse(listed) as unknown[]).length;
    expect(cases).toBeGreaterThan(0);
    expect(cli(["db", "backup", backup])).toContain(`（${cases} 件案件）`);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(() => cli(["db", "backup", backup])).toThrow(/已存在，没有覆盖/);
    // The copy is a database of its own with the same cases.
    const copied = execFileSync(process.execPath, ["bin/arrears.js", "case", "list", "--json"], { env: { ...env, DATABASE_URL: backup }, encoding: "utf8" });
    expect((JSON.parse(copied) as unknown[]).length).toBe(cases);

    // Run where there is no database: refused, and no empty database is made.
    const elsewhere = join(dir, "elsewhere", "arrears.db");
    const run = (args: string[]) => execFileSync(process.execPath, ["bin/arrears.js", ...args], { env: { ...env, DATABASE_URL: elsewhere }, encoding: "utf8", stdio: "pipe" });
    expect(() => run(["case", "list"])).toThrow(/没有找到数据库 .*elsewhere/);
    expect(() => run(["scheduler", "tick"])).toThrow(/没有找到数据库/);
    expect(existsSync(elsewhere)).toBe(false);
    expect(run(["db", "path"]).trim()).toBe(elsewhere);
  }, 120_000);
});
