// Sector (行业), kind of construction project and who invested in it: they pick the industry
// authority (住建/交通/水利) and the extra departments (国资, 发改/财政) a case is routed to.
import type { Ownership, ProjectKind, Sector } from "../domain.js";

interface Cue<T> {
  value: T;
  pattern: RegExp;
  weight: number;
}

const DOMESTIC_WORK_WORDS = "保姆|月嫂|育儿嫂|家政|钟点工|带孩子|住家阿姨|住家|nanny|housekeeper|domestic (?:worker|helper)";
const DOMESTIC_WORK = new RegExp(DOMESTIC_WORK_WORDS, "i");

// Weighted cues: a worker's trade or workplace ("工地", "车间") says more than a passing word.
const SECTOR_CUES: readonly Cue<Sector>[] = [
  // "盛世华庭二期": a phase of a development is a building site's name.
  { value: "construction", weight: 1, pattern: /项目|民工|盖/g },
  { value: "construction", weight: 3, pattern: /[\u4e00-\u9fff]{2}[一二三四五六七八九十\d]期(?!款|的钱|工资)/g },
  // A mine or a field is where the work was, however often the 包工头 who took them there is named.
  { value: "other", weight: 7, pattern: /煤矿|矿上|矿山|矿井|mine\b/gi },
  // An oil well is an oil field's work, as a mine is a mine's (油田小区 is a housing estate: not a cue).
  { value: "other", weight: 7, pattern: /油井|钻井|采油|井场|井队|油田上|oil well|oil rig|drilling rig/gi },
  // "港口仓库工地", "酒店工地": what is being built, not a hotel's or a warehouse's staff.
  { value: "construction", weight: 5, pattern: /(?:港口|码头|仓库|仓储|物流园|酒店|宾馆|饭店|商场|超市|医院|养老院|门店)[\u4e00-\u9fff]{0,4}?工地/g },
  // Farm work: a 包工头 who takes villagers to pick cotton is no building site.
  { value: "other", weight: 7, pattern: /摘棉花|拾棉花|采棉|棉花地|摘苹果|摘果子?|果园|大棚|种地|农场|养殖场|收割|采茶|茶园|摘辣椒|farm\b|orchard|harvest/gi },
  { value: "construction", weight: 3, pattern: /工地|新校区|教学楼|学校项目|学校工程|包工头|工头|修路|铺路|修桥|国道|省道|县道|[盖建修](?:学校|教学楼|医院|楼)|班组长|总包|分包|劳务公司|劳务队|劳务分包|施工|建筑|建设项目|工程(?!师)|木工|钢筋|泥水|砌|模板|油工|架子工|水电(?!站)|外墙|保温|真石漆|精装|装修|装饰|小区|楼盘|盖房|自建房|主体|封顶|挖机|挖掘机|渣土|土方|土石方|铁路|高铁|动车|公路|高速|隧道|地铁|水泥路|柏油路|村道|乡道|堤防|水库|灌区|衬砌|棚改|安置房|公租房|园林绿化|铺装|construction|site|plasterer|bricklayer|carpenter|mason|steel ?fixer|rebar|scaffold(?:er|ing)?|formwork|building work|railway|subcontractor|contractor/gi },
  { value: "manufacturing", weight: 3, pattern: /工厂|车间|厂(?!家|商|区|房)|流水线|电子厂|服装厂|制造|加工|车工|普工|精工|机械|塑胶|塑料|玩具|五金|模具|纺织|制衣|鞋厂|配件|电器|机械厂|工业园(?!区)|富士康|比亚迪|立讯|和硕|纬创|factory|garment|electronics|workshop|assembly line/gi },
  { value: "platform", weight: 4, pattern: /外卖|骑手|配送站|配送费|跑单|送件|快递网点|送快递|快递员|代驾|网约车|滴滴|美团|饿了么|货拉拉|主播|带货|直播|众包|ele\.?me|meituan|didi|deliver food|deliver for|delivery station|delivery rider|courier|ride-hailing|streamer/gi },
  { value: "education", weight: 4, pattern: /培训学校|培训机构|培训班|教育机构|机构|(?<![盖建修新])学校(?!项目|工程|工地|建设)|(?<!新)校区(?!项目|工程|工地|建设)|校长|助教|老师|课时|教育(?!局)|辅导|双减|tutoring|training school|\b(?:I )?teach(?:es|ing)?\b|\bteachers?\b|\bschool\b|kindergarten/gi },
  { value: "services", weight: 2, pattern: /酒店|宾馆|饭店|餐馆|餐饮|餐厅|烧烤|火锅|蜜雪冰城|瑞幸|星巴克|肯德基|麦当劳|海底捞|喜茶|茶百道|菜馆|饭馆|酒楼|茶楼|奶茶|茶饮|咖啡店|咖啡馆|面馆|小吃|快餐|厨师|服务员|保安|保洁|物业|广告|软件|信息|科技|速运|物流|装卸|港口|快递站|快递公司|分拣|仓库|仓储|驿站|门店|超市|商场|美容|理发|养老院|医院护工|restaurant|hotel|cleaner|security guard|shop/gi },
  // Work in a family's home: the housing estate she names ("绿地小区做保姆") is no building site.
  { value: "services", weight: 4, pattern: new RegExp(DOMESTIC_WORK_WORDS, "gi") },
];

/** "保姆", "月嫂": work in a family's home, where the family is the employer and the home the workplace. */
export function speaksOfDomesticWork(text: string): boolean {
  return DOMESTIC_WORK.test(text);
}

