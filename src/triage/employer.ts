// The party the worker says owes them (欠薪主体): a company, a labour company, a project office, or a
// named contractor/team leader. The company, unless the worker blames the person.
import type { Sector } from "../domain.js";
import { chunksOf, quotedNames } from "./chunks.js";
import { allMatches } from "./matches.js";
import { personNameAt, SURNAMES } from "./person-names.js";
import { nameBeforeClause } from "./name-tail.js";
import { leadingPlace, stripLeadingPlaces } from "./place-prefix.js";

const COMPANY_SUFFIX =
  "(?:有限责任公司|股份有限公司|有限公司|集团|公司|管理|服务|劳务|建设|建工|建安|装饰|装修|置业|房地产|地产|电子|科技|信息|软件|传媒|文化|教育|培训|物业|保洁|安装|速运|运输|物流|餐饮|酒店|宾馆|饭店|餐厅|电器厂|工厂|厂(?!家|商|房|区|长|里)|店(?!铺|长|里|区|镇|乡|村)|超市|配送站|网点|工作室|学堂|学校|光学|精工|陶业|渔具|广告|客栈|民宿|旅馆|会所|服饰|服装|纺织|机械|塑胶|平台|快送)";
// Lazy head, then as many suffix words as follow ("劳务有限公司"), and not a project ("建设项目").
const COMPANY_IN_CHUNK = new RegExp(`^(.{1,14}?)(${COMPANY_SUFFIX}+)(?!项目|工程|程|单位|局|款|费|用地|施工|班|课|队)`);
// "装修", "劳务": a trade word alone names nobody.
const SUFFIX_ONLY = new RegExp(`^${COMPANY_SUFFIX}+$`);
const ENDS_WITH_COMPANY_SUFFIX = new RegExp(`${COMPANY_SUFFIX}$`);
// "中铁十局", a group named bare before its project ("中铁的项目"), and a state firm by its short name
// before what it did ("中国一拖 欠我工资").
const SOE_BUREAU =
  /中建[一二三四五六七八]局|中铁[一二三四五六七八九十\d]+局|中交[一二三四五\d]+(?:航务)?(?:工程)?局|中国水电[一二三四五六七八九十\d]*局|(?:中国中铁|中国铁建|中国建筑|中铁建|中电建|中铁|中建|中交|中冶)(?=的(?:项目|工地|工程))|中国(?!人|的)[\u4e00-\u9fff]{2,4}?(?=\s*(?:欠|拖欠|不给|没给|没发|上班|干活|打工))/g;
const ROLE_PREFIX = /^(?:总包单位|总包|劳务分包|装修分包|钢筋分包|土方分包|木工分包|分包|施工方|施工单位|开发商|甲方|业主|外包公司|劳务公司|建设单位|承建方|上面|再上面|下面)+/;
// Companies the worker only describes ("一家广告公司"): no name to record.
const GENERIC_COMPANY =
  /^(?:[一这那该本我他她家]|我们|他们|名下|小区|家里|房子|村里|工地|外包|劳务|广告|代驾|软件|快递|物流|装修|培训|汽车配件|眼镜|渔具|陶瓷|服装|电子|餐饮|烧烤|保安|保洁|家政|清洁|中介|建筑|运输|小|大|私人|黑|空壳|皮包)?(?:公司|厂|工厂|店|机构|学校|劳务|网点|站点|配送站|集团|服务|管理|建设|教育|培训|装饰|装修|物业|酒店|宾馆|饭店|餐厅|超市)+$/;
