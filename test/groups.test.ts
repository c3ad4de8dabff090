// Collective cases (集体欠薪) on a real SQLite file: spelling variants of one employer in one county are
// grouped at logging, summed and escalated as a whole once per level; officers merge and split; the
// repeat-employer flag (欠薪预警) and the group line reach the Slack ticket.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import type { SlackClient } from "../src/channels/slack/tickets.js";
import { Tickets } from "../src/channels/slack/tickets.js";
import { groupCommand } from "../src/groups/cli.js";
import { eventLabel } from "../src/cases/event-text.js";
import { loadCaseView } from "../src/cases/case-view.js";
import { CaseGroups, markTeamClaim } from "../src/groups/groups.js";
import { translator } from "../src/i18n.js";
import { employerKey, projectKey } from "../src/groups/keys.js";
import { repeatEmployerWarning } from "../src/groups/repeat-employer.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => {
  // Joining adds a case's figures to the group's stored sums; merge and split sum the members again.
  // Either way the stored sums are the members' sums, a team's claim told twice counted once.
  const claims = (column: string) =>
    `(SELECT COALESCE(SUM(v), 0) FROM (SELECT MAX(${column}) AS v FROM cases WHERE group_id = g.id
       GROUP BY CASE WHEN headcount_min > 1 AND amount_yuan IS NOT NULL AND separate_claim = 0 THEN headcount_min || '|' || amount_yuan ELSE id END))`;
  const sums = env.app.store.sqlite
    .prepare(`SELECT g.id, g.headcount_total AS workers, g.amount_total AS amount, ${claims("headcount_min")} AS memberWorkers, ${claims("amount_yuan")} AS memberAmount FROM case_groups g`)
    .all() as { id: string; workers: number; amount: number; memberWorkers: number; memberAmount: number }[];
  const drift = sums.filter((g) => g.workers !== g.memberWorkers || Math.abs(g.amount - g.memberAmount) > 1e-6);
  env.cleanup();
  expect(drift).toEqual([]);
});

let users = 0;
/** Files a complaint through the dialog engine, answering what it asks from `answers`. */
function file(text: string, answers: Record<string, string> = {}): string {
  // The project and employer as the message names them, when the reader leaves them to a question.
  const project = /(碧桂园凤凰城三期|凤凰城三期|滨江花园二期|人民医院新院区)/.exec(text)?.[1];
  const employer = /(新乡宏达劳务|宏达劳务有限公司|宏达劳务|恒发建筑有限公司|恒发建筑)/.exec(text)?.[1];
  answers = { ...(project ? { project } : {}), ...(employer ? { employer } : {}), ...answers };
  return new Worker(env.app, `g${users++}`).files(text, answers);
}

const row = (id: string) => env.app.ledger.find(id)!;
const eventTypes = (id: string) => env.app.ledger.events(id).map((e) => e.type);
const escalations = (id: string) =>
  env.app.ledger
    .events(id)
    .filter((e) => e.type === "group_escalated")
    .map((e) => (e.data as { level: string }).level);
const deskMessages = () =>
  env.app.store.sqlite.prepare("SELECT recipient_key AS recipient, message_key AS key, params FROM outbox WHERE channel = 'desk' AND message_key = 'groups:desk.escalated' ORDER BY id").all() as {
    recipient: string;
    key: string;
    params: string;
  }[];

describe("comparable keys", () => {
  it("reduce spellings and abbreviations of one employer to one key, and keep different ones apart", () => {
    const variants = ["宏达劳务", "宏达劳务有限公司", "新乡宏达劳务", "河南省新乡市宏达建筑劳务有限公司", "宏达劳务有限公司新乡分公司", "（新乡）宏达劳务"];
    expect(new Set(variants.map(employerKey))).toEqual(new Set(["宏达"]));
    expect(employerKey("包工头刘建国")).toBe("刘建国");
    // Industry words go only while something distinctive is left; short county names are not stripped.
    expect(employerKey("中建三局")).toBe("中建三局");
    expect(employerKey("新乡建设集团")).toBe("新乡");
    expect(employerKey("东兴装饰")).toBe("东兴装饰");
    expect(employerKey("恒达劳务")).not.toBe(employerKey("宏达劳务"));
    expect(employerKey("宏")).toBeNull();
    // One school by its short and its long name.
    expect(employerKey("启航教育培训学校")).toBe(employerKey("启航教育"));
    expect(projectKey("新乡碧桂园凤凰城三期项目")).toBe(projectKey("碧桂园凤凰城三期"));
    expect(projectKey("凤凰城三期工地")).toBe("凤凰城三期");
  });
});

