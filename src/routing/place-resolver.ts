// Reads the place of a complaint from the hits of the name index. Names confirm each other: a county is
// believed when its city or province is named nearby, or when it is written in full; short forms and
// towns (乡镇街道) need more help, because they are often parts of other words (红旗渠, 中山路).
import type { Division, PlaceResolution } from "./gazetteer.js";
import type { IndexHit, NameEntry, Place, PlaceIndex } from "./place-index.js";

export type ResolveMode = "message" | "answer";

/**
 * Characters after a short form that make it part of a longer proper name: a road, canal, village,
 * lake… (红旗渠, 中山路, 桂林路). "人" marks where someone comes from (湖南人), not where they work.
 */
const NAME_CONTINUATIONS = /^(?:[路街巷渠桥村湖河江山岭峰寺塔道局厅]|人(?![社民])|大道|大街|小区|花园|广场|公园|中学|小学|大学|学院|医院)/;

/** An administrative suffix after a short form makes another unit's name (雄安新区 is not 安新县). */
const OTHER_UNIT_SUFFIX = /^[区县市镇乡州旗盟]/;

/**
 * Words around a bare two-character name that show it is used as a place (在渝北, 孙河那边). Opening
 * quotes and brackets do not count: they start project and company names (“洪都渣土运输”).
 */
const PLACE_BEFORE = /(?:^|[在到去从于回来往住赴是]|[^\p{Script=Han}“‘「『《（(【\[])$/u;
const PLACE_AFTER = /^(?:那边|这边|那里|这里|那儿|这儿|附近|一带|周边|本地)/;

/**
 * Short forms that are also everyday words (平安保险, 光明乳业, 红旗轿车): believed only when their city or
 * province is named too.
 */
const EVERYDAY_WORDS = new Set([
  "平安", "光明", "朝阳", "红旗", "新华", "和平", "长安", "白云", "青山", "南山", "东方", "城关", "新城", "中原",
  "安居", "永安", "前进", "胜利", "解放", "向阳", "文化", "长城", "友谊", "团结", "民主", "建设", "新兴", "太平",
  "大方", "通道", "吉利", "西湖", "阿里", "白银", "公安", "合作", "资源", "同仁", "城中", "城北", "城东", "城西", "城南", "新市", "开发", "高新", "中心", "工业",
  // 港口区 (防城港): "港口仓库工地" is a port's warehouse, not the district.
  "港口",
]);

const MUNICIPALITIES = new Set(["110000", "120000", "310000", "500000"]);

/** Trust of a name by itself; confirmations add to it. */
const BASE = { full: 3, short: 2, generic: 1, townFull: 1.5, townShort: 1 } as const;
const BONUS = { province: 1, municipality: 2, city: 2, county: 2, townInside: 1 } as const;
/** Between different names, the more specific one wins a tie. */
const SPECIFICITY = { county: 0.5, town: 0.5, city: 0.25, province: 0 } as const;

interface Reading {
  hit: number;
  place: Place;
  entry: NameEntry;
  needsSupport: boolean;
  /** The words around the name show it is used as a place. */
  placeCue: boolean;
  score: number;
}

/** Places named in the text, with the hit that names them: few per message, so arrays beat maps. */
interface Named {
  code: string;
  hit: number;
}

interface Support {
  provinces: Named[];
  cities: Named[];
  counties: Named[];
  townsIn: Named[];
}

export function resolvePlace(index: PlaceIndex, text: string, mode: ResolveMode): PlaceResolution {
  const hits = outermost(index.find(text));
  if (hits.length === 0) return { status: "none" };

  const readings: Reading[] = [];
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h] as IndexHit;
    // What depends only on the written name and its neighbours is worked out once per hit: a common
    // town name (新城, 建设) carries dozens of entries.
    const after = text.slice(hit.end, hit.end + 2);
    const cue = mode === "answer" || placeBefore(text, hit.start) || PLACE_AFTER.test(after);
    const context: HitContext = {
      written: text.slice(hit.start, hit.end),
      after,
      // "重庆江北区", "宁波江北区": a place named right after is the next unit down, whatever its first
      // character (江 would otherwise make 重庆 part of a river's or a road's name).
      continued: hits.some((next) => next.start === hit.end) ? false : undefined,
      placeCue: cue,
    };
    const candidates: Reading[] = [];
    for (const entry of hit.entries) {
      const place = index.places[entry.place];
      if (place === undefined) continue;
      const reading = readingOf(h, place, entry, context, mode);
      if (reading !== null) candidates.push(reading);
    }
    // A single reading has nothing to give way to: withoutContained would return it as is.
    if (candidates.length === 1) readings.push(candidates[0] as Reading);
    else for (const reading of withoutContained(candidates)) readings.push(reading);
  }

  const support = collectSupport(readings);
  const accepted: Reading[] = [];
  for (const reading of readings) {
    const score = scored(reading, support, mode, hits[reading.hit]?.entries ?? []);
    if (score === null) continue;
    reading.score = score;
    accepted.push(reading);
  }
  if (accepted.length === 0) return { status: "none" };

  let best: Reading | undefined;
  let bestValue = -Infinity;
  for (const r of accepted) {
    const value = r.score + SPECIFICITY[r.place.kind];
    const start = hits[r.hit]?.start ?? 0;
    const bestStart = best === undefined ? Infinity : (hits[best.hit]?.start ?? 0);
    if (value > bestValue || (value === bestValue && start < bestStart)) {
      best = r;
      bestValue = value;
    }
  }
  if (best === undefined) return { status: "none" };
  const winner = best;
  const hit = hits[winner.hit];
  const matched = hit === undefined ? "" : text.slice(hit.start, hit.end);

  const tied = new Map<string, Division>();
  for (const r of accepted) {
    if (r.hit === winner.hit && r.score === winner.score) tied.set(r.place.division.code, r.place.division);
  }
  if (tied.size > 1) {
    // "在西安": the city of millions, not 辽源's 西安区 — a worker meaning a district of another city
    // names that city. (Only a lone city among districts; two districts stay a question.)
    const divisions = [...tied.values()];
    const cities = divisions.filter((d) => d.level === "city");
    if (cities.length === 1 && divisions.every((d) => d.level === "city" || d.level === "county")) return { status: "found", division: cities[0]!, matched };
    return { status: "ambiguous", candidates: divisions, matched };
  }
  return { status: "found", division: winner.place.division, matched };
}

