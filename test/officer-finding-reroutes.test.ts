// What an officer finds a complaint to be decides where it goes: a referral names the category, 受理
// makes it arrears. The case's route follows, so the worker's status, the CLI and the desk read the
// finding, not the bot's first reading.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

type StoredRoute = { departments: string[]; referral: { key: string } | null; collective?: boolean; major?: boolean };
const routeOf = (id: string) => env.app.ledger.find(id)!.route as StoredRoute;

describe("an officer's finding reroutes the case", () => {
  it("sends a worker whose arrears were referred as a labour dispute to arbitration, and back to the arrears desk on 受理", () => {
    const worker = new Worker(env.app, "reroute");
    const id = worker.files("老板欠我们工资三万 在郑州金水区 绿地中心工地 老板叫张三 我们有5个人");
    expect(routeOf(id).referral).toBeNull();
    expect(routeOf(id).departments).toContain("hrss_inspection");

    env.app.actions.setStatus({ caseId: id, status: "referred", by: "张三", channel: "cli", note: "category:labor_dispute 实为加班费争议" });
    expect(routeOf(id).referral?.key).toBe("referral.labor_dispute");
    expect(routeOf(id).departments).not.toContain("hrss_inspection");
    // The worker asking after it is told where to go now.
    worker.says(`查询 ${id}`);
    expect(worker.heard).toContain("请这样办：");
    expect(worker.heard).toContain("仲裁");

    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "李四", channel: "cli", note: "核实后仍属欠薪" });
    expect(routeOf(id).referral).toBeNull();
    expect(routeOf(id).departments).toContain("hrss_inspection");
    expect(env.app.ledger.find(id)).toMatchObject({ category: "wage_arrears", isArrears: true });
  });
});
