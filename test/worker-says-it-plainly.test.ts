// Conversations where the worker says things their own way: corrections with the wrong value named,
// short messages after the complaint is logged, an ID sent on its own, a new complaint while an
// officer's question waits.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import { deliverWorkerNotices, makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const STORY = "我在新乡县万达广场工地干活，老板刘建国欠我们5个人3万块钱";

/** Answers the closed questions (sector, kind of project, ownership) with a building site until the summary. */
function answerClosedQuestions(worker: Worker): void {
  for (let i = 0; i < 4 && worker.last?.expecting !== "confirm"; i++) {
    const choice = worker.choiceIds.find((id) => /construction|housing|private/.test(id));
    if (!choice) throw new Error(`unexpected question ${worker.last?.expecting}: ${worker.heard}`);
    worker.presses(choice);
  }
  expect(worker.last?.expecting).toBe("confirm");
}

function atSummary(name: string, story = STORY): Worker {
  const worker = new Worker(env.app, name);
  worker.says(story);
  answerClosedQuestions(worker);
  return worker;
}

const BASE = "我们宿舍8个人在郑州金水区绿地中心工地干活，包工头王强不给钱，一共欠4万8";

/** A worker whose complaint (BASE) is logged, and its ID. */
function filedBase(name: string): { worker: Worker; id: string } {
  const worker = atSummary(name, BASE);
  return { worker, id: worker.presses("confirm").caseId as string };
}

describe("a correction that names the wrong value too", () => {
  it("keeps the new value, not the rejected one", () => {
    const worker = atSummary("c1");
    worker.says("不对，是在洛阳，不是新乡");
    expect(worker.heard).toContain("地点 → 洛阳市");
    worker.says("不对，是12个人，不是5个");
    expect(worker.heard).toContain("被欠人数 → 12 人");
  });

  it("tells the fact by the value rejected: 不是刘建国，是王军 / 不是万达广场，是碧桂园二期", () => {
    const worker = atSummary("c2");
    worker.says("不是刘建国，是王军");
    expect(worker.heard).toContain("欠钱的一方 → 王军");
    worker.says("不是万达广场，是碧桂园二期");
    expect(worker.heard).toContain("项目/工地 → 碧桂园二期");
  });

  it("takes a plain statement of who owes as a correction", () => {
    const worker = atSummary("c3");
    worker.says("老板是张三");
    expect(worker.heard).toContain("欠钱的一方 → 张三");
    worker.says("包工头叫王军");
    expect(worker.heard).toContain("欠钱的一方 → 王军");
    worker.says("是宏达劳务欠的");
    expect(worker.heard).toContain("欠钱的一方 → 宏达劳务");
  });

  it("corrects two facts in one message, and 'just me' as the headcount", () => {
    const worker = atSummary("c4");
    worker.says("不对，是3个人，一共1万5");
    expect(worker.heard).toContain("被欠人数 → 3 人");
    expect(worker.heard).toContain("欠款金额 → ¥15,000");
    worker.says("人不对，就我自己");
    expect(worker.heard).toContain("被欠人数 → 1 人");
  });

  it("reads 'at the site in 新乡县' as the place, and asks which fact when it cannot tell", () => {
    const worker = atSummary("c5");
    worker.says("不对，是在洛阳");
    worker.says("不对，是在新乡县的工地");
    expect(worker.heard).toContain("地点 → 新乡县");
    worker.says("应该是碧桂园");
    expect(worker.heard).toContain("要改哪一项");
    expect(worker.choiceIds).toContain("edit:project");
  });
});

describe("more of the story at the summary", () => {
  it("violence told late is answered with 110 at once; an injury told late changes the kind of problem", () => {
    const worker = atSummary("m1");
    worker.says("昨天去要钱，老板找人把我打了");
    expect(worker.heard).toContain("110");
    worker.says("其实主要是我从架子上摔下来了，老板不给医药费");
    expect(worker.heard).toContain("改按「工伤」登记");
  });
});

describe("during the questions", () => {
  it("does not take 'OK' for a project's name, and a lead named at the project question is who owes", () => {
    const worker = new Worker(env.app, "q1");
    worker.says("我在郑州金水区一个工地干活，包工头欠我两万");
    expect(worker.last?.expecting).toBe("project");
    worker.says("OK");
    expect(worker.last?.expecting).toBe("project");
    worker.says("项目经理姓孙");
    expect(worker.heard).toContain("欠钱的一方 → 孙经理");
    expect(worker.last?.expecting).toBe("project");
  });

  it("offers the workplace as the employer off a building site, and works a monthly rate over the months told", () => {
    const worker = new Worker(env.app, "q2");
    worker.says("在郑州富士康上班，欠我两个月工资");
    // 郑州 is a city: which district is asked, within 郑州 ("航空港区").
    expect(worker.heard).toContain("在郑州市哪个区或县");
    worker.says("航空港区");
    expect(worker.last?.expecting).toBe("employer");
    expect(worker.choiceIds).toContain("employer:workplace");
    worker.presses("employer:workplace");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("一个月4500");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("欠钱的一方：富士康");
    expect(worker.heard).toContain("郑州航空港经济综合实验区");
    expect(worker.heard).toContain("¥9,000");
  });

  it("does not take 'just me' for who owes, in English either", () => {
    const worker = new Worker(env.app, "q5");
    worker.says("My boss at a restaurant in Zhengzhou Jinshui district owes me 8000 yuan, 2 months wages");
    // Off a building site whom comes first: the restaurant is the employer.
    expect(worker.last?.expecting).toBe("employer");
    worker.says("just me");
    expect(worker.last?.expecting).toBe("employer");
    expect(worker.heard).toContain("Please write the name of the boss or company that owes you.");
    worker.says("Happy Noodle House");
    expect(worker.last?.expecting).toBe("confirm");
  });

  it("takes 'yes, submit' in words as the confirmation", () => {
    const worker = atSummary("q3");
    const result = worker.says("对的，提交吧");
    expect(result.caseId).not.toBeNull();
  });

  it("does not mention the boss when the project is not known and neither is the employer", () => {
    const worker = new Worker(env.app, "q4");
    worker.says("在郑州金水区工地上干活，欠我3万块钱工资");
    expect(worker.last?.expecting).toBe("project");
    worker.says("不知道");
    expect(worker.heard).toContain("根据地点去核实");
    expect(worker.heard).not.toContain("老板去核实");
  });
});

describe("short messages with no complaint open", () => {
  it("'I want to complain' and 'my fellow villager too' get asked for the story, not a form", () => {
    const worker = new Worker(env.app, "s1");
    worker.says("我要投诉");
    expect(worker.heard).toContain("请说说您的情况");
    expect(worker.last?.expecting).toBeNull();
    worker.says("我老乡也被欠了");
    expect(worker.heard).toContain("请说说您的情况");
    expect(worker.last?.expecting).toBeNull();
  });
});

describe("after the complaint is logged", () => {
  it("more people owed is passed on to the officer (phones masked), and the worker told they can file too", () => {
    const worker = atSummary("a1");
    const id = worker.presses("confirm").caseId as string;
    worker.says("还有5个人也没拿到钱，13812345678");
    expect(worker.heard).toContain("已转告办理投诉");
    expect(worker.heard).toContain("他们也可以自己来登记");
    expect(worker.last?.expecting).toBeNull();
    const added = env.app.ledger.events(id).filter((event) => event.type === "worker_added");
    expect(added).toHaveLength(1);
    const desk = env.app.store.sqlite.prepare("SELECT params FROM outbox WHERE message_key = 'desk.workerAdded'").all() as { params: string }[];
    expect(desk).toHaveLength(1);
    expect(JSON.parse(desk[0]!.params).text).toBe("还有5个人也没拿到钱，138****5678");
  });

  it("thanks and waiting words are thanks; 'still not paid' in many words is about the case", () => {
    const worker = atSummary("a2");
    const id = worker.presses("confirm").caseId as string;
    for (const text of ["好的，那我等着", "麻烦你们了", "好的谢谢🙏"]) {
      worker.says(text);
      expect(worker.heard).toContain(`不客气。投诉 ${formatCaseId(id)}`);
    }
    for (const text of ["钱还是没到", "只拿到一半", "还没给钱", "老板还是没给"]) {
      worker.says(text);
      expect(worker.heard).toContain("工作人员还在办理");
      expect(worker.last?.expecting).toBeNull();
    }
    for (const text of ["现在到哪一步了", "有人管吗", "怎么还没消息"]) {
      worker.says(text);
      expect(worker.heard).toContain(`投诉 ${formatCaseId(id)}`);
      expect(worker.heard).toContain("现在：");
    }
  });

  it("thanks on a resolved case say what to do if the money never came, not 'we'll tell you of progress'", () => {
    const worker = atSummary("a3");
    const id = worker.presses("confirm").caseId as string;
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note: "已全额支付" });
    worker.says("谢谢");
    expect(worker.heard).toContain("已结案");
    expect(worker.heard).toContain("还没收到钱");
    expect(worker.heard).not.toContain("有进展会告诉您");
  });

  it("a case ID on its own, or with 'how is it going', is a status query — in any case of letters", () => {
    const worker = atSummary("a4");
    const id = worker.presses("confirm").caseId as string;
    worker.says(formatCaseId(id));
    expect(worker.heard).toContain("现在：");
    worker.says(`${formatCaseId(id).toLowerCase()} 怎么样了`);
    expect(worker.heard).toContain("现在：");
    expect(worker.last?.locale).toBe("zh-CN");
  });

  it("wrong access codes tried the same day are one line of the history", () => {
    const worker = atSummary("a5");
    const id = worker.presses("confirm").caseId as string;
    const stranger = new Worker(env.app, "a5-stranger");
    for (let i = 0; i < 3; i++) stranger.says(`查询 ${formatCaseId(id)} 00000${i}`);
    worker.says(`查询 ${formatCaseId(id)}`);
    expect(worker.heard).toContain("（3 次）");
    expect(worker.heard.match(/错误的查询码/g)).toHaveLength(1);
  });
});

