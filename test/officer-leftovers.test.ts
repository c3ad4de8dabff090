// Officer-side leftovers of a review, each fix held here: the CLI (the real bin/arrears.js in child
// processes) and the Slack desk (real Bolt over HTTP, signed requests, the Web API stand-in on 127.0.0.1),
// on cases filed by workers through the engine.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackApp, type SlackChannel } from "../src/channels/slack/index.js";
import { postWeeklyReport } from "../src/channels/slack/weekly.js";
import { groupRecoveredExcess } from "../src/groups/paid-limit.js";
import { weeklyReport } from "../src/reports/weekly.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { cliOn } from "./helpers/cli.js";
import { SlackRequests } from "./helpers/slack-requests.js";
import { SlackStandIn, waitFor } from "./helpers/slack-stand-in.js";

const TEAM = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";
// Two complaints about one project of 红旗区: a group owed ¥276,000 (¥236,000 + ¥40,000), 17 workers.
const FIVE = "新乡市红旗区碧桂园凤凰城三期 包工头刘建国欠我们5个人工资4万";
const SMALL = "我在新乡市红旗区恒发电器厂上班，老板欠我7000块工资";

let users = 0;
const file = (t: TestApp, text: string, channel = "local") => new Worker(t.app, `l${users++}`, channel).files(text);

describe("--record takes the other words for a handling (调解, 速裁, mediate) and names the valid ones", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
  });
  afterAll(() => t.cleanup());

  const lastNote = (id: string) => (t.restart().ledger.events(id).at(-1)?.data as { note?: string } | undefined)?.note;

  it("调解 and 和解 are mediation, 速裁 arbitration, 移送 the police, an English id or word as well", { timeout: 120_000 }, async () => {
    const id = file(t, SMALL);
    for (const [word, kind] of [
      ["调解", "mediation"],
      ["速裁", "arbitration"],
      ["移送", "police"],
      ["Mediate", "mediation"],
      ["advance", "advance"],
      ["立案查处", "case_opened"],
    ] as const) {
      // The same handling twice is refused (it tells the worker nothing new): a different one each time,
      // except the two mediations, with another handling between them.
      const done = await cli("case", "set-status", id, "handling", "--by", "李", "--record", word);
      expect(done.code, `${word}: ${done.stderr}`).toBe(0);
      expect(lastNote(id)).toBe(`record:${kind}`);
    }
    const again = await cli("case", "set-status", id, "handling", "--by", "李", "--record", "和解");
    expect(again.code, again.stderr).toBe(0);
    expect(lastNote(id)).toBe("record:mediation");
  });

  it("an unknown handling is refused with what was typed and the valid ones, codes and names; nothing is written", { timeout: 60_000 }, async () => {
    const id = file(t, SMALL);
    const before = t.restart().ledger.events(id).length;
    const refused = await cli("case", "set-status", id, "handling", "--by", "李", "--record", "开会");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("没有这种处理方式：开会");
    expect(refused.stderr).toContain(
      "case_opened（立案）、order（责令改正）、decision（行政处理决定）、penalty（行政处罚决定）、mediation（协调/调解）、arbitration（仲裁/速裁）、police（移送公安）、police_case（公安机关立案）、advance（垫付）",
    );
    expect(t.restart().ledger.events(id)).toHaveLength(before);
    const english = await cliOn(t, { DEFAULT_LOCALE: "en" })("case", "set-status", id, "handling", "--by", "Li", "--record", "lunch");
    expect(english.code).toBe(1);
    expect(english.stderr).toContain("No such handling: lunch.");
    expect(english.stderr).toContain("mediation (Mediation / mediate)");
  });
});

