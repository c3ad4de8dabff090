// The worker's phone, so that an officer can call: asked for once when the complaint is logged (never
// required), kept on the case when the worker sends it afterwards or in answer to an officer's question,
// on the record, and shown masked at the desk. Someone else's number is news of the case, not theirs.
import { and, eq } from "drizzle-orm";
import { maskPhonesIn } from "../src/cases/case-view.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ownPhoneIn } from "../src/dialogs/after-case.js";
import { readPhone } from "../src/triage/contact.js";
import { outbox } from "../src/db/schema.js";
import { DESK_CHANNEL } from "../src/cases/case-actions.js";
import { deliverWorkerNotices, makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const STORY = "我们宿舍8个人在郑州金水区绿地中心工地干活，包工头王强不给钱，一共欠4万8";
const ASK_PHONE = "方便的话，发个手机号给我";

function deskNotes(caseId: string): string[] {
  return env.app.store.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.caseId, caseId), eq(outbox.channel, DESK_CHANNEL)))
    .all()
    .map((row) => `${row.messageKey} ${JSON.stringify(row.params)}`);
}

describe("the phone asked for once, at logging", () => {
  it("asks a worker who left none, as the last line, and files without it", () => {
    const worker = new Worker(env.app, "p1");
    const id = worker.files(STORY);
    expect(worker.last?.replies.at(-1)?.text).toContain(ASK_PHONE);
    expect(env.app.ledger.find(id)?.phone).toBeNull();
  });

  it("does not ask a worker whose first message had it", () => {
    const worker = new Worker(env.app, "p2");
    const id = worker.files(`${STORY}，我电话13812345678`);
    expect(worker.heard).not.toContain(ASK_PHONE);
    expect(env.app.ledger.find(id)?.phone).toBe("13812345678");
  });

  it("does not ask when the complaint is not arrears (no officer will call about it)", () => {
    const worker = new Worker(env.app, "p3");
    worker.says("我在郑州金水区买了个二手手机，卖家不退钱，欠我2000");
    for (let i = 0; i < 6 && worker.last?.expecting !== "confirm"; i++) {
      const choice = worker.choiceIds.find((c) => c !== "cancel");
      if (choice) worker.presses(choice);
      else worker.says("不知道");
    }
    const logged = worker.presses("confirm");
    expect(logged.caseId).not.toBeNull();
    expect(env.app.ledger.find(logged.caseId as string)?.isArrears).toBe(false);
    expect(worker.heard).not.toContain(ASK_PHONE);
  });
});

