// Questions about the process that workers ask before, during and after filing ("需要什么材料",
// "要不要请律师", "要不要去劳动局", "你们是真的政府吗"): answered where they are asked, in one short
// message, and the dialog goes on where it was.

// "这算欠工资吗", "罚款算不算克扣", "这个能投诉吗": whether what happened is arrears at all.
const DOES_IT_COUNT =
  /(?:这|这个|这种|罚款|扣钱|扣的钱?)?(?:算不算|算)(?:是)?(?:欠(?:工资|薪|钱)|拖欠工资|克扣)(?:吗|么|不)|能(?:不能)?算欠薪|(?:这|这个|这种|这样)?(?:情况|事)?(?:能|可以)投诉(?:吗|么|不)|能不能投诉|可不可以投诉|does (?:this|it|that) count|can I (?:complain|report) (?:about )?(?:this|it)|is (?:this|it|that) (?:unpaid wages|wage arrears)/i;

// "你们这个要收钱不", "要不要钱", "do I have to pay anything for this?": whether complaining costs money. Its
// words of paying are the question, not a story of pay ("老板不付钱").
const FEE_ASKED =
  /(?:要不要|用不用|需不需要)(?:先)?(?:交|给|付|花)钱|(?:要|得)(?:先)?(?:交|给|付|花)钱(?:吗|么|不|没|呢)|(?:要|会|得)收(?:不收)?钱|收不收钱|收钱(?:吗|么|不|没)|收费(?:吗|么|不|没)?|收不收费|要钱(?:吗|么|不|没)|要不要钱|花钱吗|手续费|免费(?:吗|么|不|的吗)|is (?:it|this) free|(?:do|will|would|should|must) (?:I|we) (?:have to |need to )?pay\b(?: anything| any(?: money| fee)?| a fee| money)?(?: for (?:this|it))?|cost anything|does (?:it|this) cost|(?:any|a) (?:fee|charge)\b/i;

// "能不能不留名字", "要不要写真名": whether the worker must give their name (the bot never asks it).
const NAME_ASKED =
  /(?:能|可以|可不可以|能不能)不(?:留|写|说|给|报)(?:名字|姓名|真名|名)|(?:要不要|用不用|需不需要|要|需要|得)(?:留|写|说|给|报|填)?(?:真名|真实姓名|实名|(?:我的?|自己的?)(?:名字|姓名))|实名(?:吗|不|制)|(?:不想|不敢|不愿意?)(?:留|写|说|报)(?:名字|姓名|真名)|(?:do|must|should) I (?:have to |need to )?(?:give|say|use|write|tell you|leave) my (?:real |full )?name|without (?:giving )?my name/i;

