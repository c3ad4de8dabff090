// How workers phrase things the dialog engine must tell apart: a share per head, a sum that is the
// worker's own, a correction's opening, impatience, a protest, someone writing for a relative… Patterns
// and pure helpers only; the engine decides what follows from them.
import { leadingPlace } from "../triage/place-prefix.js";
import { WRITER_LEADS_A_TEAM } from "../triage/headcount.js";
import type { FactName } from "./facts.js";

/** A piece of an answer that speaks of a person by role ("老板孙大海") or of pay ("欠两万三"). */
export const LEAD_ROLE_IN_PIECE = /老板|包工头|工头|班组长|班长|队长|经理|老板娘|负责人/;
// "周市镇", "安亭街道": a town is where, not what.
export const TOWN_PIECE = /^在?[\u4e00-\u9fff]{1,6}(?:镇|乡|街道|村|开发区|工业园|园区)$/;
// "立讯的一个外包厂", "一家电子厂": described, not named.
export const VAGUE_SITE = /一个|一家|一间|某个|那个|这个|[\s]/;
export const SITE_ENDING = /(?:城|小区|花园|苑|广场|大厦|中心|项目|工地|[一二三四五六七八九十\d]期|村|厂|公司|店|湾|府|园)$/;
export const HAN = /\p{Script=Han}/u;
export const PAY_IN_PIECE = /欠|拖|[\d一二两三四五六七八九十百千万]+(?:块|元|万|千)/;

/** An amount given per person ("每人8000", "每个人欠一万多", "一人七千"). */
export const PER_HEAD_ANSWER = /每人|每个人|一个人|一人|人均|each|per person/i;

/** "开封祥符区", "郑州市": place names and nothing else ("项目是龙湖天街", "老板叫陈红旗" are not). */
export function onlyPlaceNames(text: string): boolean {
  return text.length > 0 && withoutLeadingPlaces(text.replace(/[的那边这边附近\s]/g, "")) === "";
}

/**
 * The sum was told as the worker's own ("欠我一万五", "我的工资一万二", "我一个人是一万二") and nowhere as
 * everyone's ("欠我们", "一共", "加起来").
 */
export function soundsLikeOwnShare(narrative: readonly string[]): boolean {
  const text = narrative.join("，");
  // "我是包工头…欠我": a team leader's "我" is the team.
  if (WRITER_LEADS_A_TEAM.test(text)) return false;
  if (OWN_SUM.test(text) && !GROUP_SUM.test(text)) return true;
  // "欠我们七八个人的工资 一天两百 干了一个月", "欠三个月 一个月2800": a rate times a time is one worker's pay,
  // whoever "we" are, unless the sum is said to be everyone's.
  return RATE_TIMES_TIME.test(text) && !TOTAL_SAID.test(text);
}
/**
 * The sum, told with no word of whose it is, may be the worker's own: split among everyone counted it
 * is less than anyone's wages come to ("加班费没算的大概一万多", then "四五十个吧"), or the others are
 * said to be in the same case ("车间好几十个都一样"). Worth asking; never taken as the worker's own.
 */
