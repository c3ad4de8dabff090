// What a review of the officers' and leaders' side found, each fix held here: the CLI (the real
// bin/arrears.js in child processes) and the Slack desk (real Bolt over HTTP, the Web API stand-in on
// 127.0.0.1), on cases filed by workers through the engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackApp, type SlackChannel } from "../src/channels/slack/index.js";
import { groupWorkersPaidExcess } from "../src/groups/paid-limit.js";
import { CaseGroups, joinGroup, splitFromGroup } from "../src/groups/groups.js";
import { campaignStats } from "../src/reports/campaign.js";
import { renderNotification } from "../src/cases/notifications.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { cliOn } from "./helpers/cli.js";
import { SlackRequests } from "./helpers/slack-requests.js";
import { SlackStandIn } from "./helpers/slack-stand-in.js";

// Two complaints about one project of 红旗区: a group of 17 workers (12 + 5).
const TEAM = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";
const FIVE = "新乡市红旗区碧桂园凤凰城三期 包工头刘建国欠我们5个人工资4万";

let users = 0;
const file = (t: TestApp, text: string) => new Worker(t.app, `r${users++}`).files(text);

describe("the workers paid of a group's resolutions are bounded by the group, not by each case", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
  });
  afterAll(() => t.cleanup());

  it("CLI: the group's 17 recorded on one member, the other member's 12 more are refused (even with --confirm-figures)", async () => {
    const team = file(t, TEAM);
    const five = file(t, FIVE);
    const groupId = t.app.ledger.find(team)!.groupId;
    expect(groupId).not.toBeNull();
    expect(t.app.ledger.find(five)!.groupId).toBe(groupId);

    // The group's payment recorded on the five-worker complaint (beyond its own count: confirmed).
    const whole = await cli("case", "set-status", five, "resolved", "--by", "李", "--recovered", "27.6万", "--workers-paid", "17", "--confirm-figures");
    expect(whole.code, whole.stderr).toBe(0);

    // The team's own 12 would make 29 workers paid in a group of 17: refused, with what may still be recorded.
    const more = await cli("case", "set-status", team, "resolved", "--by", "李", "--recovered", "23.6万", "--workers-paid", "12", "--confirm-figures");
    expect(more.code).toBe(1);
    expect(more.stderr).toContain(`同案组 ${groupId} 一共最多 17 人`);
    expect(more.stderr).toContain("本案最多还能记 0 人");
    expect(t.restart().ledger.find(team)!.status).not.toBe("resolved");

    // Within the group's count it is taken.
    const none = await cli("case", "set-status", team, "resolved", "--by", "李", "--recovered", "0", "--workers-paid", "0");
    expect(none.code, none.stderr).toBe(0);
    // The campaign table counts 17 workers, the group's.
    const stats = campaignStats(t.restart().store, { from: 0, to: Date.now() + 86_400_000 * 400 });
    expect(stats.rows.total.workers).toBe(17);
  });

  it("each member resolved with its own workers fits; a reopened member's resolution no longer counts", () => {
    const app = t.restart();
    const team = file(t, TEAM.replace("碧桂园凤凰城三期", "鑫源小区二期").replace("刘建国", "王大海"));
    const five = file(t, FIVE.replace("碧桂园凤凰城三期", "鑫源小区二期").replace("刘建国", "王大海"));
    expect(groupWorkersPaidExcess(app.store.sqlite, five, 5)).toBeNull();
    app.actions.setStatus({ caseId: team, status: "resolved", by: "李", channel: "cli", note: "recovered:236000;workersPaid:12" });
    expect(groupWorkersPaidExcess(app.store.sqlite, five, 5)).toBeNull();
    expect(groupWorkersPaidExcess(app.store.sqlite, five, 6)).toMatchObject({ groupWorkers: 17, othersPaid: 12, room: 5 });
    app.actions.setStatus({ caseId: team, status: "reopened", by: "李", channel: "cli", note: "工人说没收到" });
    expect(groupWorkersPaidExcess(app.store.sqlite, five, 17)).toBeNull();
  });

  it("a team's claim told twice counts once, as in the report: both tellers resolved with the team's 12 fit", () => {
    const app = t.restart();
    const a = file(t, TEAM.replace("碧桂园凤凰城三期", "锦绣家园三期").replace("刘建国", "孙立军"));
    const b = file(t, TEAM.replace("碧桂园凤凰城三期", "锦绣家园三期").replace("刘建国", "孙立军"));
    expect(app.ledger.find(a)!.groupId).toBe(app.ledger.find(b)!.groupId);
    app.actions.setStatus({ caseId: a, status: "resolved", by: "李", channel: "cli", note: "recovered:236000;workersPaid:12" });
    expect(groupWorkersPaidExcess(app.store.sqlite, b, 12)).toBeNull();
    expect(groupWorkersPaidExcess(app.store.sqlite, b, 13)).toMatchObject({ groupWorkers: 12, othersPaid: 0, room: 12 });
  });

  it("a case in no group is bounded by its own count only (unchanged)", () => {
    const app = t.restart();
    const alone = file(t, "我在新乡市红旗区恒发电器厂上班，老板欠我8000块工资");
    expect(app.ledger.find(alone)!.groupId).toBeNull();
    expect(groupWorkersPaidExcess(app.store.sqlite, alone, 5)).toBeNull();
  });
});

