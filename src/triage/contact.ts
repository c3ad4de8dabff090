// A phone number to call the worker or the employer back, and when the arrears began (as written).

import { SURNAMES } from "./person-names.js";

// A mainland mobile, with or without +86 ("+86 138 1234 5678" from a shared contact card), grouped
// 3-4-4 or 4-3-4, with spaces, hyphens or dots ("1381 234 5678", "138.1234.5678"); or a landline.
const MOBILE = /(?<![\d.])(?:\+?86[ -]?)?(1[3-9]\d(?:\s?[-.—－]?\s?\d{4}){2}|1[3-9]\d{2}\s?[-.—－]?\s?\d{3}\s?[-.—－]?\s?\d{4})(?![\d.]?\d)/g;
// "0373-5551234", "(0373)5551234", "0373 555 1234".
const LANDLINE = /(?<!\d)([(（]?0\d{2,3}[)）]?\s?[-—－]?\s?(?:\d{7,8}|\d{3,4}[ -]\d{4}))(?!\d)/g;

const DIGIT = /\d/;

// Whose number follows: "老板电话", "刘建国的手机是", "我老婆电话", "boss's number:" name someone else;
// "包工头刘建国（139…）", "刘建国13999998888" too — but not a sum ("欠我一万八 电话…": 万 is a surname too). "我的电话", "我电话", "联系电话" and no label at all are
// the writer's own.
// "我叫王小明电话138…": the writer's name, then the writer's number.
// "我叫王小明 电话…", "我是王小明 电话…": the writer names themself, then their number.
const OWN_LABEL = /(?:(?:我|俺|本人|自己)的?|(?:我|俺)(?:叫|是)\p{Script=Han}{2,4}[，,\s]*(?:的)?)(?:电话|手机|号码|手机号|联系方式)(?:号码?)?(?:是|为|：|:|\s)*$/u;
const OTHER_PARTY =
  "老板娘|老板|包工头|工头|班组长|班长|项目经理|经理|项目部|公司|厂里|厂长|主管|会计|财务|劳务|中介|老乡|工友|同事|老婆|媳妇|老公|爱人|家里人|爸爸|妈妈|父亲|母亲|爸|妈|哥|弟|姐|妹|儿子|女儿|朋友|亲戚|他们|他|她";
const SOMEONE_ELSES_LABEL = new RegExp(
  `(?:(?:${OTHER_PARTY}|[\\p{Script=Han}]{1,4}的)(?:电话|手机|号码|手机号|微信|联系方式)(?:号码?)?|(?<![一二两三四五六七八九十百千万\\d])[${SURNAMES}](?:(?![一二两三四五六七八九十百千万块元])\\p{Script=Han}){1,2}\\s*(?:的)?(?:电话|手机|号码|手机号)?)(?:是|为|：|:|\\s)*$|\\p{Script=Han}{2,4}\\s*[（(]\\s*$|(?:boss|employer|foreman|manager|contractor|his|her|their)(?:'s)? (?:phone|number|mobile)(?: number)?(?: is)?[:\\s]*$`,
  "iu",
);
/** Words that say whose number it is when it is someone else's ("老板电话", "他的手机"), for stripping. */
export const OTHER_PARTY_NUMBER_WORDS = new RegExp(`(?:${OTHER_PARTY}|[\\p{Script=Han}]{1,4}的)(?:电话|手机|号码|手机号|微信|联系方式)(?:号码?)?`, "gu");

// "老板13712345678欠我工资": a number right after the boss, or the subject of 欠, is the boss's.
const OTHER_PARTY_JUST_BEFORE = new RegExp(`(?:${OTHER_PARTY})\\s*$`, "u");
const OWES_AFTER = /^\s*(?:欠|拖欠|拖了|不给|没给)/;

// "我妈电话… 你们打她的", "打我老婆电话吧 138…": a number of the worker's family, given as the one to
// call (a worker without a phone, a son writing for his mother), is how to reach the worker. Given
// without saying so, it stays someone else's number, for the officer to read in the story.
const OWN_FAMILY = "(?:我|俺)(?:家)?的?(?:老婆|媳妇|老公|爱人|对象|家里人|爸爸|妈妈|父亲|母亲|爸|妈|哥哥|哥|姐姐|姐|弟弟|弟|妹妹|妹|儿子|女儿|闺女)的?(?:电话|手机|号码|手机号)(?:号码?)?";
const OWN_FAMILY_LABEL = new RegExp(`${OWN_FAMILY}(?:是|为|：|:|\\s)*$`, "u");
const CALL_FAMILY_BEFORE = new RegExp(`(?:打|联系|找)${OWN_FAMILY}吧?(?:是|为|：|:|\\s)*$`, "u");
const CALL_THIS_AFTER = /^[\s，,。]*(?:你们|请|就)?(?:打|联系|找)(?:她|他|这个|这)/u;

