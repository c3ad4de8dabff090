// Clause boundaries: a number's meaning (owed, paid, a rate) comes from the words of its own clause.

// "9,600" keeps its comma; a comma not followed by three digits ends a clause.
const BOUNDARY = /[。；;！!？?\n、，]|,(?!\d{3}(?!\d))|\.(?=\s|$)/g;

export interface Span {
  start: number;
  end: number;
}

/** Start/end offsets of the clauses of a text, in order. */
export function clauseSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const at = m.index;
    if (at > start) spans.push({ start, end: at });
    start = at + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** The clause containing offset `at` (binary search: clauses are sorted). */
export function clauseAt(spans: readonly Span[], at: number): Span {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as Span;
    if (at < span.start) hi = mid - 1;
    else if (at >= span.end) lo = mid + 1;
    else return span;
  }
  return { start: at, end: at };
}
