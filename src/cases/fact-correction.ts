// 更正案件信息: an officer puts a logged case's facts right once they are checked — the payroll shows
// ¥28,600, not the ¥30,000 the worker remembered; the company's registered name; the team had 14, not 4.
// Only the figures and names of the complaint: the place moves a case by transfer (转办), and what the
// complaint is changes by referral or acceptance, each with its own consequences.
import type { TFunction } from "i18next";
import { z } from "zod";
import { AMOUNT_MAX_YUAN, HEADCOUNT_MAX } from "../domain.js";
import { parseYuan } from "./resolution.js";

export const CORRECTABLE_FACTS = ["amountYuan", "headcount", "employer", "project"] as const;
export type CorrectableFact = (typeof CORRECTABLE_FACTS)[number];

const name = z.string().trim().min(1).max(100);

/** What an officer may set; the same bounds as the intake's. */
export const factCorrectionSchema = z
  .object({
    amountYuan: z.number().positive().max(AMOUNT_MAX_YUAN).optional(),
    headcount: z.number().int().min(1).max(HEADCOUNT_MAX).optional(),
    employer: name.optional(),
    project: name.optional(),
  })
  .strict();
export type FactCorrection = z.infer<typeof factCorrectionSchema>;

/** One fact changed, as the ledger keeps it (event facts_corrected, data.changes). */
export const factChangeSchema = z.object({
  fact: z.enum(CORRECTABLE_FACTS),
  from: z.union([z.string(), z.number(), z.null()]),
  to: z.union([z.string(), z.number()]),
});
export type FactChange = z.infer<typeof factChangeSchema>;

export interface CorrectableRow {
  amountYuan: number | null;
  headcountMin: number | null;
  headcountMax: number | null;
  employer: string | null;
  project: string | null;
}

/** The facts the correction really changes (a value given again as it stands is no change). */
export function changedFacts(row: CorrectableRow, correction: FactCorrection): FactChange[] {
  const changes: FactChange[] = [];
  if (correction.amountYuan !== undefined && correction.amountYuan !== row.amountYuan) {
    changes.push({ fact: "amountYuan", from: row.amountYuan, to: correction.amountYuan });
  }
  const headcount = correction.headcount;
  if (headcount !== undefined && !(row.headcountMin === headcount && row.headcountMax === headcount)) {
    const from =
      row.headcountMin === null ? null : row.headcountMin === row.headcountMax || row.headcountMax === null ? row.headcountMin : `${row.headcountMin}–${row.headcountMax}`;
    changes.push({ fact: "headcount", from, to: headcount });
  }
  for (const fact of ["employer", "project"] as const) {
    const value = correction[fact];
    if (value !== undefined && value !== (row[fact] ?? "").trim()) changes.push({ fact, from: row[fact], to: value });
  }
  return changes;
}

/** The changes in words, one per line unless told otherwise ("欠款金额：¥30,000 → ¥28,600"), for the worker and the desk. */
export function describeChanges(t: TFunction, changes: readonly unknown[], separator = "\n"): string {
  const value = (fact: CorrectableFact, raw: string | number | null): string => {
    if (raw === null) return t("correction.notGiven");
    if (fact === "amountYuan" && typeof raw === "number") return `¥${raw.toLocaleString("en-US")}`;
    if (fact === "headcount") return t("correction.people", { count: typeof raw === "number" ? raw : 2, people: raw });
    return String(raw);
  };
  return changes
    .flatMap((change) => {
      const parsed = factChangeSchema.safeParse(change);
      if (!parsed.success) return [];
      const { fact, from, to } = parsed.data;
      return [t("correction.line", { fact: t(`correction.fact.${fact}`), from: value(fact, from), to: value(fact, to) })];
    })
    .join(separator);
}

/** A correction as officers type it (CLI options, a modal's fields): blank means "leave as it is". */
export interface TypedCorrection {
  amount?: string | undefined;
  headcount?: string | undefined;
  employer?: string | undefined;
  project?: string | undefined;
}

/** Which typed field is wrong, and the key of the message that says why. */
export type CorrectionError = { field: keyof TypedCorrection; messageKey: string };

/**
 * Reads what an officer typed: amounts as officers write them ("2.86万", "28,600", "¥28600"), a
 * headcount with or without "人". An error names the field, for the modal to show beside it.
 */
export function readTypedCorrection(typed: TypedCorrection): { correction: FactCorrection } | { error: CorrectionError } {
  const correction: FactCorrection = {};
  const amount = typed.amount?.trim().replace(/^[¥￥]/, "") ?? "";
  if (amount !== "") {
    const yuan = parseYuan(amount);
    if (yuan === null || !(yuan > 0) || yuan > AMOUNT_MAX_YUAN) return { error: { field: "amount", messageKey: "correction.badAmount" } };
    correction.amountYuan = yuan;
  }
  const headcount = typed.headcount?.trim().replace(/\s*(?:个人|人|名)$/, "") ?? "";
  if (headcount !== "") {
    const workers = Number(headcount);
    if (!Number.isInteger(workers) || workers < 1 || workers > HEADCOUNT_MAX) return { error: { field: "headcount", messageKey: "correction.badHeadcount" } };
    correction.headcount = workers;
  }
  for (const fact of ["employer", "project"] as const) {
    const value = typed[fact]?.trim() ?? "";
    if (value === "") continue;
    if (value.length > 100) return { error: { field: fact, messageKey: "correction.tooLong" } };
    correction[fact] = value;
  }
  if (Object.keys(correction).length === 0) return { error: { field: "amount", messageKey: "correction.nothingGiven" } };
  return { correction };
}

/** The facts as a correction form shows them (a range of workers is typed anew: blank). */
export function correctionFieldsOf(row: CorrectableRow): Required<TypedCorrection> {
  return {
    amount: row.amountYuan !== null ? String(row.amountYuan) : "",
    headcount: row.headcountMin !== null && row.headcountMin === row.headcountMax ? String(row.headcountMin) : "",
    employer: row.employer ?? "",
    project: row.project ?? "",
  };
}

/** How many times larger or smaller a corrected figure may be before it is taken for a slip of a digit. */
const PLAUSIBLE_FACTOR = 5;

/**
 * The figure a correction changes by more than five times either way ("650000" typed for 6500), or
 * null. Such figures are confirmed on purpose (the CLI's --confirm-figures), never taken in passing.
 */
export function farFromClaim(row: CorrectableRow, correction: FactCorrection): "amountYuan" | "headcount" | null {
  const far = (before: number | null, after: number | undefined) =>
    before !== null && before > 0 && after !== undefined && (after > before * PLAUSIBLE_FACTOR || after * PLAUSIBLE_FACTOR < before);
  if (far(row.amountYuan, correction.amountYuan)) return "amountYuan";
  if (far(row.headcountMax, correction.headcount)) return "headcount";
  return null;
}
