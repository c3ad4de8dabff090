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
 * Edge keys pack (node, letter) into one number while the automaton is built. Letters are renumbered
 * densely (a few thousand distinct characters occur in place names), which keeps keys small integers.
 */
const NO_LETTER = -1;
const NO_NODE = -1;

/**
 * The edges once built, for matching: an open-addressing hash table in one Int32Array, three cells
 * per slot (node, letter, child), at most half full. A lookup reads one or two neighbouring slots;
 * the Map of ~100,000 entries it replaces made matching about a fifth slower.
 */
class EdgeTable {
  private readonly cells: Int32Array;
  private readonly mask: number;

  constructor(edges: ReadonlyMap<number, number>, alphabetSize: number) {
    let slots = 2;
    while (slots < edges.size * 2) slots *= 2;
    this.mask = slots - 1;
    this.cells = new Int32Array(slots * 3).fill(NO_NODE);
    for (const [key, child] of edges) {
      const node = Math.floor(key / alphabetSize);
      const letter = key - node * alphabetSize;
      let slot = EdgeTable.slotOf(node, letter) & this.mask;
      while (this.cells[slot * 3] !== NO_NODE) slot = (slot + 1) & this.mask;
      this.cells[slot * 3] = node;
      this.cells[slot * 3 + 1] = letter;
      this.cells[slot * 3 + 2] = child;
    }
  }

  private static slotOf(node: number, letter: number): number {
    let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(letter + 1, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return h ^ (h >>> 12);
  }

  /** The child of `node` by `letter`, or NO_NODE. */
  child(node: number, letter: number): number {
    const cells = this.cells;
    let slot = EdgeTable.slotOf(node, letter) & this.mask;
    for (;;) {
      const at = slot * 3;
      const n = cells[at] as number;
      if (n === NO_NODE) return NO_NODE;
      if (n === node && cells[at + 1] === letter) return cells[at + 2] as number;
      slot = (slot + 1) & this.mask;
    }
  }
}

export class AhoCorasick {
  private readonly table: EdgeTable;
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
    const edges = new Map<number, number>();
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
        let child = edges.get(key);
        if (child === undefined) {
          child = output.length;
          output.push(-1);
          firstChild.push(-1);
          nextSibling.push(firstChild[node] ?? -1);
          firstChild[node] = child;
          edges.set(key, child);
        }
        node = child;
      }
      // Duplicate patterns keep the first index; callers merge payloads by string beforehand.
      if (output[node] === -1) output[node] = index;
    });

    const size = output.length;
    this.rootNext = new Int32Array(A);
    for (let letter = 0; letter < A; letter++) this.rootNext[letter] = edges.get(letter) ?? 0;
    this.output = Int32Array.from(output);
    this.fail = new Int32Array(size);
    this.dictLink = new Int32Array(size).fill(-1);
    const letterOfNode = new Int32Array(size);
    for (const [key, child] of edges) letterOfNode[child] = key % A;

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
        let target = edges.get(f * A + code);
        while (target === undefined && f !== 0) {
          f = this.fail[f] as number;
          target = edges.get(f * A + code);
        }
        const failTo = target !== undefined && target !== child ? target : 0;
        this.fail[child] = failTo;
        this.dictLink[child] = (this.output[failTo] as number) !== -1 ? failTo : (this.dictLink[failTo] as number);
        queue[tail++] = child;
      }
    }
    this.table = new EdgeTable(edges, A);
  }

  get nodeCount(): number {
    return this.output.length;
  }

  /** All occurrences, overlapping ones included, ordered by end position. */
  findAll(text: string): PatternHit[] {
    const hits: PatternHit[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const letter = this.letterOf[text.charCodeAt(i)] as number;
      // A character that occurs in no pattern ends every partial match.
      if (letter === NO_LETTER) {
        node = 0;
        continue;
      }
      let next = node === 0 ? NO_NODE : this.table.child(node, letter);
      while (next === NO_NODE && node !== 0) {
        node = this.fail[node] as number;
        next = node === 0 ? NO_NODE : this.table.child(node, letter);
      }
      node = next !== NO_NODE ? next : (this.rootNext[letter] as number);
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
