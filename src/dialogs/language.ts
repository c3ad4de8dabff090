// The language a message is written in, for a worker who has not chosen one with /lang: a worker
// who writes English is answered in English, whatever the phone's language says.
import { findCaseIdIn, parseCaseId } from "../cases/case-id.js";
import type { Locale } from "../config.js";

const HAN = /\p{Script=Han}/gu;
// Words with a lower-case letter: a case ID ("D72-ZH8-ZXN") or an acronym is not English.
const LATIN_WORD = /\b(?=[A-Za-z]*[a-z])[A-Za-z]{2,}\b/g;
const ENGLISH_GREETING = /^(hello|hi|hey|help)[\s!.,]*$/i;
// A word made of pinyin syllables ("laoban", "gongzi"): Chinese typed without a Chinese keyboard.
const PINYIN_WORD =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v))+$/i;
// English words of pinyin's shape ("are you human?" is all syllables): not counted as pinyin.
const ENGLISH_LOOKALIKE =
  /^(?:are|human|he|she|me|we|be|in|on|an|no|so|go|to|do|can|man|men|ran|run|sun|fun|long|hang|ten|pen|die|lie|tie|pie|home|came|come|same|name|game|make|take|here|one|done|gone|bot|robot|anyone|someone|agent)$/i;
/** An answer this short in Chinese characters is a place or a name, not a change of language. */
const SHORT_HAN_ANSWER = 12;
/** Up to this many characters, even words of a sentence ("不知道") are an answer, not a change of language. */
const SHORT_HAN_REPLY = 4;
// Words of a sentence ("老板欠我工资"), which names and places do not have.
const SENTENCE_WORDS = /[我你他她们欠了吗呢吧没不是的要给]/;

/**
 * "zh-CN" for Chinese, "en" for a sentence of English words (Chinese names in it or not), null when
 * the text cannot tell (numbers, emoji, a command, a case ID) — or when an English writer answers
 * with a short Chinese name ("郑州金水区"), which keeps `current`.
 */
export function languageOfText(text: string, current: Locale | null = null): Locale | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("/")) return null;
  // A case ID is no word of either language ("carpenter" has the shape of one, but is not one).
  const found = findCaseIdIn(trimmed);
  const caseId = found && (parseCaseId(found).kind === "valid" || /\d/.test(found)) ? found : null;
  const rest = caseId ? trimmed.replace(caseId, " ") : trimmed;
  const han = rest.match(HAN)?.length ?? 0;
  const words = rest.match(LATIN_WORD) ?? [];
  // Pinyin is typed in lower case; capitalised words ("Sunshine Tutoring, Wudaokou") are names in English.
  if (words.length >= 3 && words.filter((word) => word === word.toLowerCase() && PINYIN_WORD.test(word) && !ENGLISH_LOOKALIKE.test(word)).length >= words.length * 0.8) return "zh-CN";
  // A Chinese word is about two characters: "My boss 张三 owes me 5000" is English. Names and places
  // alone ("碧桂园凤凰城三期", "新乡市红旗区": no word of a Chinese sentence) are longer words still.
  const hanWords = SENTENCE_WORDS.test(rest) ? han / 2 : han / 4;
  if (words.length >= 2 && words.length >= hanWords) return "en";
  if (han > 0) {
    // "不知道", "没有", "记不清了" from an English writer: a word of answer, not a change of language.
    const keepsEnglish = current === "en" && words.length === 0 && (han <= SHORT_HAN_REPLY || (han <= SHORT_HAN_ANSWER && !SENTENCE_WORDS.test(rest)));
    return keepsEnglish ? null : "zh-CN";
  }
  // One word tells little ("OK" is Chinese chat too), except an English greeting.
  if (words.length >= 2) return "en";
  // "hi" from someone already writing Chinese is chat, not a change of language.
  return ENGLISH_GREETING.test(trimmed) && current !== "zh-CN" ? "en" : null;
}
