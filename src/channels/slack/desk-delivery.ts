// Delivery of the desk's outbox (channel "desk") into Slack: messages about a case (recipient
// "case:<id>": the worker's answer to 需补充, the follow-up "not paid", deadline reminders, escalation
// notes) go into the thread of the case's desk ticket, and the ticket is refreshed with chat.update;
// messages to a division (recipient "division:<code>": escalations) go to that division's channel
// (inherited from the city/province as tickets are); "triage" to the triage channel.
import { eq } from "drizzle-orm";
import type { App } from "../../app.js";
import { warningLines } from "../../log.js";
import { DESK_CHANNEL } from "../../cases/case-actions.js";
import { OutboxDispatcher, PermanentDeliveryError, renderNotification, renderNotificationChoices } from "../../cases/notifications.js";
import type { OutboxRow } from "../../cases/outbox.js";
import { cases } from "../../db/schema.js";
import { slackEscape } from "./escape.js";
import type { SlackClient, Tickets, TicketRow } from "./tickets.js";

export class DeskDelivery {
  readonly dispatcher: OutboxDispatcher;

  constructor(
    private readonly app: App,
    private readonly client: SlackClient,
    private readonly tickets: Tickets,
    private readonly log: (line: string) => void = warningLines(app.config.LOG_LEVEL, "slack"),
  ) {
    this.dispatcher = new OutboxDispatcher(
      app.outbox,
      DESK_CHANNEL,
      // Rendered again with the workers' and officers' words escaped: "<!channel>" must not ping the desk.
      (row) => this.deliver(row, renderNotification(row, slackEscape)),
      () => app.clock.now(),
      (row, error) => this.log(`slack desk: outbox ${row.id} not delivered: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** The ticket whose thread carries the case's messages: the live desk ticket, else the latest one. */
  private threadOf(caseId: string): TicketRow | undefined {
    const desk = this.tickets.tickets(caseId, ["desk"]);
    if (desk.length > 0) return desk[desk.length - 1];
    const any = this.tickets.tickets(caseId);
    return any[any.length - 1];
  }

  async deliver(row: OutboxRow, text: string): Promise<void> {
    const recipient = row.recipientKey;
    if (recipient.startsWith("case:")) {
      const caseId = recipient.slice("case:".length);
      let ticket = this.threadOf(caseId);
      if (!ticket) {
        // The ticket loop has not posted it yet: post it now (once), then answer in its thread.
        await this.tickets.postTicket(caseId);
        ticket = this.threadOf(caseId);
      }
      if (!ticket) {
        if (!this.app.ledger.find(caseId)) throw new PermanentDeliveryError(`no case ${caseId}`);
        throw new Error(`no ticket yet for ${caseId}`);
      }
      await this.post({ channel: ticket.channel, thread_ts: ticket.ts, text, ...buttonsOf(row, text) });
      // The case changed (answered, reopened, deadlines, its group grew): the ticket shows it — for a
      // group, every member's. A failed refresh must not make the thread message be posted again, so it
      // is only logged.
      if (groupOf(row) !== null) {
        await this.refreshGroup(row, caseId);
        return;
      }
      if (row.messageKey === "desk.transferred") {
        // Moved outside Slack: the ticket follows the case (a failed post is owed and posted later).
        try {
          await this.tickets.followTransfer(caseId);
        } catch (error) {
          this.log(`slack desk: moving the ticket of ${caseId} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        return;
      }
      try {
        await this.tickets.refresh(caseId);
      } catch (error) {
        this.log(`slack desk: refreshing the ticket of ${caseId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      return;
    }
    if (recipient.startsWith("division:")) {
      await this.post({ channel: this.tickets.channelFor(recipient.slice("division:".length)), text });
      await this.refreshGroup(row);
      return;
    }
    if (recipient === "triage") {
      await this.post({ channel: this.tickets.channelFor(null), text });
      return;
    }
    throw new PermanentDeliveryError(`unknown desk recipient ${recipient}`);
  }

  /**
   * A group (集体欠薪) escalated, grew or lost a member: every member's ticket shows the group line, so
   * they are re-rendered (some were posted before the group existed). Failures are only logged, so that
   * the note is not posted again.
   */
  private async refreshGroup(row: OutboxRow, threadCaseId?: string): Promise<void> {
    const group = groupOf(row);
    if (group === null) return;
    const members = this.app.store.db.select({ id: cases.id }).from(cases).where(eq(cases.groupId, group)).all();
    // The thread's case too: the last member of a dissolved group is no member any more.
    const ids = new Set([...members.map((member) => member.id), ...(threadCaseId ? [threadCaseId] : [])]);
    for (const id of ids) {
      try {
        await this.tickets.refresh(id);
      } catch (error) {
        this.log(`slack desk: refreshing the ticket of ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private async post(message: { channel: string; text: string; thread_ts?: string; blocks?: unknown[] }): Promise<void> {
    const result = await this.client.chat.postMessage(message);
    if (!result.ok) throw new Error(`chat.postMessage failed: ${result.error ?? "not ok"}`);
  }
}

/**
 * A desk note with buttons ("claimSeparate|<case ID>"): the text in a section and one button a choice,
 * its action "arrears_<name>" and its value the case, as the ticket's own buttons are.
 */
function buttonsOf(row: OutboxRow, text: string): { blocks?: unknown[] } {
  const choices = renderNotificationChoices(row);
  if (choices.length === 0) return {};
  return {
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "actions",
        elements: choices.map((choice) => {
          const [name, caseId = ""] = choice.id.split("|");
          return { type: "button", action_id: `arrears_${name}`, value: caseId, text: { type: "plain_text", text: choice.label } };
        }),
      },
    ],
  };
}

/** The group (同案组) an outbox row is about, from its parameters. */
function groupOf(row: OutboxRow): string | null {
  const group = (row.params as { group?: unknown } | null)?.group;
  return typeof group === "string" && group !== "" ? group : null;
}
