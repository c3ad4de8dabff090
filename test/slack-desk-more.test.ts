// More of the officers' Slack desk end to end (real Bolt over HTTP, signed requests, the Web API stand-in
// on 127.0.0.1, cases filed through the real dialog engine on a temporary SQLite file):
//   reopen from Slack with a reason (the worker told in English); a case the routing could not place goes
//   to the configured triage channel and only leaders may act on it; a collective group on tickets and
//   its escalation delivered into the city channel; /cases mine and /cases overdue.
import { createServer } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatCaseId, newCaseId } from "../src/cases/case-id.js";
import { caseView } from "../src/cases/case-view.js";
import { renderNotification } from "../src/cases/notifications.js";
import type { OutboxRow } from "../src/cases/outbox.js";
import { createSlackApp, startSlack, type SlackChannel } from "../src/channels/slack/index.js";
import { DISCOVER_SQL } from "../src/channels/slack/tickets.js";
import { outbox, slackTickets } from "../src/db/schema.js";
import { NoTwinClaimError } from "../src/groups/groups.js";
import { OfficerRegistry } from "../src/officers/registry.js";
import { deliverWorkerNotices, makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { SlackRequests } from "./helpers/slack-requests.js";
import { SlackStandIn, waitFor } from "./helpers/slack-stand-in.js";

const SECRET = "test-signing-secret";
const HONGQI = "U0HONGQI"; // officer of 红旗区 410702
const HUOJIA = "U0HUOJIA"; // officer of 获嘉县 410724
const CITY = "U0XINXIANG"; // leader of 新乡市 410700
const CITY_OFFICER = "U0XXOFFICER"; // officer (not leader) of 新乡市 410700
const ORDINARY = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";
const cst = (local: string) => Date.parse(`${local}+08:00`);

/** One desk: a test app, the Web API stand-in, the Slack app on a free port, the registered officers. */
interface Desk {
  t: TestApp;
  api: SlackStandIn;
  slack: SlackChannel;
  port: number;
  requests: SlackRequests;
}

async function openDesk(): Promise<Desk> {
  const t = makeTestApp();
  t.clock.current = cst("2026-11-23T10:00"); // a Monday
  const api = new SlackStandIn();
  await api.start();
  // The desk outbox is drained by the test (deskPollMs 0), so each step is deterministic.
  const slack = createSlackApp(t.app, { token: "xoxb-test", signingSecret: SECRET, port: 0, slackApiUrl: api.url, retries: 0, deskPollMs: 0 });
  const desk: Desk = { t, api, slack, port: 0, requests: new SlackRequests(() => ({ app: t.app, port: desk.port }), SECRET) };
  desk.port = (await slack.start())!;
  slack.desk.registry.add({ slackUserId: HONGQI, divisionCode: "410702", role: "officer" });
  slack.desk.registry.add({ slackUserId: HUOJIA, divisionCode: "410724", role: "officer" });
  slack.desk.registry.add({ slackUserId: CITY, divisionCode: "410700", role: "leader" });
  return desk;
}

async function closeDesk(desk: Desk | undefined): Promise<void> {
  await desk?.slack.stop();
  await desk?.api.stop();
  desk?.t.cleanup();
}

let users = 0;
/** Files a complaint through the dialog engine, answering what it asks from `answers`. */
function file(app: TestApp["app"], text: string, answers: Record<string, string> = {}, channel = "local", user = `w${users++}`): string {
  return new Worker(app, user, channel).files(text, answers);
}

function updatesOf(desk: Desk, caseId: string) {
  const ticket = desk.requests.deskTicket(caseId);
  return desk.api.of("chat.update").filter((c) => c.args.ts === ticket.ts && c.args.channel === ticket.channel);
}

/** Waits until the handler (which runs after the HTTP ack) has updated the case's desk ticket again. */
async function nextUpdate(desk: Desk, caseId: string, before: number) {
  return waitFor(() => updatesOf(desk, caseId).length > before && updatesOf(desk, caseId).at(-1));
}

function statusEvents(desk: Desk, caseId: string, to: string) {
  return desk.t.app.ledger.events(caseId).filter((e) => e.type === "status_changed" && (e.data as { to?: string }).to === to);
}

// ---------------------------------------------------------------------------------------------------

describe("reopen from Slack", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("the reopen modal with a reason: status reopened, ledger event by the officer, ticket updated, the worker told in English", async () => {
    const { t, api, requests } = desk;
    // The worker files on Telegram in English.
    const worker = new Worker(t.app, "en1", "telegram");
    worker.says("/lang en");
    worker.says(ORDINARY);
    const id = worker.presses("confirm").caseId!;
    expect(id).toBeTruthy();
    expect(t.app.ledger.find(id)).toMatchObject({ locale: "en", channel: "telegram", filerKey: "telegram:en1" });
    await desk.slack.tickets.postTicket(id);

    let before = updatesOf(desk, id).length;
    await requests.click(HONGQI, "arrears_accept", id);
    await nextUpdate(desk, id, before);
    before = updatesOf(desk, id).length;
    await requests.submit(HONGQI, "resolve", id, { recovered: "236000", workers: "12" });
    const resolved = await nextUpdate(desk, id, before);
    expect(t.app.ledger.find(id)!.status).toBe("resolved");
    // A resolved ticket offers 重新办理 and nothing else.
    expect(JSON.stringify(resolved.args.blocks)).toContain("arrears_reopen");
    expect(JSON.stringify(resolved.args.blocks)).not.toContain("arrears_accept");

    // The button opens the reopen modal, which asks for a reason.
    const opened = api.of("views.open").length;
    await requests.click(HONGQI, "arrears_reopen", id);
    const view = (await waitFor(() => api.of("views.open")[opened])).args.view as { callback_id: string; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe("arrears_modal_reopen");
    expect(view.blocks.map((b) => b.block_id)).toEqual(["reason"]);

    // An officer of another county may not reopen it: refused inside the modal, nothing changes.
    const refused = await requests.submit(HUOJIA, "reopen", id, { reason: "x" });
    expect(refused.text).toContain("errors");
    expect(t.app.ledger.find(id)!.status).toBe("resolved");

    before = updatesOf(desk, id).length;
    const reason = "工人反映只收到一半工资";
    expect((await requests.submit(HONGQI, "reopen", id, { reason })).status).toBe(200);
    const reopenedTicket = await nextUpdate(desk, id, before);
    expect(t.app.ledger.find(id)!.status).toBe("reopened");

    const reopened = statusEvents(desk, id, "reopened");
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ actor: `officer:slack:${HONGQI}`, channel: "slack", data: { from: "resolved", to: "reopened", note: reason } });

    // The ticket was updated in place (same channel and ts), shows the new status and the buttons again.
    const ticket = requests.deskTicket(id);
    expect(reopenedTicket.args).toMatchObject({ channel: ticket.channel, ts: ticket.ts });
    expect(String(reopenedTicket.args.text)).toContain("· 重新办理");
    expect(JSON.stringify(reopenedTicket.args.blocks)).toContain("arrears_accept");
    expect(JSON.stringify(reopenedTicket.args.blocks)).not.toContain("arrears_reopen");

    // The worker is told on their channel, in their language.
    const rows = t.app.store.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.caseId, id), eq(outbox.messageKey, "notify.statusChanged")))
      .all()
      .filter((r) => (r.params as { statusKey?: string }).statusKey === "caseStatus.reopened");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "telegram", recipientKey: "telegram:en1", locale: "en" });
    const text = renderNotification(rows[0] as OutboxRow);
    expect(text).toContain(formatCaseId(id));
    expect(text).toContain("reopened");
    expect(text).toContain("Your complaint is being handled again.");
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

