// A worker who asks while telling the story, who gives up before or after filing, a team leader whose
// project money holds his workers' wages, and site names that begin like a place. Each was answered
// wrongly or not at all in the reviews of 2026-12-05 and 2026-12-06: read through the shipped reader and the engine.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { processQuestions, questionsInStory } from "../src/dialogs/faq.js";
import { classify } from "../src/triage/classify.js";
import { readMessage } from "../src/triage/read-message.js";
import { stripLeadingPlaces } from "../src/triage/place-prefix.js";
import { Gazetteer } from "../src/routing/gazetteer.js";
import { deliverWorkerNotices, makeTestApp, Worker, type TestApp } from "./helpers/app.js";

// Each test a fresh database: the workers of one never meet those of another.
let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

describe("questions asked inside a story", () => {
  it("finds each question in the order asked, and none in a story that only tells", () => {
    expect(questionsInStory("宏达劳务欠我们8个人工资一共12万 要多久能拿到钱？要准备啥材料？")).toEqual(["faq.howLong", "faq.evidence"]);
    expect(questionsInStory("老板欠我3万，我们找过律师了，没用")).toEqual([]);
    expect(questionsInStory("在郑州金水区干了三个月 老板一直不给钱 怎么办啊")).toEqual([]);
    expect(processQuestions("要多久？要啥材料？")).toEqual(["faq.howLong", "faq.evidence"]);
  });

  describe("in the dialog", () => {

    it("answers them between what was understood and the next question", () => {
      const worker = new Worker(env.app, "asker");
      const result = worker.says("我在郑州金水区东方明珠小区二期工地干活 宏达劳务欠我们8个人工资一共12万 要多久能拿到钱？要准备啥材料？");
      const texts = result.replies.map((reply) => reply.text);
      expect(texts[0]).toContain("记下了");
      expect(texts[1]).toContain("按规定的期限办理");
      expect(texts[2]).toContain("欠条、合同");
      expect(result.expecting).toBe("confirm");
      // The site keeps its whole name: 东方 is a city in Hainan, but not after 金水区.
      expect(texts[3]).toContain("东方明珠小区二期");
    });

    it("answers two short questions in one message, and no draft is opened", () => {
      const worker = new Worker(env.app, "two");
      const result = worker.says("要多久？要啥材料？");
      // Both answers, then how to begin.
      expect(result.replies).toHaveLength(3);
      expect(result.expecting).toBeNull();
    });
  });
});

describe("giving up in words", () => {

  it("files nothing when the first message gives up, and leaves the door open", () => {
    const worker = new Worker(env.app, "quits");
    const result = worker.says("算了 不投诉了 老板说下个月给");
    expect(result.expecting).toBeNull();
    expect(worker.heard).toContain("不登记");
    expect(env.app.ledger.listByFiler("local:quits", 5)).toHaveLength(0);
  });

  it("drops the complaint being written", () => {
    const worker = new Worker(env.app, "midway");
    worker.says("工地欠我工资");
    const result = worker.says("算了 不投诉了 老板说下个月给");
    expect(result.expecting).toBeNull();
    expect(worker.heard).toContain("已取消");
  });

  it("after filing, tells the officer rather than saying there is nothing to cancel", () => {
    const worker = new Worker(env.app, "filed");
    const id = worker.files("我在郑州金水区凤凰城工地干活 宏达劳务欠我们8个人工资一共12万");
    const result = worker.says("不投诉了");
    expect(result.caseId).toBe(id);
    expect(worker.heard).toContain("已转告");
    const events = env.app.ledger.events(id).map((event) => event.type);
    expect(events.at(-1)).toBe("worker_added");
  });

  it("reads 'but' after it as a story, not a giving up", () => {
    const worker = new Worker(env.app, "but");
    const result = worker.says("不投诉了 但是老板还欠我3000");
    expect(result.expecting).not.toBeNull();
  });
});

describe("a team leader's project money with his workers' wages in it", () => {
  const text = "我是包工头 开发商欠我工程款80万 里面有工人工资30万 项目在新乡红旗区人民医院新大楼";

  it("is arrears for the wages inside, with their sum, the site, and the count left to ask", () => {
    const reading = readMessage(text);
    expect(reading.amountYuan).toBe(300_000);
    expect(reading.headcount).toBeNull();
    expect(reading.project).toBe("人民医院新大楼");
    const classification = classify(text, reading);
    expect(classification.category).toBe("wage_arrears");
    expect(classification.reasons.map((r) => r.key)).toEqual(
      expect.arrayContaining(["triage:reason.teamLeaderClaimsWages", "triage:reason.alsoProjectMoney"]),
    );
  });

  it("stays project money when no wages are said to be in it, or the workers were paid", () => {
    const plain = "我是包工头 开发商欠我工程款80万";
    expect(classify(plain, readMessage(plain)).category).toBe("project_payment");
    const paid = "开发商欠我工程款80万 工人工资我都垫付了 里面有工人工资30万";
    expect(classify(paid, readMessage(paid)).category).toBe("project_payment");
  });

  it("a worker under the team leader is still one person", () => {
    expect(readMessage("我是包工头手下的 老板欠我8000").headcount).toEqual({ min: 1, max: 1 });
  });

  describe("filed", () => {

    it("tells him where the rest of the project money goes", () => {
      const worker = new Worker(env.app, "leader");
      worker.files(text, { employer: "不知道", headcount: "20个" });
      expect(worker.heard).toContain("工人工资以外的工程款");
    });
  });
});

