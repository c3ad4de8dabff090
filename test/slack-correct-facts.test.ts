// 更正案件信息 from the Slack desk, end to end (real Bolt over HTTP, signed requests, the Web API stand-in on
// 127.0.0.1, a case filed through the real dialog engine): the 更正信息 button opens a modal filled with
// the facts as they stand; bad figures are refused in the modal; a good correction changes the case, the
// ticket shows the new facts, the thread says who changed what, and the worker is told in their language.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import { createSlackApp, type SlackChannel } from "../src/channels/slack/index.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { SlackRequests } from "./helpers/slack-requests.js";
import { SlackStandIn, waitFor } from "./helpers/slack-stand-in.js";
import { renderNotification } from "../src/cases/notifications.js";

const SECRET = "test-signing-secret";
const HONGQI = "U0HONGQI"; // officer of 红旗区 410702
const HUOJIA = "U0HUOJIA"; // officer of 获嘉县 410724
const STORY = "I work at the Fenghuang City phase 3 site in Hongqi District, Xinxiang. Foreman Liu Jianguo owes 4 of us 30000 yuan";

let t: TestApp;
let api: SlackStandIn;
let slack: SlackChannel;
let requests: SlackRequests;
let port = 0;

beforeAll(async () => {
  t = makeTestApp();
  t.clock.current = Date.parse("2026-11-23T10:00+08:00");
  api = new SlackStandIn();
  await api.start();
  slack = createSlackApp(t.app, { token: "xoxb-test", signingSecret: SECRET, port: 0, slackApiUrl: api.url, retries: 0, deskPollMs: 0 });
  requests = new SlackRequests(() => ({ app: t.app, port }), SECRET);
  port = (await slack.start())!;
  slack.desk.registry.add({ slackUserId: HONGQI, divisionCode: "410702", role: "officer" });
  slack.desk.registry.add({ slackUserId: HUOJIA, divisionCode: "410724", role: "officer" });
});
afterAll(async () => {
  await slack.stop();
  await api.stop();
  t.cleanup();
});

function updatesOf(caseId: string) {
  const ticket = requests.deskTicket(caseId);
  return api.of("chat.update").filter((c) => c.args.ts === ticket.ts && c.args.channel === ticket.channel);
}

