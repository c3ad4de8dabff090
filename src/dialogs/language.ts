// The language a message is written in, for a worker who has not chosen one with /lang: a worker
// who writes English is answered in English, whatever the phone's language says.
import type { Locale } from "../config.js";

const HAN = /\p{Script=Han}/u;
// Words with a lower-case letter: a case ID ("D72-ZH8-ZXN") or an acronym is not English.
const LATIN_WORD = /\b(?=[A-Za-z]*[a-z])[A-Za-z]{2,}\b/g;
const ENGLISH_GREETING = /^(hello|hi|hey|help)[\s!.,]*$/i;

/** "zh-CN" for any Chinese, "en" for a sentence of English words, null when the text cannot tell (numbers, emoji, a command). */
export function languageOfText(text: string): Locale | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("/")) return null;
  if (HAN.test(trimmed)) return "zh-CN";
  const words = trimmed.match(LATIN_WORD)?.length ?? 0;
  // One word tells little ("OK" is Chinese chat too), except an English greeting.
  return words >= 2 || ENGLISH_GREETING.test(trimmed) ? "en" : null;
}
