// First-question classification (首问负责制): arrears get a named officer; everything else is told its
// channel. Each decision carries its reasons as i18n keys of the "triage" namespace.
import { WRITER_LEADS_A_TEAM } from "./headcount.js";
import { speaksOfWagesWithin } from "./wages-within.js";
import type { Category, Reason } from "../domain.js";
import { prepareText } from "./read-message.js";
import type { Classification, MessageReading } from "./reading.js";

// Platform and courier pay (派件费, 跑单费) is wages for new forms of employment (新就业形态).
const WAGE_NOUN = "(?:工资|工钱|薪水|薪资|血汗钱|配送费|派件费|跑单费|送餐费|提成|底薪|劳务费|人工费|工费|课时费|计件钱|wages?|salary|pay)";
// "无故扣我工资" is 克扣 in the worker's words: wages held back all the same.
const OWE_VERB = "(?:欠|拖欠|拖了|拖着|压着|压了|克扣|扣着|扣了|无故扣|乱扣|扣(?=[我俺])|没发|没给|不给|不发|没结|不结|一分没|没拿到|不退|没到账|没付|少发)";
/** Wages named and said to be owed (not any money): what outweighs a loan, a rent, an injury claim. */
const WAGES_NAMED_OWED = new RegExp(
  `${OWE_VERB}[^。!?！？，,]{0,10}?${WAGE_NOUN}|${WAGE_NOUN}[^。!?！？，,]{0,10}?${OWE_VERB}|\\bowe[sd]?\\b[^.!?]{0,40}\\b(?:wages?|salary|pay)\\b|\\b(?:kept|keeps|held|holds|holding|withheld|withholds|deducted|docked|won'?t give (?:me|us))\\b[^.!?]{0,30}\\b(?:wages?|salary|pay)\\b|\\b(?:wages?|salary)\\b[^.!?]{0,20}\\b(?:unpaid|not paid|owed|withheld)\\b`,
  "i",
);
/** Someone owed named as the writer or the workers ("欠我两万", "不给我们"): not a business's money. */
const WORKERS_OWED = /(?:欠|拖欠|拖了|不给|没给|没发|不发)(?:了)?(?:我|俺|我们|俺们|咱们|工人|大家)/;
/** Words of money still owed, left after "工资倒是没欠" is taken out (then that phrase was no denial). */
const STILL_OWED = /没发|没给(?!算|[^，,。\s]{0,3}(?:[交缴]|补偿|赔偿|经济补偿))|不给(?!算|[^，,。\s]{0,3}(?:[交缴]|补偿|赔偿|经济补偿))|不发|拖|欠(?!条)|还差|少发|扣着|扣了|一分没/;
/**
 * "工资倒是没欠", "工资是按时发的", "工资结清了": wages said NOT to be owed. Taken out of the text before
 * the owed patterns are tried (their 欠 would otherwise be read as arrears).
 */
const WAGES_NOT_OWED =
  /(?:^|[，,。\s])(?:没有|没|不)欠(?:钱|工资|我钱)(?=[，,。\s]|$)|(?:工资|工钱|薪水)(?:倒是|倒|是|都|也|一直)*(?:没(?:有)?欠|不欠|没拖|按时(?:发|给|结)[了的]?|(?<=倒是|倒)(?:发|给|结)了|正常(?:发|给)[了的]?|都(?:发|结)了|结清了?|发清了?|照发|没少)|(?:wages?|salary) (?:is|are|was|were) (?:paid|fine)/gi;