describe("grouping at logging", () => {
  it("groups spelling variants in one county, sums them, and escalates the group once per level", () => {
    const a = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们8个人工资一共5万");
    expect(row(a).groupId).toBeNull(); // alone: no group yet
    expect(row(a).employerKey).toBe("宏达");

    const b = file("新乡市红旗区凤凰城三期工地，宏达劳务有限公司拖欠我们班组9个人工资12万");
    const groupId = row(b).groupId;
    expect(groupId).not.toBeNull();
    expect(row(a).groupId).toBe(groupId);
    // `case show --json` names the group, for `group show`.
    expect(loadCaseView(env.app.ledger, a)!.groupId).toBe(groupId);
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    expect(groups.summary(groupId!)).toMatchObject({ workers: 17, amountYuan: 170_000, level: "collective", members: [a, b] });
    // 17 workers: collective (10) crossed — both members escalated, the city desk told once.
    expect(escalations(a)).toEqual(["collective"]);
    expect(escalations(b)).toEqual(["collective"]);
    expect(row(a).collective).toBe(true);
    expect(deskMessages()).toHaveLength(1);
    expect(deskMessages()[0]).toMatchObject({ recipient: "division:410700", key: "groups:desk.escalated" });

    // Another spelling, another project of the same employer in the same county: 32 workers → major.
    const c = file("我们在新乡市红旗区干活，新乡宏达劳务欠了我们15个人的工资20万", { project: "人民医院新院区" });
    expect(row(c).groupId).toBe(groupId);
    expect(groups.summary(groupId!)).toMatchObject({ workers: 32, amountYuan: 370_000, level: "major" });
    for (const id of [a, b]) expect(escalations(id)).toEqual(["collective", "major"]);
    expect(escalations(c)).toEqual(["major"]);
    for (const id of [a, b, c]) expect(row(id).major).toBe(true);
    // Each member made major owes the major-case deadlines from now, once.
    for (const id of [a, b, c]) {
      const kinds = env.app.actions.deadlines.all(id).map((d) => d.kind);
      expect(kinds.filter((kind) => kind === "major_facts")).toHaveLength(1);
      expect(kinds).toContain("major_progress");
    }
    expect(deskMessages()).toHaveLength(2);
    expect(JSON.parse(deskMessages()[1]!.params)).toMatchObject({ workers: 32, members: 3, levelKey: "groups:level.major" });
    const escalatedAt = groups.summary(groupId!)!.escalatedAt;

    // A fourth complaint joins the major group: summed, but not escalated a second time.
    env.clock.advance(60_000);
    const d = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们2个人工资1万");
    expect(row(d).groupId).toBe(groupId);
    expect(groups.summary(groupId!)).toMatchObject({ workers: 34, level: "major", escalatedAt });
    for (const id of [a, b, c, d]) expect(escalations(id).filter((l) => l === "major")).toHaveLength(1);
    expect(deskMessages()).toHaveLength(2);
    // It is handled at the group's level like the others: major, with its ledger event and deadlines.
    expect(row(d)).toMatchObject({ major: true, collective: true });
    expect(env.app.ledger.events(d).find((e) => e.type === "group_escalated")).toMatchObject({ data: { level: "major", from: "none", joined: true } });
    expect(env.app.actions.deadlines.openFor(d).map((x) => x.kind)).toEqual(expect.arrayContaining(["major_facts", "major_progress"]));
    expect(eventTypes(d)).toContain("group_joined");
    // The desk still hears of it: a note for the thread of the group's first case.
    const joinNotes = env.app.store.sqlite
      .prepare("SELECT recipient_key AS recipient, params FROM outbox WHERE message_key = 'groups:desk.joined'")
      .all() as { recipient: string; params: string }[];
    expect(joinNotes).toHaveLength(1);
    expect(joinNotes[0]!.recipient).toBe(`case:${a}`);
    expect(JSON.parse(joinNotes[0]!.params)).toMatchObject({ group: groupId, workers: 34 });

    // The same employer in another county is another group (属地).
    const e = file("我在新乡市卫滨区滨江花园二期，宏达劳务有限公司欠我们3个人工资2万");
    expect(row(e).groupId).toBeNull();
    expect(row(e).employerKey).toBe("宏达");
  });

  it("does not group with closed cases", () => {
    const a = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们8个人工资一共5万");
    env.app.actions.setStatus({ caseId: a, status: "resolved", by: "张三", channel: "cli" });
    const b = file("新乡市红旗区凤凰城三期工地，宏达劳务有限公司拖欠我们班组9个人工资12万");
    expect(row(b).groupId).toBeNull();
  });
});

