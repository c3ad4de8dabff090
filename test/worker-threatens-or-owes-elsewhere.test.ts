// A worker who speaks of a protest or an extreme act in other words than "拉横幅", and workers whose
// money is not wages (their own job for a household, a loan to the boss) or not arrears (an injury, a
// dismissal): each was answered wrongly, or sent to "当地…", in a review of workers' conversations.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { classify } from "../src/triage/classify.js";
import { readMessage } from "../src/triage/read-message.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const SITE = "西安未央区万科城五期 华宇劳务欠我们20个人30万 ";
const reasonKeys = (text: string) => classify(text, readMessage(text)).reasons.map((reason) => reason.key);

describe("a protest or an extreme act, in the words workers use", () => {
  it("hears '要闹了', '去堵开发商大门', '去市政府上访', '去老板家里闹' as a protest: calmed, and the officer told", () => {
    for (const [i, threat] of ["过年前再不给工人要闹了", "再不给我们就去堵开发商大门", "明天我们几十个人去市政府上访", "我们准备去老板家里闹"].entries()) {
      const worker = new Worker(env.app, `protest${i}`);
      worker.says(SITE + threat);
      expect(worker.heard, threat).toContain("请不要堵门、拉横幅");
      const id = worker.presses("confirm").caseId;
      expect(id, threat).not.toBeNull();
      expect(JSON.stringify(env.app.ledger.find(id!)?.reasons), threat).toContain("triage:reason.groupProtest");
    }
  });

  it("hears '不给钱我就爬塔吊' as an extreme act: cared for, with 12356 and 110, and the case made major", () => {
    const worker = new Worker(env.app, "crane");
    worker.says(SITE + "不给钱我就爬塔吊");
    expect(worker.heard).toContain("请不要伤害自己");
    expect(worker.heard).toContain("12356");
    const id = worker.presses("confirm").caseId!;
    const row = env.app.ledger.find(id)!;
    expect(row.major).toBe(true);
    expect(JSON.stringify(row.reasons)).toContain("triage:reason.extremeRisk");
  });

  it("does not hear a protest in a crane driver's work, a petition made long ago, or a noisy site", () => {
    for (const text of [
      "我是塔吊司机 每天要爬塔吊上去干活 老板欠我两个月工资",
      "我去年上访过了 没用 老板还欠我三万",
      "工地上很吵闹 老板欠我们工资",
      "孩子在家闹着要吃的 老板还不给钱",
      "老板说要热闹一下 年会都开了 工资不发",
    ]) {
      const keys = reasonKeys(text);
      expect(keys, text).not.toContain("triage:reason.groupProtest");
      expect(keys, text).not.toContain("triage:reason.extremeRisk");
    }
  });

  it("does not hear a protest in the boss's threat or in a worker who says they will not protest; hears 去门口讨说法", () => {
    for (const text of [
      "我在郑州市金水区工地干活，包工头说要是闹就一分钱都不给，欠我们8个人五万",
      "I work in a factory in Dongguan, I don't want to protest, I just want my 8000 yuan wages",
    ]) expect(reasonKeys(text), text).not.toContain("triage:reason.groupProtest");
    expect(reasonKeys("包工头欠我们钱，我们明天去工地门口讨说法")).toContain("triage:reason.groupProtest");
  });

  it("hears no violence in pay sent to a card, nor in a boss who will not let a worker quit yet", () => {
    for (const text of ["老板说工资月底打我卡上 在郑州金水区工地 欠我八千", "包工头不让走，说干完这个月再一起结 欠我们五万"]) {
      expect(reasonKeys(text), text).not.toContain("triage:reason.violence");
    }
    expect(reasonKeys("老板不让我们走，把门锁了 欠我们工资")).toContain("triage:reason.violence");
  });

  it("tells a beaten worker to call 120 as well as 110", () => {
    const worker = new Worker(env.app, "beaten");
    worker.says("去要钱老板叫了几个人把我打了 现在头还在流血 在郑州金水区");
    expect(worker.heard).toContain("请马上打 110 报警。有人受伤，打 120。");
  });
});

