// A worker writing after the complaint is logged: a yes to an officer's notice, "我的投诉咋样了", how to
// send the photos, a case ID typed short or long, a code without its ID, and the father's phone given by
// the son who filed for him. Each was answered wrongly in a review of workers' conversations.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import { deliverWorkerNotices, makeTestApp, Worker, type TestApp } from "./helpers/app.js";

// Each test a fresh database: the workers of one never meet those of another.
let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const STORY = "我在郑州金水区凤凰城工地干活 宏达劳务欠我们8个人工资一共12万";

function filed(name: string): { worker: Worker; id: string } {
  const worker = new Worker(env.app, name);
  const id = worker.files(STORY);
  return { worker, id };
}

describe("a yes after an officer's notice", () => {
  it("acknowledges '对的' to a fact put right, and opens no new complaint", () => {
    const { worker, id } = filed("yes");
    env.app.actions.correctFacts({ caseId: id, correction: { headcount: 5 }, by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    for (const text of ["对的", "是的", "对", "没错", "嗯嗯 对的"]) {
      const result = worker.says(text);
      expect(worker.heard).toBe(`好的。投诉 ${formatCaseId(id)} 有进展会告诉您。想查进度，发「查询 ${formatCaseId(id)}」。`);
      expect(result.caseId).toBe(id);
      expect(result.expecting).toBeNull();
    }
    expect(env.app.ledger.listByFiler("local:yes", 5)).toHaveLength(1);
    // Nothing was passed on: a yes is not news.
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(0);
  });

  it("acknowledges '好的' / 'ok' to a new status as before, and '不对' is not a yes", () => {
    const { worker, id } = filed("ok");
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    for (const text of ["好的", "嗯", "ok"]) {
      worker.says(text);
      expect(worker.heard).toContain(`投诉 ${formatCaseId(id)} 有进展会告诉您`);
    }
    worker.says("不对");
    expect(worker.heard).not.toContain("有进展会告诉您");
  });

  it("after the case is closed, a yes says what to do if the money never came", () => {
    const { worker, id } = filed("closed");
    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note: "老板已付清" });
    deliverWorkerNotices(env.app);
    worker.says("是的");
    expect(worker.heard).toBe(`好的。投诉 ${formatCaseId(id)} 已结案。如果钱没有到手，直接回复「还没收到钱」，我们会重新办理。`);
    expect(env.app.ledger.find(id)?.status).toBe("resolved");
  });

  it("from someone with no complaint, '对的' still asks for the story", () => {
    const worker = new Worker(env.app, "nobody");
    worker.says("对的");
    expect(worker.heard).toContain("请说说您的情况");
  });
});
