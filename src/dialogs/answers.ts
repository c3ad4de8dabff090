// Reading a worker's short answer to one question ("多少钱?" → "3万2"). Unlike a free message,
// a bare number here can only mean what was asked, so a plain "32000" is an amount.
import { AMOUNT_MAX_YUAN, HEADCOUNT_MAX, OWNERSHIPS, PROJECT_KINDS, SECTORS } from "../domain.js";
import type { Ownership, ProjectKind, Sector } from "../domain.js";
import { tensRange } from "../triage/headcount.js";
import { parseNumeral as parseNumberWords } from "../triage/numerals.js";
import { nameBeforeClause } from "../triage/name-tail.js";
import { normalize } from "../triage/normalize.js";
import { bareAnswer, SELF_CORRECTION_TAIL } from "./input-guard.js";

export type AnswerResult<T> = { ok: true; value: T } | { ok: false; problem: string };

const fail = <T>(problem: string): AnswerResult<T> => ({ ok: false, problem });

export function parseAmountAnswer(text: string, fromReading: number | null): AnswerResult<number> {
  // "about 12 thousand", "around 3 wan": the hedge goes, the magnitude becomes the figure (normalize).
  const bare = bareAnswer(normalize(text)).replace(/^(?:about|around|roughly|approximately|approx\.?|maybe|nearly|almost)\s+/i, "");
  const value = fromReading ?? parseNumberWords(bare.replace(/(块钱|块|元|人民币|rmb|yuan|¥|￥)/gi, "").trim());
  if (value === null || Number.isNaN(value)) return fail("amountUnreadable");
  if (value <= 0) return fail("amountNotPositive");
  if (value > AMOUNT_MAX_YUAN) return fail("amountTooLarge");
  return { ok: true, value: Math.round(value * 100) / 100 };
}

const JUST_ME = /^(我|就我|就我一个|就我一个人|我一个|我一个人|我自己|就我自己|只有我|本人|一个人|just me|only me|me|myself|just myself)$/i;

// Asked how many are owed "(包括您自己)", the worker names who else: "还有我老婆", "加上我弟和我表哥",
// "还有两个老乡", "我老婆也是". Each one named, and the writer.
const SOMEONE_ELSE =
  "(?:我|俺)?的?(?:老婆|媳妇|老公|爱人|丈夫|妻子|男人|儿子|女儿|父亲|母亲|爸爸?|妈妈?|哥哥?|弟弟?|姐姐?|妹妹?|表哥|表弟|表姐|表妹|堂哥|堂弟|侄子|外甥|舅舅|叔叔|老乡|工友|同事|朋友|师傅|徒弟|室友)";
const BESIDES_ME_NAMED = new RegExp(`^(?:还有|加上|另外还有|另外|和|跟|连)(${SOMEONE_ELSE}(?:(?:和|跟|、|还有|加上)${SOMEONE_ELSE})*)(?:也是|也|一起|都是)?(?:被欠了?|没拿到|没给)?$`);
const BESIDES_ME_COUNTED = /^(?:还有|加上|另外还有|另外)(?:([\d一二两三四五六七八九十]+)个|(俩|仨)个?)(?:人|老乡|工友|同事|朋友|兄弟|亲戚)?(?:也是|也|都是|都)?(?:被欠了?|没拿到|没给)?$/;
const KIN_TOO = new RegExp(`^(${SOMEONE_ELSE})(?:也是|也)(?:被欠了?|没拿到|没给)?$`);
const ONE_NAMED = new RegExp(SOMEONE_ELSE, "g");

/** The writer and the others named or counted besides them, or null when the answer is not of that form. */
function countWithOthers(bare: string): number | null {
  const named = BESIDES_ME_NAMED.exec(bare)?.[1] ?? KIN_TOO.exec(bare)?.[1];
  if (named) return 1 + (named.match(ONE_NAMED)?.length ?? 1);
  const besides = BESIDES_ME_COUNTED.exec(bare);
  const counted = besides?.[1] ?? besides?.[2];
  if (counted) {
    const others = counted === "俩" ? 2 : counted === "仨" ? 3 : parseNumberWords(counted);
    if (others !== null && Number.isInteger(others) && others >= 1) return others + 1;
  }
  return null;
}

