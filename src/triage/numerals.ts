// Reads one number as workers write it: Arabic ("9,600", "3.5"), Chinese ("两万零八百", "十来万"),
// and the mixes chat produces ("3万5", "2w8", "17万6千", "1块2").

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 仨: 3, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  // The financial forms (大写) of IOUs and contracts: 叁万伍仟.
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, k: 1000, K: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, w: 10_000, W: 10_000, 亿: 100_000_000 };

/** Characters a number may be made of; callers build their token patterns from it. */
export const NUMERAL_CHARS = "0-9.,零〇一二两俩仨三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿";
// Sticky: matched in place at the current offset, without slicing the rest of the token per character.
const ARABIC = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;

export interface ParsedNumber {
  value: number;
  /** The text said "多/来/几/余" after it: the value is a lower bound. */
  approximate: boolean;
}

/**
 * Parses a token such as "二十三万六", "3万5", "3.5w", "9,600", "两千八百". Returns null for text that is
 * not a number. "一万二" is 12 000 (a trailing digit continues the unit below the last one), as spoken.
 */
export function parseNumeral(token: string): number | null {
  let total = 0; // completed 万/亿 groups
  let section = 0; // below 万
  let current: number | null = null;
  let lastUnit = 1;
  let afterZero = false;
  let sawAny = false;
  let previousWasChineseDigit = false;
  let trailingRange: number | null = null;
  let i = 0;
  while (i < token.length) {
    const code = token.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      // Both alternatives of ARABIC start with a digit, so it is tried only where one stands.
      ARABIC.lastIndex = i;
      const arabic = ARABIC.exec(token)?.[0] ?? "";
      if (current !== null) return null; // "3 5" style runs are not one number
      current = Number(arabic.includes(",") ? arabic.replace(/,/g, "") : arabic);
      i += arabic.length;
      previousWasChineseDigit = false;
      sawAny = true;
      continue;
    }
    const ch = token[i] as string;
    i += 1;
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      if (digit === 0) {
        afterZero = true;
        previousWasChineseDigit = false;
        continue;
      }
      // Two neighbouring digits before a unit are a spoken range, "two or three" (两三万, 七八千,
      // 三四十): its middle. Other consecutive digits ("二零二三") are a digit string, not an amount.
      const next = token[i];
      if (
        current !== null &&
        previousWasChineseDigit &&
        digit === current + 1 &&
        next !== undefined &&
        (SMALL_UNITS[next] !== undefined || BIG_UNITS[next] !== undefined)
      ) {
        current += 0.5;
        previousWasChineseDigit = false;
        continue;
      }
      // "两万七八": two neighbouring digits closing the number, a range of the unit below (27 500).
      trailingRange = current !== null && previousWasChineseDigit && current < 10 && digit === current + 1 ? current + 0.5 : null;
      if (current !== null) current = current * 10 + digit;
      else current = digit;
      previousWasChineseDigit = true;
      sawAny = true;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (current ?? (small === 10 ? 1 : 0)) * small;
      if (current === null && small !== 10) return null;
      current = null;
      previousWasChineseDigit = false;
      lastUnit = small;
      afterZero = false;
      sawAny = true;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      const group = section + (current ?? 0);
      total += (group === 0 ? 1 : group) * big;
      section = 0;
      current = null;
      previousWasChineseDigit = false;
      lastUnit = big;
      afterZero = false;
      sawAny = true;
      continue;
    }
    return null;
  }
  if (!sawAny) return null;
  if (current !== null && trailingRange !== null && previousWasChineseDigit && lastUnit >= 100) current = trailingRange;
  if (current !== null) {
    // "一万二" / "3万5" / "四万九千五": a bare trailing digit is one unit below the last unit.
    const implied = !afterZero && lastUnit >= 100 && current < 10 ? lastUnit / 10 : 1;
    section += current * implied;
  }
  return total + section;
}

// Two neighbouring digits, before a unit or closing the number: where parseNumeral reads a range.
const NEIGHBOUR_DIGITS = /([一二两三四五六七八])([二三四五六七八九])(?=[十拾百佰千仟万亿]|$)/;

/**
 * The two ends of a spoken range that parseNumeral reads as its middle ("两三万" → 20 000–30 000,
 * "二三十万" → 200 000–300 000, "两万七八" → 27 000–28 000): each digit of the pair read in its place.
 * Null when the token holds no such pair.
 */
export function spokenRange(token: string): { low: number; high: number } | null {
  const pair = NEIGHBOUR_DIGITS.exec(token);
  if (!pair?.[1] || !pair[2] || DIGITS[pair[2]] !== (DIGITS[pair[1]] ?? 0) + 1) return null;
  const withDigit = (digit: string) => parseNumeral(`${token.slice(0, pair.index)}${digit}${token.slice(pair.index + 2)}`);
  const low = withDigit(pair[1]);
  const high = withDigit(pair[2]);
  return low !== null && high !== null && low < high ? { low, high } : null;
}

