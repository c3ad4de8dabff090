// A worker who asks while the bot asks: whether it costs money, who the bot is, how long it takes, whether a
// name must be given — and who answers a question with a nod. Found in the review of 2026-12-06 (w5,
// findings 2, 3, 9 and 10): questions were stored as the project's name and the answers after them shifted
// into the wrong fields, common questions were put off or not answered, an English worker was switched to
// Chinese, and "嗯" was thanked for.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isQuestionToBot } from "../src/dialogs/answers.js";
import { processQuestion } from "../src/dialogs/faq.js";
import { isYes } from "../src/dialogs/input-guard.js";
import { languageOfText } from "../src/dialogs/language.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const PROJECT_ASKED = "在哪个项目、工地或者厂、店干活";
const FREE = "不收任何费用";
const WHO_WE_ARE = "自动登记助手";
const HOW_LONG = "按规定的期限办理";

function logged(worker: Worker) {
  const id = worker.last?.caseId;
  expect(id).toBeTruthy();
  return env.app.ledger.find(id as string)!;
}

describe("a question asked where a name is asked", () => {
  it("is answered, never stored, and the answers after it land where they belong (b1 w4)", () => {
    const worker = new Worker(env.app, "w4");
    worker.says("我在成都双流区一个工地上干活 包工头欠我工资");
    expect(worker.last?.expecting).toBe("project");
    worker.says("这个要多久能拿到钱");
    expect(worker.heard).toContain(HOW_LONG);
    worker.says("你们这个要收钱不");
    expect(worker.heard).toContain(FREE);
    expect(worker.heard).toContain(PROJECT_ASKED);
    expect(worker.last?.expecting).toBe("project");
    worker.says("天府大道南延线");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("中铁");
    worker.says("四万多");
    worker.says("十来个人");
    expect(worker.heard).toContain("项目/工地：天府大道南延线");
    expect(worker.heard).not.toContain("收钱");
  });

  it.each([
    ["你们是哪个部门", WHO_WE_ARE],
    ["这个靠谱不", WHO_WE_ARE],
    ["要等好久哦", HOW_LONG],
    ["要不要钱", FREE],
    ["你们管得了吗", "依法督促老板支付"],
    ["能不能不留名字", "不用留名字也能投诉"],
    ["要不要写真名", "不用留名字也能投诉"],
  ])("%s: answered, and the project asked again (scratch x1)", (question, answer) => {
    const worker = new Worker(env.app, "x1");
    worker.says("在新乡红旗区工地干活 老板刘军欠我三千");
    worker.says(question);
    expect(worker.heard).toContain(answer);
    expect(worker.heard).not.toContain("登记以后工作人员会回答您");
    expect(worker.heard).toContain(PROJECT_ASKED);
    expect(worker.last?.expecting).toBe("project");
    worker.says("凤凰城");
    expect(worker.heard).toContain("项目/工地：凤凰城");
  });

  it("a question with no ready answer is put off, not taken for a name", () => {
    const worker = new Worker(env.app, "unknown-q");
    worker.says("在新乡红旗区工地干活 老板刘军欠我三千");
    worker.says("钱拿到没");
    expect(worker.heard).toContain("登记以后工作人员会回答您");
    expect(worker.last?.expecting).toBe("project");
  });

  it("reads questions that end in 不 or 没, or ask who the bot is, as questions and not names", () => {
    for (const text of ["你们这个要收钱不", "这个靠谱不", "钱拿到没", "你们是哪个部门", "这是什么单位"]) expect(isQuestionToBot(text)).toBe(true);
    for (const text of ["天府大道南延线", "碧桂园三期", "宏达劳务", "万科城"]) expect(isQuestionToBot(text)).toBe(false);
    expect(processQuestion("老板说下个月要给钱")).toBeNull();
    expect(processQuestion("老板不付钱")).toBeNull();
  });
});

describe("questions at the summary", () => {
  it("are answered, then the summary's buttons come again", () => {
    const worker = new Worker(env.app, "at-summary");
    worker.says("在新乡红旗区凤凰城工地干活 老板刘军欠我三千");
    expect(worker.last?.expecting).toBe("confirm");
    for (const [question, answer] of [
      ["要我去现场吗", "不用先跑"],
      ["要不要带身份证", "不用身份证"],
      ["你们这个要收钱不", FREE],
    ] as const) {
      worker.says(question);
      expect(worker.heard).toContain(answer);
      expect(worker.heard).not.toContain("请核对");
      expect(worker.choiceIds).toContain("confirm");
      expect(worker.last?.expecting).toBe("confirm");
    }
    // One without an answer here is said to be answered later, not met with "tap a button" alone.
    worker.says("要不要先去派出所开证明");
    expect(worker.heard).toContain("登记以后工作人员会回答您");
    expect(worker.choiceIds).toContain("confirm");
  });
});

