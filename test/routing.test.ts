import { fileURLToPath } from "node:url";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { Gazetteer } from "../src/routing/gazetteer.js";
import { DEFAULT_CONTACTS_FILE } from "../src/routing/contacts.js";
import { Router, type RouteInput } from "../src/routing/router.js";
import { DEFAULT_RULES_FILE, type RulesFile } from "../src/routing/rules.js";

const gazetteer = Gazetteer.shared();
let router: Router;
let dir: string;

beforeAll(() => {
  // The example contacts file has local numbers at every level, to exercise inheritance.
  router = Router.load({ contactsFile: fileURLToPath(new URL("../src/routing/example-contacts.yaml", import.meta.url)) }, gazetteer);
  dir = mkdtempSync(join(tmpdir(), "routing-test-"));
});

/** An arrears case of one worker in 红旗区 with nothing else known; tests change what they exercise. */
function input(overrides: Partial<RouteInput> = {}): RouteInput {
  return {
    category: "wage_arrears",
    sector: "manufacturing",
    projectKind: null,
    ownership: null,
    headcount: 1,
    amountYuan: 5000,
    divisionCode: "410702",
    ...overrides,
  };
}

function construction(kind: RouteInput["projectKind"], more: Partial<RouteInput> = {}): RouteInput {
  return input({ sector: "construction", projectKind: kind, ...more });
}

