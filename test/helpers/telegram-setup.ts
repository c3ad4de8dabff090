// Test set-up for the Telegram channel: a temp SQLite file, the stand-in, a clock the test can move
// forward, a logger that keeps what was logged, and the real bot started against the stand-in.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UserFromGetMe } from "grammy/types";
import { createApp, createReader, type App } from "../../src/app.js";
import { Gazetteer } from "../../src/routing/gazetteer.js";
import { loadConfig } from "../../src/config.js";
import type { ComplaintReader } from "../../src/dialogs/ports.js";
import { startTelegram, type StartTelegramOptions, type TelegramHandle } from "../../src/channels/telegram/index.js";
import type { TelegramLogger } from "../../src/channels/telegram/log.js";
import { BotApiStandIn, STAND_IN_BOT } from "./telegram-stand-in.js";
import { DoneUpdates } from "./telegram-worker.js";

export const botInfo = STAND_IN_BOT as unknown as UserFromGetMe;

export class TestClock {
  offsetMs = 0;
  now = (): number => Date.now() + this.offsetMs;
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface LogEntry {
  level: string;
  message: string | undefined;
  fields: Record<string, unknown>;
}

export function captureLogger(): { logger: TelegramLogger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message?: string) => {
    entries.push({ level, message, fields });
  };
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, entries };
}

export interface TelegramTestEnv {
  dir: string;
  dbFile: string;
  standIn: BotApiStandIn;
  clock: TestClock;
  done: DoneUpdates;
  log: LogEntry[];
  app: App;
  handle: TelegramHandle;
  env: Record<string, string>;
  /** Stops the bot, closes the app, starts both again on the same database file. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface SetupOptions {
  env?: Record<string, string>;
  /** Wraps the shipped reader (e.g. to make one message fail). */
  reader?: (shipped: ComplaintReader) => ComplaintReader;
  start?: StartTelegramOptions;
}

export async function setupTelegram(options: SetupOptions = {}): Promise<TelegramTestEnv> {
  const dir = mkdtempSync(join(tmpdir(), "arrears-tg-"));
  const dbFile = join(dir, "arrears.db");
  const standIn = new BotApiStandIn();
  await standIn.start();
  const clock = new TestClock();
  const done = new DoneUpdates();
  const { logger, entries } = captureLogger();
  const env: Record<string, string> = {
    DATABASE_URL: dbFile,
    TELEGRAM_BOT_TOKEN: standIn.token,
    TELEGRAM_API_ROOT: standIn.apiRoot,
    EVIDENCE_DIR: join(dir, "evidence"),
    LOG_LEVEL: "silent",
    ...options.env,
  };
  const config = loadConfig(env, "/nonexistent.env");

  const boot = async () => {
    const app = createApp(config, {
      clock,
      ...(options.reader ? { reader: options.reader(createReader(Gazetteer.shared())) } : {}),
    });
    const handle = await startTelegram(app, {
      botInfo,
      handleSignals: false,
      outboxIntervalMs: 50,
      pollTimeoutSeconds: 5,
      logger,
      onUpdateDone: done.mark,
      ...options.start,
    });
    return { app, handle };
  };

  const first = await boot();
  const testEnv: TelegramTestEnv = {
    dir,
    dbFile,
    standIn,
    clock,
    done,
    log: entries,
    env,
    app: first.app,
    handle: first.handle,
    async restart() {
      await testEnv.handle.stop();
      testEnv.app.close();
      const next = await boot();
      testEnv.app = next.app;
      testEnv.handle = next.handle;
    },
    async close() {
      await testEnv.handle.stop();
      testEnv.app.close();
      await standIn.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return testEnv;
}