/** Money lent to the boss (借给老板, 借条, 周转): a debt for the courts, not wages. */
// The writer lent the money (not the boss's excuse, 资金周转, nor an IOU for wages, 借条).
const LOAN = /借给|借的钱|(?:老板|他|她|包工头|工头)[^。!?！？，,]{0,10}(?:找我|向我|跟我|问我)借|借了我[^。!?！？，,]{0,6}(?:钱|万|千|块)|\blent (?:him|her|the boss|my boss)/i;
/** Materials delivered or equipment rented to a site: a business's money (工程款, 货款, 租金). */
// Goods of a value ("送了二十万的钢筋"), equipment the writer rented out, a rent held back: not a driver
// who delivers cement for a wage ("给老板开车送水泥"), nor a boss who cannot pay the factory's rent.
const SUPPLIED =
  /(?:送了?|供了?|卖了?|卖给)[^。!?！？，,]{0,8}?[\d一二两三四五六七八九十百千万]+(?:万|千|百)?(?:块钱?|元)?的(?:钢筋|钢材|水泥|砂石|沙子|石子|材料|建材|混凝土|商砼|木材|模板|钢管)|(?:租给|租了)[^。!?！？，,]{0,8}(?:架子|钢管|挖机|设备|机械|吊车|模板)|(?:架子|钢管|挖机|挖掘机|设备|机械|吊车|模板|铲车|泵车)[^。!?！？，,]{0,6}租给|(?:租金|租赁费)[^。!?！？，,]{0,12}(?:不给|没给|拖|没付|不付)|(?:我|俺)(?:们)?供的(?:钢筋|钢材|水泥|砂石|沙子|石子|材料|建材|混凝土|商砼|木材|模板|钢管)/;
/** A platform holding back earnings ("流水没提现", "余额提不出来"). */
const PLATFORM_EARNINGS_HELD = /(?:流水|余额|收入|跑单|派件|接单)[^。!?！？，,]{0,10}(?:提不出|不让提|没提现|没法提现|冻结|扣着|不给)/;