describe("merging and splitting by hand", () => {
  it("merges two groups and splits cases out, with ledger events, through the CLI builder", async () => {
    const a1 = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们3个人工资一共3万");
    const a2 = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们2个人工资2万");
    const b1 = file("我在新乡市红旗区滨江花园二期，恒发建筑欠我们2个人工资4万");
    const b2 = file("新乡市红旗区滨江花园二期工地，恒发建筑有限公司欠我们1个人工资1万");
    const g1 = row(a1).groupId!;
    const g2 = row(b1).groupId!;
    expect(g1).not.toBe(g2);
    expect(row(a2).groupId).toBe(g1);
    expect(row(b2).groupId).toBe(g2);

    const lines: string[] = [];
    const command = () => groupCommand(() => env.restart(), (line) => lines.push(line));
    await command().parseAsync(["merge", g1, g2, "--by", "张三"], { from: "user" });
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    expect(groups.summary(g2)).toBeNull();
    expect(groups.summary(g1)).toMatchObject({ workers: 8, amountYuan: 100_000, level: "none" });
    expect(groups.summary(g1)!.members.sort()).toEqual([a1, a2, b1, b2].sort());
    for (const id of [a1, a2, b1, b2]) {
      const merged = env.app.ledger.events(id).filter((e) => e.type === "group_merged");
      expect(merged).toHaveLength(1);
      expect(merged[0]).toMatchObject({ actor: "officer:张三", data: { groupId: g1, from: g2 } });
    }
    expect(lines.join("\n")).toContain(formatCaseId(b2));

    await command().parseAsync(["split", formatCaseId(b1), "--by", "李四"], { from: "user" });
    expect(row(b1).groupId).toBeNull();
    expect(env.app.ledger.events(b1).at(-1)).toMatchObject({ type: "group_split", actor: "officer:李四", data: { groupId: g1 } });
    expect(groups.summary(g1)).toMatchObject({ workers: 6, amountYuan: 60_000 });

    // A complaint split out by hand is not pulled back in by the next matching complaint.
    const b3 = file("新乡市红旗区滨江花园二期，恒发建筑欠我们1个人工资5千");
    expect(row(b3).groupId).toBe(g1);
    expect(row(b1).groupId).toBeNull();

    // Splitting down to one member dissolves the group.
    for (const id of [a1, a2, b3]) groups.split(id, "李四", env.clock.now());
    expect(groups.summary(g1)).toBeNull();
    expect(row(b2).groupId).toBeNull();
    expect(eventTypes(b2)).toContain("group_dissolved");
  });

  it("group show gives each complaint's status in words beside it, with its workers and sum", async () => {
    const a = file("我在新乡市红旗区滨江花园三期工地干木工，鑫达劳务欠我们3个人工资一共3万");
    const b = file("新乡市红旗区滨江花园三期工地，鑫达劳务有限公司欠我们2个人工资2万");
    const group = row(a).groupId!;
    expect(row(b).groupId).toBe(group);
    env.app.actions.setStatus({ caseId: b, status: "accepted", by: "张三", channel: "cli" });
    const lines: string[] = [];
    await groupCommand(() => env.restart(), (line) => lines.push(line)).parseAsync(["show", group], { from: "user" });
    expect(lines).toContain(`  · ${formatCaseId(a)}  已登记，待受理  3 人  ¥30,000`);
    expect(lines).toContain(`  · ${formatCaseId(b)}  已受理  2 人  ¥20,000`);
  });

  it("gives the major-case deadlines only to open members: a resolved one owes nothing more", () => {
    const a = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们4个人工资一共3万");
    const b = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们3个人工资2万");
    env.app.actions.setStatus({ caseId: a, status: "resolved", by: "张三", channel: "cli", note: "recovered:30000;workersPaid:4" });
    const c = file("新乡市红旗区凤凰城三期工地，宏达劳务欠我们40个人工资60万");
    expect(row(c).groupId).toBe(row(b).groupId);
    expect(row(b).major).toBe(true);
    expect(env.app.actions.deadlines.openFor(b).map((d) => d.kind)).toEqual(expect.arrayContaining(["major_facts", "major_progress"]));
    // The resolved one keeps only its 回头看 (follow-up).
    expect(env.app.actions.deadlines.openFor(a).map((d) => d.kind)).toEqual(["follow_up"]);
  });

  it("raises the members of a lower group merged into a major one, without telling the city twice", () => {
    const a1 = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们20个人工资一共30万");
    const a2 = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们15个人工资25万");
    const b1 = file("我在新乡市红旗区滨江花园二期，恒发建筑欠我们2个人工资4万");
    const b2 = file("新乡市红旗区滨江花园二期工地，恒发建筑有限公司欠我们1个人工资1万");
    const major = row(a1).groupId!;
    expect(row(a1).major).toBe(true);
    expect(row(b1).major).toBe(false);
    const told = deskMessages().length;
    const lines: string[] = [];
    return groupCommand(() => env.restart(), (line) => lines.push(line))
      .parseAsync(["merge", row(b1).groupId!, major, "--by", "张三"], { from: "user" })
      .then(() => {
        const groups = new CaseGroups(env.app.store.db, env.app.router);
        expect(groups.summary(row(b1).groupId!)).toMatchObject({ level: "major", workers: 38 });
        for (const id of [b1, b2]) {
          expect(row(id)).toMatchObject({ major: true, collective: true });
          expect(env.app.ledger.events(id).find((e) => e.type === "group_escalated")).toMatchObject({ actor: "officer:张三", data: { level: "major", from: "none" } });
          expect(env.app.actions.deadlines.openFor(id).map((d) => d.kind)).toEqual(expect.arrayContaining(["major_facts", "major_progress"]));
        }
        // The members already major are not escalated again, and the city hears nothing new.
        for (const id of [a1, a2]) expect(escalations(id)).toEqual(["major"]);
        expect(deskMessages()).toHaveLength(told);
        // The desk hears of the merge in the group's first thread (Slack then refreshes every member's ticket).
        const merged = env.app.store.sqlite.prepare("SELECT recipient_key AS recipient, params FROM outbox WHERE message_key = 'groups:desk.merged'").all() as { recipient: string; params: string }[];
        expect(merged).toHaveLength(1);
        expect(JSON.parse(merged[0]!.params)).toMatchObject({ group: row(b1).groupId, source: major, members: 4, workers: 38 });
      });
  });

  it("escalates a merged group that crosses a threshold", () => {
    const a1 = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们4个人工资一共3万");
    const a2 = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们3个人工资2万");
    const b1 = file("我在新乡市红旗区滨江花园二期，恒发建筑欠我们2个人工资4万");
    const b2 = file("新乡市红旗区滨江花园二期工地，恒发建筑有限公司欠我们2个人工资1万");
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    expect(deskMessages()).toHaveLength(0);
    const merged = groups.merge(row(a1).groupId!, row(b1).groupId!, "张三", env.clock.now());
    expect(merged).toMatchObject({ workers: 11, level: "collective" });
    for (const id of [a1, a2, b1, b2]) expect(escalations(id)).toEqual(["collective"]);
    expect(deskMessages()).toHaveLength(1);
  });
});