describe("an officer's question waiting when the worker writes about another employer", () => {
  it("takes the new complaint and keeps the question waiting behind its button", () => {
    const worker = atSummary("o1");
    const id = worker.presses("confirm").caseId as string;
    env.app.actions.askWorker({ caseId: id, question: "项目部在哪个门？", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("郑州金水区恒发电器厂欠我8000块工资没给");
    expect(worker.heard).toContain(`还在等您回答投诉 ${formatCaseId(id)}`);
    expect(worker.choiceIds).toContain(`answer:${id}`);
    expect(worker.last?.expecting).not.toBeNull();
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_replied")).toHaveLength(0);
  });

  it("still takes a plain answer as the answer", () => {
    const worker = atSummary("o2");
    const id = worker.presses("confirm").caseId as string;
    env.app.actions.askWorker({ caseId: id, question: "项目部在哪个门？", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("从东门进");
    expect(worker.heard).toContain("已转给负责投诉");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_replied")).toHaveLength(1);
  });
});

describe("news of the case after filing reaches the officer", () => {
  function filed(name: string): { worker: Worker; id: string } {
    const worker = atSummary(name);
    return { worker, id: worker.presses("confirm").caseId as string };
  }
  const addedTexts = (id: string) =>
    env.app.ledger
      .events(id)
      .filter((event) => event.type === "worker_added")
      .map((event) => (event.data as { text: string }).text);

  it("'the boss paid' and 'I want to withdraw' are passed on, not a new complaint", () => {
    const { worker, id } = filed("n1");
    worker.says("我想撤销投诉 老板给钱了");
    expect(worker.heard).toContain("已转告办理投诉");
    expect(worker.heard).toContain("核实后会结案");
    expect(worker.last?.expecting).toBeNull();
    worker.says("老板把钱结了");
    expect(worker.last?.expecting).toBeNull();
    expect(addedTexts(id)).toEqual(["我想撤销投诉 老板给钱了", "老板把钱结了"]);
    // Nothing is closed on the worker's word alone: the officer checks.
    expect(env.app.ledger.find(id)?.status).toBe("logged");
  });

  it("news of the boss and another victim on the same site go to the officer; another employer is a new complaint", () => {
    const { worker, id } = filed("n2");
    worker.says("老板今天又说下个月给");
    expect(worker.heard).toContain("已转告办理投诉");
    worker.says("我表哥也在这个工地 也欠他8000");
    expect(worker.heard).toContain("他们也可以自己来登记");
    expect(addedTexts(id)).toEqual(["老板今天又说下个月给", "我表哥也在这个工地 也欠他8000"]);
    worker.says("另外一个老板也欠我5000");
    expect(worker.last?.expecting).not.toBeNull();
  });

  it("part paid after resolution reopens the case and gives the officer the figures", () => {
    const { worker, id } = filed("n3");
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note: "已支付" });
    worker.says("老板只给了三千 还差两千");
    expect(worker.heard).toContain("重新办理");
    expect(env.app.ledger.find(id)?.status).toBe("reopened");
    expect(addedTexts(id)).toEqual(["老板只给了三千 还差两千"]);
  });

  it("the whole story again is a complaint (caught as a repeat), not news", () => {
    const { worker, id } = filed("n4");
    worker.says(STORY);
    expect(worker.last?.expecting).not.toBeNull();
    expect(addedTexts(id)).toEqual([]);
  });

  it("in English too: 'I still have not received the money', 'the boss only paid half'", () => {
    const { worker, id } = filed("n5");
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note: "已支付" });
    worker.says("I still have not received the money");
    expect(env.app.ledger.find(id)?.status).toBe("reopened");
  });
});

