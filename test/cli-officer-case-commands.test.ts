// What a tired inspector meets on the command line: `arrears case set-status|show|list`, `group show`,
// `officer list` — the real bin/arrears.js in child processes on a database whose cases were filed by
// workers through the engine (in process, on the same file).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import { renderNotification } from "../src/cases/notifications.js";
import { beyondClaim } from "../src/cases/resolution.js";
import { translator } from "../src/i18n.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

const ORDINARY = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";
const SMALL = "我在新乡市红旗区恒发电器厂上班，老板欠我8000块工资";

let t: TestApp;
beforeAll(() => {
  t = makeTestApp();
});
afterAll(() => t.cleanup());

const run = promisify(execFile);
/** The CLI on the test's database: exit code, stdout and stderr, never a throw. */
const cli = (...args: string[]) =>
  run(process.execPath, ["bin/arrears.js", ...args], {
    env: { ...process.env, DATABASE_URL: t.dbFile, LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
  );

/** What the worker's channel would deliver for the case, in their words, read on a fresh connection. */
function toldWorker(workerKey: string): string[] {
  const app = t.restart();
  return app.outbox.due("local", Date.now() + 86_400_000, 100, workerKey).map((row) => renderNotification(row));
}

function eventsOf(id: string) {
  return t.restart().ledger.events(id);
}

describe("arrears case set-status: what the officer writes is kept and reaches whom it is for", () => {
  it("awaiting_worker with --note: the note is the question, in the ledger and sent to the worker", async () => {
    const id = new Worker(t.app, "ask1").files(ORDINARY);
    const asked = await cli("case", "set-status", id, "awaiting_worker", "--by", "张三", "--note", "请补充工资条");
    expect(asked.code, asked.stderr).toBe(0);
    expect(eventsOf(id).at(-1)).toMatchObject({ type: "question_asked", data: { question: "请补充工资条" } });
    expect(toldWorker("local:ask1").join("\n")).toContain("工作人员问您：请补充工资条");

    // Both given: the worker hears --tell-worker, the note stays in the ledger — nothing is dropped.
    await cli("case", "set-status", id, "handling", "--by", "张三");
    const both = await cli("case", "set-status", id, "awaiting_worker", "--by", "张三", "--note", "工资条要盖章的", "--tell-worker", "请拍一下工资条");
    expect(both.code, both.stderr).toBe(0);
    expect(eventsOf(id).at(-1)).toMatchObject({ type: "question_asked", data: { question: "请拍一下工资条", note: "工资条要盖章的" } });
    const told = toldWorker("local:ask1").join("\n");
    expect(told).toContain("请拍一下工资条");
    expect(told).not.toContain("工资条要盖章的");

    // Neither: refused in Chinese, nothing changed.
    const none = await cli("case", "set-status", id, "awaiting_worker", "--by", "张三");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("请用 --note 写上要问工人的问题");
  }, 120_000);

  it("reopened needs a reason (--note), refused in Chinese without one; the reason is in the ledger", async () => {
    const id = new Worker(t.app, "reopen1").files(SMALL);
    expect((await cli("case", "set-status", id, "resolved", "--by", "张三", "--recovered", "8000")).code).toBe(0);
    const bare = await cli("case", "set-status", id, "reopened", "--by", "张三");
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain("重新办理要写明原因：加 --note");
    expect(t.restart().ledger.find(id)?.status).toBe("resolved");
    const reasoned = await cli("case", "set-status", id, "reopened", "--by", "张三", "--note", "工人说只拿到一半");
    expect(reasoned.code, reasoned.stderr).toBe(0);
    expect(eventsOf(id).at(-1)).toMatchObject({ type: "status_changed", data: { to: "reopened", note: "工人说只拿到一半" } });
  }, 120_000);
});

describe("resolved with more workers paid than the complaint counts", () => {
  it("is refused in the officers' words unless --confirm-figures, as a sum more than twice the complaint's is", async () => {
    const id = new Worker(t.app, "paid1").files(SMALL); // one worker, ¥8,000
    const other = new Worker(t.app, "paid2").files(SMALL.replace("恒发电器厂", "利民电器厂"));
    // Three paid on a one-worker complaint (and a sum ten times the complaint's): likely slips, each said,
    // nothing closed, nothing written. Confirmed on purpose (the office found two more workers unpaid on
    // the same site), three paid are taken.
    const [slip, confirmed] = await Promise.all([
      cli("case", "set-status", id, "resolved", "--by", "张三", "--recovered", "80000", "--workers-paid", "3"),
      cli("case", "set-status", other, "resolved", "--by", "张三", "--recovered", "8000", "--workers-paid", "3", "--confirm-figures"),
    ]);
    expect(slip.code).toBe(1);
    expect(slip.stderr.trim().split("\n")).toEqual([
      "追回金额比投诉的（¥8,000）多一倍以上，可能写错了，没有办结。请核对；确实如此，请加 --confirm-figures 再办结。",
      "拿到钱的人数（3 人）比投诉的人数（最多 1 人）多，可能写错了，没有办结。请核对；确实如此，请加 --confirm-figures 再办结。",
    ]);
    expect(t.restart().ledger.find(id)?.status).toBe("logged");
    expect(eventsOf(id).filter((event) => (event.data as { to?: string } | null)?.to === "resolved")).toHaveLength(0);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(eventsOf(other).at(-1)).toMatchObject({ type: "status_changed", data: { to: "resolved", note: "recovered:8000;workersPaid:3" } });
    // As many as the complaint counts is no slip (the Slack modal's test resolves 12 of 12).
    expect(beyondClaim({ amountYuan: 8000, headcountMax: 1 }, { recovered: 8000, workersPaid: 1 })).toEqual({ amount: false, workers: false });
  }, 120_000);

  it("is said in English with the complaint's count in the singular or plural", () => {
    const en = translator("en");
    expect(en("cli.workersAboveHeadcount", { count: 1, paid: 3 })).toMatch(/^3 workers paid, but the complaint is about 1 worker: .*--confirm-figures/);
    expect(en("cli.workersAboveHeadcount", { count: 12, paid: 13 })).toMatch(/^13 workers paid, but the complaint is about 12 workers at most: .*--confirm-figures/);
  });
});

describe("closed with nothing recovered", () => {
  it("the worker is told where the money can still be claimed, and '还没收到钱' reopens the case and tells the desk", async () => {
    const id = new Worker(t.app, "zero1").files(SMALL);
    const closed = await cli("case", "set-status", id, "resolved", "--by", "张三", "--recovered", "0", "--note", "老板跑路，联系不上");
    expect(closed.code, closed.stderr).toBe(0);
    const told = toldWorker("local:zero1").at(-1) ?? "";
    expect(told).toContain("已办结");
    expect(told).toContain("这次没有追回钱款");
    expect(told).toContain("劳动仲裁");
    expect(told).toContain("法院");
    expect(told).toContain("12348");
    expect(told).toContain("「还没收到钱」");
    // The officer's note is the ledger's, not the worker's.
    expect(told).not.toContain("跑路");

    // The worker answers as they were told: a follow-up on the record, the case reopened, the desk told.
    const app = t.restart();
    const worker = new Worker(app, "zero1");
    worker.says("还没收到钱");
    expect(worker.heard).toContain("重新办理");
    expect(app.ledger.find(id)?.status).toBe("reopened");
    expect(app.ledger.events(id).map((event) => event.type)).toContain("follow_up_unpaid");
    const desk = app.outbox.due("desk", Date.now() + 86_400_000, 100).filter((row) => row.caseId === id).map((row) => row.messageKey);
    // The desk hears that a case closed with nothing recovered is to be looked at again.
    expect(desk).toContain("desk.followUpUnpaidNothingRecovered");
    // No new complaint was made of it.
    expect(app.ledger.listByFiler("local:zero1")).toHaveLength(1);
  }, 120_000);
});

describe("a Chinese-locale officer reads Chinese, and a list line says what to look at first", () => {
  it("errors, confirmations, case show, case list and deadlines carry no English codes; --json keeps them", async () => {
    const major = new Worker(t.app, "list1").files("我在新乡市红旗区翠湖园二期工地干钢筋，华信劳务欠我们40个人工资一共60万");
    const risk = new Worker(t.app, "list2");
    const small = risk.files("我在新乡市红旗区永兴电子厂上班，老板欠我6500块工资");
    risk.says("再不给钱我就从楼上跳下去");
    expect(t.restart().ledger.events(small).map((event) => event.type)).toContain("worker_at_risk");

    const [noBy, accepted, badStatus, unknownOption] = await Promise.all([
      cli("case", "set-status", major, "accepted"),
      cli("case", "set-status", major, "受理", "--by", "张三"),
      cli("case", "set-status", small, "done", "--by", "张三"),
      cli("case", "list", "--al"),
    ]);
    expect(noBy.code).toBe(1);
    expect(noBy.stderr.trim()).toBe("请用 --by 写上经办人姓名。");
    // The status typed in words; the confirmation in words.
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout.trim()).toBe(`${formatCaseId(major)}：状态已改为「已受理」`);
    expect(badStatus.stderr).toContain("没有这个状态：done。可以写：登记、不属于欠薪、受理");
    expect(unknownOption.stderr).toContain("没有这个选项：--al");
    for (const run of [noBy, badStatus, unknownOption]) expect(run.stderr).not.toMatch(/error:|argument|option '/);

    const [list, shown, json, deadlines] = await Promise.all([cli("case", "list"), cli("case", "show", major), cli("case", "list", "--json"), cli("scheduler", "deadlines", "--overdue")]);
    const line = (id: string) => list.stdout.split("\n").find((l) => l.startsWith(formatCaseId(id))) ?? "";
    // One line a case: status in words, the sum, the workers, and the markers an inspector scans for.
    expect(line(major)).toMatch(/ 已受理  ¥600,000  40 人  【重大·逾期】  红旗区  华信劳务/);
    expect(line(small)).toMatch(/ 已登记，待受理  ¥6,500  1 人  【重大·风险·逾期】  红旗区/);
    expect(list.stdout).not.toMatch(/\((?:logged|accepted)\)|awaiting_worker/);

    expect(shown.stdout.split("\n")[0]).toBe(`${formatCaseId(major)}  已受理`);
    expect(shown.stdout).toContain("张三（命令行）  已登记，待受理 → 已受理");
    expect(shown.stdout).not.toMatch(/officer:|worker:|\(cli\)|\(local\)|logged → accepted/);

    // For scripts: the codes.
    expect((JSON.parse(json.stdout) as { id: string; status: string }[]).find((c) => c.id === major)?.status).toBe("accepted");
    expect(deadlines.stdout).toContain("逾期");
    expect(deadlines.stdout).not.toContain("OVERDUE");
  }, 180_000);
});
