// 更正案件信息: an officer puts a case's figures and names right after checking them. The case, the
// ledger, the case's size (collective, major, with the major-case deadlines), its collective group and
// the desk all follow in one transaction, and the worker hears what now stands — in their language.
import { Command, CommanderError } from "commander";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NothingToCorrectError } from "../src/cases/case-actions.js";
import { formatCaseId } from "../src/cases/case-id.js";
import { correctCommand } from "../src/cases/correct-cli.js";
import { eventLabel, eventNote } from "../src/cases/event-text.js";
import { readTypedCorrection } from "../src/cases/fact-correction.js";
import { renderNotification } from "../src/cases/notifications.js";
import { outbox } from "../src/db/schema.js";
import { asc, eq } from "drizzle-orm";
import { CaseGroups } from "../src/groups/groups.js";
import { translator } from "../src/i18n.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

let users = 0;
function file(text: string, answers: Record<string, string> = {}, worker = new Worker(env.app, `c${users++}`)): { id: string; worker: Worker } {
  return { id: worker.files(text, answers), worker };
}

const row = (id: string) => env.app.ledger.find(id)!;
/** The messages queued for a recipient, rendered as they will be sent. */
const queuedFor = (recipient: string, key?: string): string[] =>
  env.app.store.db
    .select()
    .from(outbox)
    .where(eq(outbox.recipientKey, recipient))
    .orderBy(asc(outbox.id))
    .all()
    .filter((message) => key === undefined || message.messageKey === key)
    .map((message) => renderNotification(message));