describe("更正信息 on the desk ticket", () => {
  test("opens with the facts as they stand, refuses bad figures in the modal, and corrects the case for everyone", async () => {
    const worker = new Worker(t.app, "en-correct", "telegram");
    worker.says("/lang en");
    const id = worker.files(STORY, { employer: "Liu Jianguo", project: "Fenghuang City phase 3" });
    const before = t.app.ledger.find(id)!;
    expect(before).toMatchObject({ amountYuan: 30_000, headcountMin: 4 });
    await slack.tickets.postTicket(id);
    const posted = api.of("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? "").includes(formatCaseId(id)));
    expect(JSON.stringify(posted?.args.blocks)).toContain("arrears_correct");

    const opened = api.of("views.open").length;
    await requests.click(HONGQI, "arrears_correct", id);
    const view = (await waitFor(() => api.of("views.open")[opened])).args.view as {
      callback_id: string;
      blocks: { block_id: string; optional?: boolean; element: { initial_value?: string } }[];
    };
    expect(view.callback_id).toBe("arrears_modal_correct");
    expect(view.blocks.map((b) => b.block_id)).toEqual(["amount", "headcount", "employer", "project", "note"]);
    expect(view.blocks.every((b) => b.optional === true)).toBe(true);
    expect(view.blocks.map((b) => b.element.initial_value ?? null)).toEqual(["30000", "4", before.employer, before.project, null]);

    // Refused inside the modal: a figure that is no amount, the same facts again, another county's officer.
    const asIs = { amount: "30000", headcount: "4", employer: before.employer ?? "", project: before.project ?? "", note: "" };
    const bad = await requests.submit(HONGQI, "correct", id, { ...asIs, amount: "lots" });
    expect(bad.text).toContain("errors");
    expect(bad.text).toContain("amount");
    const tenfold = await requests.submit(HONGQI, "correct", id, { ...asIs, amount: "300000" });
    expect(tenfold.text).toContain("相差五倍以上");
    const same = await requests.submit(HONGQI, "correct", id, asIs);
    expect(same.text).toContain("没有要更正的");
    const stranger = await requests.submit(HUOJIA, "correct", id, { ...asIs, amount: "1" });
    expect(stranger.text).toContain("errors");
    expect(t.app.ledger.events(id).filter((e) => e.type === "facts_corrected")).toHaveLength(0);

    const updates = updatesOf(id).length;
    const done = await requests.submit(HONGQI, "correct", id, { ...asIs, amount: "3.6万", headcount: "6", note: "核对了考勤和工资表" });
    expect(done.status).toBe(200);
    const ticket = await waitFor(() => updatesOf(id).length > updates && updatesOf(id).at(-1));
    expect(t.app.ledger.find(id)).toMatchObject({ amountYuan: 36_000, headcountMin: 6, headcountMax: 6 });
    expect(JSON.stringify(ticket.args.blocks)).toContain("36,000");
    expect(t.app.ledger.events(id).at(-1)).toMatchObject({
      type: "facts_corrected",
      actor: `officer:slack:${HONGQI}`,
      channel: "slack",
      data: { note: "核对了考勤和工资表", changes: [{ fact: "amountYuan", from: 30_000, to: 36_000 }, { fact: "headcount", from: 4, to: 6 }] },
    });

    // The thread says who changed what and why, with the officer mentioned.
    await slack.deskDelivery.dispatcher.drainOnce();
    const thread = api.of("chat.postMessage").find((c) => String(c.args.text).includes("更正了案件信息"));
    expect(String(thread?.args.text)).toContain(`<@${HONGQI}>`);
    expect(String(thread?.args.text)).toContain("欠款金额：¥30,000 → ¥36,000");
    expect(String(thread?.args.text)).toContain("核对了考勤和工资表");

    // The worker hears it in English, without the internal basis.
    const told = t.app.outbox.due("telegram", t.app.clock.now(), 50).filter((row) => row.messageKey === "notify.factsCorrected");
    expect(told).toHaveLength(1);
    const text = renderNotification(told[0]!);
    expect(text).toContain("Amount owed: ¥30,000 → ¥36,000");
    expect(text).toContain("Workers owed: 4 workers → 6 workers");
    expect(text).not.toContain("工资表");
  });
});

describe("two officers correcting one case", () => {
  test("a modal left open does not put back what another officer corrected meanwhile", async () => {
    const worker = new Worker(t.app, "stale-modal", "telegram");
    const id = worker.files("我在新乡市红旗区凤凰城三期工地干活，包工头刘建国欠我们4个人工资3万");
    await slack.tickets.postTicket(id);
    const opened = api.of("views.open").length;
    await requests.click(HONGQI, "arrears_correct", id);
    const view = (await waitFor(() => api.of("views.open")[opened])).args.view as { private_metadata: string };
    // Another officer corrects the amount from the command line while the modal is open.
    t.app.actions.correctFacts({ caseId: id, correction: { amountYuan: 28_600 }, by: "李四", channel: "cli" });
    // The modal is submitted with the amount as it showed it and another employer.
    const shown = JSON.parse(view.private_metadata) as { shown: { amount: string; headcount: string; employer: string; project: string } };
    expect(shown.shown.amount).toBe("30000");
    const updates = updatesOf(id).length;
    await requests.submit(HONGQI, "correct", id, { ...shown.shown, employer: "宏达劳务", note: "" }, view.private_metadata);
    await waitFor(() => updatesOf(id).length > updates);
    expect(t.app.ledger.find(id)).toMatchObject({ amountYuan: 28_600, employer: "宏达劳务" });
    const last = t.app.ledger.events(id).at(-1)!;
    expect(last.data).toMatchObject({ changes: [{ fact: "employer", from: "刘建国", to: "宏达劳务" }] });
  });
});