// ---------------------------------------------------------------------------------------------------

describe("a case the routing could not place", () => {
  const TRIAGE = "#arrears-unplaced";
  let t: TestApp;
  let api: SlackStandIn;
  let started: Awaited<ReturnType<typeof startSlack>>;
  let requests: SlackRequests;

  async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  beforeAll(async () => {
    api = new SlackStandIn();
    await api.start();
    // The Slack app as `npm start` runs it: configured from the environment, the ticket loop running.
    t = makeTestApp({
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.url,
      SLACK_TRIAGE_CHANNEL: TRIAGE,
      PORT: String(await freePort()),
    });
    const registry = new OfficerRegistry(t.app.store.db, t.app.gazetteer, () => t.app.clock.now());
    registry.add({ slackUserId: HONGQI, divisionCode: "410702", role: "officer" });
    registry.add({ slackUserId: CITY_OFFICER, divisionCode: "410700", role: "officer" });
    registry.add({ slackUserId: CITY, divisionCode: "410700", role: "leader" });
    started = await startSlack(t.app, { pollMs: 50, log: () => {} });
    requests = new SlackRequests(() => ({ app: t.app, port: started!.port! }), SECRET);
  });
  afterAll(async () => {
    await started?.stop();
    await api?.stop();
    t?.cleanup();
  });

  test("goes to the configured triage channel, and only a leader may act on it", async () => {
    expect(started?.port).toBeGreaterThan(0);
    const now = t.app.clock.now();
    const id = newCaseId();
    t.app.ledger.insertCase({
      id,
      createdAt: now,
      updatedAt: now,
      status: "logged",
      channel: "local",
      filerKey: "local:nowhere1",
      accessCodeHash: "x",
      locale: "zh-CN",
      project: null,
      employer: "张老板",
      amountYuan: 8000,
      headcountMin: 1,
      headcountMax: 1,
      placeText: "外地工地",
      divisionCode: null,
      divisionName: null,
      sector: null,
      projectKind: null,
      ownership: null,
      phone: null,
      since: null,
      narrative: "张老板欠我工资8000元",
      category: "wage_arrears",
      isArrears: true,
      reasons: [],
      route: {},
      jurisdictionCode: null,
      collective: false,
      major: false,
      dueAt: null,
    });

    // The ticket loop posts it, to the triage channel of the configuration.
    const post = await waitFor(() => api.of("chat.postMessage").find((c) => String(c.args.text).includes(formatCaseId(id))));
    expect(post.args.channel).toBe(TRIAGE);
    // The API call is seen before its answer is recorded: wait for the ticket row.
    const rows = await waitFor(() => {
      const found = t.app.store.db.select().from(slackTickets).where(eq(slackTickets.caseId, id)).all();
      return found.length > 0 ? found : undefined;
    });
    expect(rows.map((r) => [r.kind, r.channel, r.divisionCode])).toEqual([["desk", SlackStandIn.channelId(TRIAGE), null]]);

    // A county officer and a city officer (not a leader) are refused; nothing changes.
    for (const user of [HONGQI, CITY_OFFICER]) {
      const before = api.of("chat.postEphemeral").length;
      await requests.click(user, "arrears_accept", id);
      const refusal = await waitFor(() => api.of("chat.postEphemeral").slice(before).find((c) => c.args.user === user));
      expect(String(refusal.args.text)).toContain("权限");
    }
    const refusedModal = await requests.submit(CITY_OFFICER, "transfer", id, { division: "410702", reason: "红旗区的" });
    expect(refusedModal.text).toContain("errors");
    expect(t.app.ledger.find(id)).toMatchObject({ status: "logged", jurisdictionCode: null });
    expect(statusEvents({ t } as Desk, id, "accepted")).toHaveLength(0);
    expect((await requests.command("/case", id, HONGQI)).text).toContain("您的辖区内没有案件");

    // A leader may.
    const updates = api.of("chat.update").length;
    await requests.click(CITY, "arrears_accept", id);
    // The ticket loop may update other tickets meanwhile: wait for this case's acceptance, then its ticket.
    await waitFor(() => statusEvents({ t } as Desk, id, "accepted").length > 0);
    await waitFor(() => api.of("chat.update").slice(updates).some((c) => JSON.stringify(c.args.blocks ?? "").includes(formatCaseId(id))));
    const accepted = statusEvents({ t } as Desk, id, "accepted");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.actor).toBe(`officer:slack:${CITY}`);
    expect(t.app.ledger.find(id)!.status).toBe("accepted");
    expect((await requests.command("/case", id, CITY)).text).toContain("张老板");
  });
});

// ---------------------------------------------------------------------------------------------------

