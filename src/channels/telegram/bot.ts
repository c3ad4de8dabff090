// The worker bot: Telegram updates in, dialog engine turns, replies out. Everything a worker reads
// comes from the engine or from the "telegram" i18next namespace.
import { autoRetry, type AutoRetryOptions } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { eq } from "drizzle-orm";
import type { App } from "../../app.js";
import type { Locale } from "../../config.js";
import { formatCaseId } from "../../cases/case-id.js";
import { dialogSessions } from "../../db/schema.js";
import type { TurnMessage, TurnResult } from "../../dialogs/engine.js";
import { localeFromLanguageCode, translator } from "../../i18n.js";
import { attachmentOf, type TelegramAttachment } from "./attachments.js";
import { TELEGRAM_CHANNEL } from "./delivery.js";
import { downloadTelegramFile } from "./download.js";
import { defaultLogger, describeError, type TelegramLogger } from "./log.js";
import { ChatRateLimiter, RecentAlbums } from "./rate-limit.js";
import { keyboardFor, OpenKeyboards, splitText } from "./replies.js";
import { UpdateLog } from "./updates.js";

export const DEFAULT_API_ROOT = "https://api.telegram.org";
/** The update kinds the bot asks Telegram for (getUpdates and setWebhook). */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;
/**
 * How long a filing's receipt waits for the reply itself to be sent before the outbox sends it. Longer
 * than the replies' own retries (three, up to a minute apart), so that a slow reply is not doubled.
 */
export const RECEIPT_HOLD_MS = 5 * 60_000;

export interface TelegramBotOptions {
  /** Defaults to TELEGRAM_BOT_TOKEN. */
  token?: string;
  /** Defaults to TELEGRAM_API_ROOT, else Telegram's. */
  apiRoot?: string;
  /** Skips getMe at start (tests). */
  botInfo?: UserFromGetMe;
  logger?: TelegramLogger;
  /** auto-retry for replies: 429 always; 5xx and network errors `maxRetryAttempts` times. */
  retry?: Partial<AutoRetryOptions>;
  /** Called when an update is finished with (handled, skipped or failed): tests, metrics. */
  onUpdateDone?: (updateId: number) => void;
}

export interface TelegramBot {
  bot: Bot;
  token: string;
  apiRoot: string;
  logger: TelegramLogger;
  /** Updates being handled or waiting for their chat's turn. */
  inFlight(): number;
  /** Resolves true when no update is in flight, false after `timeoutMs`. */
  idle(timeoutMs?: number): Promise<boolean>;
}