describe("members that stop being the group's problem", () => {
  it("takes a case the officer refers as not arrears out of its group, and its figures out of the sums", () => {
    const a = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们3个人工资一共3万");
    const b = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们2个人工资2万");
    const c = file("新乡市红旗区凤凰城三期工地，宏达劳务欠我们4个人工资5万");
    const groupId = row(a).groupId!;
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    expect(groups.summary(groupId)).toMatchObject({ workers: 9, amountYuan: 100_000 });

    const referred = env.app.actions.setStatus({ caseId: b, status: "referred", by: "张三", channel: "cli", note: "category:work_injury 实为工伤待遇" });
    expect(referred.groupId).toBeNull();
    expect(row(b).groupId).toBeNull();
    const left = env.app.ledger.events(b).find((e) => e.type === "group_left")!;
    expect(left).toMatchObject({ actor: "officer:张三", data: { groupId, because: "referred" } });
    expect(groups.summary(groupId)).toMatchObject({ workers: 7, amountYuan: 80_000, members: [a, c] });
    // Officers read why it left; the worker reads that it is handled on its own.
    expect(eventLabel(translator("zh-CN"), left.type, left.data)).toBe("移出同案组（不属于欠薪）");
    expect(eventLabel(translator("en"), left.type, left.data)).toBe("left its group (not wage arrears)");

    // Moved to another county's desk (转办): groups are per county, so it leaves too, and a group left
    // with one complaint is dissolved.
    env.app.actions.setStatus({ caseId: c, status: "transferred", by: "李四", channel: "cli", moveToJurisdiction: "410703" });
    expect(row(c).groupId).toBeNull();
    expect(env.app.ledger.events(c).find((e) => e.type === "group_left")).toMatchObject({ data: { groupId, because: "transferred" } });
    expect(groups.summary(groupId)).toBeNull();
    expect(row(a).groupId).toBeNull();
    expect(eventTypes(a)).toContain("group_dissolved");
    // The desk hears both, in the thread of the group's first case (whose ticket then drops the group).
    const notes = env.app.store.sqlite
      .prepare("SELECT recipient_key AS recipient, message_key AS key, params FROM outbox WHERE message_key IN ('groups:desk.left', 'groups:desk.dissolved') ORDER BY id")
      .all() as { recipient: string; key: string; params: string }[];
    expect(notes.map((n) => [n.recipient, n.key])).toEqual([
      [`case:${a}`, "groups:desk.left"],
      [`case:${a}`, "groups:desk.dissolved"],
    ]);
    expect(JSON.parse(notes[1]!.params)).toMatchObject({ group: groupId, id: formatCaseId(c), whyKey: "groups:desk.why.transferred" });
  });

  it("a referred member taken on again (受理) rejoins its group; one an officer split out stays out", () => {
    const a = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们3个人工资一共3万");
    const b = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们2个人工资2万");
    const c = file("新乡市红旗区凤凰城三期工地，宏达劳务欠我们4个人工资5万");
    const groupId = row(a).groupId!;
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    env.app.actions.setStatus({ caseId: b, status: "referred", by: "张三", channel: "cli", note: "category:work_injury 实为工伤待遇" });
    expect(groups.summary(groupId)).toMatchObject({ workers: 7, members: [a, c] });
    env.app.actions.setStatus({ caseId: b, status: "accepted", by: "张三", channel: "cli" });
    expect(row(b)).toMatchObject({ groupId, isArrears: true });
    expect(groups.summary(groupId)).toMatchObject({ workers: 9, amountYuan: 100_000, members: [a, b, c] });

    groups.split(c, "李四", env.clock.now());
    expect(row(c).groupId).toBeNull();
    env.app.actions.setStatus({ caseId: c, status: "accepted", by: "张三", channel: "cli" });
    expect(row(c).groupId).toBeNull();
  });

  it("keeps a member that is resolved or handled in its group", () => {
    const a = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们3个人工资一共3万");
    const b = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们2个人工资2万");
    env.app.actions.setStatus({ caseId: a, status: "accepted", by: "张三", channel: "cli" });
    env.app.actions.setStatus({ caseId: b, status: "resolved", by: "张三", channel: "cli", note: "recovered:20000;workersPaid:2" });
    // A transfer within the same county is no transfer out of the group.
    env.app.actions.setStatus({ caseId: a, status: "transferred", by: "张三", channel: "cli", moveToJurisdiction: row(a).jurisdictionCode! });
    expect(row(a).groupId).not.toBeNull();
    expect(row(b).groupId).toBe(row(a).groupId);
    expect(eventTypes(a)).not.toContain("group_left");
  });
});

