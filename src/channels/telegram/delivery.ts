// Officer actions reach the worker through the durable outbox. This is the Telegram side: one send
// per message (retries are the outbox's, with backoff), a blocked bot or a deleted chat parks the
// message, anything else (network, 5xx, a long 429) is retried later.
import { GrammyError, type Api } from "grammy";
import { OutboxDispatcher, PermanentDeliveryError, type Deliver } from "../../cases/notifications.js";
import type { Outbox } from "../../cases/outbox.js";
import { describeError, type TelegramLogger } from "./log.js";
import { keyboardFor, splitText } from "./replies.js";

export const TELEGRAM_CHANNEL = "telegram";

export function chatIdOfRecipient(recipientKey: string): number | null {
  const match = /^telegram:(-?\d{1,20})$/.exec(recipientKey);
  return match ? Number(match[1]) : null;
}

/** Errors after which sending again cannot help. */
export function isPermanentTelegramError(error: unknown): boolean {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 403) return true; // blocked by the user, user deactivated, kicked
  return error.error_code === 400 && /chat not found|user not found|chat_id is empty|PEER_ID_INVALID/i.test(error.description);
}

export function telegramDeliver(api: Api): Deliver {
  return async (row, text, choices) => {
    const chatId = chatIdOfRecipient(row.recipientKey);
    if (chatId === null) throw new PermanentDeliveryError(`not a Telegram recipient: ${row.recipientKey}`);
    try {
      const parts = splitText(text);
      const keyboard = keyboardFor(choices);
      for (const [index, part] of parts.entries()) {
        // Buttons (the follow-up's paid / not paid) ride on the last part.
        const last = index === parts.length - 1;
        await api.sendMessage(chatId, part, last && keyboard ? { reply_markup: keyboard } : {});
      }
    } catch (error) {
      if (isPermanentTelegramError(error)) {
        throw new PermanentDeliveryError(error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  };
}

/** Drains the outbox every `intervalMs`; `stop()` waits for a drain in progress to finish. */
export class OutboxLoop {
  private readonly dispatcher: OutboxDispatcher;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    outbox: Outbox,
    api: Api,
    now: () => number,
    private readonly logger: TelegramLogger,
    private readonly intervalMs = 1000,
    private readonly onIdle?: () => void,
  ) {
    this.dispatcher = new OutboxDispatcher(outbox, TELEGRAM_CHANNEL, telegramDeliver(api), now, (row, error) => {
      this.logger.warn(
        { outboxId: row.id, attempt: row.attempts + 1, permanent: error instanceof PermanentDeliveryError, ...describeError(error) },
        "notification delivery failed",
      );
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Drain now (in addition to the timer). */
  kick(): Promise<void> {
    return this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule(this.intervalMs));
    }, delay);
  }

  private tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        const delivered = await this.dispatcher.drainOnce();
        if (delivered > 0) this.logger.debug({ delivered }, "notifications delivered");
      } catch (error) {
        this.logger.error(describeError(error), "outbox drain failed");
      } finally {
        this.running = undefined;
        this.onIdle?.();
      }
    })();
    return this.running;
  }
}
