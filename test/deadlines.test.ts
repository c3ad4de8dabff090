// Deadlines of a case: working days in the jurisdiction's time zone (weekends and configured holidays
// skipped), the major-case deadlines, which step closes which deadline, and cases.dueAt (read by
// `arrears case list --overdue` and `/cases overdue`) following the earliest open deadline.
import { afterEach, describe, expect, test } from "vitest";
import { DeadlinePlanner, deadlinePolicyFromConfig, DEFAULT_DEADLINE_POLICY } from "../src/cases/deadline-policy.js";
import { Scheduler } from "../src/scheduler/scheduler.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

const ZONE = "Asia/Shanghai";
/** Local (UTC+8) wall-clock time as epoch ms. */
const cst = (local: string) => Date.parse(`${local}+08:00`);
const endOf = (day: string) => cst(`${day}T23:59:59.999`);

const ORDINARY = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";
const MAJOR = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组40个人工资一共80万，电话13812345678";

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function file(app: TestApp["app"], user: string, text: string): string {
  const worker = new Worker(app, user);
  worker.says(text);
  worker.presses("confirm");
  const row = app.ledger.listByFiler(`local:${user}`)[0];
  if (!row) throw new Error(`no case: ${worker.heard}`);
  return row.id;
}

function openKinds(app: TestApp["app"], caseId: string): Record<string, number> {
  return Object.fromEntries(app.actions.deadlines.openFor(caseId).map((d) => [d.kind, d.dueAt]));
}

describe("working days", () => {
  test("a case received on a Friday: same day, next working day after the weekend, five working days", () => {
    const planner = new DeadlinePlanner(DEFAULT_DEADLINE_POLICY, { timeZone: ZONE, holidays: new Set() });
    const friday = cst("2026-11-27T10:00");
    const plan = Object.fromEntries(planner.initial(friday, { isArrears: true, major: false }).map((d) => [d.kind, d]));
    expect(Object.keys(plan).sort()).toEqual(["acceptance", "classify", "first_action"]);
    expect(plan.classify!.dueAt).toBe(endOf("2026-11-27"));
    expect(plan.first_action!.dueAt).toBe(endOf("2026-11-30")); // Monday, not Saturday
    expect(plan.acceptance!.dueAt).toBe(endOf("2026-12-04"));
    // Reminders: hours before a short deadline, the morning of the due day for a long one.
    expect(plan.classify!.remindAt).toBe(endOf("2026-11-27") - 6 * 3_600_000);
    expect(plan.acceptance!.remindAt).toBe(cst("2026-12-04T00:00"));
    expect(planner.initial(friday, { isArrears: false, major: false })).toEqual([]);
  });

  test("a major case received on a Sunday owes its facts that Sunday and its progress on Monday: calendar days", () => {
    const planner = new DeadlinePlanner(DEFAULT_DEADLINE_POLICY, { timeZone: ZONE, holidays: new Set(["2026-11-30"]) });
    const sunday = cst("2026-11-29T17:20");
    const plan = Object.fromEntries(planner.initial(sunday, { isArrears: true, major: true }).map((d) => [d.kind, d]));
    // A worker threatening to jump, or forty workers unpaid, does not wait for the working week (not even a holiday Monday).
    expect(plan.major_facts!.dueAt).toBe(endOf("2026-11-29"));
    expect(plan.major_progress!.dueAt).toBe(endOf("2026-11-30"));
    // Reminded hours before, that same evening.
    expect(plan.major_facts!.remindAt).toBe(endOf("2026-11-29") - 6 * 3_600_000);
    // The ordinary steps still count working days.
    expect(plan.first_action!.dueAt).toBe(endOf("2026-12-01"));
  });

  test("a planner that remembers its days plans exactly as one that counts afresh, in any zone", () => {
    // The planner keeps, per kind and local day, the due time and the reminder before clamping.
    const kinds = ["classify", "first_action", "major_facts", "major_progress", "acceptance", "handling", "follow_up"] as const;
    for (const timeZone of [ZONE, "America/New_York"]) {
      for (const policy of [DEFAULT_DEADLINE_POLICY, deadlinePolicyFromConfig({ DEADLINE_REMIND_DAYS: "2", DEADLINE_REMIND_HOURS: "30" })]) {
        const calendar = { timeZone, holidays: new Set(["2026-03-09", "2026-10-01", "2026-11-02"]) };
        const remembering = new DeadlinePlanner(policy, calendar);
        // Every 7 h 13 min over a year: all hours of the day, weekends, holidays and DST changes.
        const remembered: unknown[] = [];
        const counted: unknown[] = [];
        for (let at = Date.parse("2026-01-01T00:00:00Z"); at < Date.parse("2027-01-01T00:00:00Z"); at += 433 * 60_000) {
          const afresh = new DeadlinePlanner(policy, calendar);
          for (const kind of kinds) {
            remembered.push(remembering.plan(kind, at));
            counted.push(afresh.plan(kind, at));
          }
        }
        expect(remembered).toEqual(counted);
      }
    }
  });

  test("configured holidays are skipped, and the policy comes from configuration variables", () => {
    const policy = deadlinePolicyFromConfig({ DEADLINE_FIRST_ACTION_DAYS: "2", FOLLOW_UP_DAYS: "3", OTHER: "x" });
    expect(policy.firstActionWorkingDays).toBe(2);
    expect(policy.followUpDays).toBe(3);
    expect(policy.acceptanceWorkingDays).toBe(5);
    expect(() => deadlinePolicyFromConfig({ DEADLINE_HANDLE_DAYS: "-1" })).toThrow(/DEADLINE_HANDLE_DAYS/);
    const planner = new DeadlinePlanner(policy, { timeZone: ZONE, holidays: new Set(["2026-11-30", "2026-12-01"]) });
    const friday = cst("2026-11-27T10:00");
    // Two working days after Friday, with Monday and Tuesday holidays: Thursday.
    expect(planner.plan("first_action", friday).dueAt).toBe(endOf("2026-12-03"));
    expect(planner.plan("acceptance", friday).dueAt).toBe(endOf("2026-12-08"));
    expect(planner.plan("follow_up", friday).dueAt).toBe(friday + 3 * 86_400_000);
  });

  test("a logged case gets its deadlines from the app's holidays; cases.dueAt is the earliest", () => {
    t = makeTestApp({ HOLIDAYS: "2026-11-30" });
    t.clock.current = cst("2026-11-27T10:00"); // Friday
    const id = file(t.app, "w1", ORDINARY);
    new Scheduler(t.app, { log: () => {} }).tick(); // opens them if the filing did not
    const kinds = openKinds(t.app, id);
    expect(kinds).toEqual({
      classify: endOf("2026-11-27"),
      first_action: endOf("2026-12-01"), // Monday is a holiday
      acceptance: endOf("2026-12-07"),
    });
    expect(t.app.ledger.find(id)!.dueAt).toBe(endOf("2026-11-27"));
  });
});

