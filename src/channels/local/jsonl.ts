// Machine mode of the local channel: one JSON object per input line, exactly one line out per line
// in. Several users may interleave; each is a separate conversation.
import { createInterface } from "node:readline";
import { z } from "zod";
import type { DialogEngine } from "../../dialogs/engine.js";

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

export async function handleJsonlLine(engine: DialogEngine, line: string): Promise<JsonlReply> {
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
  return { to: inbound.from, replies: result.replies, expecting: result.expecting, caseId: result.caseId };
}

export async function runJsonl(
  engine: DialogEngine,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    let reply: JsonlReply;
    try {
      reply = await handleJsonlLine(engine, line);
    } catch (error) {
      // One broken turn must not end the stream for the other users.
      reply = { to: null, replies: [], expecting: null, caseId: null, error: error instanceof Error ? error.message : "internal error" };
    }
    output.write(`${JSON.stringify(reply)}\n`);
  }
}
