// Reports on a real SQLite file with a known ledger: the campaign statistics table read back from the
// XLSX with exceljs (numbers in the expected cells, merged header cells, "未采集" where the ledger has
// nothing), the same figures in the CSV, and the weekly dispatch (周调度) with its Slack post.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashAccessCode } from "../src/cases/access-code.js";
import { newCaseId } from "../src/cases/case-id.js";
import type { CaseStatus } from "../src/cases/statuses.js";
import { postWeeklyReport } from "../src/channels/slack/weekly.js";
import type { SlackClient } from "../src/channels/slack/tickets.js";
import { campaignStats } from "../src/reports/campaign.js";
import { otherLines } from "../src/reports/campaign-table.js";
import { reportCommand } from "../src/reports/cli.js";
import { renderWeeklyTable, weeklyReport, weeklyReportJson } from "../src/reports/weekly.js";
import { translator } from "../src/i18n.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const NOV_10 = Date.parse("2026-11-10T02:00:00Z");
const OCT_10 = Date.parse("2026-10-10T02:00:00Z");
const DAY = 86_400_000;

interface Known {
  sector: string;
  ownership?: string;
  workers: number;
  amount: number;
  division: string;
  arrears?: boolean;
  project?: string;
  at?: number;
  major?: boolean;
  collective?: boolean;
  dueAt?: number | null;
}

/** A case inserted directly, with its first ledger events, as filing writes them. */
function insert(known: Known): string {
  const id = newCaseId();
  const at = known.at ?? NOV_10;
  const arrears = known.arrears ?? true;
  env.app.ledger.insertCase({
    id,
    createdAt: at,
    updatedAt: at,
    status: arrears ? "logged" : "referred",
    channel: "local",
    filerKey: `local:${id}`,
    accessCodeHash: hashAccessCode(id, "000000"),
    locale: "zh-CN",
    project: known.project ?? `项目${id}`,
    employer: `公司${id}`,
    amountYuan: known.amount,
    headcountMin: known.workers,
    headcountMax: known.workers,
    divisionCode: known.division,
    divisionName: null,
    jurisdictionCode: known.division,
    sector: known.sector,
    ownership: known.ownership ?? "private",
    narrative: "test",
    category: arrears ? "wage_arrears" : "labor_dispute",
    isArrears: arrears,
    reasons: [],
    route: {},
    collective: known.collective ?? false,
    major: known.major ?? false,
    dueAt: known.dueAt === undefined ? at + DAY : known.dueAt,
  });
  env.app.ledger.appendEvent({ caseId: id, at, actor: "worker:test", channel: "local", type: "logged", data: {} });
  return id;
}

/** Officer actions through CaseActions (the path Slack's buttons take), at a given time. */
function act(id: string, at: number, status: CaseStatus, note?: string): void {
  env.clock.current = at;
  env.app.actions.setStatus({ caseId: id, status, by: "slack:U1", channel: "slack", note });
}

function handled(id: string, at: number, record: string, resolution?: string | null): void {
  act(id, at, "accepted");
  act(id, at + 1000, "handling", `record:${record}`);
  if (resolution !== null) act(id, at + 2000, "resolved", resolution);
}

/** The ledger of the campaign tests: Xinxiang (4107…) and one Chongqing case. */
function knownLedger(): void {
  // Construction, government-invested: a case opened (立案), 12 workers paid ¥200,000 of ¥236,000.
  const c1 = insert({ sector: "construction", ownership: "government", workers: 12, amount: 236_000, division: "410702" });
  handled(c1, NOV_10 + DAY, "case_opened", "recovered:200000;workersPaid:12");
  // Construction, SOE: mediated, resolved from the CLI without figures → the complaint's figures.
  const c2 = insert({ sector: "construction", ownership: "soe", workers: 5, amount: 50_000, division: "410702" });
  handled(c2, NOV_10 + 2 * DAY, "mediation", "done");
  // Manufacturing: referred to the police, not resolved.
  const m1 = insert({ sector: "manufacturing", workers: 30, amount: 300_000, division: "410703" });
  handled(m1, NOV_10 + 3 * DAY, "police", null);
  // Platform work (新就业形态), arbitration, ¥8,000 for one worker.
  const p1 = insert({ sector: "platform", workers: 1, amount: 8_000, division: "410703" });
  handled(p1, NOV_10 + 4 * DAY, "arbitration", "recovered:8000;workersPaid:1");
  // Resolved before the period: not counted.
  const x1 = insert({ sector: "construction", workers: 7, amount: 70_000, division: "410702", at: OCT_10 });
  handled(x1, OCT_10 + DAY, "case_opened", "recovered:70000;workersPaid:7");
  // Not arrears: never counted.
  const r1 = insert({ sector: "construction", workers: 3, amount: 9_000, division: "410702", arrears: false });
  act(r1, NOV_10 + DAY - 1000, "reopened");
  act(r1, NOV_10 + DAY, "resolved", "recovered:9000;workersPaid:3");
  // Chongqing (渝北区): counted without --division, not with --division 410700.
  const q1 = insert({ sector: "construction", workers: 4, amount: 40_000, division: "500112" });
  handled(q1, NOV_10 + DAY, "case_opened", "recovered:40000;workersPaid:4");
  env.clock.current = Date.parse("2026-12-01T02:00:00Z");
}

