// An officer who repeats an action (a tired one, or a script run twice) is refused before anything is
// said about figures: "办结：追回 9,000 元…" printed and then refused reads as a second record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestApp, Worker, type TestApp } from "./helpers/app.js";
import { cliOn } from "./helpers/cli.js";

describe("resolving a case a second time", () => {
  let t: TestApp;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(() => {
    t = makeTestApp();
    cli = cliOn(t);
  });
  afterAll(() => t.cleanup());

  it("prints the figures when they are recorded, and only the refusal the second time", { timeout: 60_000 }, async () => {
    const id = new Worker(t.app, "r1").files("我在新乡市红旗区恒发电器厂上班，老板欠我9000块工资");
    const first = await cli("case", "set-status", id, "resolved", "--by", "李华", "--recovered", "9000");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("追回 9,000 元");
    expect(first.stdout).toContain("已办结");

    const again = await cli("case", "set-status", id, "resolved", "--by", "李华", "--recovered", "9000");
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("不能从「已办结」改为「已办结」");
    expect(again.stderr).not.toContain("9,000");
    const resolutions = t.restart().ledger.events(id).filter((e) => e.type === "status_changed" && (e.data as { to?: string }).to === "resolved");
    expect(resolutions).toHaveLength(1);
  });
});
