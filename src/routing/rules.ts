// Routing rules as data (default-rules.yaml, replaceable by configuration): which departments handle an
// arrears case, at which level, when it is collective or major (挂牌督办), and where a complaint that is
// not arrears is referred (告知其反映渠道或救济途径). Types are derived from the schema.
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DIVISION_LEVELS, OWNERSHIPS, PROJECT_KINDS, SECTORS } from "../domain.js";
import { readConfigFile } from "./config-file.js";

export const DEPARTMENT_IDS = [
  "hrss_inspection", // 人社 劳动保障监察
  "housing", // 住建
  "transport", // 交通运输
  "water", // 水利
  "sasac", // 国资 (state-owned enterprises)
  "development_finance", // 发改/财政 (government-invested projects)
] as const;
export const departmentIdSchema = z.enum(DEPARTMENT_IDS);

const levelSchema = z.enum(DIVISION_LEVELS);
/** An i18n key of the "routing" namespace. */
const keySchema = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, "must be an i18n key such as reason.soe");

/** Conditions of a rule; every condition given must hold, a missing one always holds. */
const conditionSchema = z
  .object({
    sector: z.array(z.enum(SECTORS)).min(1).optional(),
    /** "unknown" stands for a construction project whose kind the worker did not say. */
    projectKind: z.array(z.enum([...PROJECT_KINDS, "unknown"])).min(1).optional(),
    ownership: z.array(z.enum(OWNERSHIPS)).min(1).optional(),
    minHeadcount: z.number().int().positive().optional(),
    minAmountYuan: z.number().positive().optional(),
    /** The worker spoke of extreme action (跳楼, 堵路) or of taking their own life: 防止极端事件. */
    extremeRisk: z.literal(true).optional(),
  })
  .strict();

const ruleSchema = z
  .object({
    id: z.string().min(1),
    when: conditionSchema,
    /** Departments added, in order, to those of the rules before. */
    departments: z.array(departmentIdSchema).default([]),
    /** The case is handled at least at this level. */
    level: levelSchema.optional(),
    collective: z.boolean().optional(),
    major: z.boolean().optional(),
    reason: keySchema,
  })
  .strict();

const referralSchema = z
  .object({
    key: keySchema,
    /** Departments the clue is transferred to (转交相关部门), if any. */
    departments: z.array(departmentIdSchema).default([]),
  })
  .strict();

const categoryReferralSchema = z
  .object({
    default: referralSchema,
    /** For project payments (工程款): the industry authority depends on the kind of project. */
    byProjectKind: z.partialRecord(z.enum([...PROJECT_KINDS, "unknown"]), referralSchema).optional(),
  })
  .strict();

/** One entry for every category that is not arrears. */
const referralsSchema = z
  .object({
    project_payment: categoryReferralSchema,
    labor_dispute: categoryReferralSchema,
    work_injury: categoryReferralSchema,
    social_insurance: categoryReferralSchema,
    not_labor: categoryReferralSchema,
  })
  .strict();

export const rulesFileSchema = z
  .object({
    version: z.literal(1),
    arrears: z
      .object({
        /** Departments of every arrears case before any rule: 人社 labour inspection. */
        departments: z.array(departmentIdSchema).min(1),
        level: levelSchema,
        reason: keySchema,
        rules: z.array(ruleSchema),
      })
      .strict(),
    referrals: referralsSchema,
  })
  .strict();

export type RulesFile = z.infer<typeof rulesFileSchema>;
export type RoutingRule = z.infer<typeof ruleSchema>;
export type RuleConditions = z.infer<typeof conditionSchema>;
export type Referral = z.infer<typeof referralSchema>;

export const DEFAULT_RULES_FILE = fileURLToPath(new URL("./default-rules.yaml", import.meta.url));

export function loadRules(file: string = DEFAULT_RULES_FILE): RulesFile {
  return readConfigFile(file, rulesFileSchema, "routing rules");
}
