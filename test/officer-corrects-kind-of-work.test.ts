// 更正案件信息, the kind of work: the bot read 金水河综合治理工程 as 房建 (住建), and a worker seldom knows
// that a project is government-invested or an SOE's. An officer corrects the sector, the project kind
// and the investor (codes or the labels the bot shows); the departments follow, the ledger keeps old
// and new, and the worker hears what now stands.
import { Command, CommanderError } from "commander";
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import { correctCommand } from "../src/cases/correct-cli.js";
import { renderNotification } from "../src/cases/notifications.js";
import { outbox } from "../src/db/schema.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const row = (id: string) => env.app.ledger.find(id)!;
const departments = (id: string) => (row(id).route as { departments?: string[] }).departments;
const queuedFor = (recipient: string, key: string): string[] =>
  env.app.store.db
    .select()
    .from(outbox)
    .where(eq(outbox.recipientKey, recipient))
    .orderBy(asc(outbox.id))
    .all()
    .filter((message) => message.messageKey === key)
    .map((message) => renderNotification(message));

/** `arrears case correct …` mounted as src/cli.ts mounts it, on the test's database; output captured. */
async function correct(args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const root = new Command("case");
  root.addCommand(correctCommand(() => env.restart(), (line) => out.push(line), (line) => err.push(line)));
  for (const command of [root, ...root.commands]) {
    command.exitOverride();
    command.configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  }
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await root.parseAsync(["correct", ...args], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    err.push(error.message);
    process.exitCode = 1;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { out: out.join("\n"), err: err.join("\n"), exitCode };
}

describe("an officer corrects what kind of work the complaint is about", () => {
  it("a river works read as housing: 水利 replaces 住建, on the case, the ledger and the worker's notice", async () => {
    const worker = new Worker(env.app, "z5");
    const id = worker.files("郑州市金水区金水河综合治理工程是政府投资的项目，郑州水务建设公司欠我们8个人工资一共9万6", { headcount: "8个人" });
    expect(row(id)).toMatchObject({ sector: "construction", projectKind: "housing", ownership: "government" });
    expect(departments(id)).toEqual(["hrss_inspection", "housing", "development_finance"]);

    const done = await correct([formatCaseId(id), "--project-kind", "水利", "--by", "赵科长", "--note", "河道治理，属水利工程"]);
    expect(done).toMatchObject({ exitCode: 0, err: "" });
    expect(done.out).toContain("工程类型：房建、市政 → 水利");
    expect(row(id).projectKind).toBe("water");
    expect(departments(id)).toEqual(["hrss_inspection", "water", "development_finance"]);
    expect(env.app.ledger.events(id).at(-1)).toMatchObject({
      type: "facts_corrected",
      actor: "officer:赵科长",
      data: { changes: [{ fact: "projectKind", from: "housing", to: "water" }], note: "河道治理，属水利工程" },
    });
    const told = queuedFor(`local:${worker.id}`, "notify.factsCorrected");
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("工程类型：房建、市政 → 水利");
    expect(told[0]).not.toContain("河道治理");
  });

  it("an SOE's project found by the officer: 国资 joins; codes and English labels are taken as well", async () => {
    const id = new Worker(env.app, "x5").files("我在新乡市红旗区东环路改造工程干活，包工头欠我们6个人4万8", { headcount: "6个人", employer: "新乡路桥劳务" });
    expect(departments(id)).not.toContain("sasac");
    const done = await correct([formatCaseId(id), "--ownership", "央企", "--by", "孙杰"]);
    expect(done.exitCode, done.err).toBe(0);
    expect(done.out).toContain("投资方：");
    expect(row(id).ownership).toBe("soe");
    expect(departments(id)).toContain("sasac");

    const factory = new Worker(env.app, "g7").files("我在新乡市红旗区鑫达装饰公司干活，欠我工资1万2", { headcount: "就我一个", project: "鑫达装饰公司车间" });
    const moved = await correct([formatCaseId(factory), "--sector", "Factory", "--ownership", "private", "--by", "陈警官"]);
    expect(moved.exitCode, moved.err).toBe(0);
    expect(row(factory)).toMatchObject({ sector: "manufacturing", ownership: "private" });
    // No construction project: labour inspection alone.
    expect(departments(factory)).toEqual(["hrss_inspection"]);
    expect(moved.out).toContain("行业：建筑工地 → 工厂");
  });

  it("refuses a value it does not know, with the values it takes, and a project kind on a factory's case; nothing is written", async () => {
    const id = new Worker(env.app, "x6").files("新乡红旗区华美电子厂欠我两个月工资，一个月4500", { headcount: "就我一个" });
    const before = env.app.ledger.events(id).length;
    const unknown = await correct([formatCaseId(id), "--sector", "矿场", "--by", "李华"]);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.err).toContain("行业没有「矿场」。可以写：construction（建筑工地）、manufacturing（工厂）");
    const kind = await correct([formatCaseId(id), "--project-kind", "water", "--by", "李华"]);
    expect(kind.exitCode).toBe(1);
    expect(kind.err).toContain("工程类型只用于建筑工地");
    const same = await correct([formatCaseId(id), "--sector", "工厂", "--by", "李华"]);
    expect(same.exitCode).toBe(1);
    expect(same.err).toContain("没有要更正的");
    expect(env.app.ledger.events(id)).toHaveLength(before);
    // With the sector put right at the same time, the project kind is taken.
    const both = await correct([formatCaseId(id), "--sector", "建筑工地", "--project-kind", "公路", "--by", "李华"]);
    expect(both.exitCode, both.err).toBe(0);
    expect(departments(id)).toEqual(["hrss_inspection", "transport"]);
  });
});
