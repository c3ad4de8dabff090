// Corrections in plain words at any point of the dialog: "金额不对，是3万2", "公司名写错了，是宏达劳务",
// "the amount is wrong, it's 32000". Returns which fact and the text that carries the new value.
import type { FactName } from "./facts.js";

const FACT_WORDS: ReadonlyArray<[FactName, RegExp]> = [
  ["amount", /(金额|钱数|数目|欠款|欠的钱|工钱|工资数|多少钱|总数|amount|sum)/i],
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

export interface Correction {
  fact: FactName;
  valueText: string | null;
}

export function detectCorrection(text: string): Correction | null {
  if (!CORRECTION_CUE.test(text)) return null;
  const found = FACT_WORDS.find(([, words]) => words.test(text));
  if (!found) return null;
  const [fact] = found;
  let lastEnd = -1;
  for (const match of text.matchAll(VALUE_START)) lastEnd = (match.index ?? 0) + match[0].length;
  const valueText = lastEnd >= 0 ? text.slice(lastEnd).replace(/^[，,。\s]+|[。！!.\s]+$/g, "").trim() : "";
  return { fact, valueText: valueText.length > 0 && !CORRECTION_CUE.test(valueText) ? valueText : null };
}
