// An officer asks the worker a question (需补充) and the worker answers as told ("请直接回复"). In an
// officers' review the answer naming "负责人马宏达" opened a new complaint instead, the person's number
// became the worker's phone, and the answer moved a case nobody had accepted to "处理中".
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverWorkerNotices, makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const STORY = "我在新乡红旗区中铁七局的铁路站房项目干活 中铁七局欠我们6个人工资一共4万8";

function askedAfterFiling(name: string, question: string): { worker: Worker; id: string } {
  const worker = new Worker(env.app, name);
  const id = worker.files(STORY, { ownership: "soe" });
  env.app.actions.askWorker({ caseId: id, question, by: "孙杰", channel: "cli" });
  deliverWorkerNotices(env.app);
  return { worker, id };
}

describe("the answer to an officer's question", () => {
  it("is the answer even when it names someone other than the employer, and opens no new complaint", () => {
    const { worker, id } = askedAfterFiling("soe", "工资表在谁手里？");
    const result = worker.says("负责人叫马宏达，手机13988887777，工资表在我这，欠条有20多张");
    expect(worker.heard).toContain("回答已转给");
    expect(result.expecting).toBeNull();
    expect(result.caseId).toBe(id);
    const replied = env.app.ledger.events(id).filter((event) => event.type === "worker_replied");
    expect(replied).toHaveLength(1);
    expect(JSON.stringify(replied[0]!.data)).toContain("马宏达");
    // The number follows the person named: his, for the officer to read in the answer, not the worker's.
    expect(env.app.ledger.find(id)?.phone).toBeNull();
  });

  it("still keeps the worker's own number given in an answer", () => {
    const { worker, id } = askedAfterFiling("own", "工地在哪个门？");
    worker.says("我在三号楼干活，电话13712345678");
    expect(env.app.ledger.find(id)?.phone).toBe("13712345678");
  });

  it("is not the answer when it tells another sum owed by another boss: that is a new complaint", () => {
    const { worker, id } = askedAfterFiling("other", "工资表在谁手里？");
    const result = worker.says("我之前在富士康也被欠了3000");
    expect(result.expecting).not.toBeNull();
    expect(worker.choiceIds).toContain(`answer:${id}`);
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_replied")).toHaveLength(0);
  });

  it("puts a case nobody accepted back to 'logged', and the acceptance decision is owed again", () => {
    const { worker, id } = askedAfterFiling("logged", "工资表在谁手里？");
    expect(env.app.ledger.find(id)?.status).toBe("awaiting_worker");
    expect(env.app.actions.deadlines.openFor(id).map((d) => d.kind)).not.toContain("acceptance");
    env.clock.advance(2 * 24 * 3_600_000);
    worker.says("工资表在班长那里");
    const row = env.app.ledger.find(id)!;
    expect(row.status).toBe("logged");
    const acceptance = env.app.actions.deadlines.openFor(id).find((d) => d.kind === "acceptance");
    expect(acceptance).toBeDefined();
    // Counted from the answer (受理 is decided on complete materials), not from the filing.
    expect(acceptance!.dueAt).toBeGreaterThan(env.clock.now());
    const back = env.app.ledger.events(id).filter((event) => event.type === "status_changed").at(-1)!;
    expect(back.data).toMatchObject({ from: "awaiting_worker", to: "logged" });
    expect(back.actor).toBe("worker:local:logged");
  });

  it("puts an accepted case back to 'accepted', and the worker hears no status change of their own making", () => {
    const worker = new Worker(env.app, "accepted");
    const id = worker.files(STORY, { ownership: "soe" });
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "孙杰", channel: "cli" });
    env.app.actions.askWorker({ caseId: id, question: "有没有考勤记录？", by: "孙杰", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("有，在手机上");
    expect(env.app.ledger.find(id)?.status).toBe("accepted");
    expect(worker.heard).not.toContain("处理中");
  });
});

describe("a question overtaken by the officer's next step", () => {
  it("is not sent once the case is closed before the worker saw it; the closing notice is", () => {
    const worker = new Worker(env.app, "overtaken");
    const id = worker.files(STORY, { ownership: "soe" });
    deliverWorkerNotices(env.app);
    env.app.actions.askWorker({ caseId: id, question: "是同一个班组吗？", by: "孙杰", channel: "cli" });
    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "孙杰", channel: "cli", note: "recovered:48000;workersPaid:6" });
    const waiting = env.app.outbox.due("local", env.clock.now(), 50).map((row) => row.messageKey);
    expect(waiting).toContain("notify.resolved");
    expect(waiting).not.toContain("notify.question");
    // A question already seen is left as it was: only what never reached the worker is withdrawn.
    const second = new Worker(env.app, "seen");
    const other = second.files(STORY, { ownership: "soe" });
    env.app.actions.askWorker({ caseId: other, question: "有考勤吗？", by: "孙杰", channel: "cli" });
    deliverWorkerNotices(env.app);
    env.app.actions.setStatus({ caseId: other, status: "handling", by: "孙杰", channel: "cli" });
    expect(env.app.actions.questionSeen(other, env.clock.now())).toBe(true);
  });
});

describe("a phone number in the first message", () => {
  it("is the worker's when it stands after the worker's own words, even after a sum like 一万八", () => {
    const worker = new Worker(env.app, "first");
    worker.says("新乡红旗区碧桂园凤凰城三期 包工头刘建国欠我一万八 电话13655556666");
    expect(worker.heard).toContain("电话：13655556666");
    const id = worker.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)?.phone).toBe("13655556666");
    expect(worker.heard).not.toContain("发个手机号给我");
  });

  it("is the boss's when it stands right after his name", () => {
    const worker = new Worker(env.app, "boss");
    worker.says("新乡红旗区碧桂园凤凰城三期 包工头刘建国13655556666欠我一万八");
    expect(worker.heard).not.toContain("电话：13655556666");
  });
});