// "车间好几十个都一样", "几百个": a rough size, kept as the range the reader gives it (20–99).
const VAGUE_ANSWER = /(?:好)?几(十|百)(?:来|多)?(?:个|号|名|位|人)?(?![个号名位]?(?:月|多月|半月|钟|小时|星期|礼拜|年|天|块|万|千|元))/;
// "四五十个吧", "二三十": a range of tens, anywhere in a short answer.
const TENS_RANGE_ANSWER = /([一二两三四五六七八九][二三四五六七八九][十百])(?:多|来)?(?:个|号|名|位|人)?(?![个号名位]?(?:月|多月|半月|钟|小时|星期|礼拜|年|天|块|万|千|元))/;

export function parseHeadcountAnswer(
  text: string,
  fromReading: { min: number; max: number } | null,
): AnswerResult<{ min: number; max: number }> {
  // "差不多三十个", "大概十几个": the hedge says nothing about the number.
  const bare = bareAnswer(text).replace(/^(?:差不多|大概|大约|估计|约|有|一共|总共|共)/, "");
  if (JUST_ME.test(bare)) return { ok: true, value: { min: 1, max: 1 } };
  // "还有我老婆": the reading sees only "我" (one); the answer adds the wife.
  const withOthers = countWithOthers(bare);
  if (withOthers !== null) return withOthers > HEADCOUNT_MAX ? fail("headcountTooLarge") : { ok: true, value: { min: withOthers, max: withOthers } };
  let range = fromReading;
  if (!range) {
    const tens = TENS_RANGE_ANSWER.exec(bare)?.[1];
    if (tens) range = tensRange(tens);
  }
  if (!range) {
    const vague = VAGUE_ANSWER.exec(bare);
    if (vague) {
      const unit = vague[1] === "十" ? 10 : 100;
      range = { min: unit * 2, max: unit * 10 - 1 };
    }
  }
  if (!range) {
    // "十几个", "三十来个", "二十多个": the tens and whatever follows them.
    const vague = bare.match(/^([一二三四五六七八九两\d]?十|\d0)(?:几|来|多)/);
    if (vague?.[1]) {
      const tens = parseNumberWords(vague[1]);
      if (tens !== null) range = { min: tens, max: tens + 9 };
    }
  }
  if (!range) {
    const value = parseNumberWords(bare.replace(/(个人|个|人|名|位|people|persons|workers)$/i, "").trim());
    if (value !== null && Number.isInteger(value)) range = { min: value, max: value };
  }
  if (!range) return fail("headcountUnreadable");
  if (range.min <= 0) return fail("headcountNotPositive");
  if (range.max > HEADCOUNT_MAX) return fail("headcountTooLarge");
  return { ok: true, value: range };
}

