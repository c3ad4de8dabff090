// The scheduler with a controllable clock on a real SQLite file: reminders to the ticket's desk,
// escalation to the city with a ledger event, a restart between ticks (nothing lost, nothing twice),
// a failed step rolled back whole, and the follow-up (回头看) through the worker's own channel.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import type { App } from "../src/app.js";
import { DESK_CHANNEL, deskRecipient } from "../src/cases/case-actions.js";
import { eventLabel } from "../src/cases/event-text.js";
import { renderNotification, renderNotificationChoices } from "../src/cases/notifications.js";
import { resolutionNote } from "../src/cases/resolution.js";
import { deadlines, outbox } from "../src/db/schema.js";
import { translator } from "../src/i18n.js";
import { openDeadlinesQuery, schedulerCommand } from "../src/scheduler/cli.js";
import { Scheduler, startScheduler } from "../src/scheduler/scheduler.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

const cst = (local: string) => Date.parse(`${local}+08:00`);
const ORDINARY = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function file(app: App, user: string, channel = "local"): string {
  const worker = new Worker(app, user, channel);
  worker.says(ORDINARY);
  worker.presses("confirm");
  const row = app.ledger.listByFiler(`${channel}:${user}`)[0];
  if (!row) throw new Error(`no case: ${worker.heard}`);
  return row.id;
}

/** Files `text` (a one-worker complaint) as `user` on Telegram; returns the case ID. */
function fileText(app: App, user: string, text: string): string {
  return new Worker(app, user, "telegram").files(text);
}

const quiet = { log: () => {} };

function deskRows(app: App, caseId: string, messageKey: string) {
  return app.store.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.caseId, caseId), eq(outbox.channel, DESK_CHANNEL), eq(outbox.messageKey, messageKey)))
    .all();
}

function deadline(app: App, caseId: string, kind: string) {
  return app.store.db.select().from(deadlines).where(and(eq(deadlines.caseId, caseId), eq(deadlines.kind, kind))).all();
}