describe("merge checks", () => {
  it("refuses to merge a group with itself or with another county's group, and says why", async () => {
    const a1 = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们3个人工资一共3万");
    file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们2个人工资2万");
    const b1 = file("我在新乡市卫滨区滨江花园二期，恒发建筑欠我们2个人工资4万");
    file("新乡市卫滨区滨江花园二期工地，恒发建筑有限公司欠我们1个人工资1万");
    const g1 = row(a1).groupId!;
    const g2 = row(b1).groupId!;
    const merge = (target: string, source: string) =>
      groupCommand(() => env.restart(), () => undefined)
        .exitOverride()
        .configureOutput({ writeErr: () => undefined })
        .parseAsync(["merge", target, source, "--by", "张三"], { from: "user" });
    await expect(merge(g1, g2)).rejects.toThrow("两个同案组不在同一区县（河南省新乡市红旗区 / 河南省新乡市卫滨区）：请先把案件转办到同一区县，再合并");
    await expect(merge(g1, g1.toLowerCase())).rejects.toThrow(`${g1} 不能与自己合并`);
    // Nothing moved.
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    expect(groups.summary(g1)!.members).toHaveLength(2);
    expect(groups.summary(g2)!.members).toHaveLength(2);
    expect(eventTypes(a1)).not.toContain("group_merged");
  });
});

describe("repeat employers (欠薪预警) and the ticket", () => {
  it("flags an employer with complaints in several counties or projects, and shows it and the group on the ticket", () => {
    const a = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们8个人工资一共5万");
    const b = file("新乡市红旗区凤凰城三期工地，宏达劳务有限公司拖欠我们班组9个人工资12万");
    const lone = file("我在新乡市红旗区滨江花园二期，恒发建筑欠我们2个人工资4万");
    // One project (two spellings of it count as two keys here: 碧桂园凤凰城三期 / 凤凰城三期), one county.
    expect(repeatEmployerWarning(env.app.store.db, lone)).toBeNull();
    expect(repeatEmployerWarning(env.app.store.db, a, { minProjects: 3 })).toBeNull();

    const other = file("我在新乡市卫滨区滨江花园二期，新乡宏达劳务欠我们3个人工资2万");
    const warning = repeatEmployerWarning(env.app.store.db, a, { minProjects: 3 });
    expect(warning).toMatchObject({ employerKey: "宏达", cases: 3, counties: ["410702", "410703"] });
    expect(repeatEmployerWarning(env.app.store.db, other)).not.toBeNull();

    const tickets = new Tickets(env.app, {} as SlackClient, "#triage");
    const text = JSON.stringify(tickets.render(row(b), "desk", "410702").blocks);
    expect(text).toContain("欠薪预警");
    expect(text).toContain("集体欠薪");
    expect(text).toContain(row(b).groupId!);
    expect(text).toContain("17 人");
    const loneText = JSON.stringify(tickets.render(row(lone), "desk", "410702").blocks);
    expect(loneText).not.toContain("欠薪预警");
    expect(loneText).not.toContain("🔗");
  });
});

describe("one team's claim told by two of the team", () => {
  it("counts once in the group's sums, whether the group forms with it or it joins later; a different claim adds", () => {
    const story = "新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们班组12个人工资23万6";
    const a = file(story);
    const b = file(story); // a teammate: the group forms with both, summed once
    const groupId = row(b).groupId!;
    expect(row(a).groupId).toBe(groupId);
    // `case show --json` names the group, for `group show`.
    expect(loadCaseView(env.app.ledger, a)!.groupId).toBe(groupId);
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    expect(groups.summary(groupId)).toMatchObject({ workers: 12, amountYuan: 236_000, members: [a, b] });
    file(story); // a third teammate joins the group: still one claim
    expect(groups.summary(groupId)).toMatchObject({ workers: 12, amountYuan: 236_000 });
    file("新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们钢筋班5个人工资6万"); // another team
    expect(groups.summary(groupId)).toMatchObject({ workers: 17, amountYuan: 296_000 });
    // Two single workers owed the same are two people, not one claim.
    file("新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我8000");
    file("新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我8000");
    expect(groups.summary(groupId)).toMatchObject({ workers: 19, amountYuan: 312_000 });
  });
});