describe("arrears report campaign --csv - writes the table to standard output", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
    const id = file(t, TEAM);
    t.app.actions.setStatus({ caseId: id, status: "accepted", by: "李", channel: "cli" });
    t.app.actions.setStatus({ caseId: id, status: "resolved", by: "李", channel: "cli", note: "recovered:200000;workersPaid:12" });
  });
  afterAll(() => t.cleanup());

  it("the CSV on stdout (the file's bytes), no file called '-', nothing else on stdout", async () => {
    const done = await cli("report", "campaign", "--from", "2026-11-01", "--to", "2026-11-30", "--csv", "-");
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout.startsWith("\uFEFF")).toBe(true);
    const total = done.stdout.split("\r\n").find((line) => line.startsWith("合计,"));
    // One case resolved: 12 workers, ¥200,000 = 20.00 万元.
    expect(total).toContain(",0.0012,");
    expect(total).toContain(",20.00,");
    expect(done.stdout).not.toContain("已写入");
    expect(existsSync(join(process.cwd(), "-"))).toBe(false);
    expect(existsSync(join(process.cwd(), "-.csv"))).toBe(false);
  });

  it("with --xlsx FILE too: the workbook written, and said on stderr, not inside the CSV", async () => {
    const xlsx = join(t.dir, "table.xlsx");
    const done = await cli("report", "campaign", "--from", "2026-11-01", "--to", "2026-11-30", "--csv", "-", "--xlsx", xlsx);
    expect(done.code, done.stderr).toBe(0);
    expect(existsSync(xlsx)).toBe(true);
    expect(done.stderr).toContain(`已写入 ${xlsx}`);
    expect(done.stdout).not.toContain("已写入");
    expect(done.stdout).toContain("工程建设领域");
  });

  it("--xlsx - is refused in words (a workbook is binary), nothing written", async () => {
    const refused = await cli("report", "campaign", "--from", "2026-11-01", "--to", "2026-11-30", "--xlsx", "-");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Excel 工作簿不能写到标准输出");
    expect(refused.stdout).toBe("");
  });
});

/** A Slack desk on a test app: real Bolt on a free port, the Web API stand-in, officers registered. */
interface Desk {
  t: TestApp;
  api: SlackStandIn;
  slack: SlackChannel;
  requests: SlackRequests;
}
const SECRET = "test-signing-secret";
const HONGQI = "U0HONGQI";

async function openDesk(env: Record<string, string> = {}): Promise<Desk> {
  const t = makeTestApp(env);
  t.clock.current = Date.parse("2026-11-23T10:00+08:00");
  const api = new SlackStandIn();
  await api.start();
  const slack = createSlackApp(t.app, { token: "xoxb-test", signingSecret: SECRET, port: 0, slackApiUrl: api.url, retries: 0, deskPollMs: 0 });
  let port = 0;
  const requests = new SlackRequests(() => ({ app: t.app, port }), SECRET);
  port = (await slack.start())!;
  slack.desk.registry.add({ slackUserId: HONGQI, divisionCode: "410702", role: "officer" });
  return { t, api, slack, requests };
}

async function closeDesk(desk: Desk | undefined): Promise<void> {
  await desk?.slack.stop();
  await desk?.api.stop();
  desk?.t.cleanup();
}

