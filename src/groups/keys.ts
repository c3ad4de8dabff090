// Comparable keys for employer and project names, so that complaints written differently about the
// same employer or project can be found with one index lookup (cases.employer_key / project_key):
// "宏达劳务" / "宏达劳务有限公司" / "新乡宏达劳务" → "宏达". Pure functions; the place names come from the
// same division data as the gazetteer (provinces and cities with their everyday short forms, counties
// by their full names).
import { loadDivisionData } from "../routing/division-data.js";
import { cityForms, countyForms, provinceForms, type NameForms } from "../routing/place-names.js";

/** A key shorter than this says too little to group on ("宏"): no key at all. */
export const MIN_KEY_LENGTH = 2;

/** Legal forms and branch words: dropped from the end, repeatedly ("…有限公司新乡分公司"). */
const LEGAL_SUFFIXES = [
  "股份有限公司",
  "有限责任公司",
  "有限公司",
  "责任公司",
  "分公司",
  "总公司",
  "子公司",
  "公司",
  "集团",
  "股份",
  "项目部",
  "项目经理部",
] as const;

/**
 * Industry words: dropped from the end only while at least MIN_KEY_LENGTH characters remain, so that
 * "宏达劳务" → "宏达" but "建设" or "中建" stay themselves.
 */
const INDUSTRY_WORDS = [
  "教育培训学校",
  "建筑劳务",
  "劳务派遣",
  "建筑工程",
  "建设工程",
  "培训学校",
  "教育培训",
  "培训中心",
  "劳务",
  "建筑",
  "建设",
  "工程",
  "建工",
  "施工",
  // "启航教育" and "启航教育培训学校" are one school.
  "教育",
  "培训",
] as const;

/** Words a worker puts before a person ("包工头刘建国", "老板王强"). */
const ROLE_PREFIXES = ["包工头", "工头", "班组长", "老板", "负责人", "项目经理"] as const;

/** Words a project name ends with that do not tell projects apart. */
const PROJECT_SUFFIXES = ["施工现场", "建设项目", "项目部", "项目", "工地", "工程", "现场"] as const;

let placeNames: { names: Set<string>; maxLength: number } | undefined;

function places(): { names: Set<string>; maxLength: number } {
  if (placeNames) return placeNames;
  const data = loadDivisionData();
  const names = new Set<string>();
  const add = (forms: NameForms) => {
    for (const name of [forms.full, ...forms.aliases, ...forms.shorts]) if (name.length >= 2) names.add(name);
  };
  for (const p of data.provinces) add(provinceForms(p.name));
  for (const c of data.cities) add(cityForms(c.name));
  // Counties only by their full names (红旗区, 凤凰县): their short forms (凤凰, 东兴) begin too many
  // names of firms and estates (凤凰城, 东兴装饰).
  for (const c of data.counties) {
    const forms = countyForms(c.name);
    add({ full: forms.full, aliases: forms.aliases, shorts: [] });
  }
  let maxLength = 0;
  for (const name of names) maxLength = Math.max(maxLength, name.length);
  placeNames = { names, maxLength };
  return placeNames;
}

/** Full-width to half-width, lower case, no spaces, punctuation or bracketed remarks. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, "")
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

function stripSuffixes(text: string, suffixes: readonly string[], minRest = 1): string {
  let current = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of suffixes) {
      if (current.endsWith(suffix) && current.length - suffix.length >= minRest) {
        current = current.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return current;
}

/** Longest place name at the start of the text, if any. */
function leadingPlace(text: string): string | null {
  const { names, maxLength } = places();
  for (let length = Math.min(maxLength, text.length - 1); length >= 2; length--) {
    const prefix = text.slice(0, length);
    if (names.has(prefix)) return prefix;
  }
  return null;
}

/** Longest place name at the end of the text ("…有限公司新乡" after 分公司 was dropped). */
function trailingPlace(text: string): string | null {
  const { names, maxLength } = places();
  for (let length = Math.min(maxLength, text.length - 1); length >= 2; length--) {
    const suffix = text.slice(-length);
    if (names.has(suffix)) return suffix;
  }
  return null;
}

/**
 * Drops place names in front ("河南省新乡市宏达…", "新乡宏达…") as long as what remains still names
 * something once its generic words are gone: "新乡建设" keeps 新乡.
 */
function stripPlaces(text: string, core: (rest: string) => string): string {
  let current = text;
  for (let i = 0; i < 4; i++) {
    const place = leadingPlace(current);
    if (place === null) break;
    const rest = current.slice(place.length);
    if (core(rest).length < MIN_KEY_LENGTH) break;
    current = rest;
  }
  return current;
}

const industryCore = (text: string) => stripSuffixes(stripSuffixes(text, LEGAL_SUFFIXES), INDUSTRY_WORDS, 0);

/** "新乡宏达劳务有限公司" → "宏达"; "包工头刘建国" → "刘建国"; null when nothing distinctive is left. */
export function employerKey(name: string | null | undefined): string | null {
  if (!name) return null;
  let text = normalizeName(name);
  for (const role of ROLE_PREFIXES) if (text.startsWith(role) && text.length > role.length + 1) text = text.slice(role.length);
  // Legal forms and a branch's place at the end: "宏达劳务有限公司新乡分公司".
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = stripSuffixes(text, LEGAL_SUFFIXES);
    const place = trailingPlace(text);
    if (place !== null && industryCore(text.slice(0, -place.length)).length >= MIN_KEY_LENGTH) text = text.slice(0, -place.length);
    if (text === before) break;
  }
  text = stripPlaces(text, industryCore);
  text = stripSuffixes(text, INDUSTRY_WORDS, MIN_KEY_LENGTH);
  return text.length >= MIN_KEY_LENGTH ? text : null;
}

const projectCore = (text: string) => stripSuffixes(text, PROJECT_SUFFIXES, 0);

/** "新乡碧桂园凤凰城三期项目" → "碧桂园凤凰城三期"; null when nothing distinctive is left. */
export function projectKey(name: string | null | undefined): string | null {
  if (!name) return null;
  let text = normalizeName(name);
  text = stripPlaces(text, projectCore);
  text = stripSuffixes(text, PROJECT_SUFFIXES, MIN_KEY_LENGTH);
  return text.length >= MIN_KEY_LENGTH ? text : null;
}
