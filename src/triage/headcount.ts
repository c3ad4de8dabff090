// How many workers are owed (涉及人数): decides collective handling and escalation, so a range the
// worker gives ("十几个人") is kept as a range rather than guessed.
import type { HeadcountReading } from "./reading.js";
import { parseNumeral } from "./numerals.js";
import { HEADCOUNT_MAX } from "../domain.js";
import { allMatches } from "./matches.js";

const CN_COUNT = "[\\d零〇一二两俩仨三四五六七八九十百千]+";
// Nouns that name the owed workers; "两个孩子" or "三层" must not count as people.
// A measure word, up to three characters of trade ("装修", "保洁"), then a word for a person
// ("两个月保洁" is a time, not two cleaners).
const WORKER_NOUN =
  "(?:(?:个|名|位)(?![月天年钟])[\\u4e00-\\u9fff]{0,3}?(?:人|工(?![地程厂资钱期作具头])|工友|兄弟|师傅|老师|阿姨|员工|骑手|快递员|配送员|外卖员|送餐员|保安|保洁|服务员|厨师|司机|机手|老乡|姐妹|妇女|大姐|学生|店员|小时工|主播|护工|保姆|同事)|名|人|号人|口人)";
const GROUP_COUNT = new RegExp(`(${CN_COUNT})(多|几|来|余)?${WORKER_NOUN}`, "g");
// "我们三个" / "我们班组十九个" with no noun after: the pronoun makes the number a headcount.
const PRONOUN_COUNT = new RegExp(`(?:我们|咱们|俺们|阿拉)(?:班组|班|队|组)?(?:这|一共|总共|共|有)?(${CN_COUNT})(多|几|来)?个(?=[人都在一被是干给跟的,，。\\s]|$)`, "g");
// "工人二十来个天天找我要钱", "工人有二十来个": the workers named first, then how many — no noun after.
const NOUN_THEN_COUNT = new RegExp(
  `(?:工人|工友|兄弟|员工|老师|师傅|农民工|骑手|同事|老乡)(?:们)?(?:有|一共|总共|共|大概|差不多|得有|起码|至少)*(${CN_COUNT})(多|几|来|余)?(?:个|名|位|号)(?!月|多月|半月|钟|小时|星期|礼拜|年头)`,
  "g",
);
// "二三十", "四五十", "两三百": two neighbouring digits before 十/百, a spoken range of tens or hundreds.
const TENS_RANGE = /^([一二两三四五六七八九])([二三四五六七八九])(十|百)$/;
// "七八个人", "十七八个": two neighbouring digits are a range.
const NEIGHBOUR_RANGE = /([一二三四五六七八九]?十)?([一二三四五六七八九])([二三四五六七八九])(?:个|名)/g;
// "几百号人", "好几十个工人": a rough size, kept as a range.
const VAGUE_COUNT = /(?:好)?几(十|百|千)(?:号|个|名)?(?:人|工人|员工|工友|兄弟)/g;
// "俺们仨", "我们俩": the count is its own measure word.
const PRONOUN_PAIR_TRIO = /(?:我们|咱们|俺们)(俩|仨)/;
// "我和我老乡两个": everyone named, the writer included.
const ME_AND_COUNT = new RegExp(`我(?:和|跟)[^，。,\\d]{1,6}?(${CN_COUNT})个(?:人)?`, "g");
// "还有另外两个骑手也被扣了", "还有一个同事也没发": others besides the writer ("也").
const OTHERS_ALSO = new RegExp(`还有(?:另外)?(${CN_COUNT})个[^，。,！!？?]{0,6}?(?:也|都)`, "g");
// "我和另外四个老师": the writer plus the others.
const WRITER_AND_OTHERS = new RegExp(`我(?:和|跟|加上)(?:另外|其他|别的)(${CN_COUNT})个`, "g");
// "我老公和他们村的七个人": one person, and so many others with them.
const ONE_AND_OTHERS = new RegExp(`(?:我|俺)(?:老公|老婆|媳妇|爱人|丈夫|爸|哥|弟|儿子)(?:和|跟)(?:他们|她们|我们)?[^，,。\\s]{0,4}?的(${CN_COUNT})个(?:人|老乡|工友)`, "g");
// "五个 连我", "连我在内八个人", "包括我一共六个": a count that includes the writer, who is no separate one.
const COUNT_WITH_ME = new RegExp(
  `(${CN_COUNT})(多|几|来)?个?(?:人)?[，,\\s]*(?:连|包括|算上|含)(?:我|俺)(?:在内|自己)?|(?:连|包括|算上|加上)(?:我|俺)(?:在内|自己)?[，,\\s]*(?:一共|总共|共)?(${CN_COUNT})(多|几|来)?(?:个|名|人)`,
  "g",
);
// "大工三个、小工四个": crews counted by trade.
const TRADE_COUNT = new RegExp(`(?:大工|小工|技工|普工|师傅|徒弟)(${CN_COUNT})个`, "g");
const PAIR = /我俩(?!月|个?月|天|年)|俺俩(?!月|个?月|天|年)|我们俩|俺们俩|咱俩|(?:我们|俺们|俺|我)?两口子|夫妻俩|夫妻两个|我和我?(?:老乡|工友|同事|朋友|老公|老婆|媳妇|爱人|丈夫|妻子|男人|哥|弟|姐|妹|表哥|表弟|堂哥|堂弟|儿子|父亲|爸)(?!们)/;
const FIRST_PERSON_PLURAL = /(?:我们|俺们|咱们)(?!老板|的老板|厂|公司|村|老家|那|这|工地|项目|单位|包工头|工头|老乡)|咱几个|我几个|工友们|兄弟们|大伙|\bwe\b|\bus\b/i;
// "欠我们钱 不给我", "欠我们的 欠我两万": wages owed to us — the writer's own "我" after it is one of them.
const OWED_TO_US = /(?:欠|拖欠|拖了|扣了|没给|没发|不给)(?:了)?(?:我们|俺们|咱们)/;
// "我带的工人有12个", "我手下的兄弟一共十几个": a team leader's count, told after the workers.
const TEAM_HAS = new RegExp(`(?:我带的|我手下的?|我领的|我们班组的?|我们队的?)[^，,。！!？?\\s]{0,4}?(?:工人|工友|兄弟|人)(?:有|一共|总共|共|一共有|总共有)(${CN_COUNT})(多|几|来)?个`, "g");
const WRITER_ALONE_OWED = /(?:欠|拖欠|拖了|扣了|没给|没发|不给)(?:了)?(?:我|俺)(?!们|和|跟|与)|\bowes? me\b(?! and)/i;
/** "我是包工头", "我带的工人": the writer leads a team and speaks for it ("我是包工头手下的" does not). */
export const WRITER_LEADS_A_TEAM =
  /我是[^。!?！？，,]{0,6}(?:包工头|班组长|带班的?|工头|劳务队长)(?!手下|带的|找的|招的|叫的|的(?:人|工人|兄弟))|我(?:带|领)的?[^。!?！？，,]{0,4}(?:工人|兄弟|班组|人)|我手下/;
