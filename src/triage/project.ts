// The project or site (项目/工地) as the worker wrote it: collective cases are grouped by it.
import type { Sector } from "../domain.js";
import { chunksOf, quotedNames } from "./chunks.js";
import { leadingPlace, stripLeadingPlaces } from "./place-prefix.js";

// Words a project name ends with; "工程款", "项目部", "项目经理" are not names.
const PROJECT_END =
  /(?:工程|项目)(?!款|部|经理|公司|有限|师|队|量|费|方|上的|老板|结算|回款|完|验收)|小区(?!工地)|花园|花苑|家园|庄园|新城|新村|公寓|广场|大厦|学府|(?<!政|天)府|苑(?![区县市镇乡])|湾|壹号|一号|[一二三四五六七八九十\d]+期|[A-Z]地块|地块|标段|区段|号线|改造|铁路|公路|高速|水库|大桥|隧道|安置房|公租房|棚改|小镇|生态城|(?:大|新|综合|教学|住院|门诊|办公|宿舍|科研|实验|行政)楼(?!下|上|里|顶)|厂房|新校区|新院区|城(?![区县市镇乡]|[东西南北中关厢][区镇街])/g;
// A quoted name followed or preceded by these words names a project, not a company.
const PROJECT_CONTEXT_AFTER = /^(?:项目|工地|小区|楼盘|工程|\d+号楼|[一二三四五六七八九十\d]+期|的?小区|的工地|的项目|B地块|[A-Z]地块)/;
const PROJECT_CONTEXT_BEFORE = /(?:项目叫|项目是|项目|工地|小区|楼盘|工程)$/;
const COMPANY_LIKE = /(?:公司|劳务|建设|建工|建安|装饰|集团|置业|地产|运输|物流|传媒|教育|厂|店|酒店|宾馆|餐饮|物业|服务|电子|科技|渔具|陶业|光学|工作室)$/;
const COMPANY_CONTEXT_AFTER = /^(?:的?(?:代驾|劳务|外包|装修)?公司|厂|服装厂|陶瓷厂|烧烤店|店|餐厅|饭店|酒店|宾馆|招的|劳务|培训|机构)/;
// Names that only say what kind of project it is ("国企项目", "一个楼盘").
const GENERIC =
  /^(?:这个|那个|一个|个|该|本|此|我们|整个|国企|央企|政府|政府投资|县里出钱|水利|交通|别墅|住宅|市政|PPP|保障性住房|重点|民生|建设|新建|私人|老板|工程|项目|小区|楼盘|城|府|苑|湾|老旧小区|改造|公路|铁路|高速|隧道|大桥|水库|地铁|棚改|安置房|公租房|大楼|新楼|厂房|新校区|新院区)*(?:工程|项目|小区|城|府|苑|湾|改造|公路|铁路|高速|隧道|大桥|水库|棚改|安置房|公租房|大楼|新楼|厂房|新校区|新院区)?$/;

const EN_PROJECT =
  /\b(?:on|at|for|of|in) the ((?:[A-Z0-9][\w'.-]*\s)*?[A-Z0-9][\w'.-]*)\s(high-speed railway|railway|highway|expressway|bridge|tunnel|metro line|project|construction site|site|building)\b/;
const GENERIC_KIND = /site|project|building/;

// "老板说等项目": a clause about the project, not its name.
const CLAUSE = /[说等欠给要]/;

const FIRM_WORD_AFTER = /^(?:物业|公司|集团|地产|置业|房产|中介|劳务|建设|建工|装饰)/;

const DOING = /^(?:盖|建|修|搞|干|做)/;
// "修实验小学新校区": the work done before the name (建 stays: 建业, 建发 begin names).
const DOING_BEFORE_NAME = /^(?:盖|修|搞|干|做)(?=.{3})/;

function cleanName(raw: string): string | null {
  const name = stripLeadingPlaces(raw.trim(), 3).replace(DOING_BEFORE_NAME, "");
  // "盖厂房", "修大楼": the work done, not a name ("建业天筑" keeps its 建: a name follows it).
  if (name.length < 2 || GENERIC.test(name) || GENERIC.test(name.replace(DOING, "")) || CLAUSE.test(name)) return null;
  return name;
}

function quotedProject(text: string, sector: Sector | null): string | null {
  for (const q of quotedNames(text)) {
    const after = text.slice(q.end, q.end + 8);
    const before = text.slice(Math.max(0, q.start - 6), q.start);
    if (COMPANY_CONTEXT_AFTER.test(after)) continue;
    const saysProject = PROJECT_CONTEXT_AFTER.test(after) || PROJECT_CONTEXT_BEFORE.test(before);
    PROJECT_END.lastIndex = 0;
    const endsLikeProject = PROJECT_END.test(q.text);
    PROJECT_END.lastIndex = 0;
    if (!saysProject && COMPANY_LIKE.test(q.text)) continue;
    if (saysProject || endsLikeProject || sector === "construction") {
      const name = cleanName(q.text);
      if (name) return name;
    }
  }
  return null;
}

// "工地叫建业天筑", "项目名叫江东新区总部港": the name given after the word for the site.
const SITE_CALLED = /(?:工地|项目|楼盘|小区|工程)(?:名字|名称|的名字)?(?:叫做?|名叫)[“"「]?([^，。,.!?！？“”"」\s]{2,20})/;

