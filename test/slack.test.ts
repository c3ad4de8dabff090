// The officers' Slack app end to end: real Bolt over HTTP, a Web API stand-in on 127.0.0.1, cases filed
// through the real dialog engine on a temporary SQLite file.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { asc, eq } from "drizzle-orm";
import { createSlackApp, type SlackChannel } from "../src/channels/slack/index.js";
import { outbox, slackTickets } from "../src/db/schema.js";
import { formatCaseId, newCaseId } from "../src/cases/case-id.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { FORM, SlackRequests, type ClickOptions } from "./helpers/slack-requests.js";
import { blockAction, commandBody, interactivityBody, sendToBolt, SlackStandIn, waitFor } from "./helpers/slack-stand-in.js";

const SECRET = "test-signing-secret";
const HONGQI = "U0HONGQI"; // officer of 红旗区 410702
const HUOJIA = "U0HUOJIA"; // officer of 获嘉县 410724 (another county of the same city)
const CITY = "U0XINXIANG"; // leader of 新乡市 410700

let t: TestApp;
let api: SlackStandIn;
let slack: SlackChannel;
let port: number;
const requests = new SlackRequests(() => ({ app: t.app, port }), SECRET);

function fileCase(user: string, text: string): string {
  const worker = new Worker(t.app, user);
  worker.says(text);
  worker.presses("confirm");
  const row = t.app.ledger.listByFiler(`local:${user}`)[0];
  if (!row) throw new Error(`no case logged: ${worker.heard}`);
  return row.id;
}

const MAJOR = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组40个人工资一共80万，电话13812345678";
const ORDINARY = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";

function deskTicket(caseId: string) {
  return requests.deskTicket(caseId);
}

async function click(user: string, actionId: string, caseId: string, extra: ClickOptions = {}) {
  return requests.click(user, actionId, caseId, extra);
}

async function submit(user: string, modal: string, caseId: string, values: Record<string, string | { selected: string }>) {
  return requests.submit(user, modal, caseId, values);
}

function statusEvents(caseId: string, to: string) {
  return t.app.ledger.events(caseId).filter((e) => e.type === "status_changed" && (e.data as { to?: string }).to === to);
}

function workerMessages(caseId: string) {
  return t.app.store.db.select().from(outbox).where(eq(outbox.caseId, caseId)).orderBy(asc(outbox.id)).all();
}

/** Waits until the handler (which runs after the HTTP ack) has updated the ticket. */
async function updatesAfter(count: number) {
  return waitFor(() => api.of("chat.update").length > count && api.of("chat.update"));
}

beforeAll(async () => {
  t = makeTestApp();
  api = new SlackStandIn();
  await api.start();
  slack = createSlackApp(t.app, { token: "xoxb-test", signingSecret: SECRET, port: 0, slackApiUrl: api.url, retries: 0 });
  port = (await slack.start())!;
  slack.desk.registry.add({ slackUserId: HONGQI, divisionCode: "410702", role: "officer" });
  slack.desk.registry.add({ slackUserId: HUOJIA, divisionCode: "410724", role: "officer" });
  slack.desk.registry.add({ slackUserId: CITY, divisionCode: "410700", role: "leader" });
});

afterAll(async () => {
  await slack?.stop();
  await api?.stop();
  t?.cleanup();
});

describe("tickets", () => {
  test("a major case is posted to its county desk and the city channel, once, with the phone masked", async () => {
    const id = fileCase("major1", MAJOR);
    const before = api.of("chat.postMessage").length;
    expect(await slack.tickets.postPending()).toBeGreaterThanOrEqual(1);
    expect(await slack.tickets.postPending()).toBe(0); // nothing posted twice
    const posts = api.of("chat.postMessage").slice(before).filter((c) => JSON.stringify(c.args).includes("80,000") || JSON.stringify(c.args).includes("800,000"));
    expect(posts.map((p) => p.args.channel).sort()).toEqual(["#arrears-xinxiang", "#arrears-xinxiang-hongqi"]);
    const text = JSON.stringify(posts[0]!.args.blocks);
    expect(text).toContain("138****5678");
    expect(text).not.toContain("13812345678");
    expect(text).toContain("刘建国");
    expect(text).toContain("arrears_accept");
    const rows = t.app.store.db.select().from(slackTickets).where(eq(slackTickets.caseId, id)).all();
    expect(rows.map((r) => [r.kind, r.channel]).sort()).toEqual([
      ["city", "C_ARREARS_XINXIANG"],
      ["desk", "C_ARREARS_XINXIANG_HONGQI"],
    ]);
  });
});

