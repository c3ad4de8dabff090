// What the officer's ticket and the campaign table count: the sum owed to everyone counted, and how
// many they are. A team's total was replaced by the worker's own share, a sum that was one worker's was
// stored as the group's, and counts said in the worker's way ("还有我老婆", "二十来个", "四五十个")
// were lost or set to one (review of 2026-12-06, findings 5 and 6).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseHeadcountAnswer } from "../src/dialogs/answers.js";
import { readMessage } from "../src/triage/read-message.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

/** Closed questions (sector, kind of works, ownership) answered with a building site or a factory. */
function answerClosedQuestions(worker: Worker): void {
  for (let i = 0; i < 4 && worker.last?.expecting !== "confirm" && worker.choiceIds.some((id) => /^(sector|projectKind|ownership):/.test(id)); i++) {
    const choice = worker.choiceIds.find((id) => /construction|manufacturing|housing|private/.test(id));
    if (!choice) throw new Error(`unexpected question ${worker.last?.expecting}: ${worker.heard}`);
    worker.presses(choice);
  }
}

function logged(worker: Worker) {
  const id = worker.presses("confirm").caseId;
  expect(id).toBeTruthy();
  return env.app.ledger.find(id as string)!;
}

const reasonKeys = (row: { reasons: unknown }) => (row.reasons as { key: string }[]).map((reason) => reason.key);

describe("a team's total and the worker's own share, told together", () => {
  it("keeps ¥35,000 owed to the six, and notes the worker's ¥8,000 for the officer", () => {
    const worker = new Worker(env.app, "w1");
    worker.says("我是在郑州那个金水区的绿地香颂小区干瓦工的去年干到年底老版一直不给工滋说等开发商打款一直拖到现在我们班组六个人一共欠三万五我自己的是八千多");
    worker.says("王总");
    answerClosedQuestions(worker);
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("欠款金额：¥35,000");
    expect(worker.heard).not.toContain("（您本人的）");
    expect(worker.heard).toContain("被欠人数：6 人");
    const row = logged(worker);
    expect(row.amountYuan).toBe(35_000);
    expect([row.headcountMin, row.headcountMax]).toEqual([6, 6]);
    const note = (row.reasons as { key: string; params?: Record<string, unknown> }[]).find((reason) => reason.key === "triage:reason.ownShareWithinTotal");
    expect(note?.params).toEqual({ own: 8_000, amount: 35_000, count: 6 });
  });

  it("reads the total, not the share after it, with or without a space", () => {
    expect(readMessage("我们班组六个人一共欠三万五我自己的是八千多").amountYuan).toBe(35_000);
    expect(readMessage("我们班组六个人一共欠三万五 我自己的是八千多").amountYuan).toBe(35_000);
    expect(readMessage("总共欠我一万二").amountYuan).toBe(12_000);
  });
});

describe("the worker's own sum, with the total unknown", () => {
  it("marks ¥18,000 as the teacher's own when the total is not known, for ten teachers", () => {
    const worker = new Worker(env.app, "w18");
    worker.says("我是培训机构的老师 天津南开区 学而思那种小机构 叫启航教育 突然关门了 欠了我们老师三个月工资 我的是一万八 一共大概有十个老师");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("总数不知道 我自己一万八");
    answerClosedQuestions(worker);
    expect(worker.heard).toContain("记为您本人被欠的钱");
    expect(worker.heard).toContain("欠款金额：¥18,000（您本人的）");
    expect(worker.heard).toContain("被欠人数：10 人");
    const row = logged(worker);
    expect(row.amountYuan).toBe(18_000);
    expect(row.headcountMin).toBe(10);
    expect(reasonKeys(row)).toContain("triage:reason.amountOwnShare");
  });

  // Overtime pay held back (没发), not merely left uncounted: arrears, so the sum is asked (uncounted overtime
  // with basic pay paid is a labour dispute, test/classify.test.ts).
  it("asks whose ¥10,000 it is when forty to fifty share it, and marks the answer", () => {
    const worker = new Worker(env.app, "v4");
    worker.says("厂里每天让我们加班到晚上十点 加班工资一直没发 在宁波北仑区 宁波恒达汽车配件有限公司");
    answerClosedQuestions(worker);
    expect(worker.last?.expecting).toBe("amount");
    worker.says("加班费没算的大概一万多");
    expect(worker.last?.expecting).toBe("headcount");
    worker.says("四五十个吧");
    expect(worker.heard).toContain("¥10,000 是 40–50 个人一共被欠的，还是只是您自己的？");
    expect(worker.choiceIds).toContain("amountScope:own");
    worker.says("只是我的");
    expect(worker.heard).toContain("欠款金额：¥10,000（您本人的）");
    expect(worker.heard).toContain("被欠人数：40–50 人");
    const row = logged(worker);
    expect(row.amountYuan).toBe(10_000);
    expect([row.headcountMin, row.headcountMax]).toEqual([40, 50]);
    expect(reasonKeys(row)).toContain("triage:reason.amountOwnShare");
  });

  it("reads 车间好几十个都一样 as a count, asks whose the sum is, and takes a closer count there", () => {
    const worker = new Worker(env.app, "v4b");
    worker.says("厂里每天让我们加班到晚上十点 加班工资一直没发 在宁波北仑区 宁波恒达汽车配件有限公司");
    answerClosedQuestions(worker);
    worker.says("加班费没算的大概一万多");
    worker.says("车间好几十个都一样");
    expect(worker.heard).not.toContain("没看懂人数");
    expect(worker.heard).toContain("¥10,000 是 20–99 个人一共被欠的，还是只是您自己的？");
    worker.says("四五十个吧");
    expect(worker.heard).toContain("被欠人数 → 40–50 人");
    expect(worker.heard).toContain("¥10,000 是 40–50 个人一共被欠的，还是只是您自己的？");
    worker.presses("amountScope:total");
    expect(worker.heard).toContain("欠款金额：¥10,000");
    expect(worker.heard).not.toContain("（您本人的）");
  });

  it("does not ask when the sum is plainly everyone's, or large enough for all", () => {
    const worker = new Worker(env.app, "t1");
    worker.says("在宁波北仑区 宁波恒达汽车配件有限公司 拖欠工资");
    answerClosedQuestions(worker);
    worker.says("一共四十万");
    worker.says("四五十个");
    expect(worker.heard).not.toContain("还是只是您自己的");
    expect(worker.last?.expecting).toBe("confirm");
  });
});

