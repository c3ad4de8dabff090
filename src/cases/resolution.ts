// How an arrears case was resolved (办结), as the ledger keeps it in the resolution's note and the
// campaign report reads it: "recovered:236000;workersPaid:12", optionally followed by the officer's
// words. Officers write amounts as they speak ("23.6万", "236,000"); the ledger keeps yuan.
import type { TFunction } from "i18next";
import { findAmountMentions } from "../triage/amounts.js";

/** 记录处理方式: what was done on the way (立案, 协调, 仲裁, 移送公安, 垫付); the note "record:<kind>". */
// The campaign table's columns 10–12 and 14 (责令改正, 行政处理决定, 行政处罚决定, 公安机关立案) are
// counted from these records; the first three follow a case opened (立案) and count as one for column 4.
export const RECORD_KINDS = ["case_opened", "order", "decision", "penalty", "mediation", "arbitration", "police", "police_case", "advance"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * The other words officers use for the same handling (domain.md, "Handling and closing"): 调解 and 和解
 * are the everyday words for 协调, 速裁 is arbitration's fast track, 责令改正 and the decisions follow a
 * case opened (立案), 移送 is to the police, 工资保证金/应急周转金 are what an advance is paid from. The
 * desk's own names (slack:record.*) and the codes are read besides these.
 */
export const RECORD_ALIASES: Readonly<Record<RecordKind, readonly string[]>> = {
  case_opened: ["立案查处", "立案调查", "open a case", "opened", "enforcement", "enforcement case"],
  order: ["责令改正", "责令改正通知书", "责令限期改正", "责令支付", "order to correct", "rectification order"],
  decision: ["行政处理", "行政处理决定", "行政处理决定书", "处理决定", "administrative decision"],
  penalty: ["行政处罚", "行政处罚决定", "行政处罚决定书", "处罚", "罚款", "administrative penalty", "fine"],
  mediation: ["调解", "和解", "协调处理", "调解协议", "和解协议", "mediate", "mediated", "coordination", "settlement"],
  arbitration: ["速裁", "劳动仲裁", "仲裁速裁", "fast-track arbitration", "arbitrated"],
  police: ["移送", "移送公安机关", "公安", "报警", "police referral", "referral to police", "referred to police"],
  police_case: ["公安立案", "公安机关立案", "刑事立案", "拒不支付劳动报酬罪立案", "拒不支付劳动报酬罪", "police opened a case", "criminal case"],
  advance: ["垫付工资", "工资保证金", "应急周转金", "保证金垫付", "应急周转金垫付", "工资保证金垫付", "advance payment", "advanced"],
};

/** The other word shown beside the desk's name when --record is refused ("mediation（协调/调解）"). */
export const RECORD_SHOWN_ALIAS: Partial<Record<RecordKind, { "zh-CN": string; en: string }>> = {
  mediation: { "zh-CN": "调解", en: "mediate" },
  arbitration: { "zh-CN": "速裁", en: "fast-track arbitration" },
};

/** A handling named in other words than the desk's ("调解", "速裁", "mediate"); null when none of them. */
export function recordKindFromAlias(value: string): RecordKind | null {
  const typed = value.trim().toLowerCase();
  return RECORD_KINDS.find((kind) => RECORD_ALIASES[kind].some((alias) => alias.toLowerCase() === typed)) ?? null;
}

export interface Resolution {
  recovered: number;
  workersPaid: number;
}

/** Yuan from an officer's "23.6万", "236,000", "两万三" or "0"; null when it is not one amount. */
export function parseYuan(text: string): number | null {
  const trimmed = text.trim();
  // Plain figures ("2360000", "236,000.50元") are taken as written, however large: the caller bounds them.
  const plain = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:元)?$/.exec(trimmed);
  if (plain) return Number(`${(plain[1] ?? "").replace(/,/g, "")}${plain[2] ?? ""}`);
  const values = new Set(findAmountMentions(trimmed.replace(/(\d)\s+(万|千|元)/g, "$1$2")).map((m) => m.value));
  return values.size === 1 ? ([...values][0] as number) : null;
}

const PAID_IN_FULL = /付清|结清|全部(?:支付|付了|发了|到位)|足额|全额|paid in full|fully paid/i;
/**
 * "老板答应下月付清", "还没付清", "说年前结清": money promised or not yet paid. A note that says so is no
 * record of money recovered: the officer gives the figure (`--recovered`) instead.
 */
const PROMISED_OR_NOT_YET =
  /(?:没|未|尚未|还没|没有|不|答应|承诺|保证|说|会|将|准备|打算|同意|下(?:个)?月|年前|年底|月底|明天|过几天|近期|尽快)[^，。,;；!！]{0,6}(?:付|给|发|结|支付|到位)|promis|will pay|not (?:yet )?paid|unpaid/i;

