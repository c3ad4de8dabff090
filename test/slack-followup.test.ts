// The desk's side of deadlines and questions in Slack, end to end: real Bolt over HTTP with signed
// requests, the Web API stand-in on 127.0.0.1, the worker through the real dialog engine on Telegram.
//   需补充: button → modal → the worker gets the question → answers in free text → the answer is posted
//   in the ticket's thread; 回头看: resolve → N days → the worker says "not paid" → reopened, the desk told
//   in the thread, the ticket refreshed; escalation posted to the city's channel; /cases overdue.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSlackApp, type SlackChannel } from "../src/channels/slack/index.js";
import { outbox } from "../src/db/schema.js";
import { Scheduler } from "../src/scheduler/scheduler.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { FORM, SlackRequests } from "./helpers/slack-requests.js";
import { commandBody, sendToBolt, SlackStandIn, waitFor } from "./helpers/slack-stand-in.js";

const SECRET = "test-signing-secret";
const OFFICER = "U0HONGQI"; // 红旗区 410702
const ORDINARY = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";
const cst = (local: string) => Date.parse(`${local}+08:00`);

let t: TestApp;
let api: SlackStandIn;
let slack: SlackChannel;
let port: number;
let scheduler: Scheduler;
const requests = new SlackRequests(() => ({ app: t.app, port }), SECRET);

function fileOnTelegram(user: string): { id: string; worker: Worker } {
  const worker = new Worker(t.app, user, "telegram");
  worker.says(ORDINARY);
  worker.presses("confirm");
  const row = t.app.ledger.listByFiler(`telegram:${user}`)[0];
  if (!row) throw new Error(`no case: ${worker.heard}`);
  return { id: row.id, worker };
}

function deskTicket(caseId: string) {
  return requests.deskTicket(caseId);
}

async function click(actionId: string, caseId: string) {
  return requests.click(OFFICER, actionId, caseId);
}

async function submit(modal: string, caseId: string, values: Record<string, string>) {
  return requests.submit(OFFICER, modal, caseId, values);
}

/** Posts in the ticket's thread (chat.postMessage with its thread_ts). */
function threadPosts(caseId: string): string[] {
  const ticket = deskTicket(caseId);
  return api
    .of("chat.postMessage")
    .filter((c) => c.args.thread_ts === ticket.ts && c.args.channel === ticket.channel)
    .map((c) => String(c.args.text));
}

function updatesOf(caseId: string) {
  const ticket = deskTicket(caseId);
  return api.of("chat.update").filter((c) => c.args.ts === ticket.ts);
}

beforeAll(async () => {
  t = makeTestApp();
  t.clock.current = cst("2026-11-23T10:00"); // Monday
  api = new SlackStandIn();
  await api.start();
  // The desk outbox is drained by the test (deskPollMs 0) so that each step is deterministic.
  slack = createSlackApp(t.app, { token: "xoxb-test", signingSecret: SECRET, port: 0, slackApiUrl: api.url, retries: 0, deskPollMs: 0 });
  port = (await slack.start())!;
  slack.desk.registry.add({ slackUserId: OFFICER, divisionCode: "410702", role: "officer" });
  scheduler = new Scheduler(t.app, { log: () => {} });
});

afterAll(async () => {
  await slack?.stop();
  await api?.stop();
  t?.cleanup();
});

describe("需补充: ask the worker from Slack", () => {
  test("button → modal → question to the worker → free-text answer posted in the ticket's thread", async () => {
    const { id, worker } = fileOnTelegram("ask1");
    await slack.tickets.postTicket(id);
    let updates = updatesOf(id).length;
    await click("arrears_accept", id);
    const accepted = await waitFor(() => updatesOf(id).length > updates && updatesOf(id).at(-1));
    // The accepted ticket offers 需补充.
    expect(JSON.stringify(accepted.args.blocks)).toContain("arrears_askWorker");

    const opened = api.of("views.open").length;
    await click("arrears_askWorker", id);
    const view = await waitFor(() => api.of("views.open")[opened]);
    expect((view.args.view as { callback_id: string }).callback_id).toBe("arrears_modal_askWorker");
    // An empty question is refused inside the modal.
    expect((await submit("askWorker", id, { question: "  " })).text).toContain("errors");
    expect(t.app.ledger.find(id)!.status).toBe("accepted");

    updates = updatesOf(id).length;
    expect((await submit("askWorker", id, { question: "工地是哪个门进？请说一下项目部电话" })).status).toBe(200);
    const asked = await waitFor(() => updatesOf(id).length > updates && updatesOf(id).at(-1));
    expect(t.app.ledger.find(id)!.status).toBe("awaiting_worker");
    expect(JSON.stringify(asked.args.blocks)).toContain("状态：待工人补充");
    const question = t.app.ledger.events(id).find((e) => e.type === "question_asked")!;
    expect(question).toMatchObject({ actor: `officer:slack:${OFFICER}`, channel: "slack" });
    const toWorker = t.app.store.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.caseId, id), eq(outbox.messageKey, "notify.question")))
      .all();
    expect(toWorker).toHaveLength(1);
    expect(toWorker[0]).toMatchObject({ channel: "telegram", recipientKey: "telegram:ask1" });
    expect((toWorker[0]!.params as { question: string }).question).toContain("哪个门");

    // The question reaches the worker's phone (as the Telegram dispatcher marks it); they answer with free text.
    t.app.outbox.markDelivered(toWorker[0]!.id, t.app.clock.now());
    worker.says("从东门进，项目部电话0373-5551234");
    // Back to the status the question found (accepted): answering is no step of the officer's.
    expect(t.app.ledger.find(id)!.status).toBe("accepted");
    updates = updatesOf(id).length;
    await slack.deskDelivery.dispatcher.drainOnce();
    const thread = threadPosts(id);
    expect(thread.some((text) => text.includes("哪个门") && text.includes(OFFICER))).toBe(true); // the question, for the record
    // Phone numbers in the worker's words are masked in the officers' channel, as everywhere there.
    expect(thread.some((text) => text.includes("从东门进，项目部电话037****1234"))).toBe(true);
    expect(thread.some((text) => text.includes("5551234"))).toBe(false);
    // …and the ticket shows the case back where the question found it, waiting on the desk again.
    expect(updatesOf(id).length).toBeGreaterThan(updates);
    expect(JSON.stringify(updatesOf(id).at(-1)!.args.blocks)).toContain("状态：已受理");
    // Delivered once.
    expect(await slack.deskDelivery.dispatcher.drainOnce()).toBe(0);
  });
});

