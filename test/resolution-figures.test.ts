// The figures of a resolution (办结) as officers write them, kept in yuan for the campaign table.
import { describe, expect, it } from "vitest";
import { parseYuan, readResolution, resolutionNote } from "../src/cases/resolution.js";

describe("amounts as officers write them", () => {
  it.each([
    ["236000", 236000],
    ["236,000", 236000],
    ["23.6万", 236000],
    ["2.3万元", 23000],
    ["两万三", 23000],
    ["0", 0],
    ["3 万", 30000],
  ])("%s → %d yuan", (text, yuan) => {
    expect(parseYuan(text)).toBe(yuan);
  });

  it.each(["很多", "", "3万或者4万"])("%s is not one amount", (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});

describe("figures read from an officer's words", () => {
  it("takes the sum and the workers when they are there, the sum owed for 付清, nothing when unsure", () => {
    expect(readResolution("经协调，包工头刘建国已支付10万元，5人已领到")).toEqual({ recovered: 100000, workersPaid: 5 });
    expect(readResolution("老板已付清", 48000)).toEqual({ recovered: 48000 });
    expect(readResolution("老板已付清", null)).toEqual({});
    expect(readResolution("已协调")).toEqual({});
    // Promised or not yet paid is no money recovered: the officer must give the figure.
    for (const note of ["老板答应下月付清", "老板还没付清", "尚未付清", "老板说年前结清", "承诺月底支付5000元", "boss promised to pay in full"]) {
      expect(readResolution(note, 5000), note).toEqual({});
    }
    expect(readResolution("recovered:9000;workersPaid:2")).toEqual({ recovered: 9000, workersPaid: 2 });
  });

  it("writes the note the report reads, the officer's words after the figures and never twice", () => {
    expect(resolutionNote({ recovered: 236000, workersPaid: 12 })).toBe("recovered:236000;workersPaid:12");
    expect(resolutionNote({ recovered: 9000, workersPaid: 2 }, "recovered:9000;workersPaid:2")).toBe("recovered:9000;workersPaid:2");
    expect(resolutionNote({ recovered: 48000, workersPaid: 3 }, "老板已付清")).toBe("recovered:48000;workersPaid:3;老板已付清");
  });
});