function countHits(text: string, pattern: RegExp): number {
  // An exec loop rather than matchAll, which would copy these long patterns on every call.
  pattern.lastIndex = 0;
  let hits = 0;
  while (pattern.exec(text) !== null) hits += 1;
  return hits;
}

/** Sector read from cues of a trade; null when the text names no trade. */
export function readNamedSector(text: string): Sector | null {
  let best: Sector | null = null;
  let bestScore = 0;
  for (const cue of SECTOR_CUES) {
    const score = countHits(text, cue.pattern) * cue.weight;
    if (score > bestScore) {
      best = cue.value;
      bestScore = score;
    }
  }
  return best;
}

const EMPLOYED_SOMEWHERE = /公司|老板|单位|上班|工资|company|employer|boss|wages?/i;

/**
 * The sector with the heaviest cues; someone working for a company or a boss in no recognisable
 * trade is counted under services (as labellers do). The dialog asks instead of guessing: it uses
 * readNamedSector.
 */
export function readSector(text: string): Sector | null {
  return readNamedSector(text) ?? guessSector(text);
}

/** The labellers' default for work in no named trade. */
export function guessSector(text: string): Sector | null {
  return EMPLOYED_SOMEWHERE.test(text) ? "services" : null;
}

const WATER = /水利|水库|堤|灌区|渠道|干渠|河道|防洪|除险加固|水电站|泵站|退垦还湖|引水|排涝|水闸|护岸|dam|reservoir|irrigation|levee|flood control/i;
// "机场路安置房": a street named after the airport is an address, not an airport.
// "港口仓库工地": port works are 水运, under the transport authority (港口路 is a street).
const TRANSPORT = /港口(?![路街大区])|码头(?![路街])|修路|铺路|修桥|铁路|高铁|动车|城际|水泥路|柏油路|村道|乡道|公路|高速|地铁|轨道交通|轻轨|大桥|桥梁|隧道|机场(?![路街大])|道路硬化|硬化路|道路工程|乡村道路|农村道路|村村通|港口码头|航道|国道|省道|县道|railway|highway|expressway|metro|subway|bridge|tunnel|airport/i;
// Energy (oil wells too), mining and telecom works answer to neither 住建, 交通 nor 水利.
const OTHER = /油井|钻井|采油|井场|井队|油田上|oil well|光伏|风电|电站(?!.*水)|输电|变电站|电网|管道|燃气管|矿|通信基站|铁塔|solar|wind farm|power plant|pipeline|mine/i;

// Words that say the works are buildings or municipal works: housing said, not assumed.
const HOUSING = /小区|楼盘|住宅|盖楼|盖房|房建|房子|楼房|安置房|公租房|棚改|商品房|写字楼|大楼|[\d一二三四五六七八九十]+号楼|[教宿综]\S?楼|厂房|市政|装修|精装|外墙|别墅|自建房|花园|家园|公寓|广场|大厦|学校|医院|housing|apartment|residential|building/i;

/** Whether the housing kind read from `text` is said ("小区工地") rather than assumed for want of another. */
export function housingSaid(text: string): boolean {
  return HOUSING.test(text);
}

/**
 * Only meaningful for construction. Water and transport have specific words; everything else built is
 * housing and municipal works (住建), the authority for the great majority of sites.
 */
export function readProjectKind(text: string, sector: Sector | null): ProjectKind | null {
  if (sector !== "construction") return null;
  if (WATER.test(text)) return "water";
  if (TRANSPORT.test(text)) return "transport";
  if (OTHER.test(text)) return "other";
  return "housing";
}

const PPP = /PPP|政府与社会资本合作|政府和社会资本合作/i;
const GOVERNMENT =
  /给政府(?:盖|修|建|干)|政府投资|政府工程|政府项目|政府的(?:项目|工程|路|活)|(?:是|属于)政府的|政府出资|政府出钱|财政投资|财政资金|财政出资|国家投资|县里出钱|市里出钱|县里投资|市里投资|县政府|市政府(?:投资|出资|工程|项目)|镇政府|乡政府|(?:教育局|水利局|交通局|住建局|卫健委)的项目|government[- ]funded|government project|public project/i;
const SOE =
  /国企|央企|国有|国营|国资委|中建[一二三四五六七八]局|中建|中铁|中交|中冶|中国水电|中国电建|中国铁建|中国中铁|中国建筑|中国交建|中国能建|中化|中石油|中石化|国家电网|中国(?!人|的)[\u4e00-\u9fff]{2,4}?(?=\s*(?:欠|拖欠|不给|没给|没发|上班|干活|打工|集团|有限|公司|股份))|state-owned|China Railway|China State Construction|China Communications|PowerChina/i;
// A public school's or hospital's new building: paid for by the government, unless the worker says who
// else (an SOE contractor said outright is what the labellers record).
const PUBLIC_BUILDING =
  /(?:小学|中学|学校|[一二三四五六七八九十\d]+中)(?:的|那个)?(?:新建|新)?(?:校区|教学楼|综合楼|宿舍楼|实验楼|食堂|体育馆|项目|工程|工地)|(?:医院|卫生院)(?:的|那个)?(?:新建|新)?(?:院区|大楼|住院楼|门诊楼|综合楼|医技楼|项目|工程|工地)/;
const PRIVATE = /私人老板|私人的|个人建房|自建房|民营|私企|私营|privately owned|private company/i;

/** Ownership only when the text says it or names a company whose ownership is common knowledge. */
export function readOwnership(text: string): Ownership | null {
  if (PPP.test(text)) return "ppp";
  if (GOVERNMENT.test(text)) return "government";
  if (SOE.test(text)) return "soe";
  if (PRIVATE.test(text)) return "private";
  if (PUBLIC_BUILDING.test(text)) return "government";
  return null;
}
