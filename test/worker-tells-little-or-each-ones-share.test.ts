// Ordinary stories a regression review found misread: a site and a trade with nothing said of what is
// wrong (filed as a labour dispute, the sum never asked), "一人欠8000" from a group (taken as one person
// owed ¥8,000), and a worker's own sum dropped when the team's total is not known.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { classify } from "../src/triage/classify.js";
import { readMessage } from "../src/triage/read-message.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

describe("a worker who tells where they work and nothing more", () => {
  it("is asked how much is owed, as an arrears complaint, not summed up as a labour dispute", () => {
    const text = "我在长沙市岳麓区梅溪湖那个恒大工地干木工";
    expect(classify(text, readMessage(text))).toMatchObject({ category: "wage_arrears", isArrears: true });
    const worker = new Worker(env.app, "carpenter");
    worker.says(text);
    worker.says("恒大");
    expect(worker.last?.expecting).toBe("amount");
    expect(worker.heard).not.toContain("劳动争议");
  });

  it("can still say it is not about wages, and is then asked what it is", () => {
    const worker = new Worker(env.app, "other");
    worker.says("我在长沙市岳麓区梅溪湖那个恒大工地干木工");
    worker.says("不是欠工资");
    expect(worker.heard).toContain("再用一句话说说是什么事");
  });
});

describe("each one's share said with 一人", () => {
  it("reads 一人欠8000 from a group as each one's share, not one person owed ¥8,000", () => {
    const reading = readMessage("我们在太原市小店区富力城工地干活，一人欠8000");
    expect(reading.headcount).toBeNull();
    expect(reading.amountYuan).toBeNull();
    const worker = new Worker(env.app, "each");
    worker.says("我们在太原市小店区富力城工地干活，一人欠8000");
    worker.says("包工头老马");
    expect(worker.last?.expecting).toBe("headcount");
    worker.says("七八个");
    expect(worker.heard).toContain("¥56,000");
  });
});

describe("the worker's own sum, the team's total not known", () => {
  it("keeps the own sum, marked as the worker's, when the total is 不知道", () => {
    const worker = new Worker(env.app, "own");
    worker.says("我在佛山市顺德区的家具厂上班，工厂叫好家居，老板欠了我们二三十个人的工资，我自己被欠了一万八");
    expect(worker.last?.expecting).toBe("amount");
    worker.says("不知道");
    expect(worker.heard).toContain("先记您本人被欠的 ¥18,000");
    expect(worker.heard).toContain("欠款金额：¥18,000（您本人的）");
    const id = worker.presses("confirm").caseId!;
    const row = env.app.ledger.find(id)!;
    expect(row.amountYuan).toBe(18_000);
    expect(JSON.stringify(row.reasons)).toContain("triage:reason.amountOwnShare");
  });
});

describe("a place sent alone before the story", () => {
  it("is kept for the story told next, not asked again", () => {
    const worker = new Worker(env.app, "placefirst");
    worker.says("在郑州市中原区");
    expect(worker.heard).toContain("记下了地点：河南省郑州市中原区");
    worker.says("一个饭店欠我工资，老板不给");
    expect(worker.last?.expecting).not.toBe("place");
    expect(worker.last?.expecting).toBe("amount");
  });
});

describe("an English worker naming who owes", () => {
  it("reads 'the foreman Zhang owes me' and 'Zhang Wei the contractor owes me', so the employer is not asked again", () => {
    expect(readMessage("I worked at a site in Shenzhen Nanshan district, the foreman Zhang owes me 15000").employer).toBe("foreman Zhang");
    expect(readMessage("I worked at a site in Shenzhen Nanshan district, Zhang Wei the contractor owes me 15000").employer).toBe("Zhang Wei");
    // Not a name: a capitalised word that owes nothing.
    expect(readMessage("I worked at a site in Shenzhen Nanshan district, the foreman is nice but the company owes me 15000").employer).not.toBe("foreman is");
  });
});