describe("a collective group on tickets", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("three complaints about 宏达劳务 in 红旗区: the group line on every ticket, the escalation in the city channel", async () => {
    const { t, api, slack } = desk;
    const answers = (employer: string, project: string) => ({ employer, project });
    // Each ticket is posted as the complaint comes in, as the ticket loop does.
    const a = file(t.app, "我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们8个人工资一共5万", answers("宏达劳务", "碧桂园凤凰城三期"));
    expect(await slack.tickets.postPending()).toBe(1);
    expect(t.app.ledger.find(a)!.groupId).toBeNull();
    const b = file(t.app, "新乡市红旗区凤凰城三期工地，宏达劳务有限公司拖欠我们班组9个人工资12万", answers("宏达劳务有限公司", "凤凰城三期"));
    expect(await slack.tickets.postPending()).toBe(1);
    const c = file(t.app, "我们在新乡市红旗区干活，新乡宏达劳务欠了我们15个人的工资20万", answers("新乡宏达劳务", "人民医院新院区"));
    expect(await slack.tickets.postPending()).toBe(1);
    const groupId = t.app.ledger.find(b)!.groupId!;
    expect(groupId).toBeTruthy();
    for (const id of [a, b, c]) expect(t.app.ledger.find(id)).toMatchObject({ groupId, major: true, collective: true });

    const posted = (id: string) => api.of("chat.postMessage").find((p) => p.args.ts === undefined && String(p.args.text).includes(formatCaseId(id)) && p.args.thread_ts === undefined)!;
    // b was posted when the group had just become collective (17 workers), c when it became major.
    expect(JSON.stringify(posted(b).args.blocks)).toContain(`集体欠薪 ${groupId}`);
    expect(JSON.stringify(posted(c).args.blocks)).toContain(`重大集体欠薪 ${groupId}`);
    expect(JSON.stringify(posted(c).args.blocks)).toContain("3 件投诉，合计 32 人，¥370,000");

    // The city desk is told of each escalation: delivered into the city's channel.
    const escalations = t.app.store.db.select().from(outbox).where(and(eq(outbox.channel, "desk"), eq(outbox.messageKey, "groups:desk.escalated"))).all();
    expect(escalations.map((r) => r.recipientKey)).toEqual(["division:410700", "division:410700"]);
    const before = api.of("chat.postMessage").length;
    expect(await slack.deskDelivery.dispatcher.drainOnce()).toBe(2);
    const delivered = api.of("chat.postMessage").slice(before).filter((p) => String(p.args.text).includes("整体升级"));
    expect(delivered).toHaveLength(2);
    for (const post of delivered) {
      expect(post.args.channel).toBe("#arrears-xinxiang");
      expect(post.args.thread_ts).toBeUndefined();
      expect(String(post.args.text)).toContain(groupId);
    }
    expect(String(delivered[1]!.args.text)).toContain("32 人");
    for (const row of t.app.store.db.select().from(outbox).where(eq(outbox.channel, "desk")).all()) expect(row.deliveredAt).not.toBeNull();
    expect(await slack.deskDelivery.dispatcher.drainOnce()).toBe(0);

    // a, posted before its group was collective, owes the city its supervision copy: posted as the
    // escalation refreshed the members' tickets.
    expect(slack.tickets.tickets(a, ["city"])).toMatchObject([{ divisionCode: "410700" }]);
    // Every member's desk ticket — including the one posted before the group existed — now shows the
    // major group.
    for (const id of [a, b, c]) {
      const latest = updatesOf(desk, id).at(-1) ?? posted(id);
      expect(JSON.stringify(latest.args.blocks)).toContain(`重大集体欠薪 ${groupId}`);
    }
  });
});

describe("a team claim counted once, told apart from the thread (另一班组)", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("the thread's note has a button; the county's officer presses it, the sums grow, an officer elsewhere may not", async () => {
    const { t, api, slack, requests } = desk;
    const story = "新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们班组6个人工资4万8";
    const answers = { employer: "宏达劳务", project: "碧桂园凤凰城三期" };
    const a = file(t.app, story, answers);
    const b = file(t.app, story, answers);
    expect(await slack.tickets.postPending()).toBe(2);
    const groupId = t.app.ledger.find(b)!.groupId!;
    const sums = () => t.app.store.sqlite.prepare("SELECT headcount_total AS workers, amount_total AS amount FROM case_groups WHERE id = ?").get(groupId);
    expect(sums()).toEqual({ workers: 6, amount: 48_000 });

    const before = api.of("chat.postMessage").length;
    await slack.deskDelivery.dispatcher.drainOnce();
    const note = api
      .of("chat.postMessage")
      .slice(before)
      .find((p) => String(p.args.text).includes("只计一次"))!;
    expect(note.args.thread_ts).toBe(requests.deskTicket(a).ts);
    const blocks = JSON.stringify(note.args.blocks);
    expect(blocks).toContain('"action_id":"arrears_claimSeparate"');
    expect(blocks).toContain(`"value":"${b}"`);
    expect(blocks).toContain("不是同一班组，分开计");

    // An officer of another county is refused, and nothing changes.
    const ephemerals = () => api.of("chat.postEphemeral").map((p) => String(p.args.text));
    const refusedBefore = ephemerals().length;
    await requests.click(HUOJIA, "arrears_claimSeparate", b);
    expect(await waitFor(() => ephemerals().length > refusedBefore && ephemerals().at(-1))).toContain("没有处理此案件的权限");
    expect(sums()).toEqual({ workers: 6, amount: 48_000 });

    const shown = ephemerals().length;
    await requests.click(HONGQI, "arrears_claimSeparate", b);
    expect(await waitFor(() => ephemerals().length > shown && ephemerals().at(-1))).toBe(`已将 ${formatCaseId(b)} 记为另一班组的欠薪，与 ${formatCaseId(a)} 分开计算`);
    expect(sums()).toEqual({ workers: 12, amount: 96_000 });
    expect(t.app.ledger.events(b).filter((e) => e.type === "claim_marked_separate")).toMatchObject([{ actor: `officer:slack:${HONGQI}`, channel: "slack" }]);

    // The thread hears of it; pressed again, the officer is told it is done already.
    const posts = api.of("chat.postMessage").length;
    await slack.deskDelivery.dispatcher.drainOnce();
    expect(api.of("chat.postMessage").slice(posts).map((p) => String(p.args.text))).toContainEqual(expect.stringContaining("单独计入合计"));
    const again = ephemerals().length;
    await requests.click(HONGQI, "arrears_claimSeparate", b);
    expect(await waitFor(() => ephemerals().length > again && ephemerals().at(-1))).toBe(`${formatCaseId(b)} 已记为另一班组的欠薪`);
    expect(t.app.ledger.events(b).filter((e) => e.type === "claim_marked_separate")).toHaveLength(1);
  });
});