export function mayBeOwnShare(narrative: readonly string[], amountYuan: number, leastCount: number): boolean {
  const text = narrative.join("，");
  if (WRITER_LEADS_A_TEAM.test(text) || GROUP_SUM.test(text)) return false;
  return amountYuan / leastCount < SHARE_FLOOR_YUAN || SAME_FOR_ALL.test(text);
}
// Less than this each is no one's unpaid wages, but one worker's sum spread over the group.
const SHARE_FLOOR_YUAN = 1_000;
const SAME_FOR_ALL = /(?:都|也)(?:是)?一样|情况(?:都|也)?(?:一样|差不多)|一样的情况/;
/** The worker's own sum told: "欠我一万五", "我一个人是一万二", or a rate times a time ("一个月2800 欠三个月"). */
export function tellsOwnSum(text: string): boolean {
  return OWN_SUM.test(text) || RATE_TIMES_TIME.test(text);
}
const RATE_WORD = "(?:一天|每天|日薪|一个月|每个?月|月薪|月工资)";
const TIME_WORD = "(?:干了|做了|欠了?|拖了?)(?:快|近|将近|差不多)?[\\d一二两三四五六七八九十半]+(?:个多?月|天)";
const RATE_TIMES_TIME = new RegExp(`${RATE_WORD}[^。]{0,3}?[\\d一二两三四五六七八九十百千万][^。]{0,14}?${TIME_WORD}|${TIME_WORD}[^。]{0,14}?${RATE_WORD}[^。]{0,3}?[\\d一二两三四五六七八九十百千万]`);
const TOTAL_SAID = /一共|总共|合计|加起来|全部|总额|in total|altogether/i;
const FIGURE_WORD = "[\\d一二两三四五六七八九十百千万]";
const OWN_SUM = new RegExp(`欠(?:了)?(?:我|俺)(?!们)[^，,。\\s]{0,4}?${FIGURE_WORD}|(?:我|俺)(?:一个人|自己|个人)(?:的)?(?:是|就|有|被欠)?[^，,。]{0,3}?${FIGURE_WORD}|(?:我|俺)的(?:工资|工钱)[^，,。]{0,4}?${FIGURE_WORD}|(?:一天|每天|日薪)${FIGURE_WORD}+[^。]{0,10}?干了${FIGURE_WORD}+天|owes? me\\b`, "i");
const GROUP_SUM = /欠(?:了)?(?:我们|俺们|咱们|大家|工人)|工人(?:们)?(?:的)?工资|一共|总共|合计|加起来|全部|大家|所有人|owes? us\b|in total|altogether/i;
/** A "don't know" that names which fact it is about, when that is not the one asked. */
export const WORKPLACE_NAME_UNKNOWN = /(?:厂名|厂子名|厂的名字|店名|店的名字|公司名|公司的名字)(?:字)?(?:叫什么)?(?:我)?(?:也)?(?:不记得|不知道|忘了|记不清|不清楚)/;
// "厂名不记得了", and the other way round: "不知道代工厂叫啥", "不记得店名".
export const NAMES_UNKNOWN =
  /(?:厂名|厂子名|公司名|名字|全名|店名|项目名|工地名|老板名|叫啥名|啥名|叫什么名)(?:字)?(?:叫什么)?(?:我|俺)?(?:也)?(?:不记得|不知道|忘了|记不清|不清楚|不晓得)|(?:不记得|不知道|忘了|记不清|不清楚)(?:[\u4e00-\u9fff]{0,4}?(?:叫(?:啥|什么))|(?:店|厂|厂子|公司|项目|工地|老板)(?:的)?名)/;
export const TOTAL_UNKNOWN = /(?:大家|一共|总共|加起来|合计|别人|总数|总额|总的)[^，,。]{0,6}(?:不知道|不清楚|不晓得|说不清|不好说)/;
export const AMOUNT_IS_MINE = /^(?:不是|不)?[，,\s]*(?:只是|就是|是|只)?(?:我|俺)(?:一个人|自己|个人)?的|只有我的|我自己的|就我的|mine|just me|only mine/i;
export const AMOUNT_IS_TOTAL = /^(?:是|对|对的|是的|嗯)?[，,\s]*(?:一共|总共|大家|所有人|全部|合计|加起来|都是)|^(?:是|对|对的|是的|嗯)$|total|everyone|all of us/i;

/** The words after the place names a text begins with ("郑州金水区的工地" → "的工地"). */
export function withoutLeadingPlaces(text: string): string {
  let rest = text;
  for (let place = leadingPlace(rest); place !== ""; place = leadingPlace(rest)) rest = rest.slice(place.length);
  return rest;
}

export const SAME_MATTER = /^(?:是|对|对的|是的)?[，,\s]*(?:同一件|一件事|一回事|就是这件|就是那件|是一样的|一样的?|same)/i;
export const ANOTHER_MATTER = /另一件|另外一件|不是同一件|不是一件|不一样|两回事|不是一回事|别的事|another|different|separate/i;


/** The worker says no wages are owed: "没有欠钱", "不是欠工资", "工资没欠", "no, wages are paid". */
// Whole words only: "没有欠条，大概两万", "不是欠两万，是欠三万" and "不是欠我的，是欠我爸的" are answers.
export const SAYS_NO_WAGES_OWED =
  /^(?:没有?|不)(?:欠|拖欠)(?:钱|工资)?(?=[，,。！!\s]|$)|^没有?欠(?:我|俺)(?:的)?(?:钱|工资)(?=[，,。！!\s]|$)|^(?:不是|并不是)(?:欠)?(?:工资|欠薪|欠钱)(?:的事|的问题)?(?=[，,。！!\s]|$)|^(?:工资|工钱)(?:倒是|倒|是|都)?(?:没欠|不欠|没拖)(?=[，,。！!\s]|$)|\b(?:no|not) (?:unpaid )?wages? (?:owed|problem)|wages? (?:are|were|is) paid/i;