async function campaign(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  await reportCommand(() => env.restart(), (line) => lines.push(line)).parseAsync(["campaign", "--from", "2026-11-01", "--to", "2026-11-30", ...args], { from: "user" });
  return lines;
}

describe("the campaign statistics table", () => {
  it("holds the ledger's figures in the cells of the original layout, and 未采集 elsewhere", async () => {
    knownLedger();
    const file = join(env.dir, "campaign.xlsx");
    const out = await campaign(["--division", "410700", "--xlsx", file]);
    expect(out.join("\n")).toContain(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const v = (address: string) => sheet.getCell(address).value;
    expect(v("A1")).toBe("根治欠薪专项行动情况");
    expect(sheet.getCell("P1").master.address).toBe("A1");
    expect(String(v("A2"))).toContain("河南省新乡市");
    expect(String(v("A3"))).toContain("2026-11-01");
    // Header rows with merged cells, as in the original.
    expect(v("C4")).toBe("检查用人单位情况");
    expect(sheet.getCell("E4").master.address).toBe("C4");
    expect(v("F4")).toBe("解决情况");
    expect(sheet.getCell("K4").master.address).toBe("F4");
    expect(v("F5")).toBe("解决欠薪问题数量");
    expect(sheet.getCell("G5").master.address).toBe("F5");
    expect(String(v("H5"))).toContain("万人");
    expect(String(v("J5"))).toContain("万元");
    expect(String(v("O5"))).toContain("移送公安机关");
    expect(sheet.getCell("O6").master.address).toBe("O5");
    expect(String(v("F6"))).toContain("立案");
    expect(String(v("G6"))).toContain("非立案");
    expect(v("A7")).toBe("甲");
    expect(v("C7")).toBe(1);
    expect(v("P7")).toBe(14);
    // Rows by sector.
    expect([v("A8"), v("A9"), v("A10"), v("A11")]).toEqual(["合计", "工程建设领域", "制造业", "其他"]);
    // 合计: 1 case opened (c1), 2 without (c2, p1); 18 workers = 0.0018 万人; ¥258,000 = 25.80 万元; 1 to police.
    expect(v("F8")).toBe(1);
    expect(v("G8")).toBe(2);
    expect(v("H8")).toBeCloseTo(0.0018, 6);
    expect(v("J8")).toBeCloseTo(25.8, 6);
    expect(v("O8")).toBe(1);
    // 工程建设领域: c1 and c2.
    expect([v("F9"), v("G9"), v("O9")]).toEqual([1, 1, 0]);
    expect(v("H9")).toBeCloseTo(0.0017, 6);
    expect(v("J9")).toBeCloseTo(25, 6);
    // 制造业: only the police referral.
    expect([v("F10"), v("G10"), v("H10"), v("J10"), v("O10")]).toEqual([0, 0, 0, 0, 1]);
    // 其他: the platform worker.
    expect([v("F11"), v("G11")]).toEqual([0, 1]);
    expect(v("J11")).toBeCloseTo(0.8, 6);
    expect(sheet.getCell("J11").numFmt).toBe("0.00");
    expect(sheet.getCell("H11").numFmt).toBe("0.0000");
    // Columns the ledger cannot answer.
    for (const address of ["C8", "D8", "E8", "I8", "K8", "C11"]) expect(v(address)).toBe("未采集");
    // 责令改正, 行政处理决定, 行政处罚决定, 公安机关立案: counted from the records; none in this ledger.
    expect([v("L8"), v("M8"), v("N8"), v("P8"), v("P11")]).toEqual([0, 0, 0, 0, 0]);
    // 其他情况.
    expect(v("A13")).toBe("其他情况：");
    expect(String(v("A14"))).toContain("检查政府投资项目共____（未采集）个，查实存在欠薪项目1个（拖欠工资23.60万元，涉及0.0012万人）");
    expect(String(v("A14"))).toContain("查实存在欠薪项目1个（拖欠工资5.00万元，涉及0.0005万人）");
    expect(v("A15")).toBe("2.解决新就业形态拖欠劳动报酬案件1件，涉及0.0001万人0.80万元；");
    expect(v("A16")).toBe("3.通过劳动人事争议调解组织和仲裁机构解决欠薪案件1件，涉及0.0001万人0.80万元；");
    expect(String(v("A17"))).toContain("未采集");
    expect(v("A21")).toBe("8.（台账补充）移送公安机关涉嫌拒不支付劳动报酬罪案件1件，涉及0.0030万人30.00万元；");
    expect(v("A22")).toBe("9.（台账补充）查实存在欠薪的政府与社会资本合作（PPP）项目0个（拖欠工资0.00万元，涉及0.0000万人）。");
    expect(sheet.getCell("P14").master.address).toBe("A14");
  });

  it("counts 责令改正, 行政处理决定, 行政处罚决定 and 公安机关立案 from the records, each also a case opened or a referral", () => {
    const ordered = insert({ sector: "construction", workers: 6, amount: 60_000, division: "410702" });
    handled(ordered, NOV_10 + DAY, "order", null);
    act(ordered, NOV_10 + DAY + 3000, "handling", "record:decision");
    act(ordered, NOV_10 + DAY + 4000, "handling", "record:penalty");
    act(ordered, NOV_10 + DAY + 5000, "resolved", "recovered:60000;workersPaid:6");
    const prosecuted = insert({ sector: "manufacturing", workers: 20, amount: 200_000, division: "410702" });
    handled(prosecuted, NOV_10 + 2 * DAY, "police", null);
    act(prosecuted, NOV_10 + 3 * DAY, "handling", "record:police_case");
    // Before the period: not counted now.
    const earlier = insert({ sector: "construction", workers: 2, amount: 20_000, division: "410702", at: OCT_10 });
    handled(earlier, OCT_10 + DAY, "order", null);
    const total = campaignStats(env.app.store, { from: Date.parse("2026-10-31T16:00:00Z"), to: Date.parse("2026-11-30T16:00:00Z"), division: "410702" }).rows.total;
    expect(total).toMatchObject({ orders: 1, decisions: 1, penalties: 1, police: 1, policeCases: 1 });
    // The ordered case was resolved after an order: 立案, not 非立案.
    expect(total).toMatchObject({ opened: 1, nonCase: 0, workers: 6, amountYuan: 60_000 });
  });

  it("counts every division without --division, and writes the same figures as CSV", async () => {
    knownLedger();
    const file = join(env.dir, "campaign.csv");
    await campaign(["--csv", file]);
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trim().split("\r\n").map((line) => line.split(","));
    const byLabel = (label: string) => lines.find((l) => l[0] === label)!;
    // With Chongqing's case: 2 opened, 22 workers, ¥298,000.
    expect(byLabel("合计")).toEqual(["合计", "1", "未采集", "未采集", "未采集", "2", "2", "0.0022", "未采集", "29.80", "未采集", "0", "0", "0", "1", "0"]);
    expect(byLabel("工程建设领域").slice(5, 10)).toEqual(["2", "1", "0.0021", "未采集", "29.00"]);
    expect(byLabel("制造业").slice(5, 8)).toEqual(["0", "0", "0.0000"]);
    expect(lines.find((l) => l[0]?.startsWith("4 "))).toBeUndefined();
    expect(lines[3]![5]).toBe("4 解决欠薪问题数量·立案(件)");
    expect(text).toContain("2.解决新就业形态拖欠劳动报酬案件1件");
  });
});

describe("the campaign table's files", () => {
  /** Runs `report campaign` and returns what it printed and the errors it gave (commander's exit caught). */
  async function run(args: string[]): Promise<{ out: string[]; errors: string }> {
    const out: string[] = [];
    const errors: string[] = [];
    const command = reportCommand(() => env.restart(), (line) => out.push(line));
    for (const c of [command, ...command.commands]) {
      c.exitOverride();
      c.configureOutput({ writeErr: (text) => errors.push(text) });
    }
    try {
      await command.parseAsync(["campaign", "--from", "2026-11-01", "--to", "2026-11-30", ...args], { from: "user" });
    } catch {
      // commander's exit on error: the message is in `errors`.
    }
    return { out, errors: errors.join("") };
  }

  it("does not overwrite an existing file unless --force, and writes nothing when one of two outputs is refused", async () => {
    knownLedger();
    const xlsx = join(env.dir, "campaign.xlsx");
    const csv = join(env.dir, "campaign.csv");
    writeFileSync(csv, "上月已上报的表\n");
    const refused = await run(["--xlsx", xlsx, "--csv", csv]);
    expect(refused.errors).toContain(`文件 ${csv} 已经存在，没有覆盖`);
    expect(refused.errors).toContain("--force");
    expect(readFileSync(csv, "utf8")).toBe("上月已上报的表\n");
    expect(existsSync(xlsx)).toBe(false);

    const forced = await run(["--xlsx", xlsx, "--csv", csv, "--force"]);
    expect(forced.errors).toBe("");
    expect(forced.out).toEqual([`已写入 ${xlsx}`, `已写入 ${csv}`]);
    expect(readFileSync(csv, "utf8")).toContain("工程建设领域");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets).toHaveLength(1);

    // Written once, the workbook is kept too.
    const again = await run(["--xlsx", xlsx]);
    expect(again.errors).toContain(`文件 ${xlsx} 已经存在，没有覆盖`);
  });

  it("refuses a file name that does not end as its format, with the name it should have", async () => {
    knownLedger();
    const wrong = join(env.dir, "x.csv");
    const refused = await run(["--xlsx", wrong]);
    expect(refused.errors).toContain(`--xlsx 写出的文件名要以 .xlsx 结尾（收到：${wrong}），比如 ${join(env.dir, "x.xlsx")}`);
    expect(existsSync(wrong)).toBe(false);
    const bare = join(env.dir, "table");
    expect((await run(["--csv", bare])).errors).toContain(`比如 ${bare}.csv`);
    expect(existsSync(bare)).toBe(false);
    // The case of the extension does not matter.
    expect((await run(["--csv", join(env.dir, "TABLE.CSV")])).errors).toBe("");
    expect(existsSync(join(env.dir, "TABLE.CSV"))).toBe(true);
  });
});