describe("另一班组 from the desk goes through the CLI's own action, as a savepoint of the click's transaction", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("a finding refused half-way leaves nothing written, the next click is recorded whole with its major deadlines", async () => {
    const { t, slack, requests, api } = desk;
    // Two of a team (16 workers, ¥260,000) counted once; told apart they are 32 workers and ¥520,000: major.
    const story = "新乡市红旗区人民医院新院区，恒发建筑欠我们班组16个人工资26万";
    const answers = { employer: "恒发建筑", project: "人民医院新院区" };
    const a = file(t.app, story, answers);
    const b = file(t.app, story, answers);
    expect(await slack.tickets.postPending()).toBe(2);
    const groupId = t.app.ledger.find(b)!.groupId!;
    const sums = () => t.app.store.sqlite.prepare("SELECT headcount_total AS workers, amount_total AS amount, major FROM case_groups WHERE id = ?").get(groupId);
    expect(sums()).toEqual({ workers: 16, amount: 260_000, major: 0 });
    const ephemerals = () => api.of("chat.postEphemeral").map((p) => String(p.args.text));

    // The deadline book refuses after the finding and the group's escalation were written: none of it
    // may stay behind the officer's answer.
    const deadlines = t.app.actions.deadlines;
    const onBecameMajor = deadlines.onBecameMajor.bind(deadlines);
    deadlines.onBecameMajor = () => {
      throw new NoTwinClaimError("refused after the writes");
    };
    const shown = ephemerals().length;
    await requests.click(HONGQI, "arrears_claimSeparate", b);
    await waitFor(() => ephemerals().length > shown);
    deadlines.onBecameMajor = onBecameMajor;
    expect(t.app.ledger.find(b)!.separateClaim).toBe(false);
    expect(t.app.ledger.events(b).map((e) => e.type)).not.toContain("claim_marked_separate");
    expect([a, b].flatMap((id) => t.app.ledger.events(id)).filter((e) => e.type === "group_escalated" && (e.data as { level: string }).level === "major")).toEqual([]);
    expect(sums()).toEqual({ workers: 16, amount: 260_000, major: 0 });

    const again = ephemerals().length;
    await requests.click(HONGQI, "arrears_claimSeparate", b);
    expect(await waitFor(() => ephemerals().length > again && ephemerals().at(-1))).toBe(`已将 ${formatCaseId(b)} 记为另一班组的欠薪，与 ${formatCaseId(a)} 分开计算`);
    expect(sums()).toEqual({ workers: 32, amount: 520_000, major: 1 });
    expect(t.app.ledger.events(b).filter((e) => e.type === "claim_marked_separate")).toMatchObject([{ actor: `officer:slack:${HONGQI}`, channel: "slack" }]);
    // Made major by the finding: both owe the major-case deadlines, as from `arrears group separate`.
    for (const id of [a, b]) expect(t.app.actions.deadlines.openFor(id).map((d) => d.kind)).toContain("major_facts");
  });
});

describe("tickets owed", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("a city copy that failed is posted on a later tick; a case posted meanwhile is not held back", async () => {
    const { t, api, slack } = desk;
    api.failingChannels.add("#arrears-xinxiang");
    const major = file(t.app, "我在新乡市红旗区人民医院新院区干活，宏达劳务欠我们60个人工资一共300万", { employer: "宏达劳务", project: "人民医院新院区" });
    const other = file(t.app, "我在山西省阳泉市城区恒发电器厂上班，老板欠我8000", { employer: "恒发电器厂", project: "恒发电器厂" });
    expect(t.app.ledger.find(major)!.major).toBe(true);
    await expect(slack.tickets.postPending()).rejects.toThrow(/1 case\(s\) still owed a ticket: .*channel_not_found/);
    expect(slack.tickets.tickets(major, ["desk"])).toHaveLength(1);
    expect(slack.tickets.tickets(major, ["city"])).toHaveLength(0);
    expect(slack.tickets.tickets(other, ["desk"])).toHaveLength(1);

    // The channel is back (or configured): the next tick posts only what is owed.
    api.failingChannels.clear();
    t.clock.advance(3_600_000);
    const posts = api.of("chat.postMessage").length;
    expect(await slack.tickets.postPending()).toBe(1);
    const copy = api.of("chat.postMessage").slice(posts);
    expect(copy).toHaveLength(1);
    expect(copy[0]!.args.channel).toBe("#arrears-xinxiang");
    expect(slack.tickets.tickets(major, ["city"])).toMatchObject([{ divisionCode: "410700" }]);
    expect(await slack.tickets.postPending()).toBe(0);

    // Each tick reads only the cases logged since the last look, and the tickets owed: never a whole table.
    const plan = (sql: string, params: unknown[]) =>
      (t.app.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(" | ");
    expect(plan(DISCOVER_SQL, [0, 500])).toMatch(/SEARCH cases USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    const due = slack.tickets.dueQuery(0, 20).toSQL();
    expect(plan(due.sql, due.params)).toMatch(/slack_owed_due_idx/);
  });

  test("one channel that keeps failing holds back no other ticket; a failed post at a new desk after a transfer is posted later", async () => {
    const { t, api, slack } = desk;
    api.failingChannels.add("#arrears-xinxiang-hongqi");
    const stuck = Array.from({ length: 22 }, (_, i) => file(t.app, `我在新乡市红旗区恒发电器厂上班，老板欠我${8000 + i}块`, { employer: `恒发${i}号电器厂`, project: `恒发${i}号电器厂` }));
    const elsewhere = file(t.app, "我在山西省阳泉市城区恒发电器厂上班，老板欠我9000", { employer: "恒发电器厂", project: "恒发电器厂" });
    // The first tick takes the 20 longest waiting: all fail, and are tried again later, less often.
    await expect(slack.tickets.postPending()).rejects.toThrow(/20 case\(s\) still owed a ticket/);
    await expect(slack.tickets.postPending()).rejects.toThrow(/2 case\(s\) still owed a ticket/);
    expect(slack.tickets.tickets(elsewhere, ["desk"])).toHaveLength(1);
    for (const id of stuck) expect(slack.tickets.tickets(id, ["desk"])).toHaveLength(0);
    // The channel comes back: each owed ticket is posted once its wait is over.
    api.failingChannels.clear();
    t.clock.advance(60_000);
    expect(await slack.tickets.postPending(50)).toBe(22);
    for (const id of stuck) expect(slack.tickets.tickets(id, ["desk"])).toHaveLength(1);
  });
});

describe("a transfer made outside Slack", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("the CLI moves a case to another county: the old ticket shows where it went, the new desk gets the ticket", async () => {
    const { t, api, slack } = desk;
    const id = file(t.app, ORDINARY);
    expect(await slack.tickets.postPending()).toBe(1);
    const old = slack.tickets.tickets(id, ["desk"])[0]!;
    expect(old).toMatchObject({ divisionCode: "410702", channel: SlackStandIn.channelId("#arrears-xinxiang-hongqi") });

    t.app.actions.setStatus({ caseId: id, status: "transferred", by: "张三", channel: "cli", moveToJurisdiction: "140302", note: "工地在阳泉城区" });
    const posts = api.of("chat.postMessage").length;
    await slack.deskDelivery.dispatcher.drainOnce();
    const sent = api.of("chat.postMessage").slice(posts);
    // The desk hears of it in the old thread; the new desk gets a ticket in its channel.
    expect(sent.find((p) => p.args.thread_ts === old.ts)?.args.text).toBe(`案件 ${formatCaseId(id)} 已转办到 山西省阳泉市城区（张三）。工地在阳泉城区`);
    expect(sent.find((p) => p.args.thread_ts === undefined)?.args.channel).toBe("#arrears-yangquan");
    expect(slack.tickets.tickets(id, ["desk"])).toMatchObject([{ divisionCode: "140302" }]);
    // The old desk ticket, and the old city's copy (a 12-worker case is collective), are closed.
    expect(slack.tickets.tickets(id, ["moved"]).map((ticket) => ticket.ts)).toContain(old.ts);
    expect(slack.tickets.tickets(id, ["city"])).toEqual([]);
    const movedView = api.of("chat.update").filter((c) => c.args.ts === old.ts).at(-1)!;
    expect(JSON.stringify(movedView.args.blocks)).toContain("已转办到 山西省阳泉市城区 (140302)（在 Slack 以外办理）");
    expect(await slack.tickets.postPending()).toBe(0);
  });
});