const WAGES_OWED = new RegExp(
  [
    `${OWE_VERB}[^。!?！？，,]{0,10}?${WAGE_NOUN}`,
    `${WAGE_NOUN}[^。!?！？，,]{0,10}?${OWE_VERB}`,
    "(?:没|不)(?:给|发|结)钱|拿不到钱|要不到钱|讨不到钱|(?:没|没有)(?:拿到|领到|收到)(?:一分)?钱",
    "欠(?:了|下|着)?[^。!?！？，,]{0,4}?[\\d一二两三四五六七八九十]+(?:万|千|块|元|w)",
    `(?:钱|块|元|万|千)[^。!?！？]{0,8}?(?:拖着不给|不给|没给|没发|没结|不退)`,
    "欠薪|讨薪|(?:讨|要)(?:工钱|工资|血汗钱)|欠(?:我|我们|俺|俺们)|拖欠|跑路|人去楼空|卷款|被(?:拖)?欠(?:了|着)?(?:工资|工钱|钱|[\\d一二两三四五六七八九十几]+)",
    // "工头拖了俺们5个人的钱": the money of people who worked, held back.
    "(?:拖了|拖着|压了|压着|扣了|扣着|欠了|欠着)(?:我|我们|俺|俺们|咱们|大家|工人)[^。!?！？，,]{0,8}?的钱",
    // "老板说等项目结算完再给钱": pay put off until the project is settled.
    "等[^。!?！？]{0,10}(?:结算|结完|回款|验收|拨款)[^。!?！？]{0,6}(?:再|才)(?:给|发|结|付)",
    // Voice typing writes 发 as 法: "工资一直没法，老板说下个月一定法".
    `${WAGE_NOUN}[^。!?！？，,]{0,4}?没法(?=[，,。！!？?\\s]|$)`,
    // Evasion after the work is done is how arrears usually start ("干完活他就不接电话了").
    "(?:干完活|活干完|完工)[^。!?！？]{0,12}(?:不接电话|联系不上|找不到人|跑了)",
    // "这三个月一分没发", "最后一个月没给": months of pay not paid, the word 工资 said elsewhere or not at all.
    "一分(?:钱)?(?:都|也)?没(?:发|给|拿到|结)|(?:个月|月份)(?:的)?(?:工资|钱)?(?:都|也|还)?(?:没给|没发|没结|不给|不发)",
    // "欠了三个月 一个月八千": months owed and the month's pay, the word 工资 never said.
    "(?:欠|拖)了?(?:快|近|将近|差不多)?[\\d一二两三四五六七八九十半]+个多?月[^。!?！？]{0,12}?(?:一个月|每个?月|月薪|月工资)[^。!?！？，,]{0,3}?[\\d一二两三四五六七八九十]|(?:一个月|每个?月|月薪)[^。!?！？，,]{0,3}?[\\d一二两三四五六七八九十][^。!?！？]{0,12}?(?:欠|拖)了?(?:快|近|将近|差不多)?[\\d一二两三四五六七八九十半]+个多?月",
    // "包工头跑了 电话也打不通": the one who pays has vanished.
    "(?:包工头|老板|工头|班组长|带班|公司|厂长|老板娘|负责人)[^。!?！？，,]{0,4}(?:跑了|跑路|失联|联系不上|找不到人|不见了|人没影)",
    "(?:没|不)(?:给|发|结)(?:我|我们|俺|俺们|咱们|大家|工人|他们)(?:发|结)?(?:工|血汗)?钱|一分钱(?:都|也)?没(?:拿到|给|发|见到|有)",
    // Cantonese: "冇出粮" (no pay day), "老细走佬" (the boss ran off), "拖粮".
    "冇出粮|冇粮出|唔出粮|未出粮|拖粮|冇(?:畀|俾)(?:人工|钱)|(?:老细|老板)[^。!?！？，,]{0,3}走佬",
    "\\bowe[sd]?\\b|unpaid|(?:don'?t|doesn'?t|didn'?t|won'?t|not|never) pa(?:y|id)|ha(?:ve|s)n'?t paid|ha(?:ve|s) not paid|hasn't paid|has not paid|haven't been paid|not been paid|didn't pay|withh[oe]ld",
  ].join("|"),
  "i",
);
// Money between businesses (工程款, 台班费, 材料款…) owed to the writer.
const PROJECT_MONEY = "(?:工程款|台班费|机械费|材料款|钢材款|钢筋款|建材款|水泥款|砂石款|混凝土款|商砼款|木材款|设备款|租赁费|设备租金|结算款|货款|进度款|(?:沙子|石子|砂石|钢材|水泥|材料|木材)钱|project payment|equipment rental)";
const PROJECT_MONEY_TO_WRITER = new RegExp(
  // "欠我材料款", and "材料款欠我" the other way round.
  `(?:欠|拖欠|拖了|不给|没给)(?:了)?(?:我|俺|我们|俺们)[^。!?！？，,]{0,8}?(?:${PROJECT_MONEY}|(?:沙子|石子|砂石|钢筋|钢材|水泥|材料|木材|架子|设备)钱|租金)|(?:${PROJECT_MONEY}|租金)(?:一直|还)?(?:欠|拖欠|拖了|不给|没给)(?:了)?(?:我|俺|我们|俺们)`,
  "i",
);
const PROJECT_MONEY_CLAIMED = new RegExp(
  `(?:欠|差|拖欠|没付|没给|还有|一共|要回)[^。!?！？]{0,12}${PROJECT_MONEY}|${PROJECT_MONEY}[^。!?！？，,]{0,10}(?:一共|还有|没付|没给|欠|差|\\d|[一二三四五六七八九十两])`,
  "i",
);
const WRITER_IS_BUSINESS =
  /我是[^。!?！？]{0,14}(?:老板|分包|出租|供应商|承包商|材料商|建材商|卖)|我们(?:的|自己的?|开的|这个|这家)?公司(?!老板|的老板|欠|拖|不给|没给)|名下公司|我公司|供货|供了|租给|垫资|搞挖机|挖掘机老板|挖机老板|I (?:run|own) (?:a|the) (?:company|subcontractor)/i;