describe("Slack: the resolve modal holds a group's workers paid to the group", () => {
  const SECRET = "test-signing-secret";
  const HONGQI = "U0HONGQI";
  let t: TestApp;
  let api: SlackStandIn;
  let slack: SlackChannel;
  let port = 0;
  let requests: SlackRequests;
  beforeAll(async () => {
    t = makeTestApp();
    t.clock.current = Date.parse("2026-11-23T10:00+08:00");
    api = new SlackStandIn();
    await api.start();
    slack = createSlackApp(t.app, { token: "xoxb-test", signingSecret: SECRET, port: 0, slackApiUrl: api.url, retries: 0, deskPollMs: 0 });
    port = (await slack.start())!;
    requests = new SlackRequests(() => ({ app: t.app, port }), SECRET);
    slack.desk.registry.add({ slackUserId: HONGQI, divisionCode: "410702", role: "officer" });
  });
  afterAll(async () => {
    await slack.stop();
    await api.stop();
    t.cleanup();
  });

  it("the second member's workers beyond the group's are sent back in the modal; nothing is closed", async () => {
    const team = file(t, TEAM);
    const five = file(t, FIVE);
    await slack.tickets.postTicket(team);
    await slack.tickets.postTicket(five);
    t.app.actions.setStatus({ caseId: team, status: "accepted", by: "slack:U0HONGQI", channel: "slack" });
    t.app.actions.setStatus({ caseId: five, status: "accepted", by: "slack:U0HONGQI", channel: "slack" });
    t.app.actions.setStatus({ caseId: team, status: "resolved", by: "slack:U0HONGQI", channel: "slack", note: "recovered:276000;workersPaid:17" });

    const refused = await requests.submit(HONGQI, "resolve", five, { recovered: "40000", workers: "5" });
    expect(refused.text).toContain("errors");
    expect(refused.text).toContain("本案最多还能记 0 人");
    expect(t.app.ledger.find(five)!.status).toBe("accepted");

    const taken = await requests.submit(HONGQI, "resolve", five, { recovered: "0", workers: "0" });
    expect(taken.text).not.toContain("errors");
  });
});