describe("the money recovered over a group's resolutions is bounded by what is owed to the group", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
  });
  afterAll(() => t.cleanup());

  const site = (name: string, boss: string) => [TEAM, FIVE].map((text) => file(t, text.replace("碧桂园凤凰城三期", name).replace("刘建国", boss))) as [string, string];

  it("counted as the report counts: standing resolutions only, a team's claim told twice once, each member's own figure within the group's", () => {
    const app = t.restart();
    const [team, five] = site("鑫源小区二期", "王大海");
    expect(app.ledger.find(team)!.groupId).toBe(app.ledger.find(five)!.groupId);
    // Nothing recorded yet: the group's whole ¥276,000 may go on one member.
    expect(groupRecoveredExcess(app.store.sqlite, five, 276_000)).toBeNull();
    expect(groupRecoveredExcess(app.store.sqlite, five, 276_001)).toMatchObject({ owed: 276_000, othersRecovered: 0, room: 276_000 });
    app.actions.setStatus({ caseId: team, status: "resolved", by: "李", channel: "cli", note: "recovered:236000;workersPaid:12" });
    expect(groupRecoveredExcess(app.store.sqlite, five, 40_000)).toBeNull();
    expect(groupRecoveredExcess(app.store.sqlite, five, 50_000)).toMatchObject({ owed: 276_000, othersRecovered: 236_000, room: 40_000 });
    // A reopened member's resolution no longer stands.
    app.actions.setStatus({ caseId: team, status: "reopened", by: "李", channel: "cli", note: "工人说没收到" });
    expect(groupRecoveredExcess(app.store.sqlite, five, 276_000)).toBeNull();
    // A case in no group: its own 2× check only, nothing here.
    const alone = file(t, SMALL);
    expect(app.ledger.find(alone)!.groupId).toBeNull();
    expect(groupRecoveredExcess(app.store.sqlite, alone, 13_000)).toBeNull();
  });

  it("a team's claim told by two of the team is owed once: both resolved with the team's ¥236,000 fit, more does not", () => {
    const app = t.restart();
    const [a, b] = [file(t, TEAM.replace("碧桂园凤凰城三期", "锦绣家园三期").replace("刘建国", "孙立军")), file(t, TEAM.replace("碧桂园凤凰城三期", "锦绣家园三期").replace("刘建国", "孙立军"))];
    expect(app.ledger.find(a)!.groupId).toBe(app.ledger.find(b)!.groupId);
    app.actions.setStatus({ caseId: a, status: "resolved", by: "李", channel: "cli", note: "recovered:236000;workersPaid:12" });
    expect(groupRecoveredExcess(app.store.sqlite, b, 236_000)).toBeNull();
    expect(groupRecoveredExcess(app.store.sqlite, b, 236_001)).toMatchObject({ owed: 236_000, room: 236_000 });
  });

  it("CLI: the group's ¥276,000 recorded on one member, the other's own sum is refused even with --confirm-figures, naming the room; within it, taken", { timeout: 60_000 }, async () => {
    const [team, five] = site("碧桂园凤凰城三期", "刘建国");
    const groupId = t.restart().ledger.find(team)!.groupId!;
    const whole = await cli("case", "set-status", five, "resolved", "--by", "李", "--recovered", "27.6万", "--workers-paid", "5", "--confirm-figures");
    expect(whole.code, whole.stderr).toBe(0);

    // The team's ¥236,000 besides would put ¥512,000 into the table for a group owed ¥276,000.
    const more = await cli("case", "set-status", team, "resolved", "--by", "李", "--recovered", "23.6万", "--workers-paid", "12", "--confirm-figures");
    expect(more.code).toBe(1);
    expect(more.stderr).toContain(`同案组 ${groupId} 一共被欠 ¥276,000，同组其他已办结的投诉已记追回 ¥276,000，本案最多还能记 ¥0（写的是 ¥236,000）`);
    expect(more.stderr).toContain("--amount");
    expect(more.stderr).not.toContain("最多还能记 0 人"); // the workers fit (5 + 12 = 17): only the money is refused
    expect(t.restart().ledger.find(team)!.status).not.toBe("resolved");

    const taken = await cli("case", "set-status", team, "resolved", "--by", "李", "--recovered", "0", "--workers-paid", "12");
    expect(taken.code, taken.stderr).toBe(0);
    expect(t.restart().ledger.events(team).at(-1)).toMatchObject({ data: { to: "resolved", note: "recovered:0;workersPaid:12" } });
  });

  it("CLI in English: the refusal in the officer's language", async () => {
    const [team, five] = site("幸福里一期", "赵四");
    t.restart().actions.setStatus({ caseId: five, status: "resolved", by: "Li", channel: "cli", note: "recovered:276000;workersPaid:5" });
    const more = await cliOn(t, { DEFAULT_LOCALE: "en" })("case", "set-status", team, "resolved", "--by", "Li", "--recovered", "1000");
    expect(more.code).toBe(1);
    expect(more.stderr).toContain("is owed ¥276,000 in all, and its other resolved complaints already record ¥276,000 recovered: this case may record ¥0 at most (you gave ¥1,000)");
  });
});

describe("Slack: the resolve modal holds a group's money to what is owed to the group", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));

  it("the second member's money beyond the group's is sent back in the modal's amount field; nothing is closed", async () => {
    const { t, slack, requests } = desk;
    const team = file(t, TEAM);
    const five = file(t, FIVE);
    await slack.tickets.postTicket(team);
    await slack.tickets.postTicket(five);
    t.app.actions.setStatus({ caseId: team, status: "accepted", by: `slack:${HONGQI}`, channel: "slack" });
    t.app.actions.setStatus({ caseId: five, status: "accepted", by: `slack:${HONGQI}`, channel: "slack" });
    // The team's complaint resolved with the whole site's money (its own 12 workers).
    t.app.actions.setStatus({ caseId: team, status: "resolved", by: `slack:${HONGQI}`, channel: "slack", note: "recovered:276000;workersPaid:12" });

    const refused = await requests.submit(HONGQI, "resolve", five, { recovered: "4万", workers: "5" });
    const body = JSON.parse(refused.text) as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(body.errors?.recovered).toContain("一共被欠 ¥276,000，同组其他已办结的投诉已记追回 ¥276,000，本案最多还能记 ¥0");
    expect(body.errors?.workers).toBeUndefined(); // 12 + 5 = 17 workers: they fit
    expect(t.app.ledger.find(five)!.status).toBe("accepted");

    const taken = await requests.submit(HONGQI, "resolve", five, { recovered: "0", workers: "5" });
    expect(taken.text).not.toContain("errors");
  });
});

