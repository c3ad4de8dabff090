// A worker writing after the complaint is logged: a yes to an officer's notice, "我的投诉咋样了", how to
// send the photos, a case ID typed short or long, a code without its ID, and the father's phone given by
// the son who filed for him. Each was answered wrongly in a review of workers' conversations.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import { SessionStore } from "../src/dialogs/session-store.js";
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

describe("'我的投诉咋样了'", () => {
  it.each(["我的投诉咋样了", "我的投诉怎么样了", "投诉有结果了吗", "how is my complaint"])("after filing, '%s' is answered with the case's status, nothing passed on", (text) => {
    const { worker, id } = filed("how");
    const result = worker.says(text);
    expect(result.caseId).toBe(id);
    expect(worker.heard).toMatch(new RegExp(`^(?:投诉|Complaint) ${formatCaseId(id)}\n`));
    expect(worker.heard).not.toMatch(/已转告|passed on/);
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(0);
  });

  it("while another complaint is written, shows the logged one's status and asks the question again", () => {
    const { worker, id } = filed("mid");
    worker.says("/new");
    worker.says("我在饭店干活 老板欠我三千");
    expect(worker.last?.expecting).toBe("place");
    const result = worker.says("我的投诉咋样了");
    const texts = result.replies.map((reply) => reply.text);
    expect(texts[0]).toContain(`投诉 ${formatCaseId(id)}\n现在：已登记，等待受理`);
    // Files sent now go with the complaint being written, so the status does not invite them.
    expect(texts[0]).not.toContain("附到这个投诉上");
    expect(texts.at(-1)).toContain("在哪里干活？");
    expect(result.expecting).toBe("place");
    expect(result.caseId).toBeNull();
    // The draft is untouched: its place is still asked, its facts kept.
    expect(new SessionStore(env.app.store.sqlite).load("local:mid").draft?.facts.amountYuan).toBe(3000);
  });

  it("while the first complaint is written, says it is not logged yet", () => {
    const worker = new Worker(env.app, "first");
    worker.says("我在饭店干活 老板欠我三千");
    worker.says("我的投诉咋样了");
    expect(worker.heard).toBe("这个投诉还没登记。回答完下面的问题，确认后就登记。\n在哪里干活？请写省、市、区或县，比如：新乡市红旗区。");
    expect(worker.last?.expecting).toBe("place");
  });
});

describe("how to send photos and files", () => {
  it("after filing: right here, and they go to the case named", () => {
    const { worker, id } = filed("files");
    const result = worker.says("我还有聊天记录和考勤表 怎么发给你们");
    expect(worker.heard).toBe(`照片、截图、文件，直接在这个聊天里发给我就行，一次发几张都可以。会附到投诉 ${formatCaseId(id)} 上，工作人员能看到。`);
    expect(result.caseId).toBe(id);
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(0);
    // And so they do.
    worker.sends({ type: "photo", fileId: "kaoqin-1", sizeBytes: 20_000 });
    expect(worker.heard).toContain("证据已附到投诉上");
    expect(env.app.ledger.events(id).filter((event) => event.type === "evidence_added")).toHaveLength(1);
  });

  it("after /new, the files are for the complaint about to be told", () => {
    const { worker, id } = filed("files-new");
    worker.says("/new");
    worker.says("照片怎么发");
    expect(worker.heard).toBe("照片、截图、文件，直接在这个聊天里发给我就行。会和您的投诉一起交给工作人员。");
    expect(worker.heard).not.toContain(formatCaseId(id));
    // The story told next is still the new complaint.
    worker.says("我在郑州金水区万达广场干活 老板张三欠我三千");
    expect(worker.last?.expecting).toBe("sector");
  });

  it("while the sector buttons wait: how to send, then the same question with its buttons", () => {
    const worker = new Worker(env.app, "buttons");
    worker.says("我在郑州金水区万达广场干活 老板张三欠我三千");
    expect(worker.last?.expecting).toBe("sector");
    const result = worker.says("照片怎么发");
    expect(result.replies.map((reply) => reply.text)).toEqual(["照片、截图、文件，直接在这个聊天里发给我就行。会和您的投诉一起交给工作人员。", "您做的是哪一行？"]);
    expect(worker.choiceIds).toContain("sector:construction");
    expect(result.expecting).toBe("sector");
  });

  it("while a name is asked, '我有考勤表 怎么发给你们' is no name", () => {
    const worker = new Worker(env.app, "name");
    worker.says("我在郑州金水区干活 老板欠我三千");
    expect(worker.last?.expecting).toBe("project");
    worker.says("我有考勤表 怎么发给你们");
    expect(worker.heard).toContain("直接在这个聊天里发给我就行");
    expect(worker.last?.expecting).toBe("project");
    worker.says("好运来饭店");
    expect(worker.heard).not.toContain("考勤表");
  });
});

