// A worker who filed must get the case ID even when the reply to "confirm" is lost: the filing queues a
// short receipt in the same transaction, held back while the reply is sent, and the outbox delivers it
// if the reply fails or never completes. Real grammY bot against the Bot API stand-in on 127.0.0.1.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { cases, outbox } from "../src/db/schema.js";
import { formatCaseId } from "../src/cases/case-id.js";
import { RECEIPT_HOLD_MS } from "../src/channels/telegram/bot.js";
import { setupTelegram, type TelegramTestEnv } from "./helpers/telegram-setup.js";
import { fileComplaint, reachSummary, type WorkerProfile } from "./helpers/telegram-worker.js";

const zhTelegram = JSON.parse(readFileSync(new URL("../locales/zh-CN/telegram.json", import.meta.url), "utf8"));

let env: TelegramTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

function worker(chatId: number): WorkerProfile {
  return {
    chatId,
    story: "我在河南省新乡市红旗区碧桂园三期工地干活，老板张三欠我们5个人工资12345元",
    place: "河南省新乡市红旗区",
    project: "碧桂园三期",
    employer: "张三",
    amount: 12345,
    headcount: 5,
  };
}

function receipts(e: TelegramTestEnv) {
  return e.app.store.db.select().from(outbox).where(eq(outbox.messageKey, "telegram:receipt")).all();
}

function receiptText(caseId: string): string {
  return zhTelegram.receipt.replaceAll("{{id}}", formatCaseId(caseId));
}

describe("the filing receipt on Telegram", () => {
  it("a reply that is sent settles the receipt: the worker hears the ID once", async () => {
    env = await setupTelegram();
    const e = env;
    const caseId = await fileComplaint(e.standIn, e.done, worker(3001));
    const [receipt] = receipts(e);
    expect(receipt).toMatchObject({ caseId, recipientKey: "telegram:3001", attempts: 0 });
    expect(receipt!.deliveredAt).not.toBeNull();

    // Long after the hold, the outbox has nothing more to say to this worker.
    e.clock.advance(RECEIPT_HOLD_MS + 60_000);
    const before = e.standIn.textsTo(3001).length;
    await e.handle.outbox.kick();
    expect(e.standIn.textsTo(3001).length).toBe(before);
  });

  it("a reply to confirm that cannot be sent: no apology, one case, and the receipt goes out at once", async () => {
    // Reply failures surface at once (production retries 5xx three times first).
    env = await setupTelegram({ start: { retry: { rethrowInternalServerErrors: true } } });
    const e = env;
    const summary = await reachSummary(e.standIn, e.done, worker(3002));
    const before = e.standIn.messagesTo(3002).length;
    e.standIn.failNext("sendMessage", { chatId: 3002, status: 502, description: "Bad Gateway" });
    const confirmed = e.standIn.press(3002, summary.message_id, "confirm");
    await e.done.wait(confirmed);

    const logged = e.app.store.db.select().from(cases).all();
    expect(logged).toHaveLength(1);
    const caseId = logged[0]!.id;
    const heard = await e.standIn.waitFor(
      () => e.standIn.textsTo(3002).slice(before).find((text) => text === receiptText(caseId)),
      5000,
      "the receipt",
    );
    expect(heard).toContain(formatCaseId(caseId));
    // "Please try again" would make the worker file the same complaint twice.
    expect(e.standIn.textsTo(3002)).not.toContain(zhTelegram.apology);
    await e.standIn.waitFor(() => receipts(e)[0]?.deliveredAt, 5000, "the receipt recorded as delivered");
    expect(e.log.some((entry) => entry.message === "filing reply not sent; receipt queued" && entry.fields.caseId === caseId)).toBe(true);

    // The receipt's advice works: the status answers from this chat.
    const askedAt = e.standIn.messagesTo(3002).length;
    await e.done.wait(e.standIn.sendText(3002, `/status ${formatCaseId(caseId)}`));
    expect(e.standIn.textsTo(3002).slice(askedAt).join("\n")).toContain("现在：已登记，等待受理");
  });

  it("a reply that never completes (the process stopped mid-send): the receipt, committed with the case, goes out after its hold", async () => {
    env = await setupTelegram();
    const e = env;
    const summary = await reachSummary(e.standIn, e.done, worker(3003));
    // The Bot API hangs on the reply: the case is committed, the reply not yet sent.
    e.standIn.delays.set("sendMessage", 400);
    const confirmed = e.standIn.press(3003, summary.message_id, "confirm");
    const receipt = await e.standIn.waitFor(() => receipts(e)[0], 5000, "the receipt row");
    expect(receipt.deliveredAt).toBeNull();
    expect(receipt.nextAttemptAt - receipt.createdAt).toBe(RECEIPT_HOLD_MS);

    // Within the hold, the outbox leaves it alone…
    await e.handle.outbox.kick();
    expect(receipts(e)[0]!.attempts).toBe(0);
    expect(receipts(e)[0]!.deliveredAt).toBeNull();
    // …after it, the outbox (of this process or of the next one on the same file) sends it.
    e.clock.advance(RECEIPT_HOLD_MS + 1000);
    await e.standIn.waitFor(() => receipts(e)[0]?.deliveredAt, 10_000, "the receipt sent after the hold");
    const caseId = receipt.caseId!;
    expect(e.standIn.callsOf("sendMessage").some((call) => call.chat_id === 3003 && call.text === receiptText(caseId))).toBe(true);
    await e.done.wait(confirmed);
    expect(e.app.store.db.select().from(outbox).where(and(eq(outbox.caseId, caseId), eq(outbox.messageKey, "telegram:receipt"))).all()).toHaveLength(1);
  });
});
