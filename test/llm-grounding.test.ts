// Grounding and merging without a server: what of a model's answer survives, and how it joins the rules.
import { describe, expect, it } from "vitest";
import { Gazetteer } from "../src/routing/gazetteer.js";
import { prepareText, readPrepared } from "../src/triage/read-message.js";
import { CircuitBreaker } from "../src/triage/llm/breaker.js";
import { LruCache } from "../src/triage/llm/cache.js";
import { amountGrounded, groundReading, headcountGrounded, nameGrounded, numeralsIn } from "../src/triage/llm/grounding.js";
import { mergeReadings } from "../src/triage/llm/merge.js";
import { parseModelContent } from "../src/triage/llm/schema.js";
import { modelAnswer } from "./helpers/openai-stand-in.js";
import type { ModelReading } from "../src/triage/llm/schema.js";

const gazetteer = Gazetteer.shared();
const answer = (fields: Partial<ModelReading>): ModelReading => modelAnswer(fields) as ModelReading;

describe("numbers the message writes", () => {
  it("reads Chinese, Arabic and chat forms, and products of two written factors only", () => {
    const values = numeralsIn(prepareText("欠我们8个人工资一共12万，每人一万五，干了三个月，月薪4500，还有两万零八百一分没拿到").text).map((n) => n.value);
    expect(values).toEqual(expect.arrayContaining([8, 120000, 15000, 3, 4500, 20800]));
    const numerals = numeralsIn("每人一万五,12个人");
    expect(amountGrounded(15000, numerals)).toBe(true);
    expect(amountGrounded(180000, numerals)).toBe(true); // 12 × 15 000
    expect(amountGrounded(200000, numerals)).toBe(false); // invented
    expect(amountGrounded(35000, numeralsIn("欠我3万5"))).toBe(true);
    expect(amountGrounded(35000, numeralsIn("差不多3.5w"))).toBe(true);
    expect(amountGrounded(1000000, numeralsIn("欠我3万5"))).toBe(false);
  });

  it("keeps a headcount only when its count is written", () => {
    expect(headcountGrounded({ min: 6, max: 6 }, numeralsIn("我们一共六个人"))).toEqual({ min: 6, max: 6 });
    expect(headcountGrounded({ min: 7, max: 7 }, numeralsIn("我们一共六个人"))).toBeNull();
    expect(headcountGrounded({ min: 20, max: 29 }, numeralsIn("二十多个人"))).toEqual({ min: 20, max: 29 });
    expect(headcountGrounded({ min: 6, max: 60 }, numeralsIn("六个人"))).toEqual({ min: 6, max: 6 });
  });

  it("keeps a name only when it appears in the message, and never a bare role word", () => {
    expect(nameGrounded("孙立华", "活是一个叫孙立华的人揽下来的")).toBe("孙立华");
    expect(nameGrounded("“孙立华”", "活是一个叫孙立华的人揽下来的")).toBe("孙立华");
    expect(nameGrounded("孙立新", "活是一个叫孙立华的人揽下来的")).toBeNull();
    expect(nameGrounded("老板", "老板跑了")).toBeNull();
  });
});

describe("groundReading", () => {
  const text = prepareText("在郑州金水区做装修，活是一个叫孙立华的人揽下来的，到现在还欠我两万三没给，电话138 1234 5678").text;

  it("drops invented values and invalid enums, and resolves the place through the gazetteer", () => {
    const { reading, dropped } = groundReading(
      answer({
        employer: "孙立华",
        project: "金水花园", // not in the message
        amountYuan: 50000, // invented
        place: "郑州金水区",
        sector: "construction",
        ownership: "state" as ModelReading["ownership"], // not one of ours
        phone: "13812345678",
        since: "去年8月", // not in the message
      }),
      text,
      gazetteer,
    );
    expect(reading.employer).toBe("孙立华");
    expect(reading.project).toBeNull();
    expect(reading.amountYuan).toBeNull();
    expect(reading.sector).toBe("construction");
    expect(reading.ownership).toBeNull();
    expect(reading.phone).toBe("13812345678");
    expect(reading.since).toBeNull();
    expect(reading.place).toMatchObject({ status: "found", division: { code: "410105" } });
    expect(dropped.sort()).toEqual(["amountYuan", "ownership", "project", "since"]);
  });

  it("never takes a place the message does not name", () => {
    const { reading, dropped } = groundReading(answer({ place: "北京市朝阳区" }), text, gazetteer);
    expect(reading.place.status).toBe("none");
    expect(dropped).toEqual(["place"]);
  });
});

describe("mergeReadings", () => {
  const text = prepareText("说来话长，在郑州金水区做装修，活是一个叫孙立华的人揽下来的，干完以后一拖再拖，到现在还欠我两万三没给").text;
  const rules = readPrepared(text, gazetteer);

  it("keeps the rules' values, fills what they missed from the grounded model reading", () => {
    expect(rules.employer).toBeNull();
    const grounded = groundReading(answer({ employer: "孙立华", amountYuan: 23000, headcount: { min: 1, max: 1 }, sector: "services" }), text, gazetteer);
    const { reading, sources } = mergeReadings(rules, grounded.reading, text);
    expect(reading.employer).toBe("孙立华");
    expect(sources.employer).toBe("model");
    expect(reading.amountYuan).toBe(rules.amountYuan);
    expect(sources.amountYuan).toBe("rules");
    expect(reading.sector).toBe("construction"); // the rules' sector wins over the model's
    expect(reading.place).toEqual(rules.place);
  });

  it("lets a grounded model name replace a rules' name that is not in the text", () => {
    const fake = { ...rules, employer: "某某公司" };
    const grounded = groundReading(answer({ employer: "孙立华" }), text, gazetteer);
    expect(mergeReadings(fake, grounded.reading, text).reading.employer).toBe("孙立华");
  });
});

describe("our side of json_object validation", () => {
  it("keeps valid fields, nulls invalid or missing ones, rejects non-JSON", () => {
    const parsed = parseModelContent('```json\n{"employer":"孙立华","sector":"建筑","amountYuan":"两万"}\n```');
    expect(parsed).toMatchObject({ employer: "孙立华", sector: null, amountYuan: null, project: null });
    expect(() => parseModelContent("{employer: 孙立华")).toThrow();
    expect(() => parseModelContent("[1,2]")).toThrow();
  });
});

describe("breaker and cache", () => {
  it("opens after N failures, lets one probe through after the cool-down, closes on its success", () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1000, now: () => now });
    expect(breaker.tryAcquire()).toBe(true);
    breaker.failure();
    expect(breaker.state).toBe("closed");
    breaker.failure();
    expect(breaker.state).toBe("open");
    expect(breaker.tryAcquire()).toBe(false);
    now = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // one probe at a time
    breaker.failure();
    expect(breaker.state).toBe("open");
    now = 2000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.success();
    expect(breaker.state).toBe("closed");
  });

  it("evicts the least recently used entry", () => {
    const cache = new LruCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.size).toBe(2);
  });
});