describe("request verification", () => {
  test("unsigned, wrongly signed and stale requests are rejected and change nothing", async () => {
    const id = fileCase("verify1", ORDINARY);
    await slack.tickets.postTicket(id);
    const ticket = deskTicket(id);
    const body = interactivityBody(blockAction({ user: HONGQI, actionId: "arrears_accept", value: id, channel: ticket.channel, ts: ticket.ts, actionTs: "1.1" }));
    const eventsBefore = t.app.ledger.events(id).length;
    expect((await sendToBolt(port, body, FORM, { secret: null })).status).toBe(401);
    expect((await sendToBolt(port, body, FORM, { secret: "wrong-secret" })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await sendToBolt(port, body, FORM, { secret: SECRET, timestamp: stale })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.app.ledger.find(id)!.status).toBe("logged");
    expect(t.app.ledger.events(id).length).toBe(eventsBefore);
    expect(workerMessages(id)).toHaveLength(0);
  });
});

describe("actions", () => {
  test("accept: ledger event with the officer's Slack identity, ticket updated, worker notified; double click recorded once", async () => {
    const id = fileCase("accept1", ORDINARY);
    await slack.tickets.postTicket(id);
    const updates = api.of("chat.update").length;
    const first = await click(HONGQI, "arrears_accept", id, { actionTs: "1700000000.000001" });
    expect(first.status).toBe(200);
    await updatesAfter(updates);
    // The same delivery retried by Slack, and a second click on the button.
    await click(HONGQI, "arrears_accept", id, { actionTs: "1700000000.000001", retryNum: 1 });
    await click(HONGQI, "arrears_accept", id, { actionTs: "1700000000.000002" });
    await waitFor(() => api.of("chat.postEphemeral").some((c) => c.args.user === HONGQI && String(c.args.text).includes(HONGQI)));
    const accepted = statusEvents(id, "accepted");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.actor).toBe(`officer:slack:${HONGQI}`);
    expect(accepted[0]!.channel).toBe("slack");
    expect(t.app.ledger.find(id)!.status).toBe("accepted");
    const update = api.of("chat.update").find((c) => c.args.ts === deskTicket(id).ts)!;
    expect(JSON.stringify(update.args.blocks)).toContain(`<@${HONGQI}>`);
    const messages = workerMessages(id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.recipientKey).toBe("local:accept1");
  });

  test("an officer of another county is refused with an ephemeral message and nothing changes", async () => {
    const id = fileCase("refuse1", ORDINARY);
    await slack.tickets.postTicket(id);
    const ephemerals = api.of("chat.postEphemeral").length;
    await click(HUOJIA, "arrears_accept", id);
    const refusal = await waitFor(() => api.of("chat.postEphemeral").slice(ephemerals).find((c) => c.args.user === HUOJIA));
    expect(String(refusal.args.text)).toContain("权限");
    expect(t.app.ledger.find(id)!.status).toBe("logged");
    expect(statusEvents(id, "accepted")).toHaveLength(0);
    expect(workerMessages(id)).toHaveLength(0);
    // Not registered at all: refused too.
    await click("U0STRANGER", "arrears_accept", id);
    await waitFor(() => api.of("chat.postEphemeral").some((c) => c.args.user === "U0STRANGER"));
    expect(t.app.ledger.find(id)!.status).toBe("logged");
  });

  test("a city leader may act on a county case; handling record and resolve reach the ledger and the worker", async () => {
    const id = fileCase("resolve1", ORDINARY);
    await slack.tickets.postTicket(id);
    let updates = api.of("chat.update").length;
    await click(CITY, "arrears_accept", id);
    await updatesAfter(updates);
    updates = api.of("chat.update").length;
    await click(CITY, "arrears_record", id, { selected: `${id}|police` });
    await updatesAfter(updates);
    const handling = statusEvents(id, "handling");
    expect(handling).toHaveLength(1);
    expect((handling[0]!.data as { note?: string }).note).toBe("record:police");
    // Resolve opens a modal; the submission records it.
    const opened = api.of("views.open").length;
    await click(CITY, "arrears_resolve", id);
    const view = await waitFor(() => api.of("views.open")[opened]);
    expect((view.args.view as { callback_id: string }).callback_id).toBe("arrears_modal_resolve");
    updates = api.of("chat.update").length;
    expect((await submit(CITY, "resolve", id, { recovered: "236000", workers: "12" })).status).toBe(200);
    await updatesAfter(updates);
    expect(t.app.ledger.find(id)!.status).toBe("resolved");
    const notes = workerMessages(id).map((m) => String((m.params as { note?: string }).note));
    expect(notes).toHaveLength(3);
    expect(notes[1]).toContain("移送公安");
    expect(notes[2]).toContain("236,000");
  });

  test("not arrears: the worker is told where to go", async () => {
    const id = fileCase("refer1", ORDINARY);
    await slack.tickets.postTicket(id);
    const updates = api.of("chat.update").length;
    await submit(HONGQI, "notArrears", id, { category: { selected: "project_payment" }, remedy: "请向新乡市住建局反映工程款问题" });
    await updatesAfter(updates);
    expect(t.app.ledger.find(id)!.status).toBe("referred");
    const note = String((workerMessages(id)[0]!.params as { note: string }).note);
    expect(note).toContain("工程款纠纷");
    expect(note).toContain("住建局");
  });

  test("transfer: the ticket moves to the new desk, the old one shows where it went, the new desk may act", async () => {
    const id = fileCase("transfer1", ORDINARY);
    await slack.tickets.postTicket(id);
    const oldTicket = deskTicket(id);
    // A wrong division code is refused inside the modal.
    const bad = await submit(HONGQI, "transfer", id, { division: "999999", reason: "x" });
    expect(bad.text).toContain("errors");
    expect(t.app.ledger.find(id)!.status).toBe("logged");
    const posts = api.of("chat.postMessage").length;
    await submit(HONGQI, "transfer", id, { division: "410724", reason: "工地实际在获嘉县" });
    await waitFor(() => api.of("chat.postMessage").length > posts);
    await waitFor(() => t.app.store.db.select().from(slackTickets).where(eq(slackTickets.caseId, id)).all().some((r) => r.kind === "desk" && r.divisionCode === "410724"));
    const row = t.app.ledger.find(id)!;
    expect(row.status).toBe("transferred");
    expect(row.jurisdictionCode).toBe("410724");
    expect(t.app.ledger.events(id).some((e) => e.type === "jurisdiction_changed")).toBe(true);
    // 获嘉县 has no channel of its own: it inherits 新乡市's.
    // (Other posts may come between: notes about the group the earlier complaints of this file form.)
    const newTicket = api.of("chat.postMessage").slice(posts).find((p) => p.args.thread_ts === undefined && String(p.args.text).includes(formatCaseId(id)));
    expect(newTicket?.args.channel).toBe("#arrears-xinxiang");
    const moved = await waitFor(() => api.of("chat.update").find((c) => c.args.ts === oldTicket.ts && JSON.stringify(c.args.blocks).includes("获嘉县")));
    expect(JSON.stringify(moved.args.blocks)).not.toContain("arrears_accept");
    expect(String((workerMessages(id)[0]!.params as { note: string }).note)).toContain("获嘉县");
    // Now the 获嘉县 officer may accept it, and the 红旗区 officer no longer may.
    const updates = api.of("chat.update").length;
    await click(HUOJIA, "arrears_accept", id);
    await updatesAfter(updates);
    expect(statusEvents(id, "accepted")[0]!.actor).toBe(`officer:slack:${HUOJIA}`);
  });
});