describe("levels follow the sums down (集体/重大 withdrawn)", () => {
  const levelOf = (id: string) => (row(id).major ? "major" : row(id).collective ? "collective" : "none");
  const majorDeadlines = (id: string) => env.app.actions.deadlines.openFor(id).filter((d) => d.kind.startsWith("major_")).length;
  const lowered = (id: string) => env.app.ledger.events(id).filter((e) => e.type === "group_lowered").map((e) => e.data as Record<string, unknown>);

  it("a member split out falls to its own size; the group left behind to what its sums reach, and the city is told", async () => {
    const a = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们8个人工资一共5万");
    const b = file("新乡市红旗区凤凰城三期工地，宏达劳务有限公司拖欠我们班组9个人工资12万"); // 17 workers: collective
    const c = file("我们在新乡市红旗区碧桂园凤凰城三期干活，新乡宏达劳务欠了我们15个人的工资20万"); // 32: major
    const groupId = row(a).groupId!;
    for (const id of [a, b, c]) {
      expect(levelOf(id)).toBe("major");
      expect(majorDeadlines(id)).toBe(2);
    }
    const lines: string[] = [];
    await groupCommand(() => env.restart(), (line) => lines.push(line)).parseAsync(["split", formatCaseId(c), "--by", "张三"], { from: "user" });

    // c on its own: 15 workers, collective (the rules' 10), no longer major.
    expect(levelOf(c)).toBe("collective");
    expect(lowered(c)).toEqual([{ groupId, because: "left", level: "collective", from: "major" }]);
    expect(eventLabel(translator("zh-CN"), "group_lowered", lowered(c)[0])).toBe("移出同案组，按本案自身规模办理");
    // a and b: 17 workers, ¥170,000 — collective, as the group.
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    expect(groups.summary(groupId)).toMatchObject({ level: "collective", workers: 17, amountYuan: 170_000 });
    for (const id of [a, b]) {
      expect(levelOf(id)).toBe("collective");
      expect(lowered(id)).toEqual([{ groupId, workers: 17, amountYuan: 170_000, level: "collective", from: "major" }]);
    }
    // Nobody owes the major-case deadlines any more (closed as met, so no reminder fires).
    for (const id of [a, b, c]) expect(majorDeadlines(id)).toBe(0);
    const notes = env.app.store.sqlite.prepare("SELECT recipient_key AS recipient, params FROM outbox WHERE message_key = 'groups:desk.lowered'").all() as { recipient: string; params: string }[];
    expect(notes.map((n) => n.recipient)).toEqual(["division:410700"]);
    expect(JSON.parse(notes[0]!.params)).toMatchObject({ group: groupId, workers: 17, fromKey: "groups:level.major", levelKey: "groups:level.collective" });

    // b found not to be wage arrears: the group is left with a alone and dissolves; a is what it is, 8 workers.
    env.app.actions.setStatus({ caseId: b, status: "referred", by: "张三", channel: "cli", note: "category:labor_dispute" });
    expect(row(a).groupId).toBeNull();
    expect(levelOf(a)).toBe("none");
    expect(lowered(a).at(-1)).toMatchObject({ groupId, because: "left", level: "none", from: "collective" });
  });

  it("a worker who spoke of an extreme act stays major out of the group; a case major on its own figures too", async () => {
    const risk = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们3个人工资2万，再不给钱我就从楼上跳下去");
    const big = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们40个人工资60万");
    const small = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们2个人工资1万");
    for (const id of [risk, big, small]) expect(levelOf(id)).toBe("major");
    for (const id of [risk, big]) {
      await groupCommand(() => env.restart(), () => undefined).parseAsync(["split", formatCaseId(id), "--by", "张三"], { from: "user" });
    }
    expect(levelOf(risk)).toBe("major");
    expect(levelOf(big)).toBe("major");
    expect(majorDeadlines(risk)).toBe(2);
    // The last one, alone: 2 workers.
    expect(levelOf(small)).toBe("none");
    expect(majorDeadlines(small)).toBe(0);
  });
});

