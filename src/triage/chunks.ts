// Names (projects, companies) sit between function words: "在|林州红旗渠灌区续建配套项目|上干…".
// Cutting the text at those words gives the spans a name can start at.

// Punctuation, quotes, and the short words that introduce or follow a name in workers' sentences.
const SPLIT = /[\s,，。.!！?？;；:：、“”"'‘’「」『』()（）\[\]【】<>《》—\-~～]+|在|是|给|叫|的|跟|被|把|到|于|帮|替|了(?!么)|那个|这个|一个|一家|这家|那家|有个|干(?!渠)|做|搞|上班|当/g;

export interface Chunk {
  text: string;
  start: number;
}

// Project and employer readers both cut the same message: the last cut is kept for the second one.
let lastText: string | null = null;
let lastChunks: readonly Chunk[] = [];

export function chunksOf(text: string): readonly Chunk[] {
  if (text === lastText) return lastChunks;
  const chunks: Chunk[] = [];
  let start = 0;
  SPLIT.lastIndex = 0;
  for (let m = SPLIT.exec(text); m !== null; m = SPLIT.exec(text)) {
    const at = m.index;
    if (at > start) chunks.push({ text: text.slice(start, at), start });
    start = at + m[0].length;
  }
  if (start < text.length) chunks.push({ text: text.slice(start), start });
  lastText = text;
  lastChunks = chunks;
  return chunks;
}

const QUOTED = /[“"「『]([^”"」』“]{2,30})[”"」』]/g;
// Most messages quote nothing: one scan for an opening mark saves running the pattern.
const OPENING_QUOTE = /[“"「『]/;

export interface Quoted {
  text: string;
  start: number;
  end: number;
}

/** Names the worker put in quotes — usually a project, shop or company name. */
export function quotedNames(text: string): Quoted[] {
  const out: Quoted[] = [];
  if (!OPENING_QUOTE.test(text)) return out;
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m !== null; m = QUOTED.exec(text)) {
    const start = m.index;
    out.push({ text: (m[1] ?? "").trim(), start, end: start + m[0].length });
  }
  return out;
}
