// Phrasings workers really use, read right: violence and held papers, wages named far from "欠",
// sums worked out from months and rates, who owes, the trade, and the language they write in.
import { describe, expect, it } from "vitest";
import { languageOfText } from "../src/dialogs/language.js";
import { classify } from "../src/triage/classify.js";
import { readMessage } from "../src/triage/read-message.js";

const read = (text: string) => {
  const reading = readMessage(text);
  const classification = classify(text, reading);
  return { ...reading, ...classification, reasonKeys: classification.reasons.map((r) => r.key.replace("triage:reason.", "")) };
};

describe("violence, threats and held papers", () => {
  it.each([
    "老板今天打我了，工资还是不给",
    "说再去要钱就打断我的腿",
    "把我身份证扣了不给，工资也不发",
    "去要工资被保安打了",
    "扣着我的护照，三个月工资没发",
    "找了一帮社会上的人来堵我们，不让要工资",
  ])("%s → the worker is told of 110", (text) => {
    expect(read(text).reasonKeys).toContain("violence");
  });

  it.each(["我在工地打工，老板欠我3万", "老板打电话说下个月给工资", "工资说好月底打款，到现在没打"])("%s → no violence", (text) => {
    expect(read(text).reasonKeys).not.toContain("violence");
  });
});

describe("what kind of problem it is", () => {
  it("wages named several words after 欠 are wages: 老板欠了我们村十几个妇女工钱", () => {
    const r = read("老板欠了我们村十几个妇女工钱");
    expect(r.category).toBe("wage_arrears");
    expect(r.headcount).toEqual({ min: 10, max: 19 });
  });
  it("'did not get the money' is arrears: 我们宿舍还有5个人也没拿到钱", () => {
    expect(read("我们宿舍还有5个人也没拿到钱").category).toBe("wage_arrears");
  });
  it("an employer not paying in social insurance is social insurance: 工厂老板不给我们交社保", () => {
    expect(read("工厂老板不给我们交社保").category).toBe("social_insurance");
  });
  it("overtime not counted is a dispute for arbitration, overtime with wages held back stays arrears", () => {
    expect(read("欠我们加班费，三个月的加班都没算").category).toBe("labor_dispute");
    expect(read("欠我两个月工资，加班也没算").category).toBe("wage_arrears");
  });
});

describe("sums worked out from what the worker says", () => {
  it.each([
    ["干了4个月，老板只给了一个月的，一个月3000", 9000],
    ["干了半年，每月4500，最后两个月没给", 9000],
    ["我们班12个人，一人两万多", 240000],
    // The workshop's size is not how many the rate is owed to: the rate is the writer's own.
    ["车间里大概50个人，老板欠我3个月工资，一个月4000", 12000],
    ["我们5个人，老板欠我们3个月工资，一个月4000", 60000],
  ])("%s → ¥%i", (text, amount) => {
    expect(read(text).amountYuan).toBe(amount);
  });
});

describe("who owes", () => {
  it.each([
    ["包工头张老三欠我两万", "张老三"],
    ["包工头老王欠我们3万", "老王"],
    ["郑州富士康欠我8000", "富士康"],
    ["安达物业欠我工资", "安达物业"],
  ])("%s → %s", (text, employer) => {
    expect(read(text).employer).toBe(employer);
  });

  it.each(["小区装修的活，老板欠我5000", "源汇区超市欠我工资3000", "红旗区工厂欠我们工资", "上个月工地欠我3000"])(
    "%s → no name invented",
    (text) => {
      expect(read(text).employer).toBeNull();
    },
  );
});

describe("the trade", () => {
  it("sorting at a parcel station is services, Foxconn is a factory", () => {
    expect(read("在快递站干分拣，老板欠我4000").sector).toBe("services");
    expect(read("在富士康上班，欠我两个月工资").sector).toBe("manufacturing");
  });
});

describe("the language a message is written in", () => {
  it("English with Chinese names in it is English", () => {
    expect(languageOfText("My boss 张三 at 郑州 site owes me 5000 yuan")).toBe("en");
  });
  it("an English writer answering with a place in Chinese stays English; a Chinese sentence switches", () => {
    expect(languageOfText("郑州金水区", "en")).toBeNull();
    expect(languageOfText("老板欠我工资", "en")).toBe("zh-CN");
    expect(languageOfText("郑州金水区", null)).toBe("zh-CN");
  });
  it("a case ID in lower case says nothing about the language", () => {
    expect(languageOfText("evr-kv2-exy")).toBeNull();
  });
  it("Chinese typed in pinyin is answered in Chinese", () => {
    expect(languageOfText("laoban qian wo gongzi liang ge yue")).toBe("zh-CN");
    expect(languageOfText("my boss owes me two months of wages")).toBe("en");
  });
});

describe("arrears said without the word 工资", () => {
  it.each([
    "包工头跑了 电话也打不通",
    "公司没给我们发钱",
    "hello i need help my boss dont pay me",
    "我们被骗了 干了三个月一分钱没拿到",
  ])("%s → wage arrears", (text) => {
    expect(read(text).category).toBe("wage_arrears");
  });
  it("a refund refused by a shop is still not labour", () => {
    expect(read("在淘宝买的东西，老板不给退钱").category).toBe("not_labor");
  });
});