describe("site names that begin like a place", () => {
  it("strips places only from the larger down", () => {
    expect(stripLeadingPlaces("郑州金水区东方明珠小区二期")).toBe("东方明珠小区二期");
    expect(stripLeadingPlaces("江西九江都昌县鄱阳湖堤防加固工程")).toBe("鄱阳湖堤防加固工程");
    expect(stripLeadingPlaces("吉林吉林市丰满区凤凰城三期")).toBe("凤凰城三期");
  });

  it("reads a building as the site, and the work done as no name", () => {
    expect(readMessage("在红旗区实验小学综合楼干装修 老板欠我们3个人工资2万").project).toBe("实验小学综合楼");
    expect(readMessage("盖厂房 老板欠我1万").project).toBeNull();
  });
});

describe("a worker at risk, once filed", () => {

  it("is told of the facts checked by the major case's own deadline, not the ordinary first step", () => {
    const worker = new Worker(env.app, "risk");
    worker.files("我在郑州金水区凤凰城工地干活 宏达劳务欠我们8个人工资一共12万 再不给钱我就从楼上跳下去");
    expect(worker.heard).toContain("核实情况");
    expect(worker.heard).toContain("已报市里督办");
    const ordinary = new Worker(env.app, "calm");
    ordinary.files("我在郑州金水区凤凰城工地干活 宏达劳务欠我一万二");
    expect(ordinary.heard).not.toContain("核实情况");
  });
});

describe("questions about the complaint itself", () => {
  it("answers whether it counts as arrears, even though it says 欠", () => {
    expect(processQuestions("这算欠工资吗")).toEqual(["faq.doesItCount"]);
    expect(questionsInStory("我送外卖的 平台罚了我800块 这算欠工资吗")).toEqual(["faq.doesItCount"]);
  });

  it("answers who will be called", () => {
    expect(processQuestions("他们会联系我爸还是联系我")).toEqual(["faq.whoIsContacted"]);
    expect(processQuestions("will they call me or my son?")).toEqual(["faq.whoIsContacted"]);
  });
});

describe("wages docked, and an English worker's employer and district", () => {
  it("reads 无故扣我工资 as wages held back, with its sum", () => {
    const text = "厂里无故扣我工资1500";
    const reading = readMessage(text);
    expect(reading.amountYuan).toBe(1_500);
    expect(classify(text, reading).category).toBe("wage_arrears");
    // A wage stated as a rate stays a rate.
    expect(readMessage("我工资5000一个月 欠了两个月").amountYuan).toBe(10_000);
  });

  it("reads a firm or a person named as the one who owes, and Bao'an with its apostrophe", () => {
    const reading = readMessage("Hengli Electronics owes me 6000 yuan, I worked at their factory in Bao'an, Shenzhen for three months", Gazetteer.shared());
    expect(reading.employer).toBe("Hengli Electronics");
    expect(reading.place.status === "found" ? reading.place.division?.code : null).toBe("440306");
    expect(readMessage("I worked in Shenzhen and Foxconn owes me").employer).toBe("Foxconn");
    expect(readMessage("Wang Qiang owes 5 of us 20000 in Zhengzhou").employer).toBe("Wang Qiang");
    expect(readMessage("My boss owes me 3000").employer).toBeNull();
  });
});

describe("a state firm by its short name, and a nanny on a housing estate", () => {
  it("reads 中国一拖 as the employer and a state firm, and 中国人 as nobody", () => {
    const reading = readMessage("厂是国企 中国一拖 欠我工资8000");
    expect(reading.employer).toBe("中国一拖");
    expect(reading.ownership).toBe("soe");
    expect(readMessage("我们中国人打工不容易 老板欠我3000").employer).toBeNull();
  });

  describe("in the dialog", () => {

    it("asks a nanny for her employer, not whether the estate owes her", () => {
      const nanny = new Worker(env.app, "nanny");
      const result = nanny.says("我在郑州金水区绿地小区做保姆 雇主欠我两个月工资 一个月5000");
      expect(result.expecting).toBe("employer");
      expect(nanny.heard).toContain("雇主的称呼");
      expect(nanny.choiceIds).not.toContain("employer:workplace");
      nanny.says("李姐");
      expect(nanny.heard).toContain("欠钱的一方：李姐");
      expect(nanny.heard).toContain("干活的地方：绿地小区");
      expect(nanny.heard).not.toContain("建筑工地");
    });
  });
});

