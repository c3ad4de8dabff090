// Short messages a worker sends after a complaint is logged: thanks, "any progress?", "still not
// paid", "my workmates weren't paid either". They are about the case they already have, not a new
// complaint, and get a fitting answer.

// Polite words and waiting; a message made only of these (and punctuation, emoji) is a thank-you.
const POLITE =
  /谢谢|多谢|感谢|谢了|谢啦|好的|好吧|好滴|好|行|嗯+|哦+|噢|收到|知道了|明白了|了解|辛苦了|辛苦|麻烦(?:你们|您|你)?了|那我等着|我等着|等着|等你们的?消息|等消息|那就这样|ok|okay|thanks|thank you|thx|got it|noted|i'?ll wait|你们|您|你|了|啦|呀|哈|a lot|very much|\s|[,，。.!！~～、…]|\p{Extended_Pictographic}|\u{FE0F}/giu;
// "你好" is a greeting, not thanks: it gets the introduction.
const GREETING = /^(?:你|您|大家)好|^(?:hi|hello|hey)\b/i;
const PROGRESS =
  /有进展|进展|进度|怎么样了|处理了吗|处理得怎么样|办了吗|办得怎么样|有结果|有消息|怎么还没(?:消息|动静|人管|处理)|还没消息|哪一步|到哪了|有人管吗|有没有人管|管不管|什么时候(?:能|给|发|处理|解决)|多久|any (?:update|news|progress)|what'?s the status|progress\??$/i;
const NOT_PAID =
  /(?:还没|还是没|没有|没|仍然没|还没有)(?:收到|拿到|到账|给|发|结|付)(?:钱|工资)?|钱(?:还|还是|仍然)?(?:没|没有)(?:到|收到|到账|给|发)|(?:只|才)(?:拿到|给了|发了|收到|到了?)(?:一半|一部分|一点|部分|几千)|not (?:been )?paid|haven'?t (?:been paid|received|got)|still no (?:money|pay)/i;
// Others in the same plight: "我们宿舍还有5个人也没拿到钱", "我老乡也被欠了".
const OTHERS_TOO =
  /(?:老乡|工友|同事|宿舍|室友|兄弟|他们|别人|其他人|还有[\d一二两三四五六七八九十几]+个?人)[^。！？]{0,12}也|也[^。！？]{0,6}(?:被欠|没拿到|没给|没发)/;
// Who owes what, or any figure: a story — a new complaint, even a short one ("恒发电器厂欠我8000").
const STORY = /欠|拖|\d|[一二两三四五六七八九十百千万]{2,}|owes?\b/i;

/** Beyond this length a message tells a story: it is read as a complaint. */
const SHORT = 24;

export type AfterCaseIntent = "thanks" | "progress" | "notPaid" | "othersToo";

export function afterCaseIntent(text: string): AfterCaseIntent | null {
  const trimmed = text.trim();
  if (trimmed.length > SHORT) return null;
  if (!GREETING.test(trimmed) && trimmed.replace(POLITE, "").length === 0) return "thanks";
  if (OTHERS_TOO.test(trimmed)) return "othersToo";
  if (STORY.test(trimmed)) return null;
  if (NOT_PAID.test(trimmed)) return "notPaid";
  if (PROGRESS.test(trimmed)) return "progress";
  return null;
}

/** "怎么样了", "到哪一步了": a question about progress (with an ID, a status query). */
export function asksProgress(text: string): boolean {
  return PROGRESS.test(text);
}