describe("two teams owed the same: an officer counts them apart (另一班组)", () => {
  const deskNotes = (key: string) =>
    (env.app.store.sqlite.prepare("SELECT recipient_key AS recipient, params FROM outbox WHERE channel = 'desk' AND message_key = ? ORDER BY id").all(key) as { recipient: string; params: string }[]).map(
      (note) => ({ recipient: note.recipient, params: JSON.parse(note.params) as Record<string, unknown> }),
    );

  it("the desk is told a repeated team claim was counted once; `group separate` counts it apart, `--undo` puts it back", async () => {
    const story = "新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们班组12个人工资23万6";
    const a = file(story);
    const b = file(story); // the group forms with both: counted once, and the desk is told so
    const groupId = row(b).groupId!;
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    expect(groups.summary(groupId)).toMatchObject({ workers: 12, amountYuan: 236_000 });
    expect(deskNotes("groups:desk.joinedSameClaim")).toEqual([
      {
        recipient: `case:${a}`,
        params: expect.objectContaining({ id: formatCaseId(b), same: formatCaseId(a), claimWorkers: 12, claimAmount: "236,000", workers: 12, amount: "236,000" }),
      },
    ]);
    // The note says what to do, with the case to name.
    const note = translator("zh-CN")("groups:desk.joinedSameClaim", deskNotes("groups:desk.joinedSameClaim")[0]!.params);
    expect(note).toContain(`arrears group separate ${formatCaseId(b)}`);

    const lines: string[] = [];
    const errors: string[] = [];
    const run = async (...args: string[]) => {
      const command = groupCommand(() => env.restart(), (line) => lines.push(line));
      command.exitOverride();
      command.configureOutput({ writeErr: (text) => errors.push(text) });
      for (const sub of command.commands) {
        sub.exitOverride();
        sub.configureOutput({ writeErr: (text) => errors.push(text) });
      }
      try {
        await command.parseAsync(args, { from: "user" });
      } catch {
        // commander's exit on error: the message is in `errors`.
      }
    };
    await run("separate", formatCaseId(b), "--by", "王科长");
    expect(lines[0]).toBe(`已将 ${formatCaseId(b)} 记为另一班组的欠薪，与 ${formatCaseId(a)} 分开计算`);
    expect(groups.summary(groupId)).toMatchObject({ workers: 24, amountYuan: 472_000 });
    expect(row(b).separateClaim).toBe(true);
    const marked = env.app.ledger.events(b).filter((e) => e.type === "claim_marked_separate");
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatchObject({ actor: "officer:王科长", data: { groupId, twin: a, workers: 12, amountYuan: 236_000 } });
    expect(eventLabel(translator("zh-CN"), "claim_marked_separate", marked[0]!.data)).toBe("记为另一班组的欠薪（单独计）");
    expect(deskNotes("groups:desk.claimSeparate")).toEqual([
      { recipient: `case:${a}`, params: expect.objectContaining({ id: formatCaseId(b), same: formatCaseId(a), workers: 24, amount: "472,000" }) },
    ]);

    // A third of the first team tells it again: counted once with the first, not with the other team.
    const c = file(story);
    expect(groups.summary(groupId)).toMatchObject({ workers: 24, amountYuan: 472_000 });
    expect(deskNotes("groups:desk.joinedSameClaim").at(-1)!.params).toMatchObject({ id: formatCaseId(c), same: formatCaseId(a) });

    // Marked twice, or undone when not marked: told so, nothing written.
    await run("separate", formatCaseId(b), "--by", "王科长");
    expect(errors.join("")).toContain(`${formatCaseId(b)} 已记为另一班组的欠薪`);
    await run("separate", formatCaseId(c), "--undo", "--by", "王科长");
    expect(errors.join("")).toContain(`${formatCaseId(c)} 本来就按同一笔欠薪计，无须撤销`);
    expect(env.app.ledger.events(c).some((e) => e.type.startsWith("claim_marked"))).toBe(false);

    await run("separate", formatCaseId(b), "--undo", "--by", "王科长");
    expect(lines).toContain(`已将 ${formatCaseId(b)} 改记为与 ${formatCaseId(a)} 同一笔欠薪，只计一次`);
    expect(groups.summary(groupId)).toMatchObject({ workers: 12, amountYuan: 236_000 });
    expect(row(b).separateClaim).toBe(false);
    expect(eventTypes(b).filter((type) => type.startsWith("claim_marked"))).toEqual(["claim_marked_separate", "claim_marked_same"]);
  });

  it("refuses what cannot be the same claim: one worker's complaint, figures no other member has, an ungrouped case", async () => {
    const team = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们班组12个人工资23万6");
    const single = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我8000");
    const other = file("新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们钢筋班5个人工资6万");
    const lone = file("我在新乡市红旗区滨江花园二期，恒发建筑欠我们2个人工资4万");
    const groupId = row(team).groupId!;
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    const before = groups.summary(groupId);
    const errors: string[] = [];
    for (const id of [single, other, lone]) {
      const command = groupCommand(() => env.restart(), () => undefined);
      for (const c of [command, ...command.commands]) {
        c.exitOverride();
        c.configureOutput({ writeErr: (text) => errors.push(text) });
      }
      await command.parseAsync(["separate", formatCaseId(id), "--by", "王科长"], { from: "user" }).catch(() => undefined);
    }
    expect(errors[0]).toContain(`${formatCaseId(single)} 不是班组的欠薪`);
    expect(errors[1]).toContain(`同案组里没有与 ${formatCaseId(other)} 人数、金额都相同的投诉`);
    expect(errors[2]).toContain(`${formatCaseId(lone)} 不属于任何同案组`);
    expect(groups.summary(groupId)).toEqual(before);
    for (const id of [single, other, lone]) expect(eventTypes(id).some((type) => type.startsWith("claim_marked"))).toBe(false);
  });
});

