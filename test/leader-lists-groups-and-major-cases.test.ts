// The arrears-office leader's lists: `group list` (the collective groups, major first, with their
// complaints, workers, sums, level and desk) and `case list --major / --collective`. The 集体 marker
// says the same everywhere: a group of complaints below the collective threshold (宏基, 7 workers) is
// 一般 in `group show` and 【同案组】 in `case list`, not 【集体】.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import { groupCommand } from "../src/groups/cli.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { cliOn } from "./helpers/cli.js";

describe("a leader's lists of groups and of major and collective cases", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  const ids: Record<string, string> = {};
  beforeAll(() => {
    t = makeTestApp();
    // The CLI runs on the real clock: filed now, nothing is overdue yet.
    t.clock.current = Date.now();
    cli = cliOn(t);
    const file = (who: string, text: string, answers: Record<string, string> = {}) => (ids[who] = new Worker(t.app, who).files(text, answers));
    file("z2", "郑州金水区正商书香华府工地，河南宏基劳务有限公司欠我们5个人工资，每人8000", { headcount: "5个人" });
    file("z3", "宏基劳务欠我两万一，在金水区正商书香华府干的瓦工", { headcount: "就我一个" });
    file("x1", "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人23万6");
    file("x3", "红旗区碧桂园凤凰城三期 包工头刘建国欠我一万八", { headcount: "就我一个" });
    file("x4", "新乡红旗区新乡宏达劳务有限公司在新乡医学院新校区工地欠我们45个工人工资一共120万", { headcount: "45个人" });
    file("x6", "新乡红旗区华美电子厂欠我两个月工资，一个月4500", { headcount: "就我一个" });
  });
  afterAll(() => t.cleanup());

  const group = async (...args: string[]) => {
    const lines: string[] = [];
    await groupCommand(() => t.restart(), (line) => lines.push(line)).parseAsync(args, { from: "user" });
    return lines;
  };

  it("group list: collective first, each with complaints (open), workers, the sum, the level and the desk; --division narrows", async () => {
    const hongji = t.app.ledger.find(ids.z2!)!.groupId!;
    const bgy = t.app.ledger.find(ids.x1!)!.groupId!;
    expect(hongji).toBeTruthy();
    expect(bgy).toBeTruthy();
    const all = await group("list");
    expect(all[0]).toBe("同案组  级别  投诉（未办结）  人数  欠款  办理地  名称");
    expect(all[1]).toMatch(new RegExp(`^${bgy}  集体欠薪  2 件（2）  13 人  ¥254,000  红旗区  `));
    expect(all[2]).toMatch(new RegExp(`^${hongji}  一般  2 件（2）  6 人  ¥61,000  金水区  `));
    expect(all).toHaveLength(3);

    const xinxiang = await group("list", "--division", "410700");
    expect(xinxiang.join("\n")).toContain(bgy);
    expect(xinxiang.join("\n")).not.toContain(hongji);
    expect(await group("list", "--division", "440106")).toEqual(["没有同案组。"]);
  });

  it("case list --major and --collective, and one 集体 marker across views", { timeout: 90_000 }, async () => {
    const [major, collective, list, shown] = await Promise.all([
      cli("case", "list", "--major"),
      cli("case", "list", "--collective"),
      cli("case", "list"),
      cli("case", "show", ids.z3!),
    ]);
    const listed = (run: { stdout: string }) => run.stdout.trim().split("\n").slice(1).map((line) => line.slice(0, 11));
    expect(listed(major)).toEqual([formatCaseId(ids.x4!)]);
    expect(listed(collective).sort()).toEqual([ids.x1!, ids.x3!, ids.x4!].map(formatCaseId).sort());
    const line = (id: string) => list.stdout.split("\n").find((l) => l.startsWith(formatCaseId(id)))!;
    // 宏基's group is 一般 (6 workers): grouped, not collective.
    expect(line(ids.z3!)).toContain("【同案组】");
    expect(line(ids.z3!)).not.toContain("集体");
    expect(line(ids.x3!)).toContain("【集体】");
    expect(line(ids.x6!)).toContain("  1 人  -  红旗区");
    expect(shown.stdout).toContain("同案组（group show 可查看）:");
    expect(shown.stdout).not.toMatch(/类别: .*集体/);
  });
});
