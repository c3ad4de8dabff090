// The Telegram channel end to end: the real grammY bot (runner, long polling, webhook) over HTTP
// against the Bot API stand-in on 127.0.0.1, on a temp SQLite file.
import { existsSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ne } from "drizzle-orm";
import { cases, outbox } from "../src/db/schema.js";
import { formatCaseId } from "../src/cases/case-id.js";
import { setupTelegram, type TelegramTestEnv } from "./helpers/telegram-setup.js";
import { fileComplaint, type WorkerProfile } from "./helpers/telegram-worker.js";

const zhTelegram = JSON.parse(readFileSync(new URL("../locales/zh-CN/telegram.json", import.meta.url), "utf8"));
const enTelegram = JSON.parse(readFileSync(new URL("../locales/en/telegram.json", import.meta.url), "utf8"));

let env: TelegramTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

function worker(chatId: number, amount = 12345): WorkerProfile {
  return {
    chatId,
    // No trade named: the bot has to ask it with buttons.
    story: `我在河南省新乡市红旗区干活，老板张三欠我们5个人工资${amount}元`,
    place: "河南省新乡市红旗区",
    project: "碧桂园三期",
    employer: "张三",
    amount,
    headcount: 5,
  };
}

/** The one message an officer's action queued for the worker (the filing's receipt is not one). */
function officerNotice(e: TelegramTestEnv) {
  return e.app.store.db.select().from(outbox).where(ne(outbox.messageKey, "telegram:receipt")).get();
}

/** Sends one update and waits until the bot has finished with it; returns the bot's new messages. */
async function turn(e: TelegramTestEnv, chatId: number, send: () => number) {
  const before = e.standIn.messagesTo(chatId).length;
  const updateId = send();
  await e.done.wait(updateId);
  return e.standIn.messagesTo(chatId).slice(before);
}

