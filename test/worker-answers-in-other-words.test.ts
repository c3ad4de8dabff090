// Answers that say the fact in other words than the question's, found by a reviewer playing workers
// (2026-12-06, third review): each was stored as the wrong fact, dropped, or not answered.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readMessage } from "../src/triage/read-message.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const AT_SUMMARY = "在郑州金水区 绿地中心工地 老板张三 欠我们5个人工资三万";

describe("where a name was asked", () => {
  it("does not take a question about progress for the boss's name", () => {
    const worker = new Worker(env.app, "progress");
    worker.says("在郑州金水区 饭店打工 老板欠我工资三千");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("怎么样了");
    expect(worker.heard).not.toContain("欠钱的一方：怎么样");
    expect(worker.last?.expecting).toBe("employer");
  });

  it("takes the team leader named after a space, not the nickname, and asks the site", () => {
    const worker = new Worker(env.app, "nickname");
    worker.says("我在郑州金水区干活 工头欠我们工资五万");
    expect(worker.last?.expecting).toBe("project");
    worker.says("一个叫王老板的 包工头 叫王德福");
    expect(worker.heard).toContain("记下了：欠钱的一方 → 王德福");
    expect(worker.last?.expecting).toBe("project");
  });

  it("takes the main contractor as who owes, and asks the site again", () => {
    const worker = new Worker(env.app, "contractor");
    worker.says("我在郑州金水区工地干活 欠我们工资十万 我们10个人");
    worker.says("总包是中天建设");
    expect(worker.heard).toContain("记下了：欠钱的一方 → 中天建设");
    expect(worker.heard).not.toContain("项目/工地：总包是中天建设");
    expect(worker.last?.expecting).toBe("project");
  });

  it("reads an English 'is called' for the name only", () => {
    const worker = new Worker(env.app, "called");
    worker.says("I worked as a waiter in Tianhe district Guangzhou, boss owes me 6000");
    worker.says("The restaurant is called 小南国, owner is Mr Zhang");
    expect(worker.heard).toContain("Workplace: 小南国\n");
    expect(worker.heard).toContain("Who owes: Mr Zhang");
  });
});

describe("where the place was asked", () => {
  it("reads 重庆 渝北 as the district, not a site named 渝北", () => {
    const worker = new Worker(env.app, "yubei");
    worker.says("老板欠我工资两万");
    worker.says("重庆 渝北");
    expect(worker.heard).not.toContain("项目/工地 → 渝北");
    expect(worker.last?.expecting).toBe("project");
  });
});

describe("a first story that corrects itself twice", () => {
  it("keeps the last of each value", () => {
    const worker = new Worker(env.app, "twice");
    worker.says("在武汉江夏区工地干活 欠两万 哦不对 是两万五 老板张三 不对 是李四");
    worker.says("不知道");
    worker.says("就我一个");
    expect(worker.heard).toContain("欠钱的一方：李四");
    expect(worker.heard).toContain("欠款金额：¥25,000");
  });
});

describe("at the summary", () => {
  it("takes a sum said alone as the sum, shown again to confirm", () => {
    const worker = new Worker(env.app, "newSum");
    worker.says(AT_SUMMARY);
    worker.says("他说好像是七万多");
    expect(worker.heard).toContain("已改好：欠款金额 → ¥70,000");
    expect(worker.last?.expecting).toBe("confirm");
  });

  it("files the complaint when the worker says they want it filed", () => {
    const worker = new Worker(env.app, "fileIt");
    worker.says(AT_SUMMARY);
    expect(worker.says("还是投诉吧").caseId).not.toBeNull();
  });
});

describe("questions back", () => {
  it("says it is an automatic assistant, and that the money can be claimed", () => {
    const bot = new Worker(env.app, "bot");
    bot.says("你是机器人吗");
    expect(bot.heard).toContain("我是自动登记助手（机器人）");
    const help = new Worker(env.app, "help");
    help.says("在郑州金水区 饭店打工 老板欠我工资三千 你们能帮我要回来吗");
    expect(help.last?.replies.length).toBeGreaterThan(1);
    expect(help.heard).toContain("会依法督促老板支付");
  });
});

describe("what a first message holds, in more words", () => {
  it("keeps a story that asks whether a fine counts, and goes on with it", () => {
    const rider = new Worker(env.app, "fine");
    rider.says("我干外卖的 饿了么 平台罚款扣了我三千多 这算欠工资吗");
    expect(rider.heard).toContain("工资拖着不给、无故克扣");
    expect(rider.last?.expecting).toBe("place");
    rider.says("在武汉洪山区");
    expect(rider.heard).not.toContain("请说说您的情况");
  });

  it("asks whose a day rate times the days is, once a second worker is counted", () => {
    const couple = new Worker(env.app, "dayRate");
    couple.says("在郑州金水区一个小区装修 干了四十天 一天三百 老板叫 孙老三 一直拖着不给");
    couple.says("就我和我媳妇两个人");
    couple.says("不知道");
    expect(couple.heard).toContain("¥12,000 是 2 个人一共被欠的，还是只是您自己的？");
  });

  it("reads an English school's name and trade, and a milk-tea shop as services", () => {
    const teacher = new Worker(env.app, "school");
    teacher.says("I teach English, the school owes me 3 months salary 24000, school name is Bright Future Education, in Wuhou district Chengdu");
    expect(teacher.last?.expecting).toBe("confirm");
    expect(teacher.heard).toContain("Who owes: Bright Future Education");
    expect(teacher.heard).toContain("Sector: Training school");
    const tea = new Worker(env.app, "milkTea");
    tea.says("在杭州西湖区 奶茶店 欠我工资四千");
    expect(tea.heard).not.toContain("碧桂园三期");
    expect(tea.heard).not.toContain("包工头");
  });
});

