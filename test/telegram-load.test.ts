// 200 workers filing at once through the real bot (runner, sequentialize by chat) and the stand-in.
import { afterEach, expect, it } from "vitest";
import { cases } from "../src/db/schema.js";
import { setupTelegram, type TelegramTestEnv } from "./helpers/telegram-setup.js";
import { fileComplaint, type WorkerProfile } from "./helpers/telegram-worker.js";

let env: TelegramTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const PLACES = ["河南省新乡市红旗区", "广东省深圳市南山区", "浙江省杭州市西湖区", "四川省成都市武侯区"];

it("200 workers filing at once: 200 cases with their own facts, each worker hearing only their own conversation", async () => {
  env = await setupTelegram();
  const e = env;
  const workers: WorkerProfile[] = Array.from({ length: 200 }, (_, i) => {
    const amount = 10_000 + i * 7;
    const place = PLACES[i % PLACES.length]!;
    return {
      chatId: 50_000 + i,
      story: `我在${place}干活，老板欠我们${(i % 9) + 2}个人工资${amount}元`,
      place,
      project: `幸福家园${i}号楼`,
      employer: `工号${i}建筑劳务公司`,
      amount,
      headcount: (i % 9) + 2,
    };
  });
  const started = Date.now();
  const ids = await Promise.all(workers.map((w) => fileComplaint(e.standIn, e.done, w)));
  const elapsed = Date.now() - started;

  const rows = e.app.store.db.select().from(cases).all();
  expect(rows).toHaveLength(200);
  expect(new Set(ids).size).toBe(200);
  for (const [i, w] of workers.entries()) {
    const row = rows.find((r) => r.id === ids[i])!;
    expect(row.filerKey).toBe(`telegram:${w.chatId}`);
    expect(row.amountYuan).toBe(w.amount);
    expect(row.headcountMin).toBe(w.headcount);
    expect(row.project).toBe(w.project);
    expect(row.employer).toBe(w.employer);
    // The worker's transcript mentions only their own amount and project, and their own case id.
    const transcript = e.standIn.textsTo(w.chatId).join("\n");
    const amounts = [...transcript.matchAll(/¥([\d,]+)/g)].map((m) => Number(m[1]!.replace(/,/g, "")));
    expect(amounts.length).toBeGreaterThan(0);
    expect(new Set(amounts)).toEqual(new Set([w.amount]));
    expect([...transcript.matchAll(/幸福家园(\d+)号楼/g)].map((m) => Number(m[1]))).toSatisfy((n: number[]) =>
      n.every((x) => x === i),
    );
    expect([...transcript.matchAll(/编号：(\S+)/g)].map((m) => m[1]!.replace(/-/g, ""))).toEqual([ids[i]]);
  }
  // Every button press was answered.
  expect(e.standIn.callbackAnswers.length).toBe(e.standIn.callsOf("answerCallbackQuery").length);
  expect(elapsed).toBeLessThan(40_000);
}, 60_000);