const QUESTIONS: ReadonlyArray<readonly [string, RegExp]> = [
  ["faq.evidence", /(?:需要|要|准备)(?:什么|啥|哪些)(?:材料|资料|东西|证据)|要准备(?:什么|啥)|什么证据|要证据吗|证据吗|算证据|聊天记录算|没有合同怎么办|没签合同怎么办|没合同怎么办|没有合同能|what (?:documents|evidence)|do I need (?:a )?contract/i],
  // "照片怎么发", "我还有聊天记录和考勤表 怎么发给你们": how files reach the officer (the answer: right here).
  ["faq.howToSend", /(?:照片|图片|相片|截图|聊天记录|考勤(?:表|记录)?|工资条|欠条|合同|文件|材料|证据|视频|录音|记录)[^？?。，,]{0,8}?(?:怎么|咋|如何|在哪|往哪|去哪)(?:里|儿)?(?:发|传|上传|交|提交|给你们?|给您)|(?:怎么|咋|如何|在哪|往哪|去哪)(?:里|儿)?(?:发|传|上传|交|提交)(?:给你们?|过去|过来|到哪|到这|照片|图片|相片|截图|聊天记录|考勤|文件|材料|证据|视频|录音)|(?:how|where) (?:do|can|should) I (?:send|upload|share|give)|how (?:to|can I) (?:send|upload)/i],
  ["faq.lawyer", /(?:请|找|要|用)律师|律师吗|法律援助|打官司|要不要起诉|能不能起诉|起诉吗|是不是要(?:去)?(?:法院)?起诉|要去法院吗|(?:need|get|hire) a lawyer|legal aid/i],
  // "要我去现场吗": asked to come is asked whether to go.
  ["faq.visit", /(?:我|我们)?(?:要不要|用不用|需不需要|要)(?:我|我们)?(?:去|跑|到)(?:劳动局|人社局|监察|你们那|现场|一趟)|要去哪(?:里)?办|去哪里办|你们办公室在哪|你们地址在哪|要本人去吗|do I (?:have|need) to go|where is your office/i],
  ["faq.free", FEE_ASKED],
  ["faq.name", NAME_ASKED],
  // "要不要带身份证", "要带什么证件": nothing to bring to file here.
  ["faq.idCard", /(?:要不要|用不用|需不需要|要|得)(?:带|拿|出示|交|给|拍|发)(?:个|上)?(?:身份证|证件|户口本)|身份证(?:要|用)(?:不要|不用)?(?:带|拿|发)|(?:带|拿)(?:什么|啥)证件|do I (?:have to |need to )?(?:bring|show|send) (?:my |an? )?(?:ID|identity card|ID card|papers|documents)/i],
  ["faq.official", /你们是(?:真的)?政府|是政府吗|(?:你们|你|这)是(?:不是)?(?:劳动局|人社局|劳动监察|监察大队|劳动保障|官方)|是(?:劳动局|人社局|劳动监察)(?:的)?吗|是不是政府|你们是谁|你是谁|你是(?:机器人|真人|什么)|是机器人吗|是真人吗|是真的吗|你们是不是骗|这是不是骗|是骗子吗|官方的吗|靠谱吗|靠不靠谱|靠谱(?:不|没|啊|哦)?[？?]*$|靠得住|(?:可靠|可信|正规)(?:吗|不)|(?:你们|你|这)是(?:哪个|什么|啥)(?:部门|单位|机构)|哪个部门(?:的)?[？?]*$|who are you|are you (?:a )?(?:real )?(?:bot|robot|human|person|machine|AI)\b|(?:a )?real person|is (?:this|it) (?:a )?(?:bot|robot|machine|human|real person|automatic)\b|(?:talking|chatting) (?:to|with) (?:a )?(?:bot|robot|machine|human|person)|are you (?:the )?government|is this official|is this real|which (?:office|department|government)/i],
  // "要等好久哦": the worry how long is the question how long.
  ["faq.howLong", /要多久|多久(?:能|才|有|会)|(?:要|得)?等(?:好|很|多)久|多长时间|几天(?:能|才|有)|(?:什么|啥)时候(?:能|才|会)?(?:给|拿到|有结果|处理|办)|how long|when will (?:I|we) get/i],
  ["faq.doesItCount", DOES_IT_COUNT],
  ["faq.whoIsContacted", /(?:联系|打给|找|打电话给)(?:我|俺)(?:爸|妈|老公|老婆|媳妇|儿子|女儿|家里人|家人|哥|姐|弟|妹)?还是(?:联系|打给|找)?(?:我|俺)|(?:会|能)?(?:联系|打给|打电话给)谁|打谁的电话|(?:联系|打给)(?:我|俺)?(?:家里人|家人|我爸|我妈)吗|who will (?:call|contact)|will (?:they|you) (?:call|contact) (?:me|my)/i],
  ["faq.injury", /工伤(?:怎么|咋)(?:弄|办|申请|认定|赔)|受伤了?(?:怎么|咋)(?:办|弄)|工伤(?:能|可以)(?:一起|一块)|how (?:do I|to) (?:claim|report) (?:an |a )?(?:injury|work injury)|(?:work )?injury,? how|injured at work,? (?:what|how)/i],
  ["faq.compensation", /(?:补偿|赔偿|N\+1|双倍工资)(?:金)?(?:能|可以)(?:不能)?(?:一起|一块|一并)(?:要|算|投诉)|(?:补偿|赔偿)(?:金)?(?:怎么|咋)(?:要|算|办)|can I (?:also )?claim (?:compensation|severance)/i],
  ["faq.noPhone", /不留电话(?:可以|行)(?:吗|不)|(?:可以|能)不(?:留|给)电话(?:吗)?|不想留电话|不给电话(?:可以|行)(?:吗|不)|do I (?:have|need) to (?:give|leave) (?:my |a )?(?:phone|number)|can I not (?:give|leave) (?:my |a )?(?:phone|number)|without (?:a |my )?phone(?: number)?\?/i],
  ["faq.advance", /(?:能不能|能|可以|可不可以)(?:先)?垫付|先垫(?:上|付)?吗|垫付吗|老板跑了(?:钱)?(?:谁|怎么)(?:给|办|付)|can (?:you|the government) (?:pay|advance)/i],
  ["faq.interest", /(?:能|还能|可以|能不能)(?:要|算|拿)?利息|利息(?:能|可以)?(?:要|算)吗|赔(?:点)?利息|can I (?:get|claim) interest/i],
  ["faq.canRecover", /能(?:不能)?(?:帮(?:我|我们|俺|俺们)?)?(?:要|拿|讨)(?:回来|到)吗|(?:要|拿)得回来吗|有用吗|管用吗|有没有用|有用(?:不|没)[？?]*$|管用(?:不|没)|管不管|你们管吗|能管吗|管得(?:了|着|住)|管不了|can you (?:help|get (?:it|the money|my money) back)|will (?:I|we) get (?:it|the money|paid)/i],
];