describe("a rider's platform and station, told together", () => {
  it("keeps 美团南山站 from the first message, and does not ask which station", () => {
    const worker = new Worker(env.app, "rider");
    worker.says("美团南山站，站长姓李，欠我两个月工资一万二，我在深圳南山区送外卖");
    expect(worker.last?.expecting).toBe("confirm");
    expect(worker.heard).toContain("平台/站点：美团 南山站");
  });

  it("takes 'Meituan Nanshan station, manager is Mr Li' and 'Meituan, Nanshan station' in English, with no loop", () => {
    const worker = new Worker(env.app, "rider-en");
    worker.says("/lang en");
    worker.says("I deliver food in Shenzhen Nanshan district, the station owes me 2 months pay 12000");
    worker.says("Meituan Nanshan station, manager is Mr Li");
    expect(worker.heard).toContain("Platform / station: Meituan Nanshan station");
    expect(worker.last?.expecting).toBe("confirm");
    const other = new Worker(env.app, "rider-en2");
    other.says("/lang en");
    other.says("I deliver food in Shenzhen Nanshan district, the station owes me 2 months pay 12000");
    other.says("Mr Li, the station manager");
    expect(other.last?.expecting).toBe("project");
    // The example's own form ("Meituan, Yubei station"): taken, not asked again.
    other.says("Meituan, Nanshan station");
    expect(other.last?.expecting).toBe("confirm");
    expect(other.heard).toContain("Platform / station: Meituan Nanshan station");
  });
});

describe("a workplace told by its kind only", () => {
  it("is no name: 一家KTV, 一个厂里, 一家快递站点 leave the name to be asked; a town before a name is dropped", async () => {
    const { readWorkplace } = await import("../src/triage/project.js");
    expect(readWorkplace("我在东莞市长安镇一个厂里打工 老板欠我工资")).toBeNull();
    expect(readWorkplace("我在一家KTV上班 老板欠我三千")).toBeNull();
    expect(readWorkplace("我在一家快递站点干活 欠我两个月工资")).toBeNull();
    expect(readWorkplace("我在长安镇老板娘食品厂上班")).toBe("老板娘食品厂");
    // A name said with it stays.
    expect(readWorkplace("我在一家叫金色年华的KTV上班")).not.toBeNull();
  });
});

describe("a sum said as a rough range", () => {
  it("is noted at the middle, with the range the worker said beside it for the officer", () => {
    const worker = new Worker(env.app, "rough");
    const id = worker.files("我在郑州金水区凤凰城工地干活 宏达劳务欠我们8个人两三万吧");
    const row = env.app.ledger.find(id)!;
    expect(row.amountYuan).toBe(25_000);
    const reasons = JSON.stringify(row.reasons);
    expect(reasons).toContain("triage:reason.amountSpokenRange");
    expect(reasons).toContain('"low":20000');
    expect(reasons).toContain('"high":30000');
    // A plain sum carries no such note.
    const plain = new Worker(env.app, "plain").files("我在郑州金水区凤凰城工地干活 宏达劳务欠我们8个人两万五");
    expect(JSON.stringify(env.app.ledger.find(plain)!.reasons)).not.toContain("amountSpokenRange");
  });
});

describe("a relative reading the case with its access code", () => {
  it("reads what the worker did as the worker's ('工人补充了情况'), and the filer still reads 您", () => {
    const filer = new Worker(env.app, "filer");
    filer.says("我在郑州金水区凤凰城工地干活 宏达劳务欠我们8个人工资一共12万");
    filer.presses("confirm");
    const id = filer.last!.caseId!;
    const code = filer.heard.match(/查询码：(\d{6})/)?.[1] as string;
    filer.says("我电话13712345678");
    const relative = new Worker(env.app, "relative");
    relative.says(`查询 ${id} ${code}`);
    expect(relative.heard).toContain("工人留了电话");
    expect(relative.heard).not.toContain("您留了电话");
    filer.says(`查询 ${id}`);
    expect(filer.heard).toContain("您留了电话");
  });
});

describe("a site named with its own county", () => {
  it("moves the place to the site's county of the same city (属地), and keeps the site's name without it", () => {
    const worker = new Worker(env.app, "site-county");
    worker.says("在邯郸的工地干活 包工头老王欠我们二十多个人三万五");
    worker.says("复兴区");
    expect(worker.last?.expecting).toBe("project");
    worker.says("丛台区那个龙湖天街工地");
    expect(worker.heard).toContain("已改好：地点 → 丛台区");
    expect(worker.heard).toContain("项目/工地：龙湖天街工地");
    const id = worker.presses("confirm").caseId!;
    expect(env.app.ledger.find(id)?.divisionCode).toBe("130403");
  });
});
