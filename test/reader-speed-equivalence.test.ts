// The fast paths of the reader against the plain definitions they replace: every match of a pattern
// (matchAll), every occurrence of every place name (a naive search), and the canonical text form
// (NFC, OpenCC, full-width → ASCII, spaces). Fast and plain must agree on awkward inputs too.
import * as OpenCC from "opencc-js/t2cn";
import { describe, expect, it } from "vitest";
import { AhoCorasick } from "../src/routing/aho-corasick.js";
import { allMatches } from "../src/triage/matches.js";
import { normalize } from "../src/triage/normalize.js";

const plainMatches = (pattern: RegExp, text: string): unknown[] =>
  [...text.matchAll(pattern)].map((m) => ({ index: m.index, groups: [...m] }));
const fastMatches = (pattern: RegExp, text: string): unknown[] =>
  allMatches(pattern, text).map((m) => ({ index: m.index, groups: [...m] }));

describe("allMatches", () => {
  it.each([
    [/(\d+)(万)?/g, "欠我3万5，还有2000，共13万"],
    [/在|是|的|那个|干(?!渠)/g, "我是在林州红旗渠干渠道的那个工地干活"],
    [/a*/g, "baaac"],
    [/(?:)/gu, "😀x😀"],
    [/(?:)/g, "😀x"],
    [/x/gi, "XxX"],
    [/欠/g, ""],
  ])("yields what matchAll yields: %s on %s", (pattern, text) => {
    expect(fastMatches(pattern, text)).toEqual(plainMatches(pattern, text));
    expect(pattern.lastIndex).toBe(0);
  });
});

describe("Aho–Corasick automaton", () => {
  const patterns = ["新乡", "新乡市", "乡市", "红旗", "红旗区", "旗区", "市红", "凤凰", "凤凰城", "城三期", "a", "ab", "bab", "𠮷野"];
  const automaton = new AhoCorasick(patterns);

  function naive(text: string): { pattern: number; start: number; end: number }[] {
    const hits: { pattern: number; start: number; end: number }[] = [];
    patterns.forEach((p, pattern) => {
      for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) hits.push({ pattern, start: at, end: at + p.length });
    });
    // The automaton reports by end position, the longest pattern ending there first.
    return hits.sort((x, y) => x.end - y.end || y.end - y.start - (x.end - x.start));
  }

  it("finds every occurrence of every pattern, overlapping ones included", () => {
    const alphabet = [..."新乡市红旗区凤凰城三期ab我在", "𠮷野"];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      let text = "";
      const length = random(30);
      for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)];
      expect(automaton.findAll(text)).toEqual(naive(text));
    }
    expect(automaton.findAll("我在新乡市红旗区凤凰城三期工地")).toEqual(naive("我在新乡市红旗区凤凰城三期工地"));
  });
});

describe("normalize", () => {
  const converter = OpenCC.Converter({ from: "tw", to: "cn" });
  // The definition: NFC; Traditional to Simplified when any character changes; full-width to ASCII;
  // every run of white space one space; trimmed.
  const reference = (text: string): string => {
    let out = text.normalize("NFC");
    if ([...out].some((ch) => converter(ch) !== ch)) out = converter(out);
    out = out.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
    return out.replace(/\u3000/g, " ").replace(/\s+/g, " ").trim();
  };

  it.each([
    "我們班組欠薪三萬五",
    "欠我８６００元！　ＡＢ   c",
    "𠮷野家欠我們工資",
    "\ud842欠薪",
    "欠薪\udfb7",
    "e\u0301 工资",
    "  新乡红旗区\n\n",
    "智慧树教育",
    "",
  ])("agrees with the plain definition on %j", (text) => {
    expect(normalize(text)).toBe(reference(text));
  });
});