describe("the weekly dispatch (周调度)", () => {
  it("counts new, resolved, overdue, major and collective cases by division, and posts them to Slack", async () => {
    const now = Date.parse("2026-11-23T02:00:00Z");
    // 红旗区: two new this week (one major, one collective), one old overdue, one resolved this week.
    insert({ sector: "construction", workers: 40, amount: 10_000, division: "410702", at: now - 2 * DAY, major: true, collective: true, dueAt: now + DAY });
    insert({ sector: "construction", workers: 12, amount: 10_000, division: "410702", at: now - 3 * DAY, collective: true, dueAt: now + DAY });
    insert({ sector: "construction", workers: 2, amount: 10_000, division: "410702", at: now - 30 * DAY, dueAt: now - 5 * DAY });
    const resolved = insert({ sector: "construction", workers: 2, amount: 10_000, division: "410702", at: now - 20 * DAY });
    act(resolved, now - DAY, "resolved", "recovered:10000;workersPaid:2");
    // 卫滨区: one new, overdue already; one resolved two weeks ago (not this week).
    insert({ sector: "manufacturing", workers: 1, amount: 1_000, division: "410703", at: now - 6 * DAY, dueAt: now - DAY });
    const old = insert({ sector: "manufacturing", workers: 1, amount: 1_000, division: "410703", at: now - 40 * DAY });
    // 卫滨区: a labour dispute this week — logged and referred, not a new arrears case.
    insert({ sector: "services", workers: 1, amount: 500, division: "410703", at: now - DAY, arrears: false });
    act(old, now - 14 * DAY, "resolved");
    // Resolved major case: no longer counted as open major.
    const closedMajor = insert({ sector: "construction", workers: 50, amount: 1_000, division: "410703", at: now - 40 * DAY, major: true });
    act(closedMajor, now - 15 * DAY, "resolved");
    env.clock.current = now;

    const report = weeklyReport(env.app.store, env.app.gazetteer, { now });
    const by = Object.fromEntries(report.rows.map((r) => [r.code, r]));
    expect(by["410702"]).toMatchObject({ new: 2, referred: 0, resolved: 1, overdue: 1, major: 1, collective: 2 });
    expect(by["410703"]).toMatchObject({ new: 1, referred: 1, resolved: 0, overdue: 1, major: 0, collective: 0 });
    expect(report.total).toEqual({ new: 3, referred: 1, resolved: 1, overdue: 2, major: 1, collective: 2 });
    expect(weeklyReport(env.app.store, env.app.gazetteer, { now, division: "410703" }).rows.map((r) => r.code)).toEqual(["410703"]);

    const table = renderWeeklyTable(report, translator("zh-CN"), "Asia/Shanghai", env.app.gazetteer);
    expect(table).toContain("周调度");
    expect(table).toMatch(/红旗区\s+410702\s+2\s+0\s+1\s+1\s+1\s+2/);
    expect(table).toMatch(/卫滨区\s+410703\s+1\s+1\s+0\s+1\s+0\s+0/);

    // For machines: the period in local time with its offset, not epoch milliseconds.
    const json = weeklyReportJson(report, "Asia/Shanghai");
    expect(json.from).toBe("2026-11-16T10:00:00+08:00");
    expect(json.to).toBe("2026-11-23T10:00:00+08:00");
    expect(json.total).toEqual(report.total);

    const posted: Record<string, unknown>[] = [];
    const client = { chat: { postMessage: async (args: Record<string, unknown>) => (posted.push(args), { ok: true, ts: "1.2", channel: "C1" }) } };
    const result = await postWeeklyReport(env.app, client as unknown as SlackClient, "#leaders");
    expect(result.ts).toBe("1.2");
    expect(posted[0]).toMatchObject({ channel: "#leaders" });
    expect(JSON.stringify(posted[0]!.blocks)).toMatch(/红旗区\s+410702\s+2\s+0\s+1\s+1\s+1\s+2/);
  });
});