const FIRST_PERSON_SINGULAR = /我(?!们)|俺(?!们)|本人|\bI\b|\bI'm\b|\bmy\b|\bme\b/i;

const EN_NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
const EN_NUM = "(\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)";
const EN_OF_US = new RegExp(`\\b${EN_NUM}(\\+| or more)? of us\\b`, "gi");
const EN_WORKERS = new RegExp(`\\b${EN_NUM}(\\+| or more)? (?:workers?|people|labou?rers|employees|migrant workers)\\b`, "gi");
// "we are 6 worker": the writer counts everyone.
const EN_WE_ARE = new RegExp(`\\bwe are ${EN_NUM}\\b`, "gi");
// "About 12 other teachers are owed too": others besides the writer, by their trade or as people.
const EN_OTHERS_TOO = new RegExp(
  `\\b${EN_NUM} (?:other|more) (?:co-?workers|workers|people|colleagues|workmates|teachers|drivers|riders|cleaners|cooks|waiters|guards|labou?rers|employees|staff)\\b(?=[^.!?]{0,30}\\b(?:too|also|as well|owed|unpaid|not paid)\\b)`,
  "gi",
);
const EN_TOGETHER = new RegExp(`\\btogether with ${EN_NUM} (?:co-?workers|others|workmates|colleagues)`, "gi");
// "owes me and 4 other workers": the writer plus the others.
const EN_ME_AND = new RegExp(
  `\\b(?:me|myself|I) and (?:my )?${EN_NUM} (?:other |more )?(?:co-?workers|workers|others|people|colleagues|workmates|guys|friends|mates|buddies|fellow workers)\\b`,
  "gi",
);