describe("reminders and escalation", () => {
  test("remind before, escalate after, across a restart: no reminder lost or sent twice", () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-23T10:00"); // Monday
    const id = file(t.app, "r1");
    const first = new Scheduler(t.app, quiet);
    expect(first.tick()).toMatchObject({ reminders: 0, escalations: 0 });

    // 18:30: the same-day classification is due tonight → one reminder in the ticket's thread.
    t.clock.current = cst("2026-11-23T18:30");
    expect(first.tick()).toMatchObject({ reminders: 1, escalations: 0 });
    const reminder = deskRows(t.app, id, "scheduler:reminder");
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.recipientKey).toBe(deskRecipient(id));
    expect((reminder[0]!.params as { kindKey: string }).kindKey).toBe("scheduler:kind.classify");
    expect(deadline(t.app, id, "classify")[0]!.remindedAt).toBe(cst("2026-11-23T18:30"));

    // The process stops. While it is down, Tuesday passes 18:00 (the first action's reminder) and
    // the classification deadline (Monday night) is missed.
    t.app.close();
    t.clock.current = cst("2026-11-24T19:00");
    const app = t.restart();
    const second = new Scheduler(app, quiet);
    expect(second.tick()).toMatchObject({ reminders: 1, escalations: 1 });
    expect(second.tick()).toMatchObject({ reminders: 0, escalations: 0, followUps: 0 });
    expect(deskRows(app, id, "scheduler:reminder").map((r) => (r.params as { kindKey: string }).kindKey)).toEqual([
      "scheduler:kind.classify",
      "scheduler:kind.first_action",
    ]);
    // Escalated to the level above (新乡市 above 红旗区), with a ledger event and a note in the thread.
    const escalation = deskRows(app, id, "scheduler:escalation");
    expect(escalation.map((r) => r.recipientKey)).toEqual(["division:410700"]);
    expect(deskRows(app, id, "scheduler:escalatedThread").map((r) => r.recipientKey)).toEqual([deskRecipient(id)]);
    const escalated = app.ledger.events(id).filter((e) => e.type === "escalated");
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ actor: "system", channel: "scheduler", data: { kind: "classify", to: "410700" } });
    expect(deadline(app, id, "classify")[0]!.escalatedAt).toBe(cst("2026-11-24T19:00"));

    // Wednesday: the first action is missed too → escalated once; an accepted case stops the clock.
    t.clock.current = cst("2026-11-25T00:30");
    expect(second.tick()).toMatchObject({ escalations: 1 });
    app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    t.clock.current = cst("2026-12-02T00:30"); // acceptance (5 working days) would have been missed
    expect(second.tick()).toMatchObject({ reminders: 0, escalations: 0 });
    expect(app.ledger.events(id).filter((e) => e.type === "escalated")).toHaveLength(2);

    // The worker asking after it reads what happened in words: no empty "进展更新" lines.
    const worker = new Worker(app, "r1");
    worker.says("有进展吗");
    expect(worker.heard).toContain("办理超过了期限，已报上级督促");
    expect(worker.heard).not.toContain("进展更新");
  });

  test("a step that fails is rolled back whole (no stamp without its message) and done next tick", () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-23T10:00");
    const id = file(t.app, "r2");
    const scheduler = new Scheduler(t.app, quiet);
    scheduler.tick();
    t.clock.current = cst("2026-11-24T00:30"); // reminder and escalation of the classification both due
    const enqueue = t.app.outbox.enqueue.bind(t.app.outbox);
    t.app.outbox.enqueue = () => {
      throw new Error("disk full");
    };
    expect(scheduler.tick()).toMatchObject({ reminders: 0, escalations: 0 });
    t.app.outbox.enqueue = enqueue;
    const row = deadline(t.app, id, "classify")[0]!;
    expect(row.escalatedAt).toBeNull();
    expect(t.app.ledger.events(id).some((e) => e.type === "escalated")).toBe(false);
    expect(scheduler.tick()).toMatchObject({ escalations: 1 });
    expect(deskRows(t.app, id, "scheduler:escalation")).toHaveLength(1);
    // The reminder fell due while the deadline had already passed: the escalation says it, alone.
    expect(deskRows(t.app, id, "scheduler:reminder")).toHaveLength(0);
    expect(deadline(t.app, id, "classify")[0]!.remindedAt).not.toBeNull();
  });

  test("startScheduler ticks on a timer until stopped", async () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-23T10:00");
    const id = file(t.app, "r3");
    t.clock.current = cst("2026-11-23T19:00");
    const running = startScheduler(t.app, { ...quiet, intervalSeconds: 1 })!;
    try {
      for (let i = 0; i < 100 && deskRows(t.app, id, "scheduler:reminder").length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(deskRows(t.app, id, "scheduler:reminder")).toHaveLength(1);
    } finally {
      running.stop();
    }
    expect(startScheduler(t.app, { enabled: false })).toBeNull();
  });
});