/** Whether the words around a number say it is someone else's ("老板电话", "刘建国的手机是", "老板138…欠我"). */
function labelledAsSomeoneElses(before: string, after = ""): boolean {
  if (OWN_LABEL.test(before)) return false;
  if (CALL_FAMILY_BEFORE.test(before) || (OWN_FAMILY_LABEL.test(before) && CALL_THIS_AFTER.test(after))) return false;
  return SOMEONE_ELSES_LABEL.test(before) || OTHER_PARTY_JUST_BEFORE.test(before) || OWES_AFTER.test(after);
}

const SPOKEN_DIGITS: Readonly<Record<string, string>> = { 零: "0", 〇: "0", 一: "1", 幺: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };
/** A mobile said aloud and typed by voice input in Chinese digits ("一三八一二三四五六七八", 幺 for 一). */
export const SPOKEN_MOBILE = /(?<![零〇一二三四五六七八九幺两])[一幺][三四五六七八九](?:[\s，,]?[零〇一二三四五六七八九幺两]){9}(?![零〇一二三四五六七八九幺两])/g;

/** "一三八一二三四五六七八" (voice input) written in digits, other text as it was. */
function withSpokenMobiles(text: string): string {
  return text.replace(SPOKEN_MOBILE, (run) => [...run.replace(/[\s，,]/g, "")].map((c) => SPOKEN_DIGITS[c] ?? c).join(""));
}

/** Every phone number in the text, as digits, whoever's it is. */
export function allPhones(text: string): string[] {
  if (!DIGIT.test(text)) return [];
  return [MOBILE, LANDLINE].flatMap((pattern) => [...text.matchAll(pattern)].map((found) => (found[1] ?? "").replace(/\D/g, ""))).filter(Boolean);
}

/**
 * The writer's own phone number: the first one in the text not labelled as someone else's — the
 * boss's number in a story is for the officer to read there, not the number to call the worker on.
 */
export function readPhone(written: string): string | null {
  const text = SPOKEN_START.test(written) ? withSpokenMobiles(written) : written;
  // Both patterns need digits; most answers and many messages have none.
  if (!DIGIT.test(text)) return null;
  for (const pattern of [MOBILE, LANDLINE]) {
    for (const found of text.matchAll(pattern)) {
      const before = text.slice(Math.max(0, found.index - 16), found.index);
      const after = text.slice(found.index + found[0].length, found.index + found[0].length + 10);
      if (found[1] && !labelledAsSomeoneElses(before, after)) return found[1].replace(/\D/g, "");
    }
  }
  return null;
}
const SPOKEN_START = /[一幺][三四五六七八九]/;

// "从去年8月", "2023年4月开始", "去年十月到今年四月", "since last August".
const SINCE =
  /从((?:\d{4}年|去年|前年|今年|上个?月|年初|年前|过完年)?(?:腊月|正月|冬月|春节后?|过年后?|年后|(?:\d{1,2}|[一二三四五六七八九十]{1,2})?月?份?)(?:初|底|中旬)?)(?:开始|起|到|干到|干|就)|((?:\d{4}年|去年|前年|今年)(?:\d{1,2}|[一二三四五六七八九十]{1,2})?月?份?)(?:开始|起|以来)|((?:\d{4}年|去年|前年|今年)(?:腊月|正月|冬月|(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)份?)(?:到|至|干到|一直|就|[-～~])|\bsince (\d{4}|(?:last |this )?(?:january|february|march|april|may|june|july|august|september|october|november|december)(?: \d{4})?)|((?:已经)?(?:欠|拖)了?(?:快|近|将近|差不多)?[一二两三四五六七八九十半\d]+个?多?(?:月|年)多?|(?:已经|快|近|将近|差不多)[一二两三四五六七八九十半\d]+个?多?(?:月|年)多?了)/i;

export function readSince(text: string): string | null {
  const m = SINCE.exec(text);
  // A date the arrears began, else how long they have lasted ("欠了三个月", "快一年了"), in the worker's words.
  const value = m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4] ?? m?.[5] ?? null;
  return value && value.length > 0 ? value : null;
}
