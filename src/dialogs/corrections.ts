// Corrections in plain words at any point of the dialog: "金额不对，是3万2", "公司名写错了，是宏达劳务",
// "the amount is wrong, it's 32000". Returns which fact and the text that carries the new value.
import type { FactName } from "./facts.js";
import { SELF_CORRECTION_TAIL } from "./input-guard.js";

const FACT_WORDS: ReadonlyArray<[FactName, RegExp]> = [
  // The workplace as the summary names it off a site ("干活的地方：…", "平台/站点：…"): before the
  // place, whose word 地方 it holds.
  ["project", /(干活的地方|上班的地方|工作的地方|平台\/站点|站点名|厂名|店名|workplace|platform \/ station)/i],
  ["amount", /(金额|钱数|数目|欠款|欠的钱|工钱|工资数|多少钱|总数|^钱|amount|sum)/i],
  ["headcount", /(人数|几个人|多少人|人头|^人(?:不对|错了)|headcount|number of (people|workers))/i],
  // "欠钱的是中铁": the summary's own words for it (欠钱的一方); "欠的钱" is the sum.
  ["employer", /(公司名?|老板|包工头|单位|用工方|劳务|欠钱的|欠我钱的|欠工资的|employer|company|boss)/i],
  // "工程类型不对 是高铁": the kind of project, not its name; before "project", whose word 工程 it holds.
  ["projectKind", /(工程类型|工程类别|工程种类|项目类型|什么工程|kind of (?:project|work)|type of (?:project|work))/i],
  ["ownership", /(投资方|谁投资|投资的|出资|ownership|funded by|who (?:paid|funds))/i],
  ["project", /(项目名?|工地|工程|project|site)/i],
  ["place", /(地点|地方|地址|位置|区县|哪个区|place|location|address)/i],
  ["phone", /(电话|手机|号码|联系方式|phone|number)/i],
  ["sector", /(行业|sector|industry)/i],
  ["since", /(时间|什么时候|开始欠|since|date)/i],
];

const CORRECTION_CUE =
  /(不对|错了|写错|打错|搞错|弄错|有误|更正|纠正|改成|改为|改一下|去掉|删掉|应该是|其实是|不是.{0,12}是|不叫.{0,12}(?:是|叫)|是.{1,12}不是|is wrong|wrong|should be|change|correct(ion)?|^no[,，\s]|\bnot\s|actually)/i;