/**
 * The figures an officer wrote in words ("刘建国已支付10万元，5人已领到"), where they are unambiguous;
 * "老板已付清" is the sum owed (`owed`), when it is known.
 */
export function readResolution(note: string, owed: number | null = null): Partial<Resolution> {
  const figures: Partial<Resolution> = {};
  const tagged = /recovered:\s*([\d.]+)/.exec(note);
  const inWords = PROMISED_OR_NOT_YET.test(note) ? null : (parseYuan(note) ?? (PAID_IN_FULL.test(note) ? owed : null));
  const recovered = tagged ? Number(tagged[1]) : inWords;
  if (recovered !== null && Number.isFinite(recovered)) figures.recovered = recovered;
  const workers = /workersPaid:\s*(\d+)/.exec(note) ?? /(\d+)\s*(?:个人|人|名工人|名)/.exec(note);
  if (workers) figures.workersPaid = Number(workers[1]);
  return figures;
}

/** The officer's own words in a note, without the figures the report reads. */
export function officerWords(note: string | undefined): string {
  return (note ?? "").replace(/recovered:\s*[\d.]+;?|workersPaid:\s*\d+;?/g, "").trim();
}

/** The resolution's note as the report reads it, the officer's own words after the figures. */
export function resolutionNote(resolution: Resolution, words?: string): string {
  const figures = `recovered:${resolution.recovered};workersPaid:${resolution.workersPaid}`;
  const rest = officerWords(words);
  return rest ? `${figures};${rest}` : figures;
}

/** What the worker hears of the money: the sum recovered, or plainly that there was none. */
export function moneyNews(t: TFunction, recovered: number, owed: number | null = null): string {
  if (recovered <= 0) return t("slack:worker.resolvedNoMoney");
  // Part of the money only (案结事了 in name only): the worker hears what is still owed, and where to claim it.
  const rest = stillOwed({ amountYuan: owed }, recovered);
  if (rest !== null) return t("slack:worker.resolvedPartly", { amount: recovered.toLocaleString("en-US"), rest: rest.toLocaleString("en-US") });
  return t("slack:worker.resolved", { amount: recovered.toLocaleString("en-US") });
}

/** What is still owed after a resolution that recovered less than the complaint's sum; null when nothing is. */
export function stillOwed(claim: { amountYuan: number | null }, recovered: number): number | null {
  return claim.amountYuan !== null && recovered > 0 && recovered < claim.amountYuan ? claim.amountYuan - recovered : null;
}

/**
 * Figures beyond the complaint's (a digit too many goes into the statistics reported upward): a sum more
 * than twice the complaint's, or more workers paid than the complaint counts at most (nobody is paid who
 * was not owed); which of them, when the complaint's own are known.
 */
export function beyondClaim(
  claim: { amountYuan: number | null; headcountMax: number | null },
  resolution: Resolution,
): { amount: boolean; workers: boolean } {
  return {
    amount: claim.amountYuan !== null && claim.amountYuan > 0 && resolution.recovered > 2 * claim.amountYuan,
    workers: claim.headcountMax !== null && claim.headcountMax > 0 && resolution.workersPaid > claim.headcountMax,
  };
}

/**
 * The sum a resolution's note records ("recovered:236000;workersPaid:12", also after "record:police "),
 * or null when it records none (a case closed before figures were kept, or by a test's bare status).
 */
/** "paidWith:<case id>": the worker was paid with another complaint of the group (随同案组结清). */
export function paidWithIn(note: string): string | null {
  return /(?:^|[\s;])paidWith:([0-9A-Z]{9})/.exec(note)?.[1] ?? null;
}

export function recoveredIn(note: string): number | null {
  const tagged = /(?:^|[\s;])recovered:\s*(\d+(?:\.\d+)?)/.exec(note);
  return tagged ? Number(tagged[1]) : null;
}

/**
 * What the case's latest resolution (办结) recovered, as its status change recorded it: 0 when it was
 * closed with nothing recovered, null when it was never resolved or its figures are not known.
 */
export function lastRecovered(events: readonly { type: string; data: unknown }[]): number | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as { type: string; data: unknown };
    const data = (event.data ?? {}) as { to?: unknown; note?: unknown };
    // Paid with the group: the money was recovered (on the other complaint), not "nothing".
    if (event.type === "status_changed" && data.to === "resolved") return typeof data.note === "string" && paidWithIn(data.note) === null ? recoveredIn(data.note) : null;
  }
  return null;
}

/** The handling last recorded among a case's events (记录处理方式), if any: "police", "mediation"… */
export function lastRecordKind(events: readonly { type: string; data: unknown }[]): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as { type: string; data: unknown };
    const note = (event.data as { note?: unknown } | null)?.note;
    if (event.type === "status_changed" && typeof note === "string" && note.startsWith("record:")) return note.slice("record:".length).split(/\s/)[0] ?? null;
  }
  return null;
}

