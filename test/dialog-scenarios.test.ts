// Conversations through the dialog engine on a real SQLite file, read as a worker would live them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CASE_ID_ALPHABET, formatCaseId, parseCaseId } from "../src/cases/case-id.js";
import { renderNotification } from "../src/cases/notifications.js";
import { deliverWorkerNotices, makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

const FULL_FIRST_MESSAGE =
  "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6，年都过不成了";

function confirmAndGetId(worker: Worker): string {
  const result = worker.presses("confirm");
  expect(result.caseId).not.toBeNull();
  return result.caseId as string;
}

describe("a worker whose first message has every fact", () => {
  it("is asked only to confirm, then gets the ID, the routing and the next step", () => {
    const worker = new Worker(env.app, "w1");
    const first = worker.says(FULL_FIRST_MESSAGE);
    expect(first.expecting).toBe("confirm");
    expect(worker.heard).toContain("碧桂园凤凰城三期");
    expect(worker.heard).toContain("刘建国");
    expect(worker.heard).toContain("236,000");
    expect(worker.choiceIds).toEqual(["confirm", "edit", "cancel"]);

    const id = confirmAndGetId(worker);
    expect(parseCaseId(id).kind).toBe("valid");
    expect(worker.heard).toContain("已登记");
    expect(worker.heard).toContain("拖欠工资");
    expect(worker.heard).toContain("红旗区");
    expect(worker.heard).toContain("12333");
    expect(worker.heard).toContain("人社局劳动保障监察");
    expect(worker.heard).toContain("住房和城乡建设部门");
    // No translation key may reach a person untranslated.
    expect(worker.heard).not.toMatch(/[a-z]+\.[a-z_]+/i);
    expect(worker.heard).not.toMatch(/12333：12333/);
    expect(worker.last?.expecting).toBeNull();

    const row = env.app.ledger.find(id);
    expect(row).toMatchObject({
      project: "碧桂园凤凰城三期",
      employer: "刘建国",
      amountYuan: 236000,
      headcountMin: 12,
      divisionCode: "410702",
      sector: "construction",
      category: "wage_arrears",
      isArrears: true,
      status: "logged",
      jurisdictionCode: "410702",
      collective: true,
    });
    expect(env.app.ledger.events(id).map((event) => event.type)).toEqual(["logged", "routed"]);
  });
});

describe("a worker who gives one fact per message", () => {
  it("is asked one short question at a time, only for what is missing", () => {
    const worker = new Worker(env.app, "w2");
    worker.says("老板欠我们的工资一直不给");
    const asked: string[] = [];
    const answers: Record<string, string> = {
      place: "新乡红旗区",
      // A phase ("凤凰城三期") would tell a building site: this name tells no trade.
      project: "凤凰城",
      employer: "宏达劳务",
      amount: "3万2",
      headcount: "我一个人",
    };
    for (let turn = 0; turn < 10 && worker.last?.expecting !== "confirm"; turn++) {
      const fact = worker.last?.expecting as string;
      asked.push(fact);
      if (fact === "sector") worker.presses("sector:construction");
      else worker.says(answers[fact] ?? "不知道");
    }
    // "老板" names no trade: the sector is asked with buttons, not guessed.
    expect(asked).toEqual(expect.arrayContaining(["place", "project", "amount", "headcount", "sector"]));
    expect(new Set(asked).size).toBe(asked.length);
    expect(worker.last?.expecting).toBe("confirm");
    const id = confirmAndGetId(worker);
    expect(env.app.ledger.find(id)).toMatchObject({
      amountYuan: 32000,
      headcountMin: 1,
      divisionCode: "410702",
      project: "凤凰城",
    });
  });

  it("accepts 不知道 for the employer and says what follows, but not for the amount", () => {
    const worker = new Worker(env.app, "w3");
    worker.says("我在新乡红旗区凤凰城三期工地干活，欠我3万块没给");
    while (worker.last?.expecting !== "employer" && worker.last?.expecting !== "confirm") {
      const fact = worker.last?.expecting;
      if (fact === "headcount") worker.says("1");
      else if (fact === "sector") worker.presses("sector:construction");
      else break;
    }
    expect(worker.last?.expecting).toBe("employer");
    worker.says("不知道");
    expect(worker.heard).toContain("没关系");
    expect(worker.last?.expecting).not.toBe("employer");

    worker.presses("edit");
    worker.presses("edit:amount");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("不知道");
    expect(worker.heard).toContain("金额很重要");
    expect(worker.last?.expecting).toBe("amount");
  });
});

describe("corrections", () => {
  it("takes a correction in plain words before the summary", () => {
    const worker = new Worker(env.app, "w4");
    worker.says("新乡红旗区凤凰城三期，宏达公司欠我们5个人2万");
    worker.says("金额不对，是3万2");
    expect(worker.heard).toContain("32,000");
    const id = (() => {
      while (worker.last?.expecting !== "confirm") {
        if (worker.last?.expecting === "sector") worker.presses("sector:construction");
        else worker.says("不知道");
      }
      return confirmAndGetId(worker);
    })();
    expect(env.app.ledger.find(id)?.amountYuan).toBe(32000);
  });

  it("takes a correction after the summary, in words or by choosing the fact", () => {
    const worker = new Worker(env.app, "w5");
    worker.says(FULL_FIRST_MESSAGE);
    expect(worker.last?.expecting).toBe("confirm");
    worker.says("公司名写错了，是宏达劳务");
    expect(worker.heard).toContain("宏达劳务");
    expect(worker.last?.expecting).toBe("confirm");

    worker.presses("edit");
    expect(worker.choiceIds).toContain("edit:headcount");
    worker.presses("edit:headcount");
    worker.says("15个人");
    expect(worker.last?.expecting).toBe("confirm");
    const id = confirmAndGetId(worker);
    expect(env.app.ledger.find(id)).toMatchObject({ employer: "宏达劳务", headcountMin: 15 });
  });

  it("takes corrections at the summary that name no fact, or name it without a 是", () => {
    const worker = new Worker(env.app, "w5b");
    worker.says(FULL_FIRST_MESSAGE);
    worker.says("不对，是3个人");
    expect(worker.heard).toContain("3 人");
    worker.says("钱不对，是一万二");
    expect(worker.heard).toContain("¥12,000");
    worker.says("人数不对，4个人");
    expect(worker.heard).toContain("4 人");
    worker.says("不对，是在洛阳");
    expect(worker.heard).toContain("洛阳");
    // 洛阳 is a city: its county is asked, and not knowing it keeps the city.
    expect(worker.heard).toContain("在洛阳市哪个区或县");
    worker.presses("unknown");
    expect(worker.last?.expecting).toBe("confirm");
    const id = confirmAndGetId(worker);
    expect(env.app.ledger.find(id)).toMatchObject({ headcountMin: 4, amountYuan: 12000, divisionCode: "410300" });
  });
});

describe("cancel and new", () => {
  it("drops a draft on /cancel and logs nothing", () => {
    const worker = new Worker(env.app, "w6");
    worker.says(FULL_FIRST_MESSAGE);
    worker.says("/cancel");
    expect(worker.heard).toContain("已取消");
    expect(worker.last?.expecting).toBeNull();
    worker.presses("confirm");
    expect(worker.heard).toContain("过期");
    expect(env.app.ledger.list({})).toHaveLength(0);
  });

  it("starts another complaint on /new", () => {
    const worker = new Worker(env.app, "w7");
    worker.says(FULL_FIRST_MESSAGE);
    confirmAndGetId(worker);
    worker.says("/new");
    expect(worker.heard).toContain("请说说您的情况");
    worker.says("宁波慈溪恒发电器厂老板欠我4个月工资，一个月五千二，两万零八百");
    expect(worker.last?.expecting).not.toBeNull();
  });

  it("after /new, a short story that could be news of the last case is a new complaint", () => {
    const worker = new Worker(env.app, "w7b");
    worker.says("老板不给加班费 在无锡新吴区 无锡嘉盛电子厂");
    const id = confirmAndGetId(worker);
    worker.says("/new");
    worker.says("另外 我老婆在同一个厂 也欠她五千");
    expect(worker.heard).not.toContain(formatCaseId(id));
    expect(worker.last?.expecting).not.toBeNull();
    expect(worker.last?.caseId).toBeNull();
    // Without /new the same words are news of the complaint just logged.
    const other = new Worker(env.app, "w7c");
    other.says("老板不给加班费 在无锡新吴区 无锡嘉盛电子厂");
    const otherId = confirmAndGetId(other);
    other.says("另外 我老婆在同一个厂 也欠她五千");
    expect(other.heard).toContain(formatCaseId(otherId));
  });
});

describe("a restart in the middle of a dialog", () => {
  it("loses nothing: a new engine on the same file continues where it stopped", () => {
    const worker = new Worker(env.app, "w8");
    worker.says("新乡红旗区凤凰城三期工地，包工头刘建国欠我工资");
    const waitingFor = worker.last?.expecting;
    expect(waitingFor).toBe("amount");
    env.app.close();

    const restarted = env.restart();
    worker.reconnect(restarted);
    worker.says("23600");
    expect(worker.last?.expecting).not.toBe("amount");
    while (worker.last?.expecting !== "confirm") {
      if (worker.last?.expecting === "headcount") worker.says("1");
      else if (worker.last?.expecting === "sector") worker.presses("sector:construction");
      else worker.says("不知道");
    }
    const id = confirmAndGetId(worker);
    expect(restarted.ledger.find(id)).toMatchObject({ employer: "刘建国", amountYuan: 23600 });
  });
});

describe("status queries", () => {
  it("answers a worker who offers an ID card or a bank card number: not needed, and no money comes through the chat", () => {
    const worker = new Worker(env.app, "cards");
    worker.says("我在郑州金水区工地干活 宏达劳务欠我两万");
    const asked = worker.last?.expecting;
    worker.says("我身份证号是110105198203154321 要不要发给你");
    expect(worker.heard).toContain("不用在这里发身份证号或银行卡号");
    expect(worker.heard).toContain("不会通过这个聊天付钱");
    // The dialog goes on where it was.
    expect(worker.last?.expecting).toBe(asked);
  });

  it("answers the filer, hides the case from a stranger, and spots a mistyped ID", () => {
    const filer = new Worker(env.app, "filer");
    filer.says(FULL_FIRST_MESSAGE);
    const id = confirmAndGetId(filer);
    const loggedText = filer.heard;
    const accessCode = loggedText.match(/(\d{6})/)?.[1];
    expect(accessCode).toBeDefined();

    filer.says(`/status ${id}`);
    expect(filer.heard).toContain("已登记");
    expect(filer.last?.caseId).toBe(id);
    filer.says(`查询 ${id.toLowerCase()}`);
    expect(filer.last?.caseId).toBe(id);

    const stranger = new Worker(env.app, "stranger");
    stranger.says(`/status ${id}`);
    const hidden = stranger.heard;
    expect(stranger.last?.caseId).toBeNull();
    // A made-up but valid ID answers exactly the same way.
    const other = validIdOtherThan(id);
    stranger.says(`/status ${other}`);
    expect(stranger.heard.replace(formatForMessage(other), "ID")).toBe(hidden.replace(formatForMessage(id), "ID"));

    stranger.says(`/status ${id} ${accessCode}`);
    expect(stranger.last?.caseId).toBe(id);

    // An officer's step shows in the history with the new status, with or without words for the worker.
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "张科长", channel: "cli" });
    env.app.actions.setStatus({ caseId: id, status: "handling", by: "张科长", channel: "cli", noteForWorker: "已约老板周五面谈" });
    filer.says(`/status ${id}`);
    expect(filer.heard).toContain("进展：已受理，有专人负责");
    expect(filer.heard).toMatch(/进展：[^\n]*。已约老板周五面谈/);
    expect(filer.heard).not.toMatch(/进展[^\n：]*\s$/m);

    const typo = id.slice(0, 8) + (id[8] === "2" ? "3" : "2");
    filer.says(`/status ${typo}`);
    expect(filer.heard).toContain("打错");
  });
});