describe("a small group on tickets", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("a second complaint about the same employer, below every threshold: a note in the first case's thread, both tickets show the group", async () => {
    const { t, api, slack } = desk;
    const a = file(t.app, "我在新乡市红旗区恒发电器厂上班，老板欠我们2个人工资一共8000", { employer: "恒发电器厂", project: "恒发电器厂" });
    expect(await slack.tickets.postPending()).toBe(1);
    const b = file(t.app, "新乡市红旗区恒发电器厂拖欠我们3个人的工资12000元", { employer: "恒发电器厂", project: "恒发电器厂" });
    expect(await slack.tickets.postPending()).toBe(1);
    const groupId = t.app.ledger.find(b)!.groupId!;
    expect(groupId).toBeTruthy();
    expect(t.app.ledger.find(a)).toMatchObject({ groupId, collective: false, major: false });

    const notes = t.app.store.db.select().from(outbox).where(and(eq(outbox.channel, "desk"), eq(outbox.messageKey, "groups:desk.joined"))).all();
    expect(notes.map((row) => row.recipientKey)).toEqual([`case:${a}`]);
    const before = api.of("chat.postMessage").length;
    expect(await slack.deskDelivery.dispatcher.drainOnce()).toBe(1);
    const note = api.of("chat.postMessage").slice(before).find((p) => String(p.args.text).includes(formatCaseId(b)))!;
    expect(String(note.args.text)).toContain(groupId);
    expect(String(note.args.text)).toContain("5 人");
    const ticketOfA = slack.tickets.tickets(a, ["desk"])[0]!;
    expect(note.args).toMatchObject({ channel: ticketOfA.channel, thread_ts: ticketOfA.ts });
    // a's ticket was posted before the group existed; now it names the group, as b's does.
    for (const id of [a, b]) expect(JSON.stringify(updatesOf(desk, id).at(-1)?.args.blocks)).toContain(groupId);
  });

  test("a member the officer finds is not arrears leaves the group: the desk is told, the other tickets stop counting it", async () => {
    const { t, api, slack, requests } = desk;
    const names = { employer: "东兴装饰", project: "东兴装饰" };
    const a = file(t.app, "我在新乡市红旗区东兴装饰干活，老板欠我们2个人工资一共8000", names);
    const b = file(t.app, "新乡市红旗区东兴装饰拖欠我们3个人的工资12000元", names);
    const c = file(t.app, "新乡市红旗区东兴装饰欠我4000块工资", names);
    expect(await slack.tickets.postPending()).toBe(3);
    await slack.deskDelivery.dispatcher.drainOnce();
    const groupId = t.app.ledger.find(a)!.groupId!;
    expect(t.app.ledger.find(c)!.groupId).toBe(groupId);

    // The 红旗区 officer finds b is a dispute over a contract (not arrears), through the modal.
    const before = api.of("chat.postMessage").length;
    const updatesOfA = updatesOf(desk, a).length;
    expect((await requests.submit(HONGQI, "notArrears", b, { category: { selected: "labour_dispute" }, remedy: "请申请劳动仲裁" })).status).toBe(200);
    await waitFor(() => t.app.ledger.find(b)!.status === "referred");
    expect(t.app.ledger.find(b)!.groupId).toBeNull();
    await waitFor(async () => (await slack.deskDelivery.dispatcher.drainOnce()) === 0);
    const note = api.of("chat.postMessage").slice(before).find((p) => String(p.args.text).includes("移出同案组"))!;
    expect(String(note.args.text)).toBe(`${formatCaseId(b)} 已移出同案组 ${groupId}「东兴装饰」（不属于欠薪），现合计 3 人、¥12,000。`);
    const ticketOfA = slack.tickets.tickets(a, ["desk"])[0]!;
    expect(note.args).toMatchObject({ channel: ticketOfA.channel, thread_ts: ticketOfA.ts });
    // a's and c's tickets now show the group without b.
    expect(updatesOf(desk, a).length).toBeGreaterThan(updatesOfA);
    for (const id of [a, c]) expect(JSON.stringify(updatesOf(desk, id).at(-1)?.args.blocks)).toContain("2 件投诉，合计 3 人，¥12,000");
  });
});

// ---------------------------------------------------------------------------------------------------

