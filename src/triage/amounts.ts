// The sum owed (欠薪金额), in yuan. A message names many numbers — rates, shares, sums already paid,
// dates, phone numbers — and the total owed is the one the officer records, so every number is read
// together with the words of its clause before one is chosen.
import { AMOUNT_MAX_YUAN } from "../domain.js";
import { clauseAt, clauseSpans, type Span } from "./clauses.js";
import type { HeadcountReading } from "./reading.js";
import { allMatches } from "./matches.js";
import { parseNumeral } from "./numerals.js";

const TOKEN =
  /(?<![\d.几好])(?:万把|千把|(?:\d|[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾])(?:[\d零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟wWkK多来几余]|\.(?=\d)|,(?=\d{3}(?!\d)))*)/g;
// "两万零八百一分没拿到", "3300一直": the digit that starts the next word is not part of the number.
const SWALLOWED_DIGIT = /[一二两三四五六七八九]$/;
const NEXT_WORD_AFTER_DIGIT = /^[分个天月年共直起家次些下样点半周辈律概]/;
const APPROX = /[多来几余]/g;
const HAS_APPROX = /[多来几余]/;
const HAN = /\p{Script=Han}/u;
// A sentence in English, not a bare figure typed as an answer ("200000", "-500").
const ENGLISH_WORDS = /[A-Za-z]{3,}(?:\s+[A-Za-z']+){2,}/;
const YEAR = /^(?:19|20)\d\d$/;
const UNIT_CHAR = /[万千百wWkK]/;
const LONG_DIGIT_RUN = /^\d{7,}$/;
const JUNK_CHARS = ".,来几";
const TRAILING_JUNK = /[.,来几]+$/;

// What follows a number that makes it something other than money.
const PLACE_NAMED_BY_NUMBER = /^(?:区|县|路|街|巷|镇|乡|大道|广场|小学|中学)/;
const NOT_MONEY_AFTER =
  /^\s*(?:个|多个|半个|月|年|天|日|号|点|时|小时|分钟|分|周|星期|岁|层|楼|栋|幢|期|件|趟|次|台|辆|套|间|亩|平|米|公里|km|%|名|位|人|家|遍|班|队|组|局|倍|成|折|级|开头|结尾|届|页|张|条|斤|吨|方(?!元)|:|of\b|co-|workers?\b|people\b|days?\b|months?\b|years?\b|hours?\b|weeks?\b|floors?\b|percent|%|st\b|nd\b|rd\b|th\b|am\b|pm\b)/i;
const MORE_OF_A_UNIT = /[万千百wWkK]多$/;
const NOT_MONEY_BEFORE = /(?:第|星期|周|礼拜|电话|手机|号码|身份证|尾号|编号|No\.|#|Phase|phase|Section|section|Line|line|No|Bus|bus|[Rr]oom|[Uu]nit|[Bb]uilding|[Ff]loor|[Aa]pt\.?|[Rr]oad|[Ss]treet)\s*$/;
// "押金五百也不退": a deposit held back is no wages owed (the officer reads it in the worker's words).
const DEPOSIT_BEFORE = /(?:押金|保证金|风险金|服装费|工服钱)(?:也|还|都)?(?:有|是|交了|扣了)?\s*$/;
const CURRENCY_AFTER = /^\s*(?:元|块|圆|rmb|yuan|人民币)/i;
const CURRENCY_BEFORE = /(?:¥|￥|RMB|rmb|CNY)\s*$/;

interface Marker {
  role: Role;
  pattern: RegExp;
}
type Role = "total" | "remainder" | "addon" | "paid" | "rate" | "perHead" | "personal" | "owed" | "spent";

// Markers searched in the clause before the number; the nearest one decides between competing roles.
const BEFORE_MARKERS: readonly Marker[] = [
  { role: "total", pattern: /一共|总共|合计|共计|总计|总额|总的|总数|加起来|算下来|累计|全部|共|in total|total of|altogether/gi },
  { role: "remainder", pattern: /还差|还欠|剩下的?|剩余的?|尚欠|仍欠|下欠|还剩|still owe/gi },
  { role: "addon", pattern: /还有|另外|外加|加上/g },
  { role: "paid", pattern: /(?<![没未不])(?:只给了?|给了|发了|付了|拿到了?|结了|支付了?|到账|已付|只发了?|预支了?|借支了?|只拿了|生活费|路费|(?<!not |n't |never )paid (?:me|us))/gi },
  {
    role: "rate",
    pattern: /每天|一天|日薪|日结|每日|每月|一个月|月薪|(?<![个半])月工资|每个月|(?<!个月的[^，,。\s]{0,4})底薪|基本工资|每件|一件|每趟|一趟|每单|一单|每小时|时薪|一小时|一个小时|每个小时|一公斤|每公斤|一斤|每斤|一亩|每亩|一吨|每吨|一车|每车|基数|年薪|(?<!个月的?|天的?)工资(?:从|是|才|只有)|(?<![欠扣拖压])我的?工资|实际工资|补贴|每平|每方|a day|per day|a month|per month|each month|every month|each day|every day|monthly|daily/gi,
  },
  { role: "perHead", pattern: /每人|每个人|(?<![\d一二两三四五六七八九十])一个人|(?<![\d一二两三四五六七八九十我俺])一人(?!一)|人均|每位|每名|每个工人|each of us|per person|each (?:about|around|roughly|approximately|nearly|over|more than) |each/gi },
  { role: "personal", pattern: /我一个人|我的是|我的|我自己|我个人|我本人|光我|I am owed|I'm owed|I was owed/gi },
  { role: "owed", pattern: /欠|拖|差(?!不多|点)|押|扣|没给|没发|不给|少给|应该给|应付|owes?\b|owed|unpaid|hasn'?t paid|haven'?t paid|didn'?t pay|did not pay|not paid/gi },
  { role: "spent", pattern: /交了|花了|被骗了?|骗了|借给|借了|充了|转了|转账/g },
];
const OWED_AFTER = /^[^，。,;；!?！？]{0,8}?(?:没给|没发|没付|没结|不给|不发|不结|拖着|扣着|压着|一分没|还没|没拿到|不退|没到|没有给|欠着)/;
// "三千五一个月", "300/天": the rate word after the number.
const RATE_AFTER = /^\s*(?:元|块钱?|yuan|rmb)?\s*(?:一个月|每个?月|一天|每天|\/月|\/天|a month|a day|per month|per day|each month|every month|each day|every day)/i;
const TOTAL_AFTER = /^\s*(?:元|块|yuan|rmb)?\s*(?:in total|altogether|total)/i;
const PER_HEAD_REACH = 6;
// "七八千一个人": the per-head word after the figure.
const PER_HEAD_AFTER = /^\s*(?:元|块钱?|yuan|rmb)?\s*(?:一个人|一人(?!一)|每人|每个人|each\b|per (?:person|head|worker)|a head\b)/i;
const PERSONAL_AFTER = /^\s*(?:元|块|yuan|rmb)?\s*(?:myself|for me)/i;

export interface AmountMention {
  value: number;
  start: number;
  end: number;
  approximate: boolean;
  hasUnit: boolean;
  roles: Set<Role>;
}

const FAR = Number.POSITIVE_INFINITY;

/**
 * Distance from the end of `before` to the nearest marker of each role, indexed like BEFORE_MARKERS;
 * Infinity where none. Matches of one pattern do not overlap and come in order, so the last one is
 * the nearest.
 */
function nearestMarkers(before: string): number[] {
  const distance: number[] = [];
  // A number that opens its clause ("32000" as an answer) has no marker before it.
  if (before === "") return BEFORE_MARKERS.map(() => FAR);
  for (const { pattern } of BEFORE_MARKERS) {
    let nearest = FAR;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(before); m !== null; m = pattern.exec(before)) {
      nearest = before.length - (m.index + m[0].length);
    }
    distance.push(nearest);
  }
  return distance;
}

// Positions of the roles in BEFORE_MARKERS (an array indexed by position beats a Map per number).
const markerIndex = (role: Role): number => BEFORE_MARKERS.findIndex((m) => m.role === role);
const TOTAL = markerIndex("total");
const REMAINDER = markerIndex("remainder");
const PAID = markerIndex("paid");
const RATE = markerIndex("rate");
const OWED = markerIndex("owed");
const PER_HEAD = markerIndex("perHead");
const SPENT = markerIndex("spent");
const PERSONAL = markerIndex("personal");
/** Roles taken whenever their marker is anywhere before the number, in this order. */
const PRESENCE_ROLES = (["addon", "perHead", "personal", "owed", "spent"] as const).map((role) => [markerIndex(role), role] as const);

function rolesOf(before: string, after: string): Set<Role> {
  const distance = nearestMarkers(before);
  const roles = new Set<Role>();
  const total = distance[TOTAL] as number;
  const remainder = distance[REMAINDER] as number;
  const paid = distance[PAID] as number;
  const rate = distance[RATE] as number;
  const owed = distance[OWED] as number;
  // A rate is a rate only when its word is nearer than any word of owing ("光底薪就欠我一万二" is owed).
  if (rate < Math.min(total, owed, remainder) || RATE_AFTER.test(after)) roles.add("rate");
  if (paid <= 6 && paid < Math.min(owed, remainder, total, rate)) roles.add("paid");
  if ((total < FAR && !roles.has("rate")) || TOTAL_AFTER.test(after)) roles.add("total");
  // "还欠我借给他的两万": the loan's word, nearer, says whose money it is — not wages still owed.
  if (remainder < paid && remainder < (distance[SPENT] as number)) roles.add("remainder");
  for (const [index, role] of PRESENCE_ROLES) {
    if ((distance[index] as number) < FAR) roles.add(role);
  }
  // "七八千一个人 八九个人 大概六万多": a per-head word far back, with other words between, is not this
  // figure's ("每个人都是七千" is).
  if ((distance[PER_HEAD] as number) > PER_HEAD_REACH && !PER_HEAD_AFTER.test(after)) roles.delete("perHead");
  if (PERSONAL_AFTER.test(after)) roles.add("personal");
  if (PER_HEAD_AFTER.test(after)) roles.add("perHead");
  if (OWED_AFTER.test(after)) roles.add("owed");
  // "我一个人就3.5w" is a share, not a per-head rate for everyone.
  if (roles.has("personal")) roles.delete("perHead");
  // "每人一万多 加起来十来万": the total word is nearer than the per-head one.
  if (total < (distance[PER_HEAD] as number)) roles.delete("perHead");
  // "六个人一共欠三万五我自己的是八千多": the writer's own word, nearer, makes the figure after it a
  // share of the total, not the total again.
  if ((distance[PERSONAL] as number) < total) roles.delete("total");
  return roles;
}

/** Every number in the text that can be money, with the roles its clause gives it. */
export function findAmountMentions(text: string): AmountMention[] {
  // Clauses are cut only once a number survives the checks: most short answers have none.
  let spans: Span[] | null = null;
  const mentions: AmountMention[] = [];
  // An exec loop rather than matchAll (which copies the pattern per call); TOKEN is used nowhere else.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    // TRAILING_JUNK can only match when the last character is junk: most tokens end in a digit or unit.
    let raw = m[0];
    if (JUNK_CHARS.includes(raw[raw.length - 1] as string)) raw = raw.replace(TRAILING_JUNK, "");
    const junkEnd = m.index + raw.length < m.index + m[0].length ? m.index + m[0].length : -1;
    const start = m.index;
    // NEXT_WORD_AFTER_DIGIT looks at one character: only that one is sliced.
    if (raw.length > 1 && SWALLOWED_DIGIT.test(raw) && NEXT_WORD_AFTER_DIGIT.test(text.slice(start + raw.length, start + raw.length + 1))) {
      raw = raw.slice(0, -1);
    }
    const end = start + raw.length;
    // The checks are pure, so their order changes no result: the cheap ones come first, because most
    // tokens are a lone digit inside a word (一共, 三期, 一直) and fall at "under 20, no currency".
    const approximate = raw === "万把" || raw === "千把" || HAS_APPROX.test(raw);
    const cleaned = raw === "万把" ? "万" : raw === "千把" ? "一千" : approximate ? raw.replace(APPROX, "") : raw;
    const value = parseNumeral(cleaned);
    if (value === null || value <= 0 || value > AMOUNT_MAX_YUAN) continue;
    const after = text.slice(end, end + 12);
    const before = text.slice(Math.max(0, start - 12), start);
    const hasCurrency = CURRENCY_AFTER.test(after) || CURRENCY_BEFORE.test(before);
    if (value < 20 && !hasCurrency) continue;
    // "两百来号人": the approximation word cut off the number does not hide the word after it.
    // "一万多点": a bit more than ten thousand, not a time of day ("三点").
    const aBitMore = after.startsWith("点") && MORE_OF_A_UNIT.test(raw);
    if ((NOT_MONEY_AFTER.test(after) && !aBitMore) || NOT_MONEY_BEFORE.test(before) || DEPOSIT_BEFORE.test(before)) continue;
    // "二七区", "五一路", "八一小学": bare digits run into a place's word are its name.
    if (PLACE_NAMED_BY_NUMBER.test(after) && !UNIT_CHAR.test(cleaned) && !hasCurrency) continue;
    if (junkEnd >= 0 && NOT_MONEY_AFTER.test(text.slice(junkEnd, junkEnd + 12))) continue;
    // Long bare digit runs are phone, ID or order numbers.
    if (LONG_DIGIT_RUN.test(cleaned) && !hasCurrency) continue;
    const hasUnit = UNIT_CHAR.test(cleaned) || hasCurrency;
    spans ??= clauseSpans(text);
    const clause: Span = clauseAt(spans, start);
    const clauseBefore = text.slice(clause.start, start);
    const clauseAfter = text.slice(end, clause.end);
    mentions.push({ value, start, end, approximate, hasUnit, roles: rolesOf(clauseBefore, clauseAfter) });
  }
  return mentions;
}

interface Duration {
  unit: "day" | "month";
  value: number;
  start: number;
  owedMarked: boolean;
  /** "只给了一个月的": months already paid, to take off the months worked. */
  paidMarked: boolean;
}
const DURATION = /([\d一二两俩仨三四五六七八九十百]+|半)(个)?(多|半)?(个)?(月|天|日|年)(?!份|底|初)/g;
// A unit of a larger number right before a span's count: the count is that number's tail.
const NUMBER_GOES_ON = /[千万百\d.]/;
const DURATION_OWED_BEFORE = /(?:欠|拖|剩下|剩|差|没发|没给|压)[了我们的]{0,3}$/;
// "最后两个月没给": the months named, then that they were not paid.
const DURATION_OWED_AFTER = /^(?:的)?(?:工资|工钱|钱)?[\d一二两三四五六七八九十百千万]*(?:块|元)?(?:也|都|还|一直)?(?:没给|没发|没结|不给|没拿到|没到手|欠着|拖着)/;
const DURATION_PAID_BEFORE = /(?:只给了?|只发了?|给了|发了|结了|只结了?|拿到了?|只拿了)$/;

const FOUR_DIGITS = /^\d{4}$/;

// "3 months", "two months": English spans of time.
const EN_DURATION = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(months?|days?)\b/gi;
const EN_SMALL: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

function findDurations(text: string): Duration[] {
  const out: Duration[] = [];
  if (/[a-z]/i.test(text)) {
    for (const m of allMatches(EN_DURATION, text)) {
      const raw = (m[1] ?? "").toLowerCase();
      const value = EN_SMALL[raw] ?? Number(raw);
      const start = m.index ?? 0;
      // "4500 a month" is a rate; "a month" has no number and is not matched here.
      if (Number.isFinite(value) && value > 0) {
        const before = text.slice(Math.max(0, start - 12), start);
        out.push({ unit: /^day/i.test(m[2] ?? "") ? "day" : "month", value, start, owedMarked: /(?:owe[sd]?|unpaid|for)\s*$/i.test(before), paidMarked: false });
      }
    }
  }
  for (const m of allMatches(DURATION, text)) {
    const unitChar = m[5] ?? "";
    // "3月" / "2023年" are dates; only "三个月", "四十天", "半年", "一年" are spans of time.
    // "仨月", "俩月" are spoken spans: no month is called 仨.
    if (unitChar === "月" && !m[2] && !m[4] && !/^[俩仨]$/.test(m[1] ?? "")) continue;
    let raw = m[1] ?? "";
    let start = m.index ?? 0;
    // "两千五一个月": the tail of a sum ("五") with the "一" of "一个月" — a rate's month, not 51 months.
    if (start > 0 && NUMBER_GOES_ON.test(text[start - 1] ?? "")) {
      if (!raw.endsWith("一") || !m[2]) continue;
      start += raw.length - 1;
      raw = "一";
    }
    let value = raw === "半" ? 0.5 : parseNumeral(raw);
    if (value === null) continue;
    if (unitChar === "年") {
      if (FOUR_DIGITS.test(raw) || (!m[2] && raw !== "半" && value > 10)) continue;
      value *= 12;
    }
    if (m[3] === "半") value += 0.5;
    const unit = unitChar === "天" || unitChar === "日" ? "day" : "month";
    const before = text.slice(Math.max(0, start - 6), start);
    const after = text.slice(start + m[0].length, start + m[0].length + 10);
    out.push({
      unit,
      value,
      start,
      owedMarked: DURATION_OWED_BEFORE.test(before) || DURATION_OWED_AFTER.test(after),
      paidMarked: DURATION_PAID_BEFORE.test(before),
    });
  }
  return out;
}

const DAY_RATE = /每天|一天|日薪|日结|每日|a day|per day|daily/;

// "一小时十八块", "一公斤两块": a rate per hour or per piece makes no sum with the days or months.
const UNIT_RATE = /(?:一|每)个?小时|时薪|(?:一|每)(?:件|公斤|斤|亩|吨|车|趟|单)|per (?:hour|piece|kg)|an hour|hourly/i;

function rateTimesDuration(text: string, rate: AmountMention, durations: readonly Duration[]): number | null {
  if (UNIT_RATE.test(text.slice(Math.max(0, rate.start - 6), rate.start))) return null;
  const around = text.slice(Math.max(0, rate.start - 8), rate.end + 6);
  const unit: Duration["unit"] = DAY_RATE.test(around) ? "day" : "month";
  // The "一个月" of "一个月五千二" is part of the rate itself, not how long the arrears run.
  // (Unless it is what is owed: "欠我一个月工资4800" is one month.)
  let candidates = durations.filter((d) => d.unit === unit && (d.owedMarked || !(d.value === 1 && Math.abs(rate.start - d.start) <= 6)));
  // "一天两百，干了一个月": a day rate over months of work, at 30 days a month.
  if (candidates.length === 0 && unit === "day") {
    candidates = durations.filter((d) => d.unit === "month").map((d) => ({ ...d, unit: "day" as const, value: d.value * 30 }));
  }
  if (candidates.length === 0) return null;
  const owed = candidates.filter((d) => d.owedMarked);
  const paid = candidates.filter((d) => d.paidMarked);
  const worked = candidates.filter((d) => !d.paidMarked && !d.owedMarked);
  // "干了4个月，老板只给了一个月的": the months worked less the months paid.
  if (owed.length === 0 && paid.length > 0 && worked.length > 0) {
    const workedMonths = Math.max(...worked.map((d) => d.value));
    const paidMonths = paid.reduce((sum, d) => sum + d.value, 0);
    if (workedMonths > paidMonths) return rate.value * (workedMonths - paidMonths);
  }
  const pool = owed.length > 0 ? owed : candidates.filter((d) => !d.paidMarked);
  if (pool.length === 0) return null;
  const nearest = pool.reduce((best, d) => (Math.abs(d.start - rate.start) < Math.abs(best.start - rate.start) ? d : best));
  return rate.value * nearest.value;
}

// "大工一天四百、小工一天二百五，大工三个、小工四个，都干了六十天": crews paid by trade.
const TRADE_RATE = /(大工|小工|技工|普工|师傅|徒弟)(?:一天|每天|每人每天)([\d一二两三四五六七八九十百千]+)/g;
const TRADE_COUNT = /(大工|小工|技工|普工|师傅|徒弟)([\d一二两三四五六七八九十]+)个/g;

function tradeTotal(text: string, durations: readonly Duration[]): number | null {
  const rates = new Map<string, number>();
  for (const m of allMatches(TRADE_RATE, text)) {
    const v = parseNumeral(m[2] ?? "");
    if (v !== null) rates.set(m[1] ?? "", v);
  }
  if (rates.size < 2) return null;
  const days = durations.filter((d) => d.unit === "day");
  const lastDays = days[days.length - 1];
  if (!lastDays) return null;
  let sum = 0;
  for (const m of allMatches(TRADE_COUNT, text)) {
    const count = parseNumeral(m[2] ?? "");
    const rate = rates.get(m[1] ?? "");
    if (count === null || rate === undefined) return null;
    sum += count * rate * lastDays.value;
  }
  return sum > 0 ? sum : null;
}

const ONLY_THE_WRITER_OWED = /(?:欠|拖|扣|没给|没发|不给)了?(?:我|俺)(?!们)(?![^。]*(?:我们|俺们|咱们|大家|每人|一人))/;

const last = <T>(items: readonly T[]): T | undefined => items[items.length - 1];
const largest = (items: readonly AmountMention[]): AmountMention | undefined =>
  items.reduce<AmountMention | undefined>((best, m) => (best === undefined || m.value > best.value ? m : best), undefined);

// "欠我三万 不对 是两万八": the figure taken back, then the right one.
const RETRACTED_BETWEEN = /^\s*(?:元|块)?[，,。.\s]*(?:不对|不是|说错了|错了|写错了|打错了)[，,。.\s]*(?:应该|其实)?(?:是)?\s*$/;
// "一万 五千" (typed by voice): one sum in two pieces, the second below the first's unit.
const PIECES_BETWEEN = /^\s+$/;
const PIECE_ENDS = /^(?:$|[\s，,。.!！?？块元吧啊呀])/;

function withoutRetracted(text: string, mentions: AmountMention[]): AmountMention[] {
  return mentions.filter((m, i) => {
    const next = mentions[i + 1];
    return next === undefined || !RETRACTED_BETWEEN.test(text.slice(m.end, next.start));
  });
}

function spokenAsOne(text: string, mentions: AmountMention[]): AmountMention[] {
  const out: AmountMention[] = [];
  for (const m of mentions) {
    const previous = out[out.length - 1];
    if (
      previous !== undefined &&
      PIECES_BETWEEN.test(text.slice(previous.end, m.start)) &&
      /万$/.test(text.slice(previous.start, previous.end)) &&
      /千$/.test(text.slice(m.start, m.end)) &&
      m.value < 10_000 &&
      PIECE_ENDS.test(text.slice(m.end, m.end + 1))
    ) {
      out[out.length - 1] = { ...previous, value: previous.value + m.value, end: m.end };
      continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * The total owed to everyone complaining, or null. Order of trust: a remainder after a partial
 * payment, a stated total, a plain owed sum (plus "还有…" add-ons), arithmetic from per-head or
 * per-day/month figures, and only then an unqualified sum. A worker who gives only their own share of
 * a group's arrears yields null: the group total is unknown.
 */
export function readAmount(text: string, headcount: HeadcountReading | null): number | null {
  const mentions = spokenAsOne(text, withoutRetracted(text, findAmountMentions(text)));
  if (mentions.length === 0) return null;
  const usable = mentions.filter((m) => !m.roles.has("paid"));
  const someonePaid = mentions.some((m) => m.roles.has("paid"));

  const remainders = usable.filter((m) => m.roles.has("remainder") && !m.roles.has("rate"));
  const totals = usable.filter((m) => m.roles.has("total") && !m.roles.has("rate") && !m.roles.has("perHead"));
  const lastRemainder = last(remainders);
  if (lastRemainder && (someonePaid || totals.length === 0 || lastRemainder.start > (last(totals)?.start ?? 0))) {
    return lastRemainder.value;
  }
  const lastTotal = last(totals);
  if (lastTotal) return lastTotal.value;

  const group = headcount !== null && headcount.min > 1;
  const plain = usable.filter((m) => !m.roles.has("rate") && !m.roles.has("perHead") && !m.roles.has("personal") && !m.roles.has("spent"));
  const owed = plain.filter((m) => m.roles.has("owed"));
  // "另外一个老板…欠我5000": "another" opens a story of its own; with nothing before it to add to,
  // its sum is the sum owed.
  const firstOwed = owed.find((m) => !m.roles.has("addon")) ?? (owed.length === 1 ? owed[0] : undefined);
  if (firstOwed) {
    const addons = plain.filter((m) => m.roles.has("addon") && m.start > firstOwed.start);
    if (addons.length > 0) return addons.reduce((sum, m) => sum + m.value, firstOwed.value);
    return (largest(owed.filter((m) => !m.roles.has("addon"))) ?? firstOwed).value;
  }

  const durations = findDurations(text);
  const byTrade = tradeTotal(text, durations);
  if (byTrade !== null) return byTrade;
  const people = headcount !== null && headcount.min === headcount.max ? headcount.min : null;
  const perHead = usable.find((m) => m.roles.has("perHead"));
  if (perHead && people !== null) {
    const perPerson = perHead.roles.has("rate") ? rateTimesDuration(text, perHead, durations) : perHead.value;
    if (perPerson !== null) return perPerson * people;
  }
  const rate = usable.find((m) => m.roles.has("rate") && !m.roles.has("perHead"));
  if (rate) {
    const perPerson = rateTimesDuration(text, rate, durations);
    if (perPerson !== null) {
      // "欠我三个月工资，一个月4500，已经给了2000": what the months come to, less what was paid.
      // "车间里大概50个人，老板欠我3个月工资": the rate is the writer's own, not everyone's.
      const gross = perPerson * (ONLY_THE_WRITER_OWED.test(text) ? 1 : (people ?? 1));
      const paid = mentions.filter((m) => m.roles.has("paid") && m.start > rate.start).reduce((sum, m) => sum + m.value, 0);
      return paid > 0 && paid < gross ? gross - paid : gross;
    }
  }

  const personal = usable.filter((m) => m.roles.has("personal"));
  if (plain.length === 0 && personal.length > 0) return group ? null : (largest(personal)?.value ?? null);
  const unqualified = plain.filter((m) => m.hasUnit);
  const spent = usable.filter((m) => m.roles.has("spent"));
  // "…in Chengdu, about 45000": in English a bare sum carries no 块 or 万; a figure of a hundred or
  // more that is no year is the sum.
  const english = unqualified.length === 0 && ENGLISH_WORDS.test(text) && !HAN.test(text) ? plain.filter((m) => m.value >= 100 && !YEAR.test(String(m.value))) : [];
  const best = largest(unqualified) ?? largest(english) ?? largest(spent);
  return best ? best.value : null;
}

/**
 * The writer's own share told beside the group's total ("一共欠三万五我自己的是八千多" → 8 000): the
 * officer hears both, since the worker's own figure helps check the total. Null when none is told.
 */
export function readOwnShare(text: string): number | null {
  const own = findAmountMentions(text).filter(
    (m) => m.roles.has("personal") && !m.roles.has("total") && !m.roles.has("rate") && !m.roles.has("paid") && !m.roles.has("perHead"),
  );
  return last(own)?.value ?? null;
}
