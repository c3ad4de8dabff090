import { describe, expect, it } from "vitest";
import { CASE_ID_ALPHABET, findCaseIdIn, formatCaseId, newCaseId, parseCaseId } from "../src/cases/case-id.js";

describe("case IDs", () => {
  it("use no look-alike characters", () => {
    for (const char of "01OIL") expect(CASE_ID_ALPHABET).not.toContain(char);
  });

  it("are valid, short, and read back from what a worker types", () => {
    const id = newCaseId();
    expect(id).toHaveLength(9);
    expect(parseCaseId(id)).toEqual({ kind: "valid", id });
    expect(parseCaseId(formatCaseId(id).toLowerCase())).toEqual({ kind: "valid", id });
    expect(parseCaseId(` ${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)} `)).toEqual({ kind: "valid", id });
    expect(findCaseIdIn(`查询 ${formatCaseId(id)} 谢谢`)).toBe(formatCaseId(id));
  });

  it("catch every single mistyped character and adjacent swap", () => {
    let swapsCaught = 0;
    let swaps = 0;
    for (let n = 0; n < 200; n++) {
      const id = newCaseId();
      for (let position = 0; position < id.length; position++) {
        for (const char of CASE_ID_ALPHABET) {
          if (char === id[position]) continue;
          const typo = id.slice(0, position) + char + id.slice(position + 1);
          expect(parseCaseId(typo).kind).toBe("mistyped");
        }
        if (position < id.length - 1 && id[position] !== id[position + 1]) {
          swaps++;
          const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
          if (parseCaseId(swapped).kind === "mistyped") swapsCaught++;
        }
      }
    }
    expect(swapsCaught / swaps).toBeGreaterThan(0.95);
  });

  it("are not sequential: 10,000 IDs are all different and spread over the alphabet", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newCaseId()));
    expect(ids.size).toBe(10_000);
    const firstChars = new Set([...ids].map((id) => id[0]));
    expect(firstChars.size).toBe(CASE_ID_ALPHABET.length);
  });

  it("reject what is not an ID", () => {
    for (const input of ["", "12345", "K7Q-M3P-9R", "K7Q-M3P-9RXX", "OOOOOOOOO", "你好你好你好你好你"]) {
      expect(parseCaseId(input).kind).toBe("malformed");
    }
  });
});