describe("/cases mine and /cases overdue", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("mine lists what the officer accepted; overdue lists what missed its first-action deadline", async () => {
    const { t, requests } = desk;
    const display = formatCaseId;
    // Three unrelated complaints in 红旗区 (different employers and sites: no group), Monday 10:00.
    const mine = file(t.app, "我在新乡市红旗区滨江花园二期干瓦工，包工头王强欠我们3个人工资一共2万", { employer: "王强", project: "滨江花园二期" });
    const leaders = file(t.app, "我在新乡市红旗区人民医院新院区干钢筋，包工头赵刚欠我们4个人工资一共3万", { employer: "赵刚", project: "人民医院新院区" });
    const late = file(t.app, "我在新乡市红旗区锦绣华庭一期干水电，包工头孙伟欠我们2个人工资一共1万5", { employer: "孙伟", project: "锦绣华庭一期" });
    for (const id of [mine, leaders, late]) {
      expect(t.app.ledger.find(id)).toMatchObject({ jurisdictionCode: "410702", groupId: null, major: false });
      await desk.slack.tickets.postTicket(id);
    }
    let before = updatesOf(desk, mine).length;
    await requests.click(HONGQI, "arrears_accept", mine);
    await nextUpdate(desk, mine, before);
    before = updatesOf(desk, leaders).length;
    await requests.click(CITY, "arrears_accept", leaders);
    await nextUpdate(desk, leaders, before);

    const hongqiMine = (await requests.command("/cases", "mine", HONGQI)).text;
    expect(hongqiMine).toContain(display(mine));
    expect(hongqiMine).not.toContain(display(leaders));
    expect(hongqiMine).not.toContain(display(late));
    const cityMine = (await requests.command("/cases", "mine", CITY)).text;
    expect(cityMine).toContain(display(leaders));
    expect(cityMine).not.toContain(display(mine));

    // Nothing is overdue yet.
    expect((await requests.command("/cases", "overdue", HONGQI)).text).not.toContain(display(late));

    // Wednesday 00:30: the first officer action (1 working day) on `late` was missed; the accepted ones
    // met theirs.
    t.clock.current = cst("2026-11-25T00:30");
    const overdue = (await requests.command("/cases", "overdue", HONGQI)).text;
    expect(overdue).toContain(display(late));
    const line = overdue.split("\n").find((l) => l.includes(display(late)))!;
    expect(line).toContain("首次处理");
    // The columns of the CLI's case list: the sum, the workers, the marker.
    expect(line).toContain(`${display(late)} · 已登记，待受理 · ¥15,000 · 2 人 【逾期】 · `);
    expect(overdue).not.toContain(display(mine));
    expect(overdue).not.toContain(display(leaders));
    // The city leader sees it too (a county under the city); an officer of another county does not.
    expect((await requests.command("/cases", "overdue", CITY)).text).toContain(display(late));
    expect((await requests.command("/cases", "overdue", HUOJIA)).text).not.toContain(display(late));
    // Someone not registered gets a refusal, no list.
    expect((await requests.command("/cases", "overdue", "U0STRANGER")).text).toContain("权限");
  });
});

describe("/cases lines", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("say what the CLI's case list says: the sum, the workers, 重大·风险; a phone in a name is masked", async () => {
    const { t, requests } = desk;
    const id = newCaseId();
    const at = t.app.clock.now();
    t.app.ledger.insertCase({
      id, createdAt: at, updatedAt: at, status: "logged", channel: "local", filerKey: "local:lines1", accessCodeHash: "x", locale: "zh-CN",
      project: "翠湖园二期", employer: "华信劳务 刘经理13812345678", amountYuan: 600000, headcountMin: 30, headcountMax: 35, placeText: "红旗区", divisionCode: "410702",
      divisionName: "红旗区", sector: "construction", projectKind: null, ownership: null, phone: null, since: null, narrative: "x",
      category: "wage_arrears", isArrears: true, reasons: [], route: {}, jurisdictionCode: "410702", collective: true, major: true, dueAt: at + 86_400_000,
    });
    t.app.ledger.appendEvent({ caseId: id, at, actor: "worker:local:lines1", channel: "local", type: "worker_at_risk", data: { text: "再不给就去跳楼" } });
    const listed = (await requests.command("/cases", "", HONGQI)).text;
    const line = listed.split("\n").find((l) => l.includes(formatCaseId(id)))!;
    expect(line).toContain(`${formatCaseId(id)} · 已登记，待受理 · ¥600,000 · 30–35 人 【重大·风险】 · `);
    expect(line).toContain("华信劳务 刘经理138****5678");
    expect(listed).not.toContain("13812345678");
    // The ticket and the case's view mask it too; opened on purpose (--show-phone), it is there.
    await desk.slack.tickets.postTicket(id);
    const posted = JSON.stringify(desk.api.of("chat.postMessage").filter((c) => JSON.stringify(c.args).includes(formatCaseId(id))).map((c) => c.args));
    expect(posted).toContain("华信劳务 刘经理138****5678");
    expect(posted).not.toContain("13812345678");
    expect(caseView(t.app.ledger.find(id)!, [], 0).employer).toBe("华信劳务 刘经理138****5678");
    expect(caseView(t.app.ledger.find(id)!, [], 0, true).employer).toBe("华信劳务 刘经理13812345678");
  });
});

describe("the worker's phone at the desk", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("masked on the ticket; the entitled officer opens it for themself, on the record; others are refused", async () => {
    const { t, api, requests, slack } = desk;
    const worker = new Worker(t.app, "ph1", "telegram");
    const id = worker.files(ORDINARY);
    await slack.tickets.postTicket(id);
    const posted = api.of("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? "").includes(formatCaseId(id)));
    // No phone yet: no button.
    expect(JSON.stringify(posted?.args.blocks)).not.toContain("arrears_phone");

    // The worker sends it after logging: the desk's thread hears of it masked, and the ticket gets the button.
    const before = updatesOf(desk, id).length;
    worker.says("我电话13812345678");
    expect(await slack.deskDelivery.dispatcher.drainOnce()).toBe(1);
    const thread = api.of("chat.postMessage").find((c) => String(c.args.text).includes("工人留了电话"));
    expect(String(thread?.args.text)).toContain("138****5678");
    expect(String(thread?.args.text)).not.toContain("13812345678");
    const refreshed = await nextUpdate(desk, id, before);
    const blocks = JSON.stringify(refreshed.args.blocks);
    expect(blocks).toContain("arrears_phone");
    expect(blocks).toContain("138****5678");
    expect(blocks).not.toContain("13812345678");

    // An officer of another county: refused, nothing recorded, no number.
    let ephemerals = api.of("chat.postEphemeral").length;
    await requests.click(HUOJIA, "arrears_phone", id);
    const refusal = await waitFor(() => api.of("chat.postEphemeral").slice(ephemerals).find((c) => c.args.user === HUOJIA));
    expect(String(refusal.args.text)).not.toContain("13812345678");
    expect(t.app.ledger.events(id).filter((e) => e.type === "phone_viewed")).toHaveLength(0);

    // The county's officer: the full number, to them only; the look-up is a ledger event, once per click
    // even when Slack retries the delivery.
    ephemerals = api.of("chat.postEphemeral").length;
    await requests.click(HONGQI, "arrears_phone", id, { actionTs: "1700000001.000001" });
    await requests.click(HONGQI, "arrears_phone", id, { actionTs: "1700000001.000001", retryNum: 1 });
    const shown = await waitFor(() => api.of("chat.postEphemeral").slice(ephemerals).find((c) => c.args.user === HONGQI));
    expect(String(shown.args.text)).toContain("13812345678");
    await waitFor(() => t.app.ledger.events(id).some((e) => e.type === "phone_viewed"));
    const viewed = t.app.ledger.events(id).filter((e) => e.type === "phone_viewed");
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ actor: `officer:slack:${HONGQI}`, channel: "slack" });
  });

  test("a worker who writes English: the ticket says so, and the question modal asks for English", async () => {
    const { t, api, requests, slack } = desk;
    const worker = new Worker(t.app, "ph-en", "telegram");
    worker.says("/lang en");
    const id = worker.files(ORDINARY);
    await slack.tickets.postTicket(id);
    const posted = api.of("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? "").includes(formatCaseId(id)));
    expect(JSON.stringify(posted?.args.blocks)).toContain("工人用英文交流");
    const before = updatesOf(desk, id).length;
    await requests.click(HONGQI, "arrears_accept", id);
    await nextUpdate(desk, id, before);
    const opened = api.of("views.open").length;
    await requests.click(HONGQI, "arrears_askWorker", id);
    const view = (await waitFor(() => api.of("views.open")[opened])).args.view;
    expect(JSON.stringify(view)).toContain("请用英文写");

    // A Chinese-speaking worker's ticket and modal carry no such line.
    const chinese = new Worker(t.app, "ph-zh", "telegram").files(ORDINARY.replace("12个人", "3个人"));
    await slack.tickets.postTicket(chinese);
    const zhTicket = api.of("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? "").includes(formatCaseId(chinese)));
    expect(JSON.stringify(zhTicket?.args.blocks)).not.toContain("工人用");
  });
});

