// A team leader lists each one's money; a worker counts himself in; a name typed with impatience,
// a pause to remember it, or a space between each character. Each was misread before
// (review of 2026-12-05): read through the shipped reader, the answer parsers and the engine.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseNameAnswer } from "../src/dialogs/answers.js";
import { isDontKnow } from "../src/dialogs/input-guard.js";
import { readMessage } from "../src/triage/read-message.js";
import { readShares } from "../src/triage/shares.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

describe("each one's money, listed", () => {
  it("sums a team leader's list of names and sums, and counts the names", () => {
    const reading = readMessage("张三8000 李四7500 王五6000 在太原小店区宏达小区工地 包工头老刘不给");
    expect(reading.amountYuan).toBe(21_500);
    expect(reading.headcount).toEqual({ min: 3, max: 3 });
  });

  it("adds the worker's own sum to the others' shares", () => {
    expect(readShares("我两千五 他们两个一人三千")).toEqual({ amountYuan: 8_500, headcount: 3 });
    const reading = readMessage("我两千五 他们两个一人三千 在宏达小区工地干活");
    expect(reading.amountYuan).toBe(8_500);
    expect(reading.headcount).toEqual({ min: 3, max: 3 });
  });

  it("reads no list in a plain sum, a date or a single share", () => {
    expect(readShares("欠我们三万块")).toBeNull();
    expect(readShares("2025年8月到现在")).toBeNull();
    expect(readShares("每人8000")).toBeNull();
  });

  it("keeps a total said as the total, even beside a list", () => {
    const reading = readMessage("一共欠三万 张三8000 李四7500 在宏达小区工地");
    expect(reading.amountYuan).toBe(30_000);
    // The names are not everyone: the count is asked.
    expect(reading.headcount).toBeNull();
  });
});

describe("a count with the worker in it", () => {
  it.each([
    ["五个 连我 在工地干活 欠了四万", 5],
    ["连我在内八个人在工地干活", 8],
    ["包括我一共六个 在工地干活", 6],
    ["老板欠钱 俺们八个人 加上俺九个", 9],
  ])("reads %s as %i people", (text, count) => {
    expect(readMessage(text).headcount).toEqual({ min: count, max: count });
  });
});

describe("spoken spans, workers by their trade, and companies with a surname's character", () => {
  it("reads 仨月 and 俩月 as months, never as a date", () => {
    expect(readMessage("干了仨月 一个月三千五 老板一分没给 在东莞长安镇").amountYuan).toBe(10_500);
    expect(readMessage("欠了俩月工资 一个月四千").amountYuan).toBe(8_000);
  });

  it("reads no sum in a district's number (二七区), and still the sum before 县里", () => {
    expect(readMessage("欠我们工资 每人一万多 在郑州二七区").amountYuan).toBeNull();
    expect(readMessage("欠我三万 县里不管").amountYuan).toBe(30_000);
    expect(readMessage("住在五一路 欠我3000").amountYuan).toBe(3_000);
  });

  it("takes 三千多 after 一个半月工资 as the sum, not as a month's pay", () => {
    expect(readMessage("俺在饭店洗碗 老板娘欠俺一个半月工资 三千多 店在开封鼓楼区").amountYuan).toBe(3_000);
    expect(readMessage("月工资四千 欠了两个月").amountYuan).toBe(8_000);
  });

  it("reads English sums: a month's pay 'each month', a bare figure, and no room number", () => {
    expect(readMessage("I worked at a restaurant in Guangzhou Tianhe district, the owner hasn't paid me for 2 months, 5000 each month").amountYuan).toBe(10_000);
    expect(readMessage("hi my boss didnt pay me salary 3 months, im english teacher in a training school in Chengdu, about 45000").amountYuan).toBe(45_000);
    expect(readMessage("I worked there since 2023, boss owes me money").amountYuan).toBeNull();
    expect(readMessage("I live in room 302 of the dormitory, the boss owes us wages").amountYuan).toBeNull();
  });

  it("counts 五个快递员 and 三个同事 as people", () => {
    expect(readMessage("五个快递员都被欠了 一共两万五").headcount).toEqual({ min: 5, max: 5 });
    expect(readMessage("三个同事都没拿到工资").headcount).toEqual({ min: 3, max: 3 });
  });

  it("does not take 厂是国企 as the factory's name", () => {
    expect(readMessage("我们厂是国企 中国一拖 在洛阳 三个月工资没发").employer).toBeNull();
  });

  it("takes the name after 公司叫 as the company, though 金 is a surname", () => {
    expect(readMessage("物业公司叫金管家 欠我们保安三个月工资").employer).toBe("金管家");
    expect(readMessage("物业公司叫金鹏 欠我们工资").employer).toBe("金鹏");
  });
});

