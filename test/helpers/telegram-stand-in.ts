// A small Bot API stand-in on 127.0.0.1 for tests: it speaks the real Bot API JSON over HTTP to a
// real grammY bot (getMe, getUpdates with true long polling, sendMessage, editMessageReplyMarkup,
// answerCallbackQuery, setMyCommands, set/deleteWebhook, getFile and file download) and plays the
// workers' side: their messages, button presses and files become updates.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface InlineButton {
  text: string;
  callback_data: string;
}

export interface SentMessage {
  message_id: number;
  chatId: number;
  text: string;
  buttons: InlineButton[][] | null;
  /** The keyboard as first sent (kept after it is removed). */
  sentButtons: InlineButton[][] | null;
}

export interface Failure {
  method: string;
  chatId?: number;
  status: number;
  description: string;
  times: number;
  /** Close the connection instead of answering (a network error). */
  network?: boolean;
}

interface Waiter {
  offset: number;
  limit: number;
  respond: (updates: unknown[]) => void;
  timer: NodeJS.Timeout;
}

export const STAND_IN_BOT = {
  id: 777000111,
  is_bot: true as const,
  first_name: "Arrears Test Bot",
  username: "arrears_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
};

export class BotApiStandIn {
  readonly token: string;
  private server: Server | undefined;
  port = 0;
  private nextUpdateId = 1;
  private readonly nextMessageId = new Map<number, number>();
  private queue: { update_id: number; [key: string]: unknown }[] = [];
  private waiters: Waiter[] = [];
  private changeListeners: (() => void)[] = [];
  readonly messages: SentMessage[] = [];
  readonly calls: { method: string; payload: Record<string, unknown> }[] = [];
  readonly callbackAnswers: { callback_query_id: string; text?: string }[] = [];
  readonly commands: { language_code?: string; commands: { command: string; description: string }[] }[] = [];
  readonly files = new Map<string, { file_unique_id: string; file_path: string; bytes: Buffer }>();
  readonly failures: Failure[] = [];
  webhook: { url: string; secret_token?: string } | null = null;
  /** Milliseconds each call of a method waits before it is answered (a slow network). */
  readonly delays = new Map<string, number>();