describe("a group split can be undone: group join puts the case back", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
  });
  afterAll(() => t.cleanup());
  const groups = () => new CaseGroups(t.app.store.db, t.app.router, t.app.gazetteer);

  it("CLI: a split that dissolved the group is undone by naming the other case; the sums and the level come back", async () => {
    const team = file(t, TEAM);
    const five = file(t, FIVE);
    const before = t.app.ledger.find(team)!.groupId!;
    const split = await cli("group", "split", five, "--by", "李");
    expect(split.code, split.stderr).toBe(0);
    // The way back is said where the split is done.
    expect(split.stdout).toContain(`arrears group join ${five.slice(0, 3)}-${five.slice(3, 6)}-${five.slice(6)} ${before}`);
    expect(t.restart().ledger.find(team)!.groupId).toBeNull();

    // The dissolved group's ID names its former member instead of "not found".
    const gone = await cli("group", "join", five, before, "--by", "李");
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`同案组 ${before} 已解散`);

    const back = await cli("group", "join", five, team, "--by", "李");
    expect(back.code, back.stderr).toBe(0);
    const app = t.restart();
    const groupId = app.ledger.find(team)!.groupId!;
    expect(groupId).not.toBeNull();
    expect(app.ledger.find(five)!.groupId).toBe(groupId);
    expect(groups().summary(groupId)).toMatchObject({ workers: 17, amountYuan: 276_000, level: "collective" });
    expect(app.ledger.find(five)!.collective).toBe(true);
    expect(app.ledger.events(five).some((e) => e.type === "group_joined" && (e.data as { match?: string }).match === "by_hand" && e.actor === "officer:李")).toBe(true);

    // In a group already: refused, pointing to split.
    const twice = await cli("group", "join", five, team, "--by", "李");
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("已在同案组");
  });

  it("a case put back by hand is grouped again from then on: a third complaint joins it automatically", () => {
    const app = t.app;
    const a = file(t, TEAM.replace("碧桂园凤凰城三期", "鑫源小区二期").replace("刘建国", "王大海"));
    const b = file(t, FIVE.replace("碧桂园凤凰城三期", "鑫源小区二期").replace("刘建国", "王大海"));
    const groupId = app.ledger.find(a)!.groupId!;
    splitFromGroup(app.store, app.router, b, "李", app.clock.now(), app.actions.deadlines);
    joinGroup(app.store, app.router, b, a, "李", app.clock.now(), app.actions.deadlines);
    const regrouped = app.ledger.find(b)!.groupId!;
    expect(regrouped).not.toBe(groupId);
    splitFromGroup(app.store, app.router, a, "李", app.clock.now(), app.actions.deadlines);
    expect(app.ledger.find(b)!.groupId).toBeNull();
    // b was put back by hand after its split: a new complaint groups with it; a (split last) stays apart.
    const c = file(t, "新乡市红旗区鑫源小区二期 包工头王大海欠我们3个人工资2万");
    expect(app.ledger.find(c)!.groupId).not.toBeNull();
    expect(app.ledger.find(c)!.groupId).toBe(app.ledger.find(b)!.groupId);
    expect(app.ledger.find(a)!.groupId).toBeNull();
  });
});

describe("what the CLI sends the worker reads as the desk's would, in the worker's language", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
  });
  afterAll(() => t.cleanup());
  const toldWorker = (key: string) =>
    t
      .restart()
      .outbox.due("local", Date.now() + 86_400_000 * 400, 100, key)
      .map((row) => renderNotification(row))
      .join("\n");

  it("referred with --category: the worker hears what it was found to be and that it is not arrears, not only where to go", async () => {
    const worker = new Worker(t.app, "ref1");
    const id = worker.files("我在新乡市红旗区恒发电器厂上班，老板欠我8000块工资");
    const referred = await cli("case", "set-status", id, "referred", "--by", "王", "--category", "labor_dispute", "--tell-worker", "请到红旗区劳动人事争议仲裁委员会申请仲裁");
    expect(referred.code, referred.stderr).toBe(0);
    const told = toldWorker("local:ref1");
    expect(told).toContain("劳动争议");
    expect(told).toContain("不属于欠薪");
    expect(told).toContain("请到红旗区劳动人事争议仲裁委员会申请仲裁");
  });

  it("a question in Chinese only, to a worker who writes English, is sent back to be written in English; with English words it goes", async () => {
    const worker = new Worker(t.app, "en1");
    worker.says("/lang en");
    const id = worker.files("My boss Li Ming at a restaurant in Hongqi district, Xinxiang owes me 6000 yuan wages", { project: "Happy Noodle House" });
    expect(t.app.ledger.find(id)!.locale).toBe("en");
    const chinese = await cli("case", "set-status", id, "awaiting_worker", "--by", "王", "--note", "你在哪家店干活？");
    expect(chinese.code).toBe(1);
    expect(chinese.stderr).toContain("请用英文写");
    expect(t.restart().ledger.find(id)!.status).toBe("logged");
    const english = await cli("case", "set-status", id, "awaiting_worker", "--by", "王", "--note", "Which shop on 平原路 did you work at?");
    expect(english.code, english.stderr).toBe(0);
    expect(toldWorker("local:en1")).toContain("Which shop on 平原路 did you work at?");
  });
});