describe("the other problem told with the wages", () => {
  it("an injury and a dismissal are named besides the arrears", () => {
    expect(read("我在工地上摔断了腿 老板不给看病 也不给工资").reasonKeys).toContain("alsoInjury");
    expect(read("我被公司辞退了 没给赔偿 N+1也不给 最后半个月工资3000也扣着").reasonKeys).toContain("alsoCompensation");
  });
  it("an ID card taken and not returned is held papers", () => {
    expect(read("老板拿了我们身份证不还 还欠工资").reasonKeys).toContain("violence");
  });
});

describe("spoken ranges and rough sizes", () => {
  it.each([
    ["我们十五六个人 包工头欠工资", { min: 15, max: 16 }],
    ["我们二十五六个人 包工头欠工资", { min: 25, max: 26 }],
    ["全厂几百号人都没发工资", { min: 200, max: 999 }],
    ["三百多号人没拿到工资", { min: 300, max: 399 }],
    ["我和我老乡两个", { min: 2, max: 2 }],
    ["俺们仨", { min: 3, max: 3 }],
  ])("%s → %o people", (text, headcount) => {
    expect(read(text).headcount).toEqual(headcount);
  });

  it.each([
    ["欠我两万七八", 27500],
    ["欠我一万二三", 12500],
    ["欠三千二三", 3250],
    ["欠我一万二", 12000],
    // A stated total beats per head × count.
    ["我们8个人 每人一万多 加起来十来万", 100000],
    ["我们15个人 每人两万多 加起来得有四十来万", 400000],
  ])("%s → ¥%i", (text, amount) => {
    expect(read(text).amountYuan).toBe(amount);
  });

  it("'一个人大概七千' is one person's share, not a headcount of one", () => {
    const r = read("一个人大概七千 总共五万多吧");
    expect(r.headcount).toBeNull();
    expect(r.amountYuan).toBe(50000);
  });
});

describe("sites, trades and people named the way workers name them", () => {
  it("a school being built is construction, with its project", () => {
    const r = read("俺们在滑县干的是县政府投资的第三中学新校区项目 总包是河南五建 欠了我们二十多个人工资");
    expect(r.sector).toBe("construction");
    expect(r.project).toBe("第三中学新校区项目");
  });
  it("a nanny's employer is the lady of the house, and the trade is services", () => {
    const r = read("我在北京望京当保姆带孩子 雇主刘女士欠我两个月工资一万二");
    expect(r.employer).toBe("刘女士");
    expect(r.sector).toBe("services");
  });
  it("'恒大绿洲工地' names the site; '郑州金水区工地' only says where it is", () => {
    expect(read("我在恒大绿洲工地干活 老板欠我3万").project).toBe("恒大绿洲");
    expect(read("在郑州金水区工地上干活，欠我3万块钱工资").project).toBeNull();
    expect(read("我在工地干活 老板欠我3万").project).toBeNull();
  });
});

describe("a monthly rate and the months owed, as the amount question suggests", () => {
  it.each([
    ["一个月4500，欠3个月", 13500],
    ["4500 a month, 3 months", 13500],
    ["my boss owes me 3 months of wages, 4000 a month", 12000],
  ])("%s → ¥%i", (text, amount) => {
    expect(read(text).amountYuan).toBe(amount);
  });
});

describe("others besides the writer", () => {
  it.each([
    ["还有另外两个骑手也被扣了", 3],
    ["我一个月3500，两个月，还有一个同事也没发", 2],
  ])("%s → %i people", (text, people) => {
    expect(read(text).headcount).toEqual({ min: people, max: people });
  });
});

describe("names a leader found misread in a report", () => {
  it("饿了么 stays 饿了么: 么 is not turned into 幺, nor is 了 a cut in the brand", () => {
    expect(read("饿了么配送站在牧野区，站长欠我们5个骑手2.3万").employer).toBe("饿了么配送站");
    expect(read("饿了么配送站在牧野區，老闆為什麼不給錢，欠我3000").employer).toBe("饿了么配送站");
  });

  it("a project whose name has 建工 in it (县道改建工程) is not a company; the SOE named before 的项目 is", () => {
    const reading = read("长垣市县道改建工程，中铁的项目，欠我们9个人12.5万");
    expect(reading.project).toBe("县道改建工程");
    expect(reading.employer).toBe("中铁");
  });
});

describe("English with many Chinese names in it", () => {
  it("is English: names and places are long words, and 'carpenter' is no case ID", () => {
    expect(languageOfText("I am a carpenter at 碧桂园凤凰城三期 in 新乡市红旗区, boss 刘建国 owes me 5000 yuan")).toBe("en");
    expect(languageOfText("我在工地干活 boss不给钱")).toBe("zh-CN");
  });
});

describe("trades named in English", () => {
  it.each(["I am a carpenter, the boss owes me 5000", "I was a steel fixer on the site, not paid 3 months", "scaffolder here, the contractor owes us 20000"])("%s → construction", (text) => {
    expect(read(text).sector).toBe("construction");
  });
});
