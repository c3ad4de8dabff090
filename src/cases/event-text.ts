// A ledger event in words for officers (the CLI's case show, Slack's /case): its name, with the new status
// for a status change, and its note as a person reads it ("移送公安", "追回 ¥236,000，12 人") rather than
// the codes the reports read ("record:police", "recovered:236000;workersPaid:12").
import type { TFunction } from "i18next";
import { maskPhonesIn } from "./case-view.js";
import { describeChanges } from "./fact-correction.js";

/**
 * An event's name as officers read it: a status change names its new status. Officers have their own
 * wording (cli.event.*), in the third person: the worker's (event.*) speaks to the worker ("您说没有收到
 * 工资") and must not be borrowed for the desk.
 */
export function eventLabel(t: TFunction, type: string, data: unknown): string {
  const fields = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const status = typeof fields.to === "string" ? t(`deskStatus.${fields.to}`, { defaultValue: fields.to }) : "";
  const label = t(`cli.event.${type}`, { defaultValue: t("cli.event.other"), status }).trim();
  // Why a case left its group: "group_left_referred".
  return typeof fields.because === "string" ? t(`cli.event.${type}_${fields.because}`, { defaultValue: label }) : label;
}

/** The note of a status change, or the words of a worker's message, as an officer reads them (phones masked). */
export function eventNote(t: TFunction, data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const fields = data as Record<string, unknown>;
  const parts: string[] = [];
  const note = typeof fields.note === "string" ? fields.note : "";
  const record = /^record:(\w+)\s*(.*)$/.exec(note);
  // Resolved with a handling recorded at once (`set-status resolved --record mediation --recovered 0`):
  // "record:mediation recovered:0;workersPaid:0;…", the figures after the handling.
  const resolution = /^recovered:([\d.]+);workersPaid:(\d+);?(.*)$/.exec(record ? (record[2] ?? "") : note);
  const category = /^category:(\w+)\s*(.*)$/.exec(note);
  if (record) parts.push(t(`slack:record.${record[1]}`, { defaultValue: record[1] }));
  if (resolution) {
    parts.push(t("cli.resolution", { amount: Number(resolution[1]).toLocaleString("en-US"), workers: Number(resolution[2]) }), resolution[3] ?? "");
  } else if (record) parts.push(record[2] ?? "");
  else if (category) parts.push(t(`category.${category[1]}`, { defaultValue: category[1] }), category[2] ?? "");
  // The markers the code writes ("answer", "question") say nothing an officer needs; the worker's "not paid"
  // that reopened a case is said in words.
  else if (note === "follow_up_unpaid") parts.push(t("cli.event.follow_up_unpaid"));
  else if (note !== "" && note !== "answer" && note !== "question") parts.push(note);
  // 更正案件信息: each fact's old and new value.
  if (Array.isArray(fields.changes)) parts.push(describeChanges(t, fields.changes, "；"));
  for (const name of ["reason", "question", "text"]) {
    if (typeof fields[name] === "string" && fields[name]) parts.push(String(fields[name]));
  }
  return maskPhonesIn(parts.filter((part) => part.trim() !== "").join(" · "));
}
