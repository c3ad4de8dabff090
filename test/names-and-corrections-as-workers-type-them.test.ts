// Names as voice input types them: the name stops where the sentence goes on, the role words typed
// with the wrong characters (老版, 包工投, 公资) are still the role words, a name not known is not kept
// as one; and a correction at the summary is applied in every part it has, or the worker is told
// which part was not taken.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readMessage } from "../src/triage/read-message.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

describe("reading names out of a sentence", () => {
  it("keeps the name, not the clause it runs into", () => {
    expect(readMessage("在深圳宝安沙井那边的电子厂做普工厂里三个月没发工资了欠我3w5厂名叫鑫达电子老版是台湾人").employer).toBe("鑫达电子");
    expect(readMessage("在深圳宝安沙井那边的电子厂做普工厂里三个月没发工资了欠我3w5厂名叫鑫达电子老板是台湾人").employer).toBe("鑫达电子");
    expect(readMessage("还是周红兵那个包工头 昆山花桥 绿地云都会 其实他欠我一万五 上次说少了").employer).toBe("周红兵");
    expect(readMessage("我在武汉洪山区光谷那边送外卖 美团的站点扣了我两个月工资没发 大概六千 站长叫小胡").employer).toBe("小胡");
  });

  it("reads 老版, 包工投, 包公头 and 公资 as 老板, 包工头 and 工资, never as a name", () => {
    const h1 = readMessage("老版欠我公滋三万五没给 在长沙雨花区");
    expect(h1.employer).toBeNull();
    expect(h1.amountYuan).toBe(35_000);
    expect(readMessage("包公头拖欠工钱叁万伍仟元 南昌红谷滩区").employer).toBeNull();
    const v1 = readMessage("包工投欠我公资一天三百干了四十天一分没给在昆山花桥镇那边的工地包工投叫周红兵手机打不通了工地叫绿地云都会");
    expect(v1).toMatchObject({ employer: "周红兵", project: "绿地云都会", amountYuan: 12_000 });
    // An old version is not a boss.
    expect(readMessage("老版本的合同上写的是八千").employer).toBeNull();
  });
});

describe("a worker naming who owes", () => {
  it("who says what the boss is called by everyone gets that name, not 啥不晓得", () => {
    const w = new Worker(env.app, "w1");
    w.says("我是在郑州那个金水区的绿地香颂小区干瓦工的去年干到年底老版一直不给工滋说等开发商打款一直拖到现在我们班组六个人一共欠三万五");
    expect(w.last?.expecting).toBe("employer");
    w.says("老版姓王 叫啥不晓得 大家都喊他王总");
    expect(w.heard).toContain("欠钱的一方：王总");
    expect(w.heard).not.toContain("啥不晓得");
  });

  it("who names the shop and a woman boss by her surname: the shop is the workplace, 韩老板 owes", () => {
    const w = new Worker(env.app, "v2");
    w.says("在北京朝阳区一个饭店当服务员 老板欠我俩月工资 一个月四千");
    expect(w.last?.expecting).toBe("employer");
    w.says("店名叫东北人家 老板是个女的姓韩");
    expect(w.heard).toContain("干活的地方：东北人家");
    expect(w.heard).toContain("欠钱的一方：韩老板");
  });

  it("who names the firm and then where it had them work: both kept, apart", () => {
    const w = new Worker(env.app, "L2");
    w.says("济南历下区 帮人家搞保洁 物业公司欠钱");
    w.says("绿城物业 在那个泉城花园小区");
    w.says("我们三个 一人两千");
    expect(w.heard).toContain("欠钱的一方：绿城物业\n");
    expect(w.heard).toContain("干活的地方：泉城花园小区");
  });

  it("who is unsure of the factory's name: the name without 还是啥", () => {
    const w = new Worker(env.app, "w12");
    w.says("老板欠我叁万元整 在义乌 做袜子的厂");
    w.says("厂叫浪莎针织还是啥 记不太清 老板姓何");
    expect(w.heard).toContain("工厂：浪莎针织\n");
    expect(w.heard).toContain("欠钱的一方：何老板");
    expect(w.heard).not.toContain("还是啥");
  });

  it("who says where the contractor is from, or his role after his name: the name alone", () => {
    const w = new Worker(env.app, "w19");
    w.says("我帮我爸问一下 他在上海松江区工地干活 包工头欠他两万三 他不会打字");
    expect(w.last?.expecting).toBe("project");
    w.says("项目叫什么他也说不清 就是松江新城那边的安置房");
    expect(w.last?.expecting).toBe("employer");
    w.says("包工头姓蒋 安徽人");
    expect(w.heard).toContain("项目/工地：松江新城安置房");
    expect(w.heard).toContain("欠钱的一方：蒋包工头");
  });

  it("a rider's platform and station are kept, and the station manager is who owes", () => {
    const w = new Worker(env.app, "w11");
    w.says("我在武汉洪山区光谷那边送外卖 美团的站点扣了我两个月工资没发 大概六千 站长叫小胡");
    // The manager was named: not asked again; the platform is known, the station is asked.
    expect(w.last?.expecting).toBe("project");
    expect(w.heard).toContain("哪个站点");
    w.says("我说了啊 站长小胡");
    expect(w.heard).toContain("平台/站点：美团\n");
    expect(w.heard).toContain("欠钱的一方：小胡");
    const id = w.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)).toMatchObject({ project: "美团", employer: "小胡" });
  });

  it("an English-speaking rider's platform and station are kept beside the manager", () => {
    const w = new Worker(env.app, "e6");
    w.says("I'm a delivery rider in Guangzhou Tianhe, the station owes me 2 months pay, about 9000");
    w.says("Ele.me station at Zhujiang New Town, manager is called Xiao Liu");
    expect(w.heard).toContain("Platform / station: Ele.me Zhujiang New Town station");
    expect(w.heard).toContain("Who owes: Xiao Liu");
  });
});