describe("telegram channel", () => {
  it("registers the command menu in Chinese (default and zh) and English", async () => {
    env = await setupTelegram();
    const { commands } = env.standIn;
    expect(commands.map((c) => c.language_code ?? "default").sort()).toEqual(["default", "en", "zh"]);
    for (const entry of commands) {
      expect(entry.commands.map((c) => c.command)).toEqual(["start", "new", "status", "mycases", "cancel", "lang", "help"]);
    }
    const en = commands.find((c) => c.language_code === "en")!;
    expect(en.commands[0]!.description).toBe(enTelegram.commands.start);
    const zh = commands.find((c) => c.language_code === "zh")!;
    expect(zh.commands[2]!.description).toBe(zhTelegram.commands.status);
  });

  it("files a complete complaint with buttons; every press answered, old keyboards removed", async () => {
    env = await setupTelegram();
    const e = env;
    const start = await turn(e, 1001, () => e.standIn.sendText(1001, "/start"));
    expect(start[0]!.text).toContain("欠薪投诉助手");

    const caseId = await fileComplaint(e.standIn, e.done, { ...worker(1001), project: null });
    const row = e.app.ledger.find(caseId)!;
    expect(row).toMatchObject({ channel: "telegram", filerKey: "telegram:1001", amountYuan: 12345, employer: "张三" });

    // Buttons were used (the trade question, the summary), and every press got its answer.
    const presses = e.standIn.callsOf("answerCallbackQuery");
    expect(presses.length).toBeGreaterThanOrEqual(2);
    expect(e.standIn.callbackAnswers.length).toBe(presses.length);
    // No keyboard is left open once the case is logged: none can be pressed twice.
    const keyboards = e.standIn.messagesTo(1001).filter((m) => m.sentButtons);
    expect(keyboards.length).toBeGreaterThanOrEqual(2);
    expect(keyboards.filter((m) => m.buttons !== null)).toEqual([]);
    const summary = keyboards.find((m) => m.sentButtons!.flat().some((b) => b.callback_data === "confirm"))!;
    // Two short labels per row: confirm and edit side by side, cancel below.
    expect(summary.sentButtons!.map((row) => row.length)).toEqual([2, 1]);

    // Pressing "confirm" again on the old summary: answered, quietly, and no second case.
    const again = await turn(e, 1001, () => e.standIn.press(1001, summary.message_id, "confirm"));
    expect(again).toEqual([]);
    expect(e.standIn.callbackAnswers.at(-1)!.text).toBe(zhTelegram.buttonUsed);
    expect(e.app.store.db.select().from(cases).all()).toHaveLength(1);
  });

  it("answers a status query for the filer only", async () => {
    env = await setupTelegram();
    const e = env;
    const caseId = await fileComplaint(e.standIn, e.done, worker(1002));
    const shown = await turn(e, 1002, () => e.standIn.sendText(1002, `/status ${formatCaseId(caseId)}`));
    expect(shown.map((m) => m.text).join("\n")).toContain(`投诉 ${formatCaseId(caseId)}`);
    expect(shown.map((m) => m.text).join("\n")).toContain("现在：已登记，等待受理");
    const stranger = await turn(e, 2002, () => e.standIn.sendText(2002, `查询 ${formatCaseId(caseId)}`));
    expect(stranger.map((m) => m.text).join("\n")).toContain("查不到编号");
    expect(stranger.map((m) => m.text).join("\n")).not.toContain("现在：");
  });

  it("attaches evidence: the largest photo size, a downloaded document, and refuses a file over the limit", async () => {
    env = await setupTelegram({ env: { EVIDENCE_DOWNLOAD: "true", MAX_ATTACHMENT_MB: "1" } });
    const e = env;
    const caseId = await fileComplaint(e.standIn, e.done, worker(1003));
    await turn(e, 1003, () => e.standIn.sendText(1003, `/status ${caseId}`));

    e.standIn.addFile("photo-big", Buffer.from("big photo bytes"), "photos/file_7.jpg");
    const photo = await turn(e, 1003, () =>
      e.standIn.sendMessage(1003, {
        caption: "工资欠条",
        photo: [
          { file_id: "photo-small", file_unique_id: "ps", width: 90, height: 90, file_size: 900 },
          { file_id: "photo-big", file_unique_id: "pb", width: 1280, height: 960, file_size: 15 },
        ],
      }),
    );
    expect(photo.map((m) => m.text)).toEqual(["收到，证据已附到投诉上。"]);

    const contract = Buffer.from("%PDF-1.4 contract");
    e.standIn.addFile("doc-1", contract, "documents/file_8.pdf");
    await turn(e, 1003, () =>
      e.standIn.sendMessage(1003, {
        document: { file_id: "doc-1", file_unique_id: "d1", file_name: "合同.pdf", mime_type: "application/pdf", file_size: contract.length },
      }),
    );
    const voice = await turn(e, 1003, () =>
      e.standIn.sendMessage(1003, { voice: { file_id: "voice-1", file_unique_id: "v1", duration: 3, file_size: 4000 } }),
    );
    // Nobody can listen to it: the worker is told to type; the file is kept all the same.
    expect(voice.map((m) => m.text)).toEqual(["语音我听不了，请打字说。语音也会交给工作人员。", "收到，证据已附到投诉上。"]);

    const tooBig = await turn(e, 1003, () =>
      e.standIn.sendMessage(1003, {
        document: { file_id: "doc-huge", file_unique_id: "dh", file_name: "video.mp4", file_size: 3 * 1_048_576 },
      }),
    );
    expect(tooBig[0]!.text).toContain("文件太大了（最多 1 MB）");

    const stored = e.app.ledger.attachments(caseId);
    expect(stored.map((a) => [a.kind, a.fileId])).toEqual([
      ["photo", "photo-big"],
      ["document", "doc-1"],
      ["voice", "voice-1"],
    ]);
    expect(stored[0]!.caption).toBe("工资欠条");
    expect(stored[0]!.sizeBytes).toBe(15);
    expect(readFileSync(stored[1]!.storedPath!)).toEqual(contract);
    expect(stored[1]!.storedPath!.startsWith(e.dir)).toBe(true);
    // The voice note has no file on the stand-in: the case keeps the file id, nothing is stored.
    expect(stored[2]!.storedPath).toBeNull();
    expect(e.standIn.callsOf("getFile").map((c) => c.file_id)).not.toContain("doc-huge");
  });

  it("delivers an officer's status change, retrying a failed first delivery with backoff", async () => {
    env = await setupTelegram();
    const e = env;
    const caseId = await fileComplaint(e.standIn, e.done, worker(1004));
    e.standIn.failNext("sendMessage", { chatId: 1004, status: 500 });
    const before = e.standIn.messagesTo(1004).length;
    const changed = e.app.actions.setStatus({ caseId, status: "accepted", by: "张三", channel: "cli", noteForWorker: "请明天来一趟。" });
    expect(changed.status).toBe("accepted"); // the officer's action does not wait for Telegram

    // The first attempt fails; the row waits out its backoff.
    await e.standIn.waitFor(() => e.standIn.failures.every((f) => f.times === 0), 5000, "the failed attempt");
    const row = await e.standIn.waitFor(() => {
      const r = officerNotice(e);
      return r && r.attempts === 1 ? r : undefined;
    }, 5000, "the failure recorded");
    expect(row.deliveredAt).toBeNull();
    expect(row.nextAttemptAt).toBeGreaterThan(e.clock.now());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(e.standIn.messagesTo(1004).length).toBe(before);

    e.clock.advance(5_000);
    const delivered = await e.standIn.waitFor(
      () => e.standIn.messagesTo(1004).slice(before).find((m) => m.text.includes("有新进展")),
      5000,
      "the notification",
    );
    expect(delivered.text).toBe(`您的投诉 ${formatCaseId(caseId)} 有新进展：已受理，有专人负责。请明天来一趟。`);
    await e.standIn.waitFor(() => officerNotice(e)!.deliveredAt, 5000, "delivery recorded");
    expect(officerNotice(e)!.attempts).toBe(1);
  });

  it("parks a notification to a worker who blocked the bot", async () => {
    env = await setupTelegram();
    const e = env;
    const caseId = await fileComplaint(e.standIn, e.done, worker(1005));
    e.standIn.failNext("sendMessage", { chatId: 1005, status: 403, description: "Forbidden: bot was blocked by the user" });
    e.app.actions.setStatus({ caseId, status: "handling", by: "张三", channel: "cli" });
    const row = await e.standIn.waitFor(() => {
      const r = officerNotice(e);
      return r && r.attempts === 1 ? r : undefined;
    }, 5000, "the failure recorded");
    expect(row.nextAttemptAt).toBe(Number.MAX_SAFE_INTEGER);
    expect(row.lastError).toContain("blocked");
  });

  it("answers a failing update with an apology, logs its id (not its text), and keeps running", async () => {
    env = await setupTelegram({
      reader: (shipped) => ({
        ...shipped,
        read: (text) => {
          if (text.includes("爆炸测试")) throw new Error("reader exploded");
          return shipped.read(text);
        },
      }),
      // Reply failures surface at once (production retries 5xx three times, 3 s apart).
      start: { retry: { rethrowInternalServerErrors: true } },
    });
    const e = env;
    const failed = await turn(e, 1006, () => e.standIn.sendText(1006, "爆炸测试：老板欠我工资"));
    expect(failed.map((m) => m.text)).toEqual([zhTelegram.apology]);
    const error = e.log.find((entry) => entry.level === "error" && entry.message === "update failed")!;
    expect(error.fields.updateId).toEqual(expect.any(Number));
    expect(JSON.stringify(e.log)).not.toContain("爆炸测试");
    expect(JSON.stringify(e.log)).not.toContain("老板欠我工资");

    // A reply that cannot be sent (the Bot API answers 500 once): apology, and on we go.
    e.standIn.failNext("sendMessage", { chatId: 1006, status: 500 });
    const lost = await turn(e, 1006, () => e.standIn.sendText(1006, "/help"));
    expect(lost.map((m) => m.text)).toEqual([zhTelegram.apology]);

    const caseId = await fileComplaint(e.standIn, e.done, worker(1006, 777));
    expect(e.app.ledger.find(caseId)!.amountYuan).toBe(777);
  });

  it("limits a flooding chat, answering the flood once, calmly", async () => {
    env = await setupTelegram({ env: { RATE_LIMIT_PER_MINUTE: "3" } });
    const e = env;
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push(e.standIn.sendText(1007, "/help"));
    await Promise.all(ids.map((id) => e.done.wait(id)));
    const texts = e.standIn.textsTo(1007);
    expect(texts.filter((t) => t === zhTelegram.rateLimited)).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("怎么用"))).toHaveLength(3);
    // Another chat is not affected; after a minute this one is heard again.
    expect((await turn(e, 2007, () => e.standIn.sendText(2007, "/help")))[0]!.text).toMatch(/^怎么用/);
    e.clock.advance(61_000);
    expect((await turn(e, 1007, () => e.standIn.sendText(1007, "/help")))[0]!.text).toMatch(/^怎么用/);
  });

  it("continues a dialog across a bot restart on the same database file", async () => {
    env = await setupTelegram();
    const e = env;
    const first = await turn(e, 1008, () => e.standIn.sendText(1008, "老板张三欠我工资，一共32000元"));
    expect(first.at(-1)!.text).toContain("在哪里干活");

    // Stop while an update is being handled (slow Bot API): stop waits for it, nothing is lost.
    e.standIn.delays.set("sendMessage", 300);
    const placeUpdate = e.standIn.sendText(1008, "河南省新乡市红旗区");
    await e.standIn.waitFor(() => e.handle.telegram.inFlight() > 0, 5000, "the update in flight");
    expect(e.done.has(placeUpdate)).toBe(false);
    await e.handle.stop();
    // stop() returned only after the accepted update was finished and its replies sent.
    expect(e.done.has(placeUpdate)).toBe(true);
    expect(e.standIn.textsTo(1008).some((t) => t.includes("哪个项目") || t.includes("哪一行") || t.includes("几个人"))).toBe(true);
    e.standIn.delays.clear();
    await e.restart();

    const caseId = await fileComplaint(e.standIn, e.done, {
      ...worker(1008, 32000),
      story: "/help", // carries on with the draft: /help repeats the open question
    });
    const row = e.app.ledger.find(caseId)!;
    expect(row).toMatchObject({ filerKey: "telegram:1008", amountYuan: 32000, employer: "张三", divisionName: "红旗区" });
    expect(row.narrative).toContain("老板张三欠我工资");
  });

  it("webhook mode: checks the secret token and handles a redelivered update once", async () => {
    env = await setupTelegram({
      env: { TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook/tg", TELEGRAM_WEBHOOK_SECRET: "s3cret_token" },
      start: { webhook: { port: 0, host: "127.0.0.1" } },
    });
    const e = env;
    expect(e.standIn.webhook).toEqual({ url: "https://bot.example.org/hook/tg", secret_token: "s3cret_token" });
    expect(e.handle.webhookAddress).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hook\/tg$/);
    const update = {
      update_id: 500001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 1009, type: "private", first_name: "工人" },
        from: { id: 1009, is_bot: false, first_name: "工人", language_code: "zh-hans" },
        text: "老板张三欠我工资，一共32000元",
      },
    };
    const post = (secret: string) =>
      fetch(e.handle.webhookAddress!, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify(update),
      });
    expect((await post("wrong")).status).toBe(401);
    expect(e.standIn.messagesTo(1009)).toEqual([]);

    expect((await post("s3cret_token")).status).toBe(200);
    await e.done.wait(500001);
    const replies = e.standIn.textsTo(1009);
    expect(replies.length).toBeGreaterThan(0);
    // Telegram delivers again (at least once): nothing new happens.
    expect((await post("s3cret_token")).status).toBe(200);
    await e.handle.telegram.idle();
    expect(e.standIn.textsTo(1009)).toEqual(replies);
    expect(e.log.some((entry) => entry.message === "duplicate update skipped" && entry.fields.updateId === 500001)).toBe(true);
  });

  it("long polling: an update fed to the bot twice is processed once", async () => {
    env = await setupTelegram();
    const e = env;
    const update = {
      update_id: 900001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 1010, type: "private", first_name: "工人" },
        from: { id: 1010, is_bot: false, first_name: "工人", language_code: "zh-hans" },
        text: "老板张三欠我工资，一共32000元",
      },
    };
    await e.handle.telegram.bot.handleUpdate(structuredClone(update) as never);
    const replies = e.standIn.textsTo(1010);
    expect(replies.length).toBeGreaterThan(0);
    await e.handle.telegram.bot.handleUpdate(structuredClone(update) as never);
    expect(e.standIn.textsTo(1010)).toEqual(replies);
    expect(existsSync(e.dbFile)).toBe(true);
  });
});