describe("the weekly dispatch counts a complaint's arrival for the desk it was routed to, whatever moves it later", () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => closeDesk(desk));
  const cst = (local: string) => Date.parse(`${local}+08:00`);
  // The intake columns only (overdue, major and collective are counted where the case is now, at the report).
  const rowsOf = (report: ReturnType<typeof weeklyReport>) =>
    Object.fromEntries(report.rows.filter((r) => r.new + r.referred > 0).map((r) => [r.code, { new: r.new, referred: r.referred }]));

  it("transferred within the week (Slack's modal) or after it: 红旗区's intake stays 红旗区's, 卫滨区 gets none; the posted table says the same", async () => {
    const { t, slack, requests, api } = desk;
    t.clock.current = cst("2026-11-17T09:00");
    const moved = file(t, SMALL);
    const later = file(t, SMALL.replace("恒发电器厂", "宏达五金厂").replace("7000", "9000"));
    expect(t.app.ledger.find(moved)!.jurisdictionCode).toBe("410702");
    await slack.tickets.postTicket(moved);
    await slack.tickets.postTicket(later);

    // The week of the report: 2026-11-17 … 11-23. One complaint moved to 卫滨区 on Wednesday, from the desk.
    t.clock.current = cst("2026-11-18T15:00");
    const submitted = await requests.submit(HONGQI, "transfer", moved, { division: "410703", reason: "厂在卫滨区" });
    expect(submitted.status).toBe(200);
    await waitFor(() => t.app.ledger.find(moved)!.jurisdictionCode === "410703");

    const monday = cst("2026-11-23T10:00");
    const week = () => weeklyReport(t.app.store, t.app.gazetteer, { now: monday, timeZone: "Asia/Shanghai" });
    expect(rowsOf(week())).toEqual({ "410702": { new: 2, referred: 0 } });
    expect(weeklyReport(t.app.store, t.app.gazetteer, { now: monday, timeZone: "Asia/Shanghai", division: "410703" }).total.new).toBe(0);
    expect(weeklyReport(t.app.store, t.app.gazetteer, { now: monday, timeZone: "Asia/Shanghai", division: "410702" }).total.new).toBe(2);

    // The other moved the week after: last week's figures do not change.
    t.clock.current = cst("2026-11-25T11:00");
    t.app.actions.setStatus({ caseId: later, status: "transferred", by: "李", channel: "cli", note: "在卫滨区", moveToJurisdiction: "410703" });
    expect(rowsOf(week())).toEqual({ "410702": { new: 2, referred: 0 } });

    // Posted to the leaders' channel through the app's own Slack client, as on Monday morning.
    t.clock.current = monday;
    await postWeeklyReport(t.app, slack.bolt.client, "#leaders");
    const posted = JSON.stringify(api.of("chat.postMessage").at(-1)!.args.blocks);
    expect(posted).toMatch(/红旗区\s+410702\s+2\s/);
    expect(posted).not.toMatch(/卫滨区\s+410703\s+[1-9]/);
  });
});