describe("a site without a name", () => {
  it("没得名字 is not known, never a name", () => {
    const w = new Worker(env.app, "L1");
    w.says("太原小店区 工地上 欠了我六千");
    expect(w.last?.expecting).toBe("project");
    w.says("没得名字");
    expect(w.last?.expecting).toBe("employer");
    w.says("老张");
    expect(w.heard).not.toContain("没得名字");
  });

  it("叫什么产业园 is a name not known", () => {
    const w = new Worker(env.app, "w15");
    w.says("在合肥蜀山区干了一年活 老板欠我六万");
    w.says("一个厂房 叫什么产业园");
    expect(w.last?.expecting).not.toBe("project");
    expect(w.heard).not.toContain("什么产业园");
  });

  it("盖房子 is the trade: the site is asked again, and a boss told with his role there is who owes", () => {
    const w = new Worker(env.app, "w3");
    w.says("在安徽马鞍山当涂县干活 老板欠我两万");
    expect(w.last?.expecting).toBe("project");
    w.says("盖房子");
    expect(w.last?.expecting).toBe("project");
    expect(w.heard).not.toContain("项目/工地：盖房子");
    w.says("老周 包工头");
    expect(w.heard).toContain("欠钱的一方 → 老周");
  });

  it("a site told again with 我刚说了 keeps the name alone", () => {
    const w = new Worker(env.app, "v1b");
    w.says("包工头周红兵欠我一万五 在昆山花桥");
    expect(w.last?.expecting).toBe("project");
    w.says("绿地云都会 我刚说了");
    expect(w.heard).toContain("项目/工地：绿地云都会\n");
  });

  it("after /new, the boss and the site of the worker's own earlier complaint are not asked again", () => {
    const w = new Worker(env.app, "v1");
    w.says("包工投欠我公资一天三百干了四十天一分没给在昆山花桥镇那边的工地包工投叫周红兵手机打不通了工地叫绿地云都会");
    expect(w.heard).toContain("欠钱的一方：周红兵");
    w.presses("confirm");
    w.says("/new");
    w.says("还是周红兵那个包工头 昆山花桥 绿地云都会 其实他欠我一万五 上次说少了");
    expect(w.last?.expecting).toBe("confirm");
    expect(w.heard).toContain("项目/工地：绿地云都会");
    expect(w.heard).toContain("欠钱的一方：周红兵");
  });
});