describe("'any progress?' while an officer's question waits", () => {
  it("is answered with the status, and the question still waits for its answer", () => {
    const worker = atSummary("w1");
    const id = worker.presses("confirm").caseId as string;
    env.app.actions.askWorker({ caseId: id, question: "有没有签劳动合同？", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("有进展吗");
    expect(worker.heard).toContain("现在：");
    expect(worker.heard).toContain("还在等您回答");
    expect(worker.choiceIds).toContain(`answer:${id}`);
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_replied")).toHaveLength(0);
    worker.says("没签合同 有个欠条是刘建国写的");
    expect(worker.heard).toContain("已转给负责投诉");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_replied")).toHaveLength(1);
  });
});

describe("a relative checking with the access code in a sentence", () => {
  it("is shown the case", () => {
    const worker = atSummary("r1");
    worker.presses("confirm");
    const id = worker.last?.caseId as string;
    const code = /查询码：(\d{6})/.exec(worker.heard)?.[1] as string;
    const wife = new Worker(env.app, "r1-wife");
    wife.says(`/status ${formatCaseId(id)}`);
    expect(wife.heard).toContain("查询码");
    wife.says(`查询码是${code}`);
    expect(wife.heard).toContain("现在：");
    const brother = new Worker(env.app, "r1-brother");
    brother.says(`帮我老公查一下投诉 ${id} 查询码${code}`);
    expect(brother.heard).toContain("现在：");
  });
});

describe("fear of the boss finding out", () => {
  it("is answered honestly, mid-complaint too, and nothing of it becomes a fact", () => {
    const worker = new Worker(env.app, "f1");
    worker.says("我在郑州金水区一个工地干活，包工头孙德胜欠我两万");
    expect(worker.last?.expecting).toBe("project");
    worker.says("算了 不投诉了 怕老板知道");
    expect(worker.heard).toContain("不会告诉老板");
    expect(worker.heard).toContain("/cancel");
    expect(worker.last?.expecting).toBe("project");
    worker.says("你们会告诉老板是我投诉的吗");
    expect(worker.heard).toContain("不会告诉老板");
    expect(worker.heard).not.toContain("已改好");
  });
});

describe("names as workers type them", () => {
  it("keeps only the name: no phone, no aside, no greeting, no sentence", () => {
    const worker = new Worker(env.app, "nm1");
    worker.says("我在杭州西湖区一家饭店当厨师 我们后厨8个人 老板欠了三个月工资");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("hello");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("俺也不知道具体多少人 反正好几百");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("老板叫陈刚 电话13812345678");
    expect(worker.heard).toContain("欠钱的一方 → 陈刚");
    expect(worker.heard).not.toContain("13812345678");
    worker.says("一个人大概七千 总共五万多吧");
    expect(worker.heard).toContain("¥50,000");
    expect(worker.heard).not.toContain("1 人");
  });
});

describe("more corrections in plain words", () => {
  it("'是7个人不是8个', '一共欠15万不是16万', and an aside after the value", () => {
    const worker = new Worker(env.app, "mc1");
    worker.says("我在新乡县万达广场工地干活，老板刘建国欠我们8个人16万");
    answerClosedQuestions(worker);
    worker.says("是7个人不是8个");
    expect(worker.heard).toContain("被欠人数 → 7 人");
    worker.says("不对 一共欠15万不是16万");
    expect(worker.heard).toContain("欠款金额 → ¥150,000");
    worker.says("不对 是六个人 我记错了");
    expect(worker.heard).toContain("被欠人数 → 6 人");
  });

  it("in English: 'no, it is 16000', 'not 15000, 17000', 'there were 3 of us', 'the boss is Mr Li not Mr Zhang', 'wrong amount 18000'", () => {
    const worker = new Worker(env.app, "mc2");
    worker.says("My boss Mr Zhang at a site in Xinxiang Hongqi district owes 8 of us 160000 yuan");
    const steps: Array<[string, string]> = [
      ["no, it is 16000", "Amount owed → ¥16,000"],
      ["not 15000, 17000", "Amount owed → ¥17,000"],
      ["there were 3 of us", "People owed → 3 people"],
      ["the boss is Mr Li not Mr Zhang", "Who owes → Mr Li"],
      ["wrong amount 18000", "Amount owed → ¥18,000"],
    ];
    for (const [said, heard] of steps) {
      worker.says(said);
      expect(worker.heard).toContain(heard);
    }
  });

  it("a hedged headcount answer is read: '差不多三十个'", () => {
    const worker = new Worker(env.app, "mc3");
    worker.says("在郑州金水区万达广场工地干活，老板刘建国欠我们工资3万");
    while (worker.last?.expecting !== "headcount") {
      const choice = worker.choiceIds.find((id) => /construction|housing|private/.test(id));
      if (!choice) throw new Error(`unexpected ${worker.last?.expecting}: ${worker.heard}`);
      worker.presses(choice);
    }
    worker.says("差不多三十个");
    expect(worker.last?.expecting).not.toBe("headcount");
  });
});

describe("the place question answered another way", () => {
  it("an ambiguous district is settled by naming the city", () => {
    const worker = new Worker(env.app, "p1");
    worker.says("老板欠我工资两万");
    worker.says("朝阳区");
    expect(worker.choiceIds).toContain("place:110105");
    worker.says("北京");
    expect(worker.last?.expecting).toBe("project");
    worker.says("万达");
    worker.says("张三");
    worker.presses("sector:services");
    expect(worker.heard).toContain("北京市朝阳区");
  });

  it("an amount given at the place question is kept, and the place asked again", () => {
    const worker = new Worker(env.app, "p2");
    worker.says("老板欠我工资");
    worker.says("欠了俺三万二");
    expect(worker.heard).toContain("欠款金额 → ¥32,000");
    expect(worker.last?.expecting).toBe("place");
  });

  it("the hometown is not the workplace", () => {
    const worker = new Worker(env.app, "p3");
    worker.says("俺老家是周口的 在郑州金水区工地干活 老板欠俺两万");
    worker.says("万达广场");
    worker.says("张三");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("郑州市金水区");
    expect(worker.heard).not.toContain("周口");
  });
});

describe("small things a worker does", () => {
  it("a thumbs-up at the summary confirms", () => {
    const worker = atSummary("t1");
    const result = worker.says("👍");
    expect(result.caseId).not.toBeNull();
  });

  it("'hi' from someone writing Chinese keeps Chinese", () => {
    const worker = atSummary("t2");
    worker.says("hi");
    expect(worker.last?.locale).toBe("zh-CN");
  });

  it("the worker's own ID with one wrong character is told it is mistyped", () => {
    const worker = atSummary("t3");
    const id = worker.presses("confirm").caseId as string;
    const typo = id.slice(0, 4) + (id[4] === "2" ? "3" : "2") + id.slice(5);
    worker.says(typo);
    expect(worker.heard).toMatch(/输错|写错|核对/);
  });

  it("a transferred case says who handles it now", () => {
    const worker = atSummary("t4");
    const id = worker.presses("confirm").caseId as string;
    env.app.actions.setStatus({ caseId: id, status: "transferred", by: "张三", channel: "cli", moveToJurisdiction: "410711" });
    worker.says(`查询 ${formatCaseId(id)}`);
    expect(worker.heard).toContain("办理单位：河南省新乡市牧野区");
  });

  it("a worker whose story was read as 'not labour' can say it is unpaid wages", () => {
    const worker = new Worker(env.app, "t5");
    worker.says("我在淘宝上买了一台洗衣机，商家收了钱不发货，也不给退款，客服一直不回");
    expect(worker.heard).toContain("不是劳动问题");
    expect(worker.choiceIds).toContain("recat:wage_arrears");
    worker.presses("recat:wage_arrears");
    expect(worker.heard).toContain("改按「拖欠工资」登记");
    expect(worker.last?.expecting).toBe("place");
    // It stays arrears through the answers, and is logged so, for an officer to check.
    worker.says("新乡红旗区");
    worker.says("不知道");
    worker.says("不知道");
    worker.says("5000");
    worker.says("就我一个");
    worker.presses("sector:services");
    const id = worker.presses("confirm").caseId as string;
    expect(env.app.ledger.find(id)).toMatchObject({ category: "wage_arrears", isArrears: true });
  });
});

describe("an officer's question not yet seen by the worker", () => {
  it("is not answered by a message sent before it arrived; the next one answers it", () => {
    const worker = atSummary("u1");
    const id = worker.presses("confirm").caseId as string;
    env.app.actions.askWorker({ caseId: id, question: "有没有签劳动合同？", by: "张三", channel: "cli" });
    // Written before the question reached the phone: about the case, not the answer.
    worker.says("老板今天又说下个月给");
    expect(worker.heard).not.toContain("已转给负责投诉");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_replied")).toHaveLength(0);
    deliverWorkerNotices(env.app);
    worker.says("没签合同");
    expect(worker.heard).toContain("已转给负责投诉");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_replied")).toHaveLength(1);
  });
});

describe("despair and talk of extreme action (防止极端事件)", () => {
  it("is answered with care and the 12356 / 110 lines at once, and the case is escalated to the city", () => {
    const worker = new Worker(env.app, "x1");
    worker.says("在新乡红旗区碧桂园工地，包工头刘建国欠我们5个人3万，再不给我们就去跳楼");
    expect(worker.heard).toContain("您的安全最重要");
    expect(worker.heard).toContain("12356");
    answerClosedQuestions(worker);
    const id = worker.presses("confirm").caseId as string;
    const row = env.app.ledger.find(id);
    expect(row?.major).toBe(true);
    expect(JSON.stringify(row?.reasons)).toContain("extremeRisk");
  });

  it("after filing, reaches the officer at once", () => {
    const worker = atSummary("x2");
    const id = worker.presses("confirm").caseId as string;
    worker.says("我快活不下去了");
    expect(worker.heard).toContain("12356");
    expect(worker.heard).toContain("已马上转告");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_at_risk")).toHaveLength(1);
    // The desk gets an alert, not a plain note, and the case becomes major.
    const alert = env.app.store.sqlite.prepare("SELECT params FROM outbox WHERE message_key = 'desk.workerAtRisk'").all();
    expect(alert).toHaveLength(1);
    expect(env.app.ledger.find(id)?.major).toBe(true);
    // A major case's deadlines from now: facts the same day, progress the next working day (防止极端事件).
    const open = env.app.actions.deadlines.openFor(id).map((d) => d.kind);
    expect(open).toEqual(expect.arrayContaining(["major_facts", "major_progress"]));
    expect(env.app.ledger.find(id)!.dueAt).toBe(Math.min(...env.app.actions.deadlines.openFor(id).map((d) => d.dueAt)));
  });
});

describe("second review: what a worker says after and during filing", () => {

  it("'我不知道' is don't know, and the headcount stays as it was", () => {
    const worker = new Worker(env.app, "s2a");
    worker.says("我们宿舍8个人在郑州金水区绿地中心工地干活，包工头王强不给钱");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("我不知道");
    expect(worker.heard).not.toContain("被欠人数 → 1 人");
    expect(worker.heard).toContain("一个月多少钱");
    worker.says("4万8");
    expect(worker.heard).toContain("被欠人数：8 人");
  });

  it("self-harm said mid-filing is kept in the story: the case is logged major", () => {
    const worker = new Worker(env.app, "s2b");
    worker.says("包工头李四欠我8000工资");
    expect(worker.last?.expecting).toBe("place");
    worker.says("再不给钱我就跳楼");
    expect(worker.heard).toContain("12356");
    worker.says("郑州金水区");
    worker.says("绿地中心");
    answerClosedQuestions(worker);
    const id = worker.presses("confirm").caseId as string;
    expect(env.app.ledger.find(id)?.major).toBe(true);
    expect(worker.heard).toContain("已报市里督办");
    expect(worker.heard).not.toContain("涉及人数多或金额大");
  });

  it.each(["我想死", "不活了", "I want to die", "再不给我就拿刀捅了他"])("'%s' with no case gets the safety answer", (text) => {
    const worker = new Worker(env.app, `s2c-${text}`);
    worker.says(text);
    expect(worker.heard).toContain("12356");
  });

  it.each(["老板会不会知道", "怕被开除", "投诉了老板会找我麻烦吗", "will my boss know"])("'%s' gets the privacy answer", (text) => {
    const worker = new Worker(env.app, `s2d-${text}`);
    worker.says(text);
    expect(worker.heard).toMatch(/不会告诉老板|do not tell the employer/);
  });

  it("an IOU or a promise is news, not 'paid'; a part payment on a resolved case reopens it", () => {
    const { worker, id } = filedBase("s2e");
    for (const text of ["老板给了个欠条", "老板发了个微信说下个月给", "老板说钱已经给了包工头了"]) {
      worker.says(text);
      expect(worker.heard).not.toContain("核实后会结案");
    }
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note: "已支付" });
    worker.says("才给了两万，还有两万八没给");
    expect(env.app.ledger.find(id)?.status).toBe("reopened");
  });

  it.each([
    "我之前在富士康也被欠了3000",
    "还有个饭店老板欠我两千",
    "在东莞，老板姓陈，欠我5000",
    "我老婆在厂里上班，厂里欠她3个月工资",
    "上个月在东莞电子厂干的工资也没给",
  ])("'%s' after filing is a new complaint, not news of the old one", (text) => {
    const { worker, id } = filedBase(`s2f-${text}`);
    worker.says(text);
    expect(worker.last?.expecting).not.toBeNull();
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(0);
  });

  it("new arrears after the case was closed are a new complaint; while it is open, news of it", () => {
    const { worker, id } = filedBase("s2f2");
    worker.says("老板又欠我们这个月的工资了");
    expect(worker.heard).toContain("已转告");
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note: "已支付" });
    worker.says("老板又欠我们这个月的工资了");
    expect(worker.last?.expecting).not.toBeNull();
  });

  it.each([
    "之前说的那个刘建国今天又打电话说下个月给",
    "另外，刘建国的电话是13912345678",
    "我们去年就找过项目部，没用",
    "另外，人数说错了，是13个人",
    "又拖了一个月了，还是没给",
  ])("'%s' about the same case is passed on, not a new complaint", (text) => {
    const { worker, id } = filedBase(`s2n-${text}`);
    worker.says(text);
    expect(worker.last?.expecting).toBeNull();
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(1);
  });

  it("more workers on the same site reach the officer", () => {
    const { worker, id } = filedBase("s2o");
    worker.says("还有两个老乡也在这个工地干，也没拿到钱");
    expect(worker.heard).toContain("已转告");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(1);
  });

  it("violence after filing gets 110 and alerts the officer", () => {
    const { worker, id } = filedBase("s2p");
    worker.says("刘建国今天找人把我打了");
    expect(worker.heard).toContain("110");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_at_risk")).toHaveLength(1);
  });

  it("greetings and news of the boss keep to the case", () => {
    const { worker, id } = filedBase("s2g");
    worker.says("在吗");
    expect(worker.heard).toContain(formatCaseId(id));
    worker.says("老板换了手机号");
    expect(worker.heard).toContain("已转告");
    worker.says("别的没事了，谢谢");
    expect(worker.heard).toContain("不客气");
  });

  it.each([
    ["需要什么材料", "欠条"],
    ["我需要请律师吗", "12348"],
    ["要不要去劳动局", "不用先跑"],
    ["你们是真的政府吗", "12333"],
  ])("'%s' is answered (%s), mid-filing too", (question, answer) => {
    const worker = new Worker(env.app, `s2h-${question}`);
    worker.says("包工头李四欠我8000工资");
    worker.says(question);
    expect(worker.heard).toContain(answer);
    expect(worker.last?.expecting).toBe("place");
  });

  it("'好的' answers an officer's question", () => {
    const { worker, id } = filedBase("s2i");
    env.app.actions.askWorker({ caseId: id, question: "明天上午9点能来一趟吗？", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("好的");
    expect(worker.heard).toContain("已转给负责投诉");
  });

  it("within a known city, far-away namesakes are no answer, and a short zone name is read", () => {
    const worker = new Worker(env.app, "s2j");
    worker.says("在郑州打工，老板欠我工资3000");
    expect(worker.last?.expecting).toBe("place");
    worker.says("城东");
    expect(worker.heard).toContain("没找到这个区县");
    worker.says("航空港");
    expect(worker.last?.expecting).not.toBe("place");
  });

  it("a bare '7个人' at the summary, a company named after 叫, and an English place correction", () => {
    const { worker } = { worker: new Worker(env.app, "s2k") };
    worker.says(BASE);
    answerClosedQuestions(worker);
    worker.says("7个人");
    expect(worker.heard).toContain("被欠人数 → 7 人");
    worker.says("不是包工头欠的，是公司欠的，叫恒大建设");
    expect(worker.heard).toContain("欠钱的一方 → 恒大建设");
    const english = new Worker(env.app, "s2k-en");
    english.says("My boss Mr Zhang at a site in Xinxiang Hongqi district owes 8 of us 160000 yuan");
    english.says("it was in Luoyang not Xinxiang");
    expect(english.heard).toContain("Place → 洛阳市");
  });

  it("a relative: '密码' is the access code; after the lookup, 'any progress?' and thanks are about that case", () => {
    const { worker, id } = filedBase("s2l");
    const code = /查询码：(\d{6})/.exec(worker.heard)?.[1] as string;
    const wife = new Worker(env.app, "s2l-wife");
    wife.says(`我老公的投诉 ${formatCaseId(id)} 密码${code}`);
    expect(wife.heard).toContain("现在：");
    wife.says("有进展吗");
    expect(wife.heard).toContain("现在：");
    wife.says("谢谢");
    expect(wife.heard).toContain(formatCaseId(id));
  });

  it("👍 after filing is thanks", () => {
    const { worker } = filedBase("s2m");
    worker.says("👍");
    expect(worker.heard).toContain("不客气");
  });
});

