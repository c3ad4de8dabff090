// Workers estimate: "两三万", "七八千", "三四十个人". Two neighbouring digits before a unit are a range,
// read as its middle — never as the digit string 23 (¥230,000 for "两三万" would be ten times too much).
// A count of people is kept as the range ("三四十个人" → 30–40), as "七八个人" is 7–8: the headcount
// holds a least and a most.
import { describe, expect, it } from "vitest";
import { parseNumeral } from "../src/triage/numerals.js";
import { readMessage } from "../src/triage/read-message.js";

describe("spoken ranges", () => {
  it.each([
    ["两三万", 25000],
    ["七八千", 7500],
    ["一两万", 15000],
    ["三四十", 35],
    ["十二三万", 125000],
  ])("parses %s as the middle of the range", (token, value) => {
    expect(parseNumeral(token)).toBe(value);
  });

  it("leaves digit strings and ordinary numbers alone", () => {
    expect(parseNumeral("二三")).toBe(23);
    expect(parseNumeral("二十三万")).toBe(230000);
    expect(parseNumeral("一万二")).toBe(12000);
    expect(parseNumeral("3万5")).toBe(35000);
  });

  it("reads estimates in messages", () => {
    expect(readMessage("老板欠我七八千").amountYuan).toBe(7500);
    expect(readMessage("大概两三万吧").amountYuan).toBe(25000);
    expect(readMessage("我们三四十个人的工资没给").headcount).toEqual({ min: 30, max: 40 });
  });
});
