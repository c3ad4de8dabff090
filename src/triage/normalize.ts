// Every reader works on one canonical form of the text, so that patterns are written once:
// Simplified characters, ASCII digits/letters/punctuation, single spaces.
import * as OpenCC from "opencc-js/t2cn";

// Built once: the converter compiles its dictionaries into a trie, far too slow to redo per message.
// Character mapping only ("tw"): the phrase table ("twp") rewrites names too (智慧树 → 智能树).
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

// Anything outside ASCII and the CJK blocks may be Traditional; pure ASCII text skips the converter.
const NON_ASCII = /[^\x00-\x7f]/;
const IDEOGRAPHIC_SPACE = /\u3000/g;
const WHITESPACE_RUN = /\s+/g;

function fullWidthToAscii(text: string): string {
  // Full-width forms U+FF01..U+FF5E sit exactly 0xFEE0 above their ASCII twins. A loop over code
  // units rather than a replace with a callback: nearly every Chinese message has some (，！？：).
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xff01 && unit <= 0xff5e) {
      out += text.slice(copied, i) + String.fromCharCode(unit - 0xfee0);
      copied = i + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

// Most messages are already Simplified: the converter runs only when some character would change.
// Which characters change is learnt once per character ("tw" maps character by character): in a
// table indexed by UTF-16 unit for the Basic Multilingual Plane (every Han character people type),
// in a Map for the rare characters written with a surrogate pair.
const UNKNOWN = 0;
const KEPT = 1;
const CHANGED = 2;
const bmpVerdicts = new Uint8Array(0x10000);
const astralChangesWhenSimplified = new Map<string, boolean>();

// Simplified characters the "tw" table still rewrites: 么 (什么, 饿了么) becomes 幺, as if it were the
// Traditional variant of 幺. They are kept as written.
const ALREADY_SIMPLIFIED = /么/g;
const KEEP_MARK = "\uE000";

/** Traditional to Simplified, the characters that are Simplified already left alone. */
function simplify(text: string): string {
  const kept = text.match(ALREADY_SIMPLIFIED);
  if (!kept) return toSimplified(text);
  let index = 0;
  return toSimplified(text.replace(ALREADY_SIMPLIFIED, KEEP_MARK)).replace(/\uE000/g, () => kept[index++] ?? "");
}

function changesWhenSimplified(char: string): boolean {
  if (char === "么") return false;
  if (char.length === 1) {
    const unit = char.charCodeAt(0);
    let verdict = bmpVerdicts[unit] as number;
    if (verdict === UNKNOWN) {
      verdict = toSimplified(char) !== char ? CHANGED : KEPT;
      bmpVerdicts[unit] = verdict;
    }
    return verdict === CHANGED;
  }
  let changes = astralChangesWhenSimplified.get(char);
  if (changes === undefined) {
    changes = toSimplified(char) !== char;
    if (astralChangesWhenSimplified.size < 50_000) astralChangesWhenSimplified.set(char, changes);
  }
  return changes;
}

/** Same characters as `for (const char of text)`, without a string per character for the BMP ones. */
function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (changesWhenSimplified(text.slice(i, i + 2))) return true;
        i += 1;
        continue;
      }
    }
    const verdict = bmpVerdicts[unit] as number;
    if (verdict === KEPT) continue;
    if (verdict === CHANGED || changesWhenSimplified(text[i] as string)) return true;
  }
  return false;
}

// Chinese punctuation whose meaning the readers need is kept as is (，。：“”), only widths unify.
export function normalize(text: string): string {
  let out = text.normalize("NFC");
  if (NON_ASCII.test(out) && hasTraditional(out)) out = simplify(out);
  out = fullWidthToAscii(out);
  // Most messages have no ideographic space: the replace runs only when there is one.
  if (out.includes("\u3000")) out = out.replace(IDEOGRAPHIC_SPACE, " ");
  // "12 thousand", "1.5 million", "3 wan": English magnitudes as the figures the readers know.
  if (ENGLISH_MAGNITUDE_HINT.test(out)) out = out.replace(ENGLISH_MAGNITUDE, (_, figure: string, word: string) => spelledOut(figure, word));
  return voiceTypingFixed(out.replace(WHITESPACE_RUN, " ").trim());
}

// Voice input writes the role and pay words with characters that sound the same: 老版 for 老板 (boss),
// 包工投 / 包公头 for 包工头 (labour contractor), 公资 / 工滋 for 工资 (wages). Read as the words meant, so
// that they are never taken for a name and every reader (roles, sums, kind of problem) knows them.
// "老版本", "老版型" (an old version, an old cut) are words of their own, and so is 公资 (public capital)
// unless pay follows ("公资三万", "公资没给").
const VOICE_TYPED = /老[版扳](?![本型式])|包[工公][投偷透]|包公头|[公工][滋姿]|公资(?=[\s，,。!！?？]|$|[是没不拖欠一两三四五六七八九十\d还都也就给发结要的了呢啊])/g;
const VOICE_TYPED_HINT = /[版扳投偷透公滋姿资]/;
const MEANT: Record<string, string> = { 老: "老板", 包: "包工头" };

/** The role and pay words that voice input misspells, as meant; everything else unchanged. */
export function voiceTypingFixed(text: string): string {
  if (!VOICE_TYPED_HINT.test(text)) return text;
  return text.replace(VOICE_TYPED, (word) => (word === "工资" ? word : (MEANT[word.charAt(0)] ?? "工资")));
}

const ENGLISH_MAGNITUDE_HINT = /thousand|million|wan\b/i;
const ENGLISH_MAGNITUDE = /(\d+(?:\.\d+)?)\s*(thousand|million|wan)\b/gi;
const MAGNITUDE: Record<string, number> = { thousand: 1_000, million: 1_000_000, wan: 10_000 };

function spelledOut(figure: string, word: string): string {
  const value = Number(figure) * (MAGNITUDE[word.toLowerCase()] ?? 1);
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : `${figure} ${word}`;
}
