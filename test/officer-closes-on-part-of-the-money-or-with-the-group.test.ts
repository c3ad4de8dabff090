// Closing and moving the complaints of a collective group, as an officers' review found them handled:
// a case closed on part of the money (60万 of 120万) told the worker only "已追回 600,000 元"; a member
// paid with the group's other complaint could only be closed as "nothing recovered, go to arbitration";
// a member transferred alone left the others behind without a word.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../src/i18n.js";
import { moneyNews, stillOwed } from "../src/cases/resolution.js";
import { formatCaseId } from "../src/cases/case-id.js";
import { outbox } from "../src/db/schema.js";
import { and, eq } from "drizzle-orm";
import { deliverWorkerNotices, makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { cliOn } from "./helpers/cli.js";

describe("what the worker hears of the money", () => {
  const t = translator("zh-CN");
  it("names what is still owed when part was recovered, and nothing of the kind when all or none was", () => {
    expect(moneyNews(t, 600_000, 1_200_000)).toBe("已追回 600,000 元，还差 600,000 元没追回。还差的钱可以申请劳动仲裁或到法院起诉，打 12348 可以问免费法律援助。");
    expect(moneyNews(t, 1_200_000, 1_200_000)).toBe("已追回 1,200,000 元。");
    expect(moneyNews(t, 0, 1_200_000)).toBe("这次没有追回钱款。");
    // More than the complaint (wages found higher): all of it, nothing owed.
    expect(moneyNews(t, 1_300_000, 1_200_000)).toBe("已追回 1,300,000 元。");
    expect(moneyNews(translator("en"), 600_000, 1_200_000)).toContain("600,000 yuan is still owed");
    expect(stillOwed({ amountYuan: 1_200_000 }, 600_000)).toBe(600_000);
    expect(stillOwed({ amountYuan: null }, 600_000)).toBeNull();
  });
});

/** A database of its own for the tests of one describe, with the real CLI on it. */
function onItsOwnDatabase(): { readonly env: TestApp; cli: ReturnType<typeof cliOn> } {
  let made: TestApp | undefined;
  beforeAll(() => {
    made = makeTestApp();
  });
  afterAll(() => made?.cleanup());
  const env = (): TestApp => {
    if (!made) throw new Error("the database is made before the tests run");
    return made;
  };
  return {
    get env() {
      return env();
    },
    cli: (...args) => cliOn(env())(...args),
  };
}

describe("closing on half the money from the CLI", () => {
  const own = onItsOwnDatabase();

  it("closes, says what is still owed, and the worker's notice carries it", { timeout: 60_000 }, async () => {
    const id = new Worker(own.env.app, "x4").files("我在新乡市红旗区医学院新校区工地干活 宏达劳务欠我们45个人工资一共120万");
    const closed = await own.cli("case", "set-status", id, "resolved", "--by", "赵科长", "--note", "已支付60万元，45人已领到");
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stderr).toContain("还差 ¥600,000 没追回");
    const app = own.env.restart();
    expect(app.ledger.find(id)?.status).toBe("resolved");
    const notice = app.store.db.select().from(outbox).where(and(eq(outbox.caseId, id), eq(outbox.messageKey, "notify.resolved"))).all();
    expect(notice).toHaveLength(1);
    expect((notice[0]!.params as { note: string }).note).toContain("还差 600,000 元没追回");
  });
});

describe("closing a member of a group as paid with the group's complaint", () => {
  const own = onItsOwnDatabase();

  it("records no money twice, and tells the worker it was paid with the group, not that nothing was recovered", { timeout: 60_000 }, async () => {
    const team = new Worker(own.env.app, "z2").files("我在郑州金水区正商书香华府工地干活 河南宏基劳务欠我们5个人工资一共4万");
    const alone = new Worker(own.env.app, "z4").files("我在郑州金水区正商书香华府工地干活 河南宏基劳务欠我1万2");
    const other = new Worker(own.env.app, "elsewhere").files("我在新乡红旗区凤凰城工地干活 宏达劳务欠我8000");
    expect(own.env.restart().ledger.find(alone)?.groupId).not.toBeNull();
    expect((await own.cli("case", "set-status", team, "resolved", "--by", "李华", "--recovered", "52000", "--workers-paid", "6", "--confirm-figures")).code).toBe(0);
    // Not of the same group: refused, nothing closed.
    const stray = await own.cli("case", "set-status", alone, "resolved", "--by", "李华", "--paid-with", other);
    expect(stray.code).toBe(1);
    expect(stray.stderr).toContain("不在同一个同案组");
    const closed = await own.cli("case", "set-status", alone, "resolved", "--by", "李华", "--paid-with", team);
    expect(closed.code, closed.stderr).toBe(0);
    const app = own.env.restart();
    expect(app.ledger.find(alone)?.status).toBe("resolved");
    const notices = app.store.db.select().from(outbox).where(eq(outbox.caseId, alone)).all();
    expect(notices.map((n) => n.messageKey)).toContain("notify.resolved");
    expect(notices.map((n) => n.messageKey)).not.toContain("notify.resolvedNoMoney");
    const note = (notices.find((n) => n.messageKey === "notify.resolved")!.params as { note: string }).note;
    expect(note).toContain("随同案组的投诉");
    expect(note).not.toContain("没有追回");
  });
});

describe("transferring one complaint of a group", () => {
  const own = onItsOwnDatabase();

  it("says which of the group's complaints stay behind, so that they are moved too if need be", { timeout: 60_000 }, async () => {
    const first = new Worker(own.env.app, "g3").files("我在广州天河区汇景新城二期工地干活 华盛劳务欠我们10个人工资一共15万");
    const second = new Worker(own.env.app, "g4").files("我在广州天河区汇景新城二期工地干活 华盛劳务欠我9000");
    expect(own.env.restart().ledger.find(second)?.groupId).not.toBeNull();
    const moved = await own.cli("case", "set-status", first, "transferred", "--by", "陈警官", "--to", "440104", "--note", "汇景新城二期实际在越秀区");
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain("组里其他投诉还在原来的办理地");
    expect(moved.stdout).toContain(formatCaseId(second));
  });
});

describe("the desk's inbox from the command line", () => {
  const own = onItsOwnDatabase();

  it("shows a worker's answer waiting for an office without Slack, by division, and --ack marks it read", { timeout: 60_000 }, async () => {
    const worker = new Worker(own.env.app, "ans");
    const id = worker.files("我在新乡红旗区凤凰城工地干活 宏达劳务欠我8000");
    own.env.app.actions.askWorker({ caseId: id, question: "有没有考勤？", by: "孙杰", channel: "cli" });
    deliverWorkerNotices(own.env.app);
    worker.says("有，电话13712345678，在手机上");
    const inbox = await own.cli("desk", "inbox", "--division", "4107");
    expect(inbox.code, inbox.stderr).toBe(0);
    expect(inbox.stdout).toContain(formatCaseId(id));
    expect(inbox.stdout).toContain("137****5678");
    expect(inbox.stdout).not.toContain("13712345678");
    // Another city's desk sees none of it.
    expect((await own.cli("desk", "inbox", "--division", "4101")).stdout).toContain("没有未读消息");
    const acked = await own.cli("desk", "inbox", "--division", "4107", "--ack");
    expect(acked.stdout).toContain("已标为已读");
    expect((await own.cli("desk", "inbox")).stdout).toContain("没有未读消息");
  });
});
