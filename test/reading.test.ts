// Unit tests of the reading, one block per pattern family (amounts, headcount, parties, sector…).
import { describe, expect, it } from "vitest";
import { readAmount } from "../src/triage/amounts.js";
import { readPhone, readSince } from "../src/triage/contact.js";
import { readEmployer } from "../src/triage/employer.js";
import { readHeadcount } from "../src/triage/headcount.js";
import { normalize } from "../src/triage/normalize.js";
import { parseNumeral } from "../src/triage/numerals.js";
import { readProject } from "../src/triage/project.js";
import { readMessage } from "../src/triage/read-message.js";
import { readOwnership, readProjectKind, readSector } from "../src/triage/sector.js";

const amountOf = (text: string): number | null => {
  const t = normalize(text);
  return readAmount(t, readHeadcount(t));
};

describe("normalize", () => {
  it("converts Traditional to Simplified", () => {
    expect(normalize("我們班組欠薪三萬五")).toBe("我们班组欠薪三万五");
  });
  it("turns full-width digits, letters and punctuation into ASCII and collapses spaces", () => {
    expect(normalize("欠我８６００元！　ＡＢ   c")).toBe("欠我8600元! AB c");
  });
  it("does not rewrite names with phrase tables", () => {
    expect(normalize("智慧树教育")).toBe("智慧树教育");
  });
});

describe("numerals", () => {
  it.each([
    ["两万三千六", 23600],
    ["一万二", 12000],
    ["3万5", 35000],
    ["3.5w", 35000],
    ["2w8", 28000],
    ["二十三万六", 236000],
    ["两千八百", 2800],
    ["两万零八百", 20800],
    ["一百零二万六千", 1026000],
    ["四万九千五", 49500],
    ["17万6千", 176000],
    ["9,600", 9600],
    ["二千三百万", 23000000],
  ])("%s = %d", (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });
  it("rejects a unit with no digit in front", () => {
    expect(parseNumeral("千万")).toBeNull();
  });
});

describe("amounts", () => {
  it("reads Chinese numerals with 万/千 and a trailing digit", () => {
    expect(amountOf("包工头欠我两万三千六，年都过不成了")).toBe(23600);
    expect(amountOf("光底薪就欠我一万二")).toBe(12000);
  });
  it("reads mixed forms: 3万5, 3.5w, full-width digits", () => {
    expect(amountOf("老板欠我3万5")).toBe(35000);
    expect(amountOf("厂里拖了我差不多3.5w")).toBe(35000);
    expect(amountOf("包工头欠我３万５")).toBe(35000);
  });
  it("takes the lower bound of 多/来/把", () => {
    expect(amountOf("我们九个人被欠了20多万")).toBe(200000);
    expect(amountOf("欠了我们十来万")).toBe(100000);
    expect(amountOf("老板欠我万把块钱")).toBe(10000);
  });
  it("does not read 几十万 / 好几万 as a sum", () => {
    expect(amountOf("他欠了大家几十万")).toBeNull();
    expect(amountOf("老板欠了好几万")).toBeNull();
  });
  it("multiplies per-person amounts by the people", () => {
    expect(amountOf("我们6个人给刘志刚干装修，每人欠8000")).toBe(48000);
  });
  it("multiplies daily pay by days and monthly pay by months", () => {
    expect(amountOf("一天两百五，干了三十天，老板一分没给，我一个人")).toBe(7500);
    expect(amountOf("剩下三个月每月3300一直拖着不给")).toBe(9900);
    expect(amountOf("我在餐馆当服务员，工资三千五一个月，老板拖了两个月没发")).toBe(7000);
  });
  it("multiplies per-person monthly pay by months and people", () => {
    expect(amountOf("我们12个保洁阿姨三个月没发工资了，每人每月2200")).toBe(79200);
  });
  it("sums crews paid by trade", () => {
    expect(amountOf("大工一天四百、小工一天二百五，大工三个、小工四个，都干了六十天，一分没给")).toBe(132000);
  });
  it("prefers a stated total to arithmetic", () => {
    expect(amountOf("我们5个人每人一天300干了20天，合计三万，包工头一分没给")).toBe(30000);
    expect(amountOf("我一个人就3.5w，全班三十二个人加起来一百多万")).toBe(1000000);
  });
  it("takes the remainder after a partial payment", () => {
    expect(amountOf("台班费一共四十二万，项目部只给了十万，还差三十二万")).toBe(320000);
    expect(amountOf("总共工钱八万六，他只给了两万，还差六万六")).toBe(66000);
  });
  it("adds a second owed item introduced by 还有", () => {
    expect(amountOf("欠我两个月工资8600元，还有三百块课时费也没结")).toBe(8900);
  });
  it("ignores phone numbers, ID numbers, dates and durations", () => {
    expect(amountOf("老板电话13912345678，欠我工资五千六")).toBe(5600);
    expect(amountOf("身份证号是410102198803041234，欠我们四个人两万四")).toBe(24000);
    expect(amountOf("2023年3月到12月在工地干，老板欠我三万二")).toBe(32000);
    expect(amountOf("干了四十天，三个月了还没结")).toBeNull();
  });
  it("gives no total for a wage rate alone", () => {
    expect(amountOf("我一天工资三百，老板到现在还没给钱")).toBeNull();
  });
  it("gives no total when a worker states only their own share of a group", () => {
    expect(amountOf("全厂三十六个人九月份的工资都没发，我的是四千九")).toBeNull();
    expect(amountOf("60 of us are owed wages. I am owed 9,600 yuan myself.")).toBeNull();
  });
  it("reads English amounts and totals", () => {
    expect(amountOf("Each of us is owed about 14,000, so around 560,000 yuan in total. 40 of us")).toBe(560000);
    expect(amountOf("Our team leader has not paid us 180,000 yuan in total.")).toBe(180000);
  });
});

