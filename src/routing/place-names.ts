// How people write the name of a division: the official full name, and the short forms left after the
// administrative suffix (and the ethnic names of autonomous units) are dropped. Pure string rules, no places.

/** The 56 recognised ethnic groups (民族), as they appear inside names of autonomous units (自治州/县/旗/乡). */
const ETHNIC_GROUPS = [
  "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
  "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
  "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
  "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
].map((group) => `${group}族`);
// Longest first, so that 土家族 is removed whole rather than leaving 土家.
ETHNIC_GROUPS.sort((a, b) => b.length - a.length);

/** Short forms shorter than this are ordinary words, not names (城区 → 城). */
export const MIN_SHORT_LENGTH = 2;

export function stripEthnicGroups(stem: string): string {
  let rest = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ETHNIC_GROUPS) {
      if (rest.endsWith(group) && rest.length > group.length) {
        rest = rest.slice(0, -group.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

export interface NameForms {
  full: string;
  /** Same trust as the full name: official variants (延边州 for 延边朝鲜族自治州). */
  aliases: string[];
  /** Suffix dropped (新乡, 林州, 浦东): riskier, may be part of another word. */
  shorts: string[];
}

function split(name: string, suffixes: readonly string[]): { stem: string; suffix: string } {
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      return { stem: name.slice(0, -suffix.length), suffix };
    }
  }
  return { stem: name, suffix: "" };
}

function forms(name: string, suffixes: readonly string[], autonomous: Record<string, string>): NameForms {
  const { stem, suffix } = split(name, suffixes);
  const aliases: string[] = [];
  const shorts: string[] = [];
  if (suffix === "") return { full: name, aliases, shorts };
  const core = suffix in autonomous ? stripEthnicGroups(stem) : stem;
  const everydaySuffix = autonomous[suffix];
  // 长阳土家族自治县 is commonly 长阳县; 延边朝鲜族自治州 延边州.
  if (everydaySuffix !== undefined && core !== stem && core.length >= 1) aliases.push(core + everydaySuffix);
  if (core.length >= MIN_SHORT_LENGTH) shorts.push(core);
  return { full: name, aliases, shorts };
}

const PROVINCE_SUFFIXES = ["自治区", "省", "市"] as const;
const CITY_SUFFIXES = ["自治州", "地区", "盟", "市"] as const;
const COUNTY_SUFFIXES = ["自治县", "自治旗", "新区", "林区", "特区", "区", "县", "市", "旗"] as const;
/** 民族乡 before 乡 so that the ethnic names are dropped too (禾丰布依族苗族乡 → 禾丰). */
const TOWN_SUFFIXES = ["街道办事处", "街道", "民族乡", "镇", "乡", "苏木", "地区", "办事处"] as const;

export function provinceForms(name: string): NameForms {
  const result = forms(name, PROVINCE_SUFFIXES, { 自治区: "" });
  // 内蒙古 is very often written 内蒙.
  if (name.startsWith("内蒙古")) result.shorts.push("内蒙");
  result.aliases = [];
  return result;
}

export function cityForms(name: string): NameForms {
  return forms(name, CITY_SUFFIXES, { 自治州: "州" });
}

export function countyForms(name: string): NameForms {
  // 管城回族区 is 管城区, and 管城, in speech.
  return forms(name, COUNTY_SUFFIXES, { 自治县: "县", 自治旗: "旗", 区: "区" });
}

/**
 * Town/street short forms. A stem that itself ends like a road or a village (人民路街道 → 人民路, 红军街)
 * names the road far more often than the street office, so it gets no short form.
 */
export function townForms(name: string): NameForms {
  const m = TOWN_NAME.exec(name);
  if (m === null) return { full: name, aliases: [], shorts: [] };
  const stem = m[2] === "民族乡" ? stripEthnicGroups(m[1] ?? "") : (m[1] ?? "");
  const shorts = stem.length >= MIN_SHORT_LENGTH && !ROAD_LIKE.test(stem) ? [stem] : [];
  return { full: name, aliases: [], shorts };
}

/** One regular expression rather than a loop: forty thousand towns go through it at start-up. */
const TOWN_NAME = new RegExp(`^(.+?)(${TOWN_SUFFIXES.join("|")})$`);
const ROAD_LIKE = /[路街道巷村桥]$/;

/** Kinds of development zone (开发区) with the abbreviation people use (经开区, 高新区). Longest first. */
const ZONE_TYPES: readonly (readonly [string, string | null])[] = [
  ["高新技术产业开发区", "高新区"],
  ["高新技术产业园区", "高新区"],
  ["高新技术开发区", "高新区"],
  ["高技术产业开发区", "高新区"],
  ["经济技术开发区", "经开区"],
  ["经济开发区", "经开区"],
  ["工业园区", "工业园"],
  ["开发区", null],
  ["示范区", null],
  ["管理区", null],
  ["经济综合实验区", null],
  ["综合实验区", null],
  ["实验区", null],
  ["园区", null],
];

export interface ZoneForms {
  /** Names that carry their city (郑州经开区). */
  specific: string[];
  /** Names meaningful only with the city named nearby (经开区, 高新区). */
  generic: string[];
}

/**
 * Forms of a development zone or similar county-level unit (郑州经济技术开发区). `prefixes` are the
 * province and city names that official zone names start with.
 */
export function zoneForms(name: string, cityPrefixes: readonly string[], provincePrefixes: readonly string[]): ZoneForms {
  let core = name;
  let cityPrefix = "";
  for (const prefix of provincePrefixes) {
    if (core.startsWith(prefix) && core.length > prefix.length) {
      core = core.slice(prefix.length);
      break;
    }
  }
  for (const prefix of cityPrefixes) {
    if (core.startsWith(prefix) && core.length > prefix.length) {
      cityPrefix = prefix;
      core = core.slice(prefix.length);
      break;
    }
  }
  const specific = new Set<string>();
  const generic = new Set<string>();
  const type = ZONE_TYPES.find(([full]) => core.endsWith(full));
  const cityNames = cityPrefixes.filter((p) => p.length >= MIN_SHORT_LENGTH);
  if (type !== undefined) {
    const [fullType, abbreviation] = type;
    const head = core.slice(0, -fullType.length);
    const cores = abbreviation === null ? [core] : [core, head + abbreviation];
    for (const c of cores) {
      for (const city of cityNames) specific.add(city + c);
      if (head.length >= MIN_SHORT_LENGTH) specific.add(c);
      else generic.add(c);
    }
    // 长春净月高新技术产业开发区 is 净月区 in speech; 郑州航空港经济综合实验区 is 航空港 in its city.
    if (head.length >= MIN_SHORT_LENGTH) {
      specific.add(`${head}区`);
      generic.add(head);
      for (const city of cityNames) specific.add(city + head);
    }
  } else if (core !== name) {
    specific.add(core);
    for (const city of cityNames) specific.add(city + core);
  }
  specific.delete(name);
  if (cityPrefix !== "") specific.add(cityPrefix + core);
  specific.delete(name);
  return { specific: [...specific], generic: [...generic] };
}

export function isZoneName(name: string): boolean {
  return ZONE_TYPES.some(([full]) => name.endsWith(full)) || /(新城|管委会|委员会|群岛|海域|风景名胜区|物流产业聚集区)$/.test(name);
}
