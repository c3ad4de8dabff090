// The Telegram channel for workers. `startTelegram` runs the bot: long polling through
// @grammyjs/runner by default, a webhook on node:http when TELEGRAM_WEBHOOK_URL is set, and the
// outbox of officers' messages to workers, until `stop()` (or SIGINT/SIGTERM).
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { autoRetry } from "@grammyjs/auto-retry";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api, GrammyError, webhookCallback } from "grammy";
import type { App } from "../../app.js";
import { ALLOWED_UPDATES, createTelegramBot, type TelegramBot, type TelegramBotOptions } from "./bot.js";
import { registerCommands } from "./commands.js";
import { OutboxLoop } from "./delivery.js";
import { describeError } from "./log.js";
import { UpdateLog } from "./updates.js";

export { createTelegramBot, type TelegramBot, type TelegramBotOptions } from "./bot.js";
export { downloadTelegramFile } from "./download.js";
export { telegramDeliver, OutboxLoop, TELEGRAM_CHANNEL } from "./delivery.js";

export const DEFAULT_WEBHOOK_PATH = "/telegram/webhook";

export interface StartTelegramOptions extends TelegramBotOptions {
  /** Default: "webhook" when TELEGRAM_WEBHOOK_URL is set, else "polling". */
  mode?: "polling" | "webhook";
  /** Long-poll timeout in seconds (getUpdates `timeout`). */
  pollTimeoutSeconds?: number;
  /** Webhook server: port (default PORT; 0 = any free port) and host (default all interfaces). */
  webhook?: { port?: number; host?: string };
  /** How often the outbox is drained. */
  outboxIntervalMs?: number;
  /** setMyCommands at start (default true). */
  registerCommands?: boolean;
  /** Stop on SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
  /** Longest wait for updates in flight at stop. */
  stopTimeoutMs?: number;
  /** Aborts reaching Telegram at start (getMe). */
  signal?: AbortSignal;
}

export interface TelegramHandle {
  stop(): Promise<void>;
  /** Settles when the bot has stopped: resolves after stop(), rejects if polling failed for good. */
  done: Promise<void>;
  telegram: TelegramBot;
  outbox: OutboxLoop;
  /** Webhook mode: the local address, e.g. "http://127.0.0.1:3000/telegram/webhook". */
  webhookAddress?: string;
}

/** Telegram's secret-token header value: the configured one, or one derived from the bot token. */
export function webhookSecret(configured: string | undefined, token: string): string {
  return configured ?? createHash("sha256").update(`arrears-bot webhook\n${token}`).digest("hex");
}

export function webhookPath(url: string): string {
  const pathname = new URL(url).pathname.replace(/\/+$/, "");
  return pathname === "" ? DEFAULT_WEBHOOK_PATH : pathname;
}

export function webhookUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.pathname.replace(/\/+$/, "") === "") parsed.pathname = DEFAULT_WEBHOOK_PATH;
  return parsed.toString();
}

