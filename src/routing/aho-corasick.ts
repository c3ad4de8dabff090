// Aho–Corasick automaton over UTF-16 code units: finds every occurrence of every pattern in one pass,
// so the cost of a lookup depends on the text, not on how many place names are indexed.

export interface PatternHit {
  /** Index of the pattern in the array given to the constructor. */
  pattern: number;
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * Edge keys pack (node, letter) into one number. Letters are renumbered densely (a few thousand
 * distinct characters occur in place names), which keeps keys small integers that Map hashes fast.
 */
const NO_LETTER = -1;

export class AhoCorasick {
  private readonly edges = new Map<number, number>();
  private readonly letterOf = new Int32Array(0x10000).fill(NO_LETTER);
  private readonly alphabetSize: number;
  /** Transitions out of the root, where most characters of a text land: an array, not a Map lookup. */
  private readonly rootNext: Int32Array;
  private readonly fail: Int32Array;
  /** Pattern ending exactly at this node, or -1. */
  private readonly output: Int32Array;
  /** Nearest node on the fail chain that has an output, or -1: lets matching skip silent suffixes. */
  private readonly dictLink: Int32Array;
  private readonly patternLength: Int32Array;

  constructor(patterns: readonly string[]) {
    const firstChild: number[] = [-1];
    const nextSibling: number[] = [-1];
    const output: number[] = [-1];
    this.patternLength = new Int32Array(patterns.length);
    let letters = 0;
    for (const pattern of patterns) {
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        if (this.letterOf[code] === NO_LETTER) this.letterOf[code] = letters++;
      }
    }
    this.alphabetSize = Math.max(letters, 1);
    const A = this.alphabetSize;

    patterns.forEach((pattern, index) => {
      this.patternLength[index] = pattern.length;
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const key = node * A + (this.letterOf[pattern.charCodeAt(i)] as number);
        let child = this.edges.get(key);
        if (child === undefined) {
          child = output.length;
          output.push(-1);
          firstChild.push(-1);
          nextSibling.push(firstChild[node] ?? -1);
          firstChild[node] = child;
          this.edges.set(key, child);
        }
        node = child;
      }
      // Duplicate patterns keep the first index; callers merge payloads by string beforehand.
      if (output[node] === -1) output[node] = index;
    });

    const size = output.length;
    this.rootNext = new Int32Array(A);
    for (let letter = 0; letter < A; letter++) this.rootNext[letter] = this.edges.get(letter) ?? 0;
    this.output = Int32Array.from(output);
    this.fail = new Int32Array(size);
    this.dictLink = new Int32Array(size).fill(-1);
    const letterOfNode = new Int32Array(size);
    for (const [key, child] of this.edges) letterOfNode[child] = key % A;

    // Breadth-first, so that every fail target is final before it is used.
    const queue = new Int32Array(size);
    let head = 0;
    let tail = 0;
    for (let child = firstChild[0] ?? -1; child !== -1; child = nextSibling[child] ?? -1) {
      this.fail[child] = 0;
      queue[tail++] = child;
    }
    while (head < tail) {
      const node = queue[head++] as number;
      for (let child = firstChild[node] ?? -1; child !== -1; child = nextSibling[child] ?? -1) {
        const code = letterOfNode[child] as number;
        let f = this.fail[node] as number;
        let target = this.edges.get(f * A + code);
        while (target === undefined && f !== 0) {
          f = this.fail[f] as number;
          target = this.edges.get(f * A + code);
        }
        const failTo = target !== undefined && target !== child ? target : 0;
        this.fail[child] = failTo;
        this.dictLink[child] = (this.output[failTo] as number) !== -1 ? failTo : (this.dictLink[failTo] as number);
        queue[tail++] = child;
      }
    }
  }

  get nodeCount(): number {
    return this.output.length;
  }

  /** All occurrences, overlapping ones included, ordered by end position. */
  findAll(text: string): PatternHit[] {
    const hits: PatternHit[] = [];
    const A = this.alphabetSize;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const letter = this.letterOf[text.charCodeAt(i)] as number;
      // A character that occurs in no pattern ends every partial match.
      if (letter === NO_LETTER) {
        node = 0;
        continue;
      }
      let next = node === 0 ? undefined : this.edges.get(node * A + letter);
      while (next === undefined && node !== 0) {
        node = this.fail[node] as number;
        next = node === 0 ? undefined : this.edges.get(node * A + letter);
      }
      node = next ?? (this.rootNext[letter] as number);
      let out = (this.output[node] as number) !== -1 ? node : (this.dictLink[node] as number);
      while (out !== -1) {
        const pattern = this.output[out] as number;
        hits.push({ pattern, start: i + 1 - (this.patternLength[pattern] as number), end: i + 1 });
        out = this.dictLink[out] as number;
      }
    }
    return hits;
  }
}
