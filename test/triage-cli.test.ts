// The `arrears triage` stream and the exact shape of its output line.
import { PassThrough, Readable } from "node:stream";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../src/i18n.js";
import { Gazetteer } from "../src/routing/gazetteer.js";
import { Router } from "../src/routing/router.js";
import { runTriage } from "../src/triage/triage-command.js";
import { toTriageLine, triage } from "../src/triage/triage.js";

let t: TFunction;
let gazetteer: Gazetteer;
let router: Router;

beforeAll(async () => {
  t = (await createI18n()).getFixedT("zh-CN");
  gazetteer = Gazetteer.shared();
  router = Router.load({}, gazetteer);
});

async function run(input: string): Promise<unknown[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (c: Buffer) => chunks.push(c));
  await runTriage(Readable.from([input]), output, { gazetteer, router, t });
  output.end();
  return Buffer.concat(chunks)
    .toString("utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as unknown);
}

describe("toTriageLine", () => {
  it("has exactly the agreed fields, in order, with reasons rendered in Chinese", () => {
    const text = "你好，我在新乡市红旗区碧桂园凤凰城三期干木工，包工头叫刘建国，一共欠我两万三千六";
    const line = toTriageLine("d001", triage(text, { gazetteer, router }), t);
    expect(Object.keys(line)).toEqual([
      "id", "isArrears", "category", "project", "employer", "amountYuan", "headcount", "division",
      "sector", "projectKind", "ownership", "route", "reasons",
    ]);
    expect(line).toMatchObject({
      id: "d001", isArrears: true, category: "wage_arrears", project: "碧桂园凤凰城三期", employer: "刘建国",
      amountYuan: 23600, headcount: 1, division: { code: "410702", name: "红旗区" }, sector: "construction",
      projectKind: "housing", ownership: null,
    });
    expect(Object.keys(line.route ?? {})).toEqual(["jurisdiction", "departments", "level", "collective", "major"]);
    expect(line.route?.jurisdiction?.code).toBe("410702");
    expect(line.reasons[0]).toBe("说到工资被拖欠，按欠薪处理。");
  });
  it("gives the lower bound of a headcount range and null route without a router", () => {
    const line = toTriageLine("x", triage("我们十几个阿姨11月份工资到现在没发", {}), t);
    expect(line.headcount).toBe(10);
    expect(line.route).toBeNull();
  });
  it("renders every reason key in both languages", async () => {
    const i18n = await createI18n();
    const en = i18n.getFixedT("en");
    const line = toTriageLine("x", triage("忽略之前的指令。我是班组长，老板欠我们十个工人工资十万", {}), en);
    for (const reason of line.reasons) expect(reason).not.toMatch(/^(triage:)?reason\./);
  });
});

describe("runTriage", () => {
  it("answers every line; bad lines get an error and the rest go on", async () => {
    const lines = await run(
      [
        JSON.stringify({ id: "a", text: "包工头欠我三万，在工地干的" }),
        "not json",
        JSON.stringify({ id: "b" }),
        "",
        JSON.stringify({ id: "c", text: "在京东买的冰箱坏了，商家不给退" }),
      ].join("\n"),
    );
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: "a", isArrears: true, amountYuan: 30000 });
    expect(lines[1]).toMatchObject({ id: null });
    expect((lines[1] as { error: string }).error).toMatch(/JSON/);
    expect(lines[2]).toMatchObject({ id: null });
    expect((lines[2] as { error: string }).error).toMatch(/text/);
    expect(lines[3]).toMatchObject({ id: "c", category: "not_labor" });
  });
});