describe("the worker's own words at the desk", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("quoted on the ticket with phones masked; Slack's commands in them (<!channel>) are escaped, in the ticket and in the thread", async () => {
    const { t, api, slack } = desk;
    const worker = new Worker(t.app, "words1", "telegram");
    const id = worker.files(`${ORDINARY} <!channel> 老板&工头都不接电话，我电话13812345678`);
    await slack.tickets.postTicket(id);
    const posted = api.of("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? "").includes(formatCaseId(id)));
    const blocks = JSON.stringify(posted?.args.blocks);
    expect(blocks).toContain("工人原话");
    expect(blocks).toContain("> 我在新乡市红旗区碧桂园凤凰城三期干木工");
    expect(blocks).toContain("&lt;!channel&gt; 老板&amp;工头都不接电话");
    expect(blocks).not.toContain("<!channel>");
    expect(blocks).not.toContain("13812345678");

    // The worker's answer to an officer's question goes into the ticket's thread as written — escaped.
    t.app.actions.askWorker({ caseId: id, question: "项目部在哪？", by: "slack:U0HONGQI", channel: "slack" });
    deliverWorkerNotices(t.app);
    worker.says("<!here> 项目部在东门");
    expect(worker.heard).toContain("回答已转给");
    await slack.deskDelivery.dispatcher.drainOnce();
    const thread = api.of("chat.postMessage").find((c) => String(c.args.text).includes("项目部在东门"));
    expect(String(thread?.args.text)).toContain("&lt;!here&gt;");
    expect(String(thread?.args.text)).not.toContain("<!here>");
  });
});


describe("/cases when other counties have many cases", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("a county officer still sees their own oldest, overdue case, and the count is true", async () => {
    const { t, requests } = desk;
    const own = new Worker(t.app, "own-old", "local").files(ORDINARY);
    // 1,050 newer open cases in 获嘉县, inserted as filing would, with a due date long past.
    const insert = t.app.store.sqlite.transaction(() => {
      for (let i = 0; i < 1050; i++) {
        const id = newCaseId();
        const at = t.app.clock.now() + 1000 + i;
        t.app.ledger.insertCase({
          id, createdAt: at, updatedAt: at, status: "logged", channel: "local", filerKey: `local:hj${i}`, accessCodeHash: "x", locale: "zh-CN",
          project: `项目${i}`, employer: `公司${i}`, amountYuan: 1000, headcountMin: 1, headcountMax: 1, placeText: "获嘉县", divisionCode: "410724",
          divisionName: "获嘉县", sector: "construction", projectKind: null, ownership: null, phone: null, since: null, narrative: "x",
          category: "wage_arrears", isArrears: true, reasons: [], route: {}, jurisdictionCode: "410724", collective: false, major: false, dueAt: at + 1,
        });
      }
    });
    insert();
    t.clock.current += 10 * 86_400_000;
    const open = (await requests.command("/cases", "", HONGQI)).text;
    expect(open).toContain("1 件");
    expect(open).toContain(formatCaseId(own));
    const overdue = (await requests.command("/cases", "overdue", HONGQI)).text;
    expect(overdue).toContain(formatCaseId(own));
    const city = (await requests.command("/cases", "overdue", CITY)).text;
    expect(city).toContain("1051 件");
    expect(city).toContain("另有 1011 件");
  });
});

