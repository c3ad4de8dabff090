// Every reader works on one canonical form of the text, so that patterns are written once:
// Simplified characters, ASCII digits/letters/punctuation, single spaces.
import * as OpenCC from "opencc-js/t2cn";

// Built once: the converter compiles its dictionaries into a trie, far too slow to redo per message.
// Character mapping only ("tw"): the phrase table ("twp") rewrites names too (智慧树 → 智能树).
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

// Anything outside ASCII and the CJK blocks may be Traditional; pure ASCII text skips the converter.
const NON_ASCII = /[^\x00-\x7f]/;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;
const WHITESPACE_RUN = /\s+/g;

function fullWidthToAscii(text: string): string {
  // Full-width forms U+FF01..U+FF5E sit exactly 0xFEE0 above their ASCII twins.
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

// Most messages are already Simplified: the converter runs only when some character would change.
// Which characters change is learnt once per character ("tw" maps character by character).
const changesWhenSimplified = new Map<string, boolean>();

function hasTraditional(text: string): boolean {
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    let changes = changesWhenSimplified.get(char);
    if (changes === undefined) {
      changes = toSimplified(char) !== char;
      if (changesWhenSimplified.size < 50_000) changesWhenSimplified.set(char, changes);
    }
    if (changes) return true;
  }
  return false;
}

// Chinese punctuation whose meaning the readers need is kept as is (，。：“”), only widths unify.
export function normalize(text: string): string {
  let out = text.normalize("NFC");
  if (NON_ASCII.test(out) && hasTraditional(out)) out = toSimplified(out);
  out = fullWidthToAscii(out).replace(IDEOGRAPHIC_SPACE, " ");
  return out.replace(WHITESPACE_RUN, " ").trim();
}