describe("follow-up (回头看)", () => {
  test("resolved → asked after N days on the worker's channel → 'not paid' reopens and tells the desk", () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-23T10:00");
    const id = file(t.app, "f1", "telegram");
    const scheduler = new Scheduler(t.app, quiet);
    t.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    t.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli" });
    const question = () =>
      t!.app.store.db.select().from(outbox).where(and(eq(outbox.caseId, id), eq(outbox.messageKey, "followUp.question"))).all();

    t.clock.advance(7 * 86_400_000 - 60_000);
    scheduler.tick();
    expect(question()).toHaveLength(0); // not yet
    t.clock.advance(60_000);
    expect(scheduler.tick()).toMatchObject({ followUps: 1 });
    expect(scheduler.tick()).toMatchObject({ followUps: 0 });
    const [asked] = question();
    expect(asked).toMatchObject({ channel: "telegram", recipientKey: "telegram:f1", params: { id: expect.stringMatching(/^\w{3}-\w{3}-\w{3}$/) } });
    expect(asked!.choices).toEqual([
      { id: `followup:${id}:paid`, labelKey: "followUp.paid" },
      { id: `followup:${id}:unpaid`, labelKey: "followUp.unpaid" },
    ]);
    expect(t.app.ledger.events(id).some((e) => e.type === "follow_up_asked")).toBe(true);

    // The worker presses "not paid" on their channel.
    const worker = new Worker(t.app, "f1", "telegram");
    worker.presses(`followup:${id}:unpaid`);
    expect(worker.heard).toContain("重新办理");
    const row = t.app.ledger.find(id)!;
    expect(row.status).toBe("reopened");
    expect(t.app.ledger.events(id).some((e) => e.type === "follow_up_unpaid")).toBe(true);
    expect(deskRows(t.app, id, "desk.followUpUnpaid").map((r) => r.recipientKey)).toEqual([deskRecipient(id)]);
    // Reopened: the desk owes a first action again, and the case is on the clock (dueAt set).
    const open = t.app.actions.deadlines.openFor(id).map((d) => d.kind).sort();
    expect(open).toEqual(["acceptance", "first_action", "handling"]);
    expect(row.dueAt).toBe(t.app.actions.deadlines.openFor(id)[0]!.dueAt);
    // Pressing again changes nothing.
    worker.presses(`followup:${id}:unpaid`);
    expect(t.app.ledger.events(id).filter((e) => e.type === "follow_up_unpaid")).toHaveLength(1);
  });
});

