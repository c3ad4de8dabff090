// How facts read back to a person: the summary before logging, and values in confirmations.
import type { TFunction } from "i18next";
import type { Category } from "../domain.js";
import type { Locale } from "../config.js";
import { FACT_NAMES, editableFacts, type FactName, type Facts } from "./facts.js";
import type { Draft } from "./session.js";
import { owesWages } from "./questions.js";
import type { Choice } from "./turn.js";

const yuanFormatters = new Map<Locale, { format: Intl.NumberFormat; recent: Map<number, string> }>();
/** Amounts formatted recently, per locale: a draft's amount is shown again at every summary. */
const RECENT_AMOUNTS_KEPT = 256;

/** "¥32,000" — Intl formatting costs microseconds a call, so recent amounts are remembered. */
export function formatYuan(amount: number, locale: Locale): string {
  let formatter = yuanFormatters.get(locale);
  if (!formatter) {
    formatter = { format: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), recent: new Map() };
    yuanFormatters.set(locale, formatter);
  }
  let text = formatter.recent.get(amount);
  if (text === undefined) {
    text = `¥${formatter.format.format(amount)}`;
    if (formatter.recent.size >= RECENT_AMOUNTS_KEPT) formatter.recent.clear();
    formatter.recent.set(amount, text);
  }
  return text;
}

export function formatHeadcount(headcount: { min: number; max: number }): string {
  return headcount.min === headcount.max ? String(headcount.min) : `${headcount.min}–${headcount.max}`;
}

/** The value of one fact as shown to the worker, or null when it is not known. */
export function factValue(t: TFunction, locale: Locale, facts: Facts, fact: FactName): string | null {
  switch (fact) {
    case "place":
      return facts.place?.name ? facts.place.name : null;
    case "project":
      return facts.project;
    case "employer":
      return facts.employer;
    case "amount":
      return facts.amountYuan === null ? null : formatYuan(facts.amountYuan, locale);
    case "headcount":
      return facts.headcount === null ? null : t("value.people", { n: formatHeadcount(facts.headcount), count: facts.headcount.max });
    case "sector":
      return facts.sector === null ? null : t(`sector.${facts.sector}`);
    case "projectKind":
      return facts.projectKind === null ? null : t(`projectKind.${facts.projectKind}`);
    case "ownership":
      return facts.ownership === null ? null : t(`ownership.${facts.ownership}`);
    case "phone":
      return facts.phone;
    case "since":
      return facts.since;
  }
}

/** Facts shown in the summary: those known, plus those the worker settled as unknown. */
export function summaryText(t: TFunction, locale: Locale, draft: Draft, placeLabel: string | null): string {
  const lines = [t("summary.title")];
  // Only the facts that matter for this kind of complaint: a consumer complaint has no "people owed".
  const shown = editableFacts(draft.category, draft.facts);
  for (const fact of FACT_NAMES) {
    if (!shown.includes(fact)) continue;
    let value = fact === "place" && placeLabel ? placeLabel : factValue(t, locale, draft.facts, fact);
    // The worker's own share, the group's total not known: said so beside the sum.
    if (fact === "amount" && value !== null && draft.amountScope === "own") value = t("value.ownShare", { amount: value });
    if (fact === "amount" && value !== null && draft.amountScope === "unsure") value = t("value.scopeUnsure", { amount: value });
    if (fact === "amount" && value !== null && draft.amountRange && draft.facts.amountYuan === draft.amountRange.low) {
      value = t("value.amountRange", { amount: value, high: formatYuan(draft.amountRange.high, locale) });
    }
    // Social insurance, an injury, a dispute: nobody "owes wages", so the labels say employer and people.
    const label =
      !owesWages(draft) && (fact === "employer" || fact === "headcount" || fact === "since") ? t(`factNotOwed.${fact}`) : factLabel(t, fact, draft);
    if (value !== null) lines.push(t("summary.line", { label, value }));
    else if (draft.settled.includes(fact)) lines.push(t("summary.line", { label, value: t("value.unknown") }));
  }
  if (draft.attachments.length > 0) lines.push(t("summary.evidence", { count: draft.attachments.length }));
  lines.push(t(`summary.category.${draft.category}`));
  lines.push(t("summary.question"));
  return lines.join("\n");
}

export function summaryChoices(t: TFunction, category: Category): Choice[] {
  const choices = [
    { id: "confirm", label: t("choice.confirm") },
    { id: "edit", label: t("choice.edit") },
    { id: "cancel", label: t("choice.cancel") },
  ];
  // The classifier may be wrong; the worker can say it is about unpaid wages (an officer checks).
  if (category !== "wage_arrears") choices.splice(2, 0, { id: "recat:wage_arrears", label: t("choice.itIsArrears") });
  return choices;
}

export function editChoices(t: TFunction, facts: readonly FactName[], draft: Draft): Choice[] {
  return facts.map((fact) => ({ id: `edit:${fact}`, label: factLabel(t, fact, draft) }));
}

/** A fact's name as the worker knows it: a rider's "project" is his platform and station (平台/站点). */
export function factLabel(t: TFunction, fact: FactName, draft: Draft): string {
  return fact === "project" && draft.facts.sector !== null ? t("fact.project", { context: draft.facts.sector }) : t(`fact.${fact}`);
}
