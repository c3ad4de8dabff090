// Machine mode of the local channel: one JSON object per input line, exactly one line out per line
// in. Several users may interleave; each is a separate conversation.
import { createInterface } from "node:readline";
import { z } from "zod";
import type { App } from "../../app.js";
import { OutboxDispatcher } from "../../cases/notifications.js";
import { userKeyOf, type DialogEngine, type Reply } from "../../dialogs/engine.js";

export const LOCAL_CHANNEL = "local";

const inboundSchema = z.union([
  z.object({ from: z.string().min(1).max(200), text: z.string() }),
  z.object({ from: z.string().min(1).max(200), choice: z.string().min(1).max(200) }),
]);

export interface JsonlReply {
  to: string | null;
  replies: { text: string; choices?: { id: string; label: string }[] }[];
  expecting: string | null;
  caseId: string | null;
  error?: string;
}

/**
 * Messages waiting for a user (an officer's action taken meanwhile, a follow-up): given to them at the
 * front of the replies to their next line, as the terminal shows them with 🔔.
 */
export type PendingNotices = (userId: string) => Promise<Reply[]>;

/** Pending notices from the durable outbox of the local channel, marked delivered as they are read. */
export function outboxNotices(app: Pick<App, "outbox" | "clock">): PendingNotices {
  return async (userId) => {
    const notices: Reply[] = [];
    const dispatcher = new OutboxDispatcher(
      app.outbox,
      LOCAL_CHANNEL,
      async (_row, text, choices) => {
        notices.push(choices && choices.length > 0 ? { text: `🔔 ${text}`, choices } : { text: `🔔 ${text}` });
      },
      () => app.clock.now(),
      () => {},
      userKeyOf(LOCAL_CHANNEL, userId),
    );
    await dispatcher.drainOnce();
    return notices;
  };
}

export async function handleJsonlLine(engine: DialogEngine, line: string, notices?: PendingNotices): Promise<JsonlReply> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { to: null, replies: [], expecting: null, caseId: null, error: "not valid JSON" };
  }
  const parsed = inboundSchema.safeParse(value);
  if (!parsed.success) {
    return {
      to: null,
      replies: [],
      expecting: null,
      caseId: null,
      error: 'expected {"from": "<user id>", "text": "..."} or {"from": "...", "choice": "<choice id>"}',
    };
  }
  const inbound = parsed.data;
  const result = await engine.handleTurn({
    channel: LOCAL_CHANNEL,
    userId: inbound.from,
    message: "text" in inbound ? { kind: "text", text: inbound.text } : { kind: "choice", id: inbound.choice },
  });
  // Read (and marked delivered) after the turn: the line was written before the user saw them, so it
  // answers none of them (an officer's question is answered by the next line).
  const waiting = notices ? await notices(inbound.from) : [];
  return { to: inbound.from, replies: [...waiting, ...result.replies], expecting: result.expecting, caseId: result.caseId };
}

export async function runJsonl(
  engine: DialogEngine,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  notices?: PendingNotices,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    let reply: JsonlReply;
    try {
      reply = await handleJsonlLine(engine, line, notices);
    } catch (error) {
      // One broken turn must not end the stream for the other users.
      reply = { to: null, replies: [], expecting: null, caseId: null, error: error instanceof Error ? error.message : "internal error" };
    }
    output.write(`${JSON.stringify(reply)}\n`);
  }
}