describe("guessing an access code", () => {
  const wrongCodes = (right: string) => Array.from({ length: 20 }, (_, i) => String(i).padStart(6, "0")).filter((code) => code !== right);

  it("a chat gets five wrong codes an hour, then is told to wait whatever the ID; the right code then waits too", () => {
    const filer = new Worker(env.app, "filer-g1");
    filer.says(FULL_FIRST_MESSAGE);
    const id = confirmAndGetId(filer);
    const accessCode = filer.heard.match(/(\d{6})/)?.[1] as string;

    const guesser = new Worker(env.app, "guesser");
    for (const code of wrongCodes(accessCode).slice(0, 5)) {
      guesser.says(`/status ${id} ${code}`);
      expect(guesser.heard).toContain("查不到编号");
    }
    guesser.says(`/status ${id} ${accessCode}`);
    expect(guesser.last?.caseId).toBeNull();
    expect(guesser.heard).toContain("一小时后再试");
    // The same answer for an ID that does not exist: the wait reveals nothing.
    guesser.says(`/status ${validIdOtherThan(id)} 123456`);
    expect(guesser.heard).toContain("一小时后再试");
    // The filer sees the attempts in the history.
    filer.says(`/status ${id}`);
    expect(filer.heard).toContain("有人用错误的查询码查过这个投诉");

    env.clock.advance(61 * 60_000);
    guesser.says(`/status ${id} ${accessCode}`);
    expect(guesser.last?.caseId).toBe(id);
  });

  it("a case takes ten wrong codes a day from all chats together, then not even the right one opens it", () => {
    const filer = new Worker(env.app, "filer-g2");
    filer.says(FULL_FIRST_MESSAGE);
    const id = confirmAndGetId(filer);
    const accessCode = filer.heard.match(/(\d{6})/)?.[1] as string;
    wrongCodes(accessCode)
      .slice(0, 10)
      .forEach((code, i) => new Worker(env.app, `many-${i}`).says(`/status ${id} ${code}`));
    const relative = new Worker(env.app, "relative");
    relative.says(`/status ${id} ${accessCode}`);
    expect(relative.last?.caseId).toBeNull();
    expect(relative.heard).toContain("查不到编号");
    // The filer is never locked out.
    filer.says(`/status ${id}`);
    expect(filer.last?.caseId).toBe(id);
    env.clock.advance(25 * 3_600_000);
    relative.says(`/status ${id} ${accessCode}`);
    expect(relative.last?.caseId).toBe(id);
  });
});