  constructor(token = "123456:TEST-token_standin") {
    this.token = token;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
    this.waiters = [];
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  // ── the workers' side ───────────────────────────────────────────────────────────────────────

  private user(chatId: number, languageCode = "zh-hans") {
    return { id: chatId, is_bot: false, first_name: `工人${chatId}`, language_code: languageCode };
  }

  private chat(chatId: number) {
    return { id: chatId, type: "private", first_name: `工人${chatId}` };
  }

  private incomingMessageId(chatId: number): number {
    const id = (this.nextMessageId.get(chatId) ?? 1) + 0;
    this.nextMessageId.set(chatId, id + 1);
    return id;
  }

  /** Queues a message update from a worker; returns its update_id. */
  sendMessage(chatId: number, content: Record<string, unknown>, languageCode?: string): number {
    return this.push({
      message: {
        message_id: this.incomingMessageId(chatId),
        date: Math.floor(Date.now() / 1000),
        chat: this.chat(chatId),
        from: this.user(chatId, languageCode),
        ...content,
      },
    });
  }

  sendText(chatId: number, text: string, languageCode?: string): number {
    const entities = text.startsWith("/")
      ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }]
      : undefined;
    return this.sendMessage(chatId, { text, ...(entities ? { entities } : {}) }, languageCode);
  }

  /** A worker presses a button of one of the bot's messages. */
  press(chatId: number, messageId: number, data: string): number {
    const message = this.messages.find((m) => m.chatId === chatId && m.message_id === messageId);
    return this.push({
      callback_query: {
        id: `cb-${chatId}-${this.nextUpdateId}`,
        from: this.user(chatId),
        chat_instance: `ci-${chatId}`,
        data,
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: this.chat(chatId),
          from: STAND_IN_BOT,
          text: message?.text ?? "",
          ...(message?.buttons ? { reply_markup: { inline_keyboard: message.buttons } } : {}),
        },
      },
    });
  }

  /** Registers a file the bot may fetch with getFile and download. */
  addFile(fileId: string, bytes: Buffer, filePath = `documents/${fileId}.pdf`): void {
    this.files.set(fileId, { file_unique_id: `u${fileId}`, file_path: filePath, bytes });
  }

  /** Queues a raw update; `update_id` is kept when given (a redelivery), else assigned. */
  push(update: Record<string, unknown>): number {
    const updateId = typeof update.update_id === "number" ? update.update_id : this.nextUpdateId++;
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId + 1);
    this.queue.push({ ...update, update_id: updateId });
    this.flush();
    return updateId;
  }

  failNext(method: string, failure: Partial<Failure> = {}): void {
    this.failures.push({
      method,
      status: failure.status ?? 500,
      description: failure.description ?? "Internal Server Error",
      times: failure.times ?? 1,
      ...(failure.chatId !== undefined ? { chatId: failure.chatId } : {}),
      ...(failure.network ? { network: true } : {}),
    });
  }

  // ── what the bot did ───────────────────────────────────────────────────────────────────────

  messagesTo(chatId: number): SentMessage[] {
    return this.messages.filter((message) => message.chatId === chatId);
  }

  textsTo(chatId: number): string[] {
    return this.messagesTo(chatId).map((message) => message.text);
  }

  callsOf(method: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.payload);
  }

  /** Resolves when `check` holds (checked after every bot call and every 20 ms), or rejects after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | false | null, timeoutMs = 10_000, what = "condition"): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const listener = () => {
        const value = check();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`stand-in: timed out waiting for ${what}`));
      }, timeoutMs);
      // Also polled: some conditions change outside the stand-in (the database).
      const poll = setInterval(listener, 20);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.changeListeners = this.changeListeners.filter((l) => l !== listener);
      };
      this.changeListeners.push(listener);
    });
  }

  pendingUpdates(): number {
    return this.queue.length;
  }

  // ── the Bot API side ───────────────────────────────────────────────────────────────────────

  private changed(): void {
    for (const listener of [...this.changeListeners]) listener();
  }

  private flush(): void {
    for (const waiter of [...this.waiters]) {
      const ready = this.queue.filter((update) => update.update_id >= waiter.offset).slice(0, waiter.limit);
      if (ready.length === 0) continue;
      clearTimeout(waiter.timer);
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.respond(ready);
    }
  }

  private async readPayload(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const payload: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const type = req.headers["content-type"] ?? "";
    if (body && type.includes("application/json")) Object.assign(payload, JSON.parse(body));
    else if (body && type.includes("application/x-www-form-urlencoded")) Object.assign(payload, Object.fromEntries(new URLSearchParams(body)));
    return payload;
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  private ok(res: ServerResponse, result: unknown): void {
    this.send(res, 200, { ok: true, result });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) {
      const file = [...this.files.values()].find((f) => f.file_path === decodeURIComponent(fileMatch[2]!));
      if (fileMatch[1] !== this.token || !file) return this.send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length }).end(file.bytes);
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match || match[1] !== this.token) {
      return this.send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const method = match[2]!;
    const payload = await this.readPayload(req, url);
    if (method !== "getUpdates") this.calls.push({ method, payload });
    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));

    const chatId = payload.chat_id === undefined ? undefined : Number(payload.chat_id);
    const failure = this.failures.find(
      (f) => f.method === method && f.times > 0 && (f.chatId === undefined || f.chatId === chatId),
    );
    if (failure) {
      failure.times--;
      this.changed();
      if (failure.network) {
        req.socket.destroy();
        return;
      }
      return this.send(res, failure.status, { ok: false, error_code: failure.status, description: failure.description });
    }

    switch (method) {
      case "getMe":
        return this.ok(res, STAND_IN_BOT);
      case "getUpdates":
        return this.getUpdates(req, res, payload);
      case "sendMessage": {
        const id = chatId!;
        const messageId = this.incomingMessageId(id);
        const markup = payload.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
        const buttons = markup?.inline_keyboard && markup.inline_keyboard.length > 0 ? markup.inline_keyboard : null;
        const text = String(payload.text);
        this.messages.push({ message_id: messageId, chatId: id, text, buttons, sentButtons: buttons });
        this.ok(res, {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: this.chat(id),
          from: STAND_IN_BOT,
          text,
          ...(buttons ? { reply_markup: { inline_keyboard: buttons } } : {}),
        });
        this.changed();
        return;
      }
      case "editMessageReplyMarkup": {
        const message = this.messages.find((m) => m.chatId === chatId && m.message_id === Number(payload.message_id));
        if (!message) return this.send(res, 400, { ok: false, error_code: 400, description: "Bad Request: message to edit not found" });
        const markup = payload.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
        const buttons = markup?.inline_keyboard && markup.inline_keyboard.length > 0 ? markup.inline_keyboard : null;
        if (JSON.stringify(buttons) === JSON.stringify(message.buttons)) {
          return this.send(res, 400, {
            ok: false,
            error_code: 400,
            description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
          });
        }
        message.buttons = buttons;
        this.ok(res, { message_id: message.message_id, date: 0, chat: this.chat(message.chatId), text: message.text });
        this.changed();
        return;
      }
      case "answerCallbackQuery":
        this.callbackAnswers.push({
          callback_query_id: String(payload.callback_query_id),
          ...(payload.text !== undefined ? { text: String(payload.text) } : {}),
        });
        this.ok(res, true);
        this.changed();
        return;
      case "setMyCommands":
        this.commands.push({
          ...(payload.language_code ? { language_code: String(payload.language_code) } : {}),
          commands: payload.commands as { command: string; description: string }[],
        });
        return this.ok(res, true);
      case "setWebhook":
        this.webhook = { url: String(payload.url), ...(payload.secret_token ? { secret_token: String(payload.secret_token) } : {}) };
        return this.ok(res, true);
      case "deleteWebhook":
        this.webhook = null;
        return this.ok(res, true);
      case "getFile": {
        const file = this.files.get(String(payload.file_id));
        if (!file) return this.send(res, 400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
        return this.ok(res, {
          file_id: String(payload.file_id),
          file_unique_id: file.file_unique_id,
          file_size: file.bytes.length,
          file_path: file.file_path,
        });
      }
      default:
        return this.send(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }
  }

  private getUpdates(_req: IncomingMessage, res: ServerResponse, payload: Record<string, unknown>): void {
    const offset = Number(payload.offset ?? 0);
    const limit = Math.max(1, Math.min(100, Number(payload.limit ?? 100)));
    const timeout = Math.max(0, Number(payload.timeout ?? 0));
    // Updates below the offset are confirmed: Telegram forgets them.
    if (offset > 0) this.queue = this.queue.filter((update) => update.update_id >= offset);
    const ready = this.queue.filter((update) => update.update_id >= offset).slice(0, limit);
    if (ready.length > 0 || timeout === 0) return this.ok(res, ready);
    const waiter: Waiter = {
      offset,
      limit,
      respond: (updates) => this.ok(res, updates),
      timer: setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        this.ok(res, []);
      }, timeout * 1000),
    };
    this.waiters.push(waiter);
    // The poller gave up (stop, abort): forget it. (IncomingMessage "close" fires when the body is read.)
    res.on("close", () => {
      clearTimeout(waiter.timer);
      this.waiters = this.waiters.filter((w) => w !== waiter);
    });
  }
}
