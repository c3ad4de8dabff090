// Grounding: a value the model returns is kept only when the message supports it. Names and phrases
// must appear in the normalised message; numbers must appear in it as a numeral (Chinese numerals and
// chat forms normalised with parseNumeral), or be the product of two numerals that both appear
// (per person × people, monthly wage × months). Enums are kept only when valid. The model's place is
// re-resolved by the gazetteer from its words; a division code is never taken from the model.
import { AMOUNT_MAX_YUAN, HEADCOUNT_MAX, OWNERSHIPS, PROJECT_KINDS, SECTORS } from "../../domain.js";
import type { PlaceResolution } from "../../routing/gazetteer.js";
import { normalize } from "../normalize.js";
import { parseNumeral } from "../numerals.js";
import type { HeadcountReading } from "../reading.js";
import type { ModelReading } from "./schema.js";

/** What grounding needs of the gazetteer; `resolveAnswer` (short place answers) is used when present. */
export interface PlaceLookup {
  resolve(text: string): PlaceResolution;
  resolveAnswer?(text: string): PlaceResolution;
}

export interface NumeralMention {
  value: number;
  /** Written with 多/来/几/余: a lower bound. */
  approximate: boolean;
}

/** A model reading after grounding: the same fields, the place resolved by the gazetteer. */
export interface GroundedReading {
  project: string | null;
  employer: string | null;
  amountYuan: number | null;
  headcount: HeadcountReading | null;
  place: PlaceResolution;
  sector: ModelReading["sector"];
  projectKind: ModelReading["projectKind"];
  ownership: ModelReading["ownership"];
  phone: string | null;
  since: string | null;
}

export interface GroundingResult {
  reading: GroundedReading;
  /** Fields the model filled that the message does not support, dropped. */
  dropped: (keyof ModelReading)[];
}

const TOKEN =
  /(?:\d|[零〇一二两俩三四五六七八九十])(?:[\d零〇一二两俩三四五六七八九十拾百佰千仟万亿wWkK]|\.(?=\d)|,(?=\d{3}(?!\d)))*[多来几余]?/g;
const APPROX_TAIL = /[多来几余]$/;
const CHINESE_DIGIT_TAIL = /[一二两俩三四五六七八九]$/;

/** Every number the message writes, read every way a reader could take it. */
export function numeralsIn(text: string): NumeralMention[] {
  const found = new Map<number, boolean>();
  const add = (token: string, approximate: boolean) => {
    const value = parseNumeral(token.replace(/[.,]+$/, ""));
    if (value === null || !Number.isFinite(value)) return;
    found.set(value, (found.get(value) ?? false) || approximate);
  };
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const approximate = APPROX_TAIL.test(token);
    const bare = approximate ? token.slice(0, -1) : token;
    add(bare, approximate);
    // "两万零八百一分没拿到": the digit may begin the next word ("一分").
    if (CHINESE_DIGIT_TAIL.test(bare) && bare.length > 1) add(bare.slice(0, -1), false);
  }
  return [...found].map(([value, approximate]) => ({ value, approximate }));
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.5, Math.abs(b) * 1e-9);

/** Written in the message, or per-person × people / monthly × months with both factors written. */
export function amountGrounded(amount: number, numerals: readonly NumeralMention[]): boolean {
  if (!Number.isFinite(amount) || amount <= 0 || amount > AMOUNT_MAX_YUAN) return false;
  if (numerals.some((n) => close(n.value, amount))) return true;
  for (const a of numerals) {
    // The smaller factor is a count (people, months, days); 1 adds nothing a plain match does not.
    if (a.value < 2 || a.value > 1000 || !Number.isInteger(a.value)) continue;
    for (const b of numerals) {
      if (b !== a && b.value > 0 && close(a.value * b.value, amount)) return true;
    }
  }
  return false;
}