const WRITER_PAID_WORKERS =
  /(?:农民工|工人|机手|手下|兄弟们)[^。!?！？]{0,8}工资[^。!?！？]{0,8}(?:付清|发了|垫付|结清|发清|发放|垫)|工资我[^。!?！？]{0,8}(?:垫付|发了|付清)|把[^。!?！？]{0,8}工资[^。!?！？]{0,6}(?:付清|发清|结清)/;

// The workers a team leader speaks for; the money that is their labour, not goods or machines.
const TEAM_WORKERS = /班组|工人|兄弟们|农民工|手下|民工/;
const LABOUR_MONEY = /工程款|进度款|结算款|劳务费|人工费/;
const GOODS_MONEY = /材料|钢材|钢筋款|建材|水泥|砂石|混凝土|商砼|木材|租金|租赁|台班|机械|设备|供的|供货/;

const INJURY = /砸伤|摔伤|摔断|砸断|压断了|受伤|工伤|伤残|骨折|截肢|掉下来|摔下来|摔死|砸死|人没了|死亡|(?<![累忙饿气热冷烦困穷])死了|身亡|去世|出事故|砸到|压伤|烫伤|烧伤|切断|扎穿|扎伤|夹伤|压断|触电|injur|accident at work|fell (?:from|off) (?:a |the )?(?:scaffold\w*|building|roof|height|ladder)|broke my (?:leg|arm|back|hand|foot|fingers?|ribs?|neck)|(?:crushed|cut off|lost) (?:my|a|two|three) fingers?/i;
const INJURY_DEMAND = /赔|误工费|医药费|医疗费|鉴定|认定|治伤|住院|抢救|compensation|medical/i;
const SOCIAL = /社保|五险|养老保险|医疗保险|医保|失业保险|公积金|social insurance|pension/i;
const SOCIAL_PROBLEM = /(?:没|不)(?:给|帮)[^。，,]{0,6}(?:交|缴|买|上|办)|没(?:有)?(?:买|上|办)(?:过)?社保|不(?:买|上|办)社保|没交|没给我交|不交|没缴|不缴|断缴|停缴|少交|补交|补缴|基数|放弃|not paid|didn't pay|stopped/i;
const LABOR_DISPUTE =
  /经济补偿|补偿|赔偿金|双倍工资|没签[^。]{0,4}合同|未签[^。]{0,4}合同|劳动合同|加班费|调休|试用期|开除|辞退|解除|降薪|降到|调岗|调去|仲裁|违法|裁员|搬迁|N\+1|合法吗|旷工|severance|overtime|fired|dismiss|probation/i;
const NOT_LABOR =
  /中介费|介绍费|报名费|买的|买了|网购|商家|退款|退货|客服|店铺|淘宝|京东|拼多多|抖音上|快递丢|诈骗|被骗|拉黑|骗子|房租|房东|借钱|借款|贷款|网贷|消费|refund|scam|landlord|loan|purchase/i;
const WORK = /工资|工钱|薪|结账|结钱|打工|上班|干活|做嘢|返工|开工|出粮|老细|人工|干完|装修|跟着[^。]{0,6}干|工地|老板|公司|厂|工头|班组|工人|农民工|干了|辞职|离职|辞退|开除|解雇|裁员|员工|加班|修路|施工|外卖|骑手|送餐|跑单|配送|快递员|送快递|派件|网约车|滴滴司机|货拉拉|保姆|家政|雇主|站长|wages?|salary|factory|worked|work as|working|cleaner|worker|boss|employer|company|job|overtime|\bpay\b|manager|station|shift|rider|driver/i;

