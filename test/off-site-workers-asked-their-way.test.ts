// Off a building site there is no "project": a rider is asked whom he works for and, if needed, his
// platform and station; a cook whose boss is only a name is asked the restaurant; a nanny her employer.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isPerson } from "../src/dialogs/facts.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

describe("a delivery rider", () => {
  it("is asked who owes first, in a rider's words, and not for a project once the station is named", () => {
    const rider = new Worker(env.app, "rider1");
    rider.says("我在美团送外卖 站长欠我两个月的跑单费 六千多 在成都武侯区");
    expect(rider.last?.expecting).toBe("employer");
    expect(rider.heard).toContain("写站点、代理公司或者站长的名字");
    expect(rider.heard).not.toContain("项目");
    rider.says("飞驰配送站");
    expect(rider.last?.expecting).toBe("confirm");
    expect(rider.heard).toContain("欠钱的一方：飞驰配送站");
  });

  it("who names only the station manager is asked the platform and station, labelled so", () => {
    const rider = new Worker(env.app, "rider2");
    rider.says("我在美团送外卖 站长欠我两个月的跑单费 六千多 在成都武侯区");
    rider.says("站长姓王");
    expect(rider.last?.expecting).toBe("project");
    expect(rider.heard).toContain("在哪个平台、哪个站点干活？");
    rider.says("美团 武侯区簇桥站");
    expect(rider.last?.expecting).toBe("confirm");
    expect(rider.heard).toContain("平台/站点：美团 武侯区簇桥站");
    expect(rider.heard).toContain("欠钱的一方：王站长");
  });

  it("in English, the same questions in English", () => {
    const rider = new Worker(env.app, "rider3");
    rider.says("/lang en");
    rider.says("I deliver food for Meituan in Chengdu Wuhou district, the station owes me 6000 yuan");
    expect(rider.last?.expecting).toBe("employer");
    expect(rider.heard).toContain("Write the station, the agency company or the station manager's name.");
  });
});

describe("a cook whose boss is only a name", () => {
  it("is asked the restaurant after the boss, so that an inspector can find it", () => {
    const cook = new Worker(env.app, "cook");
    cook.says("我在杭州西湖区一家饭店当厨师 就我一个 老板欠了我两个月工资一万二");
    expect(cook.last?.expecting).toBe("employer");
    cook.says("老板叫陈刚");
    expect(cook.last?.expecting).toBe("project");
    expect(cook.heard).toContain("在哪个店、公司或者哪户人家干活？");
    cook.says("湘味轩");
    expect(cook.last?.expecting).toBe("confirm");
    expect(cook.heard).toContain("干活的地方：湘味轩");
    expect(cook.heard).toContain("欠钱的一方：陈刚");
  });
});

describe("a nanny", () => {
  it("who cannot name her employer is asked which household, and may not know it either", () => {
    const nanny = new Worker(env.app, "nanny");
    nanny.says("我在雇主家当保姆 干了三个月 雇主欠我一万二 在北京朝阳区");
    expect(nanny.last?.expecting).toBe("employer");
    nanny.says("雇主姓张");
    expect(nanny.last?.expecting).toBe("project");
    nanny.presses("unknown");
    expect(nanny.last?.expecting).toBe("confirm");
    expect(nanny.heard).toContain("欠钱的一方：姓张的雇主");
    expect(nanny.heard).toContain("干活的地方：不知道");
  });
});

describe("who is a person", () => {
  it("tells people from businesses by name and role", () => {
    for (const name of ["陈刚", "王站长", "姓张的雇主", "李姐", "刘老板", "boss Li"]) expect(isPerson(name), name).toBe(true);
    for (const name of ["飞驰配送站", "顺达物流", "恒发电器厂", "Happy Noodle House", "星耀传媒"]) expect(isPerson(name), name).toBe(false);
  });
});

describe("corrections named as the summary names them", () => {
  it("'干活的地方不对' changes the workplace, not the place", () => {
    const cleaner = new Worker(env.app, "cleaner");
    cleaner.says("物业欠我们保洁工资 四个人 一人三千 在焦作山阳区 物业叫鑫苑物业");
    expect(cleaner.last?.expecting).toBe("confirm");
    cleaner.says("干活的地方不对 是阳光小区");
    expect(cleaner.heard).toContain("已改好：干活的地方 → 阳光小区");
    expect(cleaner.heard).toContain("地点：河南省焦作市山阳区");
  });

  it("'工程类型不对 是高铁' and '投资方不对' change the kind and the funding, not the project's name", () => {
    const worker = new Worker(env.app, "kind");
    worker.says("我在新乡红旗区万达广场工地干活 包工头刘建国欠我们5个人3万");
    worker.says("工程类型不对 是高铁");
    expect(worker.heard).toContain("已改好：工程类型 → 公路、桥梁、铁路");
    expect(worker.heard).toContain("项目/工地：万达广场");
    worker.says("投资方不对 是政府投资的");
    expect(worker.heard).toContain("投资方：政府投资");
  });
});

describe("a name, or its absence, told with words around it", () => {
  it("'俺也不知道叫啥' after describing the site is don't know; '真名不知道' keeps the nickname", () => {
    const worker = new Worker(env.app, "shantytown");
    worker.says("在平顶山新华区 一个工地 欠俺两万四");
    expect(worker.last?.expecting).toBe("project");
    worker.says("就是新华区那个棚改工地 俺也不知道叫啥");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("胡老六 真名不知道");
    expect(worker.heard).toContain("欠钱的一方：胡老六");
  });

  it("a company named after 叫 is a business though its first character is a surname", () => {
    const guard = new Worker(env.app, "guard");
    guard.says("物业公司叫金管家 欠我们保安三个月工资 在广州白云区 一共六个人 三万六");
    expect(guard.last?.expecting).toBe("confirm");
    expect(guard.heard).toContain("欠钱的一方：金管家");
  });
});

describe("a worker who corrects himself while answering the place", () => {
  it("'裕华区 不对好像是长安区 公司在长安区' is the place, and the company stays", () => {
    const driver = new Worker(env.app, "driver");
    driver.says("开大货车的 给物流公司跑车 顺通物流 在石家庄 欠了我三万二运费工资 都大半年了");
    expect(driver.last?.expecting).toBe("place");
    driver.says("裕华区 不对好像是长安区 公司在长安区");
    expect(driver.heard).toContain("地点：河北省石家庄市长安区");
    expect(driver.heard).toContain("欠钱的一方：顺通物流");
  });
});