describe("steps close deadlines", () => {
  test("major case: facts the same day, progress the next working day; accept, record, resolve", () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-23T10:00"); // Monday
    const id = file(t.app, "m1", MAJOR);
    expect(t.app.ledger.find(id)!.major).toBe(true);
    new Scheduler(t.app, { log: () => {} }).tick();
    expect(openKinds(t.app, id)).toMatchObject({
      classify: endOf("2026-11-23"),
      major_facts: endOf("2026-11-23"),
      major_progress: endOf("2026-11-24"),
      first_action: endOf("2026-11-24"),
      acceptance: endOf("2026-11-30"),
    });
    // Accepting is the first officer action: classification, first action, facts, acceptance met;
    // handling (60 working days) starts; the progress note is still owed tomorrow.
    t.clock.current = cst("2026-11-23T11:00");
    t.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    expect(Object.keys(openKinds(t.app, id)).sort()).toEqual(["handling", "major_progress"]);
    expect(openKinds(t.app, id).handling).toBe(endOf("2027-02-15"));
    expect(t.app.ledger.find(id)!.dueAt).toBe(endOf("2026-11-24"));
    // A handling record is the progress note.
    t.app.actions.setStatus({ caseId: id, status: "handling", by: "张三", channel: "cli", note: "record:mediation" });
    expect(Object.keys(openKinds(t.app, id))).toEqual(["handling"]);
    expect(t.app.ledger.find(id)!.dueAt).toBe(endOf("2027-02-15"));
    // Resolved: everything met; only the follow-up (回头看) runs, and it is not the desk's overdue work.
    t.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli" });
    expect(Object.keys(openKinds(t.app, id))).toEqual(["follow_up"]);
    expect(openKinds(t.app, id).follow_up).toBe(cst("2026-11-23T11:00") + 7 * 86_400_000);
    expect(t.app.ledger.find(id)!.dueAt).toBeNull();
    const met = t.app.actions.deadlines.all(id).filter((d) => d.closedAt !== null).map((d) => d.kind).sort();
    expect(met).toEqual(["acceptance", "classify", "first_action", "handling", "major_facts", "major_progress"]);
  });

  test("the overdue list (as `arrears case list --overdue` asks the ledger) follows the deadlines", () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-23T10:00");
    const late = file(t.app, "o1", ORDINARY);
    const acted = file(t.app, "o2", ORDINARY);
    new Scheduler(t.app, { log: () => {} }).tick();
    t.app.actions.setStatus({ caseId: acted, status: "accepted", by: "张三", channel: "cli" });
    const overdue = (at: number) => t!.app.ledger.list({ open: true, overdueAt: at }).map((r) => r.id);
    expect(overdue(cst("2026-11-23T23:00"))).toEqual([]);
    // After midnight the unclassified case is overdue; the accepted one (60 working days) is not.
    expect(overdue(cst("2026-11-24T00:30"))).toEqual([late]);
    // Transferred: the new desk owes a first action within one working day.
    t.clock.current = cst("2026-11-24T09:00");
    t.app.actions.setStatus({ caseId: late, status: "transferred", by: "张三", channel: "cli", moveToJurisdiction: "410724" });
    expect(openKinds(t.app, late).first_action).toBe(endOf("2026-11-25"));
    expect(overdue(cst("2026-11-24T12:00"))).toEqual([]);
    expect(overdue(cst("2026-11-26T00:30"))).toEqual([late]);
  });
});