describe("a short story that also asks", () => {
  it("is answered and still read as a complaint", () => {
    const worker = new Worker(env.app, "sa1");
    worker.says("老板欠我3万，怕老板知道");
    expect(worker.heard).toContain("不会告诉老板");
    expect(worker.last?.expecting).toBe("place");
    const other = new Worker(env.app, "sa2");
    other.says("老板欠我3万，我想起诉他，在郑州金水区");
    expect(other.last?.expecting).toBe("project");
  });

  it("'气炸了' is anger, not extreme action", () => {
    const worker = new Worker(env.app, "sa3");
    worker.says("老板欠我3万不给，我气炸了");
    expect(worker.heard).not.toContain("12356");
  });
});

describe("third review: innocent words are not alarms", () => {
  it.each([
    "我是塔吊司机，每天上塔吊开车，建筑公司欠我四个月工资三万二，在洛阳涧西区",
    "没电梯天天爬楼搬砖，老板欠我两万，在郑州金水区",
    "老板说公司资金撑不住了，工资先欠着，欠我8000",
    "天天累死了还不给钱，欠我5000",
  ])("'%s' gets no safety message", (text) => {
    const worker = new Worker(env.app, `i-${text}`);
    worker.says(text);
    expect(worker.heard).not.toContain("12356");
    expect(worker.heard).not.toContain("110");
  });

  it.each(["我们打工人太难了，老板欠工资", "被安排去打桩，工资没给", "老板打我电话说下个月给工资", "被老板打发回家了，工资没结"])(
    "'%s' is no violence",
    (text) => {
      const worker = new Worker(env.app, `v-${text}`);
      worker.says(text);
      expect(worker.heard).not.toContain("110");
    },
  );

  it("a cleaner at a law firm files; a law firm can be the employer", () => {
    const worker = new Worker(env.app, "lf1");
    worker.says("我在律师事务所做保洁，三个月没拿到钱");
    expect(worker.heard).not.toContain("12348");
    expect(worker.last?.expecting).not.toBeNull();
    const other = new Worker(env.app, "lf2");
    other.says("在郑州金水区干保洁，老板欠我3000工资");
    while (other.last?.expecting !== "employer" && other.last?.expecting !== "confirm") {
      if (other.last?.expecting === "project") other.says("金水大厦");
      else other.presses(other.choiceIds.find((id) => /services/.test(id)) as string);
    }
    other.says("金诚律师事务所");
    expect(other.last?.expecting).not.toBe("employer");
  });

  it("a company worker's wages held for the project money are arrears, and English 'haven't paid me' too", () => {
    const worker = new Worker(env.app, "cw1");
    worker.says("我们公司老板说甲方工程款还没给，已经拖了我们三个月工资了，十几个人，每人一万多");
    expect(worker.heard).not.toContain("工程款纠纷");
    const en = new Worker(env.app, "cw2");
    en.says("I work as a cleaner at a law firm in Shanghai Jing'an, they haven't paid me for 2 months, 9000 yuan");
    expect(en.heard).not.toContain("not a labour matter");
  });
});

describe("a factory that owes", () => {
  it("is where the work was: the workplace is not asked again", () => {
    const worker = new Worker(env.app, "fac1");
    worker.says("宁波慈溪恒发电器厂欠我8000块工资");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("工厂：恒发电器厂");
  });
});