describe("a workplace named with no trade", () => {

  it("is kept, and not asked again", () => {
    const worker = new Worker(env.app, "plaza");
    const result = worker.says("我在郑州金水区宝龙城市广场干活 老板欠我5000");
    expect(result.expecting).not.toBe("project");
    expect(worker.choiceIds).toContain("employer:workplace");
  });
});

describe("two bosses", () => {
  it("names both partners who owe together, and no one who is not a name", () => {
    expect(readMessage("包工头张三和李四欠我们工资 一共5万").employer).toBe("张三、李四");
    expect(readMessage("老板王强跟刘军合伙开的厂 欠我8000").employer).toBe("王强、刘军");
    expect(readMessage("老板王强和我老乡欠钱").employer).toBe("王强");
    expect(readMessage("包工头张三和工人们说下个月给").employer).toBe("张三");
  });
});

describe("a share told after a rough count, and a first question only", () => {

  it("gives the range the share and the count make, and asks the total again", () => {
    const worker = new Worker(env.app, "range");
    worker.says("老板跑路了 欠了我们十几个兄弟半年的工资 在成都双流 凤凰城工地 老板姓周");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("一个人两万吧");
    expect(worker.heard).toContain("¥200,000–¥380,000");
    expect(worker.heard).not.toContain("是每个人的吗");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("大概三十万");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("¥300,000");
  });

  it("answers 'are you the labour bureau' and shows how to begin", () => {
    const worker = new Worker(env.app, "asks");
    worker.says("请问你们是劳动局吗");
    expect(worker.heard).toContain("劳动保障监察部门");
    expect(worker.heard).toContain("请说说您的情况");
    expect(worker.last?.expecting).toBeNull();
  });
});

describe("a name recalled aloud, and put right in the same message", () => {

  it("keeps the name the worker ends with, and never the words of recalling", () => {
    const worker = new Worker(env.app, "recall");
    worker.says("我帮我爸问的 他在温州瓯海区一个鞋厂上班 老板欠他三个月工资一万五");
    worker.says("厂名叫什么来着 红蜻蜓？不对 是叫康辉鞋业");
    expect(worker.heard).toContain("康辉鞋业");
    expect(worker.heard).not.toContain("什么来着");
    expect(worker.heard).not.toContain("红蜻蜓");
  });

  it("takes the boss named after 不对", () => {
    const worker = new Worker(env.app, "boss");
    worker.says("我在郑州金水区凤凰城工地干活 欠我一万二");
    worker.says("老板是张三 不对 是李四");
    expect(worker.heard).toContain("李四");
    expect(worker.heard).not.toContain("张三");
  });
});

describe("where the contractor comes from", () => {
  it("is not where the work was", () => {
    const reading = readMessage("去新疆摘棉花 包工头带我们去的 一共二十几个人 一分没给 包工头是河南周口的叫李红军", Gazetteer.shared());
    const code = reading.place.status === "found" ? reading.place.division.code : null;
    expect(code?.startsWith("4116")).not.toBe(true);
    expect(reading.employer).toBe("李红军");
    // Cotton picked in a field is farm work, however often the 包工头 who took them there is named.
    expect(reading.sector).toBe("other");
  });
});

describe("an English worker", () => {
  it("is read: the person who owes after a sentence, and Chaoyang in Beijing, not 潮阳 in Guangdong", () => {
    const gazetteer = Gazetteer.shared();
    const site = readMessage("I work at the Sunshine Garden construction site in Tianhe District, Guangzhou. Li Ming owes 8 of us 96000 yuan.", gazetteer);
    expect(site.employer).toBe("Li Ming");
    const restaurant = readMessage("i work in a restaurant in Chaoyang, Beijing, my boss didnt pay me", gazetteer);
    expect(restaurant.place.status === "found" ? restaurant.place.division.code : restaurant.place.status).toBe("110105");
  });

  describe("in the dialog", () => {

    it("does not take 'any news?' for the name asked", () => {
      const worker = new Worker(env.app, "en-news");
      worker.says("I work at a factory in Bao'an, Shenzhen. They owe me 6000 yuan for two months.");
      expect(worker.last?.expecting).toBe("employer");
      worker.says("any news?");
      expect(worker.last?.expecting).toBe("employer");
      worker.says("Hengli Electronics");
      expect(worker.heard).toContain("Hengli Electronics");
    });
  });
});