describe("corrections at the summary", () => {
  const toSummary = (id: string): Worker => {
    const w = new Worker(env.app, id);
    w.says("我是在郑州那个金水区的绿地香颂小区干瓦工的 包工头张军一直不给工资 我们班组六个人一共欠三万");
    expect(w.last?.expecting).toBe("confirm");
    return w;
  };

  it("欠钱的是X puts right who owes", () => {
    const w = toSummary("c1");
    w.says("欠钱的是中铁");
    expect(w.heard).toContain("已改好：欠钱的一方 → 中铁");
  });

  it("the count, the sum and the boss in one breath, 老版 typed for 老板: all three", () => {
    const w = toSummary("c2");
    w.says("不对 钱是七个人一共三万五 老版是王总");
    expect(w.heard).toContain("被欠人数 → 7 人");
    expect(w.heard).toContain("欠款金额 → ¥35,000");
    expect(w.heard).toContain("欠钱的一方 → 王总");
    const id = w.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)).toMatchObject({ employer: "王总", amountYuan: 35_000, headcountMin: 7, headcountMax: 7 });
  });

  it("老板不叫X 是Y", () => {
    const w = toSummary("c3");
    w.says("老板不叫张军 是王总");
    expect(w.heard).toContain("已改好：欠钱的一方 → 王总");
  });

  it("the project, who owes and a rough count: every part applied", () => {
    const w = toSummary("c4");
    w.says("项目不对 是天府大道南延线 欠钱的是中铁 人数十来个");
    expect(w.heard).toContain("项目/工地 → 天府大道南延线");
    expect(w.heard).toContain("欠钱的一方 → 中铁");
    expect(w.heard).toContain("被欠人数 → 10–19 人");
  });

  it("a part that cannot be taken is said, never dropped silently", () => {
    const w = toSummary("c5");
    w.says("不对 一共三万六 老板是他");
    expect(w.heard).toContain("欠款金额 → ¥36,000");
    expect(w.heard).toContain("「欠钱的一方」这一项没改成");
  });

  it("厂名 put right where the firm that owes carries the name: the firm is corrected", () => {
    const w = new Worker(env.app, "c6");
    w.says("老板欠我叁万元整 在义乌 做袜子的厂");
    w.says("厂叫浪莎针织厂还是叫浪莎袜业 记不太清");
    w.says("就我一个");
    expect(w.last?.expecting).toBe("confirm");
    w.says("厂名不对 是浪莎针织");
    expect(w.heard).toContain("欠钱的一方 → 浪莎针织");
  });
});

describe("老板娘, the boss's wife who runs the shop", () => {
  it("is kept whole at the question of who owes: 陈老板娘, 老板娘餐馆; alone, the surname is asked for", () => {
    for (const [answer, stored] of [["老板娘姓陈", "陈老板娘"], ["老板娘餐馆", "老板娘餐馆"], ["老板娘食品厂", "老板娘食品厂"]] as const) {
      const worker = new Worker(env.app, `wife-${stored}`);
      worker.says("在合肥蜀山区一个餐馆洗碗，欠我三千块");
      expect(worker.last?.expecting).toBe("employer");
      worker.says(answer);
      expect(JSON.stringify(worker.last?.replies), answer).not.toContain("娘姓陈\"");
      const stored_ = (JSON.parse(
        (env.app.store.sqlite.prepare("SELECT state FROM dialog_sessions WHERE user_key = ?").get(`local:wife-${stored}`) as { state: string }).state,
      ) as { draft: { facts: { employer: string | null } } }).draft.facts.employer;
      expect(stored_, answer).toBe(stored);
    }
    const alone = new Worker(env.app, "wife-alone");
    alone.says("在合肥蜀山区一个餐馆洗碗，欠我三千块");
    alone.says("老板娘");
    expect(alone.heard).toContain("请写姓或名字");
    expect(alone.heard).not.toContain("至少两个字");
  });
});