describe("the CLI takes a handling record and a category by the names officers know them by", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
  });
  afterAll(() => t.cleanup());

  it("--record 立案 / 移送公安 are case_opened / police; an unknown one lists the codes with their names", async () => {
    const id = file(t, TEAM);
    const opened = await cli("case", "set-status", id, "handling", "--by", "李", "--record", "立案");
    expect(opened.code, opened.stderr).toBe(0);
    expect(t.restart().ledger.events(id).at(-1)).toMatchObject({ type: "status_changed", data: { note: "record:case_opened" } });
    const police = await cli("case", "set-status", id, "handling", "--by", "李", "--record", "移送公安");
    expect(police.code, police.stderr).toBe(0);
    expect(t.restart().ledger.events(id).at(-1)).toMatchObject({ data: { note: "record:police" } });
    // 罚款 is a penalty (行政处罚决定, the campaign table's column 12).
    const fined = await cli("case", "set-status", id, "handling", "--by", "李", "--record", "罚款");
    expect(fined.code, fined.stderr).toBe(0);
    expect(t.restart().ledger.events(id).at(-1)).toMatchObject({ data: { note: "record:penalty" } });
    const unknown = await cli("case", "set-status", id, "handling", "--by", "李", "--record", "开会");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("case_opened（立案）、order（责令改正）");
  });

  it("an option of another action is refused, not dropped: handling --recovered records no money, handling --category no category", async () => {
    const id = file(t, "我在新乡市红旗区恒发电器厂上班，老板欠我7000块工资");
    const before = t.restart().ledger.events(id).length;
    const money = await cli("case", "set-status", id, "handling", "--by", "李", "--recovered", "5000");
    expect(money.code).toBe(1);
    expect(money.stderr).toContain("--recovered 只用于「已办结」，这次要改的是「处理中」：没有改动");
    const category = await cli("case", "set-status", id, "handling", "--by", "李", "--category", "work_injury");
    expect(category.code).toBe(1);
    const to = await cli("case", "set-status", id, "accepted", "--by", "李", "--to", "410724");
    expect(to.code).toBe(1);
    expect(t.restart().ledger.events(id)).toHaveLength(before);
    expect(t.restart().ledger.find(id)!.status).toBe("logged");
  });

  it("--category 劳动争议 refers the case as a labour dispute", async () => {
    const id = file(t, "我在新乡市红旗区恒发电器厂上班，老板欠我8000块工资");
    const referred = await cli("case", "set-status", id, "referred", "--by", "李", "--category", "劳动争议", "--tell-worker", "请到区劳动人事争议仲裁委员会申请仲裁");
    expect(referred.code, referred.stderr).toBe(0);
    expect(t.restart().ledger.find(id)!.category).toBe("labor_dispute");
  });

  it("case show in English brackets who acted with English brackets, not Chinese ones", async () => {
    const id = file(t, "我在新乡市红旗区恒发电器厂上班，老板欠我9000块工资");
    const shown = await cliOn(t, { DEFAULT_LOCALE: "en" })("case", "show", id);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("worker (local chat)");
    expect(shown.stdout).not.toContain("（");
  });
});

describe("the desk reads a transfer made on the command line by the county's name", () => {
  it("the thread note names 获嘉县, not the code 410724", () => {
    const t = makeTestApp();
    try {
      const id = file(t, "我在新乡市红旗区恒发电器厂上班，老板欠我8000块工资");
      t.app.actions.setStatus({ caseId: id, status: "transferred", by: "李", channel: "cli", moveToJurisdiction: "410724", note: "厂在获嘉" });
      const note = t.app.outbox
        .due("desk", Date.now() + 86_400_000 * 400, 100)
        .filter((row) => row.messageKey === "desk.transferred")
        .map((row) => renderNotification(row));
      expect(note).toEqual([expect.stringContaining("已转办到 河南省新乡市获嘉县（李）。厂在获嘉")]);
    } finally {
      t.cleanup();
    }
  });
});
