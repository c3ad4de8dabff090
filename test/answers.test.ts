// Short answers to the bot's questions, as workers type them.
import { describe, expect, it } from "vitest";
import { parseAmountAnswer, parseHeadcountAnswer, parseNameAnswer } from "../src/dialogs/answers.js";
import { readMessage } from "../src/triage/read-message.js";

describe("headcount answers", () => {
  it.each([
    ["12个", { min: 12, max: 12 }],
    ["就我一个", { min: 1, max: 1 }],
    ["十几个", { min: 10, max: 19 }],
    ["三十来个", { min: 30, max: 39 }],
    ["二十多个人", { min: 20, max: 29 }],
    ["30来个", { min: 30, max: 39 }],
  ])("reads %s", (text, value) => {
    expect(parseHeadcountAnswer(text, null)).toEqual({ ok: true, value });
  });

  it("refuses what is not a count, saying why", () => {
    expect(parseHeadcountAnswer("好多", null)).toEqual({ ok: false, problem: "headcountUnreadable" });
    expect(parseHeadcountAnswer("0", null)).toEqual({ ok: false, problem: "headcountNotPositive" });
  });
});

describe("a name answer that is pay or time", () => {
  it("is not taken as a project or employer name, and names with numerals still are", () => {
    for (const text of ["一天两百，干了一个月", "欠了三万", "干了三个月", "五千块"]) expect(parseNameAnswer(text).ok).toBe(false);
    for (const text of ["三元里工地", "八天酒店", "凤凰城三期", "万达广场"]) expect(parseNameAnswer(text)).toEqual({ ok: true, value: text });
  });
});

describe("a name answer with thanks or someone's phone in it", () => {
  it("thanks is no name; the name is kept without whose number follows it", () => {
    for (const text of ["谢谢", "thanks 👍", "多谢！"]) expect(parseNameAnswer(text).ok).toBe(false);
    expect(parseNameAnswer("是刘建国，他电话13999998888")).toEqual({ ok: true, value: "刘建国" });
    expect(parseNameAnswer("my boss number is 13999990000").ok).toBe(false);
  });
});

describe("a name the worker is unsure of", () => {
  it("is the name, without the doubt around it", () => {
    const cases: Record<string, string> = {
      "是刘建国吗 我也不确定": "刘建国",
      "刘建国？不太确定": "刘建国",
      "可能是宏达劳务吧": "宏达劳务",
      "应该是宏达劳务，我也不太清楚": "宏达劳务",
      "大概是刘建国 记不清了": "刘建国",
      "我记得是刘建国": "刘建国",
      "好像是姓刘的": "刘老板",
      "宏达劳务 not sure": "宏达劳务",
      // Names that only begin like a doubt keep it.
      "应县建筑公司": "应县建筑公司",
    };
    for (const [text, name] of Object.entries(cases)) expect(parseNameAnswer(text), text).toEqual({ ok: true, value: name });
  });

  it("is no name when the doubt is all there is", () => {
    for (const text of ["不太清楚", "不确定", "可能", "估计是他"]) expect(parseNameAnswer(text).ok, text).toBe(false);
  });
});

describe("amounts written in English", () => {
  it("reads thousands, millions and wan, with or without a hedge", () => {
    expect(parseAmountAnswer("about 12 thousand", null)).toEqual({ ok: true, value: 12_000 });
    expect(parseAmountAnswer("12 thousand yuan", null)).toEqual({ ok: true, value: 12_000 });
    expect(parseAmountAnswer("3 wan", null)).toEqual({ ok: true, value: 30_000 });
    expect(parseAmountAnswer("around 12000", null)).toEqual({ ok: true, value: 12_000 });
    expect(readMessage("The boss owes us 1.5 million yuan").amountYuan).toBe(1_500_000);
  });
});
