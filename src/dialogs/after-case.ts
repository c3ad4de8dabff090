// Short messages a worker sends after a complaint is logged: thanks, "any progress?", "still not
// paid", "the boss paid", "my workmates weren't paid either", news of the boss. They are about the
// case they already have, not a new complaint, and get a fitting answer — and what the officer
// should know reaches the officer.

import { allPhones, OTHER_PARTY_NUMBER_WORDS, readPhone } from "../triage/contact.js";
import { isQuestionToBot, isStoryTalk, parseAmountAnswer, parseHeadcountAnswer, parseNameAnswer } from "./answers.js";
import { detectCorrectionCue } from "./corrections.js";
import { findAmountMentions } from "../triage/amounts.js";

// Polite words and waiting; a message made only of these (and punctuation, emoji) is a thank-you.
const POLITE =
  /谢谢|多谢|感谢|谢了|谢啦|不用了|别的没事了?|没别的了|没事了|好的|好吧|好滴|好|行|嗯+|哦+|噢|收到|知道了|明白了|了解|辛苦了|辛苦|麻烦(?:你们|您|你)?了|那我等着|我等着|等着|等你们的?消息|等消息|那就这样|ok|okay|no thanks|thanks|thank you|thx|got it|noted|i'?ll wait|你们|您|你|了|啦|呀|哈|a lot|very much|\s|[,，。.!！~～、…]|\p{Extended_Pictographic}|\u{FE0F}|[\u{1F3FB}-\u{1F3FF}]/giu;
// "你好" is a greeting, not thanks: it gets the introduction.
const GREETING = /^(?:你|您|大家)好|^(?:hi|hello|hey)\b/i;
const PROGRESS =
  /有进展|进展|进度|怎么样了|(?:咋|怎|啥)样了|如何了|(?:投诉|案子|案件)(?:现在)?(?:怎么样|咋样|怎样|如何)|how(?:'s| is| are) (?:my|our|the) (?:complaint|case)|how(?:'s| is) it going|处理了吗|处理得怎么样|办了吗|办得怎么样|有结果|有消息|怎么还没(?:消息|动静|人管|处理)|还没消息|哪一步|到哪了|有人管吗|有没有人管|管不管|没人(?:联系|管|理|处理)|还没人|什么时候(?:能|给|发|处理|解决)|多久|any (?:update|news|progress)|what'?s the status|progress\??$/i;
const NOT_PAID =
  /(?:还没|还是没|没有|没|仍然没|还没有)(?:收到|拿到|到账|给|发|结|付)(?:钱|工资)?|钱(?:还|还是|仍然)?(?:没|没有)(?:到|收到|到账|给|发)|(?:只|才)(?:拿到|给了|发了|收到|到了?)(?:一半|一部分|一点|部分|几千)|not (?:been )?paid|haven'?t (?:been paid|received|got)|ha(?:ve|s) not (?:been paid|received|got)|still no (?:money|pay)|not (?:received|paid) yet|not yet (?:received|paid)|钱呢/i;
// Part paid, the rest still owed: "老板只给了三千 还差两千", "才给了两万，还有两万八没给", "我们5个人只有2个拿到了",
// "说是结了，其实就给了几百块", "the boss only paid half".
const PARTLY_PAID =
  /(?:只|才|就)(?:给了?|发了?|拿到|拿了|结了?|付了?)[^。！？]{0,8}(?:还有|还差|还欠|剩下|剩的|没给|没发)|(?:只|才|就)(?:给了?|发了?|拿到|拿了|结了?|付了?)(?:我们?|俺们?)?(?:一半|一部分|一点|部分|几千|几百|[\d一二两三四五六七八九十百千万]+(?:块|元|千|万)?)|没有?全部|不是全部|没(?:给|发|结)全|还差[\d一二两三四五六七八九十百千万]+|还(?:有|差)[^。！？]{0,8}没(?:给|发|结)|(?:只有|才)[\d一二两三四五六七八九十几]+个?(?:人)?(?:拿到|领到)|其实(?:没有|没给|就给了|只给了)|说(?:是)?(?:给了|结了|发了)[^。！？]{0,4}其实|only (?:got|paid|received|gave) (?:half|part|some)|not (?:all|the full)/i;
