// i18next set-up: every namespace file under locales/<lng>/<ns>.json is loaded at start.
// Per-message translation uses getFixedT(locale) — never changeLanguage on the shared instance.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n, type Resource, type TFunction } from "i18next";
import { SUPPORTED_LOCALES, type Locale } from "./config.js";

const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../locales");

function loadResources(): { resources: Resource; namespaces: string[] } {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const locale of SUPPORTED_LOCALES) {
    const bundle: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(join(localesDir, locale))) {
      if (!file.endsWith(".json")) continue;
      const namespace = file.slice(0, -".json".length);
      bundle[namespace] = JSON.parse(readFileSync(join(localesDir, locale, file), "utf8")) as Record<string, unknown>;
      namespaces.add(namespace);
    }
    resources[locale] = bundle as Resource[string];
  }
  return { resources, namespaces: [...namespaces] };
}

let shared: i18n | undefined;

export function getI18n(defaultLocale: Locale = "zh-CN"): i18n {
  if (shared) return shared;
  const { resources, namespaces } = loadResources();
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    ns: namespaces,
    defaultNS: "translation",
    fallbackNS: namespaces.filter((ns) => ns !== "translation"),
    lng: defaultLocale,
    fallbackLng: "zh-CN",
    supportedLngs: [...SUPPORTED_LOCALES],
    initAsync: false,
    // Replies are plain text on every channel, never HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  shared = instance;
  return instance;
}

/** Kept for modules that prefer an async entry point. */
export async function createI18n(defaultLocale: Locale = "zh-CN"): Promise<i18n> {
  return getI18n(defaultLocale);
}

export function translator(locale: Locale): TFunction {
  return getI18n().getFixedT(locale);
}

/** Maps a platform language code ("zh-hans", "en-US") to a supported locale. */
export function localeFromLanguageCode(code: string | undefined, fallback: Locale): Locale {
  if (!code) return fallback;
  const lower = code.toLowerCase();
  if (lower.startsWith("zh")) return "zh-CN";
  if (lower.startsWith("en")) return "en";
  return fallback;
}
