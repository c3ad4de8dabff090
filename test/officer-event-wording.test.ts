// The ledger as officers read it (`case show`, Slack's ticket and /case): the worker's events in the
// third person ("工人说仍未收到工资"), never the words meant for the worker ("您说没有收到工资"), and
// no internal marker ("follow_up_unpaid") in place of words.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventLabel, eventNote } from "../src/cases/event-text.js";
import { translator } from "../src/i18n.js";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";

const ORDINARY = "我在新乡市红旗区碧桂园凤凰城三期干木工，包工头刘建国欠我们班组12个人工资一共23万6";

let env: TestApp;
beforeAll(() => {
  env = makeTestApp();
});
afterAll(() => env.cleanup());

/** The ledger lines an officer reads: label and note, as src/cli.ts and the Slack desk compose them. */
function officerLedger(caseId: string, locale: "zh-CN" | "en"): string[] {
  const t = translator(locale);
  return env.app.ledger.events(caseId).map((event) => `${eventLabel(t, event.type, event.data)} ${eventNote(t, event.data)}`.trim());
}

describe("a worker's events in the officers' ledger", () => {
  it("a worker who says the money never came, after the case was closed: third person, in words", () => {
    const worker = new Worker(env.app, "third1");
    const id = worker.files(ORDINARY);
    env.app.actions.setStatus({ caseId: id, status: "resolved", by: "张三", channel: "cli", note: "recovered:236000;workersPaid:12" });
    worker.says("还没收到钱");
    worker.says("我电话13812345678");
    env.app.actions.askWorker({ caseId: id, question: "请补充工资条", by: "张三", channel: "cli" });
    env.app.actions.followUpAnswered(id, "paid", "local:third1", "local");

    const zh = officerLedger(id, "zh-CN");
    expect(zh).toContain("工人说仍未收到工资");
    // The reopening it caused says why in words, not the code it is stored under.
    expect(zh).toContain("状态改为「重新办理」 工人说仍未收到工资");
    expect(zh.some((line) => line.startsWith("登记投诉"))).toBe(true);
    expect(zh.some((line) => line.startsWith("向工人提问") && line.includes("请补充工资条"))).toBe(true);
    const all = zh.join("\n");
    expect(all).not.toMatch(/您|你/);
    expect(all).not.toMatch(/follow_up_unpaid|[a-z]+_[a-z]+/);

    const en = officerLedger(id, "en").join("\n");
    expect(en).toContain("Worker says they are still not paid");
    expect(en).not.toMatch(/\byou\b/i);
  });

  it("a resolution recorded with its handling at once reads in words: the handling, then the figures", () => {
    const t = translator("zh-CN");
    expect(eventNote(t, { to: "resolved", note: "record:mediation recovered:0;workersPaid:0;老板跑路" })).toBe("协调 · 追回 ¥0，0 人拿到钱 · 老板跑路");
    expect(eventNote(t, { to: "handling", note: "record:police 已报案" })).toBe("移送公安 · 已报案");
  });

  it("every event the worker is told of has officers' own words, in both languages, in the third person", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const messages = JSON.parse(readFileSync(`locales/${locale}/translation.json`, "utf8")) as { event: Record<string, string>; cli: { event: Record<string, string> } };
      const t = translator(locale);
      // "…_others" are the same events worded for a relative reading the case (i18next context), not types.
      const workerTypes = Object.keys(messages.event).filter((key) => !key.endsWith("_others") && !["status_changed_note", "other", "access_code_failed_times"].includes(key));
      for (const type of workerTypes) {
        expect(messages.cli.event[type], `${locale} cli.event.${type}`).toBeTypeOf("string");
        const label = eventLabel(t, type, { to: "accepted", changes: [] });
        expect(label, `${locale} ${type}`).not.toMatch(locale === "zh-CN" ? /您|你/ : /\byou(r)?\b/i);
      }
    }
  });
});