/** Where the new value starts: after the last "是/为/改成/:" of the sentence. */
// English words whole only: the "to" of "in total" starts no value.
const VALUE_START = /(?:应该是|其实是|改成|改为|换成|名叫|叫做|是|为|叫|[:：]|\b(?:should be|it'?s|it is|it was|was|to|is)\b)\s*/gi;

/** "不是新乡", "not 5": the value being rejected, which is not the new one (and tells which fact it was). */
const REJECTED = /(?:不是|而不是|并不是|not)\s*([^，,。；;！!？?是\s][^，,。；;！!？?是]{0,19})/gi;

/**
 * Plain statements of one fact, with no word of correction: "老板是张三", "包工头叫王军",
 * "是宏达劳务欠的", "项目叫万达广场二期".
 */
const STATEMENTS: ReadonlyArray<[FactName, RegExp]> = [
  // "厂名叫鑫达电子厂", "店名叫湘味轩": the workplace; "派遣公司叫人力通": who employs.
  ["project", /^(?:厂名|店名|厂子|厂的名字|店的名字|饭店|酒店|学校)(?:的名字|名字)?(?:叫|是|叫做)\s*(.+)$/],
  ["employer", /^(?:派遣公司|劳务公司|劳务派遣公司|中介)(?:的名字|名字)?(?:叫|是|叫做)\s*(.+)$/],
  // "包工头老王", "老板张三": the role and the name, nothing else.
  ["employer", /^(?:包工头|工头|老板(?!娘)|班长|老板是|包工头是)\s*((?:[\u4e00-\u9fff]老[\u4e00-\u9fff]|老[\u4e00-\u9fff]|[\u4e00-\u9fff]{2,3}))$/],
  ["employer", /^(?:我的?|我们的?)?(?:老板|包工头|工头|公司|单位|用工单位|用工方)(?:的?名字|名)?(?:是|叫|叫做)\s*(.+)$/],
  ["project", /^(?:项目|工地|工程)(?:的?名字|名称|名)?(?:是|叫|叫做)\s*(.+)$/],
  ["employer", /^(?:是|就是)?([^，,。]{2,30}?)欠(?:的|我的|我们的)(?:钱|工资|工钱)?$/],
  // "欠钱的是鑫达电子厂": who owes, in the summary's words.
  ["employer", /^(?:欠钱的|欠我钱的|欠工资的|欠我工资的)(?:一方|人|单位)?(?:是|就是)\s*(.+)$/],
  ["employer", /^(?:the |my |our )?(?:boss|employer|company|contractor|foreman)(?:'s name)?(?: is| was| is called| is named)\s+(.+)$/i],
  ["project", /^(?:the )?(?:project|site|workplace)(?:'s name)?(?: is| was| is called)\s+(.+)$/i],
  ["headcount", /^(?:there (?:were|are) |we are |we were )(\d+(?: of us| people| workers)?)$/i],
];

const EMPLOYER_FORM = /^[^\d]{2,}(?:公司|劳务|集团|建筑|建设|工程队|施工队|厂|店|酒店|饭店)$/;
const PROJECT_FORM = /^[^\d]{2,}(?:广场|小区|花园|大厦|大楼|项目|工地|苑|城|[一二三四五六七八九\d]期|公寓|家园|中心|学校|医院|道路|大桥|隧道|标段)$/;


const WHERE_IT_IS = /(?:公司|厂子?|工地|项目|单位|店|老板)(?:也|就|都)?在[^，,。！!？?\s]{1,20}/g;
const STORY = /欠|拖|没发|没给|不给|不发|工资|工钱/;
// "叫什么来着", "红蜻蜓？": a name not yet remembered.
const UNSURE = /什么|啥|来着|[？?]/;

// A clause that is one fact's word and its value: "钱是9000", "老板是王军", "人数应该是5个".
const CLAUSE_FACTS: ReadonlyArray<[FactName, RegExp]> = [
  ["amount", /^(?:金额|钱数|欠款|欠的钱|工钱|工资|钱|总数|一共)/],
  ["headcount", /^(?:人数|人)/],
  ["employer", /^(?:老板|包工头|工头|公司|单位|用工单位|欠钱的一方|欠钱的|欠我钱的)/],
  ["project", /^(?:项目|工地|工程)/],
  // "店名叫东北人家 老板是个女的姓韩": the workplace's name, beside who owes.
  ["project", /^(?:厂名|店名|厂子的?名字|店的名字|厂的名字)/],
  ["place", /^(?:地点|地方|地址)/],
  ["phone", /^(?:电话|手机|手机号)/],
];
// "钱说错了 是三万八", "地方也错了，是卫滨区": the fact's word, what was wrong with it, then the value.
const CLAUSE_VALUE = /^(?:的?名字|名称|名)?(?:也|说|写|打|搞|弄)?(?:错了|不对)?[，,\s]*(?:应该是|其实是|改成|改为|是|为|叫|[:：])\s*(.+)$/;
const LEADING_CUE = /^(?:(?:不对|错了|写错了?|搞错了?|有误|更正一下|更正|纠正一下|其实|哦|噢|对了)[，,。！!\s]*)+/;
/** What follows a name as an aside, not as more of the name ("刘建国只是包工头", "他欠的"). */
const NAME_ASIDE = /只是|不是|是包工头|是老板|欠|拖|跑|说|的(?:老板|包工头)/;
/** "他哥刘建军": the person named after how he is related to someone is the one meant. */
const RELATION_PREFIX = /^(?:他|她)的?(?:哥哥?|弟弟?|姐姐?|妹妹?|老婆|老公|儿子|爸爸?|妈妈?|亲戚|合伙人)/;

function bareValueClause(clause: string): Correction | null {
  const value = clause.trim();
  const fact = factOfValue(value);
  return fact === "headcount" || fact === "amount" || fact === "phone" ? { fact, valueText: value } : null;
}

function clauseStatement(clause: string): Correction | null {
  for (const [fact, word] of CLAUSE_FACTS) {
    const named = word.exec(clause.trim());
    if (!named) continue;
    const rest = clause.trim().slice(named[0].length);
    // "人数十来个": a figure's word and its figure, with no 是 between.
    let value = CLAUSE_VALUE.exec(rest)?.[1]?.trim() ?? (fact === "amount" || fact === "headcount" ? rest.trim() : undefined);
    // "中建七局 刘建国只是包工头": a name ends where the next words begin.
    if (value && (fact === "employer" || fact === "project")) {
      // "中建七局 刘建国只是包工头": the name ends where an aside begins; "碧桂园 凤凰城三期" is one name.
      const aside = /^(\S+)\s+(\S.*)$/.exec(value);
      if (aside && NAME_ASIDE.test(aside[2] ?? "")) value = aside[1];
      value = value?.replace(RELATION_PREFIX, "").trim();
      // "老板是个女的姓韩": what the boss is like goes; the surname is how the worker names her.
      if (fact === "employer") value = value?.replace(/^(?:个|一个)?(?:女的|男的|女人|男人|老头|老太太)[，,\s]*(?=姓)/, "");
    }
    if (!value || STORY.test(value) || /不是/.test(value)) return null;
    // "项目叫什么他也说不清 就是…": a name not known is no correction; the answer is read as such.
    if ((fact === "employer" || fact === "project") && /^(?:什么|啥)/.test(value)) return null;
    // "钱是六个人": a count where the sum's word stood is the count.
    if (fact === "amount" && factOfValue(value) === "headcount") return { fact: "headcount", valueText: value };
    // Money, people and phones are known by their form: "钱是老板的" is no amount.
    if ((fact === "amount" || fact === "headcount" || fact === "phone") && factOfValue(value) !== fact) return null;
    return { fact, valueText: value };
  }
  return null;
}

/**
 * Separates the parts of one correction that carries several facts ("是3个人，一共1万5"); voice input
 * leaves spaces where a comma was ("钱是三万五 人是六个", "钱说错了 是三万八 地方也错了 是卫滨区").
 */
// "钱是六个人一共三万五": the count, then the sum, in one breath.
const CLAUSE_BREAK =
  /[，,；;]\s*|\s+(?=(?:金额|钱数|欠款|钱|人数|人|老板|包工头|工头|公司|单位|项目|工地|工程|地点|地方|地址|电话|手机|欠钱的一方|欠钱的)(?:也|说|写|打|搞|弄)?(?:错了|不对|应该是|其实是|是|为|叫|[:：]))|\s+(?=(?:人数|金额|钱数|欠款)[\d一二两三四五六七八九十几])|(?<=[\d一二两三四五六七八九十几来多][个名位]人?)(?=一共|总共)/;

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
  if (/^(是|就|只有|一共|总共|共|我们|俺们|咱们|我们一共|一共是|欠了?我们|欠了?俺们|是欠我们)?([\d一二三四五六七八九十百千零〇两仨俩几多来]+)(个人|个|人|名|位)(吧|啊|呀)?$|^\d+\s*(people|persons|workers|of us)$/i.test(valueText.trim())) {
    return "headcount";
  }
  // "二七" (a district's name) or "三" alone: Chinese digits with no unit are no sum.
  const bareChineseDigits = /^[一二三四五六七八九十两]{1,3}$/.test(value);
  if (!bareChineseDigits && /^(工资|工钱|钱)?(是)?(一共|总共|共|大概|差不多)?(欠了?我?们?)?[\d一二三四五六七八九十百千万两点.,，kKwW]+(块钱|块|元|万|千|w|k|yuan|rmb)?(左右|吧)?$/i.test(value) && /[\d一二三四五六七八九十两]/.test(value)) {
    return "amount";
  }
  if (/^(就|只有)?(我|我自己|我一个人?)$/.test(value)) return "headcount";
  // Names by their ending: "宏达劳务", "万达广场二期".
  if (EMPLOYER_FORM.test(value)) return "employer";
  if (PROJECT_FORM.test(value)) return "project";
  return null;
}

export interface CorrectionCue {
  /** The fact named ("金额不对"), else the one the rejected or the value's form tells, else null. */
  fact: FactName | null;
  valueText: string | null;
  /** Further facts corrected in the same message ("不对，是3个人，一共1万5"). */
  more: Correction[];
}

/** The facts' current values as the worker would write them, to tell which one "不是X" rejects. */
export type CurrentValues = Partial<Record<FactName, string | null>>;

function factRejected(rejected: string[], current: CurrentValues): FactName | null {
  for (const value of rejected) {
    const bare = value.replace(/^(在|是)/, "").trim();
    if (bare.length < 2) continue;
    for (const fact of ["employer", "project", "place"] as const) {
      const known = current[fact];
      if (known && (known.includes(bare) || bare.includes(known))) return fact;
    }
  }
  return null;
}

/** A correction in plain words, whether or not it names the fact. Null when it is not one. */
// English: "sorry it's 5 people not 4, and 75000 total" — the figures put right, each by its form.
const ENGLISH_CUE = /\b(?:wrong|not|actually|sorry|correct(?:ion)?|should be|mistake|typo)\b/i;
const ENGLISH_REJECTED = /\bnot\s+[^,;.]*?(?=[,;.]|\b(?:and|but)\b|$)/gi;
const ENGLISH_FILLER = /\b(?:sorry|no|actually|wait|oh|it'?s|it is|they are|there are|we are|should be|make it|the|is|are|was|were|i mean|amount|number|wrong)\b/gi;
const ENGLISH_TOTAL_WORDS = /\s+(?:in\s+)?(?:total|altogether|yuan|rmb)$/i;

function englishFigures(text: string): CorrectionCue | null {
  if (/\p{Script=Han}/u.test(text) || !ENGLISH_CUE.test(text)) return null;
  const parts = text
    .replace(ENGLISH_REJECTED, " ")
    .replace(ENGLISH_FILLER, " ")
    .split(/[,;.]|\b(?:and|but)\b/i)
    .map((part) => part.replace(/\s+/g, " ").trim().replace(ENGLISH_TOTAL_WORDS, "").trim())
    .filter((part) => part !== "");
  const valued = parts
    .map((part): { fact: FactName | null; valueText: string } => ({ fact: factOfValue(part), valueText: part }))
    .filter((v): v is Correction & { valueText: string } => v.fact === "amount" || v.fact === "headcount" || v.fact === "phone");
  // "12000, sorry I mean 15000": a figure said twice, the last one stands.
  const last = [...new Map(valued.map((v) => [v.fact, v] as const)).values()];
  if (last.length === 0) return null;
  const [first, ...more] = last as [Correction, ...Correction[]];
  return { fact: first.fact, valueText: first.valueText, more };
}

export function detectCorrectionCue(text: string, current: CurrentValues = {}): CorrectionCue | null {
  const english = englishFigures(text);
  if (english) return english;
  const trimmed = text.trim().replace(SELF_CORRECTION_TAIL, "").replace(/[。！!.\s]+$/, "");
  // "不对，钱是9000，老板是王军", "钱是9000": each clause names its fact and its value.
  const parts = trimmed.replace(LEADING_CUE, "").split(CLAUSE_BREAK);
  const stated = parts.map(clauseStatement);
  // Beside a clause with its fact's word, a bare value says its fact by its form ("人数不对，4个人，钱是2万").
  // "老板是张三 不对 是李四": one clause put right within itself is for the cue below.
  const clauses = stated.some((c) => c !== null) && !stated.some((c) => c !== null && c.valueText !== null && CORRECTION_CUE.test(c.valueText))
    ? parts
        .map((part, i) => stated[i] ?? bareValueClause(part))
        .filter((c): c is Correction => c !== null)
    : [];
  if (clauses.length > 0 && new Set(clauses.map((c) => c.fact)).size === clauses.length) {
    const [first, ...more] = clauses as [Correction, ...Correction[]];
    return { fact: first.fact, valueText: first.valueText, more };
  }
  for (const [fact, pattern] of STATEMENTS) {
    // "老板叫陈刚 电话13812345678": the name ends where the next thing begins.
    const said = pattern.exec(trimmed)?.[1];
    // "厂名叫什么来着 红蜻蜓？不对 是叫康辉鞋业", "老板是张三 不对 是李四": a name being recalled, or put right
    // within the message — the cue below takes the name it ends with.
    if (said !== undefined && (UNSURE.test(said) || CORRECTION_CUE.test(said))) break;
    const stated = said
      ?.split(/[，,。；;]|\s+(?=[\p{Script=Han}\d])/u)[0]
      ?.replace(/\s*(?:not|不是)\s.*$/i, "")
      .trim();
    if (stated && !STORY.test(stated)) return { fact, valueText: fact === "employer" ? stated.replace(RELATION_PREFIX, "") : stated, more: [] };
  }
  const cue = CORRECTION_CUE.exec(text);
  if (!cue) return null;
  // "不对，是在洛阳，不是新乡": the rejected value goes; it only tells which fact this is.
  const rejected: string[] = [];
  // "公司在长安区": where the company is, said beside a correction, names no company.
  const kept = text.replace(WHERE_IT_IS, "，").replace(REJECTED, (_whole, value: string) => {
    rejected.push(value);
    return "，";
  });
  const keptCue = CORRECTION_CUE.exec(kept);
  const cueEnd = keptCue ? keptCue.index + keptCue[0].length : 0;
  const found = FACT_WORDS.find(([, words]) => words.test(kept));
  let lastEnd = -1;
  for (const match of kept.matchAll(VALUE_START)) lastEnd = (match.index ?? 0) + match[0].length;
  // "人数不对，4个人": no "是" — the value is what follows the cue.
  if (lastEnd < cueEnd) lastEnd = cueEnd;
  let raw = kept.slice(Math.max(lastEnd, 0)).replace(SELF_CORRECTION_TAIL, "").replace(/^[，,。\s]+|[，,。！!.\s]+$/g, "").trim();
  // "wrong amount 16000": the fact's own word before the value.
  const factWord = found ? new RegExp(`^(?:the\\s+)?${found[1].source}\\s*(?:is\\s+)?`, "i").exec(raw) : null;
  if (factWord) raw = raw.slice(factWord[0].length).trim();
  const whole = raw.length > 0 && !CORRECTION_CUE.test(raw) ? raw : null;
  // One value per fact: "3个人，一共1万5" is two corrections; "宏达劳务，郑州的" is one name.
  let valueText = whole;
  const more: Correction[] = [];
  if (whole) {
    const [first = "", ...rest] = whole.split(CLAUSE_BREAK);
    const parts = [first];
    for (const part of rest) {
      const partFact = factOfValue(part);
      if (partFact && partFact !== (found?.[0] ?? factOfValue(first))) more.push({ fact: partFact, valueText: part });
      else parts.push(part);
    }
    valueText = parts.join("，");
  }
  // "不对 是6个人 我也算 一共四万八": values typed with spaces for commas, and an aside between them.
  if (!found && valueText && more.length === 0 && factOfValue(valueText) === null && /\s/.test(valueText)) {
    const valued = valueText
      .split(/[\s，,；;。]+/)
      .map((part) => ({ part, fact: factOfValue(part) }))
      .filter((p): p is { part: string; fact: FactName } => p.fact === "amount" || p.fact === "headcount" || p.fact === "phone");
    if (valued.length > 0 && new Set(valued.map((v) => v.fact)).size === valued.length) {
      const [first, ...others] = valued as [{ part: string; fact: FactName }, ...{ part: string; fact: FactName }[]];
      return { fact: first.fact, valueText: first.part, more: others.map((v) => ({ fact: v.fact, valueText: v.part })) };
    }
  }
  const fact = found?.[0] ?? (valueText ? factOfValue(valueText) : null) ?? factRejected(rejected, current);
  // "不对，是公司欠了我两个月工资": the story again, not a new name for the company.
  if ((fact === "employer" || fact === "project") && valueText && STORY.test(valueText)) return null;
  return { fact, valueText: fact === "employer" && valueText ? valueText.replace(RELATION_PREFIX, "") : valueText, more };
}