describe("final review: the last gaps", () => {
  const resolve = (id: string) => {
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note: "已全部支付" });
  };

  it("'我要讨工钱' is arrears, and its amount and people are asked", () => {
    const worker = new Worker(env.app, "f1");
    worker.says("我要讨工钱");
    worker.says("信阳平桥区");
    expect(worker.last?.expecting).not.toBe("confirm");
    expect(worker.heard).not.toContain("劳动争议");
  });

  it.each(["就拿了两千", "没有全部支付啊，还差两万", "not received yet", "老板把钱结了，但是只给了我们一半"])(
    "'%s' after resolution reopens the case",
    (text) => {
      const { worker, id } = filedBase(`f2-${text}`);
      resolve(id);
      worker.says(text);
      expect(env.app.ledger.find(id)?.status).toBe("reopened");
    },
  );

  it("'还没收到钱' reopens the resolved case even when another case is the latest", () => {
    const { worker, id } = filedBase("f3");
    resolve(id);
    worker.says("宁波慈溪恒发电器厂欠我8000块工资");
    worker.presses("confirm");
    worker.says("还没收到钱");
    expect(env.app.ledger.find(id)?.status).toBe("reopened");
  });

  it("who or where, with nothing owed, is news of the case", () => {
    const { worker, id } = filedBase("f4");
    worker.says("派遣公司是人力通，不是什么派遣公司");
    worker.says("为啥转到中原区了？厂子就在航空港");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(2);
  });

  it("a second short line after answering an officer's question is passed on too", () => {
    const { worker, id } = filedBase("f5");
    env.app.actions.askWorker({ caseId: id, question: "你在工地干了多久？有没有欠条？", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("干了半年");
    worker.says("有欠条");
    expect(worker.heard).toContain("已转告");
  });

  it("an objection to a referral reaches the officer", () => {
    const worker = new Worker(env.app, "f6");
    worker.says("公司不给我算加班费，在郑州金水区宏达物流公司上班");
    while (worker.last?.expecting !== "confirm") worker.says("宏达物流");
    const id = worker.presses("confirm").caseId as string;
    expect(env.app.ledger.find(id)?.status).toBe("referred");
    worker.says("不不是加班费，是基本工资没发");
    expect(worker.heard).toContain("再看一下");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(1);
  });

  it("a withheld ID after filing alerts the officer without being called self-harm or making the case major", () => {
    const { worker, id } = filedBase("f7");
    worker.says("雇主还扣着我的身份证不还给我");
    expect(worker.heard).toContain("110");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_at_risk")).toHaveLength(1);
    expect(env.app.ledger.find(id)?.major).toBe(false);
  });

  it("phones in the worker's words are masked in the case's events", async () => {
    const { loadCaseView } = await import("../src/cases/case-view.js");
    const { worker, id } = filedBase("f8");
    worker.says("包工头李大军的电话是13812345678");
    const view = loadCaseView(env.app.ledger, id);
    expect(JSON.stringify(view?.events)).toContain("138****5678");
    expect(JSON.stringify(view?.events)).not.toContain("13812345678");
  });

  it("names come from after 叫, and refusals are no names", () => {
    const worker = new Worker(env.app, "f9");
    worker.says("在郑州金水区工地干活，欠我3万块钱工资");
    worker.says("I don't know the name");
    expect(worker.last?.expecting).not.toBe("project");
    const other = new Worker(env.app, "f9b");
    other.says("在郑州金水区一家厂里上班，老板欠我3万块钱工资");
    other.says("一家电子厂，叫鑫达电子");
    expect(other.heard).toContain("欠钱的一方：鑫达电子");
    expect(other.heard).not.toContain("一家电子厂，叫");
    const third = new Worker(env.app, "f9c");
    third.says("我在郑州金水区绿地中心工地干活，欠我3万块钱工资");
    expect(third.last?.expecting).toBe("employer");
    third.says("我刚才说了，他叫黄海");
    expect(third.heard).toContain("欠钱的一方");
    expect(third.last?.expecting).not.toBe("employer");
  });

  it("'是2个人', '厂名叫鑫达电子厂', '派遣公司叫人力通', '包工头老王' at the summary", () => {
    const { worker } = { worker: new Worker(env.app, "f10") };
    worker.says(BASE);
    answerClosedQuestions(worker);
    worker.says("是2个人");
    expect(worker.heard).toContain("被欠人数 → 2 人");
    worker.says("厂名叫鑫达电子厂");
    expect(worker.heard).toContain("项目/工地 → 鑫达电子厂");
    worker.says("派遣公司叫人力通");
    expect(worker.heard).toContain("欠钱的一方 → 人力通");
    worker.says("包工头老王");
    expect(worker.heard).toContain("欠钱的一方 → 老王");
  });

  it("'要不要先交钱' is answered: it is free", () => {
    const worker = new Worker(env.app, "f11");
    worker.says("要不要先交钱");
    expect(worker.heard).toContain("不收任何费用");
  });
});

describe("a group protest in the making (防止群体性事件)", () => {
  it("after filing, alerts the officer; in a first message, is the officer's first reason", () => {
    const worker = new Worker(env.app, "gp1");
    worker.says("我们宿舍8个人在郑州金水区绿地中心工地干活，包工头王强不给钱，一共欠4万8");
    answerClosedQuestions(worker);
    const id = worker.presses("confirm").caseId as string;
    worker.says("再不给钱我们几个就去物业堵门拉横幅");
    expect(worker.heard).toContain("已马上转告");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_at_risk")).toHaveLength(1);
    const story = "我们20个人在郑州金水区绿地中心工地干活，包工头王强欠我们工资50万，明天我们就去政府门口拉横幅";
    const reasons = env.app.reader.classify(story, env.app.reader.read(story)).reasons.map((r) => r.key);
    expect(reasons[0]).toBe("triage:reason.groupProtest");
  });
});

describe("a language asked for in words", () => {
  it("switches like /lang and is not passed on as news", () => {
    const worker = atSummary("lg1");
    const id = worker.presses("confirm").caseId as string;
    worker.says("can we speak English please");
    expect(worker.last?.locale).toBe("en");
    worker.says("我英文不太好，还是说中文吧");
    expect(worker.last?.locale).toBe("zh-CN");
    expect(worker.heard).toContain("我们说中文");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(0);
  });
});

describe("bad input after filing", () => {
  it("SQL-looking text is not passed on to the officer as news", () => {
    const { worker, id } = filedBase("bad1");
    worker.says("'; DROP TABLE cases;--");
    expect(worker.heard).not.toContain("已转告");
    expect(env.app.ledger.events(id).filter((event) => event.type === "worker_added")).toHaveLength(0);
  });
});

describe("a fact told for the first time while another is asked", () => {
  it("is 记下了, not 已改好 (nothing was changed)", () => {
    const worker = new Worker(env.app, "first-time");
    worker.says("我在工地干活，老板不给工资");
    expect(worker.last?.expecting).toBe("place");
    worker.says("欠了俺三万二");
    expect(worker.heard).toContain("记下了：欠款金额 → ¥32,000");
    expect(worker.heard).not.toContain("已改好");
    expect(worker.last?.expecting).toBe("place");
  });
});

describe("corrections a reviewer made at the summary", () => {
  it("two facts each with its word ('不对，钱是9000，老板是王军'): both changed", () => {
    const worker = atSummary("two-words");
    worker.says("不对，钱是9000，老板是王军");
    expect(worker.heard).toContain("欠款金额 → ¥9,000");
    expect(worker.heard).toContain("欠钱的一方 → 王军");
    expect(worker.last?.expecting).toBe("confirm");
  });

  it("'钱是9000' alone changes the amount", () => {
    const worker = atSummary("one-word");
    worker.says("钱是9000");
    expect(worker.heard).toContain("欠款金额 → ¥9,000");
    expect(worker.last?.expecting).toBe("confirm");
  });

  it("a value that does not read is said once and asked once", () => {
    const worker = atSummary("unreadable");
    worker.says("金额不对，是很多");
    expect(worker.heard.match(/一共欠多少钱/g)).toHaveLength(1);
    expect(worker.last?.expecting).toBe("amount");
  });
});

describe("a case ID made of letters only (about one in sixteen)", () => {
  it("is still read as an ID in a relative's sentence, and a word that fails the check is not", async () => {
    const { newCaseId } = await import("../src/cases/case-id.js");
    const { parseCommand } = await import("../src/dialogs/commands.js");
    let id = newCaseId();
    while (!/^[A-Z]+$/.test(id)) id = newCaseId();
    expect(parseCommand(`帮我老公查一下投诉 ${id} 查询码123456`)).toEqual({ name: "status", caseId: id, accessCode: "123456" });
    expect(parseCommand(id)).toMatchObject({ name: "status", caseId: id });
    // The same letters with the check character changed: not taken for an ID.
    const other = id.slice(0, 8) + (id[8] === "A" ? "B" : "A");
    expect(parseCommand(`${other}`)).toBeNull();
  });
});

describe("things said while a question waits", () => {
  it("'我电话139…' at the place question is the phone, and the place is asked again", () => {
    const worker = new Worker(env.app, "wait-phone");
    worker.says("我在工地干活，老板不给工资");
    expect(worker.last?.expecting).toBe("place");
    worker.says("我电话13911112222");
    expect(worker.heard).toContain("记下了：电话 → 13911112222");
    expect(worker.heard).not.toContain("没找到");
    expect(worker.last?.expecting).toBe("place");
  });

  it("'再不给就去跳楼' at the place question gets care and the question again, not '没找到这个地方'", () => {
    const worker = new Worker(env.app, "wait-extreme");
    worker.says("我在工地干活，老板不给工资");
    worker.says("再不给就去跳楼");
    expect(worker.heard).toContain("12356");
    expect(worker.heard).not.toContain("没找到");
    expect(worker.last?.expecting).toBe("place");
  });

  it("a whole new story at a summary left waiting is told how to start afresh", () => {
    const worker = atSummary("pending");
    worker.says("我在郑州金水区绿地中心工地干活，包工头王强欠我3000");
    expect(worker.heard).toContain("/new");
    expect(worker.last?.expecting).toBe("confirm");
  });
});

