// What a desk officer scans `case list` and `case show` for: a header naming the columns, what each
// complaint is (a sum, or the kind of complaint when it is not arrears), the 【风险】 marker of a worker
// who spoke of suicide in the complaint itself, and the next deadline by name. `scheduler deadlines
// --overdue` with nothing overdue says so, not that nothing is open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import { caseLineColumns } from "../src/cases/case-line.js";
import { translator } from "../src/i18n.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { cliOn } from "./helpers/cli.js";

/** Files a complaint as the reviewer's driver did: answers from `answers`, else the first button. */
function fileAll(worker: Worker, text: string, answers: Record<string, string> = {}): string {
  let result = worker.says(text);
  for (let i = 0; i < 10 && !result.caseId; i++) {
    const answer = answers[result.expecting ?? ""];
    if (worker.choiceIds.includes("confirm")) result = worker.presses("confirm");
    else if (answer !== undefined) result = worker.says(answer);
    else if (worker.choiceIds[0] !== undefined) result = worker.presses(worker.choiceIds[0]);
    else throw new Error(`unexpected question ${result.expecting}: ${worker.heard}`);
  }
  if (!result.caseId) throw new Error(`no case logged: ${worker.heard}`);
  return result.caseId;
}

describe("case list and case show", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  let risk: string;
  let small: string;
  let dispute: string;
  beforeAll(() => {
    t = makeTestApp();
    // The CLI runs on the real clock: the cases are filed now, so that their deadlines are not yet past.
    t.clock.current = Date.now();
    cli = cliOn(t);
    risk = fileAll(new Worker(t.app, "g7"), "广州天河区鑫达装饰公司欠我3个月工资1万2，再不给就去跳楼", { headcount: "就我一个", project: "不知道" });
    small = new Worker(t.app, "x6").files("我在新乡市红旗区恒发电器厂上班，老板欠我7000块工资");
    dispute = fileAll(new Worker(t.app, "z6"), "我在郑州金水区一家物流公司上班，被辞退了没给经济补偿，也没签劳动合同");
  });
  afterAll(() => t.cleanup());

  it("marks a worker who threatened suicide in the complaint 【重大·风险】 at once, in the CLI and in Slack's line", { timeout: 60_000 }, async () => {
    const row = t.app.ledger.find(risk)!;
    expect(JSON.stringify(row.reasons)).toContain("extremeRisk");
    expect(t.app.ledger.events(risk).some((event) => event.type === "worker_at_risk")).toBe(false);
    // The function Slack's /cases lines use too.
    expect(caseLineColumns(translator("zh-CN"), t.app.ledger, row, t.clock.now()).markers).toBe("【重大·风险】");
    expect(caseLineColumns(translator("zh-CN"), t.app.ledger, t.app.ledger.find(small)!, t.clock.now()).markers).toBe("");

    const list = await cli("case", "list");
    expect(list.code, list.stderr).toBe(0);
    const line = list.stdout.split("\n").find((l) => l.startsWith(formatCaseId(risk)))!;
    expect(line).toContain("【重大·风险】");
  });

  it("has a header, every column on every line, the category for a complaint that is not arrears, and the next deadline", { timeout: 60_000 }, async () => {
    const list = await cli("case", "list");
    const lines = list.stdout.trim().split("\n");
    expect(lines[0]).toBe("编号  登记时间  状态  金额或类别  人数  标记  办理地  对象  下一个期限");
    const line = (id: string) => lines.find((l) => l.startsWith(formatCaseId(id)))!;
    expect(line(small)).toMatch(/ 已登记，待受理  ¥7,000  1 人  -  红旗区  恒发电器厂  当日核查分类 \d{4}-\d\d-\d\d 23:59$/);
    expect(line(risk)).toMatch(/【重大·风险】  天河区  鑫达装饰公司  (当日核查分类|重大案件当日查清事实) /);
    // A labour dispute owes no sum: the line says what it is, not "¥-", and no deadline is open.
    expect(t.app.ledger.find(dispute)!.isArrears).toBe(false);
    expect(line(dispute)).toMatch(/ 劳动争议  1 人  -  金水区  .*  -$/);
    expect(list.stdout).not.toContain("¥-");
  });

  it("case show names the deadline it shows", { timeout: 60_000 }, async () => {
    const shown = await cli("case", "show", small);
    expect(shown.stdout).toMatch(/\n下一个期限: 当日核查分类 \d{4}-\d\d-\d\d 23:59\n/);
    const accepted = await cli("case", "set-status", small, "受理", "--by", "张三");
    expect(accepted.code, accepted.stderr).toBe(0);
    expect((await cli("case", "show", small)).stdout).toMatch(/\n下一个期限: 办结 \d{4}-\d\d-\d\d 23:59\n/);
  });

  it("scheduler deadlines --overdue with nothing overdue says nothing is overdue; without it, the open ones are listed", { timeout: 60_000 }, async () => {
    const overdue = await cli("scheduler", "deadlines", "--overdue");
    expect(overdue.stdout.trim()).toBe("没有逾期的期限。");
    const open = await cli("scheduler", "deadlines");
    expect(open.stdout).toContain(formatCaseId(small));
  });
});