describe("money that is not wages", () => {
  it("logs a tradesman's own job for a household as a debt, and points to the court and 12348", () => {
    const worker = new Worker(env.app, "fitter");
    worker.says("我自己接活的 给人家装修厨房卫生间 做完了户主说不满意 尾款八千不给 在长沙岳麓区");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("类别：不是劳动问题");
    const id = worker.presses("confirm").caseId!;
    expect(worker.heard).toContain("自己接的活，对方是客户或户主，不是雇您的老板");
    expect(worker.heard).toContain("去法院起诉，打 12348 问免费法律援助");
    const row = env.app.ledger.find(id)!;
    expect(row.category).toBe("not_labor");
    expect(row.isArrears).toBe(false);
  });

  it("keeps a worker employed by a firm or a boss as arrears, even on a household's job", () => {
    for (const text of ["我给户主家装修 装修公司老板跑了 欠我们工钱两万", "我是给装修公司干的 老板欠我八千"]) {
      expect(classify(text, readMessage(text)).category, text).toBe("wage_arrears");
    }
    // "我不是给老板打工" is said of the writer: the boss it names employs nobody here.
    expect(classify("欠钱的是户主 我不是给老板打工 是自己接的活", readMessage("欠钱的是户主")).category).toBe("not_labor");
  });

  it("reads a loan to the boss as a debt, told at once or when the worker says '不是工资 是借的钱'", () => {
    const story = "前年老板资金周转不开找我借了五万块钱 打了借条的 现在人找不到了 电话也不接 我以前在他厂里干过 厂在温州鹿城区";
    expect(classify(story, readMessage(story)).category).toBe("not_labor");
    const worker = new Worker(env.app, "lender");
    worker.says("老板欠我五万块 在温州鹿城区 以前在他厂里干过");
    worker.says("不是工资 是借的钱 老板叫陈国华");
    expect(worker.heard).not.toContain("劳动争议");
    const id = worker.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)?.category).toBe("not_labor");
    expect(worker.heard).toContain("可以带借条、聊天记录去法院起诉");
  });
});

describe("a referral names the office of the worker's place", () => {
  it("sends a dismissal in 余杭区 to 杭州市余杭区's arbitration committee, not 'the local' one", () => {
    const worker = new Worker(env.app, "dismissed");
    worker.says("我在杭州余杭区的电商公司上班 被辞退了 没给补偿 公司叫云杉科技");
    worker.presses("confirm");
    expect(worker.heard).toContain("请向杭州市余杭区劳动人事争议仲裁委员会申请仲裁。");
  });

  it("sends a work injury in 东莞 to 东莞市人社局, within a year, and says who pays without insurance", () => {
    const worker = new Worker(env.app, "hand");
    const id = worker.files("我在东莞长安镇的五金厂上班手被冲床压断了两个手指头老板只给了五千块就不管了也没买社保", { employer: "长安五金厂" });
    expect(env.app.ledger.find(id)?.category).toBe("work_injury");
    expect(worker.heard).toContain("请先到东莞市人社局申请工伤认定，受伤一年内要申请。");
    expect(worker.heard).toContain("没买工伤保险的，由老板按标准赔。");
  });

  it("names a municipality's district, and a county-level city alone, in English too", () => {
    const worker = new Worker(env.app, "en");
    worker.says("/lang en");
    worker.says("I worked at a logistics company in Beijing Chaoyang district, they fired me without compensation. company is Kuaida");
    worker.presses("confirm");
    expect(worker.heard).toContain("labour dispute arbitration committee of 北京市朝阳区");
    const county = new Worker(env.app, "kunshan");
    county.says("我在昆山的电子厂上班 被辞退了 没给补偿 厂叫立讯");
    county.presses("confirm");
    expect(county.heard).toContain("请向昆山市劳动人事争议仲裁委员会申请仲裁。");
  });

  it("tells an English worker hurt on a site of the injury's own procedure, besides the wages", () => {
    const worker = new Worker(env.app, "scaffold");
    worker.files("i fell from scaffolding at a site in Guangzhou Panyu district last month and broke my leg. the foreman also still owes me 2 months wages, 13000", {
      project: "don't know",
      employer: "foreman Wang",
    });
    expect(worker.heard).toContain("You also mentioned an injury.");
  });
});