describe("a status query completed by the next message", () => {
  it("takes the access code sent alone after 'not found', and only right after it", () => {
    const filer = new Worker(env.app, "filer");
    filer.says(FULL_FIRST_MESSAGE);
    const id = confirmAndGetId(filer);
    const accessCode = filer.heard.match(/(\d{6})/)?.[1] as string;

    const helper = new Worker(env.app, "helper");
    helper.says(`/status ${id}`);
    expect(helper.heard).toContain("查不到编号");
    helper.says(accessCode);
    expect(helper.last?.caseId).toBe(id);
    expect(helper.heard).toContain("已登记");
    expect(helper.last?.expecting).toBeNull();
    // Once opened with the code, the same chat is not asked for it again.
    helper.says(`/status ${id}`);
    expect(helper.last?.caseId).toBe(id);

    // A wrong code still hides the case, and the chance passes with that message.
    const other = new Worker(env.app, "other");
    other.says(`/status ${id}`);
    other.says(accessCode === "000000" ? "111111" : "000000");
    expect(other.last?.caseId).toBeNull();
    expect(other.heard).toContain("查不到编号");
    other.says("你好");
    other.says(accessCode);
    expect(other.last?.caseId).toBeNull();
  });

  it("takes an ID sent alone after the bot asked for one; a filer's bare /status shows their latest case", () => {
    const filer = new Worker(env.app, "filer");
    filer.says(FULL_FIRST_MESSAGE);
    const id = confirmAndGetId(filer);
    filer.says("/status");
    expect(filer.last?.caseId).toBe(id);
    expect(filer.heard).toContain("已登记");
    const newcomer = new Worker(env.app, "newcomer");
    newcomer.says("查询");
    expect(newcomer.heard).toContain("请发编号");
    filer.says(formatCaseId(id));
    expect(filer.last?.caseId).toBe(id);
    expect(filer.heard).toContain("已登记");
  });

  it("does not take a code in the middle of a complaint unless a status query just asked for it", () => {
    const worker = new Worker(env.app, "w");
    worker.says("老板欠我工资");
    const asked = worker.last?.expecting;
    worker.says("123456");
    expect(worker.last?.caseId).toBeNull();
    expect(worker.heard).not.toContain("查不到编号");
    expect(asked).not.toBeNull();
  });
});