/** `arrears case correct …` mounted as src/cli.ts mounts it, on the test's database; output captured. */
async function correct(args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const root = new Command("case");
  root.addCommand(correctCommand(() => env.restart(), (line) => out.push(line), (line) => err.push(line)));
  for (const command of [root, ...root.commands]) {
    command.exitOverride();
    command.configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  }
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await root.parseAsync(["correct", ...args], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    err.push(error.message);
    process.exitCode = 1;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { out: out.join("\n"), err: err.join("\n"), exitCode };
}

describe("an officer corrects the amount from the command line", () => {
  it("changes the case, records old and new on the ledger, and tells the worker and the desk", async () => {
    const { id, worker } = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我工资3万", { headcount: "1个人" });
    expect(row(id).amountYuan).toBe(30_000);

    const result = await correct([formatCaseId(id), "--amount", "2.86万", "--by", "张三", "--note", "核对了工资表"]);
    expect(result).toMatchObject({ exitCode: 0, err: "" });
    expect(result.out).toContain("欠款金额：¥30,000 → ¥28,600");

    expect(row(id).amountYuan).toBe(28_600);
    const event = env.app.ledger.events(id).at(-1)!;
    expect(event).toMatchObject({
      type: "facts_corrected",
      actor: "officer:张三",
      channel: "cli",
      data: { changes: [{ fact: "amountYuan", from: 30_000, to: 28_600 }], note: "核对了工资表" },
    });
    // The desk's history in words: what changed and why.
    const t = translator("zh-CN");
    expect(eventLabel(t, event.type, event.data)).toBe("更正案件信息");
    expect(eventNote(t, event.data)).toBe("核对了工资表 · 欠款金额：¥30,000 → ¥28,600");

    // The worker is told what now stands, and that they may object; never the internal note.
    const told = queuedFor(`local:${worker.id}`, "notify.factsCorrected");
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(formatCaseId(id));
    expect(told[0]).toContain("欠款金额：¥30,000 → ¥28,600");
    expect(told[0]).toContain("如果不对，请直接回复说明");
    expect(told[0]).not.toContain("工资表");
    const desk = queuedFor(`case:${id}`, "desk.factsCorrected");
    expect(desk).toHaveLength(1);
    expect(desk[0]).toContain("张三");
    expect(desk[0]).toContain("核对了工资表");

    // /status shows the correction in the worker's history.
    worker.says(`查询 ${formatCaseId(id)}`);
    expect(worker.heard).toContain("工作人员核实后更正了信息：欠款金额：¥30,000 → ¥28,600");
  });

  it("takes names and a headcount too, and says so when nothing would change or the figure is wrong", async () => {
    const { id } = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我们4个人工资3万");
    const changed = await correct([formatCaseId(id), "--headcount", "6人", "--employer", "新乡宏达建筑劳务有限公司", "--project", "碧桂园凤凰城三期", "--by", "张三"]);
    expect(changed.exitCode).toBe(0);
    expect(row(id)).toMatchObject({ headcountMin: 6, headcountMax: 6, employer: "新乡宏达建筑劳务有限公司", project: "碧桂园凤凰城三期" });
    expect(changed.out).toContain("被欠人数：4 人 → 6 人");
    expect(changed.out).toContain("欠钱的一方：宏达劳务 → 新乡宏达建筑劳务有限公司");

    const same = await correct([formatCaseId(id), "--headcount", "6", "--by", "张三"]);
    expect(same.exitCode).toBe(1);
    expect(same.err).toContain("没有要更正的");
    const nothing = await correct([formatCaseId(id), "--by", "张三"]);
    expect(nothing.exitCode).toBe(1);
    expect(nothing.err).toContain("请至少填一项");
    for (const [option, value, says] of [
      ["--amount", "0", "金额要大于 0"],
      ["--amount", "好多钱", "金额要大于 0"],
      ["--amount", "2亿", "不超过 1 亿元"],
      ["--headcount", "0", "人数要是 1 到 100000"],
      ["--headcount", "3.5", "人数要是 1 到 100000"],
    ] as const) {
      const refused = await correct([formatCaseId(id), option, value, "--by", "张三"]);
      expect(refused.exitCode, `${option} ${value}`).toBe(1);
      expect(refused.err).toContain(says);
    }
    // Nothing refused was written: one correction on the ledger.
    expect(env.app.ledger.events(id).filter((e) => e.type === "facts_corrected")).toHaveLength(1);
    expect(row(id).amountYuan).toBe(30_000);

    const unknown = await correct(["7KQ-M4T-XW2P", "--amount", "1000", "--by", "张三"]);
    expect(unknown.exitCode).toBe(1);
  });
});

describe("what follows from the corrected size", () => {
  it("a headcount found to be 35 makes the case major: the flag, the major-case deadlines, the desk alerted", () => {
    const { id } = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我们5个人工资8万");
    expect(row(id)).toMatchObject({ major: false, collective: false });
    const kinds = () => env.app.actions.deadlines.openFor(id).map((d) => d.kind).sort();
    expect(kinds()).not.toContain("major_facts");

    env.app.actions.correctFacts({ caseId: id, correction: { headcount: 35 }, by: "张三", channel: "cli" });
    expect(row(id)).toMatchObject({ major: true, collective: true, headcountMin: 35 });
    expect(kinds()).toEqual(expect.arrayContaining(["major_facts", "major_progress"]));
    expect(env.app.ledger.events(id).at(-1)).toMatchObject({ type: "facts_corrected", data: { madeMajor: true } });
    expect(queuedFor(`case:${id}`, "desk.factsCorrectedMajor")[0]).toContain("重大欠薪案件");

    // The figure was a slip: put right, the escalation it alone caused is withdrawn with its deadlines.
    env.app.actions.correctFacts({ caseId: id, correction: { headcount: 5 }, by: "张三", channel: "cli" });
    expect(row(id)).toMatchObject({ major: false, collective: false, headcountMin: 5 });
    expect(kinds()).not.toContain("major_progress");
    expect(env.app.ledger.events(id).at(-1)).toMatchObject({ type: "facts_corrected", data: { majorWithdrawn: true, collectiveWithdrawn: true } });
  });

  it("a collective flag a mistyped headcount alone raised falls when the figure is put right; one from the filing stays", () => {
    const { id } = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我们3个人工资3万");
    env.app.actions.correctFacts({ caseId: id, correction: { headcount: 15 }, by: "张三", channel: "cli" });
    expect(row(id)).toMatchObject({ collective: true, major: false });
    env.app.actions.correctFacts({ caseId: id, correction: { headcount: 3 }, by: "张三", channel: "cli" });
    expect(row(id)).toMatchObject({ collective: false, headcountMin: 3 });
    expect(env.app.ledger.events(id).at(-1)).toMatchObject({ type: "facts_corrected", data: { collectiveWithdrawn: true } });

    const filed = file("我在新乡市红旗区滨江花园二期工地，恒发建筑欠我们12个人工资6万").id;
    expect(row(filed).collective).toBe(true);
    env.app.actions.correctFacts({ caseId: filed, correction: { headcount: 2 }, by: "张三", channel: "cli" });
    expect(row(filed).collective).toBe(true);
  });

  it("a case major from its filing stays major whatever a correction says", () => {
    const { id } = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我们40个人工资80万");
    expect(row(id).major).toBe(true);
    env.app.actions.correctFacts({ caseId: id, correction: { headcount: 5, amountYuan: 80_000 }, by: "张三", channel: "cli" });
    expect(row(id)).toMatchObject({ major: true, headcountMin: 5 });
  });

  it("a complaint referred as something else gets no arrears size", () => {
    const { id } = file("我在新乡市红旗区开了个小卖部，宏达劳务买了我3万块钱的货一直不给钱", { employer: "宏达劳务", headcount: "1个人" });
    expect(row(id).isArrears).toBe(false);
    env.app.actions.correctFacts({ caseId: id, correction: { amountYuan: 900_000 }, by: "张三", channel: "cli" });
    expect(row(id)).toMatchObject({ amountYuan: 900_000, major: false });
  });
});

describe("a corrected case in a collective group", () => {
  it("moves the group's sums with its figures, and leaves the group when its names no longer match", () => {
    const a = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我们3个人工资3万", {}).id;
    const b = file("新乡市红旗区凤凰城三期工地，宏达劳务有限公司欠我们2个人工资2万", {}).id;
    const groupId = row(a).groupId!;
    expect(row(b).groupId).toBe(groupId);
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    expect(groups.summary(groupId)).toMatchObject({ workers: 5, amountYuan: 50_000 });

    env.app.actions.correctFacts({ caseId: b, correction: { amountYuan: 25_000, headcount: 4 }, by: "张三", channel: "cli" });
    expect(groups.summary(groupId)).toMatchObject({ workers: 7, amountYuan: 55_000 });
    expect(queuedFor(`case:${a}`, "groups:desk.refigured")[0]).toContain("7 人、¥55,000");

    // Same project: still the group's after the employer's name is put right.
    env.app.actions.correctFacts({ caseId: b, correction: { employer: "新乡宏达建筑劳务有限公司" }, by: "张三", channel: "cli" });
    expect(row(b).groupId).toBe(groupId);

    // Another project and another company: it leaves, and the group of one is dissolved.
    env.app.actions.correctFacts({ caseId: b, correction: { employer: "恒发建筑", project: "滨江花园二期" }, by: "张三", channel: "cli" });
    expect(row(b).groupId).toBeNull();
    expect(row(a).groupId).toBeNull();
    expect(groups.summary(groupId)).toBeNull();
    expect(env.app.ledger.events(b).map((e) => e.type)).toContain("group_left");
    expect(eventLabel(translator("zh-CN"), "group_left", { because: "corrected" })).toBe("移出同案组（更正后名称不同）");
  });

  it("joins the group of the names it was corrected to", () => {
    const a = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我们3个人工资3万", {}).id;
    const b = file("新乡市红旗区凤凰城三期工地，宏达劳务有限公司欠我们2个人工资2万", {}).id;
    const c = file("我在新乡市红旗区滨江花园二期，恒发建筑欠我们2个人工资4万", {}).id;
    expect(row(c).groupId).toBeNull();
    env.app.actions.correctFacts({ caseId: c, correction: { project: "凤凰城三期", employer: "宏达劳务" }, by: "张三", channel: "cli" });
    expect(row(c).groupId).toBe(row(a).groupId);
    expect(new CaseGroups(env.app.store.db, env.app.router).summary(row(a).groupId!)).toMatchObject({ workers: 7, amountYuan: 90_000 });
    expect(row(b).groupId).toBe(row(a).groupId);
  });
});

describe("the worker's language and the rules of the correction", () => {
  it("an English-speaking worker reads the correction in English", () => {
    const worker = new Worker(env.app, "en1");
    worker.says("/lang en");
    const { id } = file("I work at the Fenghuang City phase 3 site in Hongqi District, Xinxiang; Hongda Labour owes 4 of us 30000 yuan", { employer: "Hongda Labour", project: "Fenghuang City phase 3" }, worker);
    env.app.actions.correctFacts({ caseId: id, correction: { amountYuan: 32_000 }, by: "张三", channel: "cli" });
    const told = queuedFor("local:en1", "notify.factsCorrected")[0]!;
    expect(told).toContain("Amount owed: ¥30,000 → ¥32,000");
    expect(told).toContain("If this is wrong");
  });

  it("refuses a correction that changes nothing, and writes nothing", () => {
    const { id } = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我们4个人工资3万");
    const events = env.app.ledger.events(id).length;
    expect(() => env.app.actions.correctFacts({ caseId: id, correction: { amountYuan: 30_000, employer: "宏达劳务" }, by: "张三", channel: "cli" })).toThrow(NothingToCorrectError);
    expect(env.app.ledger.events(id)).toHaveLength(events);
  });

  it("reads figures as officers type them", () => {
    expect(readTypedCorrection({ amount: "¥28,600" })).toEqual({ correction: { amountYuan: 28_600 } });
    expect(readTypedCorrection({ amount: "2.86万", headcount: "12 人", employer: "  宏达劳务 " })).toEqual({
      correction: { amountYuan: 28_600, headcount: 12, employer: "宏达劳务" },
    });
    expect(readTypedCorrection({ amount: " ", headcount: "" })).toEqual({ error: { field: "amount", messageKey: "correction.nothingGiven" } });
    expect(readTypedCorrection({ headcount: "十二" })).toMatchObject({ error: { field: "headcount" } });
    expect(readTypedCorrection({ project: "项".repeat(101) })).toMatchObject({ error: { field: "project", messageKey: "correction.tooLong" } });
  });
});

describe("a worker who says the record is wrong, and the officer who puts it right", () => {
  it("passes the worker's words on as a correction to check, and the officer's correction back to the worker", () => {
    const { id, worker } = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我们5个人工资3万");

    worker.says("金额写错了，是35000");
    expect(worker.heard).toContain("核实后会更正登记的信息");
    expect(env.app.ledger.events(id).at(-1)).toMatchObject({ type: "worker_added", data: { text: "金额写错了，是35000", correcting: true } });
    const desk = queuedFor(`case:${id}`, "desk.workerCorrects");
    expect(desk).toHaveLength(1);
    expect(desk[0]).toContain("更正信息");
    // Nothing changes on the worker's word alone.
    expect(row(id).amountYuan).toBe(30_000);

    // News that corrects nothing is news, as before.
    worker.says("老板今天又说下个月给");
    expect(worker.heard).not.toContain("更正");
    expect(queuedFor(`case:${id}`, "desk.workerCorrects")).toHaveLength(1);

    env.app.actions.correctFacts({ caseId: id, correction: { amountYuan: 35_000 }, by: "张三", channel: "cli", note: "工人补充，核对工资表属实" });
    expect(row(id).amountYuan).toBe(35_000);
    expect(queuedFor(`local:${worker.id}`, "notify.factsCorrected")[0]).toContain("欠款金额：¥30,000 → ¥35,000");
  });
});

describe("a correction's figures checked, and the checking deadlines met", () => {
  it("refuses a figure five times off as a likely typo unless confirmed, and meets the classify deadline", async () => {
    const { id } = file("我在新乡市红旗区凤凰城三期工地干木工，宏达劳务欠我们5个人工资3万");
    const open = () => env.app.actions.deadlines.openFor(id).map((d) => d.kind);
    expect(open()).toContain("classify");

    const typo = await correct([formatCaseId(id), "--amount", "300000", "--by", "张三"]);
    expect(typo.exitCode).toBe(1);
    expect(typo.err).toContain("相差五倍以上");
    expect(row(id).amountYuan).toBe(30_000);

    const meant = await correct([formatCaseId(id), "--amount", "300000", "--by", "张三", "--confirm-figures", "--note", "核对工资表，确为30万"]);
    expect(meant.exitCode).toBe(0);
    expect(row(id).amountYuan).toBe(300_000);
    expect(open()).not.toContain("classify");
    expect(row(id).dueAt).toBe(Math.min(...env.app.actions.deadlines.openFor(id).filter((d) => d.kind !== "follow_up").map((d) => d.dueAt)));
  });
});