describe("the weekly dispatch's 重大 and 集体: incidents, not complaints", () => {
  let filers = 0;
  const file = (text: string, project: string, employer: string) => new Worker(env.app, `w${filers++}`).files(text, { project, employer });

  it("counts a group of complaints about one site once, an ungrouped case once, in the table and in its note", () => {
    // 碧桂园凤凰城三期: three workers of one site file apart (5 + 6 + 4 workers) and are grouped: one
    // collective incident, however many complaints.
    const site = ["新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们5个人工资4万", "新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们6个人工资5万", "新乡市红旗区碧桂园凤凰城三期，宏达劳务欠我们4个人工资3万"].map(
      (text) => file(text, "碧桂园凤凰城三期", "宏达劳务"),
    );
    // 人民医院新院区: two teams, 20 and 15 workers: one major incident (and collective).
    const hospital = ["新乡市红旗区人民医院新院区，恒发建筑欠我们20个人工资30万", "新乡市红旗区人民医院新院区，恒发建筑欠我们15个人工资25万"].map((text) =>
      file(text, "人民医院新院区", "恒发建筑"),
    );
    // One complaint of 12 workers of a team of its own, in no group: one collective incident.
    const alone = file("新乡市红旗区滨江花园二期，金鼎装饰欠我们12个人工资9万", "滨江花园二期", "金鼎装饰");
    const row = (id: string) => env.app.ledger.find(id)!;
    expect(new Set(site.map((id) => row(id).groupId)).size).toBe(1);
    expect(row(site[0]!).groupId).not.toBeNull();
    expect(site.every((id) => row(id).collective)).toBe(true);
    expect(new Set(hospital.map((id) => row(id).groupId)).size).toBe(1);
    expect(hospital.every((id) => row(id).major)).toBe(true);
    expect(row(alone)).toMatchObject({ groupId: null, collective: true, major: false });

    const report = weeklyReport(env.app.store, env.app.gazetteer, { now: env.clock.current + 1000 });
    expect(report.rows.find((r) => r.code === "410702")).toMatchObject({ new: 6, major: 1, collective: 3 });
    expect(report.total).toMatchObject({ new: 6, major: 1, collective: 3 });

    // A member closed: the group stays one incident while any member is open.
    env.clock.current += 1000;
    env.app.actions.setStatus({ caseId: site[0]!, status: "accepted", by: "slack:U1", channel: "slack" });
    env.app.actions.setStatus({ caseId: site[0]!, status: "resolved", by: "slack:U1", channel: "slack", note: "recovered:40000;workersPaid:5" });
    expect(weeklyReport(env.app.store, env.app.gazetteer, { now: env.clock.current + 1000 }).total).toMatchObject({ major: 1, collective: 3 });

    // The table says what it counts.
    const table = renderWeeklyTable(report, translator("zh-CN"), "Asia/Shanghai", env.app.gazetteer);
    expect(table).toContain("集体起数(在办)");
    expect(table).toContain("归并为一组的多件投诉计一起");
    expect(renderWeeklyTable(report, translator("en"), "Asia/Shanghai", env.app.gazetteer)).toContain("count once");
  });
});