const ALL_DIGITS = /^\d+$/;

function englishNumber(word: string): number | null {
  const lower = word.toLowerCase();
  if (ALL_DIGITS.test(lower)) return Number(lower);
  return EN_NUMBER_WORDS[lower] ?? null;
}

/** "十几" → 10–19, "四十多" → 40–49, "三十" → 30. */
function rangeOf(value: number, fuzzy: string | undefined): HeadcountReading {
  if (!fuzzy) return { min: value, max: value };
  const step = value >= 100 ? 100 : value >= 10 ? 10 : 1;
  return { min: value, max: value + step - 1 };
}

function plausible(h: HeadcountReading): boolean {
  return h.min >= 1 && h.min <= HEADCOUNT_MAX;
}

/** "二三十" → 20–30, "两三百" → 200–300; null for any other count. */
export function tensRange(raw: string): HeadcountReading | null {
  const m = TENS_RANGE.exec(raw);
  if (!m) return null;
  const low = parseNumeral(m[1] ?? "");
  const high = parseNumeral(m[2] ?? "");
  if (low === null || high !== low + 1) return null;
  const unit = m[3] === "百" ? 100 : 10;
  return { min: low * unit, max: high * unit };
}

function addCount(found: HeadcountReading[], raw: string | undefined, fuzzy: string | undefined): void {
  if (!raw) return;
  // "二三十个人": a range, not the 25 between its ends.
  const spoken = tensRange(raw);
  if (spoken !== null) {
    if (plausible(spoken)) found.push(spoken);
    return;
  }
  const value = parseNumeral(raw);
  if (value === null || !Number.isInteger(value)) return;
  const reading = rangeOf(value, fuzzy);
  if (plausible(reading)) found.push(reading);
}

// Every Chinese pattern above needs a count character, every English one a Latin letter: a text
// without them ("宏达劳务有限公司" has neither) skips those scans altogether.
const HAS_COUNT = /[\d零〇一二两俩仨三四五六七八九十百千几]/;
const HAS_LATIN = /[a-z]/i;
// "一个人大概七千", "一人欠8000", "一人都是三千": what follows is one person's share.
const SHARE_AFTER = /^(?:都|还|也|各)?(?:被)?(?:欠了?|拖了?|是)?(?:大概|差不多|大约|就|是|有|能|要)?[\d一二两三四五六七八九十百千万]/;
// "七八", "十五六", "二十五六": ending in two digits, a spoken range (NEIGHBOUR_RANGE reads it).
const TWO_DIGITS = /^(?:[一二三四五六七八九]?十)?[一二三四五六七八九]{2}$/;

// A count that is a sum in thousands (or hundreds) with the "一" of "一个人" run into it.
const RATE_THEN_ONE = /[千万百][一二两三四五六七八九]?一$/;