// "这算欠工资吗": the worker's question names wages, but says nothing is owed besides the overtime.
const ASKS_IF_ARREARS = /(?:这|这个|这样)?(?:算不算|算)(?:是)?(?:欠|拖欠)(?:工资|薪)(?:吗|么|嘛|不)?/g;
const OVERTIME_UNCOUNTED = /(?:加班费|加班工资|加班)[^。!?！？]{0,12}(?:没算|不算|算错|少算|没有算|不给算|怎么算)/;
const WAGES_NAMED = /工资|工钱|薪水|底薪/;
const COMPENSATION = /经济补偿|赔偿金|N\+1|n\+1|双倍工资|双倍补偿|开除|辞退|severance/;
const DISMISSAL = /经济补偿|开除|辞退/;
/** Money owed without saying which: with work described (and no loan or purchase), most likely wages. */
// "记不清欠多少了", "打了欠条": 欠 said of the work's money, however little else is said.
const MONEY_OWED = /欠(?:了|着|下)?(?:我|我们|俺|俺们)?(?:的)?(?:钱|款|账|多少|[\d一二两三四五六七八九十百千万几])|欠条|(?:钱|账)(?:一直)?(?:不给|没给|不结|没结|不还)|owes? (?:me|us) money/i;

const DOUBLE_PAY = /双倍工资/g;
const CUSTOMER_DEBT =
  /(?:客户|顾客|买家|客人|采购商|进货的)[^。!?！？，,]{0,6}(?:欠|不给|没给|拖|赖)|开了?(?:个|一家|一个)?(?:小卖部|商店|超市|便利店|门市部?|批发部|饭店|餐馆|小店)/;
const SITE_WORDS = /工地|工程|项目|施工|建筑|包工|总包|分包|劳务/;
// "我自己接的活 给人家装修 户主不给尾款": a tradesman's own job for a household or customer (承揽), whose
// unpaid bill is a debt for the courts — unless someone employed the writer after all (a boss, a firm).
const OWN_JOB = /自己接(?:的)?活|自己揽的活|(?:我|俺)?(?:不是|没)(?:给|替|跟)(?:老板|人家?|别人)打工|我是个体户/;
const OWN_JOB_ALL = new RegExp(OWN_JOB.source, "g");
const EMPLOYED_BY = /老板|包工|工头|班组|公司|厂|单位|领班|站长|boss|employer|company/i;

const reason = (key: string, params?: Reason["params"]): Reason => (params ? { key: `triage:reason.${key}`, params } : { key: `triage:reason.${key}` });

