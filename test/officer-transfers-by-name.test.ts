// 转办 from the command line: --to takes a county's code or its name. A city's or a municipality's
// code (410700, 500100 重庆市, 110100 北京市) is told it is not a county, with one of its counties as the
// example; a name several counties share lists them with their codes; the examples are counties near
// the case (its city, its province), not always 新乡 牧野区.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { cliOn } from "./helpers/cli.js";

describe("transferring a Chongqing case", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  let id: string;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
    id = new Worker(t.app, "c1").files("重庆渝北区一家校外培训机构，启航教育欠我8000工资", { headcount: "就我一个" });
  });
  afterAll(() => t.cleanup());

  const transfer = (to: string) => cli("case", "set-status", id, "transferred", "--by", "陈警官", "--to", to);

  it("500100 and 110100 are the municipality's city level: give a county, one of theirs", { timeout: 60_000 }, async () => {
    const [chongqing, beijing, city, unknown, none] = await Promise.all([
      transfer("500100"),
      transfer("110100"),
      transfer("410700"),
      transfer("999999"),
      cli("case", "set-status", id, "transferred", "--by", "陈警官"),
    ]);
    expect(chongqing.code).toBe(1);
    expect(chongqing.stderr.trim()).toBe("重庆市（500100）不是区县。请转给负责办理的区县，比如 --to 500101（万州区）。");
    expect(beijing.stderr).toMatch(/^北京市（110100）不是区县。.*--to 1101\d\d（/);
    expect(city.stderr).toMatch(/^河南省新乡市（410700）不是区县。.*--to 4107\d\d（/);
    // The examples of a Chongqing case are counties of Chongqing.
    expect(unknown.stderr.trim()).toMatch(/^没有这个地区代码：999999。请写六位代码或区县名，比如 --to 500\d\d\d（/);
    expect(none.stderr).toMatch(/--to 500\d\d\d（/);
    for (const run of [chongqing, beijing, unknown, none]) expect(run.stderr).not.toContain("410711");
    expect(t.restart().ledger.find(id)!.jurisdictionCode).toBe("500112");
  });

  it("a name several counties share is listed with their codes, the case's own province first; a loose name is offered", { timeout: 60_000 }, async () => {
    const [several, loose, unknown] = await Promise.all([transfer("江北区"), transfer("牧野"), transfer("不存在区")]);
    expect(several.code).toBe(1);
    expect(several.stderr.trim()).toBe("叫「江北区」的区县有几个：500105（重庆市江北区）、330205（浙江省宁波市江北区）。请写代码，比如 --to 500105。");
    expect(loose.stderr.trim()).toBe("「牧野」是 河南省新乡市牧野区 吗？是的话请写 --to 410711。");
    expect(unknown.stderr).toContain("没有找到叫「不存在区」的区县");
    expect(t.restart().ledger.find(id)!.jurisdictionCode).toBe("500112");
  });

  it("a county's full name is taken, and the officer is told which county it was", { timeout: 60_000 }, async () => {
    const done = await transfer("重庆江北区");
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain("转到：重庆市江北区（500105）。");
    const row = t.restart().ledger.find(id)!;
    expect(row.jurisdictionCode).toBe("500105");
    expect(row.status).toBe("transferred");
    // A code still works as before.
    const back = await transfer("500112");
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).not.toContain("转到：");
    expect(t.restart().ledger.find(id)!.jurisdictionCode).toBe("500112");
  });
});