describe("回头看 and deadlines in Slack", () => {
  test("resolve → follow-up after 7 days → 'not paid' reopens the case and tells the desk in the thread", async () => {
    const { id, worker } = fileOnTelegram("paid1");
    await slack.tickets.postTicket(id);
    let updates = updatesOf(id).length;
    await click("arrears_accept", id);
    await waitFor(() => updatesOf(id).length > updates);
    updates = updatesOf(id).length;
    await submit("resolve", id, { recovered: "236000", workers: "12" });
    await waitFor(() => updatesOf(id).length > updates);
    expect(t.app.ledger.find(id)!.status).toBe("resolved");

    const resolvedAt = t.clock.current;
    t.clock.current = resolvedAt + 7 * 86_400_000;
    expect(scheduler.tick().followUps).toBe(1);
    const asked = t.app.store.db.select().from(outbox).where(and(eq(outbox.caseId, id), eq(outbox.messageKey, "followUp.question"))).all();
    expect(asked.map((r) => r.recipientKey)).toEqual(["telegram:paid1"]);

    worker.presses(`followup:${id}:unpaid`);
    expect(t.app.ledger.find(id)!.status).toBe("reopened");
    expect(t.app.ledger.events(id).filter((e) => e.type === "follow_up_unpaid")).toHaveLength(1);
    updates = updatesOf(id).length;
    await slack.deskDelivery.dispatcher.drainOnce();
    expect(threadPosts(id).some((text) => text.includes("钱没有收到"))).toBe(true);
    const refreshed = updatesOf(id).slice(updates);
    expect(refreshed.length).toBeGreaterThan(0);
    expect(JSON.stringify(refreshed.at(-1)!.args.blocks)).toContain("状态：重新办理");
    expect(JSON.stringify(refreshed.at(-1)!.args.blocks)).toContain("arrears_accept");
  });

  test("a missed deadline: reminder in the thread, escalation in the city's channel, listed by /cases overdue", async () => {
    t.clock.current = cst("2026-12-07T10:00"); // Monday
    const { id } = fileOnTelegram("late1");
    await slack.tickets.postTicket(id);
    scheduler.tick();
    t.clock.current = cst("2026-12-07T18:30"); // the reminder, before the deadline
    scheduler.tick();
    t.clock.current = cst("2026-12-08T00:30"); // the same-day classification was missed
    // (Other cases of this file are overdue by now too: only this case's messages are looked at.)
    scheduler.tick();
    const posts = api.of("chat.postMessage").length;
    await slack.deskDelivery.dispatcher.drainOnce();
    const display = `${id.slice(0, 3)}-${id.slice(3, 6)}-${id.slice(6)}`;
    const newPosts = api.of("chat.postMessage").slice(posts);
    const city = newPosts.filter((c) => c.args.channel === "#arrears-xinxiang" && c.args.thread_ts === undefined && String(c.args.text).includes(display));
    // One escalation per missed deadline (the three complaints about 刘建国 make a major group by now,
    // so the major case's same-day facts are missed too).
    expect(city.filter((c) => String(c.args.text).includes("当日核查分类"))).toHaveLength(1);
    expect(threadPosts(id).some((text) => text.includes("期限提醒"))).toBe(true);
    expect(threadPosts(id).some((text) => text.includes("已上报") && text.includes("新乡市"))).toBe(true);

    const list = await sendToBolt(port, commandBody("/cases", "overdue", OFFICER), FORM, { secret: SECRET });
    expect(list.text).toContain(display);
    expect(list.text).toContain("当日核查分类");
  });
});
