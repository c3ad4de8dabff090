// Chinese personal names (姓名) after a role word: "包工头叫刘建国", "老板是湖南人熊运来".

// The common single-character surnames cover the vast majority of people (百家姓 top ~130).
export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
const SURNAME_SET = new Set(SURNAMES);
// A character after which a given name cannot go on: verbs and particles that follow the name.
const STOP = new Set("欠说跑拖的一给也还就都在是包带又不让叫把干人手电等了和跟从到只拿答现已再去没有要找让讲总共每老上下这那欠，。,.!?！？ ");
const CJK = /[\u4e00-\u9fff]/;
// "阿杰", "阿强": how people in the south are called (not 阿姨, 阿拉 "we", 阿爸…).
const NICKNAME = new RegExp(
  `^(?:[${SURNAMES}](?:老[大二三四五六七八九幺]|女士|先生|阿姨|大姐|大哥|总(?!包|共|是))|老[${SURNAMES.replace(/[师]/g, "")}](?![板乡家总师公婆])|阿(?![姨婆公爸妈哥姐弟妹拉们伯叔就是不也都还在说])[\u4e00-\u9fff])`,
);

/** Reads a name starting at `text[0]`: surname plus one or two given-name characters, or null. */
// Role words that begin with a surname character ("包工头", "老板").
const NOT_A_NAME = /^(?:包工|老板|老乡|班长|工头|万一|安全|高速|江边|水电|项目)/;

export function personNameAt(text: string): string | null {
  if (NOT_A_NAME.test(text)) return null;
  // "张老三", "老王": how a team leader is known on site.
  const nickname = NICKNAME.exec(text)?.[0];
  if (nickname) return nickname;
  const surname = text[0];
  const g1 = text[1];
  if (!surname || !g1 || !SURNAME_SET.has(surname) || !CJK.test(g1) || STOP.has(g1)) return null;
  const g2 = text[2];
  if (g2 && CJK.test(g2) && !STOP.has(g2)) return surname + g1 + g2;
  return surname + g1;
}

export function startsWithSurname(text: string): boolean {
  return SURNAME_SET.has(text[0] ?? "");
}