// Paid, or no longer wanting to complain: "老板把钱结了", "钱已经拿到了", "我想撤销投诉".
const PAID_OR_WITHDRAWN =
  /(?:钱|工资|工钱)(?:已经|都|全)?(?:拿到了|收到了|到账了|到手了|结清了?|付清了?|给了|发了|结了)|给钱了|把钱(?:结|给|发)了|把工资(?:结|给|发)了|(?:已经|都)(?:结清|付清|发清)了?|撤销|撤回|不想投诉|不投诉了|不弄了|不投了|(?:don'?t|do not) want to complain|forget it|got paid|been paid|received the money|paid (?:me|us) (?:in full|all)|paid in full|withdraw/i;
// Said of what the boss did, not of money that arrived: "老板给了个欠条", "说给了，其实没有".
const NOT_REALLY_PAID = /欠条|微信|生活费|照片|说(?:是)?(?:给了|结了)|给了包工头|下个月|过几天|其实/;
// Others in the same plight: "我们宿舍还有5个人也没拿到钱", "我老乡也被欠了", "我表哥也在这个工地 也欠他8000".
const OTHERS_TOO =
  /(?:老乡|工友|同事|宿舍|室友|兄弟|一个人|两个人|几个人|表哥|表弟|堂哥|亲戚|媳妇|老婆|老公|他们|别人|其他人|还有[\d一二两三四五六七八九十几]+个?人)[^。！？]{0,12}也|也[^。！？]{0,6}(?:被欠|没拿到|没给|没发|欠(?:他|她|他们))/;
// Who owes what, or any figure: a story — a new complaint, even a short one ("恒发电器厂欠我8000").
const STORY = /欠|拖|\d|[一二两三四五六七八九十百千万]{2,}|owes?\b/i;
// "另外一个老板也欠我", "之前在富士康也被欠了", "我要投诉": another job, not news of this one. Plain
// 另外/之前/去年 are not enough: "另外，刘建国的电话是…", "我们去年就找过项目部" are news of the case.
const NEW_COMPLAINT =
  /(?:另外|另|别的|又)一?(?:个|家)?(?:老板|包工头|工头|公司|厂|饭店|工地|活)|还有(?:个|一个|一家)[^，。！？]{0,4}(?:老板|饭店|厂|公司|工地|活)|(?:之前|以前|上个月|去年)在[^，。！？]{1,10}(?:干|做|打工|上班|也)|也有个活|别处|还有[^，。！？]{1,6}(?:那边|那儿|那里)的|我要投诉|我想投诉|要举报|怎么投诉|另外(?:我|俺)?(?:还)?在[^，,。！？]{1,14}(?:上班|干活|打工|干过|做过|做事)|another (?:employer|boss|company|job)|previous employer|new complaint|\balso,? I (?:work|worked) (?:at|in|for)\b/i;
// "你们会告诉老板是我投诉的吗", "怕老板知道": fear of retaliation, answered wherever it comes.
const CONFIDENTIALITY =
  /告诉老板|老板会知道|老板会不会知道|老板知道是我|怕老板知道|被老板知道|让老板知道|知道是我|保密|泄露|报复|打击报复|匿名|穿小鞋|找我麻烦|怕被(?:开除|辞退|炒|赶走|打)|会不会被(?:开除|辞退|打|炒)|(?:boss|employer) (?:know|find out)|tell (?:my|the) boss|confidential|anonymous|retaliat|afraid of (?:losing|being fired)|lose my job/i;

const CODE_LIKE = /[;<>{}`]|--|\/\*|\b(?:select|drop|insert|delete|update)\b.+\b(?:from|table|into|set)\b/i;

/** Beyond this length a message tells a story: it is read as a complaint. */
const SHORT = 24;
/** News of the case ("老板今天又说下个月给") is rarely longer than this. */
const NEWS = 60;

export type AfterCaseIntent = "greeting" | "thanks" | "ack" | "progress" | "notPaid" | "paid" | "othersToo";

// "对的", "是的", "没错", "明白": a yes to what the bot or an officer just said (a fact put right, a new
// status), never the start of a complaint. "不对" leaves 不 over and is not one.
const ACK = /对的?|是的|是滴|是啊|没错|没问题|正确|可以的?|明白|懂了|晓得了?|清楚了|好嘞|好哒|yes|yeah|yep|yup|right|correct|sure|understood/giu;

const GREETING_ONLY = /^(?:你好|您好|大家好|在吗|在不在|有人吗|hi|hello|hey)[\s!！?？。.~～呀啊]*$/i;

export function afterCaseIntent(text: string): AfterCaseIntent | null {
  const trimmed = text.trim();
  if (trimmed.length > NEWS) return null;
  if (GREETING_ONLY.test(trimmed)) return "greeting";
  if (!GREETING.test(trimmed) && trimmed.replace(POLITE, "").length === 0) return "thanks";
  if (!GREETING.test(trimmed) && trimmed.replace(ACK, "").replace(POLITE, "").length === 0) return "ack";
  if (PARTLY_PAID.test(trimmed)) return "notPaid";
  if (OTHERS_TOO.test(trimmed) && !opensAnotherComplaint(trimmed)) return "othersToo";
  if (NOT_PAID.test(trimmed) && !STORY.test(trimmed)) return "notPaid";
  if (!NOT_PAID.test(trimmed) && PAID_OR_WITHDRAWN.test(trimmed) && !NOT_REALLY_PAID.test(trimmed)) return "paid";
  if (trimmed.length > SHORT || STORY.test(trimmed)) return null;
  if (PROGRESS.test(trimmed)) return "progress";
  return null;
}

/** "怎么样了", "到哪一步了": a question about progress (with an ID, a status query). */
export function asksProgress(text: string): boolean {
  return PROGRESS.test(text);
}

// "我的投诉咋样了", "投诉有结果了吗", "how is my complaint": about a complaint by name, not the one being told.
const OWN_COMPLAINT = /投诉|案子|案件|complaint|\bcase\b/i;

/** A short question about how the worker's complaint goes, naming it ("我的投诉咋样了"). */
export function asksAboutOwnComplaint(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= SHORT && OWN_COMPLAINT.test(trimmed) && PROGRESS.test(trimmed) && !STORY.test(trimmed);
}

/** A worker asking whether the boss will learn who complained. */
export function asksConfidentiality(text: string): boolean {
  return CONFIDENTIALITY.test(text);
}

/**
 * Short news about the case that fits no intent ("老板今天又说下个月给"): passed on to the officer,
 * unless it opens another complaint or says nothing (a greeting, "我要投诉").
 */
export function isNewsOfCase(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > NEWS || GREETING.test(trimmed) || NEW_COMPLAINT.test(trimmed)) return false;
  // "'; DROP TABLE cases;--", markup: not something a worker tells an officer.
  if (CODE_LIKE.test(trimmed)) return false;
  return (trimmed.match(/\p{Script=Han}/gu)?.length ?? 0) >= 3 || /\b[a-z]{2,}\b.*\b[a-z]{2,}\b.*\b[a-z]{2,}\b/i.test(trimmed);
}

// A relative or friend owed at another workplace: "我老婆在厂里上班，厂里欠她3个月工资".
const SOMEONE_ELSE_ELSEWHERE = /(?:老婆|媳妇|老公|表哥|表弟|堂哥|哥|弟|姐|妹|儿子|女儿|朋友|亲戚)[^。！？]{0,4}在(?!这|同一|我们|一起)[^。！？，,]{1,12}(?:厂|饭店|工地|公司|店|上班|打工|干活)/;

/** Words that open another complaint (another boss, another time, someone else's job elsewhere). */
export function opensAnotherComplaint(text: string): boolean {
  return NEW_COMPLAINT.test(text) || SOMEONE_ELSE_ELSEWHERE.test(text);
}

// Something owed is said: with another boss, place or job named, a new complaint rather than news.
// "owe" as a word: "Qianhai Tower", "power plant" owe nothing.
const OWED_SAID = /欠|拖|没给|没发|没结|不给|不发|没拿到|工资|工钱|\bow(?:e|es|ed|ing)\b|unpaid|wages|not paid/i;

/** Whether the message says that something is owed (not only who or where). */
export function saysSomethingOwed(text: string): boolean {
  return OWED_SAID.test(text);
}

// Little else besides the number: "我电话13812345678", "联系我：138 1234 5678", "my number is …", and
// a number corrected ("打错了，是139…", "换号了").
const CORRECTING = /(?:打|写|发|记)?错了|不对|更正|改(?:成|为|一下)|换(?:成|号了?)|新(?:的|号码?)|正确的|wrong(?: number)?|correct(?:ion)?/i;
const OWN_NUMBER_WORDS = new RegExp(
  `${CORRECTING.source}|sorry|new|我的?|俺的?|本人|电话|手机号?|号码|联系方式|联系我|打我|打这个|打她的?|打他的?|有事|可以|你们|你|您|这是|这个是|就是|这个|打|吧|啊|呀|哈|谢谢|麻烦|联系|是|为|：|:|[,，。.!！~～\\s]|my|phone|number|mobile|call me|is|it'?s|it|you can`,
  "giu",
);

export interface PhoneMessage {
  /** The writer's own number. */
  phone: string;
  /** "打错了，是139…": it corrects a number given before — theirs only if theirs was given. */
  correcting: boolean;
  /** Someone else's number is in it too ("我电话138…，老板电话139…"): news for the officer as well. */
  others: boolean;
}

/**
 * The worker's own phone number, given on its own ("我电话13812345678"), so that the officer can call.
 * Null when the message says more, or gives only someone else's number (news of the case).
 */
export function ownPhoneIn(text: string): PhoneMessage | null {
  const trimmed = text.trim();
  if (trimmed.length > 60) return null;
  // A number labelled as someone else's ("刘建国的电话是…") is not read at all.
  const phone = readPhone(trimmed);
  if (!phone) return null;
  if (!numbersOnly(trimmed)) return null;
  return { phone, correcting: CORRECTING.test(trimmed), others: allPhones(trimmed).some((number) => number !== phone) };
}

// "我新号码150…", "我手机换成了139…": the writer's own number, named as such, inside other words.
const OWN_LABELLED_MOBILE = /(?:我|俺|本人)的?(?:新的?|现在的?|这个)?(?:电话|手机|号码|手机号|号)(?:号码?)?(?:换成了?|改成了?|换了|是|为|：|:|\s)*((?:\+?86)?1[3-9]\d(?:[\s-]?\d){8})(?!\d)/;

/** A mobile the writer names as their own, whatever else the message says; null when none is. */
export function ownLabelledPhoneIn(text: string): string | null {
  const found = OWN_LABELLED_MOBILE.exec(text)?.[1];
  if (!found) return null;
  const digits = found.replace(/\D/g, "").replace(/^86/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

// "他的电话13698765432", "我爸电话136…", "his phone is 136…": the number of the one owed, or of the family
// member who takes the calls, from someone who filed for them. The boss's ("老板电话…") is never one.
const THEM =
  "(?:这是|这个是)?(?:他|她|(?:我|俺)(?:家)?的?(?:老婆|媳妇|老公|爱人|对象|家里人|爸爸|妈妈|父亲|母亲|老爸|老妈|爸|妈|哥哥|哥|姐姐|姐|弟弟|弟|妹妹|妹|儿子|女儿|闺女))";
const THEIR_NUMBER_BEFORE = new RegExp(`^${THEM}的?(?:电话|手机|号码|手机号|联系方式)(?:号码?)?(?:是|为|：|:|\\s)*$`, "u");
const THEIR_NUMBER_BEFORE_EN =
  /^(?:his|her|my (?:father|dad|mother|mom|mum|husband|wife|son|daughter|brother|sister)'?s?) (?:phone|number|mobile|cell)(?: number)?(?: is)?[:\s]*$/i;
const NOTHING_MORE_AFTER = /^[\s，,。.!！~～]*(?:(?:你们|请|就)?(?:打|联系|找)(?:他|她|这个)的?(?:电话|号码)?吧?)?[\s。.!！~～]*$/u;
const ONE_NUMBER = /(?:\+?86[ -]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)|(?<!\d)0\d{2,3}[-\s]?\d{7,8}(?!\d)/;

/**
 * A phone number given as his, hers or a family member's and nothing more ("他的电话13698765432",
 * "我爸电话136…"): the number to reach the one the complaint is for. Null for anything else.
 */
export function theirPhoneIn(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 60 || allPhones(trimmed).length !== 1) return null;
  const found = ONE_NUMBER.exec(trimmed);
  if (!found) return null;
  const before = trimmed.slice(0, found.index);
  const after = trimmed.slice(found.index + found[0].length);
  if (!(THEIR_NUMBER_BEFORE.test(before) || THEIR_NUMBER_BEFORE_EN.test(before)) || !NOTHING_MORE_AFTER.test(after)) return null;
  return found[0].replace(/\D/g, "").replace(/^86(?=1)/, "");
}

/** Whether the message is phone numbers and whose they are, nothing more ("我爸电话138…"). */
export function numbersOnly(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 60 || allPhones(trimmed).length === 0) return false;
  return trimmed.replace(OTHER_PARTY_NUMBER_WORDS, "").replace(/[+\d\s\-()（）]/g, "").replace(OWN_NUMBER_WORDS, "").length === 0;
}

// "不用了", "不方便", "没有手机": the phone asked for at logging is declined (not the complaint withdrawn).
const DECLINES_PHONE = /^(?:不用了?|不用留|不方便|不留了?|不想留|不需要|算了|没有手机|没手机|没有电话|no thanks|no need|not now|rather not|(?:it'?s )?not convenient|inconvenient|i'?d rather not)[。.!！~～]*$/i;

/** Whether a short reply declines to leave a phone number. */
export function declinesPhone(text: string): boolean {
  return DECLINES_PHONE.test(text.trim());
}

/**
 * The worker says a logged fact is wrong ("金额写错了，是35000", "错了 不是刘建国是刘建军", "刚才说错了 是红旗区"):
 * a fact named with a value of its kind, or words of a slip of their own. What the boss said was wrong
 * ("老板说的不对 他说我们没干完") or a complaint about waiting ("不对吧 怎么还没人联系我") is not one.
 */
export function correctsLoggedFact(text: string): boolean {
  const cue = detectCorrectionCue(text);
  if (cue === null) return false;
  if (OWN_SLIP.test(text)) return true;
  const value = (cue.valueText ?? "").trim();
  if (value === "" || isStoryTalk(value) || isQuestionToBot(value)) return false;
  switch (cue.fact) {
    case "amount":
      return findAmountMentions(value).length > 0 || parseAmountAnswer(value, null).ok;
    case "headcount":
      return parseHeadcountAnswer(value, null).ok;
    case "employer":
    case "project":
      return parseNameAnswer(value).ok;
    default:
      return false;
  }
}
const OWN_SLIP = /(?:说|写|填|打|记|搞|弄|报)错了|不是[^，,。\s]{1,20}(?:而)?是|上次说的不对/;