describe("someone writing for the one owed", () => {

  it.each([
    "我帮我爸问的 他在温州瓯海区一个鞋厂上班 老板欠他三个月工资一万五",
    "我老婆在东莞长安镇的电子厂上班 厂里欠她3个月工资 一个月4500",
    "我爸在工地干活被包工头欠了2万",
  ])("is told whom 您 means: %s", (text) => {
    const writer = new Worker(env.app, `rel-${text.length}`);
    writer.says(text);
    expect(writer.heard).toContain("帮家人反映");
  });

  it("is not told so when writing for themselves", () => {
    const worker = new Worker(env.app, "self");
    worker.says("我在工地干活 包工头欠我2万 我爸说让我来找你们");
    expect(worker.heard).not.toContain("帮家人反映");
  });
});

describe("a worker who cannot say the place or the amount", () => {

  it("is asked once more, then the complaint is logged without it for the officer to find out", () => {
    const worker = new Worker(env.app, "unsure");
    worker.says("包工头刘建国欠我们5个人工资 在凤凰城工地");
    expect(worker.last?.expecting).toBe("place");
    worker.says("不知道");
    expect(worker.heard).toContain("再回一句「不知道」");
    expect(worker.last?.expecting).toBe("place");
    worker.says("不知道");
    expect(worker.heard).toContain("地点先空着");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("记不清了");
    expect(worker.last?.expecting).toBe("amount");
    expect(worker.choiceIds).toContain("unknown");
    worker.presses("unknown");
    expect(worker.heard).toContain("金额先空着");
    expect(worker.last?.expecting).toBe("confirm");
    const id = worker.presses("confirm").caseId as string;
    expect(id).not.toBeNull();
    const row = env.app.ledger.find(id);
    expect(row?.amountYuan).toBeNull();
    expect(row?.divisionCode).toBeNull();
    expect(row?.isArrears).toBe(true);
  });
});

describe("found by a reviewer playing 55 workers (2026-12-06)", () => {
  it("logs as arrears a site worker who cannot say how much, and an English rider whose pay was kept", () => {
    for (const text of ["石家庄长安区的工地 干钢筋 老板孙涛 记不清欠多少了", "The station manager Liu Wei kept my last month pay 6200 and blocked me on WeChat"]) {
      expect(classify(text, readMessage(text)).category).toBe("wage_arrears");
    }
  });

  it("takes a team leader's workers' wages inside project money as arrears, the project money's sum not as theirs", () => {
    const text = "我是包工头 总包单位欠我工程款一百二十万 里面有我手下三十多个工人的工资 工人天天找我要";
    const reading = readMessage(text);
    expect(classify(text, reading).category).toBe("wage_arrears");
    expect(reading.amountYuan).toBeNull();
    expect(reading.headcount).toEqual({ min: 30, max: 39 });
  });

  it("reads the workplace, not the hometown the worker says he is from", () => {
    const reading = readMessage("我是河南周口的 带了三十二个老乡去新疆阿克苏拾棉花 棉花老板欠我们四十五万", Gazetteer.shared());
    expect(reading.place.status === "found" ? reading.place.division.code : null).toBe("652900");
  });

  it("adds up a list told in Chinese numerals, the writer's own share with it", () => {
    const reading = readMessage("张大军八千 李小二七千五 王强六千 我自己一万二");
    expect(reading.amountYuan).toBe(33_500);
    expect(reading.headcount).toEqual({ min: 4, max: 4 });
  });

  it("counts the others an English worker says are owed too", () => {
    expect(readMessage("My school owes me 45000 RMB. About 12 other teachers are owed too.").headcount).toEqual({ min: 13, max: 13 });
  });

  describe("in the dialog", () => {

    it("takes a county-level city named elsewhere as the place put right", () => {
      const worker = new Worker(env.app, "aksu");
      worker.says("在周口干活 包工头李红军欠我们5个人工资3万 凤凰城工地");
      expect(worker.last?.expecting).toBe("place");
      worker.says("阿克苏市");
      expect(worker.heard).toContain("阿克苏市");
      expect(worker.last?.expecting).toBe("confirm");
    });

    it("puts right two figures an English worker corrects in one message", () => {
      const worker = new Worker(env.app, "en-fix");
      worker.says("I work at the Sunshine Garden construction site in Tianhe District, Guangzhou. Li Ming owes 4 of us 60000 yuan.");
      expect(worker.last?.expecting).toBe("confirm");
      worker.says("sorry it's 5 people not 4, and 75000 total");
      expect(worker.heard).toContain("People owed → 5 people");
      expect(worker.heard).toContain("Amount owed → ¥75,000");
    });
  });
});