/** The opening of a correction: "不对，是在洛阳", "错了，…". */
export const CORRECTION_OPENING = /^(不对|不是|错了|搞错了|写错了|说错了)[，,。\s]*/;

/** Who a LEAD_NAMED match names: "老板姓韩" → 韩老板, "包工头叫马三" → 马三. */
export function leadNamed(lead: RegExpExecArray): string {
  const [, role = "", how = "", name = ""] = lead;
  return how === "姓" ? `${name.slice(0, 1)}${role.replace(/^项目/, "").replace(/^老版$/, "老板").replace(/^包(?:工投|公头)$/, "包工头")}` : name;
}
// "不知道 一个姓郭的", "不清楚 好像姓郭": the name not known, the surname given.
export const SURNAME_ONLY = /(?:一个|好像|应该|可能|只知道)?姓([\u4e00-\u9fff])(?:的)?(?=$|[，,。！!\s的])/;
// "老板是个女的姓韩": what the boss is like may come before the surname ("个女" is no name).
// 老版, 包工投, 包公头: how voice input writes 老板 and 包工头.
export const LEAD_NAMED =
  /(包工头|包工投|包公头|工头|老板|老版|项目经理|经理|班长|班组长|负责人|队长)\s?(?:是(?:个|一个)?(?:女的|男的|女人|男人|老头|老太太)[，,\s]*)?(姓|叫|名叫|是)\s?(?!个|一个)([\u4e00-\u9fff]{1,3}?)(?=$|[，,。！!\s的])/;