function chineseCounts(text: string, found: HeadcountReading[]): void {
  for (const m of allMatches(GROUP_COUNT, text)) {
    // "每人" / "一个人就" speak of one person's share, not of the group; "七八个" is a range (below).
    if ((m.index > 0 && text[m.index - 1] === "每") || TWO_DIGITS.test(m[1] ?? "")) continue;
    // "七八千一个人", "五千一个人": a sum, then "一个人" — one person's share, not thousands of people.
    if (RATE_THEN_ONE.test(m[1] ?? "")) continue;
    // "一个人大概七千": one person's share, followed by its figure.
    if (m[1] === "一" && SHARE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    addCount(found, m[1], m[2]);
  }
  for (const m of allMatches(NOUN_THEN_COUNT, text)) {
    if (!TWO_DIGITS.test(m[1] ?? "")) addCount(found, m[1], m[2]);
  }
  for (const m of allMatches(TEAM_HAS, text)) {
    if (!TWO_DIGITS.test(m[1] ?? "")) addCount(found, m[1], m[2]);
  }
  for (const m of allMatches(PRONOUN_COUNT, text)) {
    if (!TWO_DIGITS.test(m[1] ?? "")) addCount(found, m[1], m[2]);
  }
  for (const m of allMatches(NEIGHBOUR_RANGE, text)) {
    const low = parseNumeral(m[2] ?? "");
    const high = parseNumeral(m[3] ?? "");
    if (low === null || high !== low + 1) continue;
    const tens = m[1] ? (parseNumeral(m[1]) ?? 0) : 0;
    found.push({ min: tens + low, max: tens + high });
  }
  for (const m of allMatches(OTHERS_ALSO, text)) {
    const others = parseNumeral(m[1] ?? "");
    if (others !== null && others >= 1) found.push({ min: others + 1, max: others + 1 });
  }
  for (const m of allMatches(ONE_AND_OTHERS, text)) {
    const others = parseNumeral(m[1] ?? "");
    if (others !== null && Number.isInteger(others)) found.push({ min: others + 1, max: others + 1 });
  }
  for (const m of allMatches(WRITER_AND_OTHERS, text)) {
    const others = parseNumeral(m[1] ?? "");
    if (others !== null) found.push({ min: others + 1, max: others + 1 });
  }
  for (const m of allMatches(VAGUE_COUNT, text)) {
    const unit = m[1] === "十" ? 10 : m[1] === "百" ? 100 : 1000;
    found.push({ min: unit * 2, max: unit * 10 - 1 });
  }
  const pairOrTrio = PRONOUN_PAIR_TRIO.exec(text)?.[1];
  if (pairOrTrio) found.push(pairOrTrio === "仨" ? { min: 3, max: 3 } : { min: 2, max: 2 });
  for (const m of allMatches(ME_AND_COUNT, text)) {
    if (/另外|其他|别的/.test(m[0])) continue;
    const count = parseNumeral(m[1] ?? "");
    if (count !== null && count >= 2) found.push({ min: count, max: count });
  }
  for (const m of allMatches(COUNT_WITH_ME, text)) {
    const raw = m[1] ?? m[3];
    if (!TWO_DIGITS.test(raw ?? "")) addCount(found, raw, m[2] ?? m[4]);
  }
  let trades = 0;
  for (const m of allMatches(TRADE_COUNT, text)) trades += parseNumeral(m[1] ?? "") ?? 0;
  if (trades > 0) found.push({ min: trades, max: trades });
}

function englishCounts(text: string, found: HeadcountReading[]): void {
  for (const m of allMatches(EN_OF_US, text)) {
    const n = englishNumber(m[1] ?? "");
    if (n) found.push(m[2] ? { min: n, max: n + 9 } : { min: n, max: n });
  }
  for (const m of allMatches(EN_WORKERS, text)) {
    const n = englishNumber(m[1] ?? "");
    if (n) found.push({ min: n, max: n });
  }
  for (const m of allMatches(EN_WE_ARE, text)) {
    const n = englishNumber(m[1] ?? "");
    if (n) found.push({ min: n, max: n });
  }
  for (const m of allMatches(EN_ME_AND, text)) {
    const n = englishNumber(m[1] ?? "");
    if (n) found.push({ min: n + 1, max: n + 1 });
  }
  for (const m of allMatches(EN_OTHERS_TOO, text)) {
    const n = englishNumber(m[1] ?? "");
    if (n) found.push({ min: n + 1, max: n + 1 }); // the others and the writer
  }
  for (const m of allMatches(EN_TOGETHER, text)) {
    const n = englishNumber(m[1] ?? "");
    if (n) found.push({ min: n + 1, max: n + 1 }); // the writer plus the co-workers
  }
}

export function readHeadcount(text: string): HeadcountReading | null {
  const found: HeadcountReading[] = [];
  if (HAS_COUNT.test(text)) chineseCounts(text, found);
  if (HAS_LATIN.test(text)) englishCounts(text, found);
  if (found.length > 0) {
    // The largest group named is the one owed; smaller numbers are shares ("一个人三千五").
    return found.reduce((best, h) => (h.min > best.min ? h : best));
  }
  if (PAIR.test(text)) return { min: 2, max: 2 };
  // "欠我们工资三万", "我们班组": more than the writer, how many not said — asked, never taken for one.
  // "我们老板欠我两万": the writer alone is owed; "我们" only says whose boss.
  if (FIRST_PERSON_PLURAL.test(text) && (OWED_TO_US.test(text) || !WRITER_ALONE_OWED.test(text))) return null;
  // "我是包工头 开发商欠我…": a team leader's "我" speaks for the team — how many is asked.
  if (WRITER_LEADS_A_TEAM.test(text)) return null;
  if (FIRST_PERSON_SINGULAR.test(text)) return { min: 1, max: 1 };
  return null;
}