describe("a case ID typed short or long, a code without its ID", () => {
  it("says an ID one character short is incomplete, and shows the form", () => {
    const worker = new Worker(env.app, "short");
    const result = worker.says("查询2EDXTN7F");
    expect(worker.heard).toBe("编号 2EDXTN7F 只有 8 位，好像少打了。编号是 9 位字母和数字，分三段：XXX-XXX-XXX，比如 K7Q-M3P-9RX。请再核对一下。");
    expect(result.expecting).toBeNull();
    worker.says("/status 2ED-XTN-7F");
    expect(worker.heard).toContain("只有 8 位");
  });

  it("says an ID one character over is too long", () => {
    const worker = new Worker(env.app, "long");
    worker.says("查询 K7Q-M3P-9RXX");
    expect(worker.heard).toBe("编号 K7Q-M3P-9RXX 有 10 位，好像多打了。编号是 9 位字母和数字，分三段：XXX-XXX-XXX，比如 K7Q-M3P-9RX。请再核对一下。");
  });

  it("'查询 059675' with no ID asked about: the ID is needed with the code", () => {
    const { worker: filer } = filed("owner");
    const code = filer.heard.match(/查询码：(\d{6})/)?.[1] as string;
    const relative = new Worker(env.app, "son");
    relative.says(`查询 ${code}`);
    expect(relative.heard).toBe("查询码要和编号一起发，像这样：查询 XXX-XXX-XXX 123456。编号是 9 位字母和数字，查询码是 6 位数字。");
    expect(relative.last?.caseId).toBeNull();
    // The filer's own code alone shows nothing either: it is not taken for "my latest case".
    filer.says(`查询 ${code}`);
    expect(filer.heard).toContain("查询码要和编号一起发");
  });

  it("'查询 059675' right after 'not found … send the 6-digit code' opens the case", () => {
    const { worker: filer, id } = filed("owner2");
    const code = filer.heard.match(/查询码：(\d{6})/)?.[1] as string;
    const relative = new Worker(env.app, "daughter");
    relative.says(`查询 ${formatCaseId(id)}`);
    expect(relative.heard).toContain("请发6位查询码");
    relative.says(`查询 ${code}`);
    expect(relative.heard).toContain(`投诉 ${formatCaseId(id)}\n现在：`);
    expect(relative.last?.caseId).toBe(id);
  });
});

describe("the phone of the one the complaint is for", () => {
  const FOR_FATHER = "我帮我爸问的 他在郑州金水区凤凰城工地干活 宏达劳务欠他两万";

  it.each(["他的电话13698765432", "我爸电话13698765432", "his phone is 13698765432", "他电话 136 9876 5432"])("'%s' from a son who filed for his father is the case's phone", (text) => {
    const son = new Worker(env.app, "son");
    const id = son.files(FOR_FATHER);
    const result = son.says(text);
    expect(env.app.ledger.find(id)?.phone).toBe("13698765432");
    expect(result.caseId).toBe(id);
    expect(son.heard).toMatch(/13698765432/);
    // Whose number it is reaches the officer in the worker's words.
    expect(env.app.ledger.events(id).map((event) => event.type)).toEqual(expect.arrayContaining(["phone_added", "worker_added"]));
  });

  it("says so in a short answer, and a bare number afterwards puts it right", () => {
    const son = new Worker(env.app, "son2");
    const id = son.files(FOR_FATHER);
    son.says("我爸电话13698765432");
    expect(son.heard).toBe(`记下了，投诉 ${formatCaseId(id)} 的联系电话：13698765432。工作人员会打这个号码。号码不对，直接发对的号码就行。`);
    son.says("13698765433");
    expect(env.app.ledger.find(id)?.phone).toBe("13698765433");
  });

  it("the boss's number is never the worker's", () => {
    const son = new Worker(env.app, "son3");
    const id = son.files(FOR_FATHER);
    for (const text of ["老板电话13698765432", "他老板电话13698765432"]) {
      son.says(text);
      expect(son.heard).toContain("已转告");
    }
    expect(env.app.ledger.find(id)?.phone).toBeNull();
  });

  it("a worker who filed for themself and left a number keeps it: a relative's is news", () => {
    const worker = new Worker(env.app, "self");
    const id = worker.files(STORY);
    worker.says("我电话13812345678");
    worker.says("我爸电话13698765432");
    expect(worker.heard).toContain("已转告");
    expect(env.app.ledger.find(id)?.phone).toBe("13812345678");
  });

  it("a worker's case with no number takes 'his phone' too", () => {
    const worker = new Worker(env.app, "nophone");
    const id = worker.files(STORY);
    worker.says("她的电话13698765432");
    expect(env.app.ledger.find(id)?.phone).toBe("13698765432");
  });
});
