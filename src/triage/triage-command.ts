// `arrears triage`: JSON lines {"id","text"} in, one triage record per line out. A bad line gets an
// error record and the stream goes on: every message is answered (件件有着落).
import { createInterface } from "node:readline";
import type { TFunction } from "i18next";
import { z } from "zod";
import { toTriageLine, triage, type TriageDeps } from "./triage.js";

const inputLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).nullable().optional(),
  text: z.string().min(1),
});

export interface TriageCommandDeps extends TriageDeps {
  /** Renders reasons; zh-CN for officers. */
  t: TFunction;
}

export interface ErrorLine {
  id: string | null;
  error: string;
}

function parseLine(line: string): { id: string | null; text: string } | ErrorLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { id: null, error: "invalid JSON" };
  }
  const parsed = inputLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { id: null, error: `invalid input: ${issue ? `${issue.path.join(".") || "line"} ${issue.message}` : "unknown"}` };
  }
  return { id: parsed.data.id ?? null, text: parsed.data.text };
}

export async function runTriage(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, deps: TriageCommandDeps): Promise<{ ok: number; failed: number }> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let ok = 0;
  let failed = 0;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const parsed = parseLine(line);
    if ("error" in parsed) {
      failed += 1;
      output.write(`${JSON.stringify(parsed)}\n`);
      continue;
    }
    try {
      output.write(`${JSON.stringify(toTriageLine(parsed.id, triage(parsed.text, deps), deps.t))}\n`);
      ok += 1;
    } catch (error: unknown) {
      failed += 1;
      output.write(`${JSON.stringify({ id: parsed.id, error: error instanceof Error ? error.message : String(error) })}\n`);
    }
  }
  return { ok, failed };
}
