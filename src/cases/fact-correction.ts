// 更正案件信息: an officer puts a logged case's facts right once they are checked — the payroll shows
// ¥28,600, not the ¥30,000 the worker remembered; the company's registered name; the team had 14, not 4.
// The figures and names of the complaint, and what kind of work it is (行业, 工程类型, 投资方: the worker
// seldom knows a project is government-invested or an SOE's, and the bot may guess a river works wrong) —
// those route the case to its departments and fill the leader's report. The place moves a case by
// transfer (转办), and what the complaint is changes by referral or acceptance, each with its own
// consequences.
import type { TFunction } from "i18next";
import { z } from "zod";
import { AMOUNT_MAX_YUAN, HEADCOUNT_MAX, OWNERSHIPS, ownershipSchema, PROJECT_KINDS, projectKindSchema, SECTORS, sectorSchema } from "../domain.js";
import { translator } from "../i18n.js";
import { parseYuan } from "./resolution.js";

export const CORRECTABLE_FACTS = ["amountYuan", "headcount", "employer", "project", "sector", "projectKind", "ownership"] as const;
export type CorrectableFact = (typeof CORRECTABLE_FACTS)[number];

const name = z.string().trim().min(1).max(100);

/** What an officer may set; the same bounds as the intake's. */
export const factCorrectionSchema = z
  .object({
    amountYuan: z.number().positive().max(AMOUNT_MAX_YUAN).optional(),
    headcount: z.number().int().min(1).max(HEADCOUNT_MAX).optional(),
    employer: name.optional(),
    project: name.optional(),
    sector: sectorSchema.optional(),
    projectKind: projectKindSchema.optional(),
    ownership: ownershipSchema.optional(),
  })
  .strict();

/** The kinds of work an officer may correct, each with its codes and the key prefix of their labels. */
const KIND_FACTS = {
  sector: { codes: SECTORS, labels: "sector" },
  projectKind: { codes: PROJECT_KINDS, labels: "projectKind" },
  ownership: { codes: OWNERSHIPS, labels: "ownership" },
} as const;
type KindFact = keyof typeof KIND_FACTS;
const isKindFact = (fact: string): fact is KindFact => fact in KIND_FACTS;
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
  sector?: string | null;
  projectKind?: string | null;
  ownership?: string | null;
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
  for (const fact of ["sector", "projectKind", "ownership"] as const) {
    const value = correction[fact];
    if (value !== undefined && value !== row[fact]) changes.push({ fact, from: row[fact] ?? null, to: value });
  }
  return changes;
}

/** The changes in words, one per line unless told otherwise ("欠款金额：¥30,000 → ¥28,600"), for the worker and the desk. */
export function describeChanges(t: TFunction, changes: readonly unknown[], separator = "\n"): string {
  const value = (fact: CorrectableFact, raw: string | number | null): string => {
    if (raw === null) return t("correction.notGiven");
    if (fact === "amountYuan" && typeof raw === "number") return `¥${raw.toLocaleString("en-US")}`;
    if (fact === "headcount") return t("correction.people", { count: typeof raw === "number" ? raw : 2, people: raw });
    if (isKindFact(fact)) return t(`${KIND_FACTS[fact].labels}.${raw}`, { defaultValue: String(raw) });
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
  /** A code ("manufacturing") or a label as the bot shows it, in Chinese or English ("工厂", "国企"). */
  sector?: string | undefined;
  projectKind?: string | undefined;
  ownership?: string | undefined;
}

/** Which typed field is wrong, and the key of the message that says why (with its values). */
export type CorrectionError = { field: keyof TypedCorrection; messageKey: string; params?: Record<string, string> };

/** Words officers use that the labels do not hold ("制造业" is shown as 工厂). */
const KIND_ALIASES: Record<KindFact, Record<string, string>> = {
  sector: { 建筑: "construction", 建筑业: "construction", 工地: "construction", 工程建设: "construction", 制造业: "manufacturing", 加工制造: "manufacturing", 服务: "services", 平台: "platform", 新就业形态: "platform", 校外培训: "education", 培训机构: "education", 其他: "other" },
  projectKind: { 房建: "housing", 房屋建筑: "housing", 交通: "transport", 交通运输: "transport", 水利工程: "water", 其他: "other" },
  ownership: { 政府投资项目: "government", 政府: "government", 国有企业: "soe", 国企项目: "soe", 民营企业: "private", 民企: "private" },
};

/**
 * A kind as an officer types it: its code, a label the bot shows ("工厂", "水利", "政府投资"), one part
 * of a label that names several ("市政" of 房建、市政; "央企" of 国企、央企), or a common word for it.
 */
export function readKind(fact: KindFact, typed: string): string | null {
  const word = typed.trim().toLowerCase();
  const { codes, labels } = KIND_FACTS[fact];
  if ((codes as readonly string[]).includes(word)) return word;
  for (const locale of ["zh-CN", "en"] as const) {
    const t = translator(locale);
    for (const code of codes) {
      const label = t(`${labels}.${code}`).toLowerCase();
      const bare = label.replace(/\s*[（(].*$/, "").trim();
      const parts = bare.split(/[、,，/]\s*|\s+or\s+/).map((part) => part.trim());
      if ([label, bare, ...parts].includes(word)) return code;
    }
  }
  return KIND_ALIASES[fact][typed.trim()] ?? null;
}

/** "construction（建筑工地）、manufacturing（工厂）…": the values of a kind, for a refusal. */
export function kindChoices(t: TFunction, fact: KindFact): string {
  const { codes, labels } = KIND_FACTS[fact];
  return codes.map((code) => `${code}${t("punctuation.aside", { text: t(`${labels}.${code}`).replace(/\s*[（(].*$/, "") })}`).join(t("punctuation.enumeration"));
}

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
  for (const fact of ["sector", "projectKind", "ownership"] as const) {
    const value = typed[fact]?.trim() ?? "";
    if (value === "") continue;
    const code = readKind(fact, value);
    if (code === null) return { error: { field: fact, messageKey: `correction.bad.${fact}`, params: { value } } };
    (correction as Record<string, string>)[fact] = code;
  }
  if (Object.keys(correction).length === 0) return { error: { field: "amount", messageKey: "correction.nothingGiven" } };
  return { correction };
}

/** The facts as a correction form shows them (a range of workers is typed anew: blank). */
export function correctionFieldsOf(row: CorrectableRow): Required<Pick<TypedCorrection, "amount" | "headcount" | "employer" | "project">> {
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