function decide(written: string, reading: MessageReading): { category: Category; reasons: Reason[] } {
  // The worker's own question ("这算欠工资吗") is no evidence of what is owed.
  const fullText = written.includes("算") ? written.replace(ASKS_IF_ARREARS, "，") : written;
  // Wages said to be paid are not evidence of arrears ("工资倒是没欠，社保没交") — unless money is still
  // said to be owed besides ("工资结清了一部分，还差8000没给").
  const stripped = fullText.includes("工") || fullText.includes("欠") || /wage|salary/i.test(fullText) ? fullText.replace(WAGES_NOT_OWED, "，") : fullText;
  // 双倍工资 for a contract never signed is a sum for arbitration to decide, not wages earned and held back.
  const wagesSaidPaid = stripped !== fullText && !STILL_OWED.test(stripped);
  const text = (wagesSaidPaid ? stripped : fullText).replace(DOUBLE_PAY, "双倍补偿");
  // "三个月没给我们交社保了 工资倒是发了": what is not paid is the insurance.
  if (wagesSaidPaid && SOCIAL.test(text) && SOCIAL_PROBLEM.test(text) && !DISMISSAL.test(text)) {
    return { category: "social_insurance", reasons: [reason("socialInsurance")] };
  }
  // A shop's customer who does not pay the bill ("客户欠我货款八千"): a debt for the courts, not wages
  // nor a site's money.
  if (CUSTOMER_DEBT.test(text) && !WAGES_NAMED_OWED.test(text) && !SITE_WORDS.test(text)) {
    return { category: "not_labor", reasons: [reason("notWork")] };
  }
  if (OWN_JOB.test(text) && !EMPLOYED_BY.test(text.replace(OWN_JOB_ALL, ""))) {
    return { category: "not_labor", reasons: [reason("ownJobUnpaid")] };
  }
  // Each pattern is tested only where its answer is used: the whole narrative is classified on most turns.
  const projectMoney = PROJECT_MONEY_CLAIMED.test(text) || SUPPLIED.test(text);
  // "我是班组长 总包欠我们班组工程款八十多万 工人过年回不了家": a team leader has no firm; his team's
  // "project money" is their labour, claimed for the workers (班组长替工人讨薪), not a business's claim.
  const teamsLabour =
    projectMoney && WRITER_LEADS_A_TEAM.test(text) && !WRITER_IS_BUSINESS.test(text) && TEAM_WORKERS.test(text) && LABOUR_MONEY.test(text) && !GOODS_MONEY.test(text) && !SUPPLIED.test(text);
  const wagesInside = projectMoney && speaksOfWagesWithin(text);
  const wagesOwed = WAGES_OWED.test(text) || PLATFORM_EARNINGS_HELD.test(text) || wagesInside || teamsLabour;

  // 以讨薪为名讨要工程款: a business claiming project money (rent, materials, machine hours) is not
  // arrears, even when it says 讨薪 or "不给钱" — unless wages themselves are named as owed.
  if (projectMoney) {
    const paidWorkers = WRITER_PAID_WORKERS.test(text);
    // "欠我两万" names the workers owed; "欠我工程款三十万" names a business's money owed to the writer.
    const workersOwed = WORKERS_OWED.test(text) && !PROJECT_MONEY_TO_WRITER.test(text);
    // "里面有工人工资30万": the workers' wages inside the project money are arrears, claimed by their leader.
    const wagesWithin = (wagesInside || teamsLabour) && !paidWorkers;
    if (!wagesWithin && (WRITER_IS_BUSINESS.test(text) || paidWorkers || (!WAGES_NAMED_OWED.test(text) && !workersOwed))) {
      const reasons = [reason("projectMoneyClaim")];
      if (paidWorkers) reasons.push(reason("claimantPaidWorkers"));
      return { category: "project_payment", reasons };
    }
  }
  // An injury with wages named as owed is arrears first (the injury is named with it, below): the
  // money already earned must not wait for the injury's procedure.
  if (INJURY.test(text) && (!wagesOwed || (INJURY_DEMAND.test(text) && !WAGES_NAMED_OWED.test(text)))) {
    return { category: "work_injury", reasons: [reason("workInjury")] };
  }
  // Money lent to the boss is a debt, whoever the borrower works for; with no work in sight, any
  // "欠我钱" about a loan or a purchase is not wages either.
  if (wagesOwed && !WAGES_NAMED_OWED.test(text) && LOAN.test(text)) {
    return { category: "not_labor", reasons: [reason("notWork")] };
  }
  if (wagesOwed && NOT_LABOR.test(text) && !WORK.test(text)) {
    return { category: "not_labor", reasons: [reason("notWork")] };
  }
  // "加班费…都没算": how much overtime is due is for arbitration, not a sum held back.
  if (wagesOwed && OVERTIME_UNCOUNTED.test(text) && !WAGES_NAMED.test(text)) {
    return { category: "labor_dispute", reasons: [reason("laborDispute")] };
  }
  if (wagesOwed) {
    const reasons = [reason("wagesOwed")];
    if (WRITER_LEADS_A_TEAM.test(text)) reasons.push(reason("teamLeaderClaimsWages"));
    if (reading.amountYuan !== null) reasons.push(reason("amountStated", { amount: reading.amountYuan }));
    if (reading.headcount !== null && reading.headcount.min > 1) reasons.push(reason("groupOwed", { count: reading.headcount.min }));
    // Wages and something else ("摔断了腿…也不给工资", "辞退…N+1也不给"): arrears first, the rest named.
    if (INJURY.test(text)) reasons.push(reason("alsoInjury"));
    if (COMPENSATION.test(text)) reasons.push(reason("alsoCompensation"));
    // The project money around the wages is the business's own claim: 住建 or the courts.
    if (projectMoney) reasons.push(reason("alsoProjectMoney"));
    return { category: "wage_arrears", reasons };
  }
  if (SOCIAL.test(text) && SOCIAL_PROBLEM.test(text) && !DISMISSAL.test(text)) {
    return { category: "social_insurance", reasons: [reason("socialInsurance")] };
  }
  if (LABOR_DISPUTE.test(text) && WORK.test(text)) {
    return { category: "labor_dispute", reasons: [reason("laborDispute")] };
  }
  // No work word, but a trade read ("教培机构 英语老师"): work is described all the same.
  if (NOT_LABOR.test(text) || LOAN.test(text) || (!WORK.test(text) && reading.sector === null)) {
    return { category: "not_labor", reasons: [reason("notWork")] };
  }
  // Work is described and money is named or said to be owed ("包工头欠钱"), but not which money: logged
  // as arrears so that an officer checks it (a worker is never turned away on a guess); otherwise a
  // dispute about what is due.
  if (reading.amountYuan !== null || MONEY_OWED.test(text)) {
    return { category: "wage_arrears", reasons: [reason("unclearTreatedAsArrears")] };
  }
  // Work told, and nothing of what is wrong ("我在恒大工地干木工"): someone writing to the arrears office
  // about their job is most likely unpaid; the sum is asked, and "不是欠工资" still says otherwise.
  return { category: "wage_arrears", reasons: [reason("unclearTreatedAsArrears")] };
}

