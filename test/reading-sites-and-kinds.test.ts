// Sites, kinds of works and counts as workers tell them, each misread before (2026-12 review): a site
// named by where it is ("龙城大街那个工地"), the kind of works said in passing (修路, 地铁站, 油井, 港口),
// the count of a team, and a whole story sent again where the project was asked.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readMessage } from "../src/triage/read-message.js";
import { Gazetteer } from "../src/routing/gazetteer.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

interface StoredFacts {
  project: string | null;
  employer: string | null;
  amountYuan: number | null;
  headcount: { min: number; max: number } | null;
  sector: string | null;
  projectKind: string | null;
}

/** The draft's facts as stored (what a restart would continue from). */
function draftOf(worker: Worker): StoredFacts {
  const row = env.app.store.sqlite.prepare("SELECT state FROM dialog_sessions WHERE user_key = ?").get(`local:${worker.id}`) as { state: string };
  return (JSON.parse(row.state) as { draft: { facts: StoredFacts } }).draft.facts;
}

describe("a site named by where it is keeps its whole name", () => {
  it("\"龙城大街那个工地\" is the site on 龙城大街, not a project called 龙城", () => {
    expect(readMessage("龙城大街那个工地欠我们工资").project).toBe("龙城大街工地");
  });

  it("\"金山那边工地\": 那边 is no part of the name", () => {
    expect(readMessage("金山那边工地欠我工资").project).toBe("金山工地");
    expect(readMessage("在金山那边的工地干活 老板欠钱").project).toBe("金山工地");
  });

  it("a place alone before 那边 is where, not which site; a time is neither", () => {
    expect(readMessage("在郑州金水区那边的工地干活，老板欠钱").project).toBeNull();
    expect(readMessage("去年那个工地欠我工资").project).toBeNull();
  });
});

describe("a site said in the story is the project", () => {
  it("\"香樟路那个小区工地欠我们工资\" names the estate being built", () => {
    expect(readMessage("香樟路那个小区工地欠我们工资").project).toBe("香樟路小区");
    expect(readMessage("我们在香樟路那个小区工地干活，老板欠钱").project).toBe("香樟路小区");
  });

  it("is not asked again in the dialog", () => {
    const worker = new Worker(env.app, "site-in-story");
    worker.says("香樟路那个小区工地欠我们工资");
    expect(worker.last?.expecting).not.toBe("project");
    expect(draftOf(worker).project).toBe("香樟路小区");
    worker.says("在郑州金水区");
    expect(worker.last?.expecting).not.toBe("project");
    expect(draftOf(worker).project).toBe("香樟路小区");
  });

  it("the metro station site said in the story", () => {
    const worker = new Worker(env.app, "metro-in-story");
    worker.says("我们在那个地铁站工地干活，包工头张三欠我们工资");
    expect(draftOf(worker).project).toBe("地铁站");
    expect(worker.last?.expecting).not.toBe("project");
  });
});

describe("the kind of works decides the authority (住建, 交通, 水利)", () => {
  it("an oil well is no housing: an oil field's work, as a mine is", () => {
    for (const text of ["在油井上干活 包工头欠钱", "油井工地 欠我们工资"]) {
      const reading = readMessage(text);
      expect(reading.sector).toBe("other");
      expect(reading.projectKind).not.toBe("housing");
    }
    // Built among other works, the well is still energy works, not 房建.
    expect(readMessage("在钻井队的工地上干活 包工头欠我们八个人的工资 项目是个工程").projectKind).toBe("other");
  });

  it("an estate of an oil field (油田小区) is housing like any other", () => {
    expect(readMessage("在中原油田那边的小区工地干活 老板欠钱")).toMatchObject({ sector: "construction", projectKind: "housing" });
  });

  it("\"港口仓库工地\" is a building site, and port works are the transport authority's", () => {
    const reading = readMessage("港口仓库工地欠我们工资", Gazetteer.shared());
    expect(reading.sector).toBe("construction");
    expect(reading.projectKind).toBe("transport");
    // 港口 is a port, not 防城港's 港口区.
    expect(reading.place.status).toBe("none");
    // A crane driver at a port is still a port's staff.
    expect(readMessage("我在山东日照岚山区的港口上开吊车，公司欠我工资").sector).toBe("services");
    expect(readMessage("在酒店当服务员 老板欠钱").sector).toBe("services");
    expect(readMessage("在酒店工地干活 包工头欠钱").sector).toBe("construction");
  });
});