export function headcountGrounded(headcount: HeadcountReading, numerals: readonly NumeralMention[]): HeadcountReading | null {
  const { min, max } = headcount;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || max > HEADCOUNT_MAX) return null;
  const minMention = numerals.find((n) => n.value === min);
  if (!minMention) return null;
  if (max === min || numerals.some((n) => n.value === max)) return { min, max };
  // "二十多个人" → {20, 29}: an upper bound the text implies but does not write, kept only for 多/来/几.
  if (minMention.approximate && max < min * 2) return { min, max };
  return { min, max: min };
}

// Words that are not a name: the model saying "the boss" is not a name the message gives.
const GENERIC = new Set([
  "老板", "包工头", "工头", "班组长", "班长", "公司", "工地", "项目", "工程", "甲方", "乙方", "老乡", "厂", "工厂", "厂里",
  "小区", "我", "我们", "他", "他们", "那个", "不知道", "未知", "无", "没有", "null", "none", "unknown", "n/a", "boss",
  "company", "employer", "contractor",
]);
const QUOTES = /[“”"'‘’《》「」『』()（）\s]/g;

function compact(text: string): string {
  return normalize(text).replace(QUOTES, "").toLowerCase();
}

/** The name as it appears in the message, or null when it does not appear (or is no name). */
export function nameGrounded(value: string | null, compactText: string): string | null {
  if (value === null) return null;
  const name = normalize(value).replace(/^["“《「]+|["”》」]+$/g, "").trim();
  const key = compact(name);
  if (key.length < 2 || GENERIC.has(key) || /^[\d.,]+$/.test(key)) return null;
  return compactText.includes(key) ? name : null;
}

export function phoneGrounded(value: string | null, text: string): string | null {
  if (value === null) return null;
  const digits = value.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return null;
  return text.replace(/[\s-]/g, "").includes(digits) ? digits : null;
}

function placeFromModel(place: string | null, compactText: string, gazetteer: PlaceLookup | undefined): PlaceResolution {
  const words = nameGrounded(place, compactText);
  if (!words || !gazetteer) return { status: "none" };
  const resolved = gazetteer.resolve(words);
  if (resolved.status !== "none" || !gazetteer.resolveAnswer) return resolved;
  return gazetteer.resolveAnswer(words);
}

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

/** `text` is the message as the rules read it (prepareText: normalised, instructions removed). */
export function groundReading(model: ModelReading, text: string, gazetteer?: PlaceLookup): GroundingResult {
  const compactText = compact(text);
  const numerals = numeralsIn(text);
  const dropped: (keyof ModelReading)[] = [];
  const keep = <T>(field: keyof ModelReading, given: unknown, grounded: T | null): T | null => {
    if (given !== null && grounded === null) dropped.push(field);
    return grounded;
  };
  const place = placeFromModel(model.place, compactText, gazetteer);
  if (model.place !== null && place.status === "none") dropped.push("place");
  const reading: GroundedReading = {
    project: keep("project", model.project, nameGrounded(model.project, compactText)),
    employer: keep("employer", model.employer, nameGrounded(model.employer, compactText)),
    amountYuan: keep(
      "amountYuan",
      model.amountYuan,
      model.amountYuan !== null && amountGrounded(model.amountYuan, numerals) ? model.amountYuan : null,
    ),
    headcount: keep("headcount", model.headcount, model.headcount ? headcountGrounded(model.headcount, numerals) : null),
    place,
    sector: keep("sector", model.sector, isOneOf(SECTORS, model.sector) ? model.sector : null),
    projectKind: keep("projectKind", model.projectKind, isOneOf(PROJECT_KINDS, model.projectKind) ? model.projectKind : null),
    ownership: keep("ownership", model.ownership, isOneOf(OWNERSHIPS, model.ownership) ? model.ownership : null),
    phone: keep("phone", model.phone, phoneGrounded(model.phone, text)),
    since: keep("since", model.since, nameGrounded(model.since, compactText)),
  };
  return { reading, dropped };
}