describe("follow-up (回头看) of a case closed with nothing recovered", () => {
  test("asks how it stands, not whether 'the money' came; 'at arbitration or in court' keeps it closed, 'look again' reopens it", () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-23T10:00");
    const none = fileText(t.app, "z1", "我在新乡市红旗区恒发电器厂上班，老板欠我8000块工资");
    const recorded = fileText(t.app, "z2", "我在新乡市红旗区永兴电子厂上班，老板欠我6500块工资");
    const paid = fileText(t.app, "z3", "我在新乡市红旗区利民食品厂上班，老板欠我9000块工资");
    const scheduler = new Scheduler(t.app, quiet);
    // As the CLI and the Slack modal write them: ¥0 (with a handling recorded before the figures, as
    // `set-status resolved --record mediation --recovered 0` writes it), and a sum recovered.
    const resolve = (id: string, note: string) => t!.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note });
    resolve(none, resolutionNote({ recovered: 0, workersPaid: 0 }, "老板跑路"));
    resolve(recorded, `record:mediation ${resolutionNote({ recovered: 0, workersPaid: 0 })}`);
    resolve(paid, resolutionNote({ recovered: 9000, workersPaid: 1 }));
    const toWorker = (id: string) => t!.app.store.db.select().from(outbox).where(and(eq(outbox.caseId, id), eq(outbox.channel, "telegram"))).orderBy(outbox.id).all();
    // The worker closed with ¥0 was told where the money can still be claimed, whatever came first in the note.
    expect(toWorker(recorded).at(-1)!.messageKey).toBe("notify.resolvedNoMoney");

    t.clock.advance(7 * 86_400_000);
    expect(scheduler.tick()).toMatchObject({ followUps: 3 });
    for (const id of [none, recorded]) {
      const asked = toWorker(id).at(-1)!;
      expect(asked.messageKey).toBe("followUp.questionNothingRecovered");
      const text = renderNotification(asked);
      expect(text).toContain("办结时，钱没有要回来");
      expect(text).toContain("12348");
      expect(text).not.toContain("真的发到您手里");
      expect(renderNotificationChoices(asked)).toEqual([
        { id: `followup:${id}:paid`, label: "✅ 钱拿到了" },
        { id: `followup:${id}:elsewhere`, label: "⚖️ 在走仲裁或法院" },
        { id: `followup:${id}:unpaid`, label: "🔁 还没拿到，请再看一看" },
      ]);
      // The officers' ledger says what was asked.
      const event = t.app.ledger.events(id).find((e) => e.type === "follow_up_asked")!;
      expect(eventLabel(translator("zh-CN"), event.type, event.data)).toBe("系统回访工人：办结时没有追回钱款，问现在怎么样（回头看）");
    }
    // Money recovered: the question is still whether it reached the worker.
    const askedPaid = toWorker(paid).at(-1)!;
    expect(askedPaid.messageKey).toBe("followUp.question");
    expect(askedPaid.choices).toEqual([
      { id: `followup:${paid}:paid`, labelKey: "followUp.paid" },
      { id: `followup:${paid}:unpaid`, labelKey: "followUp.unpaid" },
    ]);
    const paidWorker = new Worker(t.app, "z3", "telegram");
    paidWorker.presses(`followup:${paid}:paid`);
    expect(paidWorker.heard).toContain("谢谢确认");
    expect(t.app.ledger.events(paid).some((e) => e.type === "follow_up_paid")).toBe(true);

    // At arbitration or in court: recorded, the case stays closed, the follow-up is done, the desk not troubled.
    const worker = new Worker(t.app, "z1", "telegram");
    // (The worker's own history says what was asked, too.)
    worker.says("查询");
    expect(worker.heard).toContain("我们回访过您，问现在怎么样了");
    expect(worker.heard).not.toContain("钱是否到手");
    worker.presses(`followup:${none}:elsewhere`);
    expect(worker.heard).toContain("在走仲裁或法院");
    expect(worker.heard).toContain("12348");
    expect(t.app.ledger.find(none)!.status).toBe("resolved");
    expect(t.app.ledger.events(none).filter((e) => e.type === "follow_up_elsewhere")).toHaveLength(1);
    expect(deadline(t.app, none, "follow_up")[0]!.closedAt).not.toBeNull();
    expect(t.app.store.db.select().from(outbox).where(and(eq(outbox.caseId, none), eq(outbox.channel, DESK_CHANNEL))).all()).toHaveLength(0);
    // Later the worker wants the office to look again: reopened, and the desk told it was closed with nothing.
    worker.says("还没收到钱");
    expect(t.app.ledger.find(none)!.status).toBe("reopened");
    expect(deskRows(t.app, none, "desk.followUpUnpaidNothingRecovered")).toHaveLength(1);

    // "Look again" pressed on the follow-up: the same.
    const other = new Worker(t.app, "z2", "telegram");
    other.presses(`followup:${recorded}:unpaid`);
    expect(other.heard).toContain("重新办理");
    expect(t.app.ledger.find(recorded)!.status).toBe("reopened");
    expect(deskRows(t.app, recorded, "desk.followUpUnpaidNothingRecovered")).toHaveLength(1);
    expect(deskRows(t.app, recorded, "desk.followUpUnpaid")).toHaveLength(0);
  });
});

describe("arrears scheduler", () => {
  test("`tick` runs one pass on the database; `deadlines --overdue` lists what is late", async () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-23T10:00");
    const id = file(t.app, "c1");
    t.clock.current = cst("2026-11-24T00:30");
    const lines: string[] = [];
    const run = (...args: string[]) => schedulerCommand(() => t!.restart(), (line) => lines.push(line)).parseAsync(args, { from: "user" });
    await run("tick", "--json");
    // The classification's reminder fell due after its deadline: only the escalation goes out.
    expect(JSON.parse(lines[0]!)).toMatchObject({ reminders: 0, escalations: 1 });
    await run("tick", "--json");
    expect(JSON.parse(lines[1]!)).toMatchObject({ reminders: 0, escalations: 0 });
    await run("deadlines", "--overdue", "--json");
    const overdue = lines.slice(2).map((line) => JSON.parse(line) as { caseId: string; kind: string });
    expect(overdue.map((d) => d.kind)).toEqual(["classify"]);
    expect(overdue[0]!.caseId.replace(/-/g, "")).toBe(id);
    // The text list shows local time (Asia/Shanghai), as `case show` does: the end of the working day.
    const before = lines.length;
    await run("deadlines", "--overdue");
    expect(lines.slice(before).join("\n")).toMatch(/ 2026-11-2\d 23:59 /);
    expect(lines.slice(before).join("\n")).not.toMatch(/T\d\d:\d\d/);
  });
});

