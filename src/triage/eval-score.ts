// Scoring rules of shared/eval/README.md: what counts as a right answer for each field.
import { z } from "zod";
import { CATEGORIES, OWNERSHIPS, PROJECT_KINDS, SECTORS } from "../domain.js";
import type { TriageLine } from "./triage.js";

const headcountSchema = z.union([z.number(), z.object({ min: z.number(), max: z.number() })]).nullable();
export const expectSchema = z.object({
  isArrears: z.boolean(),
  category: z.enum(CATEGORIES),
  project: z.string().nullable(),
  employer: z.string().nullable(),
  amountYuan: z.number().nullable(),
  headcount: headcountSchema,
  /** Optional: a file may leave the division to the gazetteer's own tests; then it is not scored. */
  division: z.object({ code: z.string(), name: z.string() }).nullable().optional(),
  sector: z.enum(SECTORS).nullable(),
  projectKind: z.enum(PROJECT_KINDS).nullable(),
  ownership: z.enum(OWNERSHIPS).nullable(),
  alt: z.record(z.string(), z.array(z.unknown())).optional(),
});
export type Expectation = z.infer<typeof expectSchema>;
export const labelledLineSchema = z.object({ id: z.string(), text: z.string(), expect: expectSchema });
export type LabelledLine = z.infer<typeof labelledLineSchema>;

export const SCORED_FIELDS = [
  "isArrears",
  "category",
  "project",
  "employer",
  "amountYuan",
  "headcount",
  "division",
  "sector",
  "projectKind",
  "ownership",
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]/gu;

/** Equal after removing spaces and punctuation, or one contains the other and is ≥ 60 % of its length. */
export function namesMatch(got: string | null, want: string | null): boolean {
  if (got === null || want === null) return got === want;
  const a = got.replace(PUNCTUATION_OR_SPACE, "").toLowerCase();
  const b = want.replace(PUNCTUATION_OR_SPACE, "").toLowerCase();
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length > 0 && longer.includes(shorter) && shorter.length >= 0.6 * longer.length;
}

export function amountsMatch(got: number | null, want: number | null): boolean {
  if (got === null || want === null) return got === want;
  return Math.abs(got - want) <= Math.abs(want) * 0.01;
}

export function headcountMatches(got: number | null, want: z.infer<typeof headcountSchema>): boolean {
  if (got === null || want === null) return got === want;
  if (typeof want === "number") return got === want;
  return got >= want.min && got <= want.max;
}

function matchOne(field: ScoredField, line: TriageLine, want: unknown): boolean {
  switch (field) {
    case "project":
    case "employer":
      return namesMatch(line[field], typeof want === "string" ? want : null);
    case "amountYuan":
      return amountsMatch(line.amountYuan, typeof want === "number" ? want : null);
    case "headcount":
      return headcountMatches(line.headcount, headcountSchema.catch(null).parse(want));
    case "division": {
      const code = z.object({ code: z.string() }).nullable().catch(null).parse(want);
      return (line.division?.code ?? null) === (code?.code ?? null);
    }
    default:
      return line[field] === (want ?? null);
  }
}

/** Whether the answer for one field is right, accepting the label's `alt` readings. */
export function fieldMatches(field: ScoredField, line: TriageLine, expect: Expectation): boolean {
  const accepted: unknown[] = [expect[field], ...(expect.alt?.[field] ?? [])];
  return accepted.some((want) => matchOne(field, line, want));
}