describe("a site named with its kind, and a district named 店", () => {
  it("takes 宏达小区 from 宏达小区工地, and no employer from 太原小店区", () => {
    const reading = readMessage("太原小店区 宏达小区工地 欠我们三万块");
    expect(reading.project).toBe("宏达小区");
    expect(reading.employer).toBeNull();
  });
});

describe("a name told with what surrounds it", () => {
  it.each([
    ["陈建华啊 刚才说了", "陈建华"],
    ["I already said, 钱国庆", "钱国庆"],
    ["陈什么来着陈建华", "陈建华"],
    ["王 小 明", "王小明"],
    ["李红军啊 我一开始就说了", "李红军"],
    ["胡老六 真名不知道", "胡老六"],
    ["大家都叫他李老板", "李老板"],
  ])("reads %s as %s", (text, name) => {
    expect(parseNameAnswer(text)).toEqual({ ok: true, value: name });
  });

  it("does not take a count of people as a name", () => {
    expect(parseNameAnswer("八九个人").ok).toBe(false);
    expect(parseNameAnswer("我们五个").ok).toBe(false);
  });

  it("takes 'don't know the name' followed by what the worker does know as don't know", () => {
    expect(isDontKnow("不知道名字 是个台湾老板")).toBe(true);
    expect(isDontKnow("don't know the name, a Taiwanese boss")).toBe(true);
    expect(isDontKnow("就是新华区那个棚改工地 俺也不知道叫啥")).toBe(true);
    // A private driver has no project: that is the answer, not a project's name.
    expect(isDontKnow("没有项目 就是给他开车")).toBe(true);
    expect(isDontKnow("项目是万达")).toBe(false);
    // A sentence that only starts like it and goes on is not.
    expect(isDontKnow("不知道名字 但是我有他的电话还有他老婆的电话和他们家的地址在哪里")).toBe(false);
  });
});

