// Signed requests an officer's Slack client would send to Bolt: a click on a ticket's button or select,
// a modal submission, a slash command. Shared by the Slack desk tests; the app and port are read
// lazily because they are set up in beforeAll.
import { and, asc, eq } from "drizzle-orm";
import type { App } from "../../src/app.js";
import { slackTickets } from "../../src/db/schema.js";
import { blockAction, commandBody, interactivityBody, sendToBolt, viewSubmission } from "./slack-stand-in.js";

export const FORM = "application/x-www-form-urlencoded";

export interface ClickOptions {
  /** For a static select (e.g. arrears_record): the selected option's value instead of the case ID. */
  selected?: string;
  /** Slack's action_ts: the same value is the same delivery (retried), a new one a new click. */
  actionTs?: string;
  /** Sent as x-slack-retry-num, as Slack does when it retries a delivery. */
  retryNum?: number;
}

export class SlackRequests {
  private counter = 0;

  constructor(
    private readonly target: () => { app: App; port: number },
    readonly secret: string,
  ) {}

  /** The case's live desk ticket (the message whose buttons the officer clicks). */
  deskTicket(caseId: string) {
    const row = this.target()
      .app.store.db.select()
      .from(slackTickets)
      .where(and(eq(slackTickets.caseId, caseId), eq(slackTickets.kind, "desk")))
      .orderBy(asc(slackTickets.id))
      .get();
    if (!row) throw new Error("no desk ticket");
    return row;
  }

  /** A click on the desk ticket of `caseId`, signed. */
  async click(user: string, actionId: string, caseId: string, extra: ClickOptions = {}) {
    const ticket = this.deskTicket(caseId);
    const payload = blockAction({
      user,
      actionId,
      ...(extra.selected !== undefined ? { selected: extra.selected } : { value: caseId }),
      channel: ticket.channel,
      ts: ticket.ts,
      actionTs: extra.actionTs ?? `${Date.now()}.${++this.counter}`,
    });
    return sendToBolt(this.target().port, interactivityBody(payload), FORM, {
      secret: this.secret,
      ...(extra.retryNum !== undefined ? { retryNum: extra.retryNum } : {}),
    });
  }

  /** Submits the modal `arrears_modal_<modal>` for `caseId` with these block values, signed. */
  async submit(user: string, modal: string, caseId: string, values: Record<string, string | { selected: string }>, privateMetadata?: string) {
    const payload = viewSubmission({ user, callbackId: `arrears_modal_${modal}`, caseId, viewId: `V${++this.counter}`, values, ...(privateMetadata !== undefined ? { privateMetadata } : {}) });
    return sendToBolt(this.target().port, interactivityBody(payload), FORM, { secret: this.secret });
  }

  /** A slash command (`/case`, `/cases`) typed by `user`, signed; the ephemeral answer is in `text`. */
  async command(command: string, text: string, user: string) {
    return sendToBolt(this.target().port, commandBody(command, text, user), FORM, { secret: this.secret });
  }
}
