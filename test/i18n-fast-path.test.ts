// The translator's fast path must say exactly what i18next says, for every key of every namespace,
// with and without counts: workers and officers read these strings.
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../src/config.js";
import { getI18n, translator } from "../src/i18n.js";

function keysOf(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

/** "inbox.title_other" → "inbox.title": the key a caller passes with a count. */
const pluralBase = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, "");

describe("translator fast path", () => {
  const instance = getI18n();
  const params = { name: "宏达", id: "ABCD-EFGH-J", n: "3", limit: 10, value: "¥1,000", label: "金额" };

  for (const locale of SUPPORTED_LOCALES) {
    it(`matches i18next for every ${locale} key, with and without a count`, () => {
      const fast = translator(locale);
      const slow = instance.getFixedT(locale);
      const bundle = instance.getDataByLanguage(locale) ?? {};
      let compared = 0;
      for (const [namespace, tree] of Object.entries(bundle)) {
        const all = keysOf(tree);
        // Keys with plural forms; "construction_other" (a project kind) is not one, "understood_one" is.
        const english = keysOf(instance.getDataByLanguage("en")?.[namespace] ?? {});
        const plural = new Set(english.filter((path) => path.endsWith("_one")).map(pluralBase));
        for (const path of new Set(all.map((path) => (plural.has(pluralBase(path)) ? pluralBase(path) : path)))) {
          const key = namespace === "translation" ? path : `${namespace}:${path}`;
          expect(fast(key, params), key).toBe(slow(key, params));
          compared++;
          // A count on a key without plural forms is only compared in the default language: for
          // "en" i18next then prefers the fallback language's forms, a quirk the fast path does not copy.
          if (!plural.has(path) && locale !== "zh-CN") continue;
          for (const count of [0, 1, 2, 7]) {
            expect(fast(key, { ...params, count }), `${key} count=${count}`).toBe(slow(key, { ...params, count }));
          }
        }
      }
      expect(compared).toBeGreaterThan(200);
    });
  }

  it("reads a key's context form as i18next does, and the plain key when there is none", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const fast = translator(locale);
      const slow = instance.getFixedT(locale);
      for (const context of ["platform", "services", "construction", "", "nonexistent"]) {
        for (const key of ["ask.project", "ask.employer"]) {
          expect(fast(key, { context }), `${locale} ${key} ${context}`).toBe(slow(key, { context }));
        }
      }
      expect(fast("ask.project", { context: "platform" })).not.toBe(fast("ask.project"));
    }
  });

  it("falls back to i18next for keys it does not hold", () => {
    const t = translator("en");
    expect(t("no.such.key", { defaultValue: "fallback" })).toBe("fallback");
  });
});

describe("translation files", () => {
  it("hold real line breaks, never a written backslash-n, and the same keys in both languages", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const leaves = (value: unknown, path: string, out: Map<string, string>) => {
      if (typeof value === "string") out.set(path, value);
      else if (value && typeof value === "object") for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
      return out;
    };
    const files = readdirSync("locales/zh-CN").filter((file) => file.endsWith(".json"));
    for (const file of files) {
      const zh = leaves(JSON.parse(readFileSync(`locales/zh-CN/${file}`, "utf8")), "", new Map());
      const en = leaves(JSON.parse(readFileSync(`locales/en/${file}`, "utf8")), "", new Map());
      for (const [key, text] of [...zh, ...en]) expect(text, `${file} ${key}`).not.toContain("\\n");
      // Plural forms differ by language (English _one/_other, Chinese _other only): compared without them.
      const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");
      const zhBase = new Set([...zh.keys()].map(base));
      const enBase = new Set([...en.keys()].map(base));
      expect([...enBase].filter((key) => !zhBase.has(key)), `${file}: English keys missing in Chinese`).toEqual([]);
      expect([...zhBase].filter((key) => !enBase.has(key)), `${file}: Chinese keys missing in English`).toEqual([]);
    }
  });
});
