import { describe, expect, it } from "vitest";
import { addWorkingDays } from "../src/cases/deadlines.js";

const calendar = { timeZone: "Asia/Shanghai", holidays: new Set(["2026-11-24"]) };
const iso = (at: number) => new Date(at).toISOString();

describe("working days in the jurisdiction's time zone", () => {
  it("makes 'the same day' on a Sunday the end of Monday", () => {
    const sundayMorning = Date.parse("2026-11-22T03:03:00Z"); // Sunday 11:03 in Shanghai
    expect(iso(addWorkingDays(sundayMorning, 0, calendar))).toBe("2026-11-23T15:59:59.999Z");
  });

  it("keeps 'the same day' on a working day, and skips weekends and holidays when counting", () => {
    const mondayMorning = Date.parse("2026-11-23T01:00:00Z");
    expect(iso(addWorkingDays(mondayMorning, 0, calendar))).toBe("2026-11-23T15:59:59.999Z");
    // Tuesday the 24th is a holiday here: one working day after Monday is Wednesday.
    expect(iso(addWorkingDays(mondayMorning, 1, calendar))).toBe("2026-11-25T15:59:59.999Z");
    const fridayEvening = Date.parse("2026-11-27T11:00:00Z"); // Friday 19:00
    expect(iso(addWorkingDays(fridayEvening, 1, calendar))).toBe("2026-11-30T15:59:59.999Z");
  });

  it("counts a weekend day worked instead (调休) as a working day", () => {
    const withMakeUp = { ...calendar, workdays: new Set(["2026-11-28"]) }; // Saturday worked
    const fridayEvening = Date.parse("2026-11-27T11:00:00Z");
    expect(iso(addWorkingDays(fridayEvening, 1, withMakeUp))).toBe("2026-11-28T15:59:59.999Z");
    expect(iso(addWorkingDays(fridayEvening, 1, calendar))).toBe("2026-11-30T15:59:59.999Z");
  });
});