function formatForMessage(id: string): string {
  return formatCaseId(id);
}
function validIdOtherThan(id: string): string {
  for (const char of CASE_ID_ALPHABET) {
    const payload = char + id.slice(1, 8);
    for (const check of CASE_ID_ALPHABET) {
      const candidate = payload + check;
      if (candidate !== id && parseCaseId(candidate).kind === "valid") return candidate;
    }
  }
  throw new Error("no other ID");
}

describe("bad input", () => {
  const bad: Array<[string, string, RegExp]> = [
    ["empty", "   ", /没有收到文字/],
    ["100 kB", "欠".repeat(100_000), /太长/],
    ["control characters only", "\u0000\u0007\u001b", /没有收到文字/],
    ["only emoji", "😭😭🙏", /表情/],
  ];
  for (const [name, text, expected] of bad) {
    it(`answers ${name} politely and keeps the session`, () => {
      const worker = new Worker(env.app, `bad-${name}`);
      worker.says("新乡红旗区凤凰城三期工地，包工头刘建国欠我工资");
      const before = worker.last?.expecting;
      worker.says(text);
      expect(worker.heard).toMatch(expected);
      expect(worker.last?.expecting).toBe(before);
      worker.says("23600");
      expect(worker.last?.expecting).not.toBe("amount");
    });
  }

  it("stores SQL-looking text as plain text and changes nothing else", () => {
    const worker = new Worker(env.app, "sql");
    worker.says("新乡红旗区凤凰城三期工地欠我们3个人3万");
    while (worker.last?.expecting !== "employer" && worker.last?.expecting !== "confirm") {
      if (worker.last?.expecting === "sector") worker.presses("sector:construction");
      else worker.says("不知道");
    }
    worker.says("Robert'); DROP TABLE cases;--");
    while (worker.last?.expecting !== "confirm") worker.says("不知道");
    const id = confirmAndGetId(worker);
    expect(env.app.ledger.find(id)?.employer).toBe("Robert'); DROP TABLE cases;--");
    expect(env.app.ledger.list({})).toHaveLength(1);
  });

  it.each([
    ["0", /大于 0/],
    ["-500", /大于 0|没看懂/],
    ["200000000", /太大/],
    ["asdf", /没看懂金额/],
  ])("refuses the amount %s with a reason and asks again", (answer, expected) => {
    const worker = new Worker(env.app, `amount-${answer}`);
    worker.says("新乡红旗区凤凰城三期工地，包工头刘建国欠我工资");
    expect(worker.last?.expecting).toBe("amount");
    worker.says(answer);
    expect(worker.heard).toMatch(expected);
    expect(worker.last?.expecting).toBe("amount");
  });

  it.each([
    ["0", /至少是 1/],
    ["200000", /太多/],
    ["很多很多", /没看懂人数/],
  ])("refuses the headcount %s with a reason and asks again", (answer, expected) => {
    const worker = new Worker(env.app, `headcount-${answer}`);
    worker.says("新乡红旗区凤凰城三期工地，包工头刘建国欠我们工资3万");
    expect(worker.last?.expecting).toBe("headcount");
    worker.says(answer);
    expect(worker.heard).toMatch(expected);
    expect(worker.last?.expecting).toBe("headcount");
  });

  it("answers a greeting or nonsense with what the bot needs, opening no draft", () => {
    const worker = new Worker(env.app, "hello");
    worker.says("你好");
    expect(worker.heard).toContain("请说说您的情况");
    expect(worker.last?.expecting).toBeNull();
    worker.says("asdfgh");
    expect(worker.heard).toContain("请说说您的情况");
  });
});