describe("the weekly dispatch's period", () => {
  it("is whole local days: the 7 days ending today, the same whatever the hour, and its title names them", () => {
    const now = Date.parse("2026-12-04T17:00:00Z"); // 2026-12-05 01:00 in Shanghai
    insert({ sector: "construction", workers: 2, amount: 2_000, division: "410702", at: Date.parse("2026-11-28T17:30:00Z") }); // 11-29 01:30: in
    insert({ sector: "construction", workers: 2, amount: 2_000, division: "410702", at: Date.parse("2026-11-28T15:30:00Z") }); // 11-28 23:30: out
    const report = weeklyReport(env.app.store, env.app.gazetteer, { now, timeZone: "Asia/Shanghai" });
    expect(report.total.new).toBe(1);
    // Run later the same day: the same period start.
    expect(weeklyReport(env.app.store, env.app.gazetteer, { now: now + 15 * 3_600_000, timeZone: "Asia/Shanghai" }).from).toBe(report.from);
    expect(renderWeeklyTable(report, translator("zh-CN"), "Asia/Shanghai", env.app.gazetteer)).toContain("2026-11-29 至 2026-12-05");
  });
});

describe("the weekly dispatch's 办结", () => {
  it("counts a case resolved in the period only while it stays resolved", () => {
    const now = NOV_10 + 3 * DAY;
    const id = insert({ sector: "construction", workers: 2, amount: 2_000, division: "410702", at: NOV_10 });
    handled(id, NOV_10 + DAY, "mediation", "recovered:2000;workersPaid:2");
    expect(weeklyReport(env.app.store, env.app.gazetteer, { now }).total.resolved).toBe(1);
    act(id, NOV_10 + 2 * DAY, "reopened", "回头看：没收到钱");
    expect(weeklyReport(env.app.store, env.app.gazetteer, { now }).total.resolved).toBe(0);
  });

  it("counts arrears cases only, as the campaign table does", () => {
    const now = NOV_10 + 3 * DAY;
    const other = insert({ sector: "construction", workers: 1, amount: 1_000, division: "410702", at: NOV_10, arrears: false });
    act(other, NOV_10 + DAY, "reopened");
    act(other, NOV_10 + DAY + 1000, "resolved", "recovered:0;workersPaid:0");
    expect(weeklyReport(env.app.store, env.app.gazetteer, { now }).total.resolved).toBe(0);
  });
});