describe("a protest told while a question waits", () => {

  it("is answered with care, the question comes again, and the officer reads it first once filed", () => {
    const worker = new Worker(env.app, "banner");
    worker.says("我们二十几个人在苏州吴江区恒力纺织厂 老板欠了三个月工资");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("我们明天要去仓库门口拉横幅");
    expect(worker.heard).toContain("请不要堵门");
    expect(worker.heard).not.toContain("没看懂");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("大概三十万");
    const id = worker.presses("confirm").caseId as string;
    const reasons = (env.app.ledger.find(id)?.reasons ?? []) as { key: string }[];
    expect(reasons[0]?.key).toBe("triage:reason.groupProtest");
  });
});

describe("a province named alone, and a threat after filing", () => {

  it("asks the city first, then its county", () => {
    const worker = new Worker(env.app, "hebei");
    worker.says("在河北干活 厂子欠钱 一万二 老板叫王刚 我一个人");
    expect(worker.heard).toContain("在河北省哪个市");
    worker.says("保定");
    expect(worker.heard).toContain("在保定市哪个区或县");
  });

  it("asks for a phone when the officer is alerted and has no number to call", () => {
    const worker = new Worker(env.app, "threat");
    worker.files("我在郑州金水区凤凰城工地干活 宏达劳务欠我一万二");
    worker.says("老板威胁我说再投诉就弄死我");
    expect(worker.heard).toContain("110");
    expect(worker.heard).toContain("发个手机号");
  });
});

describe("names that are no names, and facts that were dropped (review of 2026-12-06)", () => {
  it("reads no employer in 业主家装修, the county inside a company's name, and a name standing before 欠", () => {
    expect(readMessage("我在厦门思明区鹭江道一个业主家装修 包工头欠我工资8000").employer).toBeNull();
    const bus = readMessage("在滑县公交公司开公交 欠了三个月工资 一个月四千", Gazetteer.shared());
    expect(bus.place.status === "found" ? bus.place.division.code : null).toBe("410526");
    const phase = readMessage("原阳县盛世华庭二期 王老五 欠我们8个人工资六万");
    expect(phase.employer).toBe("王老五");
    expect(phase.project).toBe("盛世华庭二期");
    expect(phase.sector).toBe("construction");
  });

  describe("in the dialog", () => {

    it("answers impatience with why it asks, and keeps nothing of it", () => {
      const worker = new Worker(env.app, "impatient");
      worker.says("包工头欠我们钱 在杭州西湖区");
      expect(worker.last?.expecting).toBe("project");
      worker.says("问这么多干嘛");
      expect(worker.heard).toContain("为了找到负责的部门");
      expect(worker.last?.expecting).toBe("project");
    });

    it("reads 南京的鼓楼区 as the place, not a site", () => {
      const worker = new Worker(env.app, "gulou");
      worker.says("在南京给人干活 欠我5000");
      worker.says("南京的鼓楼区");
      expect(worker.heard).not.toContain("项目/工地 → 鼓楼区");
      expect(worker.last?.expecting).not.toBe("place");
    });

    it("asks the workplace of an employer known only by a title (院长)", () => {
      const worker = new Worker(env.app, "carer");
      worker.says("在郑州金水区一个养老院做护工 院长欠我们5个人工资 一共三万");
      expect(worker.last?.expecting).toBe("project");
    });
  });
});

describe("after filing and while filing: more of what workers ask", () => {
  it("answers how to claim an injury, compensation, and whether a phone is needed", () => {
    expect(processQuestions("工伤怎么弄")).toEqual(["faq.injury"]);
    expect(processQuestions("补偿能一起要吗")).toEqual(["faq.compensation"]);
    expect(processQuestions("不留电话可以吗")).toEqual(["faq.noPhone"]);
    expect(processQuestions("work injury how?")).toEqual(["faq.injury"]);
    expect(processQuestions("can I not leave a phone number?")).toEqual(["faq.noPhone"]);
  });

  describe("in the dialog", () => {

    it("answers them after filing instead of passing them on", () => {
      const worker = new Worker(env.app, "after");
      const id = worker.files("我在郑州金水区凤凰城工地干活 宏达劳务欠我一万二 我腿也摔伤了");
      worker.says("工伤怎么弄");
      expect(worker.heard).toContain("工伤认定");
      expect(worker.heard).not.toContain("已转告");
      expect(env.app.ledger.events(id).map((e) => e.type)).not.toContain("worker_added");
    });

    it("keeps the surname given with a 'don't know'", () => {
      const worker = new Worker(env.app, "guo");
      worker.says("我在郑州金水区凤凰城工地干活 欠我一万二");
      expect(worker.last?.expecting).toBe("employer");
      worker.says("不知道 一个姓郭的");
      expect(worker.heard).toContain("欠钱的一方：郭老板");
    });
  });
});