describe("languages", () => {
  it("speaks English after /lang en and logs the case the same way", () => {
    const worker = new Worker(env.app, "en-worker");
    worker.says("/lang en");
    expect(worker.heard).toContain("English");
    worker.says(FULL_FIRST_MESSAGE);
    expect(worker.heard).toContain("Please check");
    const id = confirmAndGetId(worker);
    expect(worker.heard).toContain("Case ID");
    expect(worker.heard).not.toMatch(/[a-z]+\.[a-z_]+/);
    // Departments listed the English way, not with the Chinese 、.
    expect(worker.heard).not.toContain("、");
    expect(env.app.ledger.find(id)?.locale).toBe("en");
  });

  it("takes a place written in pinyin from an English-speaking worker", () => {
    const worker = new Worker(env.app, "en-pinyin");
    worker.says("/lang en");
    worker.says("My boss Liu Jianguo owes 6 of us 96,000 yuan for the Phoenix City Phase 3 building site.");
    expect(worker.last?.expecting).toBe("place");
    expect(worker.heard).toContain("Hongqi District, Xinxiang");
    worker.says("Hongqi District, Xinxiang");
    const id = confirmAndGetId(worker);
    expect(env.app.ledger.find(id)).toMatchObject({ divisionCode: "410702", jurisdictionCode: "410702", locale: "en" });
  });

  it("follows the platform language of a worker who has not chosen", () => {
    const result = env.app.engine.handle({
      channel: "local",
      userId: "hinted",
      languageCode: "en-US",
      message: { kind: "text", text: "hello" },
    });
    expect(result.locale).toBe("en");
    expect(result.replies[0]?.text).toContain("Please tell me");
  });
});