describe("a kind of works said after the first message", () => {
  // "包工头欠我三万" tells a building site but not which works: 房建 only for want of another kind.
  const FIRST = "包工头张三欠我三万 在郑州金水区";

  it("\"修路的\" at the project question makes it road works, routed to transport", () => {
    const worker = new Worker(env.app, "road");
    worker.says(FIRST);
    expect(draftOf(worker).projectKind).toBe("housing");
    expect(worker.last?.expecting).toBe("project");
    worker.says("修路的");
    expect(draftOf(worker).projectKind).toBe("transport");
    expect(worker.heard).toContain("公路、桥梁、铁路");
    // The kind is no site's name: the site is asked again.
    expect(draftOf(worker).project).toBeNull();
    expect(worker.last?.expecting).toBe("project");
    worker.says("不知道");
    const id = worker.presses("confirm").caseId as string;
    expect(env.app.ledger.find(id)?.projectKind).toBe("transport");
    expect(worker.heard).toContain("交通运输");
  });

  it("a metro station site told at the project question is transport works too", () => {
    const worker = new Worker(env.app, "metro");
    worker.says(FIRST);
    worker.says("在那个地铁站工地干活");
    expect(draftOf(worker)).toMatchObject({ project: "地铁站工地", projectKind: "transport" });
  });

  it("housing said in the first message is not replaced by a road mentioned later", () => {
    const worker = new Worker(env.app, "estate-road");
    worker.says("包工头张三在小区工地欠我三万 在郑州金水区");
    worker.says("修小区门口那条路的");
    expect(draftOf(worker).projectKind).toBe("housing");
  });
});

describe("how many are owed", () => {
  it("the writer's own wage told with 我 is one worker", () => {
    // "我干了三个月": the writer speaks of their own work and pay; the summary shows 1 人 to put right.
    expect(readMessage("工头欠钱不给 我干了三个月 老板叫张三 在郑州金水区").headcount).toEqual({ min: 1, max: 1 });
    expect(readMessage("我们老板欠我两万").headcount).toEqual({ min: 1, max: 1 });
  });

  it("wages owed to 我们 are several, whatever 我 is said after: the count is asked, never 1", () => {
    expect(readMessage("工头欠我们钱").headcount).toBeNull();
    expect(readMessage("工头欠我们钱 不给我").headcount).toBeNull();
    expect(readMessage("工头欠我们钱，欠我两万").headcount).toBeNull();
    expect(readMessage("老板欠我和工友们工资").headcount).toBeNull();
    // Those counted are counted: the writer and three others.
    expect(readMessage("老板欠我和另外三个工友工资").headcount).toEqual({ min: 4, max: 4 });
  });

  it("a team leader's workers are counted as he tells them, without 我是包工头", () => {
    expect(readMessage("我带的工人有12个 老板欠钱不给").headcount).toEqual({ min: 12, max: 12 });
    expect(readMessage("我手下的兄弟一共十几个 工资都没发").headcount).toEqual({ min: 10, max: 19 });
    expect(readMessage("我手下8个人 工资都没发").headcount).toEqual({ min: 8, max: 8 });
  });

  it("in the dialog, 欠我们 with 我 after it is asked how many", () => {
    const worker = new Worker(env.app, "us-then-me");
    worker.says("工头张三欠我们钱 不给我 在郑州金水区 欠了二十万 项目叫龙湖天街");
    expect(draftOf(worker).headcount).toBeNull();
    expect(worker.last?.expecting).toBe("headcount");
  });
});

describe("the whole story sent again where the project is asked", () => {
  const STORY = "我是包工头 老板张三欠我们工人工资三十万 在郑州金水区 我手下12个人";

  it("is kept with the story, never stored as the project, and the project is asked again", () => {
    const worker = new Worker(env.app, "story-again");
    worker.says(STORY);
    expect(worker.last?.expecting).toBe("project");
    worker.says(STORY);
    expect(draftOf(worker).project).toBeNull();
    expect(worker.last?.expecting).toBe("project");
    expect(worker.heard).toContain("这句记下了");
    expect(worker.heard).not.toContain("我是包工头");
  });

  it("takes the site the story names this time", () => {
    const worker = new Worker(env.app, "story-with-site");
    worker.says("我是包工头 老板李四欠我们8个人工资二十万 在郑州金水区");
    expect(worker.last?.expecting).toBe("project");
    worker.says("我是包工头，带了8个人在香樟路那个小区干活，老板李四欠我们工资二十万，在郑州金水区");
    expect(draftOf(worker)).toMatchObject({ project: "香樟路小区", employer: "李四", amountYuan: 200_000, headcount: { min: 8, max: 8 } });
    expect(worker.heard).toContain("项目/工地 → 香樟路小区");
    expect(worker.last?.expecting).toBe("confirm");
  });
});

describe("a sector, a kind of works and overtime, as a later review found them", () => {
  it("reads a logistics firm in 苏州工业园区 as services: the 工业园区 is the district's name", () => {
    expect(readMessage("我在苏州工业园区的一个物流公司上班 两个月工资没发 一万二").sector).toBe("services");
    expect(readMessage("我在工业园的电子厂上班 工资没发").sector).toBe("manufacturing");
  });

  it("takes the kind of works from '不晓得叫啥 就是修路的' at the site question, over a guessed 房建", () => {
    const worker = new Worker(env.app, "road");
    worker.says("在武汉蔡甸区中建三局的工地干活 欠我两万");
    expect(worker.last?.expecting).toBe("project");
    worker.says("不晓得叫啥 就是修路的");
    expect(worker.heard).toContain("记下了：工程类型 → 公路、桥梁、铁路");
    expect(draftOf(worker).projectKind).toBe("transport");
    const id = worker.presses("confirm").caseId!;
    expect(JSON.stringify(env.app.ledger.find(id)?.route)).toContain("transport");
  });
});
