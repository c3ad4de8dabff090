// Engine replies as Telegram messages: long texts split under Telegram's 4096-character limit,
// choices as an inline keyboard (two per row when every label is short, else one per row).
import { InlineKeyboard } from "grammy";
import type { Choice } from "../../dialogs/engine.js";

export const MAX_MESSAGE_CHARS = 4000;
const MAX_CALLBACK_DATA_BYTES = 64;
const SHORT_LABEL_CHARS = 10;

export function splitText(text: string, limit = MAX_MESSAGE_CHARS): string[] {
  const body = text.trim() === "" ? "…" : text;
  if (body.length <= limit) return [body];
  const parts: string[] = [];
  let current = "";
  for (const line of body.split("\n")) {
    let rest = line;
    while (rest.length > limit) {
      if (current) parts.push(current);
      current = "";
      parts.push(rest.slice(0, limit));
      rest = rest.slice(limit);
    }
    if (current && current.length + 1 + rest.length > limit) {
      parts.push(current);
      current = rest;
    } else {
      current = current ? `${current}\n${rest}` : rest;
    }
  }
  if (current) parts.push(current);
  return parts;
}

export function usableChoices(choices: readonly Choice[]): Choice[] {
  return choices.filter((choice) => Buffer.byteLength(choice.id, "utf8") <= MAX_CALLBACK_DATA_BYTES && choice.label.trim() !== "");
}

export function keyboardFor(choices: readonly Choice[]): InlineKeyboard | undefined {
  const usable = usableChoices(choices);
  if (usable.length === 0) return undefined;
  const short = usable.length > 2 && usable.every((choice) => [...choice.label].length <= SHORT_LABEL_CHARS);
  const perRow = short ? 2 : 1;
  const keyboard = new InlineKeyboard();
  usable.forEach((choice, index) => {
    keyboard.text(choice.label, choice.id);
    if ((index + 1) % perRow === 0 && index < usable.length - 1) keyboard.row();
  });
  return keyboard;
}

/**
 * The message ids of each chat's open keyboards (those of the last turn). A press on any other
 * keyboard of a chat we know is stale: answered quietly, its keyboard removed. Kept in memory: after
 * a restart nothing is known and the engine's own stale check answers.
 */
export class OpenKeyboards {
  private readonly chats = new Map<number, number[]>();

  constructor(private readonly maxChats = 50_000) {}

  known(chatId: number): boolean {
    return this.chats.has(chatId);
  }

  isOpen(chatId: number, messageId: number): boolean {
    return this.chats.get(chatId)?.includes(messageId) ?? false;
  }

  /** Forgets and returns the chat's open keyboards. */
  take(chatId: number): number[] {
    const open = this.chats.get(chatId) ?? [];
    this.chats.delete(chatId);
    return open;
  }

  set(chatId: number, messageIds: number[]): void {
    this.chats.delete(chatId);
    if (this.chats.size >= this.maxChats) {
      const oldest = this.chats.keys().next();
      if (!oldest.done) this.chats.delete(oldest.value);
    }
    this.chats.set(chatId, messageIds);
  }
}
