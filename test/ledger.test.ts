// The ledger (台账) and the outbox: history cannot be rewritten; notifications survive failures.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CaseActions, CaseNotFoundError } from "../src/cases/case-actions.js";
import { CaseLedger } from "../src/cases/ledger.js";
import { OutboxDispatcher, PermanentDeliveryError, renderNotification } from "../src/cases/notifications.js";
import { Outbox } from "../src/cases/outbox.js";
import { CASE_STATUSES, OPEN_STATUSES, type CaseStatus } from "../src/cases/statuses.js";
import { openStore, type Store } from "../src/db/open.js";

let dir: string;
let store: Store;
let ledger: CaseLedger;
let outbox: Outbox;
let now = Date.parse("2026-11-23T02:00:00Z");
const calendar = { timeZone: "Asia/Shanghai", holidays: new Set<string>() };

function insertCase(id: string): void {
  ledger.insertCase({
    id,
    createdAt: now,
    updatedAt: now,
    status: "logged",
    channel: "telegram",
    filerKey: "telegram:42",
    accessCodeHash: "00",
    locale: "en",
    narrative: "欠薪",
    category: "wage_arrears",
    isArrears: true,
    reasons: [],
    route: {},
  });
  ledger.appendEvent({ caseId: id, at: now, actor: "worker:telegram:42", channel: "telegram", type: "logged" });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ledger-"));
  store = openStore(join(dir, "db.sqlite"));
  ledger = new CaseLedger(store.db);
  outbox = new Outbox(store.db);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the ledger", () => {
  it("uses WAL and refuses to update or delete an event", () => {
    expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    // FULL: each commit is synced, so a logged case survives a power cut, not only a crash of the process.
    expect(store.sqlite.pragma("synchronous", { simple: true })).toBe(2);
    insertCase("AAAAAAAAA");
    expect(() => store.sqlite.exec("UPDATE case_events SET type = 'forged'")).toThrow(/append-only/);
    expect(() => store.sqlite.exec("DELETE FROM case_events")).toThrow(/append-only/);
    expect(ledger.events("AAAAAAAAA").map((event) => event.type)).toEqual(["logged"]);
  });

  it("syncs only at checkpoints when a deployment chooses speed over a power cut (DATABASE_SYNCHRONOUS=normal)", () => {
    const faster = openStore(join(dir, "normal.sqlite"), "normal");
    try {
      expect(faster.sqlite.pragma("synchronous", { simple: true })).toBe(1);
      expect(faster.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      faster.close();
    }
  });

  it("has an index for every lookup the bot makes", () => {
    const plan = (sql: string) =>
      (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(" | ");
    expect(plan("SELECT * FROM case_events WHERE case_id = 'X' ORDER BY id")).toMatch(/USING (COVERING )?INDEX case_events_case_idx/);
    expect(plan("SELECT * FROM cases WHERE filer_key = 'X' ORDER BY created_at DESC")).toMatch(/INDEX cases_filer_idx/);
    expect(plan("SELECT * FROM cases WHERE status = 'logged' ORDER BY created_at DESC")).toMatch(/INDEX cases_status_idx/);
    expect(plan("SELECT * FROM outbox WHERE channel = 'x' AND delivered_at IS NULL AND next_attempt_at <= 5")).toMatch(/INDEX outbox_pending_idx/);
    expect(plan("SELECT * FROM attachments WHERE case_id = 'X'")).toMatch(/INDEX attachments_case_idx/);
    // Whether an officer's question has reached the worker, asked when a question waits.
    expect(plan("SELECT delivered_at FROM outbox WHERE case_id = 'X' AND message_key = 'notify.question' ORDER BY id DESC LIMIT 1")).toMatch(
      /INDEX outbox_case_message_idx/,
    );
    // Asked on every free message: the filer's own cases, even without statistics to go by.
    expect(plan("SELECT id FROM cases INDEXED BY cases_filer_idx WHERE filer_key = 'X' AND status = 'awaiting_worker' ORDER BY updated_at DESC LIMIT 1")).toMatch(
      /INDEX cases_filer_idx/,
    );
  });

  it("lists a county officer's open cases (/cases) from the county's own entries in cases_jurisdiction_idx", () => {
    const planOf = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
      const { sql, params } = query.toSQL();
      return (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(" | ");
    };
    const county = { prefixes: ["410702"], unplaced: false };
    expect(planOf(ledger.listQuery({ open: true, jurisdictions: county, limit: 40 }))).toMatch(/INDEX cases_jurisdiction_idx \(jurisdiction_code=\? AND status=\?\)/);
    expect(planOf(ledger.listQuery({ open: true, jurisdictions: county, responsibleOfficer: "slack:U1", limit: 40 }))).toMatch(/INDEX cases_jurisdiction_idx/);
    expect(planOf(ledger.listQuery({ open: true, jurisdictions: { prefixes: ["410702", "410703"], unplaced: true }, limit: 40 }))).not.toMatch(/SCAN cases/);
  });
});

describe("the duplicate check at confirmation", () => {
  it("finds the case the filer's 20 latest would show: open, same place and amount, same employer or project but for spaces", () => {
    // A deterministic mix of one filer's cases (with ties in created_at), and another filer's.
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x80000000;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const divisions = [null, "410702", "410703"];
    const amounts = [null, 30_000, 52_500];
    const employers = [null, "宏达劳务", "宏达 劳务", "恒发建筑", " 恒发建筑"];
    const projects = [null, "凤凰城三期", "凤凰城 三期", "滨江花园"];
    let at = now;
    for (let i = 0; i < 60; i++) {
      if (random() < 0.7) at += 1_000;
      ledger.insertCase({
        id: `D${String(i).padStart(8, "0")}`,
        createdAt: at,
        updatedAt: at,
        status: pick(CASE_STATUSES),
        channel: "telegram",
        filerKey: i % 7 === 6 ? "telegram:43" : "telegram:42",
        accessCodeHash: "00",
        locale: "zh-CN",
        narrative: "欠薪",
        category: "wage_arrears",
        isArrears: true,
        reasons: [],
        route: {},
        divisionCode: pick(divisions),
        amountYuan: pick(amounts),
        employer: pick(employers),
        project: pick(projects),
      });
    }
    // What the check did before SQL filtered: the 20 latest rows, filtered here.
    const same = (a: string | null, b: string | null) => a !== null && b !== null && a.replace(/\s/g, "") === b.replace(/\s/g, "");
    const expected = (facts: Parameters<CaseLedger["openDuplicate"]>[1]) =>
      ledger
        .listByFiler("telegram:42", 20)
        .find(
          (row) =>
            OPEN_STATUSES.includes(row.status as CaseStatus) &&
            row.divisionCode === facts.divisionCode &&
            row.amountYuan === facts.amountYuan &&
            (same(row.employer, facts.employer) || same(row.project, facts.project)),
        );
    let found = 0;
    for (const divisionCode of divisions)
      for (const amountYuan of amounts)
        for (const employer of employers)
          for (const project of projects) {
            const facts = { divisionCode, amountYuan, employer, project };
            const want = expected(facts);
            const got = ledger.openDuplicate("telegram:42", facts);
            expect(got && { id: got.id, status: got.status }).toEqual(want && { id: want.id, status: want.status });
            if (want) found++;
          }
    expect(found).toBeGreaterThan(10);
    expect(ledger.openDuplicate("telegram:44", { divisionCode: null, amountYuan: null, employer: "宏达劳务", project: null })).toBeUndefined();
  });
});

describe("officer actions and the outbox", () => {
  it("records the action, tells the worker in their language, and retries a failed delivery", async () => {
    insertCase("BBBBBBBBB");
    const actions = new CaseActions(store, ledger, outbox, calendar, () => now);
    actions.setStatus({ caseId: "BBBBBBBBB", status: "accepted", by: "张三", channel: "cli", noteForWorker: "Officer Zhang will call you." });
    const events = ledger.events("BBBBBBBBB");
    expect(events.at(-1)).toMatchObject({ type: "status_changed", actor: "officer:张三", channel: "cli" });
    expect(ledger.find("BBBBBBBBB")?.status).toBe("accepted");

    const sent: string[] = [];
    let failNext = true;
    const dispatcher = new OutboxDispatcher(outbox, "telegram", async (_row, text) => {
      if (failNext) {
        failNext = false;
        throw new Error("network down");
      }
      sent.push(text);
    }, () => now);
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(await dispatcher.drainOnce()).toBe(0); // backoff: not due yet
    now += 60_000;
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(sent).toEqual(["Your complaint BBB-BBB-BBB has news: accepted, an officer is in charge. Officer Zhang will call you."]);
    expect(await dispatcher.drainOnce()).toBe(0);
  });

  it("parks a message the channel can never deliver, and refuses an unknown case", async () => {
    insertCase("CCCCCCCCC");
    const actions = new CaseActions(store, ledger, outbox, calendar, () => now);
    actions.setStatus({ caseId: "CCCCCCCCC", status: "handling", by: "李四", channel: "cli" });
    const dispatcher = new OutboxDispatcher(outbox, "telegram", async () => {
      throw new PermanentDeliveryError("bot was blocked by the user");
    }, () => now);
    await dispatcher.drainOnce();
    now += 24 * 3600_000;
    expect(outbox.due("telegram", now)).toHaveLength(0);
    // It does not pass for told: on the case's record, and the desk is asked to reach the worker.
    expect(ledger.events("CCCCCCCCC").at(-1)).toMatchObject({ type: "notice_undelivered", data: { messageKey: "notify.statusChanged", error: "bot was blocked by the user" } });
    const [alert] = outbox.due("desk", now);
    expect(alert).toMatchObject({ recipientKey: "case:CCCCCCCCC", messageKey: "desk.noticeUndelivered" });
    expect(renderNotification(alert!)).toContain("给工人的进展通知没有送达（CCC-CCC-CCC）：bot was blocked by the user");
    expect(() => actions.setStatus({ caseId: "DDDDDDDDD", status: "handling", by: "x", channel: "cli" })).toThrow(CaseNotFoundError);
  });

  it("renders a queued message in the recipient's language", () => {
    insertCase("EEEEEEEEE");
    outbox.enqueue({ caseId: "EEEEEEEEE", channel: "telegram", recipientKey: "telegram:42", locale: "zh-CN", messageKey: "notify.statusChanged", params: { id: "EEE", statusKey: "caseStatus.resolved", note: "" } }, now);
    const [row] = outbox.due("telegram", now);
    expect(renderNotification(row!)).toBe("您的投诉 EEE 有新进展：已办结。");
  });
});