describe("what the table counts as resolved", () => {
  const NOV = { from: Date.parse("2026-10-31T16:00:00Z"), to: Date.parse("2026-11-30T16:00:00Z") };
  const OCT = { from: Date.parse("2026-09-30T16:00:00Z"), to: Date.parse("2026-10-31T16:00:00Z") };

  it("a resolution reopened in the period (回头看: not paid) does not count; one resolved again later counts once", () => {
    // Resolved and reopened within November: not resolved at the end of it.
    const reopened = insert({ sector: "construction", workers: 3, amount: 15_000, division: "410702" });
    handled(reopened, NOV_10 + DAY, "mediation", "recovered:15000;workersPaid:3");
    act(reopened, NOV_10 + 2 * DAY, "reopened", "回头看：工人说没收到钱");
    // Resolved in October, reopened and resolved again in November: October's table, November's not.
    const twice = insert({ sector: "construction", workers: 4, amount: 40_000, division: "410702", at: OCT_10 });
    handled(twice, OCT_10 + DAY, "mediation", "recovered:30000;workersPaid:3");
    act(twice, NOV_10, "reopened", "只付了一部分");
    act(twice, NOV_10 + DAY, "resolved", "recovered:40000;workersPaid:4");
    // Resolved and reopened in October, resolved for good in November: November's.
    const late = insert({ sector: "manufacturing", workers: 2, amount: 9_000, division: "410702", at: OCT_10 });
    handled(late, OCT_10 + DAY, "mediation", "recovered:9000;workersPaid:2");
    act(late, OCT_10 + 2 * DAY, "reopened", "没收到");
    act(late, NOV_10 + DAY, "resolved", "recovered:9000;workersPaid:2");

    const november = campaignStats(env.app.store, { ...NOV, division: "410702" });
    expect(november.rows.total).toMatchObject({ opened: 0, nonCase: 1, workers: 2, amountYuan: 9_000 });
    expect(november.rows.manufacturing.nonCase).toBe(1);
    const october = campaignStats(env.app.store, { ...OCT, division: "410702" });
    expect(october.rows.total).toMatchObject({ nonCase: 1, workers: 3, amountYuan: 30_000 });
  });

  it("an officer's 'not arrears' (category:…) makes the case count as what it is, in the table and the weekly dispatch", () => {
    const id = insert({ sector: "construction", workers: 2, amount: 6_000, division: "410702" });
    act(id, NOV_10 + DAY, "referred", "category:labor_dispute");
    expect(env.app.ledger.find(id)).toMatchObject({ category: "labor_dispute", isArrears: false });
    // Reopened and closed without being taken on: still what the officer found.
    act(id, NOV_10 + 2 * DAY, "reopened", "工人不服");
    act(id, NOV_10 + 4 * DAY, "resolved", "recovered:6000;workersPaid:2");
    expect(campaignStats(env.app.store, { ...NOV, division: "410702" }).rows.total.nonCase).toBe(0);
  });

  it("受理 of a complaint found to be something else takes it on as arrears: it counts again, with a ledger event", () => {
    const id = insert({ sector: "construction", workers: 2, amount: 6_000, division: "410702" });
    act(id, NOV_10 + DAY, "referred", "category:labor_dispute");
    act(id, NOV_10 + 2 * DAY, "accepted");
    expect(env.app.ledger.find(id)).toMatchObject({ category: "wage_arrears", isArrears: true });
    expect(env.app.ledger.events(id).find((e) => e.type === "category_changed")?.data).toEqual({ from: "labor_dispute", to: "wage_arrears", because: "accepted" });
    act(id, NOV_10 + 4 * DAY, "resolved", "recovered:6000;workersPaid:2");
    expect(campaignStats(env.app.store, { ...NOV, division: "410702" }).rows.total).toMatchObject({ nonCase: 1, workers: 2, amountYuan: 6_000 });
    // A referred case is not closed as resolved without being taken on again.
    const other = insert({ sector: "construction", workers: 1, amount: 1_000, division: "410702", arrears: false });
    expect(() => act(other, NOV_10 + DAY, "resolved", "recovered:1000;workersPaid:1")).toThrow(/referred → resolved/);
  });

  it("a case closed with nothing recovered is not counted as solved", () => {
    const nothing = insert({ sector: "construction", workers: 3, amount: 30_000, division: "410702" });
    handled(nothing, NOV_10 + DAY, "mediation", "recovered:0;workersPaid:0;老板跑路，已移送公安");
    const paid = insert({ sector: "construction", workers: 2, amount: 8_000, division: "410702" });
    handled(paid, NOV_10 + DAY, "mediation", "recovered:8000;workersPaid:2");
    expect(campaignStats(env.app.store, { ...NOV, division: "410702" }).rows.total).toMatchObject({ nonCase: 1, workers: 2, amountYuan: 8_000 });
  });

  it("two of one team who told the same claim, both resolved, are one problem solved: its workers and money once", () => {
    const a = insert({ sector: "construction", workers: 12, amount: 236_000, division: "410702" });
    const b = insert({ sector: "construction", workers: 12, amount: 236_000, division: "410702" });
    const other = insert({ sector: "construction", workers: 12, amount: 236_000, division: "410702" }); // not grouped: another team
    env.app.store.sqlite
      .prepare("INSERT INTO case_groups (id, jurisdiction_code, label, created_at, updated_at) VALUES ('GTEAM', '410702', '万达广场', 0, 0)")
      .run();
    env.app.store.sqlite.prepare("UPDATE cases SET group_id = 'GTEAM' WHERE id IN (?, ?)").run(a, b);
    for (const id of [a, b, other]) handled(id, NOV_10 + DAY, "mediation", "recovered:236000;workersPaid:12");
    const november = campaignStats(env.app.store, { ...NOV, division: "410702" });
    expect(november.rows.total).toMatchObject({ nonCase: 2, workers: 24, amountYuan: 472_000 });
  });

  it("其他情况: projects with arrears 查实 only once an officer took them up; PPP projects on a line of their own", () => {
    const logged = insert({ sector: "construction", ownership: "government", workers: 6, amount: 60_000, division: "410702", project: "一中新校区" });
    const accepted = insert({ sector: "construction", ownership: "government", workers: 4, amount: 40_000, division: "410702", project: "人民医院" });
    act(accepted, NOV_10 + DAY, "accepted");
    const ppp = insert({ sector: "construction", ownership: "ppp", workers: 9, amount: 270_000, division: "410702", project: "污水处理厂" });
    act(ppp, NOV_10 + DAY, "accepted");
    // A question asked (需补充) and answered by the worker is no officer's finding: not yet 查实.
    const asked = insert({ sector: "construction", ownership: "government", workers: 7, amount: 70_000, division: "410702", project: "体育中心" });
    env.app.actions.askWorker({ caseId: asked, question: "工资表在谁手里？", by: "孙杰", channel: "cli" });
    env.app.actions.workerReplied(asked, "在班长那里", "local:asked", "local");
    expect(env.app.ledger.find(asked)?.status).toBe("logged");
    const stats = campaignStats(env.app.store, { ...NOV, division: "410702" });
    expect(stats.other.government).toMatchObject({ projects: 1, workers: 4, amountYuan: 40_000 });
    expect(stats.other.ppp).toMatchObject({ projects: 1, workers: 9, amountYuan: 270_000 });
    expect(env.app.ledger.find(logged)?.status).toBe("logged");
    const lines = otherLines(stats, translator("zh-CN"));
    expect(lines.at(-1)).toBe("9.（台账补充）查实存在欠薪的政府与社会资本合作（PPP）项目1个（拖欠工资27.00万元，涉及0.0009万人）。");
  });

  it("two teams owed the same, told apart by an officer, are two problems solved in the table and in 其他情况", () => {
    const a = insert({ sector: "construction", ownership: "government", workers: 12, amount: 236_000, division: "410702", project: "一中新校区" });
    const b = insert({ sector: "construction", ownership: "government", workers: 12, amount: 236_000, division: "410702", project: "一中新校区" });
    env.app.store.sqlite
      .prepare("INSERT INTO case_groups (id, jurisdiction_code, label, created_at, updated_at) VALUES ('GTWO', '410702', '一中新校区', 0, 0)")
      .run();
    env.app.store.sqlite.prepare("UPDATE cases SET group_id = 'GTWO', project_key = '一中新校区' WHERE id IN (?, ?)").run(a, b);
    for (const id of [a, b]) handled(id, NOV_10 + DAY, "mediation", "recovered:236000;workersPaid:12");
    const table = () => campaignStats(env.app.store, { ...NOV, division: "410702" });
    expect(table().rows.total).toMatchObject({ nonCase: 1, workers: 12, amountYuan: 236_000 });
    expect(table().other.government).toMatchObject({ cases: 1, workers: 12, amountYuan: 236_000 });
    env.app.store.sqlite.prepare("UPDATE cases SET separate_claim = 1 WHERE id = ?").run(b);
    expect(table().rows.total).toMatchObject({ nonCase: 2, workers: 24, amountYuan: 472_000 });
    expect(table().other.government).toMatchObject({ cases: 2, projects: 1, workers: 24, amountYuan: 472_000 });
  });

  it("a team's claim told twice and resolved in two periods counts in the first one only", () => {
    const a = insert({ sector: "construction", workers: 10, amount: 300_000, division: "410702", at: OCT_10 });
    const b = insert({ sector: "construction", workers: 10, amount: 300_000, division: "410702", at: OCT_10 });
    env.app.store.sqlite
      .prepare("INSERT INTO case_groups (id, jurisdiction_code, label, created_at, updated_at) VALUES ('GTWICE', '410702', '万达广场', 0, 0)")
      .run();
    env.app.store.sqlite.prepare("UPDATE cases SET group_id = 'GTWICE' WHERE id IN (?, ?)").run(a, b);
    handled(a, OCT_10 + DAY, "mediation", "recovered:300000;workersPaid:10");
    handled(b, NOV_10 + DAY, "mediation", "recovered:300000;workersPaid:10");
    expect(campaignStats(env.app.store, { ...OCT, division: "410702" }).rows.total).toMatchObject({ nonCase: 1, workers: 10, amountYuan: 300_000 });
    expect(campaignStats(env.app.store, { ...NOV, division: "410702" }).rows.total).toMatchObject({ nonCase: 0, workers: 0, amountYuan: 0 });
  });

  it("其他情况 counts a team's claim told twice once, and a past period's line does not change when a case moves on", () => {
    const a = insert({ sector: "construction", ownership: "government", workers: 10, amount: 300_000, division: "410702", project: "一中新校区" });
    const b = insert({ sector: "construction", ownership: "government", workers: 10, amount: 300_000, division: "410702", project: "一中新校区" });
    env.app.store.sqlite
      .prepare("INSERT INTO case_groups (id, jurisdiction_code, label, created_at, updated_at) VALUES ('GGOV', '410702', '一中新校区', 0, 0)")
      .run();
    env.app.store.sqlite.prepare("UPDATE cases SET group_id = 'GGOV' WHERE id IN (?, ?)").run(a, b);
    act(a, NOV_10 + DAY, "accepted");
    act(b, NOV_10 + DAY, "accepted");
    const before = campaignStats(env.app.store, { ...NOV, division: "410702" }).other.government;
    expect(before).toMatchObject({ projects: 1, workers: 10, amountYuan: 300_000 });
    // Transferred in December: November's table stays as it was.
    act(a, Date.parse("2026-12-02T02:00:00Z"), "transferred");
    expect(campaignStats(env.app.store, { ...NOV, division: "410702" }).other.government).toEqual(before);
  });

  it("a resolution counts for the desk that had the case then: a later transfer moves no past figures", () => {
    const a = insert({ sector: "construction", workers: 12, amount: 236_000, division: "410702", at: NOV_10 });
    handled(a, NOV_10 + DAY, "mediation", "recovered:236000;workersPaid:12");
    const hongqi = () => campaignStats(env.app.store, { ...NOV, division: "410702" }).rows.total;
    const weibin = () => campaignStats(env.app.store, { ...NOV, division: "410703" }).rows.total;
    const before = hongqi();
    expect(before).toMatchObject({ nonCase: 1, workers: 12, amountYuan: 236_000 });
    // Reopened and transferred to 卫滨区 in December.
    act(a, Date.parse("2026-12-02T02:00:00Z"), "reopened");
    env.clock.current = Date.parse("2026-12-03T02:00:00Z");
    env.app.actions.setStatus({ caseId: a, status: "transferred", by: "slack:U1", channel: "slack", note: "项目在卫滨区", moveToJurisdiction: "410703" });
    expect(hongqi()).toEqual(before);
    expect(weibin()).toMatchObject({ nonCase: 0, workers: 0, amountYuan: 0 });
  });

  it("an unknown division is an error, not a table of zeros", async () => {
    const errors: string[] = [];
    const command = reportCommand(() => env.restart(), () => undefined);
    command.exitOverride();
    command.configureOutput({ writeErr: (text) => errors.push(text) });
    for (const sub of command.commands) {
      sub.exitOverride();
      sub.configureOutput({ writeErr: (text) => errors.push(text) });
    }
    await expect(
      command.parseAsync(["campaign", "--from", "2026-11-01", "--to", "2026-11-30", "--division", "999999", "--csv", join(env.dir, "x.csv")], { from: "user" }),
    ).rejects.toThrow();
    await expect(command.parseAsync(["weekly", "--days", "abc"], { from: "user" })).rejects.toThrow();
    expect(errors.join("\n")).toContain("没有这个地区代码：999999");
    expect(errors.join("\n")).toContain("--days 要写 1 到 366 之间的整数");
  });
});