describe("case histories name an officer who acted in Slack, never by a raw Slack user ID", () => {
  let desk: Desk;
  let cli: ReturnType<typeof cliOn>;
  const NAMED = "U0NAMED"; // registered with the bureau's name for him
  const LEARNT = "U0LEARNT"; // no name registered: Slack's display name, learnt from users.info
  beforeAll(async () => {
    desk = await openDesk();
    cli = cliOn(desk.t);
    const { registry } = desk.slack.desk;
    registry.add({ slackUserId: NAMED, divisionCode: "410702", name: "王明" });
    registry.add({ slackUserId: LEARNT, divisionCode: "410702" });
    desk.api.users.set(LEARNT, { name: "lihua", real_name: "Li Hua", display_name: "李华" });
    desk.api.users.set(NAMED, { name: "wangming", display_name: "Wang (Slack)" });
  });
  afterAll(() => closeDesk(desk));

  async function acceptAndRecord(officer: string, channel = "local"): Promise<{ id: string; worker: Worker }> {
    const { t, slack, requests } = desk;
    const worker = new Worker(t.app, `names${users++}`, channel);
    const id = worker.files(SMALL);
    await slack.tickets.postTicket(id);
    expect((await requests.click(officer, "arrears_accept", id)).status).toBe(200);
    await waitFor(() => t.app.ledger.find(id)!.status === "accepted");
    expect((await requests.click(officer, "arrears_record", id, { selected: `${id}|mediation` })).status).toBe(200);
    await waitFor(() => t.app.ledger.find(id)!.status === "handling");
    return { id, worker };
  }

  it("the bureau's name first (users.info not asked); else the Slack display name, learnt when they act", { timeout: 120_000 }, async () => {
    const named = await acceptAndRecord(NAMED);
    expect(desk.api.of("users.info").filter((c) => c.args.user === NAMED)).toHaveLength(0);
    const learnt = await acceptAndRecord(LEARNT);
    // Learnt after the action (a slow users.info delays no ticket), once, not per click.
    await waitFor(() => desk.slack.desk.registry.displayName(LEARNT) === "李华");
    expect(desk.api.of("users.info").filter((c) => c.args.user === LEARNT)).toHaveLength(1);

    const shownNamed = await cli("case", "show", named.id);
    expect(shownNamed.code, shownNamed.stderr).toBe(0);
    expect(shownNamed.stdout).toMatch(/状态改为「已受理」\s+王明（Slack）/);
    expect(shownNamed.stdout).not.toContain("U0NAMED");
    const shownLearnt = await cli("case", "show", learnt.id);
    expect(shownLearnt.stdout).toMatch(/状态改为「已受理」\s+李华（Slack）/);
    expect(shownLearnt.stdout).not.toMatch(/slack:U|U0LEARNT/);

    // For machines the ledger's actor stays, with who it was in words beside it.
    const json = JSON.parse((await cli("case", "show", learnt.id, "--json")).stdout) as { events: { actor: string; by: string; type: string }[] };
    expect(json.events.find((e) => e.type === "status_changed")).toMatchObject({ actor: `officer:slack:${LEARNT}`, by: "李华" });

    // `officer list` shows the names.
    const listed = await cli("officer", "list");
    expect(listed.stdout).toMatch(/U0NAMED\s+410702 .*王明/);
    expect(listed.stdout).toMatch(/U0LEARNT\s+410702 .*李华/);

    // A name given on the command line is the person's at every desk, and names them from then on.
    const renamed = await cli("officer", "add", "--slack-user", LEARNT, "--division", "410700", "--name", "李华英");
    expect(renamed.code, renamed.stderr).toBe(0);
    expect((await cli("case", "show", learnt.id)).stdout).toMatch(/状态改为「已受理」\s+李华英（Slack）/);
  });

  it("no name registered and Slack's refused (no users:read scope): the officer of their desk, '红旗区经办人'", { timeout: 60_000 }, async () => {
    desk.api.usersReadScope = false;
    const SCOPELESS = "U0NOSCOPE";
    desk.slack.desk.registry.add({ slackUserId: SCOPELESS, divisionCode: "410702" });
    const { id } = await acceptAndRecord(SCOPELESS);
    await waitFor(() => desk.api.of("users.info").some((c) => c.args.user === SCOPELESS));
    const shown = await cli("case", "show", id);
    expect(shown.stdout).toMatch(/状态改为「已受理」\s+红旗区经办人（Slack）/);
    expect(shown.stdout).not.toContain(SCOPELESS);
    const english = await cliOn(desk.t, { DEFAULT_LOCALE: "en" })("case", "show", id);
    expect(english.stdout).toContain("an officer of 红旗区 (Slack)");
  });

  it("the worker's own /status never shows a Slack user ID or the ledger's actor codes", async () => {
    desk.api.usersReadScope = true;
    const { id, worker } = await acceptAndRecord(LEARNT);
    worker.says(`/status ${id}`);
    expect(worker.heard).toContain("协调");
    expect(worker.heard).not.toMatch(/U0LEARNT|slack:|officer:/);
  });
});