// Violence, threats or held papers (打人, 威胁, 扣身份证): whatever the category, the worker is told to call
// 110 first, and the officer sees it among the reasons.
const VIOLENCE =
  /打人|打(?:了|伤|断)?(?:我|俺|我们|俺们)(?![电手们卡账]|[^。!?！？，,]{0,4}(?:电话|手机|号码|卡|账户|银行|微信|支付宝))|打(?:了|伤|断)工人|把(?:我|俺|我们|俺们|工人|他们)[^。!?！？，,]{0,3}打(?!发|听|电话)|找人(?:来)?打(?!听|电话|招呼)|被[^。!?！？，,]{0,4}打(?=了|伤|得|成|[，,。！!\s]|$)|挨打|动手打|对(?:我|我们|俺|工人)动手|打伤|打断(?:了)?(?:我|腿|手)|威胁|恐吓|扬言|砍人|拿刀|(?:扣|收|押)(?:押|着|了|走)?(?:我|我们|俺|大家)?的?(?:身份证|证件|护照)|拿(?:了|走)?(?:我|我们|俺|大家)?的?(?:身份证|证件|护照)[^。!?！？，,]{0,3}(?:不还|不给)|(?:身份证|证件|护照)[^。!?！？，,]{0,4}(?:扣|收|押)|不让(?:我们?)?走(?![^。!?！？]{0,12}(?:干完|做完|结账|结钱|再结|辞职|离职|上班|干活|工作|活干完|找人接))|把(?:我|我们|俺|人|工人)关起来|限制.{0,2}自由|堵(?:我|俺)|(?:社会上的人|混混|打手)|took my (?:passport|ID)|(?:keeps?|kept|holds?|held) my (?:passport|ID)|threat|beat (?:me|us)|\b(?:he|she|they|boss|foreman|contractor) (?:hit|punched|attacked) (?:me|us)|assault/i;

// Extreme action (爬楼, 堵路) or taking one's own life: 防止因欠薪引发极端事件 is the campaigns' first line.
// Against oneself, against someone else ("捅了他", "弄死他"), or blocking a road ("堵高速"): the worker
// is answered about the one spoken of.
const SELF_HARM =
  /跳楼|跳下去|跳河|跳江|跳桥|爬(?:上)?楼顶|爬(?:上)?塔吊(?:讨|要|不下|[。.!！]|$)|(?:就|要|去|准备|只能|只好|干脆)爬(?:上)?(?:塔吊|楼顶|高楼|烟囱)(?![^。!?！？，,]{0,4}(?:干活|上班|作业|开|操作|检修))|自杀|轻生|想死|不想活|不活了|活不下去|活着没意思|我(?:真的|快|实在)?(?:撑|熬)不(?:住|下去)了|喝农药|喝药自杀|吃药自杀|寻短见|同归于尽|一起死|死给他看|死了算了|jump off|jump from the|kill myself|suicide|end my life|want to die|can'?t take it anymore/i;