// The worker's doubt around a name they give: before it ("好像是"), or after it ("我也不确定").
const HEDGE_TAIL =
  /[，,。.\s]*(?:我)?(?:也)?(?:不太?确定|不敢(?:太)?(?:肯定|确定)|记不(?:太)?清(?:楚)?了?|不太清楚|说不准|拿不准|没把握|(?:I'?m )?not (?:too |really |quite )?sure)[。.!！~～]*$/iu;
const HEDGE_HEAD = /^(?:我)?(?:记得|估计|好像|应该|可能|大概|也许|八成|据说|听说)(?:是|叫)?\s*/u;

const NAME_PREFIX =
  /^(项目|工地|工程|项目名称?|工地名称?|公司|公司名称?|单位|老板(?!娘)|老板名字|包工头|名字|名称|叫做?|是|在|the (?:owner|boss|company|employer|contractor|project|site|name)(?:'s name)?(?: is| was)?|it'?s called|it'?s|it is|called|named)[是叫:：\s]*/i;

const PAY_OR_TIME = /(?:一天|每天|日薪|月薪|一个月|每个?月|工资|干了|欠了?|每人|每个人|一人|人均)[^，,。]{0,3}[\d一二两三四五六七八九十百千万]|[\d一二两三四五六七八九十百千]+(?:块钱?|元|万|千|k|w|个月|天)(?=$|[，,。!！?？\s])/i;

// "陈刚 电话138…", "是刘建国，他电话139…", "my boss number is 139…": whose number, and the number.
const PHONE_IN_NAME =
  /[，,\s]*(?:(?:他的?|她的?|我的?|俺的?|老板的?|包工头的?|my |the |his |her )?(?:boss'?s? )?(?:电话|手机|联系方式|phone number|phone|number)(?: is)?)?[:：是]?\s*(?:\+?86)?(?:1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}-?\d{7,8})/gi;

// Assent typed where a name was asked ("OK", "好的") is not a name.
// Thanks typed there ("谢谢", "thanks 👍") is not a name either.
const NOT_A_NAME =
  /^(ok|okay|yes|yeah|yep|sure|no|nope|hello|hi|hey|thanks|thank you|thx|你好|您好|好|好的|是|是的|对|对的|嗯+|行|可以|没有|无|收到|谢谢|谢谢你们?|谢谢您|多谢|感谢|谢了|不方便|不方便说|不想说|不能说|不用了?|no thanks|not convenient|any progress\??)[\s.!。！~～\p{Extended_Pictographic}\u{FE0F}]*$/iu;
// A sentence, not a name: "俺也不知道具体多少人 反正好几百", "算了 不投诉了".
const SENTENCE = /不知道|不太?清楚|不太?确定|多少|反正|投诉|算了|不是什么|叫什么|忘了|名字忘|我刚才|刚才说|[吗呢][？?]?$|\?$|don'?t know|not sure|maybe|for all/i;
// "我是包工头", "俺们是干钢筋的": the writer telling who they are (the head of a story sent again), never a name.
const SELF_DESCRIBED = /^(?:我|俺|我们|俺们|咱们|本人)(?:就)?是/;
// "一家电子厂，叫鑫达电子", "我刚才说了，他叫黄海": the name is what follows 叫.
// "大家都叫他李老板": whom 叫 is said of goes; the name is what he is called.
const CALLED = /(?:叫做?|名叫|名字是)\s*(?:他|她)?\s*([^，,。！!？?\s]{2,30})/;

/** A name (project, employer): 2–80 characters with at least two letters or Han characters. */
/** A question to the bot ("要多久?", "你是谁", "你们管不管啊"): never a name. */
export function isQuestionToBot(text: string): boolean {
  return QUESTION.test(text.trim());
}
// English question words alone are not enough ("What's Up Cafe" is a name): a "?" says it.
// "你们这个要收钱不", "钱拿到没": a yes-or-no question ends in 不 or 没 ("…不收钱" does not end so).
// "你们是哪个部门", "你们是干啥的": asking who the bot is, with no particle at all.
const QUESTION = /[?？]|[吗么嘛][\s。.!！~～]*$|\p{Script=Han}{2}[不没][\s。.!！~～]*$|(?:你们|你|这)是(?:哪|什么|啥|干什么|干啥)|(?:怎么样|咋样|如何)了?[\s。.!！~～]*$|怎么(?:发|给|算|弄|办|回事|填|写|说)|咋(?:发|给|算|弄|办|填|写|说)|多久|怎么办|咋办|为什么|为啥|管不管|能不能|是不是|要不要|有没有用|什么时候|啥时候|你是谁|你们是谁/u;

/**
 * Words of the story, not a name: what the boss said or did ("他说下个月给 结果一直拖"), a sigh
 * ("怎么办啊"). Kept with the story; the question is asked again.
 */
export function isStoryTalk(text: string): boolean {
  return STORY_TALK.test(text.trim());
}
const STORY_TALK = /(?:他|她|老板|包工头|工头)(?:说|讲|答应)|结果|一直(?:拖|不|没)|拖着|拖了|不给|没给|不发|没发|不结|没结|欠了|跑了|联系不上|不接电话|拉黑|[啊呀哎唉]$|^(?:哎|唉|哎呀)/;

/** How a name ends ("结果建筑公司", "老板说了算烧烤"): a name, whatever words it is made of. */
const NAME_ENDING =
  /(?:公司|集团|厂|店|馆|烧烤|咖啡|餐厅|酒店|饭店|劳务|建筑|工程队|施工队|项目|工地|小区|花园|[一二三四五六七八九十\d]期|城|苑|广场|大厦|酸菜鱼|火锅|超市|\b(?:Cafe|Café|Restaurant|Ltd|Co\.?|Inc|Company|Factory|Hotel))$/i;

/**
 * The name at the head of an answer that goes on with the story or a question ("刘建国，他一直拖着不给",
 * "碧桂园三期啊", "他说他叫刘建国", "刘建国 欠了我两万"), or null when the head is no name. A head
 * with spaces inside is kept whole ("碧桂园 凤凰城 三期") unless what follows a space is story or figures.
 */
export function leadingName(text: string): string | null {
  // "The restaurant is called 小南国, owner is Mr Zhang": the name after "called", up to the clause's end.
  const englishCalled = EN_CALLED.exec(text)?.[1]?.trim();
  if (englishCalled) {
    const named = parseNameAnswer(englishCalled);
    if (named.ok) return named.value;
  }
  // "一家电子厂，叫鑫达电子": the name after 叫, wherever it is.
  if (CALLED.test(text)) {
    const whole = parseNameAnswer(text);
    return whole.ok ? whole.value : null;
  }
  let head = (text.trim().split(/[，,。；！!？?]/)[0] ?? "").trim();
  const spaced = /^(\S+)\s+(.+)$/.exec(head);
  if (spaced && (isStoryTalk(spaced[2] ?? "") || isQuestionToBot(spaced[2] ?? "") || FIGURE.test(spaced[2] ?? ""))) head = spaced[1] ?? head;
  head = head.replace(/(?<![网酒氧水书茶陶迪])[啊呀吧嘛哈]+$/u, "");
  const called = CALLED.exec(head)?.[1];
  if (!called && !NAME_ENDING.test(head) && (isQuestionToBot(head) || isStoryTalk(head) || QUESTION_WORD.test(head))) return null;
  const parsed = parseNameAnswer(head);
  return parsed.ok ? parsed.value : null;
}
const EN_CALLED = /\b(?:is |was |it'?s )?(?:called|named)\s+([^,.;!?，。；！？]+)/i;
// "什么意思？", "怎么写", "Who? The boss?": asking back, not naming ("刘建国吧？" names).
const QUESTION_WORD = /什么|怎么|啥|谁|哪|为何|为啥|\b(?:what|who|how|why|where|which)\b/i;
const FIGURE = /[\d一二两三四五六七八九十百千万]+(?:万|千|块|元|个人|个|人)/;

const PEOPLE_COUNT = /^(?:我们|俺们|咱们)?[\d一二两俩仨三四五六七八九十百几多来]+(?:个|名|位|号)?(?:人|工人|工友|兄弟|师傅)?(?:[，,\s].*)?$/;

const ALREADY_SAID = "(?:我|俺)?(?:刚才|刚刚|刚|已经|之前|前面|上面|一开始|开头|早)?(?:就|都|不是)?(?:说|讲|写|告诉你|发)(?:过)?了(?:的|嘛|啊|呀|吗)?";
// "胡老六 真名不知道": the name he goes by is the name; that the real one is not known is an aside.
// "螺蛳湾那边的保利工地 叫什么不清楚": the place described, its name not known — the description is kept.
const DESCRIBED_NAME_UNKNOWN = /[\s，,]+(?:具体)?(?:叫什么|叫啥|名字)(?:名字)?(?:我|俺)?(?:也)?(?:不知道|不清楚|不晓得|不记得)[了。.!！]*$/u;
const REAL_NAME_UNKNOWN = /[\s，,]*(?:他的?|她的?)?(?:真名|全名|大名|真实姓名)(?:叫什么|叫啥)?(?:我|俺)?(?:也)?(?:不知道|不清楚|不晓得|不记得)[了。.!！]*$/u;
const ALREADY_SAID_TAIL = new RegExp(`[\\s，,。]*${ALREADY_SAID}[。！!？?.\\s]*$`, "u");
const ALREADY_SAID_HEAD = new RegExp(`^(?:${ALREADY_SAID}|I (?:already|just) (?:said|told you)|as I said|like I said)[\\s，,。:：]*`, "iu");
const RECALLED = /(?:什么来着|啥来着|叫啥来着|叫什么来着|来着)[\s，,。.…~～]*/u;
const SPACED_CHARACTERS = /^\p{Script=Han}(?:\s+\p{Script=Han}){1,3}$/u;

const BARE_REFERENCE = /^(?:那个|这个|那|这)?(?:他|她|人|老板|包工头|工头|老板娘|公司|厂|工地)$/;

const NAME_UNKNOWN_THEN_DESCRIBED =
  /^(?:项目|工地|厂|店|公司)?(?:的)?(?:名字)?(?:叫(?:什么|啥)|名字)(?:名字)?[^，,\s]{0,6}?(?:不知道|不清楚|说不清|不晓得|不记得|记不清)(?:楚)?[了啊呀]?[\s，,]+(?:就是|反正是|是|在)?(\S.*)$/u;
// "人家家里": someone's home, no name to find it by.
const SOMEONES_HOME = /^(?:人家|别人)家里?$/u;
const PRIVATE_HOME_HEAD = /^(?:就是|是|在)?(?:人家|别人|客户|户主|雇主|东家)家里[\s，,]+(?=\S{2})/u;
const ASIDE_AFTER_NAME = /(?<=\S{2})[\s，,]+(?:是)?(?:(?:[\u4e00-\u9fff]{2,4}人)|(?:包工头|工头|老板|班长|班组长|队长|带班的?))$/u;
const OVER_THERE_INSIDE = /(?<=\p{Script=Han}{2})(?:那边|这边|那块|那一块|附近)(?:的|一个|那个)?(?=\p{Script=Han}{2})/u;

// "老板姓刘": a surname with its role is how workers name a boss they know only so.
const SURNAME_WITH_ROLE = /^(?:(老板|包工头|工头|班长|队长|经理|老板娘|站长|厂长|店长|主管|雇主|东家|户主|房东)?\s?(?:他|她)?姓)([\u4e00-\u9fff])(?:的)?$/;

// Words no firm's or person's name is made of ("Li Ming", "Hengli Electronics" pass).
const ENGLISH_SENTENCE_WORD =
  /\b(?:any|what|when|how|why|where|who|news|update|status|is|are|was|were|do|does|did|will|would|can|could|should|please|happens?|happened|next|yet|you|me|my|i|we|our|us|don'?t|know|not|the|it|this|that|thanks?|ok|okay|hello|hi|sorry|help)\b/i;

export function parseNameAnswer(text: string): AnswerResult<string> {
  // "陈刚 电话13812345678", "王大君 打错字了": the phone (read as the phone) and asides are not the name.
  // "陈建华啊 刚才说了", "I already said, 钱国庆": the impatience around a name is not part of it.
  let name = bareAnswer(
    text.replace(PHONE_IN_NAME, " ").replace(SELF_CORRECTION_TAIL, "").replace(ALREADY_SAID_TAIL, "").replace(ALREADY_SAID_HEAD, "").replace(REAL_NAME_UNKNOWN, "").replace(DESCRIBED_NAME_UNKNOWN, ""),
  ).trim();
  // "陈什么来着…陈建华": the name remembered after the search for it.
  const remembered = RECALLED.exec(name);
  if (remembered && remembered.index + remembered[0].length < name.length) name = name.slice(remembered.index + remembered[0].length).trim();
  // "王 小 明": one name typed a character at a time.
  if (SPACED_CHARACTERS.test(name)) name = name.replace(/\s+/g, "");
  // "是刘建国吗 我也不确定", "好像是姓刘的", "我记得是宏达劳务": the name the worker is unsure of is the name.
  const unsure = HEDGE_TAIL.exec(name);
  if (unsure && unsure.index > 0) name = name.slice(0, unsure.index).replace(/[吗吧嘛]?[？?]*$/u, "").trim();
  name = name.replace(HEDGE_HEAD, "");
  // "项目叫什么他也说不清 就是松江新城那边的安置房": the name not known, then what it is.
  const described = NAME_UNKNOWN_THEN_DESCRIBED.exec(name)?.[1];
  if (described) name = described.trim();
  // "就是人家家里 梅溪湖那边一个小区": a private home names nothing; what follows does.
  name = name.replace(PRIVATE_HOME_HEAD, "");
  // "浪莎针织还是啥", "鑫达电子老板是台湾人", "绿城物业 在那个泉城花园小区": the name, not the clause after it.
  name = nameBeforeClause(name);
  // "姓蒋 安徽人", "老周 包工头": where he is from, or his role, said after the name.
  name = name.replace(ASIDE_AFTER_NAME, "");
  // "松江新城那边的安置房": the words for "over there" are no part of a name.
  name = name.replace(OVER_THERE_INSIDE, "");
  const surname = SURNAME_WITH_ROLE.exec(name);
  // "雇主姓张": a household is named 姓张的雇主, not 张雇主 as a boss is 张老板.
  if (surname) {
    const role = surname[1] ?? "老板";
    return { ok: true, value: role === "雇主" || role === "东家" || role === "户主" || role === "房东" ? `姓${surname[2]}的${role}` : `${surname[2]}${role}` };
  }
  if (isQuestionToBot(name) && !NAME_ENDING.test(name)) return fail("nameUnreadable");
  // "是一个叫启航教育的": the name, without the 的 that closes the phrase.
  const called = CALLED.exec(name)?.[1]?.replace(/(?<=.{2})的$/u, "");
  if (called && !SENTENCE.test(called)) name = called;
  for (let i = 0; i < 3; i++) name = name.replace(NAME_PREFIX, "").trim();
  // "就是刘建国呀": the filler goes; "就是他", "还是那个老板", "就是包工头" name no one.
  name = name.replace(/^(?:就是|还是|就)\s*/, "").replace(/(?<![网酒氧水书茶陶迪])[啊呀吧嘛哈]+$/u, "").trim();
  // "老板娘", "包工头", "他": a role or a pointer, not who — asked for the name or surname (not "two characters").
  if (BARE_REFERENCE.test(name) || BARE_REFERENCE.test((name.split(/[，,\s]/)[0] ?? "").replace(/^(?:就是|还是|就)/, ""))) return fail("nameIsRoleOnly");
  name = name.replace(/^["“「『]+|["”」』]+$/g, "").trim();
  const letters = name.match(/[\p{Script=Han}\p{L}]/gu)?.length ?? 0;
  if (letters < 2 || NOT_A_NAME.test(name) || SOMEONES_HOME.test(name) || JUST_ME.test(name) || SENTENCE.test(name) || SELF_DESCRIBED.test(name)) return fail("nameUnreadable");
  // "any news?", "what happens next": English words of a sentence, where a name was asked.
  if (!/\p{Script=Han}/u.test(name) && ENGLISH_SENTENCE_WORD.test(name)) return fail("nameUnreadable");
  // "一天两百，干了一个月", "欠了三万": figures of pay or time are not a name.
  if (PAY_OR_TIME.test(name)) return fail("nameUnreadable");
  // "八九个人", "五个": how many people, not who or where.
  if (PEOPLE_COUNT.test(name)) return fail("nameUnreadable");
  // "四千八", "两万": a figure alone is no name.
  if (parseNumberWords(name.replace(/[块元钱]+$/, "")) !== null) return fail("nameUnreadable");
  if (name.length > 80) return fail("nameTooLong");
  return { ok: true, value: name };
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

export function parsePhoneAnswer(text: string): AnswerResult<string> {
  const digits = bareAnswer(text)
    .normalize("NFKC")
    .replace(/^(\+?86)/, "")
    .replace(/[\s\-()（）]/g, "");
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return { ok: true, value: digits };
  return fail("phoneInvalid");
}

const SINCE_HINT = /(\d|[一二三四五六七八九十两]|年|月|去年|前年|今年|春节|过年|上个?月|半年|ago|since|month|year)/i;

export function parseSinceAnswer(text: string): AnswerResult<string> {
  const value = bareAnswer(text).replace(/^(从|自从|自)/, "").replace(/(开始|起)$/, "");
  if (!SINCE_HINT.test(value) || value.length > 40) return fail("sinceUnreadable");
  return { ok: true, value };
}

export function isSector(value: string): value is Sector {
  return (SECTORS as readonly string[]).includes(value);
}
export function isProjectKind(value: string): value is ProjectKind {
  return (PROJECT_KINDS as readonly string[]).includes(value);
}
export function isOwnership(value: string): value is Ownership {
  return (OWNERSHIPS as readonly string[]).includes(value);
}