describe("slash commands", () => {
  test("/case shows the case with its history to an entitled officer only; /cases lists open cases", async () => {
    const id = fileCase("cmd1", ORDINARY);
    const own = await sendToBolt(port, commandBody("/case", id, HONGQI), FORM, { secret: SECRET });
    expect(own.status).toBe(200);
    expect(own.text).toContain("处理记录");
    // In words: the event and who, not codes.
    expect(own.text).toContain("登记投诉 — 工人");
    expect(own.text).not.toContain("worker:local:cmd1");
    expect(own.text).toContain("刘建国");
    const other = await sendToBolt(port, commandBody("/case", id, HUOJIA), FORM, { secret: SECRET });
    expect(other.text).not.toContain("刘建国");
    // Another county's case answers exactly as an ID that does not exist (with a valid check character).
    let unknown = newCaseId();
    while (unknown === id) unknown = newCaseId();
    const none = await sendToBolt(port, commandBody("/case", unknown, HUOJIA), FORM, { secret: SECRET });
    expect(other.text.replace(formatCaseId(id), "ID")).toBe(none.text.replace(formatCaseId(unknown), "ID"));
    expect(none.text).toContain("您的辖区内没有案件");
    const list = await sendToBolt(port, commandBody("/cases", "", HONGQI), FORM, { secret: SECRET });
    expect(list.text).toContain(id.slice(0, 3));
  });
});
