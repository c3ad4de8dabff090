// Delivering queued messages to workers. A channel supplies `deliver`; this drains the outbox in
// order, renders each message in the recipient's language at send time, and records the outcome.
import type { Locale } from "../config.js";
import { SUPPORTED_LOCALES } from "../config.js";
import { translator } from "../i18n.js";
import type { Outbox, OutboxRow } from "./outbox.js";

/**
 * The text of a queued message in its recipient's language. `param` rewrites the values written by
 * people (a worker's words, an officer's question) for the channel's markup; translated keys are ours.
 */
/**
 * Parameters named "…Key" are translation keys themselves: "statusKey" fills {{status}}. "…Keys" is a
 * list of them, filling the same name as one enumeration: "kindKeys" fills {{kind}} with "受理决定、首次处理".
 */
export function renderNotification(row: OutboxRow, param: (value: string) => string = (value) => value): string {
  const locale: Locale = (SUPPORTED_LOCALES as readonly string[]).includes(row.locale) ? (row.locale as Locale) : "zh-CN";
  const t = translator(locale);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries((row.params ?? {}) as Record<string, string | number | string[]>)) {
    if (name.endsWith("Keys") && Array.isArray(value)) params[name.slice(0, -4)] = value.map((key) => t(key)).join(t("punctuation.enumeration"));
    else if (Array.isArray(value)) continue;
    else if (name.endsWith("Key") && typeof value === "string") params[name.slice(0, -3)] = t(value);
    else params[name] = typeof value === "string" ? param(value) : value;
  }
  return t(row.messageKey, params).trim();
}

/** The buttons of a queued message, labelled in the recipient's language. */
export function renderNotificationChoices(row: OutboxRow): { id: string; label: string }[] {
  const stored = row.choices as { id: string; labelKey: string }[] | null;
  if (!stored || stored.length === 0) return [];
  const locale: Locale = (SUPPORTED_LOCALES as readonly string[]).includes(row.locale) ? (row.locale as Locale) : "zh-CN";
  const t = translator(locale);
  return stored.map((choice) => ({ id: choice.id, label: t(choice.labelKey) }));
}

export class PermanentDeliveryError extends Error {}

export type Deliver = (row: OutboxRow, text: string, choices: { id: string; label: string }[]) => Promise<void>;

export class OutboxDispatcher {
  private running = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly outbox: Outbox,
    private readonly channel: string,
    private readonly deliver: Deliver,
    private readonly now: () => number = () => Date.now(),
    private readonly onError: (row: OutboxRow, error: unknown) => void = () => {},
    private readonly recipientKey?: string,
  ) {}

  /** Sends what is due now; returns how many were delivered. Never throws. */
  async drainOnce(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let delivered = 0;
    try {
      for (const queued of this.outbox.due(this.channel, this.now(), 50, this.recipientKey)) {
        const row = { ...queued, locale: this.outbox.recipientLocale(queued.recipientKey) ?? queued.locale };
        try {
          await this.deliver(row, renderNotification(row), renderNotificationChoices(row));
          this.outbox.markDelivered(row.id, this.now());
          delivered++;
        } catch (error) {
          this.onError(row, error);
          const message = error instanceof Error ? error.message : String(error);
          this.outbox.markFailed(row, message, this.now(), error instanceof PermanentDeliveryError);
        }
      }
    } finally {
      this.running = false;
    }
    return delivered;
  }

  start(intervalMs = 1000): void {
    const tick = () => {
      void this.drainOnce().finally(() => {
        if (this.timer !== undefined) this.timer = setTimeout(tick, intervalMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