describe("conversations", () => {
  let env: TestApp;
  beforeEach(() => {
    env = makeTestApp();
  });
  afterEach(() => env.cleanup());

  it("a team leader's list is the sum and the count on the summary", () => {
    const worker = new Worker(env.app, "list");
    worker.says("张三8000 李四7500 王五6000 在太原小店区宏达小区工地 包工头老刘不给");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("欠款金额：¥21,500");
    expect(worker.heard).toContain("被欠人数：3 人");
    expect(worker.heard).toContain("欠钱的一方：老刘");
  });

  it("a share with a rough count says the range of the total, then asks the total", () => {
    const worker = new Worker(env.app, "range");
    worker.says("我们八九个人在郑州金水区绿地中心工地干活 包工头不给钱 每人一万");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("陈什么来着陈建华");
    expect(worker.heard).toContain("每人 ¥10,000，8–9 人，一共大约 ¥80,000–¥90,000。");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("八万五");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("欠钱的一方：陈建华");
    expect(worker.heard).toContain("欠款金额：¥85,000");
  });

  it("a share with a rough count and no total: the least owed is kept, with the range, and the officer checks", () => {
    const STORY = "老板欠我们工资 在郑州金水区 绿地中心工地 老板叫张三 我们八九个人 每人四千五";
    // The share said again where the total was asked: no total is coming.
    const repeats = new Worker(env.app, "rangeRepeat");
    repeats.says(STORY);
    expect(repeats.heard).toContain("说不清一共多少，就回「不知道」，先按 ¥36,000 记。");
    repeats.says("每人四千五");
    expect(repeats.heard).toContain("好的，先按至少 ¥36,000 记（最多 ¥40,500）");
    expect(repeats.heard).toContain("欠款金额：至少 ¥36,000（最多 ¥40,500，待核实）");
    const id = repeats.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)).toMatchObject({ amountYuan: 36_000, headcountMin: 8, headcountMax: 9 });
    expect(JSON.stringify(env.app.ledger.find(id)!.reasons)).toContain("triage:reason.amountRange");

    // "不知道" is no unknown sum here: it is not pressed for, the least is kept.
    const unsure = new Worker(env.app, "rangeDontKnow");
    unsure.says(STORY);
    unsure.says("不知道");
    expect(unsure.heard).not.toContain("金额很重要");
    expect(unsure.last?.expecting).toBe("confirm");
    expect(unsure.heard).toContain("欠款金额：至少 ¥36,000");

    // The exact count told at the sum's question makes the sum.
    const counts = new Worker(env.app, "rangeCount");
    counts.says(STORY);
    counts.says("九个人");
    expect(counts.last?.expecting).toBe("confirm");
    expect(counts.heard).toContain("欠款金额：¥40,500\n");
  });

  it("English: 'we are 12 teachers' at the employer question is the count, and 'teachers' no employer", () => {
    const worker = new Worker(env.app, "enTeachers");
    worker.says("My boss owes me 15000 yuan, I worked at a tutoring school in Yuelu district Changsha");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("we are 12 teachers");
    expect(worker.heard).toContain("Changed: People owed → 12 people");
    expect(worker.heard).not.toContain("Who owes → teachers");
    expect(worker.last?.expecting).toBe("employer");
  });

  it("a count of people at the employer question corrects the count and asks the name again", () => {
    const worker = new Worker(env.app, "count");
    worker.says("郑州金水区绿地中心工地 欠我们3万 5个人");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("八九个人");
    expect(worker.heard).toContain("被欠人数 → 8–9 人");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("大家都叫他李老板");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("欠钱的一方：李老板");
  });
});

describe("a sum made of each one's share", () => {
  let env: TestApp;
  beforeEach(() => {
    env = makeTestApp();
  });
  afterEach(() => env.cleanup());

  it("is remade when the count is corrected, but not once the worker has said the sum himself", () => {
    const leader = new Worker(env.app, "leader");
    leader.says("我们在重庆渝北区龙湖天街三期干水电 包工头张老三欠我们5个人工资 每人八千");
    expect(leader.heard).toContain("欠款金额：¥40,000");
    leader.says("是6个人");
    expect(leader.heard).toContain("已改好：欠款金额 → ¥48,000（每人 ¥8,000 × 6 人）");
    expect(leader.heard).toContain("欠款金额：¥48,000");

    const other = new Worker(env.app, "other");
    other.says("我们在重庆渝北区龙湖天街三期干水电 包工头张老三欠我们5个人工资 每人八千");
    other.says("一共四万五");
    other.says("是6个人");
    expect(other.heard).toContain("欠款金额：¥45,000");
    expect(other.heard).not.toContain("每人 ¥8,000");
  });

  it("two values told with spaces and an aside between them are both corrected", () => {
    const leader = new Worker(env.app, "spaces");
    leader.says("我们在重庆渝北区龙湖天街三期干水电 包工头张老三欠我们5个人工资 每人八千");
    leader.says("不对 是6个人 我也算 一共四万五");
    expect(leader.heard).toContain("已改好：被欠人数 → 6 人");
    expect(leader.heard).toContain("已改好：欠款金额 → ¥45,000");
    expect(leader.last?.expecting).toBe("confirm");
  });
});
