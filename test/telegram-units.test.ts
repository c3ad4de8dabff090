// Parts of the Telegram channel on their own: the downloader against a tiny node:http Bot API
// stand-in, message splitting, keyboards, the flood limiter, delivery error mapping.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, GrammyError } from "grammy";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentOf } from "../src/channels/telegram/attachments.js";
import { chatIdOfRecipient, isPermanentTelegramError } from "../src/channels/telegram/delivery.js";
import { downloadTelegramFile, DownloadTooLargeError } from "../src/channels/telegram/download.js";
import { ChatRateLimiter } from "../src/channels/telegram/rate-limit.js";
import { keyboardFor, OpenKeyboards, splitText } from "../src/channels/telegram/replies.js";
import { BotApiStandIn } from "./helpers/telegram-stand-in.js";

describe("downloadTelegramFile", () => {
  const standIn = new BotApiStandIn();
  let dir: string;
  beforeAll(async () => {
    await standIn.start();
    dir = mkdtempSync(join(tmpdir(), "arrears-dl-"));
  });
  afterAll(async () => {
    await standIn.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const options = () => ({
    api: new Api(standIn.token, { apiRoot: standIn.apiRoot }),
    token: standIn.token,
    apiRoot: standIn.apiRoot,
    dir: join(dir, "evidence"),
    maxBytes: 1024,
  });

  it("stores the file under a safe name with its extension", async () => {
    standIn.addFile("f1", Buffer.from("欠条 photo"), "photos/file_1.jpg");
    const path = await downloadTelegramFile(options(), "f1", "../../etc/passwd", 1700000000000);
    expect(path).toBe(join(dir, "evidence", "1700000000000-etcpasswd.jpg"));
    expect(readFileSync(path, "utf8")).toBe("欠条 photo");
  });

  it("refuses a file over the limit and leaves nothing behind", async () => {
    standIn.addFile("big", Buffer.alloc(4096, 1), "documents/big.pdf");
    await expect(downloadTelegramFile(options(), "big", "big", 1)).rejects.toBeInstanceOf(DownloadTooLargeError);
    expect(readdirSync(join(dir, "evidence")).filter((name) => name.startsWith("1-"))).toEqual([]);
  });

  it("fails cleanly for an unknown file", async () => {
    await expect(downloadTelegramFile(options(), "nope", "nope", 2)).rejects.toThrow(/invalid file_id/);
  });
});

describe("replies", () => {
  it("splits long texts under the Telegram limit at line breaks", () => {
    const text = Array.from({ length: 300 }, (_, i) => `第${i}行：进展更新`).join("\n");
    const parts = splitText(text, 1000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.length <= 1000)).toBe(true);
    expect(parts.join("\n")).toBe(text);
    expect(splitText("x".repeat(2500), 1000).map((p) => p.length)).toEqual([1000, 1000, 500]);
  });

  it("lays out short labels two per row, long ones one per row, and drops over-long callback data", () => {
    const short = keyboardFor([
      { id: "a", label: "政府投资" },
      { id: "b", label: "国企、央企" },
      { id: "c", label: "私人" },
    ])!;
    expect(short.inline_keyboard.map((row) => row.length)).toEqual([2, 1]);
    const long = keyboardFor([
      { id: "a", label: "服务业（饭店、保洁、保安等）" },
      { id: "b", label: "工厂" },
      { id: "x".repeat(65), label: "too long" },
    ])!;
    expect(long.inline_keyboard.map((row) => row.map((b) => (b as { callback_data: string }).callback_data))).toEqual([["a"], ["b"]]);
    expect(keyboardFor([])).toBeUndefined();
  });

  it("knows which keyboards of a chat are open", () => {
    const open = new OpenKeyboards(2);
    expect(open.known(1)).toBe(false);
    open.set(1, [10]);
    expect(open.isOpen(1, 10)).toBe(true);
    expect(open.isOpen(1, 9)).toBe(false);
    expect(open.take(1)).toEqual([10]);
    open.set(2, []);
    open.set(3, []);
    open.set(4, []);
    expect(open.known(2)).toBe(false); // the oldest chat is forgotten at the cap
  });
});

describe("ChatRateLimiter", () => {
  it("lets `perMinute` through, answers the flood once, and forgets after a minute", () => {
    const limiter = new ChatRateLimiter(2);
    expect([0, 1, 2, 3, 4].map((t) => limiter.check("a", t))).toEqual(["ok", "ok", "notify", "drop", "drop"]);
    expect(limiter.check("b", 5)).toBe("ok");
    expect(limiter.check("a", 60_001)).toBe("ok");
  });
});

describe("delivery errors", () => {
  const error = (code: number, description: string) =>
    new GrammyError("call failed", { ok: false, error_code: code, description }, "sendMessage", {});
  it("treats a blocked bot or a missing chat as permanent, the rest as retryable", () => {
    expect(isPermanentTelegramError(error(403, "Forbidden: bot was blocked by the user"))).toBe(true);
    expect(isPermanentTelegramError(error(400, "Bad Request: chat not found"))).toBe(true);
    expect(isPermanentTelegramError(error(500, "Internal Server Error"))).toBe(false);
    expect(isPermanentTelegramError(error(429, "Too Many Requests: retry after 5"))).toBe(false);
    expect(isPermanentTelegramError(new Error("fetch failed"))).toBe(false);
  });
  it("reads the chat id of a recipient key", () => {
    expect(chatIdOfRecipient("telegram:12345")).toBe(12345);
    expect(chatIdOfRecipient("telegram:-100200")).toBe(-100200);
    expect(chatIdOfRecipient("local:12345")).toBeNull();
  });
});

describe("attachmentOf", () => {
  const base = { message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "x" } };
  it("takes the largest photo, documents, voice notes, video notes; nothing else", () => {
    const photo = attachmentOf({
      ...base,
      caption: " 欠条 ",
      photo: [
        { file_id: "s", file_unique_id: "s", width: 90, height: 90, file_size: 2000 },
        { file_id: "l", file_unique_id: "l", width: 800, height: 600 },
      ],
    } as unknown as Message);
    expect(photo).toMatchObject({ type: "photo", fileId: "l", sizeBytes: null, caption: "欠条" });
    const note = attachmentOf({ ...base, video_note: { file_id: "v", file_unique_id: "v", length: 1, duration: 2, file_size: 9 } } as unknown as Message);
    expect(note).toMatchObject({ type: "video", fileId: "v", sizeBytes: 9, caption: null });
    expect(attachmentOf({ ...base, sticker: { file_id: "k" } } as unknown as Message)).toBeNull();
  });
});