describe("how many are owed, said the worker's way", () => {
  it("counts 还有我老婆 as two at the headcount question", () => {
    const worker = new Worker(env.app, "w3");
    worker.says("老板不给钱 在马鞍山当涂县石桥镇 盖房子 包工头老周");
    answerClosedQuestions(worker);
    for (let i = 0; i < 4 && worker.last?.expecting !== "headcount"; i++) {
      if (worker.last?.expecting === "amount") worker.says("两万");
      else if (worker.last?.expecting === "project") worker.presses("unknown");
      else break;
    }
    expect(worker.last?.expecting).toBe("headcount");
    worker.says("还有我老婆");
    expect(worker.heard).toContain("被欠人数：2 人");
    const row = logged(worker);
    expect([row.headcountMin, row.headcountMax]).toEqual([2, 2]);
  });

  it.each([
    ["还有我老婆", 2, 2],
    ["还有我老婆和我弟", 3, 3],
    ["还有两个老乡", 3, 3],
    ["我老婆也是", 2, 2],
    ["车间好几十个都一样", 20, 99],
    ["四五十个吧", 40, 50],
    ["二三十个人", 20, 30],
    ["十来个", 10, 19],
    ["七八个", 7, 8],
  ])("reads %s as %i–%i", (answer, min, max) => {
    expect(parseHeadcountAnswer(answer, readMessage(answer).headcount)).toEqual({ ok: true, value: { min, max } });
  });

  it("reads no count in months", () => {
    expect(parseHeadcountAnswer("好几十个月", null).ok).toBe(false);
    expect(readMessage("老师三个月工资没发").headcount).toBeNull();
  });

  it("keeps 十来个人 told with the sum, where 欠我 had been read as one", () => {
    const worker = new Worker(env.app, "w4");
    worker.says("我在成都双流区一个工地上干活 包工头欠我工资");
    for (let i = 0; i < 6 && worker.last?.expecting !== "amount"; i++) {
      if (worker.last?.expecting === "project") worker.says("天府大道南延线");
      else if (worker.last?.expecting === "employer") worker.says("中铁");
      else answerClosedQuestions(worker);
    }
    expect(worker.last?.expecting).toBe("amount");
    worker.says("大概四万多 十来个人");
    expect(worker.heard).toContain("被欠人数 → 10–19 人");
    answerClosedQuestions(worker);
    expect(worker.heard).toContain("被欠人数：10–19 人");
    const row = logged(worker);
    expect(row.amountYuan).toBe(40_000);
    expect([row.headcountMin, row.headcountMax]).toEqual([10, 19]);
  });

  it("reads 工人二十来个 in a team leader's story, and takes it as the correction", () => {
    const story = "我是做水电分包的 在南宁青秀区的一个商业综合体项目 总包广西建工欠我工程款一百二十万 里面有工人工资四十万 工人二十来个天天找我要钱";
    expect(readMessage(story).headcount).toEqual({ min: 20, max: 29 });
    const worker = new Worker(env.app, "w16");
    worker.says(story);
    answerClosedQuestions(worker);
    expect(worker.heard).toContain("被欠人数：20–29 人");
    worker.says("人数不对 工人有二十来个");
    expect(worker.heard).not.toContain("没看懂人数");
    const row = logged(worker);
    expect(row.amountYuan).toBe(400_000);
    expect([row.headcountMin, row.headcountMax]).toEqual([20, 29]);
    expect(row.collective).toBe(true);
  });

  it("reads spoken ranges of tens as ranges, not their middle", () => {
    expect(readMessage("我们二三十个人都没拿到工资").headcount).toEqual({ min: 20, max: 30 });
    expect(readMessage("工地上两三百号人 老板跑了").headcount).toEqual({ min: 200, max: 300 });
    expect(readMessage("五六十人的工资没发").headcount).toEqual({ min: 50, max: 60 });
  });
});