describe("a restaurant and its boss, and wages inside a machine fee", () => {
  it("keeps the restaurant as the workplace when the boss is named after it", () => {
    const worker = new Worker(env.app, "restaurant");
    worker.says("在长沙天心区 湘菜馆 叫湘里人家 欠我工资五千");
    expect(worker.heard).toContain("欠钱的一方：湘里人家");
    expect(worker.heard).toContain("行业：服务业");
    worker.says("老板姓黄");
    expect(worker.heard).toContain("干活的地方：湘里人家");
    expect(worker.heard).toContain("欠钱的一方：黄老板");
    expect(worker.last?.expecting).toBe("confirm");
  });

  it("takes the drivers' wages inside a machine fee as the complaint's sum and count", () => {
    const leader = new Worker(env.app, "machineFee");
    leader.says("我是包工头 开挖机的 机械费欠我十二万 在郑州金水区 绿地中心工地");
    expect(leader.heard).toContain("工程款纠纷");
    leader.says("机械费里面有司机工资 我雇了两个司机 欠他们四万");
    expect(leader.heard).toContain("改按「拖欠工资」登记");
    expect(leader.heard).toContain("已改好：欠款金额 → ¥40,000");
    expect(leader.heard).toContain("已改好：被欠人数 → 2 人");
  });
});

describe("a workplace with no name, and a question where the workplace was asked", () => {
  it("keeps what the workplace is when it has no name", () => {
    const worker = new Worker(env.app, "brickworks");
    worker.says("老板欠我们工资三万 我们5个人");
    worker.says("在焦作修武县");
    expect(worker.last?.expecting).toBe("project");
    worker.says("就是个砖厂 没名字 在修武县郇封那边");
    expect(worker.choiceIds).toContain("employer:workplace");
    expect(worker.last?.replies.flatMap((reply) => reply.choices ?? []).find((c) => c.id === "employer:workplace")?.label).toBe("砖厂");
  });

  it("answers '工资怎么发的' as a question, not a workplace's name", () => {
    const worker = new Worker(env.app, "howPaid");
    worker.says("老板欠我工资两万 在郑州金水区");
    worker.says("工资怎么发的");
    expect(worker.heard).toContain("这个问题，登记以后工作人员会回答您。");
    expect(worker.last?.expecting).toBe("project");
  });
});

describe("the kind of works where the site was asked", () => {
  it("takes '修路的' as the kind, not the site's name, and asks the site again", () => {
    const worker = new Worker(env.app, "roads");
    worker.says("包工头张三欠我三万 在郑州金水区");
    expect(worker.last?.expecting).toBe("project");
    worker.says("修路的");
    expect(worker.heard).toContain("已改好：工程类型 → 公路、桥梁、铁路");
    expect(worker.heard).not.toContain("项目/工地：修路的");
    expect(worker.last?.expecting).toBe("project");
  });
});

describe("more from the second review of 2026-12-06", () => {
  it("brings back a cancelled complaint when the worker thinks again", () => {
    const worker = new Worker(env.app, "changedMind");
    worker.says("在郑州金水区 饭店打工 老板叫李强 欠我工资2600");
    worker.says("算了不投诉了 怕以后不好找工作");
    expect(worker.heard).toContain("已取消，没有登记");
    worker.says("想了想还是要投诉 2600不是小数");
    expect(worker.heard).toContain("好的，接着登记刚才说的投诉。");
    expect(worker.last?.expecting).toBe("project");
    // A day later the cancelled one is gone: a new story starts afresh.
    const later = new Worker(env.app, "tooLate");
    later.says("在郑州金水区 饭店打工 老板叫李强 欠我工资2600");
    later.says("算了不投诉了");
    env.clock.advance(25 * 3_600_000);
    later.says("还是要投诉");
    expect(later.heard).not.toContain("接着登记刚才说的投诉");
  });

  it("takes several words of assent with 吧 between them as a yes", () => {
    const worker = new Worker(env.app, "assent");
    worker.says(AT_SUMMARY);
    expect(worker.says("好 就这样吧 确认").caseId).not.toBeNull();
  });

  it("keeps the city when the worker says the district is not known", () => {
    const worker = new Worker(env.app, "cityOnly");
    worker.says("老板欠我工资八千");
    worker.says("俺也不晓得在哪个区 就在石家庄");
    expect(worker.heard).not.toContain("在石家庄市哪个区或县");
    expect(worker.last?.expecting).toBe("project");
  });

  it("reads '15000 rmb per month' as a month's pay and 蜜雪冰城 as a shop", () => {
    expect(readMessage("Chengdu Wuhou, school Bright Star owes me 2 months salary, 15000 rmb per month").amountYuan).toBe(30_000);
    expect(readMessage("在蜜雪冰城打工 欠我工资三千").sector).toBe("services");
  });
});

