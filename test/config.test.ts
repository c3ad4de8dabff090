import { describe, expect, it } from "vitest";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig } from "../src/config.js";

describe("configuration", () => {
  it("has the embedded defaults with nothing set", () => {
    const config = loadConfig({}, "/nonexistent/.env");
    expect(config.DATABASE_URL).toBe("./data/arrears.db");
    expect(config.DEFAULT_LOCALE).toBe("zh-CN");
    expect(config.TIME_ZONE).toBe("Asia/Shanghai");
    // A case ID once given to a worker must survive a power cut: every commit is synced by default.
    expect(config.DATABASE_SYNCHRONOUS).toBe("full");
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("stops with a message naming the variable and the problem", () => {
    expect(() => loadConfig({ TIME_ZONE: "Mars/Olympus" }, "/nonexistent/.env")).toThrow(/TIME_ZONE.*time zone/);
    expect(() => loadConfig({ PORT: "http" }, "/nonexistent/.env")).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_SYNCHRONOUS: "off" }, "/nonexistent/.env")).toThrow(/DATABASE_SYNCHRONOUS.*use full or normal/);
    expect(() => loadConfig({ DEFAULT_LOCALE: "fr" }, "/nonexistent/.env")).toThrow(/DEFAULT_LOCALE/);
    expect(() => loadConfig({ HOLIDAYS: "2026-10-01,tomorrow" }, "/nonexistent/.env")).toThrow(/HOLIDAYS/);
    expect(() => loadConfig({ HOLIDAYS: "2026-13-45" }, "/nonexistent/.env")).toThrow(/HOLIDAYS.*not a date in the calendar/);
    expect(() => loadConfig({ WORKDAYS: "2026-02-30" }, "/nonexistent/.env")).toThrow(/WORKDAYS.*not a date/);
    expect(() => loadConfig({ HOLIDAYS: "2026-10-01", WORKDAYS: "2026-10-01" }, "/nonexistent/.env")).toThrow(/WORKDAYS.*also listed in HOLIDAYS/);
    // Empty would be a temporary database: complaints logged into it would vanish at exit.
    expect(() => loadConfig({ DATABASE_URL: "" }, "/nonexistent/.env")).toThrow(/DATABASE_URL \(""\): empty/);
  });

  it("refuses a half-configured Slack instead of falling back to the terminal in silence", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" }, "/nonexistent/.env")).toThrow(/SLACK_SIGNING_SECRET \(unset\): needed with SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: "s" }, "/nonexistent/.env")).toThrow(/SLACK_BOT_TOKEN \(unset\): needed/);
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }, "/nonexistent/.env").SLACK_BOT_TOKEN).toBe("xoxb-1");
  });

  it("never echoes a secret in the error", () => {
    try {
      loadConfig({ TELEGRAM_WEBHOOK_SECRET: "bad secret with spaces" }, "/nonexistent/.env");
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain("TELEGRAM_WEBHOOK_SECRET");
      expect(String(error)).not.toContain("bad secret with spaces");
    }
  });

  it("reads .env under the real environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const file = join(dir, ".env");
    writeFileSync(file, "TIME_ZONE=Asia/Urumqi\nDEFAULT_LOCALE=en\n");
    const config = loadConfig({ DEFAULT_LOCALE: "zh-CN" }, file);
    expect(config.TIME_ZONE).toBe("Asia/Urumqi");
    expect(config.DEFAULT_LOCALE).toBe("zh-CN");
  });
});
