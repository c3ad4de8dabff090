// Questions about the process that workers ask before, during and after filing ("需要什么材料",
// "要不要请律师", "要不要去劳动局", "你们是真的政府吗"): answered where they are asked, in one short
// message, and the dialog goes on where it was.

const QUESTIONS: ReadonlyArray<readonly [string, RegExp]> = [
  ["faq.evidence", /需要什么材料|要什么材料|要准备什么|什么证据|要证据|证据吗|聊天记录算|没有合同|没签合同怎么办|没合同怎么办|what (?:documents|evidence)|do I need (?:a )?contract|no contract/i],
  ["faq.lawyer", /律师|法律援助|打官司|起诉|lawyer|legal aid|sue\b/i],
  ["faq.visit", /要不要去劳动局|用不用去|要不要去|要去哪|去哪里办|办公室在哪|地址在哪|本人去|do I (?:have|need) to go|where is your office/i],
  ["faq.official", /真的政府|是政府吗|是不是政府|你们是谁|是不是骗|骗人的吧|官方的吗|靠谱吗|are you (?:the )?government|is this official|is this real/i],
];

// "老板欠我3万，我想起诉他" is a complaint that mentions a lawsuit, not a question about one.
const STORY = /欠|拖|没给|没发|不给|不发|跑了|\d|owe|unpaid/i;

/** The answer's i18n key when the message is a question about the process, else null. */
export function processQuestion(text: string): string | null {
  const trimmed = text.trim();
  // A story that also asks is read as a story: only short questions are answered this way.
  if (trimmed.length > 40 || STORY.test(trimmed)) return null;
  for (const [key, pattern] of QUESTIONS) if (pattern.test(trimmed)) return key;
  return null;
}