describe("when it began, and a public building", () => {
  it("keeps how long the arrears have lasted, in the worker's words, and an English month", async () => {
    const { readSince } = await import("../src/triage/contact.js");
    expect(readSince("快一年了 老板一直拖")).toBe("快一年了");
    expect(readSince("已经欠了三个月了")).toBe("已经欠了三个月");
    expect(readSince("not paid since september")).toBe("september");
    expect(readSince("since we started")).toBeNull();
  });

  it("reads a public school's new campus as the site, government-invested, and the work done as no part of its name", () => {
    const reading = readMessage("在新乡红旗区修实验小学新校区 包工头欠我们6个人工资5万");
    expect(reading.project).toBe("实验小学新校区");
    expect(reading.ownership).toBe("government");
    // An SOE contractor said outright is what is recorded.
    expect(readMessage("人民医院新院区建设项目 这是央企中建三局总包的项目 欠我们工资").ownership).toBe("soe");
  });
});

describe("the worker's own number, said in passing", () => {

  it("is the case's phone when the writer names themself first (我是王小明 电话…)", () => {
    const worker = new Worker(env.app, "named");
    const id = worker.files("我在郑州金水区凤凰城工地干活 宏达劳务欠我们5个人工资4万，我是王小明 电话13987654321");
    expect(env.app.ledger.find(id)?.phone).toBe("13987654321");
    expect(worker.heard).not.toContain("发个手机号");
  });

  it("is kept from the answer to an officer's question, in Chinese or English", () => {
    const worker = new Worker(env.app, "answers");
    const id = worker.files("我在郑州金水区凤凰城工地干活 宏达劳务欠我一万二");
    env.app.actions.askWorker({ caseId: id, question: "工地在哪栋楼？", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("我在三号楼干活，电话13700002222");
    expect(worker.heard).toContain("转给");
    expect(env.app.ledger.find(id)?.phone).toBe("13700002222");
  });
});

describe("questions inside a story, in English and in other words", () => {
  it("finds them", () => {
    expect(questionsInStory("Hengli Electronics owes me 6000 yuan, how long will it take? do I need a lawyer?")).toEqual(["faq.howLong", "faq.lawyer"]);
    expect(questionsInStory("老板欠我三万 是不是要去法院起诉")).toEqual(["faq.lawyer"]);
  });
});

describe("a boss known by surname and title", () => {
  it("is read as the one who owes (包工头刘老板)", () => {
    expect(readMessage("在郑州金水区凤凰城工地 包工头刘老板欠我们6个人工资3万").employer).toBe("刘老板");
    expect(readMessage("在郑州金水区凤凰城工地 包工头是刘老板 欠我们6个人工资3万").employer).toBe("刘老板");
  });
});

describe("a rider's station and the agency that pays", () => {
  it("are both kept", () => {
    const worker = new Worker(env.app, "rider");
    worker.says("我在北京朝阳区送美团外卖 站点 望京站 代理商叫北京众包速达 欠我两个月配送费9000");
    expect(worker.heard).toContain("平台/站点：美团 望京站");
    expect(worker.heard).toContain("欠钱的一方：众包速达");
  });
});

describe("a site described, its name not known", () => {
  it("keeps the description as the site, and takes the name alone not known as don't know", () => {
    const worker = new Worker(env.app, "described");
    worker.says("老板欠我一万 在昆明官渡区的工地");
    expect(worker.last?.expecting).toBe("project");
    worker.says("螺蛳湾那边的保利工地 叫什么不清楚");
    expect(worker.last?.expecting).toBe("employer");
    const other = new Worker(env.app, "nameless");
    other.says("老板欠我一万 在昆明官渡区的工地");
    other.says("叫什么不清楚");
    expect(other.heard).not.toContain("没看懂");
    expect(other.last?.expecting).toBe("employer");
  });
});

describe("Chinese typed in pinyin", () => {
  it("is asked for characters or voice input, in Chinese", () => {
    const worker = new Worker(env.app, "pinyin");
    worker.says("laoban qian wo gongzi 3 ge yue le");
    expect(worker.heard).toContain("拼音");
    expect(worker.last?.expecting).toBeNull();
  });
});

describe("found in a second review (2026-12-06)", () => {
  it("takes giving up in other words, never as a name", () => {
    const worker = new Worker(env.app, "gives-up");
    worker.says("我在郑州金水区凤凰城工地干活 欠我一万二");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("不弄了 才一千五 不要了");
    expect(worker.heard).toContain("已取消");
    const other = new Worker(env.app, "at-summary");
    other.says("我在郑州金水区凤凰城工地干活 宏达劳务欠我一万二");
    expect(other.last?.expecting).toBe("confirm");
    other.says("算了吧 不弄了 没用的");
    expect(other.heard).toContain("已取消");
  });

  it("tells the officer of a withdrawal taken back", () => {
    const worker = new Worker(env.app, "takes-back");
    const id = worker.files("我在郑州金水区凤凰城工地干活 宏达劳务欠我一万二");
    worker.says("算了 不投诉了");
    worker.says("我还是要投诉 老板还没给");
    expect(worker.heard).toContain("您还要投诉");
    const added = env.app.ledger.events(id).filter((e) => e.type === "worker_added");
    expect(added).toHaveLength(2);
  });

  it("answers an English withdrawal after filing with what happens next", () => {
    const worker = new Worker(env.app, "en-quits");
    worker.files("I work at the Sunshine Garden construction site in Tianhe District, Guangzhou. Li Ming owes 4 of us 60000 yuan.");
    worker.says("forget it, I dont want to complain anymore");
    expect(worker.heard).toContain("check and close it");
  });

  it("keeps a name said with a threat, and answers a threat to others and a road blocked as what they are", () => {
    const worker = new Worker(env.app, "threat-name");
    worker.says("我在郑州金水区凤凰城工地干活 欠我一万二");
    worker.says("老板叫刘强 他再不给我就弄死他");
    expect(worker.heard).toContain("不要动手伤人");
    expect(worker.heard).not.toContain("不要伤害自己");
    expect(worker.heard).toContain("欠钱的一方 → 刘强");
    const road = new Worker(env.app, "road");
    road.says("我在郑州金水区凤凰城工地干活 欠我一万二 老板刘强");
    road.says("我们几个准备去堵高速路口");
    expect(road.heard).toContain("请不要堵门");
    expect(road.heard).not.toContain("12356");
  });

  it("reads 'no money owed, only the insurance' and a dismissal with wages paid as what they are", () => {
    const insurance = "没有欠钱 就是公司一直没给我交社保 在青岛黄岛区";
    expect(classify(insurance, readMessage(insurance)).category).toBe("social_insurance");
    const dismissal = "被公司辞退了没给补偿 工资倒是发了";
    expect(classify(dismissal, readMessage(dismissal)).category).toBe("labor_dispute");
  });
});

describe("more from the second review", () => {
  it("adds up lists with kin and nicknames, and reads 一共四个人 as no sum", () => {
    expect(readMessage("老王八千五 老李七千 我一万二 小刘六千三").amountYuan).toBe(33_800);
    expect(readMessage("我两千五百块 我哥三千 我表弟两千").amountYuan).toBe(7_500);
    const listed = readMessage("我一万一 我叔一万三千五 我表哥九千 我弟两千八百 一共四个人");
    expect(listed.amountYuan).toBe(36_300);
    expect(listed.headcount).toEqual({ min: 4, max: 4 });
  });

  it("reads new school and hospital buildings as government-invested", () => {
    expect(readMessage("在西安雁塔区第二十中学新教学楼工地 包工头欠我们8个人工资").ownership).toBe("government");
    expect(readMessage("人民医院新门诊楼工地 欠我们工资").ownership).toBe("government");
    expect(readMessage("我在人民医院当护工 欠我3个月工资").ownership).toBeNull();
  });

  it("answers whether wages can be advanced and interest claimed", () => {
    expect(questionsInStory("老板欠我三万 能不能先垫付？")).toEqual(["faq.advance"]);
    expect(questionsInStory("欠了我一年了 还能要利息吗")).toEqual(["faq.interest"]);
  });
});

describe("a team leader's team's project money", () => {
  it("is the workers' labour claimed for them; a firm's or a supplier's stays project money", () => {
    const team = "我是班组长 总包中铁十局欠我们班组工程款八十多万 合肥蜀山区那个地铁站 工人过年回不了家";
    expect(classify(team, readMessage(team)).category).toBe("wage_arrears");
    const firm = "我是包工头 开发商欠我工程款80万";
    expect(classify(firm, readMessage(firm)).category).toBe("project_payment");
  });
});

describe("English workers, from the second review", () => {
  it("reads a rider typing in lower case: the platform, the place after 'in', 'we are 6'", () => {
    const reading = readMessage("I deliver for Ele.me in pudong shanghai, we are 6 worker, the station owes us 30000", Gazetteer.shared());
    expect(reading.sector).toBe("platform");
    expect(reading.place.status === "found" ? reading.place.division.code : null).toBe("310115");
    expect(reading.headcount).toEqual({ min: 6, max: 6 });
    expect(readMessage("I was in time for work", Gazetteer.shared()).place.status).toBe("none");
  });

  it("keeps English after a firm's name that looks like pinyin", () => {
    const worker = new Worker(env.app, "en-tutor");
    worker.says("I teach at a tutoring school in Haidian, Beijing. The boss owes me 12000 for two months.");
    worker.says("Sunshine Tutoring, Wudaokou");
    expect(worker.heard).toContain("Please check");
  });
});

describe("a first story that corrects itself", () => {
  it.each([
    ["在昆明五华区 不是五华 是盘龙区 凤凰城工地 老板刘强欠我一万二", "地点：云南省昆明市盘龙区"],
    ["老板是张三 不对 是李四 在郑州金水区凤凰城工地 欠我一万二", "欠钱的一方：李四"],
    ["欠我一万五 哦不对 是一万八 在郑州金水区凤凰城工地 老板刘强", "欠款金额：¥18,000"],
    ["I work at the Sunshine Garden construction site in Tianhe District, Guangzhou. Li Ming owes me 12000, sorry I mean 15000", "Amount owed: ¥15,000"],
  ])("keeps the value it ends with: %s", (text, line) => {
    const worker = new Worker(env.app, `self-fix-${text.length}`);
    worker.says(text);
    expect(worker.heard).toContain(line);
    expect(worker.heard).not.toContain("一万八 在郑州");
  });
});

describe("names from the second review", () => {
  it("reads the full name after the surname, English firms with their kind, and dialect that only looks like a name", () => {
    expect(readMessage("包工头姓刘叫刘大军 欠我八千").employer).toBe("刘大军");
    expect(readMessage("Sunshine Tutoring school owes me 12000").employer).toBe("Sunshine Tutoring school");
    expect(readMessage("The Zhang family has not paid me for 2 months").employer).toBe("Zhang family");
    expect(readMessage("老板莫得钱发 欠我们三个月工资 老板叫罗平").employer).toBe("罗平");
    expect(readMessage("The boss didn't pay me").employer).toBeNull();
  });
});

describe("a place answered with a hedge", () => {
  it("is the place, not a site", () => {
    const worker = new Worker(env.app, "hedge");
    worker.says("老板欠我一万 凤凰城工地 老板刘强");
    expect(worker.last?.expecting).toBe("place");
    worker.says("好像是在合肥");
    expect(worker.heard).toContain("在合肥市哪个区或县");
    expect(worker.heard).not.toContain("项目/工地 → 合肥");
  });
});

describe("couples and someone with others", () => {
  it("counts 两口子 as two and 我老公和他们村的七个人 as eight, and the sum with them", () => {
    const couple = readMessage("俺两口子都是 在工地干活 每人一万八");
    expect(couple.headcount).toEqual({ min: 2, max: 2 });
    expect(couple.amountYuan).toBe(36_000);
    const village = readMessage("我老公和他们村的七个人 在工地干活 每人一万五");
    expect(village.headcount).toEqual({ min: 8, max: 8 });
    expect(village.amountYuan).toBe(120_000);
  });
});

describe("each one's share told before the count", () => {
  it("asks how many, and makes the sum of it", () => {
    const worker = new Worker(env.app, "share-first");
    worker.says("在郑州金水区凤凰城工地 包工头刘建国 我们每人欠八千");
    expect(worker.last?.expecting).toBe("headcount");
    worker.says("6个人");
    expect(worker.heard).toContain("¥48,000（每人 ¥8,000 × 6 人）");
  });
});

describe("a worker who keeps writing after filing", () => {
  const STORY = "老板欠我们工资三万 在郑州金水区 绿地中心工地 老板叫张三 我们有5个人";

  it("is told once how to file about another boss, not after every message", () => {
    const worker = new Worker(env.app, "news-more");
    worker.files(STORY);
    worker.says("老板说下个月给");
    expect(worker.heard).toContain("已转告办理投诉");
    expect(worker.heard).toContain("发 /new 另外登记");
    worker.says("他以前也这样");
    expect(worker.heard).toContain("已转告办理投诉");
    expect(worker.heard).not.toContain("/new");
  });

  it("hears a planned protest answered as filed, and is asked for a phone once", () => {
    const worker = new Worker(env.app, "protest-after");
    worker.files(STORY);
    worker.says("他们要去堵路");
    expect(worker.heard).toContain("投诉已经登记");
    expect(worker.heard).not.toContain("先把投诉登记好");
    expect(worker.heard).toContain("发个手机号给我");
    worker.says("明天我们就去拉横幅");
    expect(worker.heard).toContain("已马上转告办理投诉");
    expect(worker.heard).not.toContain("发个手机号给我");
  });
});