describe("markTeamClaim inside another transaction (the desk's once() with its dedupe key)", () => {
  it("runs as a savepoint: .immediate() does not throw there, and the caller's rollback undoes the finding", () => {
    const story = "新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们班组12个人工资23万6";
    const a = file(story);
    const b = file(story);
    const groupId = row(b).groupId!;
    const groups = new CaseGroups(env.app.store.db, env.app.router);
    const before = groups.summary(groupId);
    const sqlite = env.app.store.sqlite;
    expect(() =>
      sqlite
        .transaction(() => {
          expect(markTeamClaim(env.app.store, env.app.router, b, true, "王科长", env.clock.current, env.app.actions.deadlines).twin).toBe(a);
          expect(row(b).separateClaim).toBe(true);
          throw new Error("the caller fails afterwards");
        })
        .immediate(),
    ).toThrow("the caller fails afterwards");
    expect(row(b).separateClaim).toBe(false);
    expect(eventTypes(b).some((type) => type.startsWith("claim_marked"))).toBe(false);
    expect(groups.summary(groupId)).toEqual(before);

    // Committed with the caller: written once, whole.
    sqlite.transaction(() => markTeamClaim(env.app.store, env.app.router, b, true, "王科长", env.clock.current, env.app.actions.deadlines)).immediate();
    expect(row(b).separateClaim).toBe(true);
    expect(groups.summary(groupId)).toMatchObject({ workers: 24, amountYuan: 472_000 });
  });
});

describe("the queries of filing and grouping", () => {
  it("are all planned on an index: no table scanned, and the group lookups read no more than they return", () => {
    // Every statement the app prepares from here on (a fresh app: its statements are prepared anew).
    const prepared = new Set<string>();
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function (this: Database.Database, source: string) {
      prepared.add(source);
      return prepare.call(this, source);
    } as typeof prepare;
    try {
      env.cleanup();
      env = makeTestApp();
      const a = file("我在新乡市红旗区碧桂园凤凰城三期干木工，宏达劳务欠我们8个人工资一共5万");
      const b = file("新乡市红旗区凤凰城三期工地，宏达劳务有限公司拖欠我们班组9个人工资12万"); // forms a group, collective
      file("我们在新乡市红旗区干活，新乡宏达劳务欠了我们15个人的工资20万", { project: "人民医院新院区" }); // joins by employer, major
      file("新乡市红旗区碧桂园凤凰城三期，宏达劳务有限公司欠我们2个人工资1万"); // joins a major group
      const lone = file("我在新乡市红旗区滨江花园二期，恒发建筑欠我们2个人工资4万");
      // The same complaint confirmed again, a status question, the worker's list, an answer awaited.
      const worker = new Worker(env.app, "again");
      const confirm = () => {
        worker.says("我在新乡市卫滨区滨江花园二期，恒发建筑欠我们3个人工资2万");
        for (let i = 0; i < 8 && worker.last?.expecting !== "confirm"; i++) {
          worker.presses(worker.choiceIds.find((id) => /construction|housing/.test(id)) ?? "unknown");
        }
        return worker.presses("confirm").caseId;
      };
      const first = confirm();
      expect(confirm()).toBe(first);
      expect(eventTypes(first!).at(-1)).toBe("repeat_report");
      worker.says(`/status ${formatCaseId(lone)}`);
      worker.says("/mycases");
      env.app.actions.setStatus({ caseId: a, status: "awaiting_worker", by: "张三", channel: "cli", noteForWorker: "合同照片？" });
      new Worker(env.app, "g0").says("有合同照片");
      const groups = new CaseGroups(env.app.store.db, env.app.router);
      groups.split(b, "李四", env.clock.now());
    } finally {
      Database.prototype.prepare = prepare;
    }

    const plans = new Map<string, string[]>();
    for (const source of prepared) {
      if (!/^\s*(select|update|delete|with)\b/i.test(source)) continue;
      const statement = env.app.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`);
      const parameters = (source.match(/\?/g) ?? []).length;
      const named = Object.fromEntries([...source.matchAll(/[@:$](\w+)/g)].map((m) => [m[1], null]));
      const rows = Object.keys(named).length > 0 ? statement.all(named) : statement.all(...Array<null>(parameters).fill(null));
      plans.set(source, (rows as { detail: string }[]).map((row) => row.detail));
    }
    // Grouping's lookups are among them: the group to join, the cases to form one with, its first member.
    const lookups = [...plans.keys()].filter((source) => /INDEXED BY "cases_(open_project|open_employer|group)_idx"/.test(source));
    expect(lookups).toHaveLength(5);
    expect([...plans.keys()].some((source) => /"recent"/.test(source))).toBe(true); // the duplicate check

    const tables = /^SCAN (cases|case_events|case_groups|deadlines|attachments|outbox|dialog_sessions)\b/;
    if (process.env.SHOW_PLANS) for (const [source, details] of plans) console.log(`${source}\n    ${details.join("\n    ")}`);
    const offending = [...plans].flatMap(([source, details]) =>
      details
        .filter((detail) => tables.test(detail) || (lookups.includes(source) && /TEMP B-TREE/.test(detail)))
        .map((detail) => `${detail} ← ${source}`),
    );
    expect(offending).toEqual([]);
  });
});
