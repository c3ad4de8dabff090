// How many workers are owed (涉及人数): decides collective handling and escalation, so a range the
// worker gives ("十几个人") is kept as a range rather than guessed.
import type { HeadcountReading } from "./reading.js";
import { parseNumeral } from "./numerals.js";
import { HEADCOUNT_MAX } from "../domain.js";

const CN_COUNT = "[\\d零〇一二两俩三四五六七八九十百千]+";
// Nouns that name the owed workers; "两个孩子" or "三层" must not count as people.
const WORKER_NOUN =
  "(?:个人|个?农民工|个?民工|个?工人|个?工友|个?兄弟|个?师傅|个?老师|个?阿姨|个?员工|个?骑手|个?木工|个?钢筋工|个?油工|个?瓦工|个?泥工|个?泥水工|个?电工|个?焊工|个?架子工|个?小工|个?大工|个?技工|个?普工|个?保安|个?保洁|个?服务员|个?厨师|个?司机|个?机手|个?工|名(?:农民工|民工|工人|员工)?|位(?:师傅|工人|老师)?|人|口人)";
const GROUP_COUNT = new RegExp(`(${CN_COUNT})(多|几|来|余)?${WORKER_NOUN}`, "g");
// "我们三个" / "我们班组十九个" with no noun after: the pronoun makes the number a headcount.
const PRONOUN_COUNT = new RegExp(`(?:我们|咱们|俺们|阿拉|我们班组|我们班)(?:这|一共|总共|共)?(${CN_COUNT})(多|几)?个(?![月天年人\\u4e00-\\u9fff])`, "g");
// "大工三个、小工四个": crews counted by trade.
const TRADE_COUNT = new RegExp(`(?:大工|小工|技工|普工|师傅|徒弟)(${CN_COUNT})个`, "g");
const PAIR = /我俩|我们俩|咱俩|我们两口子|我和我?(?:老公|老婆|媳妇|爱人|丈夫|妻子|男人|哥|弟|姐|妹|表哥|表弟|堂哥|堂弟|儿子|父亲|爸)/;
const FIRST_PERSON_SINGULAR = /我(?!们)|俺(?!们)|本人|\bI\b|\bI'm\b|\bmy\b|\bme\b/i;

const EN_NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
const EN_NUM = "(\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)";
const EN_OF_US = new RegExp(`\\b${EN_NUM}(\\+| or more)? of us\\b`, "gi");
const EN_WORKERS = new RegExp(`\\b${EN_NUM}(\\+| or more)? (?:workers|people|labou?rers|employees|migrant workers)\\b`, "gi");
const EN_TOGETHER = new RegExp(`\\btogether with ${EN_NUM} (?:co-?workers|others|workmates|colleagues)`, "gi");

function englishNumber(word: string): number | null {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
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

export function readHeadcount(text: string): HeadcountReading | null {
  const found: HeadcountReading[] = [];
  const add = (raw: string | undefined, fuzzy: string | undefined): void => {
    if (!raw) return;
    const value = parseNumeral(raw);
    if (value === null || !Number.isInteger(value)) return;
    const reading = rangeOf(value, fuzzy);
    if (plausible(reading)) found.push(reading);
  };
  for (const m of text.matchAll(GROUP_COUNT)) {
    // "每人" / "一个人就" speak of one person's share, not of the group.
    const before = text.slice(Math.max(0, (m.index ?? 0) - 1), m.index);
    if (before === "每") continue;
    add(m[1], m[2]);
  }
  for (const m of text.matchAll(PRONOUN_COUNT)) add(m[1], m[2]);
  let trades = 0;
  for (const m of text.matchAll(TRADE_COUNT)) trades += parseNumeral(m[1] ?? "") ?? 0;
  if (trades > 0) found.push({ min: trades, max: trades });
  for (const m of text.matchAll(EN_OF_US)) {
    const n = englishNumber(m[1] ?? "");
    if (n) found.push(m[2] ? { min: n, max: n + 9 } : { min: n, max: n });
  }
  for (const m of text.matchAll(EN_WORKERS)) {
    const n = englishNumber(m[1] ?? "");
    if (n) found.push({ min: n, max: n });
  }
  for (const m of text.matchAll(EN_TOGETHER)) {
    const n = englishNumber(m[1] ?? "");
    if (n) found.push({ min: n + 1, max: n + 1 }); // the writer plus the co-workers
  }
  if (found.length > 0) {
    // The largest group named is the one owed; smaller numbers are shares ("一个人三千五").
    return found.reduce((best, h) => (h.min > best.min ? h : best));
  }
  if (PAIR.test(text)) return { min: 2, max: 2 };
  if (FIRST_PERSON_SINGULAR.test(text)) return { min: 1, max: 1 };
  return null;
}
