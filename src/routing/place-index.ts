// The name index: every written form of every division (and of every town, pointing at its county),
// compiled once into one Aho–Corasick automaton.
import { AhoCorasick, type PatternHit } from "./aho-corasick.js";
import type { DivisionData } from "./division-data.js";
import type { Division } from "./gazetteer.js";
import { cityForms, countyForms, isZoneName, provinceForms, townForms, zoneForms } from "./place-names.js";

export type PlaceKind = "province" | "city" | "county" | "town";

/**
 * full: official name or official variant; short: suffix dropped; generic: only meaningful with its city
 * named (经开区, 高新区).
 */
export type NameForm = "full" | "short" | "generic";

export interface Place {
  kind: PlaceKind;
  /** What the place resolves to: itself, or for a town (乡镇街道) its county. */
  division: Division;
  /** Six-digit codes of the enclosing units, null where the standard has none (Beijing's districts). */
  provinceCode: string;
  cityCode: string | null;
  countyCode: string | null;
}

export interface NameEntry {
  place: number;
  form: NameForm;
  /** Length of the distinctive part of the name, without its suffix (禾丰镇 → 2). */
  stemLength: number;
}

export interface IndexHit extends PatternHit {
  entries: readonly NameEntry[];
}

export class PlaceIndex {
  readonly places: Place[] = [];
  private readonly byCode = new Map<string, Division>();
  private readonly patternEntries: NameEntry[][] = [];
  private readonly automaton: AhoCorasick;

  constructor(data: DivisionData) {
    const table = new Map<string, NameEntry[]>();
    const add = (text: string, place: number, form: NameForm, stemLength: number): void => {
      let list = table.get(text);
      if (list === undefined) {
        list = [];
        table.set(text, list);
      }
      // One entry per place and text: keep the most trusted form.
      const existing = list.find((e) => e.place === place);
      if (existing === undefined) list.push({ place, form, stemLength });
      else if (rank(form) > rank(existing.form)) existing.form = form;
    };

    for (const d of [...data.provinces, ...data.cities, ...data.counties]) this.byCode.set(d.code, d);
    const provinceNames = new Map<string, string[]>();
    const cityNames = new Map<string, string[]>();

    for (const province of data.provinces) {
      const place = this.addPlace({ kind: "province", division: province, provinceCode: province.code, cityCode: null, countyCode: null });
      const f = provinceForms(province.name);
      add(f.full, place, "full", f.shorts[0]?.length ?? f.full.length);
      for (const s of f.shorts) add(s, place, "short", s.length);
      provinceNames.set(province.code, [f.full, ...f.shorts]);
    }
    for (const city of data.cities) {
      const place = this.addPlace({
        kind: "city",
        division: city,
        provinceCode: provinceOf(city.code),
        cityCode: city.code,
        countyCode: null,
      });
      const f = cityForms(city.name);
      const stem = f.shorts[0]?.length ?? f.full.length;
      add(f.full, place, "full", stem);
      for (const a of f.aliases) add(a, place, "full", stem);
      for (const s of f.shorts) add(s, place, "short", s.length);
      cityNames.set(city.code, [f.full, ...f.shorts]);
    }
    for (const county of data.counties) {
      const cityCode = county.parentCode !== null && this.byCode.get(county.parentCode)?.level === "city" ? county.parentCode : null;
      const place = this.addPlace({
        kind: "county",
        division: county,
        provinceCode: provinceOf(county.code),
        cityCode,
        countyCode: county.code,
      });
      if (isZoneName(county.name)) {
        const cities = cityCode === null ? [] : (cityNames.get(cityCode) ?? []);
        const z = zoneForms(county.name, cities, provinceNames.get(provinceOf(county.code)) ?? []);
        add(county.name, place, "full", county.name.length);
        for (const s of z.specific) add(s, place, "full", s.length);
        for (const g of z.generic) add(g, place, "generic", 0);
        continue;
      }
      const f = countyForms(county.name);
      const stem = f.shorts[0]?.length ?? f.full.length - 1;
      add(f.full, place, "full", stem);
      for (const a of f.aliases) add(a, place, "full", stem);
      for (const s of f.shorts) add(s, place, "short", s.length);
    }
    // Towns share one place per county: what a town resolves to is its county, and 40,000 objects
    // fewer keep the one-time build short.
    const townPlaces = new Map<string, number>();
    for (const town of data.towns) {
      let place = townPlaces.get(town.countyCode);
      if (place === undefined) {
        const county = this.byCode.get(town.countyCode);
        if (county === undefined) continue;
        const isCounty = county.level === "county";
        const parent = county.parentCode === null ? undefined : this.byCode.get(county.parentCode);
        place = this.addPlace({
          kind: "town",
          division: county,
          provinceCode: provinceOf(county.code),
          cityCode: isCounty ? (parent?.level === "city" ? parent.code : null) : county.code,
          countyCode: isCounty ? county.code : null,
        });
        townPlaces.set(town.countyCode, place);
      }
      const f = townForms(town.name);
      const short = f.shorts[0];
      add(f.full, place, "full", short?.length ?? f.full.length - 1);
      if (short !== undefined) add(short, place, "short", short.length);
    }

    const patterns: string[] = [];
    for (const [text, entries] of table) {
      patterns.push(text);
      this.patternEntries.push(entries);
    }
    this.automaton = new AhoCorasick(patterns);
  }

  private addPlace(place: Place): number {
    this.places.push(place);
    return this.places.length - 1;
  }

  division(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  find(text: string): IndexHit[] {
    const hits = this.automaton.findAll(text);
    const out: IndexHit[] = [];
    for (const hit of hits) {
      // Fields copied one by one: an object spread here cost more than the whole automaton pass.
      out.push({ pattern: hit.pattern, start: hit.start, end: hit.end, entries: this.patternEntries[hit.pattern] ?? NO_ENTRIES });
    }
    return out;
  }
}

const NO_ENTRIES: readonly NameEntry[] = [];

function rank(form: NameForm): number {
  return form === "full" ? 2 : form === "short" ? 1 : 0;
}

function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}