// Sentence words that show a chunk is a clause, not a name ("辞职后才发现公司").
// "给政府盖学校": who the building is for, with the verb, is not a name.
// "做了两个月保洁": a length of time is no name.
// "材料款欠我", "租金拖了": the money owed stands where the one owing would, and is no name.
const NOT_A_NAME = /[我你他她说吗呢吧想让要]|(?:款|费|租金|工资|工钱)$|不知道|不清楚|不记得|记不清|发现|以后|之后|后才|就是|没有|莫得|没得|不是|国营|国有|私人|[盖修建](?:学校|楼|房|医院|路|桥)|[\d一二两三四五六七八九十几半]个?多?(?:月|天|年)/;
// "玩具厂", "饭店": a trade and a one-character suffix, no brand.
const TRADE_ONLY = /^[\u4e00-\u9fff]{1,2}(?:厂|店|馆)$/;
// "我是开挖掘机的司机": a job description, not a business.
const STARTS_WITH_VERB = /^(?:开|做|干|当|跑|送|搞|卖|修|搬|看|带|帮|在)/;
const UPPER_BEFORE = /(?:总包单位|总包|开发商|甲方|业主|建设单位|上面是|再上面是)是?$/;
const UPPER_AFTER = /^(?:总包|承建|开发)/;
const SELF_BEFORE = /(?:名下公司|我们公司|我的公司|我公司|自己的公司|本公司)是?$/;
const OWES_AFTER = /^[^，,。!?！？]{0,10}?(?:欠|拖欠|拖了|拖着|差我|没给|不给|没发|跑了|卷款|hasn't paid|has not paid|owes|has owed|owed)/;
// "启航英语的助教": the employer is the business before 的 + a job title.
const JOB_AFTER_DE = /^的(?:助教|老师|员工|服务员|厨师|保安|保洁|司机|骑手|主播|车工|普工|工人|文员|销售|收银员|店员|技术员|会计|门店)/;

// "公司叫星橙广告", "配送站叫蜂鸟快送文一站", "公司在苏州，叫精达机械": whatever follows 叫 is the name.
const NAMED_AFTER_JIAO =
  /(?:总包|总承包|分包|开发商|施工单位|公司|厂子|厂|机构|店|饭店|餐馆|菜馆|饭馆|酒楼|茶楼|面馆|学校|网点|单位|酒店|宾馆|餐厅|客栈|平台|工作室|配送站|站点|站|代理商|代理公司|加盟商|外包商|承包商)(?:名字|名)?(?:在[^，。,]{1,10}[，,])?\s?(?:叫|叫做|名叫|是)\s?[“"]?([^，。,.!?！？“”"\s]{2,20}?)[”"]?(?=[，。,.!?！？\s]|的|$)/g;
// "一家叫学而思远的培训机构", "叫“安驾行”的代驾公司".
const NAMED_BEFORE_KIND =
  /叫[“"]?([^，。,.!?！？“”"\s的]{2,12})[”"]?的[\u4e00-\u9fff]{0,4}(?:公司|厂|店|机构|学校|馆|酒店|平台|培训班)/g;
const LEAD_ROLES = "雇主|包工头|工头|班组长|班长|劳务队长|队长|分包老板|老板娘|老板|带班|承包人|负责人|项目经理|经理|站长|校长|厂长|店长|主管|领班";
const LEAD_ROLE_WORD = new RegExp(LEAD_ROLES);
const PERSON_AFTER_ROLE = new RegExp(`(${LEAD_ROLES})(?:叫|是|姓|名叫)?(?:[\\u4e00-\\u9fff]{2,3}人)?`, "g");
const SURNAME_TITLE = new RegExp(`^[${SURNAMES}](?:老板|总|经理|工头)`);
// "盛世华庭二期 王老五 欠我们…": a name standing alone before the owing.
const BARE_NAME_OWES = /(?:^|[\s，,。])([\u4e00-\u9fff]{2,3})[\s，,]*(?=欠|拖欠|不给|没给|没发|一直拖)/g;
// "包工头是河南周口的叫李红军": the role, where he is from, then his name.
const ROLE_FROM_THEN_NAME = new RegExp(`(${LEAD_ROLES})是[^，,。！？!?\\s]{1,10}?的?人?[，,\\s]*叫([\\u4e00-\\u9fff]{2,3})`, "g");
const PERSON_BEFORE_ROLE = new RegExp(`(?:一个)?叫([\\u4e00-\\u9fff]{2,3})的(?:${LEAD_ROLES})`, "g");
// "还是周红兵那个包工头": the name, then "that" and the role.
const NAME_THAT_ROLE = new RegExp(`([\\u4e00-\\u9fff]{2,3})(?:那个|这个)(${LEAD_ROLES})`, "g");
const FOLLOW_PERSON = /(?:跟着?|给)([\u4e00-\u9fff]{2,4})(?=干|做)/g;
// "名字叫宋光辉": a name given without a role word next to it.
const NAMED_PERSON = /(?:名字叫|名叫|姓名是?)([\u4e00-\u9fff]{2,3})/g;
const CONSTRUCTION_LEADS = /包工头|工头|班组长|班长|队长|分包老板|老板|带班|承包人|跟着/;

// "my boss Wang Qiang", and in English with the Chinese name as written ("boss 刘建国 owes me").
const EN_PERSON = /\b(?:boss|owner|contractor|foreman|team leader|gang leader|manager)(?:,| is| named)? (Mr\.? [A-Z][a-z]+|[A-Z][a-z]+ [A-Z][a-z]+|\p{Script=Han}{2,4}(?![\p{Script=Han}]))/u;
const EN_COMPANY =
  /\b(?:subcontractor|company|employer|labou?r company|contractor|agency|restaurant|factory|shop|store|hotel|workshop|salon|cafe|bakery|warehouse|school|training (?:school|centre|center)|kindergarten)(?:'s name is| name is| is called| is named|,| is| called| named)? ((?:[A-Z][\w&.-]*)(?: (?:[A-Z][\w&.-]*|No\. \d+|of|&))*)/g;
// "I teach at Bright Star school", "worked for Hengli Electronics factory": the name before the kind.
const EN_NAME_THEN_KIND = /\b(?:at|for|in) ((?:[A-Z][\w&'-]*)(?: [A-Z][\w&'-]*){0,3}) (?:school|factory|restaurant|hotel|shop|store|company|kindergarten|training (?:school|centre|center))\b/g;
// "Hengli Electronics owes me", "Wang Qiang didn't pay us": a capitalised name as the subject of owing.
const EN_SUBJECT_OWES =
  /(?:^|[.!?;,]\s*|\b(?:and|but|because|so) )(?:[Tt]he )?((?:(?:Co|Ltd|Inc|Corp)\.|[A-Z][\w&'-]*)(?: (?:(?:Co|Ltd|Inc|Corp)\.|[A-Z][\w&'-]*|&|of))*(?: (?:school|company|factory|restaurant|shop|store|family|hotel|agency))?) (?:still |also |has |have )?(?:owes?|didn'?t pay|did not pay|hasn'?t paid|has not paid|haven'?t paid|never paid|won'?t pay|refuses to pay|is holding)\b/g;
// Words that begin a sentence without naming anyone ("My boss owes me", "The company didn't pay").
const EN_NOT_A_NAME = /^(?:I|We|You|He|She|They|It|My|Our|The|His|Her|Their|This|That|These|Those|A|An|Boss|Company|Factory|Employer|Contractor|Everyone|Nobody|Someone|Mr|Mrs|Ms)\b/;
const EN_COMPANY_WORD = /\b(?:school|company|factory|restaurant|shop|store|family|hotel|agency|Co|Ltd|Limited|Inc|Corp|Company|Group|Electronics?|Technology|Tech|Construction|Engineering|Labou?r|Services?|Trading|Logistics|Factory|Restaurant|Hotel|Garments?|Textiles?|Industries|Industrial|Manufacturing|Decoration|Property|Real Estate|Development)\b/;
const EN_UPPER_BEFORE = /(?:main|general|prime) contractor(?: is|,)? $/i;
const EN_ROLE_SURNAME_OWES = /\b(boss|owner|contractor|foreman|manager) ([A-Z][a-z]+)(?= (?:still |also )?(?:owes|didn'?t pay|did not pay|has not paid|hasn'?t paid|never paid|won'?t pay))/i;
const EN_NAME_THEN_ROLE =
  /\b([A-Z][a-z]+ [A-Z][a-z]+),? (?:the |our |my )?(?:boss|contractor|foreman|owner|manager),? (?:still |also )?(?:owes|didn'?t pay|did not pay|has not paid|hasn'?t paid|never paid|won'?t pay)\b/;
// EN_COMPANY and EN_PERSON capture capitalised names.
const HAS_CAPITAL = /[A-Z]/;
const PRONOUN = /^(?:I|We|The|Our|He|She|They)$/;
const LEADING_COMMA = /^,\s*/;
const QUOTED_COMPANY_AFTER = /^(?:的?(?:代驾|劳务|外包|装修)?公司|厂|服装厂|陶瓷厂|烧烤店|店|餐厅|饭店|酒店|宾馆|招的|劳务)/;
const UPPER_ROLE_FIRST = /^(?:总包|开发商|甲方|业主)/;

interface Candidate {
  name: string;
  kind: "company" | "person";
  start: number;
  upper: boolean;
  owes: boolean;
  /** "东兴装饰的老板吕海东": a person speaking for a named company. */
  ofCompany: boolean;
  lead: boolean;
}

function isSpecificName(rest: string): boolean {
  // "安徽建工", "云南建投" keep their province: "建工", "建投" alone are trade words.
  return !GENERIC_COMPANY.test(rest) && !SUFFIX_ONLY.test(rest) && !PROVINCIAL_GROUP.test(rest);
}
// The short names of provincial state groups: construction, investment, roads, water ("云南建投", "四川路桥").
const PROVINCIAL_GROUP = /^(?:建投|城投|交投|建工|路桥|水电|交建|水利|能投|发投)(?:集团)?$/;

function companyCandidate(text: string, raw: string, start: number): Candidate | null {
  const before = text.slice(Math.max(0, start - 8), start);
  if (SELF_BEFORE.test(before)) return null;
  const name = stripLeadingPlaces(raw.replace(ROLE_PREFIX, ""), 2, isSpecificName);
  // "给人家装修": "someone's" renovation, no firm.
  if (/^(?:人家|别人|客户|户主)/.test(name)) return null;
  if (name.length < 2 || GENERIC_COMPANY.test(name) || NOT_A_NAME.test(name) || TRADE_ONLY.test(name) || SUFFIX_ONLY.test(name)) return null;
  // "万达广场装修": the work done at a building, not a company's name.
  if (WORK_AT_BUILDING.test(name)) return null;
  // "源汇区超市", "红旗区工厂": a district and a kind of business names no one.
  const placeHead = leadingPlace(name);
  if (ADMINISTRATIVE.test(placeHead)) {
    const rest = name.slice(placeHead.length).replace(/^的/, "");
    if (rest === "" || GENERIC_COMPANY.test(rest) || TRADE_ONLY.test(rest) || SUFFIX_ONLY.test(rest)) return null;
  }
  const end = start + raw.length;
  const after = text.slice(end, end + 16);
  return {
    name,
    kind: "company",
    start,
    upper: UPPER_BEFORE.test(before) || UPPER_AFTER.test(after) || UPPER_ROLE_FIRST.test(raw),
    owes: OWES_AFTER.test(after),
    ofCompany: false,
    lead: false,
  };
}

const ADMINISTRATIVE = /(?:区|县|市|镇|乡|省)$/;
const WORK_AT_BUILDING = /(?:广场|大厦|小区|花园|中心|医院|商场|大楼|公寓|别墅|新村|[一二三四五六七八九十\d]期)(?:装修|装饰|安装|保洁)$/;

// "郑州富士康欠我8000": the business that owes, named as the sentence's subject with no kind word.
const SUBJECT_OWES = /(?:^|[，,。！!？?\s])([\u4e00-\u9fff]{2,10}?)(?:一直)?(?:拖欠|欠了?|拖了)(?:我|我们|俺|俺们|咱们)/g;
// Subjects that are no name: people by role, pronouns, time, places of work in general.
const NOT_A_SUBJECT =
  /其实|其中|现在|目前|后来|然后|结果|说是|还是|周末|昨天|今天|明天|去年|今年|前年|上个?月|年底|年初|春节|过年|老板|包工头|工头|班长|公司|厂|单位|工地|项目|工程|东家|雇主|师傅|平台|站长|中介|对方|人家|上面|老乡|[我你他她它谁]|年|月|天|还|已经|一直|总共|一共|都|就|说|又|也|再|先|才|共|每|几|多|少|钱|工资|的/;

// Helpers are module functions rather than closures made per call: the readers run on every message.
function pushCandidate(out: Candidate[], c: Candidate | null): void {
  if (c) out.push(c);
}

const KIND_OF_FIRM = /^(?:国企|央企|私企|外企|民企|国营|国营的|私营|私营的|集体|个体|合资|合资的|上市公司|大公司|小公司|黑厂|正规的?|国有的?|私人的?|外资的?)$/;

function findCompanies(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const q of quotedNames(text)) {
    const after = text.slice(q.end, q.end + 8);
    const named = QUOTED_COMPANY_AFTER.test(after);
    if (named || ENDS_WITH_COMPANY_SUFFIX.test(q.text)) {
      const c = companyCandidate(text, q.text, q.start + 1);
      if (c) out.push({ ...c, owes: c.owes || OWES_AFTER.test(text.slice(q.end, q.end + 16)) });
    }
  }
  // "公司叫星橙广告", "厂叫明视光学": whatever follows 叫 is the name.
  for (const m of allMatches(NAMED_AFTER_JIAO, text)) {
    // "厂名叫鑫达电子老板是台湾人": the name stops where the clause about its boss begins.
    const name = nameBeforeClause(m[1] ?? "");
    // "公司是李强的" names its owner; "物业公司叫金管家" names the company, though 金 is a surname.
    if (personNameAt(name) === name && !/叫|名叫|叫做/.test(m[0])) continue;
    // "厂是国企": what kind of firm, not its name; "厂名叫什么来着": a name not yet remembered.
    if (KIND_OF_FIRM.test(name) || /^(?:什么|啥)|来着$/.test(name)) continue;
    pushCandidate(out, companyCandidate(text, name, m.index + m[0].indexOf(name)));
  }
  for (const m of allMatches(SOE_BUREAU, text)) pushCandidate(out, companyCandidate(text, m[0], m.index));
  for (const m of allMatches(NAMED_BEFORE_KIND, text)) {
    const name = m[1] ?? "";
    pushCandidate(out, companyCandidate(text, name, m.index + m[0].indexOf(name)));
  }
  for (const chunk of chunksOf(text)) {
    // "劳务公司龙江劳务欠…": the role words in front are not part of the name.
    const role = ROLE_PREFIX.exec(chunk.text)?.[0] ?? "";
    const body = role === "" ? chunk.text : chunk.text.slice(role.length);
    const m = COMPANY_IN_CHUNK.exec(body);
    const end = chunk.start + chunk.text.length;
    if (m) pushCandidate(out, companyCandidate(text, m[0], chunk.start + role.length));
    // JOB_AFTER_DE needs 的 right after the chunk: that one character is looked at first.
    else if (text[end] === "的" && !STARTS_WITH_VERB.test(chunk.text) && JOB_AFTER_DE.test(text.slice(end))) {
      pushCandidate(out, companyCandidate(text, chunk.text, chunk.start));
    }
  }
  if (out.length === 0) {
    for (const m of allMatches(SUBJECT_OWES, text)) {
      const raw = m[1] ?? "";
      const name = stripLeadingPlaces(raw, 2);
      if (NOT_A_SUBJECT.test(name) || LEAD_ROLE_WORD.test(name) || personNameAt(name) === name || leadingPlace(name) === name) continue;
      const c = companyCandidate(text, name, m.index + m[0].indexOf(raw) + raw.length - name.length);
      if (c) out.push({ ...c, owes: true });
    }
  }
  // English names need Latin capitals; most messages have none and skip the scan.
  if (HAS_CAPITAL.test(text)) {
    for (const m of allMatches(EN_SUBJECT_OWES, text)) {
      const written = m[1] ?? "";
      const name = /\b(?:Co|Ltd|Inc|Corp)\.$/.test(written) ? written : written.replace(/\.$/, "");
      if (name.length < 3 || EN_NOT_A_NAME.test(name)) continue;
      const start = m.index + m[0].indexOf(name);
      const company = EN_COMPANY_WORD.test(name);
      // A person is two words (Wang Qiang); a firm may be one ("Foxconn owes me"), but not a short word.
      if (!company && !/^[A-Z][a-z]+ [A-Z][a-z]+$/.test(name) && !/^[A-Z][A-Za-z]{3,}$/.test(name)) continue;
      out.push({ name, kind: company || !name.includes(" ") ? "company" : "person", start, upper: false, owes: true, ofCompany: false, lead: false });
    }
    for (const m of allMatches(EN_NAME_THEN_KIND, text)) {
      const name = m[1] ?? "";
      if (name.length < 3 || EN_NOT_A_NAME.test(name)) continue;
      out.push({ name, kind: "company", start: m.index + m[0].indexOf(name), upper: false, owes: false, ofCompany: false, lead: false });
    }
    for (const m of allMatches(EN_COMPANY, text)) {
      const start = m.index;
      const name = m[1] ?? "";
      if (name.length < 3 || PRONOUN.test(name)) continue;
      const after = text.slice(start + m[0].length, start + m[0].length + 24);
      out.push({
        name,
        kind: "company",
        start,
        upper: EN_UPPER_BEFORE.test(text.slice(Math.max(0, start - 20), start + m[0].length - name.length)),
        owes: OWES_AFTER.test(after.replace(LEADING_COMMA, "")),
        ofCompany: false,
        lead: false,
      });
    }
  }
  return out;
}

function addPerson(out: Candidate[], text: string, companies: readonly Candidate[], name: string, start: number, role: string): void {
  const after = text.slice(start + name.length, start + name.length + 16);
  const before = text.slice(Math.max(0, start - 12), start);
  out.push({
    name,
    kind: "person",
    start,
    upper: false,
    owes: OWES_AFTER.test(after),
    ofCompany: companies.some((c) => before.includes(`${c.name}的`)),
    lead: CONSTRUCTION_LEADS.test(role),
  });
}

/**
 * "老板姓马，大家都叫他马三": only the surname follows 姓. The name he goes by, when it is given after
 * (叫他…), else the surname with the role ("马老板") — what the workers call him, and enough to find him.
 */
function surnameOnly(text: string, at: number, role: string): string | null {
  const surname = text[at];
  if (!surname || !SURNAMES.includes(surname)) return null;
  // "包工头姓刘叫刘大军": the full name right after the surname.
  const fullName = /^[，,\s]*(?:叫|名叫|全名叫?)([\u4e00-\u9fff]{2,3})/.exec(text.slice(at + 1, at + 8))?.[1];
  if (fullName && fullName.startsWith(surname) && personNameAt(fullName) === fullName) return fullName;
  const callsHim = CALLED_AFTER.exec(text.slice(at + 1, at + 16));
  if (callsHim) {
    const called = personNameAt(text.slice(at + 1 + callsHim.index + callsHim[0].length, at + 1 + callsHim.index + callsHim[0].length + 4));
    if (called?.includes(surname)) return called;
  }
  return `${surname}${role === "老板娘" || role === "雇主" ? role : role.length <= 3 ? role : "老板"}`;
}
const CALLED_AFTER = /(?:都|大家)?(?:叫他|喊他|叫她|喊她|外号)/;

// "站长叫小胡": 小 and the surname is how a young boss is called; after 叫 only ("小区", "小时" are words).
const LITTLE_NAME = new RegExp(`^小[${SURNAMES}](?=$|[\\s，,。！!？?的欠说他她])`);
function calledLittle(text: string, at: number, roleAndVerb: string): string | null {
  return /(?:叫|是)$/.test(roleAndVerb) ? (LITTLE_NAME.exec(text.slice(at, at + 3))?.[0] ?? null) : null;
}

function findPersons(text: string, companies: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of allMatches(PERSON_AFTER_ROLE, text)) {
    const at = m.index + m[0].length;
    const role = m[1] ?? "";
    // "包工头刘老板", "包工头是王总": a surname with a title is how the worker knows him.
    const titled = SURNAME_TITLE.exec(text.slice(at, at + 4))?.[0];
    const name = m[0].endsWith("姓") ? surnameOnly(text, at, role) : (titled ?? personNameAt(text.slice(at, at + 4)) ?? calledLittle(text, at, m[0]));
    // "老板莫得钱发" (dialect: has no money to pay): 莫 is a surname, but 莫得 is a verb.
    if (name && !/^[莫没]得/.test(name)) addPerson(out, text, companies, name, at, role);
  }
  // "牛大勇欠俺们四个人五万二": a person named as the subject of 欠.
  for (const m of allMatches(SUBJECT_OWES, text)) {
    const raw = m[1] ?? "";
    const name = personNameAt(raw);
    if (name === raw && !NOT_A_SUBJECT.test(raw)) addPerson(out, text, companies, name, m.index + m[0].indexOf(raw), "老板");
  }
  for (const m of allMatches(PERSON_BEFORE_ROLE, text)) {
    const raw = m[1] ?? "";
    const name = personNameAt(raw);
    if (name === raw) addPerson(out, text, companies, name, m.index + m[0].indexOf(raw), m[0]);
  }
  for (const m of allMatches(BARE_NAME_OWES, text)) {
    const raw = m[1] ?? "";
    if (personNameAt(raw) === raw) addPerson(out, text, companies, raw, m.index + m[0].indexOf(raw), "");
  }
  for (const m of allMatches(ROLE_FROM_THEN_NAME, text)) {
    const raw = m[2] ?? "";
    const name = personNameAt(raw);
    if (name !== null) addPerson(out, text, companies, name, m.index + m[0].lastIndexOf(raw), m[1] ?? "");
  }
  for (const m of allMatches(NAME_THAT_ROLE, text)) {
    const raw = m[1] ?? "";
    // The name ends at 那个; it may start after a word of the sentence ("还是周红兵").
    const before = text.slice(Math.max(0, m.index - 2), m.index + raw.length);
    const name = [3, 2].map((n) => before.slice(-n)).find((tail) => personNameAt(tail) === tail);
    if (name) addPerson(out, text, companies, name, m.index + raw.length - name.length, m[2] ?? "");
  }
  for (const m of allMatches(FOLLOW_PERSON, text)) {
    const raw = m[1] ?? "";
    const name = personNameAt(raw);
    if (name) addPerson(out, text, companies, name, m.index + m[0].indexOf(raw), "跟着");
  }
  for (const m of allMatches(NAMED_PERSON, text)) {
    const raw = m[1] ?? "";
    const name = personNameAt(raw);
    if (name) addPerson(out, text, companies, name, m.index + m[0].indexOf(raw), "包工头");
  }
  const english = HAS_CAPITAL.test(text) || /[a-z]/.test(text) ? EN_PERSON.exec(text) : null;
  if (english?.[1]) addPerson(out, text, companies, english[1], english.index + english[0].length - english[1].length, "boss");
  else if (HAS_CAPITAL.test(text)) {
    // "the foreman Zhang owes me": a surname alone, named by the role, as the one who owes.
    const bySurname = EN_ROLE_SURNAME_OWES.exec(text);
    // "Zhang Wei the contractor owes me": the name, then the role.
    const nameThenRole = bySurname ? null : EN_NAME_THEN_ROLE.exec(text);
    if (bySurname?.[1] && bySurname[2]) addPerson(out, text, companies, `${bySurname[1].toLowerCase()} ${bySurname[2]}`, bySurname.index, "boss");
    else if (nameThenRole?.[1]) addPerson(out, text, companies, nameThenRole[1], nameThenRole.index, "boss");
  }
  return out;
}

/** The longest spelling of the same company ("楚天劳务" → "湖北楚天劳务有限公司"). */
function fullest(c: Candidate, all: readonly Candidate[]): Candidate {
  return all.reduce((best, o) => (o.name.length > best.name.length && o.name.includes(c.name) ? { ...o, owes: c.owes } : best), c);
}

// "包工头张三和李四欠我们": two people owe together; both are named, or the officer looks for one only.
const PARTNER_AFTER = /^(?:和|跟|与|、|还有)([\u4e00-\u9fff]{2,3}?)(?=两个|俩|他们|一起|都|合伙|欠|拖|不给|没给|不发|没发)/;

export function readEmployer(text: string, sector: Sector | null): string | null {
  const found = readOneEmployer(text, sector);
  if (found === null || !startsWithSurname(found)) return found;
  const at = text.indexOf(found);
  const partner = at >= 0 ? PARTNER_AFTER.exec(text.slice(at + found.length, at + found.length + 12))?.[1] : undefined;
  return partner && startsWithSurname(partner) ? `${found}、${partner}` : found;
}

function startsWithSurname(name: string): boolean {
  return name.length > 1 && SURNAMES.includes(name.charAt(0));
}

function readOneEmployer(text: string, sector: Sector | null): string | null {
  const companies = findCompanies(text);
  const persons = findPersons(text, companies);
  const direct = companies.filter((c) => !c.upper);
  const owingCompany = companies.find((c) => c.owes);
  // On a site, the team leader the worker followed is who they hold to the money (他们认人不认公司),
  // unless a company is the one said to owe, or he speaks for a named company.
  if (sector === "construction") {
    const lead = persons.find((p) => p.lead && !p.ofCompany);
    if (lead && !(owingCompany && !owingCompany.upper)) return lead.name;
  }
  if (owingCompany) return fullest(owingCompany, companies).name;
  const owingPerson = persons.find((p) => p.owes && !p.ofCompany);
  if (owingPerson && direct.length === 0) return owingPerson.name;
  const firstDirect = direct[0];
  if (firstDirect) return fullest(firstDirect, companies).name;
  const firstUpper = companies[0];
  if (firstUpper && persons.length === 0) return firstUpper.name;
  return persons[0]?.name ?? firstUpper?.name ?? null;
}
