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
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("stops with a message naming the variable and the problem", () => {
    expect(() => loadConfig({ TIME_ZONE: "Mars/Olympus" }, "/nonexistent/.env")).toThrow(/TIME_ZONE.*time zone/);
    expect(() => loadConfig({ PORT: "http" }, "/nonexistent/.env")).toThrow(ConfigError);
    expect(() => loadConfig({ DEFAULT_LOCALE: "fr" }, "/nonexistent/.env")).toThrow(/DEFAULT_LOCALE/);
    expect(() => loadConfig({ HOLIDAYS: "2026-10-01,tomorrow" }, "/nonexistent/.env")).toThrow(/HOLIDAYS/);
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
