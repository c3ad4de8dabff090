// Corrections in plain words at any point of the dialog: "金额不对，是3万2", "公司名写错了，是宏达劳务",
// "the amount is wrong, it's 32000". Returns which fact and the text that carries the new value.
import type { FactName } from "./facts.js";

const FACT_WORDS: ReadonlyArray<[FactName, RegExp]> = [
  ["amount", /(金额|钱数|数目|欠款|欠的钱|工钱|工资数|多少钱|总数|^钱|amount|sum)/i],
  ["headcount", /(人数|几个人|多少人|人头|headcount|number of (people|workers))/i],
  ["employer", /(公司名?|老板|包工头|单位|用工方|劳务|employer|company|boss)/i],
  ["project", /(项目名?|工地|工程|project|site)/i],
  ["place", /(地点|地方|地址|位置|区县|哪个区|place|location|address)/i],
  ["phone", /(电话|手机|号码|联系方式|phone|number)/i],
  ["sector", /(行业|sector|industry)/i],
  ["since", /(时间|什么时候|开始欠|since|date)/i],
];

const CORRECTION_CUE =
  /(不对|错了|写错|打错|搞错|弄错|有误|更正|纠正|改成|改为|改一下|应该是|其实是|不是.{0,12}是|is wrong|wrong|should be|change|correct(ion)?)/i;

/** Where the new value starts: after the last "是/为/改成/:" of the sentence. */
const VALUE_START = /(?:应该是|其实是|改成|改为|换成|是|为|[:：]|should be|it'?s|it is|to|is)\s*/gi;

const STORY = /欠|拖|没发|没给|不给|不发|工资|工钱/;

export interface Correction {
  fact: FactName;
  valueText: string | null;
}

/**
 * The fact a bare corrected value is about, when the worker named none ("不对，是3个人", "错了，一万二"):
 * people, a phone number or money by their form; anything else is left to the caller (a place?).
 */
export function factOfValue(valueText: string): FactName | null {
  const value = valueText.normalize("NFKC").replace(/\s/g, "");
  if (/^(\+?86)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(value)) return "phone";
  if (/^(就|只有|一共|总共|共)?([\d一二三四五六七八九十两仨俩几多来]+)(个人|个|人|名|位)(吧|啊|呀)?$|^\d+\s*(people|persons|workers)$/i.test(valueText.trim())) {
    return "headcount";
  }
  if (/^(一共|总共|共|大概|差不多)?[\d一二三四五六七八九十百千万两点.,，kKwW]+(块钱|块|元|万|千|w|k|yuan|rmb)?(左右|吧)?$/i.test(value) && /[\d一二三四五六七八九十两]/.test(value)) {
    return "amount";
  }
  return null;
}

export interface CorrectionCue {
  /** The fact named ("金额不对"), else the one the value's form tells, else null. */
  fact: FactName | null;
  valueText: string | null;
}

/** A correction in plain words, whether or not it names the fact. Null when it is not one. */
export function detectCorrectionCue(text: string): CorrectionCue | null {
  const cue = CORRECTION_CUE.exec(text);
  if (!cue) return null;
  const found = FACT_WORDS.find(([, words]) => words.test(text));
  let lastEnd = -1;
  for (const match of text.matchAll(VALUE_START)) lastEnd = (match.index ?? 0) + match[0].length;
  // "人数不对，4个人": no "是" — the value is what follows the cue.
  if (lastEnd < cue.index + cue[0].length) lastEnd = Math.max(lastEnd, cue.index + cue[0].length);
  const raw = text.slice(lastEnd).replace(/^[，,。\s]+|[。！!.\s]+$/g, "").trim();
  const valueText = raw.length > 0 && !CORRECTION_CUE.test(raw) ? raw : null;
  const fact = found?.[0] ?? (valueText ? factOfValue(valueText) : null);
  // "不对，是公司欠了我两个月工资": the story again, not a new name for the company.
  if ((fact === "employer" || fact === "project") && valueText && STORY.test(valueText)) return null;
  return { fact, valueText };
}

export function detectCorrection(text: string): Correction | null {
  const cue = detectCorrectionCue(text);
  return cue?.fact ? { fact: cue.fact, valueText: cue.valueText } : null;
}