describe("headcount", () => {
  const hc = (text: string) => readHeadcount(normalize(text));
  it("reads group counts with a worker noun", () => {
    expect(hc("我们班组二十三个人")).toEqual({ min: 23, max: 23 });
    expect(hc("我们十二个油工给东兴装饰干")).toEqual({ min: 12, max: 12 });
    expect(hc("我们这一栋楼二十几个装修工人")).toEqual({ min: 20, max: 29 });
  });
  it("keeps ranges", () => {
    expect(hc("十几个阿姨都没拿到")).toEqual({ min: 10, max: 19 });
    expect(hc("我们七八个人跟着包工头")).toEqual({ min: 7, max: 8 });
  });
  it("reads pronoun counts, pairs and the writer alone", () => {
    expect(hc("我们三个在长沙的工地")).toEqual({ min: 3, max: 3 });
    expect(hc("我和我老公都被欠了")).toEqual({ min: 2, max: 2 });
    expect(hc("欠我两个月工资")).toEqual({ min: 1, max: 1 });
    expect(hc("我和另外四个老师都没拿到")).toEqual({ min: 5, max: 5 });
  });
  it("does not count children, floors or months", () => {
    expect(hc("我们两个孩子在老家读书，三层小楼，三个月")).toBeNull();
  });
  it("reads English counts", () => {
    expect(hc("60 of us are owed wages")).toEqual({ min: 60, max: 60 });
    expect(hc("Together with 5 co-workers I worked there")).toEqual({ min: 6, max: 6 });
    expect(hc("My boss owes me and 4 other workers 18000 yuan")).toEqual({ min: 5, max: 5 });
    expect(hc("Twelve of us worked on the site")).toEqual({ min: 12, max: 12 });
  });
});

describe("project", () => {
  const project = (text: string) => {
    const t = normalize(text);
    return readProject(t, readSector(t));
  };
  it("strips the place in front of an unquoted name", () => {
    expect(project("我在新乡市红旗区碧桂园凤凰城三期干木工")).toBe("碧桂园凤凰城三期");
    expect(project("我们在江西九江都昌县搞鄱阳湖堤防加固工程")).toBe("鄱阳湖堤防加固工程");
  });
  it("takes a quoted project name", () => {
    expect(project("北京朝阳区有个别墅项目叫“御湖庄园”，我们在工地干了三个月")).toBe("御湖庄园");
  });
  it("skips generic descriptions and 工程款", () => {
    expect(project("这是央企总包的国企项目，在一个楼盘工地干活")).toBeNull();
    expect(project("总包欠我们安装工程款82万，我们在工地")).toBeNull();
  });
  it("does not take a district name ending in 城/苑 as a project", () => {
    expect(project("我在济宁任城区的工地干水电")).toBeNull();
  });
  it("reads English project names", () => {
    expect(project("I worked at the Country Garden Phoenix City Phase 3 site in Xinxiang.")).toBe("Country Garden Phoenix City Phase 3");
  });
  it("gives no project outside construction", () => {
    expect(project("我在“好运来”烧烤店干了四个月")).toBeNull();
  });
});