describe("a place answer that tells the rest of the story", () => {
  it("takes and says back the boss, the count and each one's share, and does not ask a site said to have no known name", () => {
    const worker = new Worker(env.app, "placeStory");
    worker.says("老板欠我们工资好几个月了 俺们在新乡干活");
    expect(worker.last?.expecting).toBe("place");
    worker.says("在牧野区那边 一个小区工地 叫啥名俺记不清了 老板姓王 俺们班组8个人 每个人欠一万多点");
    expect(worker.heard).toContain("记下了：欠钱的一方 → 王老板");
    expect(worker.heard).toContain("记下了：被欠人数 → 8 人");
    expect(worker.heard).toContain("欠款金额：¥80,000");
    expect(worker.heard).toContain("项目/工地：不知道");
    expect(worker.last?.expecting).toBe("confirm");
  });
});

describe("a correction about the complaint filed before, told while another is written", () => {
  it("goes to the filed complaint's officer; the one being written keeps its sum", () => {
    const worker = new Worker(env.app, "twoBosses");
    const first = worker.files("我在南京江宁区万科城三期干木工 包工头陈刚欠我两万一");
    worker.says("/new");
    worker.says("南京六合区 老板刘洋欠我八千");
    worker.says("金地自在城");
    worker.says("刚才说错了 陈刚那边其实欠我两万五 不是两万一");
    expect(worker.heard).toContain("这是陈刚那件投诉");
    expect(worker.heard).not.toContain("已改好：欠款金额");
    expect(env.app.ledger.events(first).some((event) => event.type === "worker_added")).toBe(true);
    // Naming the same boss where this complaint's boss is asked is this complaint's answer.
    const again = new Worker(env.app, "sameBoss");
    again.files("我在南京江宁区万科城三期干木工 包工头陈刚欠我两万一");
    again.says("/new");
    again.says("南京六合区 金地自在城 欠我八千");
    again.says("金地自在城");
    expect(again.last?.expecting).toBe("employer");
    again.says("陈刚 又欠我八千");
    expect(again.heard).not.toContain("这是陈刚那件投诉");
  });
});

describe("the number of the one owed, given by a relative while the complaint is written", () => {
  it("is the phone when the complaint is written for someone, and the story's otherwise", () => {
    const son = new Worker(env.app, "forFather");
    son.says("我帮我爸问的 他在宁波北仑区恒洋造船厂做电焊 老板欠他半年工资 一个月八千");
    son.says("他的电话13805741234 你们打他的");
    expect(son.heard).toContain("记下了：电话 → 13805741234");
    const self = new Worker(env.app, "forSelf");
    self.says("老板欠我工资两万 在郑州金水区 绿地中心工地 老板张三");
    self.says("他的电话13805741234 你们打他的");
    expect(self.heard).toContain("这个号码记下了，会交给工作人员。");
    expect(self.heard).not.toContain("电话 → 13805741234");
  });
});

describe("English corrections and workplaces", () => {
  it("takes the sum of 'the amount is wrong, 2 months so 30000 in total'", () => {
    const worker = new Worker(env.app, "enTotal");
    worker.says("My boss owes me 15000 yuan, I teach at a school in Wuhou district Chengdu");
    worker.says("no the amount is wrong, 2 months so 30000 in total");
    expect(worker.heard).toContain("Changed: Amount owed → ¥30,000");
  });

  it("reads the name before the kind of workplace ('at Bright Star school')", () => {
    expect(readMessage("I teach at Bright Star school in Wuhou district Chengdu, they owe me 15000").employer).toBe("Bright Star");
    expect(readMessage("I worked for Hengli Electronics factory in Ningbo, they owe me 9000").employer).toBe("Hengli Electronics");
  });
});

describe("a protest planned in the first story, and a provincial group named as the main contractor", () => {
  it("answers the protest with care first, and keeps 云南建投 whole", () => {
    const worker = new Worker(env.app, "protestFirst");
    worker.says("总包是云南建投 欠我们30多个人工资 一共五十多万 在昆明官渡区 我们准备明天去拉横幅");
    expect(worker.last?.replies[0]?.text).toContain("请不要堵门、拉横幅");
    expect(readMessage("总包是云南建投 欠我们30多个人工资 一共五十多万 在昆明官渡区").employer).toBe("云南建投");
  });
});

describe("an ID a character short, sent alone", () => {
  it("is told what an ID looks like, not asked for a story", () => {
    const worker = new Worker(env.app, "shortId");
    worker.says("E6C9RQZ9");
    expect(worker.heard).toContain("编号 E6C9RQZ9 只有 8 位，好像少打了");
    expect(worker.heard).not.toContain("请说说您的情况");
  });
});
