// Escalation (超期上报) as the level above reads it: a case that missed several deadlines by one tick
// goes up in one message naming them all (the reviewer's tick sent 18 messages for 10 cases), and a
// major case — already supervised by the city (挂牌督办) — goes up to the province, not to the city again.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { DESK_CHANNEL, deskRecipient } from "../src/cases/case-actions.js";
import { renderNotification } from "../src/cases/notifications.js";
import { outbox } from "../src/db/schema.js";
import { Scheduler } from "../src/scheduler/scheduler.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

const cst = (local: string) => Date.parse(`${local}+08:00`);
const quiet = { log: () => {} };

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const deskRows = (app: App, caseId: string, messageKey: string) =>
  app.store.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.caseId, caseId), eq(outbox.channel, DESK_CHANNEL), eq(outbox.messageKey, messageKey)))
    .all();

describe("escalation after a weekend of missed deadlines", () => {
  it("one message per case listing its missed deadlines; a major case goes to the province", () => {
    t = makeTestApp();
    // Friday 10:00: the same-day classification is due Friday night, the first action Monday night.
    t.clock.current = cst("2026-11-20T10:00");
    const ordinary = new Worker(t.app, "x6").files("新乡红旗区华美电子厂欠我两个月工资，一个月4500", { headcount: "就我一个" });
    const major = new Worker(t.app, "x4").files("新乡红旗区新乡宏达劳务有限公司在新乡医学院新校区工地欠我们45个工人工资一共120万", { headcount: "45个人" });
    expect(t.app.ledger.find(major)!.major).toBe(true);
    const scheduler = new Scheduler(t.app, quiet);
    scheduler.tick();

    // Tuesday 00:30: nobody acted. Each case missed two or more deadlines.
    t.clock.current = cst("2026-11-24T00:30");
    const result = scheduler.tick();
    const ordinaryMissed = t.app.ledger.events(ordinary).filter((e) => e.type === "escalated");
    const majorMissed = t.app.ledger.events(major).filter((e) => e.type === "escalated");
    expect(ordinaryMissed.length).toBeGreaterThanOrEqual(2);
    expect(majorMissed.length).toBeGreaterThanOrEqual(2);
    // Two cases, two escalations: not one per deadline.
    expect(result.escalations).toBe(2);

    const [up] = deskRows(t.app, ordinary, "scheduler:escalation");
    expect(deskRows(t.app, ordinary, "scheduler:escalation")).toHaveLength(1);
    // A county's case goes to its city.
    expect(up!.recipientKey).toBe("division:410700");
    const text = renderNotification(up!);
    expect(text).toContain("「当日核查分类、首次处理」已超过期限 2026-11-20 23:59");
    expect(ordinaryMissed.map((e) => (e.data as { to: string }).to)).toEqual(ordinaryMissed.map(() => "410700"));
    const thread = deskRows(t.app, ordinary, "scheduler:escalatedThread");
    expect(thread.map((row) => row.recipientKey)).toEqual([deskRecipient(ordinary)]);
    expect(renderNotification(thread[0]!)).toContain("已上报 河南省新乡市");

    // The major case: one message, to 河南省, naming its missed major-case deadlines.
    const majorUp = deskRows(t.app, major, "scheduler:escalation");
    expect(majorUp).toHaveLength(1);
    expect(majorUp[0]!.recipientKey).toBe("division:410000");
    expect(renderNotification(majorUp[0]!)).toContain("重大案件当日查清事实");
    expect(renderNotification(deskRows(t.app, major, "scheduler:escalatedThread")[0]!)).toContain("已上报 河南省");
    expect(renderNotification(deskRows(t.app, major, "scheduler:escalatedThread")[0]!)).not.toContain("新乡市");

    // Nothing is sent twice.
    expect(scheduler.tick().escalations).toBe(0);
  });

  it("a municipality's major case has no level above the city: it goes to the municipality", () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-20T10:00");
    const id = new Worker(t.app, "c2").files("重庆渝北区龙湖天街工地，华宇劳务欠我们35个人工资一共60万", { headcount: "35个人", project: "龙湖天街" });
    expect(t.app.ledger.find(id)!.major).toBe(true);
    const scheduler = new Scheduler(t.app, quiet);
    scheduler.tick();
    t.clock.current = cst("2026-11-24T00:30");
    scheduler.tick();
    expect(deskRows(t.app, id, "scheduler:escalation").map((row) => row.recipientKey)).toEqual(["division:500000"]);
  });
});
