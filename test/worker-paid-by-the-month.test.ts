// Workers who tell their arrears as months and a month's pay, without the word 工资 — a teacher at a
// training school, a security guard — and groups whose sum is each one's share (in English too). Found by
// a reviewer playing workers (2026-12-06, third review): the teacher was turned away as "not labour".
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { classify } from "../src/triage/classify.js";
import { readMessage } from "../src/triage/read-message.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const categoryOf = (text: string) => classify(text, readMessage(text)).category;

describe("months owed and a month's pay are wages", () => {
  it("reads a teacher's months as arrears, and puts the school's name right as she did", () => {
    const TEACHER = "我在长沙岳麓区 教培机构 英语老师 欠了三个月 一个月八千 机构叫 新东方 不是 是 新航道";
    expect(categoryOf(TEACHER)).toBe("wage_arrears");
    const worker = new Worker(env.app, "teacher");
    worker.says(TEACHER);
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("欠钱的一方：新航道");
    expect(worker.heard).toContain("欠款金额：¥24,000");
    expect(worker.heard).toContain("类别：拖欠工资");
  });

  it("takes 结账 as pay, and a name after 叫 and a space", () => {
    expect(categoryOf("结账一直拖 在西安未央区 一万")).toBe("wage_arrears");
    expect(readMessage("公司叫 安泰保安 欠三个月").employer).toBe("安泰保安");
    // A customer who runs off without paying the bill is still no wages.
    expect(categoryOf("饭店结账的时候客人跑了 欠我们一千")).toBe("not_labor");
  });

  it("asks whose a month's pay times the months is, once others are counted", () => {
    const guard = new Worker(env.app, "guard");
    guard.says("我在郑州金水区 做保安 欠三个月 一个月2800");
    guard.says("我们保安队12个人都没发");
    expect(guard.heard).toContain("被欠人数 → 12 人");
    // The question comes again without a second line saying what it wants.
    expect(guard.heard).not.toContain("请写欠您工资的老板或公司的名字");
    guard.says("安泰保安");
    expect(guard.heard).toContain("¥8,400 是 12 个人一共被欠的，还是只是您自己的？");
  });
});

describe("each one's share in English", () => {
  it("multiplies 'each about 7000' and '4500 each' by the count", () => {
    expect(readMessage("30 of us not paid, each about 7000, factory in Ningbo Beilun")).toMatchObject({ amountYuan: 210_000, headcount: { min: 30, max: 30 } });
    expect(readMessage("we are 9 workers, 4500 each").amountYuan).toBe(40_500);
    expect(readMessage("we are 6, 3000 yuan per person").amountYuan).toBe(18_000);
  });
});

describe("answers that are no names, where a name or a count was asked", () => {
  it("takes 'don't know' as it is said, whatever words come with it", () => {
    const told = new Worker(env.app, "saidIt");
    told.says("老板欠我工资两万 在郑州金水区");
    expect(told.last?.expecting).toBe("project");
    told.says("说了不知道");
    expect(told.heard).not.toContain("没看懂这个名字");
    expect(told.last?.expecting).toBe("employer");

    const shop = new Worker(env.app, "shopName");
    shop.says("在西安雁塔区 一家火锅店干了一个月 老板叫马建 欠我三千");
    shop.says("不记得店名了");
    expect(shop.heard).toContain("干活的地方：不知道");
    expect(shop.heard).not.toContain("不记得店名");
  });

  it("keeps a name said unknown where a count was asked, and asks the count again", () => {
    const worker = new Worker(env.app, "factoryName");
    worker.says("在东莞长安镇 安踏代工厂 欠我们工资 三个月没发 一共两万四");
    const asked = worker.last?.expecting;
    expect(asked).toBe("headcount");
    worker.says("不知道代工厂叫啥");
    expect(worker.heard).not.toContain("没看懂人数");
    expect(worker.heard).not.toContain("欠钱的一方 → 不知道");
    expect(worker.heard).toContain("这句记下了。");
    expect(worker.last?.expecting).toBe("headcount");
  });

  it("hears 'just me' at the employer question as who is owed, and asks the name again", () => {
    const worker = new Worker(env.app, "justMe");
    worker.says("老板欠我工资两万 在郑州金水区 绿地中心工地");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("就我一个 其他人不知道");
    expect(worker.heard).not.toContain("没看懂这个名字");
    expect(worker.heard).toContain("请写欠您工资的老板或公司的名字。");
    expect(worker.last?.expecting).toBe("employer");

    const english = new Worker(env.app, "onlyMe");
    english.says("My boss owes me 5000, I worked at a restaurant in Tianhe district Guangzhou");
    english.says("only me");
    expect(english.heard).not.toContain("could not read that name");
    expect(english.last?.expecting).toBe("employer");
  });

  it("takes 'the total, don't know' as the least owed when each one's share is known", () => {
    const worker = new Worker(env.app, "totalUnknown");
    worker.says("我们在郑州金水区绿地中心工地 老板张三 每人欠八千 十几个人");
    worker.says("总数不知道");
    expect(worker.heard).toContain("欠款金额：至少 ¥80,000（最多 ¥152,000，待核实）");
  });
});