export function createTelegramBot(app: App, options: TelegramBotOptions = {}): TelegramBot {
  const config = app.config;
  const token = options.token ?? config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const apiRoot = (options.apiRoot ?? config.TELEGRAM_API_ROOT ?? DEFAULT_API_ROOT).replace(/\/+$/, "");
  const logger = options.logger ?? defaultLogger(config.LOG_LEVEL);
  const bot = new Bot(token, { botInfo: options.botInfo, client: { apiRoot } });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, ...options.retry }));

  const updates = new UpdateLog(app.store);
  const limiter = new ChatRateLimiter(config.RATE_LIMIT_PER_MINUTE);
  const albums = new RecentAlbums();
  const keyboards = new OpenKeyboards();
  const maxAttachmentBytes = config.MAX_ATTACHMENT_MB * 1_048_576;
  const now = () => app.clock.now();

  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];
  const settle = () => {
    if (inFlight > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  /** The worker's chosen language, else the one of their Telegram app. */
  const localeOf = (chatId: number, languageCode: string | undefined): Locale => {
    const row = app.store.db
      .select({ state: dialogSessions.state })
      .from(dialogSessions)
      .where(eq(dialogSessions.userKey, `${TELEGRAM_CHANNEL}:${chatId}`))
      .get();
    const chosen = (row?.state as { locale?: unknown } | undefined)?.locale;
    if (chosen === "zh-CN" || chosen === "en") return chosen;
    return localeFromLanguageCode(languageCode, config.DEFAULT_LOCALE);
  };
  const say = (ctx: Context, key: string) =>
    translator(localeOf(ctx.chat?.id ?? 0, ctx.from?.language_code))(`telegram:${key}`);

  const removeKeyboard = async (chatId: number, messageId: number) => {
    try {
      await bot.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } });
    } catch (error) {
      // "message is not modified", a message too old to edit: the engine rejects stale choices anyway.
      logger.debug({ messageId, ...describeError(error) }, "keyboard not removed");
    }
  };

  const queueReceipt = (chatId: number, result: TurnResult): number | null => {
    const logged = result.effects.find((effect) => effect.type === "caseLogged");
    if (!logged) return null;
    const at = now();
    return app.outbox.enqueue(
      {
        caseId: logged.caseId,
        channel: TELEGRAM_CHANNEL,
        recipientKey: `${TELEGRAM_CHANNEL}:${chatId}`,
        locale: result.locale,
        messageKey: "telegram:receipt",
        params: { id: formatCaseId(logged.caseId) },
      },
      at,
      at + RECEIPT_HOLD_MS,
    );
  };
  const settleReceipt = (receiptId: number, outcome: "delivered" | "send now") => {
    try {
      if (outcome === "delivered") app.outbox.markDelivered(receiptId, now());
      else app.outbox.dueNow(receiptId, now());
    } catch (error) {
      // The receipt then goes out when its hold ends: one message too many, never one too few.
      logger.warn({ receiptId, ...describeError(error) }, "receipt not settled");
    }
  };

  const record = (updateId: number) => {
    try {
      updates.record(updateId, now());
    } catch (error) {
      logger.error({ updateId, ...describeError(error) }, "could not record update");
    }
  };

  /** A file sent as evidence, downloaded first when configured (a failed download keeps its file id). */
  const evidenceInput = async (attachment: TelegramAttachment, updateId: number, moreOfAlbum: boolean): Promise<TurnMessage> => {
    let storedPath: string | null = null;
    if (config.EVIDENCE_DOWNLOAD && (attachment.sizeBytes === null || attachment.sizeBytes <= maxAttachmentBytes)) {
      try {
        storedPath = await downloadTelegramFile(
          { api: bot.api, token, apiRoot, dir: config.EVIDENCE_DIR, maxBytes: maxAttachmentBytes },
          attachment.fileId,
          attachment.fileUniqueId,
          now(),
        );
      } catch (error) {
        // The file id stays on the case; an officer can fetch the file later.
        logger.warn({ updateId, ...describeError(error) }, "evidence not downloaded");
      }
    }
    return {
      kind: "attachment",
      ...(moreOfAlbum ? { moreOfBatch: true } : {}),
      attachment: {
        type: attachment.type,
        fileId: attachment.fileId,
        sizeBytes: attachment.sizeBytes,
        caption: attachment.caption,
        storedPath,
      },
    };
  };

  // 1. Count updates in flight (graceful stop waits for them) and report each one done.
  bot.use(async (ctx, next) => {
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
      settle();
      options.onUpdateDone?.(ctx.update.update_id);
    }
  });

  // 2. One chat's updates in order; different chats concurrently.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));

  // 3. A failing update is logged (id, error; never the text), answered with an apology, and the
  //    bot goes on with the next one.
  bot.use(async (ctx, next) => {
    const state = { callbackAnswered: false };
    (ctx as Context & { turnState?: typeof state }).turnState = state;
    try {
      await next();
    } catch (error) {
      const updateId = ctx.update.update_id;
      logger.error({ updateId, ...describeError(error) }, "update failed");
      record(updateId);
      if (ctx.callbackQuery && !state.callbackAnswered) {
        await ctx.answerCallbackQuery().catch(() => undefined);
      }
      if (ctx.chat) {
        try {
          await bot.api.sendMessage(ctx.chat.id, say(ctx, "apology"));
        } catch (sendError) {
          logger.warn({ updateId, ...describeError(sendError) }, "apology not sent");
        }
      }
    }
  });

  // 4. The turn.
  bot.use(async (ctx) => {
    const started = Date.now();
    const updateId = ctx.update.update_id;
    const state = (ctx as Context & { turnState?: { callbackAnswered: boolean } }).turnState ?? { callbackAnswered: false };
    const answerCallback = async (text?: string) => {
      state.callbackAnswered = true;
      try {
        await ctx.answerCallbackQuery(text ? { text } : undefined);
      } catch (error) {
        logger.warn({ updateId, ...describeError(error) }, "callback query not answered");
      }
    };

    if (updates.seen(updateId)) {
      logger.info({ updateId }, "duplicate update skipped");
      return;
    }
    const chat = ctx.chat;
    const from = ctx.from;
    const callback = ctx.callbackQuery;
    const message = ctx.message;
    // Workers talk to the bot in private chats. In a group, a command or a mention of the bot gets one
    // line asking for a private chat — nothing of any complaint is said where others read it.
    if (chat && (chat.type === "group" || chat.type === "supergroup") && message && from && !from.is_bot) {
      record(updateId);
      if (addressesBot(message, bot.botInfo.username)) await bot.api.sendMessage(chat.id, say(ctx, "privateOnly"));
      return;
    }
    // An edit is not seen by the dialog (it moved on): the worker is asked to send the change again.
    if (chat?.type === "private" && ctx.editedMessage && from && !from.is_bot) {
      record(updateId);
      if (ctx.editedMessage.text !== undefined) await bot.api.sendMessage(chat.id, say(ctx, "editNotSeen"));
      return;
    }
    if (!chat || chat.type !== "private" || !from || from.is_bot || (!callback && !message)) {
      record(updateId);
      if (callback) await answerCallback();
      return;
    }
    const chatId = chat.id;

    // An album arrives as one update per file: it counts once against the flood limit, and only its
    // first file is answered.
    const moreOfAlbum = message?.media_group_id !== undefined && albums.seen(message.media_group_id, now());
    const decision = moreOfAlbum ? "ok" : limiter.check(String(chatId), now());
    if (decision !== "ok") {
      record(updateId);
      const text = decision === "notify" ? say(ctx, "rateLimited") : undefined;
      if (callback) await answerCallback(text);
      if (text) await bot.api.sendMessage(chatId, text);
      logger.info({ updateId, notified: decision === "notify" }, "rate limited");
      return;
    }

    let input: TurnMessage;
    let pressed: number | undefined;
    if (callback) {
      pressed = callback.message?.message_id;
      if (callback.data === undefined || pressed === undefined) {
        record(updateId);
        await answerCallback();
        return;
      }
      // Buttons sent from the outbox (the follow-up) are not dialog keyboards; the engine checks them.
      const fromOutbox = callback.data.startsWith("followup:");
      if (!fromOutbox && keyboards.known(chatId) && !keyboards.isOpen(chatId, pressed)) {
        // An old keyboard (pressed twice, or answered by typing): answered quietly, not a turn.
        record(updateId);
        await answerCallback(say(ctx, "buttonUsed"));
        await removeKeyboard(chatId, pressed);
        return;
      }
      await answerCallback();
      input = { kind: "choice", id: callback.data };
    } else if (message?.text !== undefined) {
      // A forwarded message is someone else's words (the boss's promise): evidence, not an answer.
      input = message.forward_origin ? { kind: "text", text: message.text, forwarded: true } : { kind: "text", text: message.text };
    } else if (message?.contact) {
      // The worker's own card is their phone; anyone else's card (the boss's) is passed on as it is.
      const contact = message.contact;
      input =
        contact.user_id === from.id
          ? { kind: "text", text: contact.phone_number }
          : { kind: "text", text: [contact.first_name, contact.last_name, contact.phone_number].filter(Boolean).join(" "), forwarded: true };
    } else {
      const attachment = message ? attachmentOf(message) : null;
      // A sticker, a location: the engine asks for words and repeats the question being asked.
      input = attachment ? await evidenceInput(attachment, updateId, moreOfAlbum) : { kind: "unreadable" };
    }

    const turnInput = { channel: TELEGRAM_CHANNEL, userId: String(chatId), languageCode: from.language_code, message: input };
    // A language model (if configured) reads before the transaction: no lock is held while it thinks.
    const preRead = await app.engine.preRead(turnInput);
    // The update is recorded in the same transaction as the turn: both happen, or neither.
    // A complaint logged in this turn also queues a short receipt (its ID, how to ask its status),
    // held back while the reply itself is sent: if the reply is lost (the process stops, Telegram
    // is unreachable), the outbox delivers the receipt, and the worker is never left without the ID.
    const turn = app.store.sqlite
      .transaction(() => {
        if (!updates.record(updateId, now())) return null;
        const handled = app.engine.handle(turnInput, preRead);
        return { result: handled, receiptId: queueReceipt(chatId, handled) };
      })
      .immediate();
    if (!turn) {
      logger.info({ updateId }, "duplicate update skipped");
      return;
    }
    const { result, receiptId } = turn;

    // Nothing to say (the rest of an album): the open question and its keyboard stay as they are.
    if (result.replies.length === 0) {
      logger.info({ updateId, kind: input.kind, replies: 0, caseId: result.caseId, ms: Date.now() - started }, "update handled");
      return;
    }
    // The question is answered: its keyboard (and any older one) goes, so it cannot be pressed twice.
    for (const messageId of new Set([...(pressed === undefined ? [] : [pressed]), ...keyboards.take(chatId)])) {
      await removeKeyboard(chatId, messageId);
    }
    const opened: number[] = [];
    try {
      for (const reply of result.replies) {
        const parts = splitText(reply.text);
        const keyboard = reply.choices ? keyboardFor(reply.choices) : undefined;
        for (const [index, part] of parts.entries()) {
          const last = index === parts.length - 1;
          const sent = await bot.api.sendMessage(chatId, part, last && keyboard ? { reply_markup: keyboard } : {});
          if (last && keyboard) opened.push(sent.message_id);
        }
      }
    } catch (error) {
      if (receiptId === null) throw error;
      // The complaint is logged; an apology ("try again") would make the worker file it twice.
      // The receipt is made due now: the outbox sends it on its next round, and retries.
      logger.warn({ updateId, caseId: result.caseId, ...describeError(error) }, "filing reply not sent; receipt queued");
      settleReceipt(receiptId, "send now");
      return;
    } finally {
      keyboards.set(chatId, opened);
    }
    if (receiptId !== null) settleReceipt(receiptId, "delivered");
    logger.info(
      { updateId, kind: input.kind, replies: result.replies.length, caseId: result.caseId, ms: Date.now() - started },
      "update handled",
    );
  });

  // Required with polling: the default handler stops the bot. Errors rarely get here (step 3).
  bot.catch((error) => {
    logger.error({ updateId: error.ctx.update.update_id, ...describeError(error.error) }, "unhandled update error");
  });

  return {
    bot,
    token,
    apiRoot,
    logger,
    inFlight: () => inFlight,
    idle: (timeoutMs = 30_000) =>
      new Promise<boolean>((resolve) => {
        if (inFlight === 0) return resolve(true);
        const timer = setTimeout(() => {
          idleWaiters = idleWaiters.filter((wake) => wake !== done);
          resolve(false);
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        idleWaiters.push(done);
      }),
  };
}

/** A group message meant for the bot: a command, or a mention of its username. */
function addressesBot(message: { text?: string; caption?: string; entities?: { type: string }[] }, username: string): boolean {
  const text = message.text ?? message.caption ?? "";
  if (text.startsWith("/")) return true;
  return username !== "" && text.toLowerCase().includes(`@${username.toLowerCase()}`);
}
