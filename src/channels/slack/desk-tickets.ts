// The ticket with the 需补充 (ask the worker) and phone buttons. tickets.ts is owned by the ticket layout;
// this subclass only adds them to the actions block: asking where a question makes sense, the phone
// where the worker left one.
import { OPEN_STATUSES, type CaseStatus } from "../../cases/statuses.js";
import type { Locale } from "../../config.js";
import { translator } from "../../i18n.js";
import { Tickets } from "./tickets.js";

/** Statuses from which an officer may ask the worker a question. */
export const ASK_WORKER_FROM: readonly CaseStatus[] = ["logged", "accepted", "handling", "awaiting_worker", "reopened", "transferred"];

interface ActionsBlock {
  type: "actions";
  block_id?: string;
  elements: unknown[];
}

export class DeskTickets extends Tickets {
  private readonly buttonLocale: Locale;

  constructor(...args: ConstructorParameters<typeof Tickets>) {
    super(...args);
    const [app, , , locale] = args;
    this.buttonLocale = locale ?? app.config.DEFAULT_LOCALE;
  }

  override render(...args: Parameters<Tickets["render"]>): ReturnType<Tickets["render"]> {
    const rendered = super.render(...args);
    const [row, kind] = args;
    if (kind === "moved") return rendered;
    const t = translator(this.buttonLocale);
    const button = (name: string) => ({
      type: "button",
      action_id: `arrears_${name}`,
      text: { type: "plain_text", text: t(`slack:button.${name}`) },
      value: row.id,
    });
    const added = [
      ...(ASK_WORKER_FROM.includes(row.status as CaseStatus) ? [button("askWorker")] : []),
      // 更正案件信息 while the case is handled (the CLI corrects a closed one).
      ...((OPEN_STATUSES as readonly string[]).includes(row.status) ? [button("correct")] : []),
      // The ticket shows the phone masked; an entitled officer opens it for themself, on the record.
      ...(row.phone ? [button("phone")] : []),
    ];
    if (added.length === 0) return rendered;
    const blocks = rendered.blocks as Array<{ type?: string }>;
    const actions = blocks.find((block): block is ActionsBlock => block.type === "actions");
    // Slack allows 25 elements per actions block; there are at most seven.
    if (actions) actions.elements.push(...added);
    else blocks.push({ type: "actions", block_id: `arrears_actions_${row.id}`, elements: added } as ActionsBlock);
    return rendered;
  }
}
