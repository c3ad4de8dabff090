// IOUs and contracts write sums in the financial numerals (大写): 叁万伍仟, 壹万贰仟元整.
import { describe, expect, it } from "vitest";
import { parseNumeral } from "../src/triage/numerals.js";
import { readMessage } from "../src/triage/read-message.js";

describe("financial numerals", () => {
  it.each([
    ["叁万伍仟", 35000],
    ["壹万贰仟", 12000],
    ["捌仟陆佰", 8600],
    ["贰拾叁万", 230000],
  ])("parses %s", (token, value) => {
    expect(parseNumeral(token)).toBe(value);
  });

  it("reads an amount written in them", () => {
    expect(readMessage("老板欠我叁万伍仟元工资").amountYuan).toBe(35000);
    expect(readMessage("欠条上写着人民币壹万贰仟元整，包工头签的字").amountYuan).toBe(12000);
  });
});