describe("employer", () => {
  const employer = (text: string) => {
    const t = normalize(text);
    return readEmployer(t, readSector(t));
  };
  it("names the team leader on a site", () => {
    expect(employer("我在工地干木工，包工头叫刘建国，一共欠我两万三")).toBe("刘建国");
    expect(employer("带我们去工地的是一个叫彭大勇的班组长，他上面是柳江建安劳务公司")).toBe("彭大勇");
    expect(employer("老板是湖南人熊运来，在工地欠我三万")).toBe("熊运来");
  });
  it("names the company when its boss speaks for it", () => {
    expect(employer("我们十二个油工给东兴装饰干了三个多月，东兴装饰的老板吕海东到现在欠我们三十七万五")).toBe("东兴装饰");
  });
  it("names the company said to owe, in its longest form", () => {
    expect(
      employer("钢筋分包给了湖北楚天劳务有限公司。楚天劳务欠我们二十三个人的工资，总包是中建三局，我们在工地干"),
    ).toMatch(/^(?:湖北)?楚天劳务有限公司$/);
  });
  it("reads names given after 叫 and business names before a job title", () => {
    expect(employer("在南宁一家广告公司做设计，公司叫星橙广告")).toBe("星橙广告");
    expect(employer("我是郑州金水区启航英语的助教，欠我工资")).toBe("启航英语");
    expect(employer("公司在苏州，叫精达机械，要裁员")).toBe("精达机械");
  });
  it("strips places but keeps brand names that are also places", () => {
    expect(employer("我在广州天河区安达物业当保安")).toBe("安达物业");
  });
  it("ignores the writer's own company and generic descriptions", () => {
    expect(employer("我名下公司是甬顺安装工程有限公司，总包欠我们工程款，我们在工地")).toBeNull();
    expect(employer("我在沈阳浑南区一家汽车配件厂")).toBeNull();
  });
  it("reads English bosses and companies", () => {
    expect(employer("the owner, Mr. Huang, disappeared from the factory")).toBe("Mr. Huang");
    expect(employer("Our subcontractor, Shuntong Construction, hasn't paid 40 of us on the railway site.")).toBe("Shuntong Construction");
  });
});

describe("sector, project kind and ownership", () => {
  const s = (text: string) => readSector(normalize(text));
  it("recognises each sector", () => {
    expect(s("在工地绑钢筋")).toBe("construction");
    expect(s("电子厂车间流水线")).toBe("manufacturing");
    expect(s("在渝北跑外卖的")).toBe("platform");
    expect(s("培训学校的助教")).toBe("education");
    expect(s("在酒店做厨师")).toBe("services");
    expect(s("在煤矿上干活")).toBe("other");
    expect(s("冰箱坏了")).toBeNull();
  });
  it("reads the project kind of construction only", () => {
    expect(readProjectKind("者腊水库除险加固工程", "construction")).toBe("water");
    expect(readProjectKind("大瑞铁路隧道", "construction")).toBe("transport");
    expect(readProjectKind("湘江御景8号楼", "construction")).toBe("housing");
    expect(readProjectKind("光伏电站", "construction")).toBe("other");
    expect(readProjectKind("水库", "manufacturing")).toBeNull();
  });
  it("reads ownership only when stated or implied by a known name", () => {
    expect(readOwnership("县水利局的政府投资项目")).toBe("government");
    expect(readOwnership("县里出钱的水利项目")).toBe("government");
    expect(readOwnership("央企中建三局总包")).toBe("soe");
    expect(readOwnership("安顺市棚户区改造PPP项目")).toBe("ppp");
    expect(readOwnership("给私人老板盖自建房")).toBe("private");
    expect(readOwnership("碧桂园凤凰城三期")).toBeNull();
    expect(readOwnership("等县里验收完再给")).toBeNull();
  });
});

