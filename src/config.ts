// Configuration: environment variables (and an optional .env), parsed by one zod schema.
// A bad value stops start-up with a message that names the variable and what is wrong with it.
import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import { z } from "zod";
import { deadlineEnvShape } from "./cases/deadline-policy.js";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a known IANA time zone (example: Asia/Shanghai)" },
);

export const SUPPORTED_LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("./data/arrears.db")
    // Empty would make SQLite open a temporary database: complaints logged into it vanish at exit.
    .refine((url) => url.trim() !== "", { message: "empty: give a file path (default ./data/arrears.db), or unset it" })
    .refine((url) => !/^(postgres|mysql)/i.test(url), {
      message: "only SQLite is supported: a file path, file:PATH, or :memory:",
    }),
  /** full: every commit is synced to disk (a case ID once given survives a power cut); normal: faster, may lose the last commits to a power cut. */
  DATABASE_SYNCHRONOUS: z.enum(["full", "normal"], { message: "use full or normal" }).default("full"),
  DEFAULT_LOCALE: z.enum(SUPPORTED_LOCALES).default("zh-CN"),
  TIME_ZONE: timeZone.default("Asia/Shanghai"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Replaces the shipped routing rules (src/routing) with a bureau's own file. */
  ROUTING_RULES_FILE: optionalString,
  /** Per-division contacts (hotline, office, chat channel). */
  ROUTING_CONTACTS_FILE: optionalString,
  /** Extra public holidays, comma-separated YYYY-MM-DD, for working-day deadlines. */
  HOLIDAYS: z
    .string()
    .default("")
    .transform((list) => list.split(",").map((day) => day.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates must be YYYY-MM-DD, comma-separated").refine(isCalendarDate, "not a date in the calendar"))),
  /** Weekend days worked instead (调休), comma-separated YYYY-MM-DD: working days for deadlines. */
  WORKDAYS: z
    .string()
    .default("")
    .transform((list) => list.split(",").map((day) => day.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates must be YYYY-MM-DD, comma-separated").refine(isCalendarDate, "not a date in the calendar"))),
  /** Longest message the bot reads; longer ones are politely refused whole. */
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100_000).default(2000),
  /** Largest evidence file accepted (photos, documents, voice notes). */
  MAX_ATTACHMENT_MB: z.coerce.number().int().min(1).max(2000).default(20),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalString.pipe(z.string().url().optional()),
  /** Public HTTPS URL for Telegram webhook mode; without it the bot long-polls. */
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(z.string().url().optional()),
  /** Checked against Telegram's X-Telegram-Bot-Api-Secret-Token header in webhook mode. */
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 characters A-Z, a-z, 0-9, _ or -").optional(),
  ),
  /** Where evidence files are downloaded when EVIDENCE_DOWNLOAD is on. */
  EVIDENCE_DIR: z.string().default("./data/evidence"),
  EVIDENCE_DOWNLOAD: z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { message: "use true or false" })
    .default("false")
    .transform((value) => ["true", "1", "yes", "on"].includes(value)),
  /** Messages per chat per minute before the bot answers a flood once, calmly. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(20),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  /** Where tickets the routing could not place go (never nowhere). */
  SLACK_TRIAGE_CHANNEL: z.string().default("#arrears-triage"),
  /** Leaders' channel for the weekly dispatch (周调度); none: not posted. */
  SLACK_LEADERS_CHANNEL: optionalString,
  WEEKLY_REPORT_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
  WEEKLY_REPORT_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  SLACK_API_URL: optionalString.pipe(z.string().url().optional()),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The in-process deadline scheduler (reminders, escalation, follow-up). */
  SCHEDULER_ENABLED: z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { message: "use true or false" })
    .default("true")
    .transform((value) => ["true", "1", "yes", "on"].includes(value)),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  ...deadlineEnvShape,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.string().url().optional()),
  OPENAI_MODEL: optionalString,
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  /** json_schema (vLLM, recent Ollama), json_object (DeepSeek, most Qwen), or auto (try, then fall back). */
  OPENAI_RESPONSE_FORMAT: z.enum(["json_schema", "json_object", "auto"]).default("auto"),
});

function isCalendarDate(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** Settings that only work together: a half-configured channel is an error, not a silent fallback. */
function checkPairs(config: z.infer<typeof configSchema>, issue: (variable: string, message: string) => void): void {
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET) {
    issue("SLACK_SIGNING_SECRET", "needed with SLACK_BOT_TOKEN: without it Slack would not start");
  }
  if (!config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN)) {
    issue("SLACK_BOT_TOKEN", "needed with SLACK_SIGNING_SECRET / SLACK_APP_TOKEN: without it Slack would not start");
  }
  const both = config.HOLIDAYS.filter((day) => config.WORKDAYS.includes(day));
  if (both.length > 0) issue("WORKDAYS", `also listed in HOLIDAYS: ${both.join(", ")}`);
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads .env (if any) under the real environment: a variable set in the environment wins. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath = ".env"): Config {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const merged: Record<string, string | undefined> = { ...fromFile, ...env };
  const parsed = configSchema
    .superRefine((config, context) => checkPairs(config, (variable, message) => context.addIssue({ code: "custom", path: [variable], message })))
    .safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const variable = issue.path.join(".") || "(environment)";
      const value = merged[String(issue.path[0])];
      // Secrets are never echoed, not even in a start-up error.
      const secret = /TOKEN|SECRET|KEY/.test(variable);
      const shown =
        value === undefined ? "unset" : secret ? "set" : JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
      return `  ${variable} (${shown}): ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
