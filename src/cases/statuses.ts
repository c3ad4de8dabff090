// Case statuses of the ledger, from logging to closing (案结事了).
import { z } from "zod";

export const CASE_STATUSES = [
  "logged", // 已登记，待受理
  "referred", // not arrears: told where to go (告知反映渠道)
  "accepted", // 已受理: a named officer is responsible
  "handling", // 处理中: mediation, case opened, arbitration, police, advance…
  "awaiting_worker", // 需补充: waiting for the worker's answer
  "transferred", // 已转办 to another desk
  "resolved", // 已办结: money reached the workers
  "reopened", // 重新办理
] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** Statuses in which the bureau still owes the worker something. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  "logged",
  "accepted",
  "handling",
  "awaiting_worker",
  "transferred",
  "reopened",
];