export async function startTelegram(app: App, options: StartTelegramOptions = {}): Promise<TelegramHandle> {
  const config = app.config;
  const telegram = createTelegramBot(app, options);
  const { bot, logger } = telegram;
  const mode = options.mode ?? (config.TELEGRAM_WEBHOOK_URL ? "webhook" : "polling");
  // grammY types its signal with the abort-controller shim; Node's own AbortSignal is what it gets at run time.
  await bot.init(options.signal as Parameters<typeof bot.init>[0]);

  if (options.registerCommands !== false) {
    try {
      await registerCommands(bot.api);
    } catch (error) {
      logger.warn(describeError(error), "commands not registered");
    }
  }

  // Notifications: their own API client, one attempt per message (the outbox retries with backoff).
  const outboxApi = new Api(telegram.token, { apiRoot: telegram.apiRoot, timeoutSeconds: 30 });
  outboxApi.config.use(
    autoRetry({ maxRetryAttempts: 1, maxDelaySeconds: 10, rethrowInternalServerErrors: true, rethrowHttpErrors: true }),
  );
  const outbox = new OutboxLoop(app.outbox, outboxApi, () => app.clock.now(), logger, options.outboxIntervalMs ?? 1000);
  const updateLog = new UpdateLog(app.store);
  const prune = () => {
    try {
      updateLog.prune(app.clock.now());
    } catch (error) {
      logger.warn(describeError(error), "processed updates not pruned");
    }
  };
  prune();
  // A bot runs for weeks: the record of handled updates is kept to a week, day by day.
  const pruning = setInterval(prune, 24 * 60 * 60 * 1000);
  pruning.unref();

  let runner: RunnerHandle | undefined;
  let failure: unknown;
  let server: Server | undefined;
  let webhookAddress: string | undefined;
  let resolveDone!: () => void;
  let rejectDone!: (error: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  // A caller that only calls stop() must not see an unhandled rejection.
  done.catch(() => undefined);

  const signal = options.signal as Parameters<typeof bot.api.deleteWebhook>[1];
  try {
    if (mode === "webhook") {
      if (!config.TELEGRAM_WEBHOOK_URL) throw new Error("webhook mode needs TELEGRAM_WEBHOOK_URL");
      const secret = webhookSecret(config.TELEGRAM_WEBHOOK_SECRET, telegram.token);
      const path = webhookPath(config.TELEGRAM_WEBHOOK_URL);
      // Answer Telegram within its patience; a slow turn goes on, and a redelivery is de-duplicated.
      const callback = webhookCallback(bot, "http", { secretToken: secret, onTimeout: "return", timeoutMilliseconds: 8_000 });
      server = createServer((req, res) => {
        const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
        if (req.method === "POST" && pathname === path) {
          callback(req, res).catch((error: unknown) => {
            logger.error(describeError(error), "webhook request failed");
            if (!res.headersSent) res.writeHead(500).end();
          });
          return;
        }
        if (req.method === "GET" && pathname === "/healthz") {
          res.writeHead(200, { "content-type": "text/plain" }).end("ok");
          return;
        }
        res.writeHead(404).end();
      });
      const port = options.webhook?.port ?? config.PORT;
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(port, options.webhook?.host, () => resolve());
      });
      const address = server.address();
      const boundPort = typeof address === "object" && address ? address.port : port;
      webhookAddress = `http://${options.webhook?.host ?? "127.0.0.1"}:${boundPort}${path}`;
      await bot.api.setWebhook(
        webhookUrl(config.TELEGRAM_WEBHOOK_URL),
        {
          secret_token: secret,
          allowed_updates: [...ALLOWED_UPDATES],
        },
        signal,
      );
      logger.info({ port: boundPort, path }, "telegram webhook listening");
    } else {
      // A webhook left from an earlier deployment would make getUpdates fail with 409.
      await bot.api.deleteWebhook({ drop_pending_updates: false }, signal);
      runner = run(bot, {
        runner: {
          fetch: { timeout: options.pollTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] },
          silent: true,
          maxRetryTime: 24 * 60 * 60 * 1000,
        },
      });
      const task = runner.task();
      task?.catch((error: unknown) => {
        logger.error(describeError(error), "telegram polling stopped");
        failure = error;
        void stop();
      });
      logger.info({}, "telegram long polling started");
    }
  } catch (error) {
    // A start that failed half-way leaves nothing behind: the next attempt can listen on the port again.
    clearInterval(pruning);
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    throw error;
  }
  outbox.start();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ inFlight: telegram.inFlight() }, "telegram stopping");
      clearInterval(pruning);
      if (runner) await runner.stop();
      if (server) {
        const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, options.stopTimeoutMs ?? 20_000))]);
      }
      // Updates already fetched or accepted are finished, not dropped.
      const deadline = Date.now() + (options.stopTimeoutMs ?? 20_000);
      while ((runner?.size() ?? 0) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const idle = await telegram.idle(Math.max(0, deadline - Date.now()));
      if (!idle) logger.warn({ inFlight: telegram.inFlight() }, "stopped with updates still in flight");
      await outbox.stop();
      removeSignalHandlers();
      logger.info({}, "telegram stopped");
      if (failure === undefined) resolveDone();
      else rejectDone(failure);
    })();
    return stopping;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "signal received");
    void stop();
  };
  const removeSignalHandlers = () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  if (options.handleSignals !== false) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }

  return { stop, done, telegram, outbox, webhookAddress };
}

/**
 * Starts Telegram without holding up the rest: each attempt to reach it is cut after `attemptMs`, and
 * tried again after `retryMs` until it works or `stop()` is called. Telegram is often unreachable from a
 * bureau's network; the officers' desk and the scheduler must run meanwhile.
 */
export function startTelegramWhenReachable(
  app: App,
  options: StartTelegramOptions,
  log: (line: string) => void,
  timing: { attemptMs?: number; retryMs?: number } = {},
  /** Telegram refused the token (401): trying again cannot help. */
  onRefused: (error: unknown) => void = () => {},
): { stop(): Promise<void>; started: () => TelegramHandle | undefined } {
  const attemptMs = timing.attemptMs ?? 30_000;
  const retryMs = timing.retryMs ?? 60_000;
  let handle: TelegramHandle | undefined;
  let stopped = false;
  let current: AbortController | undefined;
  let wake: (() => void) | undefined;
  const connecting = (async () => {
    while (!stopped) {
      current = new AbortController();
      const timer = setTimeout(() => current?.abort(), attemptMs);
      try {
        handle = await startTelegram(app, { ...options, signal: current.signal });
        log("arrears-bot: Telegram connected");
        return;
      } catch (error) {
        if (stopped) return;
        // 401, or 404 for getMe: the token is wrong (a 404 from another method is a server's problem).
        if (error instanceof GrammyError && (error.error_code === 401 || (error.error_code === 404 && error.method === "getMe"))) {
          onRefused(error);
          return;
        }
        log(`arrears-bot: Telegram not reachable (${error instanceof Error ? error.message : String(error)}); trying again in ${Math.round(retryMs / 1000)} s`);
      } finally {
        clearTimeout(timer);
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, retryMs).unref();
      });
    }
  })();
  return {
    started: () => handle,
    stop: async () => {
      stopped = true;
      current?.abort();
      wake?.();
      await connecting;
      await handle?.stop();
    },
  };
}