describe("an English-speaking worker's questions", () => {
  it("are answered in English, and the conversation stays in English (b2 e4)", () => {
    const worker = new Worker(env.app, "e4");
    worker.says("factory in Dongguan owes me 35k, 4 months no salary");
    worker.says("are you a real person or a bot?");
    expect(worker.heard).toContain("automatic intake assistant");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("Dongguan Yida Plastics Co., in Humen town");
    expect(worker.last?.expecting).toBe("confirm");
    worker.says("are you human?");
    expect(worker.heard).toContain("automatic intake assistant");
    expect(worker.last?.locale).toBe("en");
    worker.says("is this a robot");
    expect(worker.heard).toContain("automatic intake assistant");
    expect(worker.heard).toContain("Submit");
    worker.says("yes that's right");
    expect(worker.heard).toContain("Logged");
    expect(worker.last?.locale).toBe("en");
  });

  it("answers both halves of a double question at the summary, and a short one too (b2 e1)", () => {
    const worker = new Worker(env.app, "e1");
    worker.says("Hi, I work at a construction site in Shenzhen, Nanshan district. The subcontractor owes me and 4 other guys about 45000 yuan total for 3 months.");
    expect(worker.last?.expecting).toBe("project");
    // The name it goes by is the answer; that its official name is not known is an aside.
    worker.says("It's the Qianhai tower project, I don't know the official name");
    expect(worker.heard).toContain("Project/site → Qianhai tower project");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("Shenzhen Jianfeng Labour Services");
    worker.says("all of us together");
    expect(worker.last?.expecting).toBe("confirm");
    worker.says("do I have to pay anything for this? and will my boss find out it was me?");
    expect(worker.heard).toContain("costs nothing");
    expect(worker.heard).toContain("we do not tell the employer");
    expect(worker.choiceIds).toContain("confirm");
    worker.says("do I have to pay?");
    expect(worker.heard).toContain("costs nothing");
    worker.says("yep");
    expect(logged(worker).project).toBe("Qianhai tower project");
  });

  it("keeps a whole English name answered before the question", () => {
    const worker = new Worker(env.app, "en-name-then-question");
    worker.says("factory in Dongguan owes me 35k, 4 months no salary");
    worker.says("Hengli Electronics, how long will it take?");
    expect(worker.heard).toContain("Officers work within set deadlines");
    expect(worker.heard).toContain("Who owes: Hengli Electronics");
  });

  it("is not taken for pinyin", () => {
    expect(languageOfText("are you human?")).toBe("en");
    expect(languageOfText("are you human?", "en")).toBe("en");
    expect(languageOfText("laoban qian wo gongzi liang ge yue")).toBe("zh-CN");
  });
});

describe("short answers from workers who write little", () => {
  it("a nod to a question is not thanked for: the question comes again, politely (b2 w14)", () => {
    const worker = new Worker(env.app, "nod");
    worker.says("在新乡红旗区工地干活 老板刘军欠我三千");
    worker.says("嗯");
    expect(worker.heard).not.toContain("不客气");
    expect(worker.heard).toContain("没看明白");
    expect(worker.heard).toContain(PROJECT_ASKED);
    // Thanks is still thanks.
    worker.says("谢谢");
    expect(worker.heard).toContain("不客气");
    // "对头" is no site's name.
    worker.says("对头");
    expect(worker.last?.expecting).toBe("project");
  });

  it.each(["嗯", "嗯嗯", "对头", "yes that's right", "yep"])("%s at the summary submits it", (yes) => {
    const worker = new Worker(env.app, `yes-${yes}`);
    worker.says("在新乡红旗区凤凰城工地干活 老板刘军欠我三千");
    expect(worker.last?.expecting).toBe("confirm");
    worker.says(yes);
    expect(worker.last?.caseId).toBeTruthy();
  });

  it("reads assent as workers type it, and not a no", () => {
    for (const text of ["嗯", "嗯嗯", "对头", "yes that's right", "yep", "嗯嗯 对的"]) expect(isYes(text)).toBe(true);
    for (const text of ["不对", "嗯，不对", "没有"]) expect(isYes(text)).toBe(false);
  });

  it.each(["没有", "没得名字", "没名字"])("%s to the site's name means it has none (b3 L1)", (none) => {
    const worker = new Worker(env.app, `none-${none}`);
    worker.says("太原小店区 工地上 欠了我六千");
    expect(worker.last?.expecting).toBe("project");
    worker.says(none);
    expect(worker.heard).toContain("没关系");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("老张");
    expect(worker.heard).toContain("项目/工地：不知道");
    worker.presses("confirm");
    expect(logged(worker).project).toBeNull();
  });

  it.each(["老版叫钟伟", "老板叫钟伟"])("%s while the sector buttons wait is kept as the boss (scratch h1)", (named) => {
    const worker = new Worker(env.app, `boss-${named}`);
    worker.says("欠我工资三万五没给 在长沙雨花区");
    worker.says("不知道");
    worker.says("不知道");
    expect(worker.last?.expecting).toBe("sector");
    worker.says(named);
    expect(worker.heard).toContain("欠钱的一方 → 钟伟");
    expect(worker.last?.expecting).toBe("sector");
    expect(worker.choiceIds).toContain("sector:construction");
  });

  it("after the place is left unknown, no reply says the place will be used (b2 w14)", () => {
    const worker = new Worker(env.app, "no-place");
    worker.says("工钱没给");
    worker.says("不晓得");
    worker.says("不晓得");
    expect(worker.last?.expecting).toBe("project");
    worker.says("不晓得");
    expect(worker.heard).toContain("没关系");
    expect(worker.heard).not.toContain("地点");
    worker.says("不晓得");
    expect(worker.heard).not.toContain("地点");
  });
});
