// A phone number to call the worker or the employer back, and when the arrears began (as written).

const MOBILE = /(?<!\d)(1[3-9]\d(?:[ -]?\d{4}){2})(?!\d)/;
const LANDLINE = /(?<!\d)(0\d{2,3}[- ]?\d{7,8})(?!\d)/;

const DIGIT = /\d/;

export function readPhone(text: string): string | null {
  // Both patterns need digits; most answers and many messages have none.
  if (!DIGIT.test(text)) return null;
  const found = MOBILE.exec(text) ?? LANDLINE.exec(text);
  return found?.[1] ? found[1].replace(/[ -]/g, "") : null;
}

// "从去年8月", "2023年4月开始", "去年十月到今年四月", "since last August".
const SINCE =
  /从((?:\d{4}年|去年|前年|今年|上个?月|年初|年前|过完年)?(?:腊月|正月|冬月|春节后?|过年后?|年后|(?:\d{1,2}|[一二三四五六七八九十]{1,2})?月?份?)(?:初|底|中旬)?)(?:开始|起|到|干到|干|就)|((?:\d{4}年|去年|前年|今年)(?:\d{1,2}|[一二三四五六七八九十]{1,2})?月?份?)(?:开始|起|以来)|\bsince ((?:last |this )?[A-Z][a-z]+(?: \d{4})?|\d{4})/;

export function readSince(text: string): string | null {
  const m = SINCE.exec(text);
  const value = m?.[1] ?? m?.[2] ?? m?.[3] ?? null;
  return value && value.length > 0 ? value : null;
}
