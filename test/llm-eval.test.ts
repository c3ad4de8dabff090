// `arrears eval FILE --extractor rules|llm|both`: the readers side by side, the model over HTTP.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../src/routing/gazetteer.js";
import { Router } from "../src/routing/router.js";
import { parseExtractor, runEvalWith } from "../src/triage/eval-command.js";
import { ModelReader } from "../src/triage/llm/model-reader.js";
import type { TriageDeps } from "../src/triage/triage.js";
import { modelAnswer, OpenAIStandIn } from "./helpers/openai-stand-in.js";

const RAMBLING =
  "说来话长，前年冬天我跟着村里几个人出来，在郑州金水区做装修，活是一个叫孙立华的人揽下来的，我们平时都听他安排，干完以后他说甲方没结账，一拖再拖，到现在还欠我两万三没给，电话也不怎么接了";
const base = { isArrears: true, category: "wage_arrears", project: null, projectKind: "housing", ownership: null, sector: "construction" };
const LINES = [
  { id: "r1", text: RAMBLING, expect: { ...base, employer: "孙立华", amountYuan: 23000, headcount: 1 } },
  { id: "r2", text: "老板吴德明欠我3万5，在开封祥符区盖厂房干了半年", expect: { ...base, employer: "吴德明", amountYuan: 35000, headcount: 1 } },
];

let server: OpenAIStandIn;
let dir: string;
let deps: TriageDeps;
beforeAll(async () => {
  server = await OpenAIStandIn.start();
  dir = mkdtempSync(join(tmpdir(), "arrears-llm-eval-"));
  const gazetteer = Gazetteer.shared();
  deps = { gazetteer, router: Router.load({}, gazetteer) };
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function capture(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  let text = "";
  out.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  return { out, text: () => text };
}

describe("eval --extractor", () => {
  it("both: rules and merged model reading side by side, with what the model added and what was dropped", async () => {
    const file = join(dir, "labelled.jsonl");
    writeFileSync(file, LINES.map((l) => JSON.stringify(l)).join("\n"));
    server.script = (request) => {
      const message = JSON.parse(request.body.messages[1].content).message as string;
      return message.includes("孙立华")
        ? { kind: "answer", content: modelAnswer({ employer: "孙立华", amountYuan: 23000 }) }
        : { kind: "answer", content: modelAnswer({ employer: "吴德明", amountYuan: 999999 }) }; // invented amount
    };
    const reader = new ModelReader({ apiKey: "k", baseURL: server.baseURL, model: "m", responseFormat: "json_schema", timeoutMs: 2000 }, deps.gazetteer);
    const { out, text } = capture();
    const reports = await runEvalWith(file, deps, out, { extractor: "both", modelReader: reader });

    expect(reports.rules?.accuracy.employer).toBe(0.5);
    expect(reports.llm?.accuracy.employer).toBe(1);
    expect(reports.llm?.accuracy.amountYuan).toBe(1);
    expect(reports.llm?.model).toMatchObject({ answered: 2, failed: 0, dropped: { amountYuan: 1 }, fromModel: { employer: 1 } });
    expect(text()).toMatch(/^\s+rules\s+llm$/m);
    expect(text()).toMatch(/employer\s+50\.0%\s+100\.0%/);
    expect(text()).toContain("model values dropped (not in the message): amountYuan 1");
    expect(server.completions).toHaveLength(2);
  });

  it("rules stays the default and prints the report as before; llm without a model is refused", async () => {
    const file = join(dir, "labelled.jsonl");
    const { out, text } = capture();
    const reports = await runEvalWith(file, deps, out, {});
    expect(reports.llm).toBeUndefined();
    expect(text()).toContain("per-field accuracy:");
    await expect(runEvalWith(file, deps, capture().out, { extractor: "llm" })).rejects.toThrow(/OPENAI_API_KEY/);
    expect(parseExtractor(undefined)).toBe("rules");
    expect(() => parseExtractor("gpt")).toThrow(/rules, llm, both/);
  });
});
