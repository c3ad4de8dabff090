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

const translators = new Map<Locale, TFunction>();

/**
 * A fixed-language t() for one reply. i18next's own t() costs tens of microseconds a call, and a turn
 * makes dozens on the hot path; plain strings with {{name}} placeholders are therefore served from
 * i18next's resource store directly, plurals by the same Intl rules i18next uses, and everything else
 * (nesting, "_zero" forms, missing keys with a defaultValue) still goes through i18next itself.
 */
export function translator(locale: Locale): TFunction {
  const cached = translators.get(locale);
  if (cached) return cached;
  const instance = getI18n();
  const slow = instance.getFixedT(locale);
  const templates = new Map<string, string | null>();
  const lookup = (key: string): string | null => {
    let template = templates.get(key);
    if (template !== undefined) return template;
    const separator = key.indexOf(":");
    const namespaces = separator > 0 ? [key.slice(0, separator)] : (instance.options.ns as string[]);
    const path = separator > 0 ? key.slice(separator + 1) : key;
    template = null;
    // The default namespace first, then the others, then the fallback language — as i18next does.
    const ordered = separator > 0 ? namespaces : ["translation", ...namespaces.filter((ns) => ns !== "translation")];
    for (const language of locale === "zh-CN" ? [locale] : [locale, "zh-CN"]) {
      for (const namespace of ordered) {
        const found: unknown = instance.getResource(language, namespace, path);
        if (typeof found === "string") {
          template = found;
          break;
        }
      }
      if (template !== null) break;
    }
    templates.set(key, template);
    return template;
  };
  const pluralRules = new Intl.PluralRules(locale);
  // Plural forms as i18next resolves them (key_one, key_other, …); a "_zero" form or a key with no
  // forms at all is left to i18next.
  const pluralTemplate = (key: string, count: unknown): string | null => {
    if (typeof count !== "number" || lookup(`${key}_zero`) !== null) return null;
    return lookup(`${key}_${pluralRules.select(count)}`) ?? lookup(`${key}_other`) ?? lookup(key);
  };
  // Each template split once at its placeholders: literal, name, literal, name, …, literal.
  const compiled = new Map<string, string[] | null>();
  const piecesOf = (template: string): string[] | null => {
    let pieces = compiled.get(template);
    if (pieces === undefined) {
      pieces = template.includes("$t(") ? null : template.split(/\{\{\s*([\w.]+)\s*\}\}/);
      compiled.set(template, pieces);
    }
    return pieces;
  };
  const fast = (key: string | string[], options?: Record<string, unknown>): string => {
    const counted = options !== undefined && "count" in options;
    // i18next's context: "ask.project" with { context: "platform" } reads "ask.project_platform" when
    // there is one, and "ask.project" when not.
    const context = options?.context;
    const withContext = typeof key === "string" && typeof context === "string" && context !== "" ? `${key}_${context}` : null;
    const chosenKey =
      withContext !== null && (lookup(withContext) !== null || lookup(`${withContext}_other`) !== null) ? withContext : key;
    const template = typeof chosenKey !== "string" ? null : counted ? pluralTemplate(chosenKey, options.count) : lookup(chosenKey);
    const pieces = template === null ? null : piecesOf(template);
    if (pieces === null) return String(slow(key as string, options as never));
    if (pieces.length === 1) return pieces[0]!;
    let text = pieces[0]!;
    for (let i = 1; i < pieces.length; i += 2) {
      const name = pieces[i]!;
      text += options && name in options ? String(options[name]) : `{{${name}}}`;
      text += pieces[i + 1]!;
    }
    return text;
  };
  // The fast path implements the subset of TFunction the project calls: (key, params?) → string.
  const translate = fast as unknown as TFunction;
  translators.set(locale, translate);
  return translate;
}

/** Maps a platform language code ("zh-hans", "en-US") to a supported locale. */
export function localeFromLanguageCode(code: string | undefined, fallback: Locale): Locale {
  if (!code) return fallback;
  const lower = code.toLowerCase();
  if (lower.startsWith("zh")) return "zh-CN";
  if (lower.startsWith("en")) return "en";
  return fallback;
}
