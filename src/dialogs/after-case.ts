// Short messages a worker sends after a complaint is logged: thanks, "any progress?", "still not
// paid". They are about the case they already have, not a new complaint, and get a fitting answer.

const THANKS =
  /^(谢谢|多谢|感谢|谢了|谢啦|好的|好|嗯+|收到|知道了|明白了|辛苦了|ok|okay|thanks|thank you|thx)[\s,，。.!！~]*(谢谢|多谢|你|您|你们|了|啦|辛苦了|a lot)?[\s,，。.!！~]*$/i;
const PROGRESS =
  /有进展|进展|进度|怎么样了|处理了吗|处理得怎么样|办了吗|办得怎么样|有结果|有消息|什么时候(?:能|给|发|处理|解决)|多久|any (?:update|news|progress)|what'?s the status|progress\??$/i;
const NOT_PAID =
  /(?:还没|还是没|没有|没)(?:收到|拿到|到账)(?:钱|工资)?|钱(?:还)?(?:没|没有)(?:到|收到|到账)|not (?:been )?paid|haven'?t (?:been paid|received|got)/i;
// Who owes what, or any figure: a story — a new complaint, even a short one ("恒发电器厂欠我8000").
const STORY = /欠|拖|\d|[一二两三四五六七八九十百千万]{2,}|owes?\b/i;

/** Beyond this length a message tells a story: it is read as a complaint. */
const SHORT = 24;

export type AfterCaseIntent = "thanks" | "progress" | "notPaid";

export function afterCaseIntent(text: string): AfterCaseIntent | null {
  const trimmed = text.trim();
  if (trimmed.length > SHORT) return null;
  if (THANKS.test(trimmed)) return "thanks";
  if (STORY.test(trimmed)) return null;
  if (NOT_PAID.test(trimmed)) return "notPaid";
  if (PROGRESS.test(trimmed)) return "progress";
  return null;
}