// "老周 包工头", "张建军 是老板": the name, then the role it belongs to.
export const NAME_THEN_ROLE = /^((?:老|小)?[\u4e00-\u9fff]{1,3}?)\s*(?:是|就是)?(?:我们的?)?(?:包工头|工头|老板|班长|班组长|带班的?)$/;
// "老板姓王 叫啥不晓得 大家都喊他王总": the name he goes by.
export const GOES_BY = /(?:叫他|喊他|叫她|喊她|称他|称呼他)\s*([\u4e00-\u9fff]{2,4}?)(?=$|[，,。！!\s的])/;
// "店名叫东北人家 老板是个女的姓韩": the workplace named in an answer about who owes.
export const WORKPLACE_NAMED = /(?:店名|厂名|店|厂|饭店|餐馆)(?:字)?(?:叫|叫做|名叫|是)\s*([^，,。！!？?\s]{2,12})(?=$|[，,。！!\s])/;
export const THUMBS_UP = /^(?:👍|👌|🆗|✅|🙆)[\u{1F3FB}-\u{1F3FF}\uFE0F]*$/u;
/** What a photo of evidence is called when its caption only names it. */
export const EVIDENCE_LABEL = /欠条|借条|工资条|工资单|工资表|结算单|合同|考勤|打卡|聊天记录|截图|转账|收据|工牌|工作证|证据|照片|记录|payslip|contract|receipt|screenshot|iou/i;
export const EVIDENCE_LABEL_LENGTH = 12;
/** 🙏, 🌹, ❤️ after filing: thanks, as "谢谢" is (while a complaint is written they mean nothing to read). */
export const THANKS_EMOJI = /^(?:🙏|🌹|💐|❤|🤝|💪)[\u{1F3FB}-\u{1F3FF}\uFE0F]*$/u;
export const ONLY_ME = /就我一个|我一个人|只有我|就我自己|就俺一个|俺一个人|just me|only me|by myself/i;
/** A message this short that asks about confidentiality is only that question. */
export const CONFIDENTIALITY_QUESTION = 40;
// A short message with these is a story that also asks (it is read as usual after the answer).
export const STORY_WORDS = /欠|拖|没给|没发|不给|不发|\d|owe|unpaid/i;
/** "物业公司叫金管家": the name was given as a business's, though it reads like a person's (金). */
export function namedAsBusiness(text: string, name: string): boolean {
  const at = text.indexOf(name);
  return at > 0 && /(?:公司|厂|店|站|网点|机构|物业|酒店|饭店|餐厅)(?:的?名字|名)?(?:叫|叫做|名叫)[“"]?$/.test(text.slice(Math.max(0, at - 12), at));
}
// "我帮我爸问的", "替我老公反映", "我老婆在厂里上班，厂里欠她": someone writing for the one owed.
export const ON_BEHALF =
  /(?:帮|替|给)(?:我|俺)?(?:家)?(?:爸|妈|父亲|母亲|老公|老婆|媳妇|丈夫|爱人|儿子|女儿|哥|姐|弟|妹|家里人|家人|亲戚|老乡|朋友)[^，,。\s]{0,3}(?:问|反映|投诉|登记|说|咨询)|^(?:我|俺)(?:爸|妈|父亲|母亲|老公|老婆|媳妇|丈夫|爱人|儿子|女儿)(?:在[^，,。]{0,14}(?:干活|上班|打工|做工|当)|被|[^。]{0,30}(?:欠(?:他|她)|(?:他|她)的工资))|\b(?:for|on behalf of) my (?:father|mother|dad|mum|mom|husband|wife|son|daughter|brother|sister)\b/i;


// A story that corrects itself as it goes: a value, then "不对/不是…是/I mean" and the right one.
const SELF_CORRECTED = /不对[，,\s]*(?:是|应该是)|不是[^，,。\s]{1,8}[，,\s]*是|不是[，,\s]+是|哦不|sorry,? I mean|I mean\b/gi;
/**
 * The pieces of a story that corrects itself, one per cue: the clause before the cue, the cue, and the
 * value after it up to the next break ("…凤凰城工地 欠我一万五 哦不对 是一万八 在郑州…" → "欠我一万五 哦不对
 * 是一万八"; "欠两万 哦不对 是两万五 老板张三 不对 是李四" → two pieces).
 */
const CLAUSE_BREAK_CHAR = /[，,。；;！!？?\s]/;
export function selfCorrections(text: string): string[] {
  const pieces: string[] = [];
  SELF_CORRECTED.lastIndex = 0;
  for (let cue = SELF_CORRECTED.exec(text); cue !== null; cue = SELF_CORRECTED.exec(text)) {
    let start = cue.index;
    while (start > 0 && CLAUSE_BREAK_CHAR.test(text[start - 1] ?? "")) start--;
    while (start > 0 && !CLAUSE_BREAK_CHAR.test(text[start - 1] ?? "")) start--;
    let end = cue.index + cue[0].length;
    while (end < text.length && CLAUSE_BREAK_CHAR.test(text[end] ?? "")) end++;
    while (end < text.length && !CLAUSE_BREAK_CHAR.test(text[end] ?? "")) end++;
    pieces.push(text.slice(start, end));
    SELF_CORRECTED.lastIndex = Math.max(SELF_CORRECTED.lastIndex, end);
  }
  return pieces;
}
export const FIRST_MESSAGE_CORRECTABLE: readonly (FactName | null)[] = ["place", "employer", "amount", "headcount", "project"];

export const PLACE_HEDGE = /^(?:好像|应该|大概|可能|估计|我记得)?(?:是)?(?:在)?(?=\p{Script=Han}{2})/u;

export const STILL_COMPLAINING = /还是要投诉|还要投诉|继续投诉|不撤(?:了|销|回)?|要接着(?:投诉|办)|still want to complain|do(?:n'?t| not) close/i;

export const PINYIN_CHAT = /\b(?:laoban|gongzi|gong zi|qian ?wo|baogongtou|bao gong tou|gongdi|mei ?you|bu gei|tuoqian|xinshui|gongqian)\b/i;

export const IMPATIENT = /问(?:这么|那么)多|问这(?:个|些)干嘛|(?:烦|有完)(?:不烦|没完)|怎么(?:这么|那么)多问题|别问了|why so many questions|stop asking/i;

/** An employer named as a place of work (a factory, a shop, a school), not as a person or a company office. */
export const BUSINESS_NAME = /(?:厂|店|酒店|宾馆|饭店|餐厅|餐馆|学校|培训|机构|超市|商场|中心|医院|养老院|网点|配送站|工作室|会所|物业)$/;
export const LANGUAGE_ASKED: ReadonlyArray<readonly [string, RegExp]> = [
  ["zh-CN", /(?:说|用|讲|换成?)中文|中文吧|英文不太好|看不懂英文|speak chinese|in chinese/i],
  ["en", /(?:说|用|讲|换成?)英文|英文吧|speak english|in english|english please/i],
];
/** Figures the officer should have ("只给了三千 还差两千"). */
export const HAS_FIGURES = /\d|[一二两三四五六七八九十百千万]{2,}/;
export const NEW_ARREARS = /又(?:欠|拖欠|拖|不给|没发|不发)|这个月的?(?:工资|工钱|钱)/;
export const RATE_ANSWER = /一个月|每个?月|月薪|一天|每天|日薪|a month|per month|a day|per day/i;
export const PAY_FIGURE = /[\d一二两三四五六七八九十百千万]+(?:块|元|万|千|百)|[千万][一二三四五六七八九\d]/;

/** What is left of "在新乡县的工地" once the place is taken out: nothing that names a site. */
export const GENERIC_SITE = /^(?:的|那边的?|这边的?|那个|这个)?(?:工地|项目|工程|那边|这边)?$/;

/** Two names of one party ("宏达劳务", "宏达劳务有限公司") do not differ; an unknown one differs from nothing. */
export function namesDiffer(named: string | null, known: string | null): boolean {
  return named !== null && known !== null && !named.includes(known) && !known.includes(named);
}

/** "总包是中天建设", "开发商叫恒大": a firm named by its part in the works (the employer side, not the site). */
export const FIRM_BY_ROLE = /^(?:总包|总承包|总包单位|施工单位|分包|分包单位|开发商|甲方|劳务公司|劳务分包)(?:单位)?(?:是|叫|名叫)\s*([^，,。！!？?\s]{2,30})$/;

/** "还是投诉吧", "我要投诉", "投吧": the worker wants the complaint filed (a yes to the summary). */
export const WANTS_IT_FILED = /^(?:那|那就)?(?:还是|就|我|我们)?(?:要)?(?:投诉|登记|提交|投)吧?[。!！]*$|^(?:还是)?(?:要)?投诉吧[。!！]*$|^(?:please )?(?:file|submit) it[.!]*$/i;

/** "砖厂 没名字", "小作坊 没有名字": a workplace told by what it is, its name said not to exist. */
export const UNNAMED_WORKPLACE = /[，,\s]*(?:也|就)?(?:没(?:有|得)?(?:啥|什么)?名字|没名|没有名|没得名|没起名|不知道(?:叫)?(?:啥|什么)?名字)/;

/**
 * "It's the Qianhai tower project, I don't know the official name": what the place is called, then that
 * its proper name is not known. The head is the name (as "螺蛳湾那边的保利工地 叫什么不清楚" is).
 */
export const EN_NAME_NOT_KNOWN =
  /[,;.\s]+(?:but |and |though )?(?:I|we) (?:don'?t|do not|didn'?t|did not) know (?:the|its|his|her|their|what(?:'s| is)? (?:the|its)) ?(?:official |real |full |exact |proper |actual |company |registered )?(?:name|it'?s called|it is called)[.!]*$/i;
/** "It's the", "this is a" before a name told in English. */
export const EN_NAME_LEAD = /^(?:(?:it'?s|it is|this is|that'?s|that is|we call it|they call it|people call it)\s+)?(?:(?:the|a|an)\s+)?/i;

/** "没有", "没得名字", "木有名字" where the site was asked: it has no name — as good as "不知道". */
export const NO_NAME_AT_ALL = /^(?:就是|它|这个|那个|工地|项目|厂|店)?(?:也)?(?:没有|没得|没|木有|冇)(?:啥|什么)?(?:名字|名儿|名称|名)?(?:的|啊|呀|哦|嘛)?[。.!！~～\s]*$/u;

/** "修路的", "俺们是盖楼的", "干装修的": the trade or the kind of works, where a site's name was asked. */
// "盖房子", "修路": the work and what is built, with no 的, is the trade too.
export const TRADE_ONLY_ANSWER =
  /^(?:是|就是|我们是|俺们是|我是|俺是|在)?(?:(?:修|盖|建|干|做|搞|挖|铺|架)[\u4e00-\u9fff]{1,4}的(?:活)?|(?:修|盖|建|挖|铺|架)(?:房子|房|楼|楼房|大楼|高楼|路|马路|公路|桥|厂房|隧道|水渠|管道|地基))[。!！]*$/;

/** "不晓得在哪个区", "区不知道": the county not known, whatever city is named with it. */
export const DISTRICT_UNKNOWN = /(?:不知道|不晓得|不清楚|不记得|记不清|说不清)[^，,。]{0,4}?(?:哪个|什么)?(?:区|县|区县)|(?:哪个|什么)?(?:区|县|区县)(?:我|俺)?(?:也)?(?:不知道|不晓得|不清楚|不记得|记不清)/;

/** "想了想还是要投诉", "还是登记吧": the worker takes back a cancellation. */
export const CHANGED_MIND = /想了想|还是(?:要)?(?:投诉|登记|反映|告)|(?:我|俺)?(?:要|想)?(?:继续|接着)(?:投诉|登记)|changed my mind|I want to complain after all/i;