describe("an inspector's slips in the modals and buttons", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("money as written (23.6万), a digit too many sent back, empty words refused, the same handling not recorded twice", async () => {
    const { t, api, requests } = desk;
    const id = new Worker(t.app, "slips1", "local").files(ORDINARY); // 12 workers, ¥236,000
    await desk.slack.tickets.postTicket(id);
    let before = updatesOf(desk, id).length;
    await requests.click(HONGQI, "arrears_accept", id);
    await nextUpdate(desk, id, before);

    // The same handling chosen twice: recorded once, the worker told once, the officer told why.
    before = updatesOf(desk, id).length;
    await requests.click(HONGQI, "arrears_record", id, { selected: `${id}|police` });
    await nextUpdate(desk, id, before);
    const ephemerals = api.of("chat.postEphemeral").length;
    await requests.click(HONGQI, "arrears_record", id, { selected: `${id}|police` });
    const told = await waitFor(() => api.of("chat.postEphemeral").slice(ephemerals).find((c) => c.args.user === HONGQI));
    expect(String(told.args.text)).toContain("已经记录过「移送公安」");
    expect(t.app.ledger.events(id).filter((e) => (e.data as { note?: string }).note === "record:police")).toHaveLength(1);

    // Empty words for the record are refused in the modal.
    expect((await requests.submit(HONGQI, "transfer", id, { division: "410724", reason: "  " })).text).toContain("请写几句话");
    // A city or a province is no desk to transfer to.
    expect((await requests.submit(HONGQI, "transfer", id, { division: "410700", reason: "市里办" })).text).toContain("不是市或省");
    expect(t.app.ledger.find(id)!.jurisdictionCode).toBe("410702");
    // A digit too many: sent back to be checked; nothing recorded.
    const slip = await requests.submit(HONGQI, "resolve", id, { recovered: "2360000", workers: "12" });
    expect(slip.text).toContain("比投诉的金额（¥236,000）多一倍以上");
    expect((await requests.submit(HONGQI, "resolve", id, { recovered: "很多", workers: "12" })).text).toContain("23.6万");
    // More workers paid than the complaint counts (12): sent back as the CLI refuses it, with the way to confirm.
    const moreWorkers = await requests.submit(HONGQI, "resolve", id, { recovered: "236000", workers: "13" });
    expect(moreWorkers.text).toContain("比投诉的人数（最多 12 人）多，请核对");
    expect(moreWorkers.text).toContain("--confirm-figures");
    expect(t.app.ledger.find(id)!.status).toBe("handling");
    // As officers write it: 23.6万.
    before = updatesOf(desk, id).length;
    expect((await requests.submit(HONGQI, "resolve", id, { recovered: "23.6万", workers: "12" })).status).toBe(200);
    await nextUpdate(desk, id, before);
    const resolved = statusEvents(desk, id, "resolved");
    expect(resolved).toHaveLength(1);
    expect((resolved[0]!.data as { note: string }).note).toBe("recovered:236000;workersPaid:12");
  });

  test("resolved with nothing recovered: the worker is not told '已追回 0 元'", async () => {
    const { t, requests } = desk;
    const id = new Worker(t.app, "slips2", "local").files(ORDINARY.replace("12个人", "3个人"));
    await desk.slack.tickets.postTicket(id);
    let before = updatesOf(desk, id).length;
    await requests.click(HONGQI, "arrears_accept", id);
    await nextUpdate(desk, id, before);
    before = updatesOf(desk, id).length;
    await requests.submit(HONGQI, "resolve", id, { recovered: "0", workers: "0" });
    await nextUpdate(desk, id, before);
    const told = (statusEvents(desk, id, "resolved")[0]!.data as { noteForWorker: string }).noteForWorker;
    expect(told).toContain("没有追回");
    expect(told).not.toContain("0 元");
  });
});

describe("what a ticket and /case tell an inspector at a glance", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("the deadline named, the latest action in words, the evidence with its caption, the worker's chat; /case history in words", async () => {
    const { t, api, requests } = desk;
    const worker = new Worker(t.app, "glance1", "telegram");
    const id = worker.files(ORDINARY);
    worker.sends({ type: "photo", fileId: "iou-1", sizeBytes: 1000, caption: "工资欠条" });
    await desk.slack.tickets.postTicket(id);
    const posted = JSON.stringify(api.of("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? "").includes(formatCaseId(id)))?.args.blocks);
    expect(posted).toContain("（当日核查分类）");
    expect(posted).toContain("1 件：照片（工资欠条）");
    expect(posted).toContain("工人在 Telegram 上");
    expect(posted).not.toContain("红旗区 · 红旗区");
    expect(posted).not.toContain("。；");

    let before = updatesOf(desk, id).length;
    await requests.click(HONGQI, "arrears_accept", id);
    await nextUpdate(desk, id, before);
    before = updatesOf(desk, id).length;
    await requests.click(HONGQI, "arrears_record", id, { selected: `${id}|mediation` });
    const updated = JSON.stringify((await nextUpdate(desk, id, before)).args.blocks);
    expect(updated).toContain("最新：");
    expect(updated).toContain("协调");

    const history = (await requests.command("/case", id, HONGQI)).text;
    expect(history).toContain("协调");
    expect(history).toContain(`<@${HONGQI}>`);
    expect(history).not.toContain("record:");
    expect(history).not.toContain("officer:slack:");
  });
});

describe("a major case transferred between desks", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  const MAJOR = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组40个人工资一共80万";
  const live = (id: string) => desk.slack.tickets.tickets(id, ["desk", "city"]).map((ticket) => [ticket.kind, ticket.channel, ticket.divisionCode]);
  const xinxiang = () => SlackStandIn.channelId("#arrears-xinxiang");

  test("the city's supervision copy follows it: one live ticket per channel, the old city's copy closed", async () => {
    const { t, requests, slack } = desk;
    const id = new Worker(t.app, "major-move", "local").files(MAJOR);
    expect(t.app.ledger.find(id)?.major).toBe(true);
    await slack.tickets.postTicket(id);
    // 红旗区 has its own channel: the desk there, the city copy in 新乡's.
    expect(live(id)).toEqual([
      ["desk", SlackStandIn.channelId("#arrears-xinxiang-hongqi"), "410702"],
      ["city", xinxiang(), "410700"],
    ]);

    // To 获嘉县, whose desk is 新乡's channel: the copy there would be a second live ticket; it is closed.
    await requests.submit(HONGQI, "transfer", id, { division: "410724", reason: "项目在获嘉" });
    await waitFor(() => live(id).length === 1 && live(id)[0]![2] === "410724");
    expect(live(id)).toEqual([["desk", xinxiang(), "410724"]]);

    // Back to 红旗区: the city copy comes back in 新乡's channel.
    await requests.submit(HUOJIA, "transfer", id, { division: "410702", reason: "搞错了，在红旗区" });
    await waitFor(() => live(id).length === 2);
    expect(live(id)).toEqual([
      ["desk", SlackStandIn.channelId("#arrears-xinxiang-hongqi"), "410702"],
      ["city", xinxiang(), "410700"],
    ]);
  });
});

describe("asking the worker before accepting", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  test("a logged case's ticket offers 需补充, and the question reaches the worker", async () => {
    const { t, api, requests, slack } = desk;
    const id = new Worker(t.app, "ask-early", "local").files(ORDINARY);
    await slack.tickets.postTicket(id);
    const posted = JSON.stringify(api.of("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? "").includes(formatCaseId(id)))?.args.blocks);
    expect(posted).toContain("arrears_askWorker");
    const before = updatesOf(desk, id).length;
    expect((await requests.submit(HONGQI, "askWorker", id, { question: "工地在哪条路？" })).status).toBe(200);
    await nextUpdate(desk, id, before);
    expect(t.app.ledger.find(id)?.status).toBe("awaiting_worker");
    const question = t.app.store.db.select().from(outbox).all().find((row) => row.caseId === id && row.messageKey === "notify.question");
    expect(question).toBeDefined();
  });
});
