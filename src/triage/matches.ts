// Every match of a global pattern, in order: what `text.matchAll(pattern)` yields, without its fixed
// cost. matchAll copies the pattern (a new RegExp object per call, 0.2–2 µs for the long alternations of
// the readers), and the readers run dozens of patterns on every message: for a short answer
// ("12个人") those copies cost more than the matching itself.

/**
 * Like `[...text.matchAll(pattern)]` for a pattern with the g flag whose lastIndex is 0 (matchAll
 * starts where lastIndex is). lastIndex is left at 0, so a module-level pattern can be shared: the
 * array is complete before the caller looks at it.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  // As matchAll does: without the g flag exec would find the first match forever.
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern: ${pattern}`);
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place; matchAll steps over it the same way.
    if (m[0].length === 0) pattern.lastIndex = stepOver(text, pattern.lastIndex, UNICODE_FLAGS.test(pattern.flags));
  }
  return out;
}

/** The u and v flags make matchAll step over a whole surrogate pair. */
const UNICODE_FLAGS = /[uv]/;

function stepOver(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at + 2 : at + 1;
}