describe("a phone sent after logging", () => {
  it("is kept on the case, on the record, and the desk hears of it masked", () => {
    const worker = new Worker(env.app, "p4");
    const id = worker.files(STORY);
    worker.says("我电话138 1234 5678");
    expect(worker.heard).toContain("记下了，您的电话：13812345678");
    expect(worker.last?.caseId).toBe(id);
    expect(env.app.ledger.find(id)?.phone).toBe("13812345678");
    const added = env.app.ledger.events(id).filter((e) => e.type === "phone_added");
    expect(added).toHaveLength(1);
    expect(JSON.stringify(added[0]?.data)).not.toContain("13812345678");
    const notes = deskNotes(id).filter((note) => note.startsWith("desk.workerGavePhone"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("138****5678");
    expect(notes[0]).not.toContain("13812345678");
  });

  it("the same number again changes nothing; a new one replaces it", () => {
    const worker = new Worker(env.app, "p5");
    const id = worker.files(STORY);
    worker.says("13812345678");
    worker.says("13812345678");
    expect(env.app.ledger.events(id).filter((e) => e.type === "phone_added")).toHaveLength(1);
    worker.says("打错了，我的手机号是13912345678");
    expect(env.app.ledger.find(id)?.phone).toBe("13912345678");
    expect(env.app.ledger.events(id).filter((e) => e.type === "phone_added")).toHaveLength(2);
    worker.says("换号了 13712345678");
    expect(env.app.ledger.find(id)?.phone).toBe("13712345678");
  });

  it("shows in the worker's own status history in plain words", () => {
    const worker = new Worker(env.app, "p6");
    const id = worker.files(STORY);
    worker.says("联系我：13812345678");
    worker.says(`/status ${id}`);
    expect(worker.heard).toContain("您留了电话");
  });

  it("someone else's number is news for the officer, not the worker's phone", () => {
    const worker = new Worker(env.app, "p7");
    const id = worker.files(STORY);
    worker.says("王强的电话是13999998888");
    expect(worker.heard).toContain("已转告");
    expect(env.app.ledger.find(id)?.phone).toBeNull();
    expect(deskNotes(id).some((note) => note.startsWith("desk.workerAdded") && note.includes("139****8888"))).toBe(true);
  });

  it("answering an officer's '留个电话' with the number keeps it on the case too", () => {
    const worker = new Worker(env.app, "p8");
    const id = worker.files(STORY);
    env.app.actions.askWorker({ caseId: id, question: "请留个电话，方便联系", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("13812345678");
    expect(worker.heard).toContain("您的回答已转给");
    expect(env.app.ledger.find(id)?.phone).toBe("13812345678");
    expect(env.app.ledger.events(id).map((e) => e.type)).toEqual(expect.arrayContaining(["worker_replied", "phone_added"]));
  });

  it("a new number named as the worker's inside a longer answer is kept too", () => {
    const worker = new Worker(env.app, "p8b");
    const id = worker.files(STORY);
    env.app.actions.askWorker({ caseId: id, question: "合同还在吗？", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("合同在老家，过几天拍照发过来。我新号码15012345678");
    expect(worker.heard).toContain("您的回答已转给");
    expect(env.app.ledger.find(id)?.phone).toBe("15012345678");
  });
});

describe("a number typed by voice input is masked for officers", () => {
  it("in the narrative an officer reads", () => {
    expect(maskPhonesIn("我电话一三八一二三四五六七八，老板欠我三万")).toBe("我电话一三八****五六七八，老板欠我三万");
    // Spoken amounts are no phone.
    expect(maskPhonesIn("欠了一万三千五百六十七")).toBe("欠了一万三千五百六十七");
  });
});

describe("whose number a message gives", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["我电话13812345678", "13812345678"],
    ["我的手机号是 138 1234 5678", "13812345678"],
    ["有事打我电话13812345678", "13812345678"],
    ["电话：0373-5551234", "03735551234"],
    ["my number is 13812345678", "13812345678"],
    ["写错了，是13912345678", "13912345678"],
    // Review 2026-12-06: said to the office, or after the number.
    ["我的电话 13612345678 你们打这个", "13612345678"],
    ["13903791234 这是俺电话", "13903791234"],
    // A family member's number given as the one to call: how to reach the worker.
    ["我妈电话13812345678 你们打她的", "13812345678"],
    ["打我老婆电话吧13811112345", "13811112345"],
  ])("the worker's own: %s", (text, phone) => {
    expect(ownPhoneIn(text)?.phone).toBe(phone);
  });

  it.each(["刘建国的电话是13999998888", "老板电话13999998888", "刘建国13999998888", "我老婆电话13812345678", "boss's phone 13999998888", "我电话13812345678，老板还是没给钱", "他的电话13812345678", "没有电话", "刘建国的电话是13612345678 你们打这个"])(
    "not the worker's own number alone: %s",
    (text) => {
      expect(ownPhoneIn(text)).toBeNull();
    },
  );
});

describe("a number in the story is the worker's only when it is not labelled as someone else's", () => {
  it.each([
    ["宏达劳务欠我们5个人工资3万，老板电话13999998888", null],
    ["老板电话13999998888，我电话13812345678", "13812345678"],
    ["我的电话是13812345678，刘建国的是13999998888", "13812345678"],
    ["包工头刘建国（13999998888）跑了", null],
    // Family numbers: the one to call when the worker says so; otherwise someone else's.
    ["老板欠我工资一万二 在郑州金水区 我妈电话13812345678 你们打她的 我不会用手机", "13812345678"],
    ["老板欠我工资一万二 在郑州金水区 我老婆电话13812345678", null],
    ["+86 138 1234 5678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["联系电话：13812345678", "13812345678"],
    // A number right after the boss, or the subject of 欠, is the boss's.
    ["老板13712345678欠我工资", null],
    ["包工头 13712345678 一直不接电话", null],
    // The writer's name, then "电话": the writer's number (as voice input writes it, without a comma).
    ["我叫王小明电话13812345678，在新乡干活", "13812345678"],
    // Spoken digits from voice input.
    ["我电话一三八一二三四五六七八", "13812345678"],
  ])("%s → %s", (text, phone) => {
    expect(readPhone(text)).toBe(phone);
  });

  it("the boss's number in the first message is not shown as the worker's phone at the summary", () => {
    const worker = new Worker(env.app, "p9");
    worker.says(`${STORY}，老板电话13999998888`);
    for (let i = 0; i < 4 && worker.last?.expecting !== "confirm"; i++) {
      const choice = worker.choiceIds.find((c) => /construction|housing|private/.test(c));
      if (!choice) break;
      worker.presses(choice);
    }
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).not.toContain("电话：13999998888");
    const id = worker.presses("confirm").caseId as string;
    expect(env.app.ledger.find(id)?.phone).toBeNull();
    // It stays in the worker's words, which the officer reads.
    expect(env.app.ledger.find(id)?.narrative).toContain("13999998888");
  });
});

describe("numbers a reviewer sent after the phone was asked for", () => {
  it("'打错了，是…' after the boss's number corrects the boss's number, not the worker's phone", () => {
    const worker = new Worker(env.app, "q1");
    const id = worker.files(STORY);
    worker.says("老板电话13999998888");
    worker.says("打错了，是13999997777");
    expect(worker.heard).not.toContain("您的电话");
    expect(env.app.ledger.find(id)?.phone).toBeNull();
  });

  it("'不用了' declines the phone: nothing is withdrawn or passed on", () => {
    const worker = new Worker(env.app, "q2");
    const id = worker.files(STORY);
    worker.says("不用了");
    expect(worker.heard).toContain("不留也可以");
    expect(deskNotes(id).filter((note) => note.startsWith("desk.workerAdded"))).toEqual([]);
  });

  it("the worker's number and the boss's in one message: the worker's kept, the boss's passed on", () => {
    const worker = new Worker(env.app, "q3");
    const id = worker.files(STORY);
    worker.says("我电话13811119999，老板电话13999996666");
    expect(env.app.ledger.find(id)?.phone).toBe("13811119999");
    expect(deskNotes(id).some((note) => note.startsWith("desk.workerAdded") && note.includes("139****6666"))).toBe(true);
  });

  it("a number sent before the story is kept for it; someone else's alone opens nothing", () => {
    const worker = new Worker(env.app, "q4");
    worker.says("我爸电话13800000001");
    expect(worker.last?.expecting).toBeNull();
    expect(worker.heard).toContain("请说说您的情况");
    worker.says("13811112222");
    expect(worker.heard).toContain("记下了您的电话：13811112222");
    const id = worker.files(STORY);
    expect(env.app.ledger.find(id)?.phone).toBe("13811112222");
  });

  it("answered through the 'answer this question' button while writing another complaint, the number is kept", () => {
    const worker = new Worker(env.app, "q5");
    const id = worker.files(STORY);
    worker.says("不用了");
    env.app.actions.askWorker({ caseId: id, question: "请留一个联系电话", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("另外一个老板刘建国在新乡市红旗区万达广场工地欠我5000");
    expect(worker.last?.expecting).not.toBeNull();
    worker.presses(`answer:${id}`);
    worker.says("13812345670");
    expect(worker.heard).toContain("回答已转给");
    expect(env.app.ledger.find(id)?.phone).toBe("13812345670");
  });

  it("'打我老婆电话' is a number to call, not violence", () => {
    const worker = new Worker(env.app, "q6");
    const id = worker.files(STORY);
    worker.says("打我老婆电话吧13811112345");
    expect(worker.heard).not.toContain("110");
    expect(env.app.ledger.events(id).some((e) => e.type === "worker_at_risk")).toBe(false);
  });
});


describe("a second complaint of a worker who left a phone", () => {
  it("takes the number they left and does not ask again", () => {
    const worker = new Worker(env.app, "again1");
    worker.files(STORY);
    worker.says("13812345678");
    const second = worker.files("另外一个老板刘建国在新乡市红旗区万达广场工地欠我5000");
    expect(worker.heard).not.toContain(ASK_PHONE);
    expect(env.app.ledger.find(second)?.phone).toBe("13812345678");
  });
});

describe("the phone in English", () => {
  it("a corrected number, a refusal and 'no thanks' read as an English speaker means them", () => {
    expect(ownPhoneIn("sorry wrong number, it is 13912345678")).toEqual({ phone: "13912345678", correcting: true, others: false });
    const worker = new Worker(env.app, "en-phone");
    worker.says("/lang en");
    const id = worker.files("I worked at 碧桂园凤凰城三期 in 新乡市红旗区, boss 刘建国 owes me 5000 yuan", { project: "碧桂园凤凰城三期", employer: "刘建国" });
    worker.says("not convenient");
    expect(worker.heard).toContain("you don't have to");
    worker.says("13812345678");
    worker.says("sorry wrong number, it is 13912345678");
    expect(env.app.ledger.find(id)?.phone).toBe("13912345678");
    worker.says("no thanks");
    expect(worker.last?.expecting).toBeNull();
    expect(worker.heard).not.toContain("tell me what happened");
  });
});

describe("a number given with the name of who owes", () => {
  it("is theirs, and stays in the worker's words; the worker's own number said with it is the worker's", () => {
    const boss = new Worker(env.app, "bossPhone");
    boss.says("我在新乡市红旗区凤凰城三期工地干活，欠我们5个人工资3万");
    expect(boss.last?.expecting).toBe("employer");
    boss.says("包工头叫马有才 电话是13709712345");
    expect(boss.heard).toContain("欠钱的一方 → 马有才");
    expect(boss.heard).not.toContain("电话 → ");
    const id = boss.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)).toMatchObject({ employer: "马有才", phone: null });
    expect(env.app.ledger.find(id)!.narrative).toContain("13709712345");

    const own = new Worker(env.app, "ownPhone");
    own.says("我在新乡市红旗区凤凰城三期工地干活，欠我们5个人工资3万");
    own.says("包工头叫马有才 我电话是13709712345");
    expect(own.heard).toContain("欠钱的一方 → 马有才");
    expect(own.heard).not.toContain("马有才 我");
    expect(own.heard).toContain("电话 → 13709712345");
  });
});
