// Place names written in pinyin ("Hongqi District, Xinxiang", "Humen, Dongguan"): workers who write in
// English name Chinese places this way. Each division's name stem is indexed by its toneless pinyin,
// and a text's capitalised words are looked up (one to three words: "Xinxiang", "Hong Qi"), giving back
// the Chinese names, which the ordinary resolver then reads as a place answer. Built on the first
// English message only; a lookup is one pass over the words, never a scan of the divisions.
import { pinyin } from "pinyin-pro";
import type { Division } from "./gazetteer.js";
import type { DivisionData } from "./division-data.js";
import { cityForms, countyForms, provinceForms, type NameForms } from "./place-names.js";

/** English words for the administrative suffix, and the suffix they stand for. */
const SUFFIX_WORDS: Record<string, string> = {
  district: "区",
  county: "县",
  city: "市",
  province: "省",
};

// "Bao'an", "Xi'an": pinyin's syllable mark is part of the word, and not of its key.
const PLACE_PREPOSITION_BEFORE = /\b(?:in|at|from|near)\s+$/i;
const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;
const MAX_WORDS = 3;

interface Stem {
  /** The Chinese stem (新乡, 红旗). */
  han: string;
  /** Suffixes its divisions carry (市, 区, …), for "Hongqi District" → 红旗区. */
  suffixes: Set<string>;
}

interface WordAt {
  lower: string;
  capitalised: boolean;
  start: number;
  end: number;
  /** Part of a hyphenated run of names ("Chengdu-Zigong-Yibin railway"): a route, not where one works. */
  inCompound: boolean;
}

export class RomanizedPlaces {
  private readonly stems = new Map<string, Stem[]>();

  constructor(data: DivisionData) {
    const add = (division: Division, forms: NameForms) => {
      for (const short of forms.shorts) {
        const key = pinyin(short, { toneType: "none", type: "array" }).join("");
        if (!/^[a-z]{4,}$/.test(key)) continue;
        const list = this.stems.get(key) ?? [];
        let stem = list.find((entry) => entry.han === short);
        if (!stem) {
          stem = { han: short, suffixes: new Set() };
          list.push(stem);
          this.stems.set(key, list);
        }
        stem.suffixes.add(division.name.slice(short.length));
      }
    };
    for (const province of data.provinces) add(province, provinceForms(province.name));
    for (const city of data.cities) add(city, cityForms(city.name));
    for (const county of data.counties) add(county, countyForms(county.name));
  }

  /**
   * The Chinese names of the places `text` writes in pinyin, space-separated in the order written, or
   * an empty string. Standalone names win over names inside a hyphenated run.
   */
  toHan(text: string): string {
    return this.readings(text)[0] ?? "";
  }

  /**
   * Every reading of the pinyin in `text`: one per choice among homophones ("Suzhou" is 苏州, 宿州 and
   * 肃州), each the Chinese names space-separated in the order written; at most `limit` readings.
   */
  readings(text: string, limit = 8): string[] {
    const words = wordsOf(text);
    const found: { hans: string[]; inCompound: boolean }[] = [];
    for (let i = 0; i < words.length; i++) {
      const first = words[i]!;
      // "in pudong shanghai": typed in lower case, a place is still named after in/at/from.
      if (!first.capitalised && !PLACE_PREPOSITION_BEFORE.test(text.slice(Math.max(0, first.start - 6), first.start))) continue;
      for (let count = Math.min(MAX_WORDS, words.length - i); count >= 1; count--) {
        const run = words.slice(i, i + count);
        // A multi-word name is written together ("Hong Qi"), not across a comma or a hyphen.
        if (count > 1 && !run.every((word, k) => k === 0 || text.slice(run[k - 1]!.end, word.start) === " ")) continue;
        const stems = this.stems.get(run.map((word) => word.lower).join(""));
        if (!stems) continue;
        const next = words[i + count];
        const suffix = next && text.slice(words[i + count - 1]!.end, next.start) === " " ? SUFFIX_WORDS[next.lower] : undefined;
        // A suffix written after the name keeps only the stems that carry it ("Suzhou District" is 肃州区).
        const fitting = suffix ? stems.filter((stem) => stem.suffixes.has(suffix)) : [];
        const hans = (fitting.length > 0 ? fitting : stems).map((stem) => (suffix && stem.suffixes.has(suffix) ? stem.han + suffix : stem.han));
        found.push({ hans, inCompound: first.inCompound });
        i += count - 1;
        break;
      }
    }
    const standalone = found.filter((place) => !place.inCompound);
    let readings: string[][] = [[]];
    for (const place of standalone.length > 0 ? standalone : found) {
      readings = readings.flatMap((reading) => place.hans.map((han) => [...reading, han])).slice(0, limit);
    }
    return found.length === 0 ? [] : readings.map((reading) => reading.join(" "));
  }
}

function wordsOf(text: string): WordAt[] {
  const words: WordAt[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const inCompound = text[start - 1] === "-" || text[end] === "-";
    words.push({ lower: m[0].toLowerCase().replace(/['’]/g, ""), capitalised: /^[A-Z]/.test(m[0]), start, end, inCompound });
  }
  return words;
}