describe("an ambiguous place", () => {
  it("gets a question that names the candidates, answered with a button", () => {
    const worker = new Worker(env.app, "ambiguous");
    worker.says("我在朝阳区一个工地干活，宏达劳务欠我们8个人工资5万");
    expect(worker.last?.expecting).toBe("place");
    expect(worker.heard).toContain("北京市朝阳区");
    expect(worker.heard).toContain("长春市朝阳区");
    expect(worker.choiceIds).toEqual(expect.arrayContaining(["place:110105", "place:220104"]));
    worker.presses("place:220104");
    expect(worker.last?.expecting).not.toBe("place");
    while (worker.last?.expecting !== "confirm") worker.says("不知道");
    const id = worker.presses("confirm").caseId as string;
    expect(env.app.ledger.find(id)).toMatchObject({ divisionCode: "220104", jurisdictionCode: "220104" });
  });
});

describe("answers to another question than the one asked", () => {
  it("refines the place, takes the workplace and the boss's name where they belong", () => {
    const worker = new Worker(env.app, "wanders");
    worker.says("老板欠钱不给");
    expect(worker.last?.expecting).toBe("place");
    worker.says("在新乡");
    // The city alone: its county is asked.
    expect(worker.heard).toContain("在新乡市哪个区或县");
    expect(worker.last?.expecting).toBe("place");
    worker.says("牧野区");
    expect(worker.last?.expecting).toBe("project");
    worker.says("在饭店当服务员");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("在饭店后厨");
    expect(worker.heard).toContain("老板或公司的名字");
    expect(worker.last?.expecting).toBe("employer");
    worker.says("老板叫张伟");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("老板电话是13812345678");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("5000");
    worker.says("就我一个");
    expect(worker.last?.expecting).toBe("confirm");
    const id = worker.presses("confirm").caseId as string;
    expect(env.app.ledger.find(id)).toMatchObject({
      divisionCode: "410711",
      project: "饭店",
      employer: "张伟",
      amountYuan: 5000,
      headcountMin: 1,
    });
  });
});

describe("what a worker says between the questions", () => {
  it("takes a headcount typed at the sector question, over the one person '欠我' suggested", () => {
    const worker = new Worker(env.app, "five");
    worker.says("老板欠我工资");
    worker.says("新乡红旗区");
    worker.says("凤凰城");
    worker.says("宏达劳务");
    worker.says("3万");
    expect(worker.last?.expecting).toBe("sector");
    worker.says("5个人");
    expect(worker.heard).toContain("5");
    expect(worker.last?.expecting).toBe("sector");
    worker.says("工地");
    expect(worker.last?.expecting).toBe("confirm");
    const id = worker.presses("confirm").caseId as string;
    expect(env.app.ledger.find(id)).toMatchObject({ headcountMin: 5, sector: "construction" });
  });

  it("corrects the place with '不对，是在…' at another question, and does not take '就我一个' as a project", () => {
    const worker = new Worker(env.app, "moved");
    worker.says("在郑州干活，老板欠我们工资3万");
    expect(worker.last?.expecting).toBe("place");
    worker.presses("unknown");
    expect(worker.last?.expecting).toBe("project");
    worker.says("不对，是在洛阳");
    expect(worker.heard).toContain("洛阳");
    expect(worker.heard).toContain("在洛阳市哪个区或县");
    worker.presses("unknown");
    expect(worker.last?.expecting).toBe("project");
    worker.says("就我一个");
    expect(worker.last?.expecting).toBe("project");
    worker.says("凤凰城三期");
    worker.says("宏达劳务");
    while (worker.last?.expecting === "sector") worker.presses("sector:construction");
    expect(worker.last?.expecting).toBe("confirm");
    const id = worker.presses("confirm").caseId as string;
    expect(env.app.ledger.find(id)).toMatchObject({ divisionCode: "410300", project: "凤凰城三期", headcountMin: 1 });
  });
});

describe("the same complaint confirmed twice", () => {
  it("is one case: the worker is told it is already in hand", () => {
    const worker = new Worker(env.app, "twice");
    worker.says(FULL_FIRST_MESSAGE);
    const id = worker.presses("confirm").caseId;
    worker.says(FULL_FIRST_MESSAGE);
    const again = worker.presses("confirm");
    expect(again.caseId).toBe(id);
    expect(worker.heard).toContain("已经反映过");
    expect(env.app.ledger.list({})).toHaveLength(1);
    expect(env.app.ledger.events(id as string).at(-1)?.type).toBe("repeat_report");
  });
});

describe("a notice to a worker who changed language after filing", () => {
  it("is written in the language the worker reads now", async () => {
    const { OutboxDispatcher } = await import("../src/cases/notifications.js");
    const worker = new Worker(env.app, "switcher");
    worker.says(FULL_FIRST_MESSAGE);
    const id = worker.presses("confirm").caseId as string;
    worker.says("/lang en");
    env.app.actions.setStatus({ caseId: id, status: "accepted", by: "张三", channel: "cli" });
    const sent: string[] = [];
    await new OutboxDispatcher(env.app.outbox, "local", async (_row, text) => {
      sent.push(text);
    }, env.clock.now).drainOnce();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("accepted, an officer is in charge");
  });
});