// "恒大绿洲工地": a site named by what stands before 工地.
const NAMED_SITE = /(?:^|在|到|去)([\u4e00-\u9fff]{2,16}?)(?:的)?工地/;
const NOT_A_SITE_NAME = /^(?:这个|那个|一个|个|我们|他们|别人|人家|老板|包工头|家里|附近|那边|这边|外地|本地|市里|县里|上个|之前|以前|现在)|[我你他她了]/;

/** "郑州金水区": places and nothing else — where the site is, not its name. */
function onlyPlaces(text: string): boolean {
  let rest = text;
  for (let place = leadingPlace(rest); place !== ""; place = leadingPlace(rest)) rest = rest.slice(place.length).replace(/^的/, "");
  return rest === "" || /^[区县市镇乡村]$/.test(rest);
}

// "龙城大街那个工地", "金山那边工地", "香樟路那个小区(工地)": a site told by where it is. The words for "that
// one over there" are no part of the name; the site is the place with what is built there ("龙城大街工地",
// "香樟路小区"), so that the name is not cut at a word inside it (龙城) nor kept with 那边 in it.
const SITE_BY_WHERE = /(?:那个|这个|那边的?|这边的?|附近的?|旁边的?|边上的?)(?:(小区|楼盘|项目)(?:的?工地)?|的?工地)/g;
// Where the words before it stop being the site's: a pause, a verb of the story, the worker.
const BEFORE_SITE = /[\s，,。.!！?？;；:：、“”"'()（）]|在|到|去|是|给|叫|的|跟|了|干|做|搞|上班|打工|我们|俺们|他们|我|俺/g;
// "去年那个工地", "老家那边的工地": when or whose, not where.
const NOT_WHERE = /^(?:去年|今年|前年|上次|之前|以前|现在|原来|后来|老家|家里|村里|镇上|县里|市里|城里|外地|本地|上个|这个|那个|老板|包工头|工头|别人|人家)/;

function siteToldByWhere(text: string): string | null {
  SITE_BY_WHERE.lastIndex = 0;
  for (let m = SITE_BY_WHERE.exec(text); m !== null; m = SITE_BY_WHERE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    let start = 0;
    BEFORE_SITE.lastIndex = 0;
    for (let b = BEFORE_SITE.exec(before); b !== null; b = BEFORE_SITE.exec(before)) start = b.index + b[0].length;
    const where = before.slice(start);
    if (where.length < 2 || !/^[\u4e00-\u9fff]+$/.test(where) || NOT_WHERE.test(where) || NOT_A_SITE_NAME.test(where) || onlyPlaces(where)) continue;
    const name = cleanName(`${where}${m[1] ?? "工地"}`);
    if (name) return name;
  }
  return null;
}

function unquotedProject(text: string): string | null {
  const called = SITE_CALLED.exec(text)?.[1];
  if (called) {
    const name = cleanName(called);
    if (name && !onlyPlaces(name)) return name;
  }
  const where = siteToldByWhere(text);
  if (where) return where;
  for (const chunk of chunksOf(text)) {
    const site = NAMED_SITE.exec(chunk.text)?.[1];
    PROJECT_END.lastIndex = 0;
    if (site && !NOT_A_SITE_NAME.test(site) && !onlyPlaces(site)) {
      const name = cleanName(site);
      if (name) return name;
    }
    PROJECT_END.lastIndex = 0;
    // The name runs to the end of the last project word of the chunk ("碧桂园凤凰城三期").
    let end = -1;
    PROJECT_END.lastIndex = 0;
    for (let m = PROJECT_END.exec(chunk.text); m !== null; m = PROJECT_END.exec(chunk.text)) {
      // "绿城物业", "万科地产": a firm whose name holds a project word is no site.
      if (!FIRM_WORD_AFTER.test(chunk.text.slice(m.index + m[0].length))) end = m.index + m[0].length;
    }
    if (end < 0) continue;
    const name = cleanName(chunk.text.slice(0, end));
    if (name) return name;
  }
  return null;
}

/** The project or site named in the text; only construction work has one. */
export function readProject(text: string, sector: Sector | null): string | null {
  if (sector !== "construction") return null;
  const english = EN_PROJECT.exec(text);
  if (english) {
    const [, name = "", kind = ""] = english;
    return GENERIC_KIND.test(kind) ? name : `${name} ${kind}`;
  }
  return quotedProject(text, sector) ?? unquotedProject(text);
}

// "我在深圳龙华富士康当普工", "俺在义乌小商品城干了两年": the workplace named before the job.
const WORKPLACE = /(?:^|[，,。！!？?\s]|我|俺|我们|俺们)(一直|之前|以前|现在|目前)?在([^，,。!?！？\s]{2,24}?)(?:当|做|干|打工|上班|工作)/g;
// Only a kind of place, no name: "工地", "一家电子厂", "厂里", "饭店", "他店里".
const WORKPLACE_GENERIC = /^(?:[一这那该][家个间]?)?[\u4e00-\u9fff]{0,3}(?:厂|店|饭店|餐馆|工地|公司|站|仓库|超市|车间|家里|家|里|上|那|这|外面|外地|城里|老家|里面|外面|那里|这里|院|园|所|中心|学校|医院)$|^(?:他|她|别人|人家|老板(?!娘))/;

const TOWN_BEFORE_NAME = /^[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道)(?=[\u4e00-\u9fffA-Za-z]{2,})/;
const ONE_OF_A_KIND = /^[一这那该某][家个间座所](?!.*(?:叫|名))/;

/** Where someone who is not on a building site works, as they name it, or null. */
// "站点 望京站", "配送站是蜂鸟回龙观站": a rider's station, named after the word for it.
const STATION_NAMED = /(?:站点|配送站|网点)(?:是|叫|在)?[:：\s]*([\u4e00-\u9fff]{2,10}?(?:站|网点))(?=$|[\s，,。！!？?的])/;

// "配送站", "美团的站": the kind of station, not its name ("望京站" is one).
const STATION_GENERIC = /^(?:[一这那该]个?)?(?:配送|快递|外卖|美团|饿了么|蜂鸟|顺丰|中通|圆通|韵达|申通|京东)?的?(?:站|网点)$/;

// The platform a rider works through: "美团的站点扣了我…" names no station, but the platform is kept.
const PLATFORM = /美团|饿了么|蜂鸟|闪送|达达|京东到家|顺丰同城|货拉拉|滴滴|\b(?:Ele\.?me|Meituan|Didi)\b/i;
// "Ele.me station at Zhujiang New Town": the station by where it is.
const EN_STATION_AT = /\bstation (?:at|in) ((?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*){0,3})/;

const PLATFORM_THEN_STATION = new RegExp(`(${PLATFORM.source})[的\\s，,]*([\\u4e00-\\u9fff]{2,8}?(?:配送站|站点|站))(?=$|[\\s，,。！!？?的])`, "i");
const EN_PLATFORM_THEN_STATION = /\b(Meituan|Ele\.?me|Didi)[,\s]+((?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*){0,2}) station\b/i;

const BARE_PLATFORM = new RegExp(`^(?:${PLATFORM.source})$`, "i");

/** "美团": a platform named without its station. */
/** "美团南山站", "Meituan, Nanshan station": a platform and its named station, or null. */
export function platformStationIn(text: string): string | null {
  const named = PLATFORM_THEN_STATION.exec(text);
  if (named?.[1] && named[2] && !STATION_GENERIC.test(named[2])) return `${named[1]} ${named[2]}`;
  const english = EN_PLATFORM_THEN_STATION.exec(text);
  return english?.[1] && english[2] ? `${english[1]} ${english[2]} station` : null;
}

export function isBarePlatform(name: string | null): boolean {
  return name !== null && BARE_PLATFORM.test(name);
}

export function readWorkplace(text: string): string | null {
  const platform = PLATFORM.exec(text)?.[0];
  const station = STATION_NAMED.exec(text)?.[1];
  if (station && !STATION_GENERIC.test(station)) return platform && !station.includes(platform) ? `${platform} ${station}` : station;
  const stationAt = EN_STATION_AT.exec(text)?.[1];
  if (stationAt) return platform ? `${platform} ${stationAt} station` : `${stationAt} station`;
  // "美团南山站", "Meituan, Nanshan station": the platform, then its station's name.
  const platformStation = platformStationIn(text);
  if (platformStation) return platformStation;
  if (platform) return platform;
  // "之前在富士康干过，现在在昆山的电子厂": the workplace of now, not of before.
  let found: string | undefined;
  for (const m of text.matchAll(WORKPLACE)) {
    if (m[1] === "之前" || m[1] === "以前") continue;
    found = m[2];
    if (m[1] === "现在" || m[1] === "目前") break;
  }
  if (!found) return null;
  // "长安镇老板娘食品厂": a town before the name is where, not part of it.
  const name = stripLeadingPlaces(found, 3).replace(TOWN_BEFORE_NAME, "");
  // "北京朝阳区", "里面": where, not which workplace; "一家KTV", "一个厂里", "一家快递站点": what kind, not which.
  if (name.length < 2 || WORKPLACE_GENERIC.test(name) || ONE_OF_A_KIND.test(name) || CLAUSE.test(name) || onlyPlaces(name)) return null;
  return name;
}
