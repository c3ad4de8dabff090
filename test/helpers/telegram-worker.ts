// A simulated worker for Telegram tests: sends a story, then answers whatever the bot asks (by the
// text of the question, from the shipped Chinese strings) until the case is logged.
import { readFileSync } from "node:fs";
import type { BotApiStandIn, SentMessage } from "./telegram-stand-in.js";

const zh = JSON.parse(readFileSync(new URL("../../locales/zh-CN/translation.json", import.meta.url), "utf8")) as {
  ask: Record<string, string>;
};

export interface WorkerProfile {
  chatId: number;
  story: string;
  place: string;
  /** null: the worker answers "don't know" with the button. */
  project: string | null;
  employer: string;
  amount: number;
  headcount: number;
}

/** Resolves the update ids the bot reports as finished. */
export class DoneUpdates {
  private readonly done = new Set<number>();
  private waiters = new Map<number, (() => void)[]>();

  mark = (updateId: number): void => {
    this.done.add(updateId);
    for (const wake of this.waiters.get(updateId) ?? []) wake();
    this.waiters.delete(updateId);
  };

  has(updateId: number): boolean {
    return this.done.has(updateId);
  }

  wait(updateId: number, timeoutMs = 20_000): Promise<void> {
    if (this.done.has(updateId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`update ${updateId} not handled in ${timeoutMs} ms`)), timeoutMs);
      const list = this.waiters.get(updateId) ?? [];
      list.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.waiters.set(updateId, list);
    });
  }
}

function askKey(text: string): string | null {
  for (const [key, question] of Object.entries(zh.ask)) {
    if (key === "placeAmbiguous") {
      if (text.startsWith(question.split("{{")[0]!)) return key;
    } else if (text === question) return key;
  }
  return null;
}

function buttonIds(message: SentMessage): string[] {
  return (message.buttons ?? []).flat().map((button) => button.callback_data);
}

/** One step: what the worker does next, given the messages of the bot's last turn. */
export function nextAction(
  profile: WorkerProfile,
  turn: SentMessage[],
): { text: string } | { press: string; messageId: number } | { logged: string } {
  const logged = turn.map((m) => /编号：([0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3})/.exec(m.text)).find(Boolean);
  if (logged) return { logged: logged[1]!.replace(/-/g, "") };
  const last = turn[turn.length - 1];
  if (!last) throw new Error(`worker ${profile.chatId}: the bot said nothing`);
  const ids = buttonIds(last);
  if (ids.includes("confirm")) return { press: "confirm", messageId: last.message_id };
  const key = askKey(last.text);
  const press = (id: string) => ({ press: id, messageId: last.message_id });
  switch (key) {
    case "place":
      return { text: profile.place };
    case "placeAmbiguous":
      return press(ids.find((id) => id.startsWith("place:"))!);
    case "project":
      return profile.project === null ? press("unknown") : { text: profile.project };
    case "employer":
      return { text: profile.employer };
    case "amount":
      return { text: String(profile.amount) };
    case "headcount":
      return { text: String(profile.headcount) };
    case "sector":
      return press("sector:construction");
    case "projectKind":
    case "ownership":
      return press(ids[0]!);
    case "phone":
    case "since":
      return press("skip");
    default:
      if (ids.includes("unknown")) return press("unknown");
      throw new Error(`worker ${profile.chatId}: no idea how to answer ${JSON.stringify(last.text)}`);
  }
}

/**
 * Sends the story, then answers whatever the bot asks until `stopAt` says the last turn is where to
 * stop; returns that turn's messages (or throws after 25 steps).
 */
async function converse(
  standIn: BotApiStandIn,
  done: DoneUpdates,
  profile: WorkerProfile,
  stopAt: (action: ReturnType<typeof nextAction>) => boolean,
): Promise<{ action: ReturnType<typeof nextAction>; turn: SentMessage[] }> {
  let seen = standIn.messagesTo(profile.chatId).length;
  let updateId = standIn.sendText(profile.chatId, profile.story);
  for (let step = 0; step < 25; step++) {
    await done.wait(updateId);
    const all = standIn.messagesTo(profile.chatId);
    const turn = all.slice(seen);
    seen = all.length;
    const action = nextAction(profile, turn);
    if (stopAt(action)) return { action, turn };
    if ("logged" in action) throw new Error(`worker ${profile.chatId}: logged before the stop`);
    updateId = "text" in action ? standIn.sendText(profile.chatId, action.text) : standIn.press(profile.chatId, action.messageId, action.press);
  }
  throw new Error(`worker ${profile.chatId}: not done after 25 steps`);
}

/** Files a complaint through the bot; returns the case id (without dashes). */
export async function fileComplaint(standIn: BotApiStandIn, done: DoneUpdates, profile: WorkerProfile): Promise<string> {
  const { action } = await converse(standIn, done, profile, (next) => "logged" in next);
  return "logged" in action ? action.logged : "";
}

/** Answers the bot until it shows the summary; returns the summary message (its confirm button not pressed). */
export async function reachSummary(standIn: BotApiStandIn, done: DoneUpdates, profile: WorkerProfile): Promise<SentMessage> {
  const { turn } = await converse(standIn, done, profile, (next) => "press" in next && next.press === "confirm");
  return turn.at(-1)!;
}