describe("free words at the summary that add nothing", () => {
  it("get the buttons again, not the whole summary", () => {
    const worker = new Worker(env.app, "chatty");
    worker.says(FULL_FIRST_MESSAGE);
    worker.says("谢谢你们");
    expect(worker.heard).toContain("确认提交");
    expect(worker.heard).not.toContain("请核对");
    expect(worker.choiceIds).toEqual(["confirm", "edit", "cancel"]);
    expect(worker.last?.expecting).toBe("confirm");
  });
});

describe("the language a worker writes in", () => {
  it("answers English to English without /lang, and follows the worker back to Chinese", () => {
    const worker = new Worker(env.app, "lang1");
    worker.says("hello");
    expect(worker.heard).toMatch(/[A-Za-z]{4,}/);
    expect(worker.heard).not.toMatch(/\p{Script=Han}/u);
    worker.says("My boss at a restaurant in Guangzhou Tianhe district owes me 8000 yuan wages");
    expect(worker.last?.locale).toBe("en");
    // A bare number says nothing about the language: still English.
    worker.says("8000");
    expect(worker.last?.locale).toBe("en");
    worker.says("/cancel");
    worker.says("老板欠我工资");
    expect(worker.last?.locale).toBe("zh-CN");
  });

  it("keeps a language chosen with /lang, whatever the worker then writes", () => {
    const worker = new Worker(env.app, "lang2");
    worker.says("/lang en");
    worker.says("老板欠我工资");
    expect(worker.last?.locale).toBe("en");
  });
});

describe("short messages after a complaint is logged", () => {
  it("thanks get a polite answer, 'any progress?' the case's status, 'still not paid' after resolution reopens it", () => {
    const worker = new Worker(env.app, "after1");
    worker.says(FULL_FIRST_MESSAGE);
    const id = confirmAndGetId(worker);

    worker.says("好的谢谢");
    expect(worker.last?.replies.map((r) => r.text).join("\n")).toContain(`不客气。投诉 ${formatCaseId(id)}`);
    expect(worker.last?.expecting).toBeNull();

    worker.says("有进展吗");
    expect(worker.last?.caseId).toBe(id);
    expect(worker.last?.replies.map((r) => r.text).join("\n")).toContain("已登记");

    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note: "老板已付清" });
    // The notice of resolution says how to answer if the money never came.
    const notice = env.app.outbox.due("local", env.clock.now() + 1, 50, "local:after1").find((row) => row.messageKey === "notify.resolved");
    expect(notice && renderNotification(notice)).toContain("还没收到钱");
    worker.says("还没收到钱");
    expect(worker.last?.replies.map((r) => r.text).join("\n")).toContain("重新办理");
    expect(env.app.ledger.find(id)?.status).toBe("reopened");
    // Nothing of this was taken for a new complaint.
    expect(env.app.ledger.listByFiler("local:after1")).toHaveLength(1);
  });

  it("a story after a logged case is a new complaint, and thanks from a stranger are answered without a case", () => {
    const worker = new Worker(env.app, "after2");
    worker.says(FULL_FIRST_MESSAGE);
    confirmAndGetId(worker);
    worker.says("还有一个事，郑州金水区恒发电器厂欠我8000块工资没给");
    expect(worker.last?.expecting).not.toBeNull();
    worker.says("/cancel");
    // Short, but a story: who owes what.
    worker.says("恒发电器厂欠我8000块工资没给");
    expect(worker.last?.expecting).not.toBeNull();

    const stranger = new Worker(env.app, "after3");
    stranger.says("谢谢");
    expect(stranger.last?.replies.map((r) => r.text).join("\n")).toContain("不客气");
    expect(stranger.last?.expecting).toBeNull();
  });
});

describe("a worker who reports violence", () => {
  it("is told to call 110 at once and again when logged, and the officer sees it among the reasons", () => {
    const worker = new Worker(env.app, "hit");
    const id = worker.files("我在郑州金水区饭店当服务员，老板欠我3个月工资一共9000还打人", { project: "金水饭店", employer: "金水饭店" });
    expect(worker.last?.replies[0]?.text).toContain("110");
    const early = new Worker(env.app, "hit2");
    early.says("老板不给工资还打人，在郑州金水区");
    expect(early.last?.replies[0]?.text).toContain("110");
    expect(env.app.ledger.find(id)?.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ key: "triage:reason.violence" })]));
  });
});

