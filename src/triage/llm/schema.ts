// The one schema of what the model is asked for. Every field is required and nullable (OpenAI strict
// structured output rejects optional fields); the same schema is sent as `json_schema`, described in
// the prompt for `json_object` servers, and checked on our side in both modes.
import { z } from "zod";
import { OWNERSHIPS, PROJECT_KINDS, SECTORS } from "../../domain.js";

export const modelReadingSchema = z.object({
  project: z.string().nullable().describe("工程/项目名称 as written, e.g. 碧桂园凤凰城三期; null if not named"),
  employer: z.string().nullable().describe("who owes the wages (company, contractor, boss) as written; null if not named"),
  amountYuan: z.number().nullable().describe("total wages owed, in yuan, as a plain number; null if not stated"),
  headcount: z
    .object({ min: z.number(), max: z.number() })
    .nullable()
    .describe("number of workers owed; min = max for an exact number; null if not stated"),
  place: z.string().nullable().describe("where the work was, place names as written, e.g. 新乡市红旗区; null if none"),
  sector: z.enum(SECTORS).nullable(),
  projectKind: z.enum(PROJECT_KINDS).nullable().describe("construction only: housing, transport, water or other"),
  ownership: z.enum(OWNERSHIPS).nullable().describe("construction only: who invested (government, soe, ppp, private)"),
  phone: z.string().nullable().describe("the worker's phone number if written"),
  since: z.string().nullable().describe("when the arrears began, as written, e.g. 去年8月"),
});
export type ModelReading = z.infer<typeof modelReadingSchema>;

export const MODEL_READING_FIELDS = Object.keys(modelReadingSchema.shape) as (keyof ModelReading)[];

export function emptyModelReading(): ModelReading {
  return {
    project: null,
    employer: null,
    amountYuan: null,
    headcount: null,
    place: null,
    sector: null,
    projectKind: null,
    ownership: null,
    phone: null,
    since: null,
  };
}

export class MalformedModelOutput extends Error {}

/**
 * Our side of the validation (json_object mode, where the server enforces nothing): the answer must be a
 * JSON object; each field is checked on its own, so one bad field (an invented enum value, a string
 * where a number belongs, a missing key) costs that field only.
 */
export function parseModelContent(content: string | null | undefined): ModelReading {
  if (!content) throw new MalformedModelOutput("empty answer");
  let data: unknown;
  try {
    data = JSON.parse(stripCodeFence(content));
  } catch {
    throw new MalformedModelOutput("not JSON");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new MalformedModelOutput("not a JSON object");
  return parseModelObject(data as Record<string, unknown>);
}

export function parseModelObject(data: Record<string, unknown>): ModelReading {
  const out = emptyModelReading();
  const shape = modelReadingSchema.shape;
  for (const field of MODEL_READING_FIELDS) {
    const parsed = shape[field].safeParse(data[field] ?? null);
    if (parsed.success) (out as Record<string, unknown>)[field] = parsed.data;
  }
  return out;
}

// Some models wrap JSON in ```json … ``` even in JSON mode.
function stripCodeFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
  return fenced ? (fenced[1] ?? "") : content;
}