describe("arrears scheduler deadlines --division", () => {
  test("an officer lists their own desk's deadlines (a county, or a city with its counties), from the desk's open cases", async () => {
    t = makeTestApp();
    t.clock.current = cst("2026-11-23T10:00");
    const hongqi = file(t.app, "d1");
    const weibin = new Worker(t.app, "d2").files("我在新乡市卫滨区滨江花园二期干活，恒发建筑欠我们5个人工资4万", { project: "滨江花园二期", employer: "恒发建筑" });
    const yangquan = new Worker(t.app, "d3").files("我在山西省阳泉市城区恒发电器厂上班，老板欠我8000", { project: "恒发电器厂", employer: "恒发电器厂" });
    expect([hongqi, weibin, yangquan].map((id) => t!.app.ledger.find(id)!.jurisdictionCode)).toEqual(["410702", "410703", "140302"]);

    const lines: string[] = [];
    const errors: string[] = [];
    const run = async (...args: string[]) => {
      const before = lines.length;
      const command = schedulerCommand(() => t!.restart(), (line) => lines.push(line));
      for (const c of [command, ...command.commands]) {
        c.exitOverride();
        c.configureOutput({ writeErr: (text) => errors.push(text) });
      }
      try {
        await command.parseAsync(args, { from: "user" });
      } catch {
        // commander's exit on error: the message is in `errors`.
      }
      return new Set(lines.slice(before).map((line) => (JSON.parse(line) as { caseId: string }).caseId.replace(/-/g, "")));
    };
    expect(await run("deadlines", "--json")).toEqual(new Set([hongqi, weibin, yangquan]));
    expect(await run("deadlines", "--json", "--division", "410702")).toEqual(new Set([hongqi]));
    expect(await run("deadlines", "--json", "--division", "410700")).toEqual(new Set([hongqi, weibin]));
    expect(await run("deadlines", "--json", "--division", "140000")).toEqual(new Set([yangquan]));
    // A resolved case leaves its desk's list (its follow-up is not a desk deadline).
    t.app.actions.setStatus({ caseId: weibin, status: "accepted", by: "slack:U1", channel: "slack" });
    t.app.actions.setStatus({ caseId: weibin, status: "resolved", by: "slack:U1", channel: "slack", note: "recovered:40000;workersPaid:5" });
    expect(await run("deadlines", "--json", "--division", "410703")).toEqual(new Set());
    // An unknown code is an error, not an empty list.
    expect(await run("deadlines", "--division", "999999")).toEqual(new Set());
    expect(errors.join("")).toContain("没有这个地区代码：999999");

    // From the desk's entries in cases_jurisdiction_idx to the deadlines of each case: no scan.
    const planOf = (division: string) => {
      const { sql, params } = openDeadlinesQuery(t!.app.store.db, { now: t!.clock.current, division, limit: 100 }).toSQL();
      return (t!.app.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(" | ");
    };
    for (const division of ["410702", "410700"]) {
      expect(planOf(division)).toMatch(/SEARCH cases USING (COVERING )?INDEX cases_jurisdiction_idx \(jurisdiction_code[=>]/);
      expect(planOf(division)).toMatch(/SEARCH deadlines USING INDEX deadlines_case_idx \(case_id=\?\)/);
      expect(planOf(division)).not.toMatch(/SCAN/);
    }
  });
});