describe("what the regression sweep found while a question waits", () => {
  it("'老板打我' at a name question: 110 and the question again, never a name", () => {
    const worker = new Worker(env.app, "sweep-violence");
    worker.says("我在新乡市红旗区干木工，欠我5000");
    const asked = worker.last?.expecting;
    worker.says("老板打我");
    expect(worker.heard).toContain("110");
    expect(worker.heard).not.toContain("已改好");
    expect(worker.last?.expecting).toBe(asked);
    worker.says("他把我身份证扣了");
    expect(worker.heard).toContain("110");
    expect(worker.last?.expecting).toBe(asked);
  });

  it("despair as the 'answer' to an officer's question alerts the desk, makes the case major, and the question waits", () => {
    const { worker, id } = filedBase("sweep-despair");
    env.app.actions.askWorker({ caseId: id, question: "工地在哪条路？", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    worker.says("活不下去了");
    expect(worker.heard).toContain("12356");
    expect(worker.choiceIds).toContain(`answer:${id}`);
    expect(env.app.ledger.find(id)?.major).toBe(true);
    expect(env.app.ledger.find(id)?.status).toBe("awaiting_worker");
    worker.says("人民路");
    expect(worker.heard).toContain("回答已转给");
    // Back where the question found it: the worker's answer is no officer's acceptance.
    expect(env.app.ledger.find(id)?.status).toBe("logged");
  });

  it("another complaint told while this one is written does not overwrite its facts", () => {
    const worker = new Worker(env.app, "sweep-another");
    worker.says("我在新乡市卫滨区宏达建筑工地干活，欠我们5个人5万");
    const asked = worker.last?.expecting;
    worker.says("另外我在郑州市金水区富士康上班，厂里也欠我8000");
    expect(worker.heard).toContain("/new");
    expect(worker.heard).not.toContain("已改好");
    expect(worker.last?.expecting).toBe(asked);
  });

  it("thanks or a refusal at a name question is no name", () => {
    const worker = new Worker(env.app, "sweep-thanks");
    worker.says("我在郑州金水区一个工地干活，包工头孙德胜欠我两万");
    expect(worker.last?.expecting).toBe("project");
    worker.says("谢谢你们");
    expect(worker.heard).toContain("不客气");
    expect(worker.last?.expecting).toBe("project");
    worker.says("不方便说");
    expect(worker.heard).not.toContain("已改好");
    expect(worker.last?.expecting).toBe("project");
  });

  it("'不用了' after a phone was given is thanks, not a withdrawal", () => {
    const { worker, id } = filedBase("sweep-nothanks");
    worker.says("13812345678");
    worker.says("不用了");
    expect(worker.heard).not.toContain("结案");
    expect(env.app.ledger.find(id)?.status).toBe("logged");
  });
});

describe("a clause with its fact's word beside a bare value", () => {
  it("'人数不对，4个人，钱是2万' changes both", () => {
    const worker = atSummary("bare-beside");
    worker.says("人数不对，4个人，钱是2万");
    expect(worker.heard).toContain("被欠人数 → 4 人");
    expect(worker.heard).toContain("欠款金额 → ¥20,000");
  });
});

describe("an English status question with the case ID", () => {
  it("is a status query, not news (English words shaped like an ID are passed over)", async () => {
    const { parseCommand } = await import("../src/dialogs/commands.js");
    const { newCaseId, formatCaseId } = await import("../src/cases/case-id.js");
    const id = newCaseId();
    expect(parseCommand(`what is the status of ${formatCaseId(id)}`)).toMatchObject({ name: "status", caseId: formatCaseId(id) });
    expect(parseCommand(`what about case ${id}`)).toMatchObject({ name: "status", caseId: id });
  });
});

describe("\"don't know\" in the worker's own words", () => {
  it("a site with no name is not known: the bot goes on, and says what follows from knowing neither", () => {
    const worker = new Worker(env.app, "n1");
    worker.says("老板欠我工资八千，在新乡红旗区的工地干活");
    expect(worker.last?.expecting).toBe("project");
    worker.says("没有名字，就是一个私人老板盖的楼");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("不知道");
    // Neither the project nor the employer is known: the place and the story are what is left.
    expect(worker.heard).toContain("工作人员会根据地点和您说的情况去找");
    expect(worker.heard).not.toContain("根据项目");
  });

  it("an English writer who answers 不知道 is still answered in English", () => {
    const worker = new Worker(env.app, "n2");
    worker.says("My boss owes me 8000 yuan, I worked at a construction site in Xinxiang Hongqi district");
    expect(worker.last?.expecting).toBe("project");
    worker.says("不知道");
    expect(worker.heard).toContain("That's fine.");
    expect(worker.heard).toContain("Who owes you the wages?");
  });
});

describe("\"no wages are owed\" said in the middle of an arrears complaint", () => {
  it("with the matter named, the complaint becomes that matter, is logged and referred (never stuck on the amount)", () => {
    const worker = new Worker(env.app, "d1");
    worker.says("老板欠我钱，在临沂兰山区的物流园开叉车");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("没有欠钱，是没交社保");
    expect(worker.heard).toContain("改按「社保问题」登记");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("顺通物流");
    expect(worker.last?.expecting).toBe("confirm");
    const caseId = worker.presses("confirm").caseId as string;
    const row = env.app.ledger.find(caseId)!;
    expect(row).toMatchObject({ category: "social_insurance", isArrears: false });
    expect(worker.heard).toContain("12333");
  });

  it("at the summary too, and \"其实是欠工资\" afterwards still makes it arrears", () => {
    const worker = atSummary("d2");
    worker.says("不是欠工资，是被辞退了没给补偿");
    expect(worker.heard).toContain("改按「劳动争议」登记");
    expect(worker.last?.expecting).toBe("confirm");
    const recat = worker.choiceIds.find((id) => id.startsWith("recat"));
    expect(recat).toBeDefined();
    worker.presses(recat!);
    expect(worker.heard).toContain("改按「拖欠工资」登记");
  });

  it("with nothing more, the worker hears how to start again; the question stays open", () => {
    const worker = new Worker(env.app, "d3");
    worker.says("老板欠我钱，在临沂兰山区的物流园开叉车");
    worker.says("没有欠钱");
    expect(worker.heard).toContain("/cancel");
    expect(worker.last?.expecting).toBe("employer");
  });
});

describe("a workplace that is not a building site", () => {
  it("a restaurant or a household named as the employer is not asked again as a project", () => {
    const cook = new Worker(env.app, "w1");
    cook.says("老板娘说下个月给下个月给 都拖三个月了 一个月4500 我在郑州二七区的一家火锅店 叫蜀九香");
    expect(cook.last?.expecting).toBe("confirm");
    expect(cook.heard).toContain("欠钱的一方：蜀九香");
    const nanny = new Worker(env.app, "w2");
    nanny.says("我在北京海淀给一家人当保姆带孩子，雇主李姐欠我两个月工资一万二了，说手头紧");
    expect(nanny.last?.expecting).toBe("confirm");
  });

  it("a building site is still asked its project", () => {
    const worker = new Worker(env.app, "w3");
    worker.says("包工头张三欠我工资八千，在新乡红旗区的工地干活");
    expect(worker.last?.expecting).toBe("project");
  });
});

describe("a question back or a line of the story where a name, place or sum was asked", () => {
  it("a question back is answered or told it will be, and never stored as the name", () => {
    const worker = new Worker(env.app, "q1");
    worker.says("包工头刘建国欠我工资八千，在新乡红旗区的工地干活");
    expect(worker.last?.expecting).toBe("project");
    worker.says("要多久?");
    expect(worker.heard).toContain("按规定的期限办理");
    worker.says("你是谁?");
    expect(worker.heard).toContain("欠薪投诉登记渠道");
    worker.says("能不能快点处理?");
    expect(worker.heard).toContain("登记以后工作人员会回答您");
    worker.says("每人七八千");
    expect(worker.last?.expecting).toBe("project");
    worker.says("不知道叫啥工地");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("项目/工地：不知道");
  });

  it("a line of the story is kept with it, and the question asked again", () => {
    const worker = new Worker(env.app, "q2");
    worker.says("老板欠我钱");
    expect(worker.last?.expecting).toBe("place");
    worker.says("老板不给钱");
    expect(worker.heard).toContain("这句记下了");
    expect(worker.heard).not.toContain("没找到这个地方");
    expect(worker.last?.expecting).toBe("place");
    worker.says("新乡红旗区");
    worker.says("建业森林半岛");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("他说下个月给 结果一直拖");
    expect(worker.heard).toContain("这句记下了");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("对 是红旗区");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("老板姓刘");
    expect(worker.heard).toContain("刘老板");
  });

  it("several facts in one answer: the piece that names nothing else is the name asked for", () => {
    const worker = new Worker(env.app, "q3");
    worker.says("在开封鼓楼区工地干活，老板欠钱");
    expect(worker.last?.expecting).toBe("project");
    worker.says("建业天筑 老板孙大海 欠两万三");
    expect(worker.heard).toContain("项目/工地 → 建业天筑");
    expect(worker.heard).toContain("欠钱的一方 → 孙大海");
    expect(worker.heard).toContain("¥23,000");
    const other = new Worker(env.app, "q4");
    other.says("在开封鼓楼区工地干活，老板欠钱，工地叫建业天筑");
    expect(other.last?.expecting).toBe("employer");
    other.says("孙大海 两万三");
    expect(other.heard).toContain("欠钱的一方 → 孙大海");
  });
});

describe("the amount given per person or as a list", () => {
  it("each one's share times the workers counted; a list of names and sums added up", () => {
    const team = new Worker(env.app, "s1");
    team.says("我们12个人在新乡红旗区建业森林半岛工地干活，包工头刘建国欠钱");
    expect(team.last?.expecting).toBe("amount");
    team.says("每个人欠一万多");
    expect(team.heard).toContain("欠款金额：¥120,000");
    const leader = new Worker(env.app, "s2");
    leader.says("我们4个人在新乡红旗区建业森林半岛工地干活，包工头刘建国欠钱");
    leader.says("张三8000 李四7500 王五9000 赵六6000");
    expect(leader.heard).toContain("欠款金额：¥30,500");
  });

  it("a share before anyone is counted asks for the count", () => {
    const worker = new Worker(env.app, "s3");
    worker.says("我们在新乡红旗区建业森林半岛工地干活，包工头刘建国欠钱");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("每人8000");
    expect(worker.heard).toContain("记下了：每人 ¥8,000。");
    expect(worker.last?.expecting).toBe("headcount");
    worker.says("5个人");
    expect(worker.heard).toContain("欠款金额：¥40,000");
    expect(worker.heard).toContain("被欠人数：5 人");
  });
});

describe("corrections at the summary as voice input writes them", () => {
  it("several facts without commas, a count in hundreds, a name with words after it, a relative, a place alone", () => {
    const worker = atSummary("v1", "我在新乡红旗区建业森林半岛工地干活，包工头刘建国欠我们5个人工资三万");
    worker.says("不对不对 钱是三万五 人是六个");
    expect(worker.heard).toContain("欠款金额 → ¥35,000");
    expect(worker.heard).toContain("被欠人数 → 6 人");
    worker.says("不对 是一百零八个人");
    expect(worker.heard).toContain("被欠人数 → 108 人");
    worker.says("其实老板是中建七局 刘建国只是包工头");
    expect(worker.heard).toContain("欠钱的一方 → 中建七局");
    worker.says("老板不是刘建国 是他哥刘建军");
    expect(worker.heard).toContain("欠钱的一方 → 刘建军");
    worker.says("钱说错了 是三万八 地方也错了 是卫滨区");
    expect(worker.heard).toContain("欠款金额 → ¥38,000");
    expect(worker.heard).toContain("地点：河南省新乡市卫滨区");
    worker.says("哦对了是开封祥符区");
    expect(worker.heard).toContain("地点：河南省开封市祥符区");
    expect(worker.last?.expecting).toBe("confirm");
  });
});

describe("small things a worker says or does", () => {
  it("\"算了不投诉了\" drops the draft; \"在哪个区我不太清楚\" is a don't-know; confirm pressed twice names the case", () => {
    const quitting = atSummary("x1");
    quitting.says("算了不投诉了");
    expect(quitting.heard).toContain("已取消");
    expect(quitting.last?.expecting).toBeNull();

    const unsure = new Worker(env.app, "x2");
    unsure.says("老板欠我工资");
    unsure.says("在哪个区我不太清楚");
    expect(unsure.heard).toContain("地点很重要，我们要按地点找负责的部门");
    expect(unsure.heard).not.toContain("被欠人数");

    const twice = atSummary("x3");
    const id = twice.presses("confirm").caseId as string;
    twice.presses("confirm");
    expect(twice.heard).toContain(`这个投诉已经登记了，编号 ${formatCaseId(id)}`);
    expect(twice.heard).not.toContain("按钮已经过期");
  });

  it("a fact given for the first time at the summary is \"记下了\", not \"已改好\"", () => {
    const worker = atSummary("x4");
    worker.says("电话是13812345678");
    expect(worker.heard).toContain("记下了：电话");
  });
});

describe("a second complaint about the same employer, with another amount", () => {
  it("is asked about once: the same matter goes to the open complaint, another matter is logged on its own", () => {
    const worker = atSummary("r1", "郑州二七区保利城工地，包工头陈军欠我三万");
    const first = worker.presses("confirm").caseId as string;
    worker.says("/new");
    worker.says("郑州二七区保利城工地 陈军 其实欠我三万五 上次说错了");
    if (worker.last?.expecting === "employer") worker.says("陈军");
    answerClosedQuestions(worker);
    worker.presses("confirm");
    expect(worker.heard).toContain(`您已经投诉过「陈军」，编号 ${formatCaseId(first)}`);
    expect(worker.choiceIds).toEqual([`sameCase:${first}`, "separate"]);
    worker.presses(`sameCase:${first}`);
    expect(worker.heard).toContain(`已经补充到投诉 ${formatCaseId(first)}`);
    expect(env.app.ledger.listByFiler("local:r1", 10)).toHaveLength(1);
    const added = env.app.ledger.events(first).find((e) => e.type === "worker_added");
    expect(JSON.stringify(added?.data)).toContain("¥35,000");

    worker.says("/new");
    worker.says("郑州二七区保利城工地，包工头陈军还欠我老乡的两万");
    if (worker.last?.expecting === "employer") worker.says("陈军");
    if (worker.last?.expecting === "headcount") worker.says("1个");
    answerClosedQuestions(worker);
    worker.presses("confirm");
    worker.presses("separate");
    expect(worker.last?.caseId).not.toBe(first);
    expect(env.app.ledger.listByFiler("local:r1", 10)).toHaveLength(2);
  });
});

describe("what the new dialog rules must not catch (a second reviewer's false positives)", () => {
  const STORY3 = "郑州二七区保利城工地，包工头陈军欠我三万";

  it("a name at the summary that holds a place name changes the name, never the place", () => {
    const worker = atSummary("fp1", STORY3);
    worker.says("项目是龙湖天街");
    expect(worker.heard).toContain("项目/工地 → 龙湖天街");
    worker.says("老板叫陈红旗");
    expect(worker.heard).toContain("地点：河南省郑州市二七区");
    expect(worker.heard).not.toContain("红旗区");
  });

  it("answers that start with 没有/不是 are answers, not a denial of wages owed", () => {
    const worker = new Worker(env.app, "fp2");
    worker.says("我在郑州二七区保利城工地干活，包工头陈军一直不给钱");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("没有欠条，大概两万");
    expect(worker.heard).not.toContain("不是欠工资");
    expect(worker.heard).toContain("¥20,000");
    const summary = atSummary("fp3", STORY3);
    summary.says("不是欠我一个人的，是欠我们五个人");
    expect(summary.heard).not.toContain("/cancel");
  });

  it("a name followed by more words is the name; names made of trigger words are names", () => {
    const worker = new Worker(env.app, "fp4");
    worker.says("我在郑州二七区工地干活，欠我三万块钱工资");
    expect(worker.last?.expecting).toBe("project");
    worker.says("碧桂园三期，老板跑了");
    expect(worker.heard).not.toContain("这句记下了");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("刘建国，他一直拖着不给");
    answerClosedQuestions(worker);
    expect(worker.heard).toContain("项目/工地：碧桂园三期");
    expect(worker.heard).toContain("欠钱的一方：刘建国");
    const other = new Worker(env.app, "fp5");
    other.says("我在郑州二七区工地干活，欠我三万块钱工资，工地叫保利城");
    expect(other.last?.expecting).toBe("employer");
    other.says("结果建筑公司");
    expect(other.heard).toContain("欠钱的一方：结果建筑公司");
    const third = new Worker(env.app, "fp6");
    third.says("我在郑州二七区工地干活，欠我三万块钱工资，工地叫保利城");
    third.says("他说他叫刘建国");
    expect(third.heard).toContain("欠钱的一方：刘建国");
  });

  it("an answer with a question after it: the question answered, the answer taken", () => {
    const worker = new Worker(env.app, "fp7");
    worker.says("郑州二七区保利城工地，包工头陈军欠我钱");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("三万，啥时候能拿到");
    expect(worker.heard).toContain("按规定的期限办理");
    expect(worker.heard).toContain("¥30,000");
  });

  it("a hedged figure is a figure; a name split by spaces at the summary stays whole", () => {
    const worker = new Worker(env.app, "fp8");
    worker.says("郑州二七区保利城工地，包工头陈军欠我钱");
    worker.says("具体的我不清楚，大概两万左右，反正三个月没给了");
    expect(worker.heard).toContain("¥20,000");
    const summary = atSummary("fp9", STORY3);
    summary.says("项目是碧桂园 凤凰城三期");
    expect(summary.heard).toContain("项目/工地 → 碧桂园 凤凰城三期");
  });

  it("several facts in one answer that complete the complaint go on to the summary", () => {
    const worker = new Worker(env.app, "fp10");
    worker.says("在开封鼓楼区建业天筑工地干活，老板欠钱，就我一个人");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("刘建国 3万");
    expect(worker.last?.expecting).toBe("confirm");
  });

  it("\"same matter?\" answered in words", () => {
    const worker = atSummary("fp11", STORY3);
    const first = worker.presses("confirm").caseId as string;
    worker.says("/new");
    worker.says("郑州二七区保利城工地，包工头陈军欠我三万五");
    answerClosedQuestions(worker);
    worker.presses("confirm");
    expect(worker.heard).toContain("同一件事吗");
    worker.says("是的");
    expect(worker.heard).toContain(`已经补充到投诉 ${formatCaseId(first)}`);
    worker.says("/new");
    worker.says("郑州二七区保利城工地，包工头陈军欠我老婆两万");
    if (worker.last?.expecting === "headcount") worker.says("1个");
    answerClosedQuestions(worker);
    worker.presses("confirm");
    worker.says("不是，是另一件事");
    expect(worker.last?.caseId).not.toBeNull();
    expect(worker.last?.caseId).not.toBe(first);
  });
});

describe("asking back at a name question, and fillers before a name", () => {
  it("什么意思？ / 怎么写？ are never a name; 就是刘建国呀 is 刘建国; 就是他 names no one", () => {
    const worker = new Worker(env.app, "nq1");
    worker.says("我在郑州二七区工地干活，欠我三万块钱工资，工地叫保利城");
    expect(worker.last?.expecting).toBe("employer");
    for (const asked of ["什么意思？", "怎么写？", "就是他，跑了", "那个人，电话打不通"]) {
      worker.says(asked);
      expect(worker.last?.expecting, asked).toBe("employer");
    }
    worker.says("就是刘建国呀");
    expect(worker.heard).toContain("欠钱的一方：刘建国");
    expect(worker.heard).not.toContain("就是刘建国");
  });
});

describe("bare words at the summary", () => {
  it("二七 is no sum; 是欠我们五个人 corrects the count", () => {
    const worker = atSummary("bw1", "郑州中原区保利城工地，包工头陈军欠我三万");
    worker.says("二七");
    expect(worker.heard).not.toContain("¥27");
    worker.says("不是欠我一个人的，是欠我们五个人");
    expect(worker.heard).toContain("被欠人数 → 5 人");
  });
});

describe("several facts in one answer (review 2026-12-05)", () => {
  // The draft as stored (what a restart would continue from).
  const draftOf = (worker: Worker) => {
    const row = env.app.store.sqlite.prepare("SELECT state FROM dialog_sessions WHERE user_key = ?").get(`local:${worker.id}`) as { state: string };
    return (JSON.parse(row.state) as { draft: { facts: { project: string | null; employer: string | null; amountYuan: number | null; place: { code: string } | null } } }).draft.facts;
  };

  it("keeps the project, the boss and the sum told together at the project question", () => {
    const told: Record<string, { project: string; employer: string | null }> = {
      "工地叫万科城 老板叫周强 欠我一万八": { project: "万科城", employer: "周强" },
      "万科城 老板周强 欠一万八": { project: "万科城", employer: "周强" },
      "在碧水湾小区干活 老板是周强 他欠我一万八": { project: "碧水湾小区", employer: "周强" },
    };
    let n = 0;
    for (const [answer, expected] of Object.entries(told)) {
      const worker = new Worker(env.app, `multi${n++}`);
      worker.says("老板欠钱不给怎么办");
      worker.says("在合肥蜀山区");
      expect(worker.last?.expecting).toBe("project");
      worker.says(answer);
      expect(draftOf(worker), answer).toMatchObject({ ...expected, amountYuan: 18_000 });
      expect(worker.last?.expecting, answer).not.toBe("amount");
    }
  });

  it("takes the site told after the place at the place question", () => {
    const worker = new Worker(env.app, "placeSite");
    worker.says("老板欠我四万八");
    expect(worker.last?.expecting).toBe("place");
    worker.says("重庆渝北区 龙湖春森彼岸");
    expect(worker.heard).toContain("项目/工地 → 龙湖春森彼岸");
    expect(draftOf(worker).place?.code).toBe("500112");
    // Only place words, or a generic site, name no project.
    for (const [i, answer] of ["在郑州金水区的工地", "在江苏扬州 邗江区", "郑州金水区 那边"].entries()) {
      const other = new Worker(env.app, `placeOnly${i}`);
      other.says("老板欠我四万八");
      other.says(answer);
      expect(draftOf(other).project, answer).toBeNull();
    }
  });
});

describe("whose sum it is, when others are owed too", () => {
  const SCHOOL = "老师工资没发 欠我一万五 长沙岳麓区 启航教育";

  it("asks once whether the worker's sum is everyone's, and says so on the summary and the case", () => {
    const worker = new Worker(env.app, "scopeOwn");
    worker.says(SCHOOL);
    expect(worker.last?.expecting).toBe("confirm");
    worker.says("我们有十二个老师");
    expect(worker.heard).toContain("被欠人数 → 12 人");
    expect(worker.heard).toContain("¥15,000 是 12 个人一共被欠的，还是只是您自己的？");
    expect(worker.choiceIds).toEqual(["amountScope:total", "amountScope:own", "amountScope:unsure"]);
    worker.presses("amountScope:own");
    expect(worker.heard).toContain("欠款金额：¥15,000（您本人的）");
    const id = worker.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)).toMatchObject({ amountYuan: 15_000, headcountMin: 12 });
    expect(JSON.stringify(env.app.ledger.find(id)!.reasons)).toContain("triage:reason.amountOwnShare");
  });

  it("keeps the sum told when the worker cannot say whose it is, and tells the officer to check", () => {
    // "不知道" to the scope is no unknown amount: ¥15,000 was said; only whose it is stays open.
    const typed = new Worker(env.app, "scopeUnsureTyped");
    typed.says(SCHOOL);
    typed.says("我们有十二个老师");
    typed.says("不知道");
    expect(typed.heard).toContain("好的，先按 ¥15,000 记。是大家一共的还是您自己的，工作人员会跟您核实。");
    expect(typed.heard).not.toContain("金额很重要");
    expect(typed.heard).toContain("欠款金额：¥15,000（是否为大家一共的，待核实）");
    expect(typed.last?.expecting).toBe("confirm");
    const id = typed.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)).toMatchObject({ amountYuan: 15_000, headcountMin: 12 });
    expect(JSON.stringify(env.app.ledger.find(id)!.reasons)).toContain("triage:reason.amountScopeUnsure");

    const pressed = new Worker(env.app, "scopeUnsurePressed");
    pressed.says(SCHOOL);
    pressed.says("我们有十二个老师");
    pressed.presses("amountScope:unsure");
    expect(pressed.heard).toContain("欠款金额：¥15,000（是否为大家一共的，待核实）");
    // A new sum told later is the sum; whose it is may be asked again, and the note goes.
    pressed.says("金额不对，是一共十八万");
    expect(pressed.heard).toContain("欠款金额：¥180,000");
    expect(pressed.heard).not.toContain("待核实");
  });

  it("takes the total typed in answer, or 'everyone's' in words", () => {
    const total = new Worker(env.app, "scopeTotal");
    total.says(SCHOOL);
    total.says("我们有十二个老师");
    total.says("一共十八万");
    expect(total.last?.expecting).toBe("confirm");
    expect(total.heard).toContain("欠款金额：¥180,000");
    expect(total.heard).not.toContain("您本人的");

    const words = new Worker(env.app, "scopeWords");
    words.says(SCHOOL);
    words.says("我们有十二个老师");
    words.says("是一共的");
    expect(words.last?.expecting).toBe("confirm");
    expect(words.heard).toContain("欠款金额：¥15,000\n");
  });

  it("does not ask when the sum was told as everyone's, and takes 'my share, the total unknown' as said", () => {
    const group = new Worker(env.app, "scopeGroup");
    group.says("老板欠我们12个人工资一共15万 长沙岳麓区 启航教育");
    expect(group.last?.expecting).toBe("confirm");

    const share = new Worker(env.app, "scopeShare");
    share.says("你好 我在东莞长安镇一个电子厂做了三个月 老板跑路了 工资一分没给 我们车间二十几个人");
    share.says("厂名叫鑫达电子");
    share.says("老板黄海");
    share.says("我一个人是一万二 大家加起来不知道");
    expect(share.heard).toContain("欠款金额：¥12,000（您本人的）");
    expect(share.heard).toContain("被欠人数：20–29 人");
  });
});