const HARM_TO_OTHERS = /捅了他|捅死|砍死|弄死他|杀了他|烧了他|一把火烧|炸了他|炸死|kill (?:him|the boss)/i;
const ROAD_BLOCKING = /去堵路|要堵路|堵路讨|堵桥|堵高速|堵马路/;
const EXTREME = new RegExp(`${SELF_HARM.source}|${HARM_TO_OTHERS.source}|${ROAD_BLOCKING.source}`, "i");

// A group protest in the making (堵门, 拉横幅, 集体上访): 防止群体性事件 — the officer is told at once.
// "要闹了", "去老板家里闹", "去堵开发商大门", "去市政府上访": said as a plan, not as something past.
const GROUP_PROTEST =
  /堵门|堵[^。!?！？，,\s]{0,6}(?:大门|门口)|拉横幅|拉条幅|举牌|集体上访|(?:去|要|准备|打算|就|只能|只好)[^。!?！？，,]{0,10}上访(?!过)|一起去(?:政府|市政府|县政府|信访)|去(?:政府|市政府|县政府)门口|静坐|闹到|闹事|闹大|(?:要(?!是)|就|去|准备|只能|只好|得)[^。!?！？，,\s]{0,6}(?<![热吵])闹(?!钟|肚子|心|着玩)|(?:我们|大家|工人们?|工友们?)[^。!?！？]{0,10}去[^。!?！？，,]{0,10}讨(?:个)?说法|make a scene|(?<!(?:don'?t|do not|won'?t|not) (?:want to |going to )?)protest|block the (?:gate|road|door)/i;

/** What kind of extreme action the text speaks of: against others, a road blocked, else against oneself. */
export function extremeActionKind(text: string): "others" | "protest" | "self" {
  if (HARM_TO_OTHERS.test(text)) return "others";
  if (ROAD_BLOCKING.test(text) && !SELF_HARM.test(text)) return "protest";
  return "self";
}

/** Whether the text names money that is plainly not wages: a loan, a purchase, a scam, one's own job for a customer. */
export function speaksOfNonLabourDebt(text: string): boolean {
  return LOAN.test(text) || NOT_LABOR.test(text) || OWN_JOB.test(text);
}

/** Whether the text speaks of a group protest being planned or under way. */
export function speaksOfGroupProtest(text: string): boolean {
  return GROUP_PROTEST.test(text);
}

/** Whether the text speaks of violence, threats or papers held back. */
export function speaksOfViolence(text: string): boolean {
  return VIOLENCE.test(text);
}

/** Whether the text speaks of extreme action or of taking one's own life. */
export function speaksOfExtremeAction(text: string): boolean {
  return EXTREME.test(text);
}

/** Classifies text already passed through prepareText. */
export function classifyPrepared(text: string, reading: MessageReading, instructionsRemoved: boolean): Classification {
  const { category, reasons } = decide(text, reading);
  if (VIOLENCE.test(text)) reasons.unshift(reason("violence"));
  if (EXTREME.test(text)) reasons.unshift(reason("extremeRisk"));
  if (GROUP_PROTEST.test(text)) reasons.unshift(reason("groupProtest"));
  if (instructionsRemoved) reasons.push(reason("instructionIgnored"));
  return { category, isArrears: category === "wage_arrears", reasons };
}

export function classify(text: string, reading: MessageReading): Classification {
  const prepared = prepareText(text);
  return classifyPrepared(prepared.text, reading, prepared.instructionsRemoved);
}