describe("a complaint that is not about work", () => {
  it("is logged and told where to go, without the labour channels or a place it was never asked; /status says it again", () => {
    const buyer = new Worker(env.app, "buyer");
    buyer.says("在淘宝买了个电饭锅坏了，商家不给退款");
    expect(buyer.last?.expecting).toBe("confirm");
    const id = confirmAndGetId(buyer);
    expect(buyer.heard).toContain("12315");
    expect(buyer.heard).not.toContain("地点");
    expect(buyer.heard).not.toContain("根治欠薪线索");
    expect(buyer.heard).not.toContain("12333");
    buyer.says(`/status ${id}`);
    expect(buyer.heard).toContain("12315");
    expect(buyer.heard).not.toContain("证据");
  });

  it("a work injury keeps the labour channels but not the arrears clue platform, and no contradiction about who handles it", () => {
    const worker = new Worker(env.app, "injured");
    worker.files("我在洛阳涧西区工地干活从架子上摔下来骨折了，老板不给医药费", { employer: "宏达劳务", project: "凤凰城", headcount: "1" });
    expect(worker.heard).toContain("12333");
    expect(worker.heard).not.toContain("根治欠薪线索");
    expect(worker.heard).not.toContain("属地管理");
  });
});

describe("the kind of problem corrected at the summary", () => {
  it("re-reads the story when the worker says it is about wages after all, and asks what arrears need", () => {
    const worker = new Worker(env.app, "recat");
    worker.says("在淘宝买的东西，老板不给退钱");
    expect(worker.heard).toContain("不是劳动问题");
    worker.says("不对，是老板欠了我两个月工资没发，我在他店里上班");
    expect(worker.heard).toContain("改按「拖欠工资」登记");
    expect(worker.last?.expecting).toBe("place");
    // The story was not taken for the employer's name.
    expect(worker.heard).not.toContain("欠钱的一方 →");
  });
});

describe("an officer's question to a worker who is writing another complaint", () => {
  it("is answered after pressing 'answer this question', and the complaint being written goes on", () => {
    const worker = new Worker(env.app, "busy");
    const id = worker.files(FULL_FIRST_MESSAGE);
    worker.says("郑州金水区恒发电器厂欠我8000块工资没给");
    const asked = worker.last?.expecting;
    expect(asked).not.toBeNull();

    env.app.actions.askWorker({ caseId: id, question: "派遣公司的全名是什么？", by: "张三", channel: "cli" });
    deliverWorkerNotices(env.app);
    const notice = env.app.store.sqlite.prepare("SELECT choices FROM outbox WHERE message_key = 'notify.question'").get() as { choices: string };
    expect(JSON.parse(notice.choices)).toEqual([{ id: `answer:${id}`, labelKey: "question.answerButton" }]);
    worker.presses(`answer:${id}`);
    expect(worker.heard).toContain("请写下您对投诉");
    worker.says("昆山鼎信人力资源有限公司");
    expect(worker.heard).toContain("已转给负责投诉");
    // The complaint being written asks its question again and keeps its facts.
    expect(worker.last?.expecting).toBe(asked);
    const events = env.app.ledger.events(id).filter((event) => event.type === "worker_replied");
    expect(events.map((event) => (event.data as { text: string }).text)).toEqual(["昆山鼎信人力资源有限公司"]);
    // The button works once: the next message belongs to the complaint again.
    worker.presses(`answer:${id}`);
    expect(worker.heard).toContain("过期");
  });
});

describe("a summary for a problem that is not arrears", () => {
  it("names the employer and the people concerned, not 'who owes' and 'people owed'", () => {
    const worker = new Worker(env.app, "social");
    worker.says("公司一直没给我交社保，在郑州金水区宏达物流公司上班");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("单位：宏达物流公司");
    expect(worker.heard).not.toContain("欠钱的一方");
    expect(worker.heard).not.toContain("被欠人数");
  });
});

describe("a worker off a building site who names the workplace", () => {
  it("is not asked for the workplace again", () => {
    const worker = new Worker(env.app, "factory");
    worker.says("我在深圳龙华富士康当普工，两个月工资没发，一个月5000");
    expect(worker.last?.expecting).toBe("employer");
    const id = worker.files("富士康", {});
    expect(env.app.ledger.find(id)).toMatchObject({ project: expect.stringContaining("富士康"), amountYuan: 10000, sector: "manufacturing" });
  });
});