function writeFile(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

function keysOf(r: { reasons: { key: string }[] }): string[] {
  return r.reasons.map((x) => x.key);
}

describe("departments (Yunnan §二(一))", () => {
  it("sends everything that is not construction to labour inspection only", () => {
    expect(router.route(input()).departments).toEqual(["hrss_inspection"]);
    expect(router.route(input({ sector: "platform" })).departments).toEqual(["hrss_inspection"]);
  });

  it.each([
    ["housing", "housing"],
    ["transport", "transport"],
    ["water", "water"],
    ["other", "housing"],
    [null, "housing"],
  ] as const)("construction of kind %s: the industry authority %s together with labour inspection", (kind, authority) => {
    const route = router.route(construction(kind));
    expect(route.departments).toEqual(["hrss_inspection", authority]);
  });

  it("adds SASAC for a state-owned enterprise", () => {
    const route = router.route(construction("water", { ownership: "soe" }));
    expect(route.departments).toEqual(["hrss_inspection", "water", "sasac"]);
    expect(keysOf(route)).toContain("reason.soe");
    expect(router.route(input({ ownership: "soe" })).departments).toEqual(["hrss_inspection", "sasac"]);
  });

  it("adds the funding departments for a government-invested project, not for a private one", () => {
    const route = router.route(construction("housing", { ownership: "government" }));
    expect(route.departments).toEqual(["hrss_inspection", "housing", "development_finance"]);
    expect(keysOf(route)).toContain("reason.government_invested");
    expect(router.route(construction("housing", { ownership: "private" })).departments).toEqual(["hrss_inspection", "housing"]);
  });
});

describe("collective and major cases", () => {
  it("is collective from 10 workers", () => {
    expect(router.route(input({ headcount: 9 })).collective).toBe(false);
    const route = router.route(input({ headcount: 10 }));
    expect(route.collective).toBe(true);
    expect(route.reasons).toContainEqual({ key: "reason.collective", params: { headcount: 10, threshold: 10 } });
    expect(router.route(input({ headcount: null })).collective).toBe(false);
  });

  it("is major from 30 workers, handled at city level (挂牌督办)", () => {
    const below = router.route(input({ headcount: 29 }));
    expect(below.major).toBe(false);
    expect(below.level).toBe("county");
    const major = router.route(input({ headcount: 30 }));
    expect(major.major).toBe(true);
    expect(major.level).toBe("city");
    expect(major.jurisdiction).toEqual({ code: "410702", name: "红旗区", level: "county" });
  });

  it("is major from ¥500,000", () => {
    expect(router.route(input({ amountYuan: 499_999 })).major).toBe(false);
    const major = router.route(input({ amountYuan: 500_000 }));
    expect(major.major).toBe(true);
    expect(major.level).toBe("city");
    expect(keysOf(major)).toContain("reason.major_amount");
  });
});

describe("jurisdiction (属地管理)", () => {
  it("routes to the county of the place", () => {
    const route = router.route(input());
    expect(route.jurisdiction).toEqual({ code: "410702", name: "红旗区", level: "county" });
    expect(route.level).toBe("county");
    expect(route.reasons[0]).toEqual({ key: "reason.jurisdiction_county", params: { name: "红旗区", code: "410702" } });
  });

  it("routes to the city when only the city is known", () => {
    const route = router.route(input({ divisionCode: "410700" }));
    expect(route.jurisdiction?.level).toBe("city");
    expect(route.level).toBe("city");
  });

  it("has no jurisdiction when no place is known, and says so", () => {
    const route = router.route(input({ divisionCode: null }));
    expect(route.jurisdiction).toBeNull();
    expect(keysOf(route)).toContain("reason.no_place");
    expect(route.contacts.hotline).toBe("12333");
  });

  it("does not invent a jurisdiction for an unknown code", () => {
    const route = router.route(input({ divisionCode: "999999" }));
    expect(route.jurisdiction).toBeNull();
    expect(keysOf(route)).toContain("reason.unknown_division");
  });
});

describe("referral when it is not arrears (告知其反映渠道或救济途径)", () => {
  it.each([
    ["project_payment", "housing", "referral.project_payment_housing", ["housing"]],
    ["project_payment", "transport", "referral.project_payment_transport", ["transport"]],
    ["project_payment", "water", "referral.project_payment_water", ["water"]],
    ["project_payment", null, "referral.project_payment_housing", ["housing"]],
    ["labor_dispute", null, "referral.labor_dispute", []],
    ["work_injury", null, "referral.work_injury", []],
    ["social_insurance", null, "referral.social_insurance", []],
    ["not_labor", null, "referral.not_labor", []],
  ] as const)("%s (%s) → %s", (category, kind, key, departments) => {
    const route = router.route(input({ category, projectKind: kind, sector: kind === null ? null : "construction", headcount: 40 }));
    expect(route.referral?.key).toBe(key);
    expect(route.departments).toEqual(departments);
    expect(route.major).toBe(false);
    expect(keysOf(route)).toContain("reason.not_arrears");
  });

  it("gives no referral for arrears", () => {
    expect(router.route(input()).referral).toBeNull();
  });
});

describe("contacts, inherited county → city → province → national", () => {
  it("takes the county's own fields and the city's for the rest", () => {
    // 红旗区 has an office and a channel of its own, no hotline: 新乡市's hotline.
    expect(router.route(input()).contacts).toEqual({
      hotline: "0373-0000000",
      office: "新乡市红旗区人力资源和社会保障局劳动保障监察大队（示例地址）",
      slackChannel: "#arrears-xinxiang-hongqi",
    });
    // 获嘉县 has only a hotline.
    expect(router.route(input({ divisionCode: "410724" })).contacts).toEqual({
      hotline: "0373-0000002",
      office: "新乡市人力资源和社会保障局劳动保障监察支队（示例地址）",
      slackChannel: "#arrears-xinxiang",
    });
  });

  it("falls back to the province, then the national entry", () => {
    // 郑州市金水区: nothing for the county or the city; 河南省 has office and channel; hotline national.
    expect(router.route(input({ divisionCode: "410105" })).contacts).toEqual({
      hotline: "12333",
      office: "河南省人力资源和社会保障厅劳动保障监察局（示例地址）",
      slackChannel: "#arrears-henan",
    });
    expect(router.route(input({ divisionCode: "330282" })).contacts).toEqual({
      hotline: "12333",
      office: null,
      slackChannel: "#arrears-national",
    });
  });

  it("gives a major county case the contacts of its city's office", () => {
    expect(router.route(input({ headcount: 35 })).contacts.slackChannel).toBe("#arrears-xinxiang");
  });

  it("inherits each field separately in a replaced contacts file", () => {
    const file = writeFile(
      "contacts.yaml",
      stringify({
        version: 1,
        national: { hotline: "12333" },
        rightsChannels: [{ key: "rights.hotline_12333", number: "12333" }],
        divisions: {
          "140000": { office: "山西省厅", slackChannel: "#shanxi" },
          "140300": { hotline: "0353-1111111" },
          "140302": { slackChannel: "#yangquan-chengqu" },
        },
      }),
    );
    const custom = Router.load({ contactsFile: file }, gazetteer);
    expect(custom.route(input({ divisionCode: "140302" })).contacts).toEqual({
      hotline: "0353-1111111",
      office: "山西省厅",
      slackChannel: "#yangquan-chengqu",
    });
  });
});

describe("rights channels", () => {
  it("lists the national channels, the arbitration committee with the local number where known", () => {
    const channels = router.rightsChannels("410702");
    const numbers = channels.map((c) => c.number).filter((n) => n !== undefined);
    expect(numbers).toEqual(expect.arrayContaining(["12333", "12345", "12348", "12351", "110"]));
    expect(channels.map((c) => c.key)).toContain("rights.platform");
    expect(channels.find((c) => c.key === "rights.arbitration")?.number).toBe("0373-0000001");
    expect(router.rightsChannels(null).find((c) => c.key === "rights.arbitration")?.number).toBeUndefined();
  });
});

describe("rules and contacts files", () => {
  it("takes thresholds from a replaced rules file", () => {
    const rules = parse(readFileSync(DEFAULT_RULES_FILE, "utf8")) as RulesFile;
    for (const rule of rules.arrears.rules) {
      if (rule.id === "collective") rule.when.minHeadcount = 5;
      if (rule.id === "major_amount") rule.when.minAmountYuan = 100_000;
    }
    const custom = Router.load({ rulesFile: writeFile("rules.yaml", stringify(rules)) }, gazetteer);
    expect(custom.route(input({ headcount: 5 })).collective).toBe(true);
    expect(router.route(input({ headcount: 5 })).collective).toBe(false);
    expect(custom.route(input({ amountYuan: 100_000 })).major).toBe(true);
    expect(router.route(input({ amountYuan: 100_000 })).major).toBe(false);
  });

  it("reads a rules file written as JSON", () => {
    const rules = parse(readFileSync(DEFAULT_RULES_FILE, "utf8")) as RulesFile;
    const file = writeFile("rules.json", JSON.stringify(rules));
    expect(Router.load({ rulesFile: file }, gazetteer).route(construction("water")).departments).toEqual([
      "hrss_inspection",
      "water",
    ]);
  });

  it("rejects a rules file with an unknown department, naming the file and the field", () => {
    const rules = parse(readFileSync(DEFAULT_RULES_FILE, "utf8")) as { arrears: { rules: { departments: string[] }[] } };
    const first = rules.arrears.rules[0];
    if (first === undefined) throw new Error("default rules have no rule");
    first.departments = ["police"];
    const file = writeFile("bad-rules.yaml", stringify(rules));
    expect(() => Router.load({ rulesFile: file }, gazetteer)).toThrow(file);
    expect(() => Router.load({ rulesFile: file }, gazetteer)).toThrow('field "arrears.rules.0.departments.0"');
  });

  it("rejects a rules file with a threshold that is not a number", () => {
    const text = readFileSync(DEFAULT_RULES_FILE, "utf8").replace("minHeadcount: 10", 'minHeadcount: "ten"');
    const file = writeFile("bad-threshold.yaml", text);
    expect(() => Router.load({ rulesFile: file }, gazetteer)).toThrow(/minHeadcount/);
  });

  it("rejects a file that is not YAML, and a missing file", () => {
    const file = writeFile("broken.yaml", "arrears: [unclosed");
    expect(() => Router.load({ rulesFile: file }, gazetteer)).toThrow(file);
    expect(() => Router.load({ rulesFile: join(dir, "missing.yaml") }, gazetteer)).toThrow("missing.yaml");
  });

  it("rejects a contacts file with a bad field", () => {
    const contacts = parse(readFileSync(DEFAULT_CONTACTS_FILE, "utf8")) as { divisions: Record<string, { slackChannel?: string }> };
    const entry = contacts.divisions["410702"];
    if (entry === undefined) throw new Error("default contacts lack 410702");
    entry.slackChannel = "no hash";
    const file = writeFile("bad-contacts.yaml", stringify(contacts));
    expect(() => Router.load({ contactsFile: file }, gazetteer)).toThrow(file);
    expect(() => Router.load({ contactsFile: file }, gazetteer)).toThrow('field "divisions.410702.slackChannel"');
  });
});

describe("a jurisdiction's own rights channels", () => {
  const contacts = (channels: unknown[], divisions: Record<string, unknown> = {}) =>
    writeFile(
      `contacts-${Math.random().toString(36).slice(2)}.yaml`,
      stringify({ version: 1, national: { hotline: "12333" }, rightsChannels: [{ key: "rights.hotline_12333", number: "12333" }], divisions: { "410782": { channels }, ...divisions } }),
    );

  it("shows a channel named in the bureau's own words as written, after the national ones", () => {
    const custom = Router.load({ contactsFile: contacts([{ label: "辉县市劳动保障监察大队", number: "0373-6269999" }]) }, gazetteer);
    expect(custom.rightsChannels("410782")).toEqual([
      { key: "rights.hotline_12333", number: "12333" },
      { label: "辉县市劳动保障监察大队", number: "0373-6269999" },
    ]);
  });

  it("refuses a key with no label a worker could read, and a division code that does not exist", () => {
    const unknownKey = contacts([{ key: "rights.local_office", number: "0373-6269999" }]);
    expect(() => Router.load({ contactsFile: unknownKey }, gazetteer)).toThrow('key "rights.local_office" has no label');
    const unknownDivision = contacts([{ label: "监察大队" }], { "419999": { hotline: "0373-1234567" } });
    expect(() => Router.load({ contactsFile: unknownDivision }, gazetteer)).toThrow('division "419999" is not a division code');
    expect(() => Router.load({ contactsFile: contacts([{ number: "0373-6269999" }]) }, gazetteer)).toThrow("needs a key (a shipped label) or a label");
  });
});

describe("every key the defaults use is translated", () => {
  const locales = ["zh-CN", "en"].map((lang) => {
    const url = new URL(`../locales/${lang}/routing.json`, import.meta.url);
    return { lang, messages: JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown> };
  });

  function lookup(messages: Record<string, unknown>, key: string): unknown {
    return key.split(".").reduce<unknown>((node, part) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
  }

  it("has each reason, referral, right, department and level in zh-CN and en", () => {
    const rules = parse(readFileSync(DEFAULT_RULES_FILE, "utf8")) as RulesFile;
    const contacts = parse(readFileSync(DEFAULT_CONTACTS_FILE, "utf8")) as { rightsChannels: { key: string }[] };
    const keys = new Set<string>([
      rules.arrears.reason,
      ...rules.arrears.rules.map((r) => r.reason),
      ...Object.values(rules.referrals).flatMap((r) => [r.default.key, ...Object.values(r.byProjectKind ?? {}).map((x) => x.key)]),
      ...contacts.rightsChannels.map((c) => c.key),
      "reason.no_place",
      "reason.unknown_division",
      "reason.not_arrears",
      "reason.escalated_city",
      "reason.escalated_province",
      ...["county", "city", "province"].map((l) => `reason.jurisdiction_${l}`),
      ...["county", "city", "province"].map((l) => `levels.${l}`),
      ...["hrss_inspection", "housing", "transport", "water", "sasac", "development_finance"].map((d) => `departments.${d}`),
    ]);
    for (const { lang, messages } of locales) {
      for (const key of keys) expect(typeof lookup(messages, key), `${lang}: ${key}`).toBe("string");
    }
  });
});