/** A name inside a longer name is not read on its own (新乡 in 新乡市, 新区 in 浦东新区). */
function outermost(hits: IndexHit[]): IndexHit[] {
  return hits.filter(
    (h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
}

/**
 * PLACE_BEFORE looks at one UTF-16 unit (or none, at the start): its verdict per unit is learnt once.
 * 0 = not yet known, 1 = no, 2 = yes.
 */
const placeBeforeVerdicts = new Uint8Array(0x10000);

function placeBefore(text: string, start: number): boolean {
  if (start === 0) return PLACE_BEFORE.test("");
  const unit = text.charCodeAt(start - 1);
  let verdict = placeBeforeVerdicts[unit] as number;
  if (verdict === 0) {
    verdict = PLACE_BEFORE.test(text.slice(start - 1, start)) ? 2 : 1;
    placeBeforeVerdicts[unit] = verdict;
  }
  return verdict === 2;
}

interface HitContext {
  written: string;
  after: string;
  /** The characters after the name make it part of a longer name or another unit; worked out on first need. */
  continued: boolean | undefined;
  placeCue: boolean;
}

function readingOf(hit: number, place: Place, entry: NameEntry, context: HitContext, mode: ResolveMode): Reading | null {
  const { written, placeCue } = context;
  let needsSupport = false;
  if (entry.form !== "full" && mode === "message") {
    context.continued ??= NAME_CONTINUATIONS.test(context.after) || OTHER_UNIT_SUFFIX.test(context.after);
    if (context.continued) return null;
    if (EVERYDAY_WORDS.has(written)) needsSupport = true;
    // Thousands of two-character county names are also words (资源, 公安, 合作): alone, they need a cue.
    if (place.kind === "county" && written.length <= 2 && !placeCue) needsSupport = true;
  }
  if (entry.form === "generic") needsSupport = true;
  // Two-character full names (城区, 郊区, 和县, 新县) are everyday words as often as names — unless a
  // county or city is named after 在/到 ("在滑县公交公司开公交").
  if (place.kind === "county" && entry.form === "full" && written.length <= 2 && mode === "message" && !(placeCue && /[县市旗]$/.test(written))) {
    needsSupport = true;
  }
  return { hit, place, entry, needsSupport, placeCue, score: 0 };
}

/**
 * Within one written name, a reading inside another reading of the same name gives way to it: 南昌 is
 * the city, not 南昌县, which has its own full name; 吉林 is the province before the city.
 */
function withoutContained(readings: Reading[]): Reading[] {
  // A province's name means the province (河南, not 河南蒙古族自治县 of Qinghai).
  const province = readings.find((r) => r.place.kind === "province");
  if (province !== undefined) return [province];
  // Towns contain nothing; comparing only against the others keeps common town names (城关) cheap.
  const containers = readings.filter((r) => r.place.kind !== "town");
  if (containers.length === 0) return readings;
  return readings.filter((r) => !containers.some((o) => o !== r && contains(o.place, r.place)));
}

function contains(outer: Place, inner: Place): boolean {
  const code = outer.division.code;
  if (outer.kind === "province") return inner.kind !== "province" && inner.provinceCode === code;
  if (outer.kind === "city") return (inner.kind === "county" || inner.kind === "town") && inner.cityCode === code;
  if (outer.kind === "county") return inner.kind === "town" && inner.countyCode === code;
  return false;
}

function collectSupport(readings: readonly Reading[]): Support {
  const support: Support = { provinces: [], cities: [], counties: [], townsIn: [] };
  for (const r of readings) {
    const code = r.place.division.code;
    if (r.place.kind === "province") support.provinces.push({ code, hit: r.hit });
    else if (r.place.kind === "city") support.cities.push({ code, hit: r.hit });
    else if (r.place.kind === "county") support.counties.push({ code, hit: r.hit });
    else if (r.place.countyCode !== null) support.townsIn.push({ code: r.place.countyCode, hit: r.hit });
  }
  return support;
}

function namedElsewhere(named: readonly Named[], code: string | null, hit: number): boolean {
  if (code === null) return false;
  for (const n of named) if (n.code === code && n.hit !== hit) return true;
  return false;
}

/** Score of a reading with the confirmations it gets from the other names; null when not believed. */
function scored(r: Reading, support: Support, mode: ResolveMode, homonyms: readonly NameEntry[]): number | null {
  const { place, hit } = r;
  const byProvince = place.kind !== "province" && namedElsewhere(support.provinces, place.provinceCode, hit);
  const byCity = (place.kind === "county" || place.kind === "town") && namedElsewhere(support.cities, place.cityCode, hit);
  const byCounty = place.kind === "town" && namedElsewhere(support.counties, place.countyCode, hit);
  const townInside = place.kind === "county" && namedElsewhere(support.townsIn, place.division.code, hit);

  let score: number;
  if (place.kind === "town") score = r.entry.form === "full" ? BASE.townFull : BASE.townShort;
  else score = BASE[r.entry.form];
  if (byProvince) score += MUNICIPALITIES.has(place.provinceCode) ? BONUS.municipality : BONUS.province;
  if (byCity) score += BONUS.city;
  if (byCounty) score += BONUS.county;
  if (townInside) score += BONUS.townInside;

  if (place.kind === "town") {
    // A municipality (北京) stands to its towns as a city does.
    const byCityLike = byCity || (byProvince && MUNICIPALITIES.has(place.provinceCode));
    return townBelieved(r, byCounty, byCityLike, byProvince, mode, homonyms) ? score : null;
  }
  if (r.needsSupport) {
    const confirmed = r.entry.form === "generic" ? byCity || byProvince && MUNICIPALITIES.has(place.provinceCode) : byCity || byProvince;
    if (!confirmed) return null;
  }
  return score;
}

/**
 * Towns are the least trusted names: thousands of them are also words. One is believed when its county
 * is named; when its city or province is named and the name is distinctive (a city has a hundred towns,
 * so a two-character short form inside it is too easily a company or project name: “洪都渣土”); or when
 * it is the only place of that name and long enough to be no accident.
 */
function townBelieved(
  r: Reading,
  byCounty: boolean,
  byCity: boolean,
  byProvince: boolean,
  mode: ResolveMode,
  homonyms: readonly NameEntry[],
): boolean {
  if (byCounty) return true;
  const stem = r.entry.stemLength;
  const full = r.entry.form === "full";
  // Towns of a city without counties (东莞虎门) are confirmed by the city as by a county.
  if (byCity && (full || stem >= 3 || r.place.countyCode === null || r.placeCue)) return true;
  if (byProvince && (full ? stem >= 2 : stem >= 3)) return true;
  if (mode === "answer") return true;
  const unique = homonyms.length === 1;
  return unique && (stem >= 3 || (full && stem >= 2 && r.placeCue));
}