describe("phone and since", () => {
  it("reads mobile and landline numbers", () => {
    expect(readPhone("站长电话18623456789，一直说下周")).toBe("18623456789");
    expect(readPhone("办公室0371-65432100")).toBe("037165432100");
    expect(readPhone("欠我两万")).toBeNull();
    // Grouped as people say them: 4-3-4, dots.
    expect(readPhone("我电话1381 234 5678")).toBe("13812345678");
    expect(readPhone("138.1234.5678")).toBe("13812345678");
    expect(readPhone("2023.13812345678")).toBeNull();
    expect(readPhone("电话138 - 1234 - 5678")).toBe("13812345678");
    expect(readPhone("138—1234—5678")).toBe("13812345678");
    expect(readPhone("(0373)5551234")).toBe("03735551234");
    expect(readPhone("0373 555 1234")).toBe("03735551234");
    expect(readPhone("欠我 2000 元，13 个人")).toBeNull();
  });
  it("reads when the arrears began", () => {
    expect(readSince("从去年8月干到今年1月")).toBe("去年8月");
    expect(readSince("2023年4月开始就没发")).toBe("2023年4月");
    expect(readSince("欠我两万")).toBeNull();
  });
});

describe("readMessage", () => {
  it("combines the readers and leaves place to the gazetteer", () => {
    const reading = readMessage("我們十九個人跟著包工頭魏長河幹，他欠我們二十五萬");
    expect(reading).toMatchObject({ employer: "魏长河", amountYuan: 250000, headcount: { min: 19, max: 19 } });
    expect(reading.place).toEqual({ status: "none" });
  });
  it("asks the gazetteer with normalised text", () => {
    const seen: string[] = [];
    readMessage("在新鄉市紅旗區幹活", { resolve: (t) => (seen.push(t), { status: "none" }) });
    expect(seen).toEqual(["在新乡市红旗区干活"]);
  });
});

describe("amounts and head-counts from a review", () => {
  it("reads 仨 as three", () => {
    expect(readMessage("工头刘大壮欠俺们仨人工资一共九千")).toMatchObject({ headcount: { min: 3, max: 3 }, amountYuan: 9000 });
  });
  it("does not multiply two months' pay by two when the total is given", () => {
    expect(readMessage("网点拖欠了两个月的提成跟底薪 大概一万出头 在广州白云区").amountYuan).toBe(10000);
    expect(readMessage("底薪3000，欠了两个月").amountYuan).toBe(6000);
  });
  it("takes what was already paid off months of pay", () => {
    expect(readMessage("欠我三个月工资，一个月4500，已经给了2000").amountYuan).toBe(11500);
  });
});

describe("when the arrears began, in the lunar calendar", () => {
  it("reads 腊月 and 春节后", () => {
    expect(readSince("从去年腊月到现在一直没发")).toBe("去年腊月");
    expect(readSince("从春节后就没发过工资")).toBe("春节后");
  });
});

describe("names from a review", () => {
  it("a clause about the project is not its name, and pay put off until settlement is arrears", () => {
    const reading = readMessage("老板说等项目结算完再给钱，在成都高新区天府三街的写字楼项目干了三个月");
    expect(reading.project).not.toMatch(/说|等|天府$/);
  });
  it("a trade team (装修队) names no employer; a company with the trade in its name still does", () => {
    expect(readMessage("在沈阳铁西区装修队干活，欠我6000").employer).toBeNull();
    expect(readMessage("宏达装修公司欠我工资").employer).toBe("宏达装修公司");
  });
});

describe("more from a review: a day rate over a month, a team counted without 人", () => {
  it("reads 'a day two hundred, worked a month' as 6,000", () => {
    expect(readMessage("一天两百，干了一个月").amountYuan).toBe(6000);
  });
  it("reads 俺们班十来个 as ten to nineteen", () => {
    expect(readMessage("俺们班十来个").headcount).toEqual({ min: 10, max: 19 });
  });
});
