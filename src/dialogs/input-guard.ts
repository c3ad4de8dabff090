// First look at what a worker typed: strip what no person meant to send and spot input that cannot
// be read at all, so that the engine answers politely and keeps the session as it was.

export type GuardResult =
  | { kind: "ok"; text: string }
  | { kind: "empty" }
  | { kind: "tooLong"; limit: number }
  | { kind: "noWords" };

// C0/C1 controls except tab and newline; zero-width and bidi marks that arrive with copy-paste.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const HAS_WORD = /[\p{Script=Han}\p{L}\p{N}]/u;

export function guardText(raw: string, maxChars: number): GuardResult {
  // Measure before cleaning: a 100 kB paste is refused whole, not silently cut.
  if (raw.length > maxChars) return { kind: "tooLong", limit: maxChars };
  const text = raw.replace(CONTROL_CHARACTERS, "").replace(/[ \t]+/g, " ").trim();
  if (text === "") return { kind: "empty" };
  if (!HAS_WORD.test(text)) return { kind: "noWords" };
  return { kind: "ok", text };
}

// "不知道", and as workers say it: "我不知道", "这个我不太清楚", "不知道，我没算过", "我也不知道他叫啥".
const DONT_KNOW =
  /^(?:(?:我|都|早|不是)?说了|我|俺|这个我?|那个我?|这我|厂名|店名|名字|公司名|项目名|老板名字|他叫啥|总数|总共|一共|加起来|具体多少|I\s|(?:在|是)?哪个(?:区|县|区县|镇|地方|项目|工地|公司)(?:我|俺)?|具体(?:的)?(?:地址|位置|名字)?(?:我|俺)?)?(?:我|俺)?(?:也|真|真的|确实|实在)?(不知道|不清楚|不晓得|不记得|记不清|记不清楚|不太清楚|不太知道|说不清|说不好|不确定|忘了|忘记了|不懂|不知|没问|没问过|没有名字|没名字|没有名|没个名|没起名|don'?t know|do not know|not sure|no idea|unknown)(?:了|啊|呀)?(?:(?:他|它|这个|那个)?[\u4e00-\u9fff]{0,4}?叫(?:啥|什么)(?:名字?|工地|项目|公司|单位)?|是谁|多少|(?:他|它|她)?的?名字|(?:店|厂|厂子|公司|项目|工地)(?:的)?名(?:字)?|\s(?:the|his|her|its|their) name)?(?:[，,\s].{0,24})?$/i;
// "嗯嗯", "对头", "要得", "yep, that's right": assent as workers say it, in dialect and chat.
const YES_WORD =
  "(?:对|对的|都对|全对|对头|对头的|是|是的|是滴|是对的|确认|确认提交|确定|没错|没得错|没问题|没得问题|正确|好|好的|可以|要得|提交|提交吧|就这样|嗯+|yes|y|ok|okay|yeah|yep|yup|sure|confirm|correct|right|submit|that'?s (?:right|correct|it)|it'?s (?:right|correct)|all (?:right|correct)|looks (?:good|right))";
// "对的，提交吧": several words of assent are one yes.
const YES = new RegExp(`^${YES_WORD}(?:吧|啊|呀)?(?:[，,、\\s]*${YES_WORD}(?:吧|啊|呀)?)*$`, "i");
const NO = /^(不对|不是|错了|有错|修改|改|改一下|要改|no|n|edit|wrong)$/i;
const SKIP = /^(跳过|不留|不想留|不方便|没有|不用|算了|skip|none|no phone)$/i;

/** "我记错了", "打错字了" after a value: the worker's aside, not part of it. */
export const SELF_CORRECTION_TAIL = /[\s，,。]*(?:我|是我)?(?:记错了|打错字?了|写错了|说错了|搞错了|弄错了)[。！!.\s]*$/;

/** Removes polite filler and trailing punctuation so "不知道啊。" reads as "不知道". */
export function bareAnswer(text: string): string {
  return text
    .trim()
    .replace(/[。！!？?，,．.~～…\s]+$/u, "")
    .replace(/[啊呀吧呢哦哈嘛了]+$/u, "")
    .replace(/^(嗯|额|呃|那个)[，,\s]*/u, "")
    .trim();
}

// "就是新华区那个棚改工地 俺也不知道叫啥": what it is, then that its name is not known.
const NAME_NOT_KNOWN_TAIL = /(?:我|俺)?(?:也|真|实在)?(?:不知道|不清楚|不晓得|不记得)(?:它|他|这个|那个)?(?:叫(?:啥|什么)|的?名字|名字叫(?:啥|什么))(?:名字?)?[了啊呀。.!！]*$/u;
// "叫什么不清楚", "名字不记得了": the name asked, not known.
const NAME_NOT_KNOWN_ALONE = /^(?:具体)?(?:叫什么|叫啥|名字)(?:名字)?(?:我|俺)?(?:也)?(?:不知道|不清楚|不晓得|不记得)/u;
// "没有项目 就是给他开车": a private driver has no project to name.
const NO_PROJECT = /^(?:我|俺)?(?:们)?(?:没有|没|不是|不在)(?:什么)?(?:项目|工地|工程)(?:的|啊|呀)?(?:[，,。\s].{0,24})?$/u;
// "没得名字" (dialect: it has no name); "一个厂房 叫什么产业园": a kind of place whose name is not known.
const NO_NAME_SAID = /^(?:就是|也|它|这个|那个)?(?:没得|莫得|冇)(?:啥|什么)?名(?:字)?$|(?:^|[\s，,])(?:叫|是)(?:什么|啥)(?:什么|啥)?[\u4e00-\u9fff]{0,4}(?:园|厂|公司|小区|工地|项目|广场|大厦|店|城)$/u;
export const isDontKnow = (text: string): boolean => {
  const bare = bareAnswer(text);
  return DONT_KNOW.test(bare) || NO_NAME_SAID.test(bare) || NAME_NOT_KNOWN_TAIL.test(bare) || NO_PROJECT.test(bare) || NAME_NOT_KNOWN_ALONE.test(bare);
};
// bareAnswer drops a leading 嗯 as filler: "嗯" alone is the whole answer.
export const isYes = (text: string): boolean => YES.test(bareAnswer(text)) || YES.test(text.trim().replace(/[。！!.~～…\s]+$/u, ""));
export const isNo = (text: string): boolean => NO.test(bareAnswer(text));
export const isSkip = (text: string): boolean => SKIP.test(bareAnswer(text));