describe("places a worker names by their city", () => {
  it("asks a municipality for its district, and reads 西安 as the city", () => {
    const shanghai = new Worker(env.app, "shanghai");
    shanghai.says("在上海做保洁 公司欠我两个月工资 6000");
    expect(shanghai.heard).toContain("在上海市哪个区或县？");
    expect(shanghai.heard).not.toContain("哪个市");
    const xian = new Worker(env.app, "xian");
    xian.says("在西安一家火锅店干活 老板欠我三千");
    expect(xian.heard).not.toContain("西安区");
    expect(xian.heard).toContain("在西安市哪个区或县？");
  });
});

describe("each one's share said at the summary (second review of 2026-12-06)", () => {
  it("replaces the sum: times an exact count, or the least of a rough one", () => {
    const rough = new Worker(env.app, "shareRough");
    rough.says("武汉江汉区万达广场 保洁公司叫洁美 欠我们十几个人工资");
    rough.says("8000");
    rough.says("钱不对 每人五千六");
    expect(rough.heard).toContain("欠款金额：至少 ¥56,000（最多 ¥106,400，待核实）");
    expect(rough.heard).not.toContain("欠款金额：¥8,000");

    const exact = new Worker(env.app, "shareExact");
    exact.says("武汉江汉区万达广场 保洁公司叫洁美 欠我们6个人工资");
    exact.says("8000");
    exact.says("钱不对 每人五千六");
    expect(exact.heard).toContain("欠款金额：¥33,600");
  });
});

describe("a rate and a time, for a group", () => {
  it("asks whose a day's or a month's pay times the time is, though 'we' are owed", () => {
    const crew = new Worker(env.app, "dayCrew");
    crew.says("老板欠我们七八个人的工资 一天两百 干了一个月 在重庆渝北区 做装修的");
    crew.says("不知道");
    crew.says("不知道");
    expect(crew.heard).toContain("¥6,000 是 7–8 个人一共被欠的，还是只是您自己的？");
    const cleaners = new Worker(env.app, "monthCrew");
    cleaners.says("在郑州金水区 保洁公司叫洁美 一个月四千五 欠了三个月 我们二十来个人");
    expect(cleaners.heard).toContain("¥13,500 是 20–29 个人一共被欠的，还是只是您自己的？");
  });

  it("never takes a piece or an hourly rate for the sum", () => {
    expect(readMessage("我们在新疆阿瓦提县摘棉花 说好一公斤两块 老板马军跑了 我们三十几个人").amountYuan).toBeNull();
    expect(readMessage("小时工 一小时十八块 一天干十一个小时 两个月 我们6个人").amountYuan).toBeNull();
    expect(readMessage("一天两百 干了一个月").amountYuan).toBe(6_000);
  });

  it("reads 俩月 as two months, not two workers, and a security firm with no name as no name", () => {
    const guard = readMessage("保安公司欠我俩月工资 石家庄长安区 一个月三千二");
    expect(guard).toMatchObject({ amountYuan: 6_400, headcount: { min: 1, max: 1 }, employer: null });
    expect(readMessage("我俩在工地干活 老板欠我们两万").headcount).toEqual({ min: 2, max: 2 });
  });
});