// "老板欠我3万，我想起诉他" is a complaint that mentions a lawsuit, not a question about one.
// "平台罚款扣了我三千多 这算欠工资吗": money taken is a story too.
const STORY = /欠|拖|没给|没发|不给|不发|没拿到|没结|不结|跑了|扣了|扣我|罚了|罚我|\d|owe|unpaid|paid|pay\b/i;

// "我身份证号是1101… 要不要发给你", "卡号6222… 直接打到这里": numbers nobody here needs, and money that
// never comes through this chat — said before anything else (the digits make it look like a story).
const PERSONAL_NUMBERS = /身份证号|银行卡|卡号|银行账号|收款账号|打到(?:我的?|这个?)(?:卡|账户|账号|这里)|ID card|ID number|bank (?:card|account)/i;
// "雇主扣着我的身份证" is papers held back (110 first), not a number offered.
const OWED_STORY = /欠|拖|没给|没发|不给|不发|扣|押|收走|拿走|不还|owe|unpaid|kept|took/i;

/** The answer's i18n key when the message is a question about the process, else null. */
export function processQuestion(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length <= 80 && PERSONAL_NUMBERS.test(trimmed) && !OWED_STORY.test(trimmed)) return "faq.personalNumbers";
  // A story that also asks is read as a story: only short questions are answered this way.
  // "这算欠工资吗" names 欠 in asking, not in telling.
  // "do I have to pay?" names paying in asking, as "这算欠工资吗" names 欠.
  const told = trimmed.replace(DOES_IT_COUNT, "").replace(FEE_ASKED, "");
  // English takes about twice the characters Chinese does to ask the same.
  if (trimmed.length > (/\p{Script=Han}/u.test(trimmed) ? 40 : 80) || STORY.test(told)) return null;
  for (const [key, pattern] of QUESTIONS) if (pattern.test(trimmed)) return key;
  return null;
}

/** Every process question a short message asks ("要多久？要啥材料？"), the first as processQuestion gives it. */
export function processQuestions(text: string): string[] {
  const first = processQuestion(text);
  if (first === null) return [];
  if (first === "faq.personalNumbers") return [first];
  const asked = QUESTIONS.map(([key, pattern]) => [key, text.search(pattern)] as const).filter(([, at]) => at >= 0);
  return asked.sort((a, b) => a[1] - b[1]).slice(0, MOST_IN_STORY).map(([key]) => key);
}

// A clause that asks rather than tells: "要多久能拿到钱？", "要准备啥材料", "do I need a lawyer?".
const ASKS = /[？?]|吗|呢|么|要不要|用不用|需不需要|能不能|是不是|可不可以|有没有|多久|多长|什么|啥|怎么|哪|^(?:how|what|when|do|does|is|can|will|should)\b/i;
/** Most answers given alongside a story: more would bury the question the bot asks next. */
const MOST_IN_STORY = 2;

/**
 * The questions about the process asked inside a longer message ("…欠我们12万 要多久能拿到钱？要啥材料？"),
 * as i18n keys, in the order asked. Each clause is judged alone, so the story's own words
 * (欠, figures) do not hide the question, and a statement ("我们找过律师") is not taken for one.
 */
export function questionsInStory(text: string): string[] {
  if (processQuestion(text) !== null) return [];
  const keys: string[] = [];
  // Chinese clauses end at commas and spaces too; English words are spaced, its clauses end at punctuation.
  const clauses = /\p{Script=Han}/u.test(text) ? text.split(/(?<=[？?。！!；;\n])|[，,、\s]+/) : text.split(/(?<=[?.!;])\s*|,\s*/);
  for (const clause of clauses) {
    const trimmed = clause.trim();
    if (trimmed === "" || trimmed.length > 30 || !ASKS.test(trimmed)) continue;
    for (const [key, pattern] of QUESTIONS) {
      if (pattern.test(trimmed) && !keys.includes(key)) keys.push(key);
    }
    if (keys.length >= MOST_IN_STORY) break;
  }
  return keys.slice(0, MOST_IN_STORY);
}
