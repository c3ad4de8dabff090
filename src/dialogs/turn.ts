// One turn of a conversation: the session being changed, and what the worker will be told.
import type { TFunction } from "i18next";
import type { Locale } from "../config.js";
import type { Session } from "./session.js";

export interface Choice {
  id: string;
  label: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
}

export type Effect =
  | { type: "caseLogged"; caseId: string }
  | { type: "evidenceAdded"; caseId: string }
  | { type: "draftCancelled" };

export class Turn {
  readonly replies: Reply[] = [];
  readonly effects: Effect[] = [];
  caseId: string | null = null;

  constructor(
    public session: Session,
    public t: TFunction,
    public locale: Locale,
    readonly userKey: string,
    readonly channel: string,
    readonly now: number,
  ) {}

  say(text: string, choices?: Choice[]): void {
    this.replies.push(choices && choices.length > 0 ? { text, choices } : { text });
  }

  /** Adds a line to the last reply rather than sending one more message. */
  append(text: string): void {
    const last = this.replies[this.replies.length - 1];
    if (last && !last.choices) last.text = `${last.text}\n${text}`;
    else this.say(text);
  }
}