describe("each one's share told before the count", () => {
  it("keeps 每人七千, asks how many, and files the share times the count", () => {
    const worker = new Worker(env.app, "perHead");
    worker.says("物业公司欠我们保安工资 广州白云区 保利罗兰国际小区 广州安居物业管理公司");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("每人七千");
    expect(worker.heard).toContain("每人 ¥7,000");
    expect(worker.last?.expecting).toBe("headcount");
    worker.says("15个人");
    expect(worker.heard).toContain("欠款金额 → ¥105,000（每人 ¥7,000 × 15 人）");
    expect(worker.last?.expecting).toBe("confirm");
    const id = worker.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)).toMatchObject({ amountYuan: 105_000, headcountMin: 15 });
  });
});

describe("a place in pinyin at the place question", () => {
  it("is the place, and names no site", () => {
    const worker = new Worker(env.app, "pinyinPlace");
    worker.says("My boss owes me money");
    worker.says("Shenzhen Nanshan district");
    expect(worker.heard).not.toContain("Project/site");
    expect(worker.last?.expecting).not.toBe("place");
  });
});

describe("a worker who tells the pay and the boss where other things were asked", () => {
  it("keeps the month's pay as the sum, the boss named beside a name not known, and the deposit out of the sum", () => {
    const worker = new Worker(env.app, "deposit");
    worker.says("辞职了 厂里扣着我一个月工资不给 还有押金五百也不退 说没干满一年");
    expect(worker.last?.expecting).toBe("place");
    worker.says("昆山 周市镇 立讯的一个外包厂");
    // A described workplace and a town are no project name.
    expect(worker.heard).not.toContain("项目/工地 →");
    worker.says("一个月工资四千八");
    expect(worker.heard).toContain("欠款金额 → ¥4,800");
    worker.says("厂名不记得了 老板姓韩");
    // The boss is named; the factory's name, said not known, is not asked.
    expect(worker.heard).toContain("欠钱的一方：韩老板");
    expect(worker.heard).toContain("工厂：不知道");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("欠款金额：¥4,800");
  });

  it("a figure alone is no name", () => {
    const worker = new Worker(env.app, "figureName");
    worker.says("我在新乡市红旗区凤凰城三期工地干活，欠我们5个人工资3万");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("四千八");
    expect(worker.heard).not.toContain("欠钱的一方 → 四千八");
  });
});
