// `npm start`: runs the product on what is configured. Telegram and Slack start when their tokens
// are set; with no chat tokens, the embedded default: the local terminal conversation on SQLite.
import { createApp } from "./app.js";
import { InstanceLock, InstanceLockedError, LOCK_STALE_MS } from "./db/instance-lock.js";
import { ConfigError, loadConfig } from "./config.js";
import { ConfigFileError } from "./routing/config-file.js";
import { SlackTokenError, startSlack } from "./channels/slack/index.js";
import { runTerminal } from "./channels/local/terminal.js";
import { startTelegramWhenReachable } from "./channels/telegram/index.js";
import { schedulerOptionsFromConfig, startScheduler } from "./scheduler/index.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const app = createApp(config);
  const stops: Array<() => Promise<void>> = [];
  // One process runs the channels on a database: a second one would post every ticket twice.
  const lock =
    config.TELEGRAM_BOT_TOKEN || config.SLACK_BOT_TOKEN
      ? InstanceLock.acquire(app.store).keepAlive(
          () => {
            // Another process runs the channels now (this one was paused too long): stop, do not post twice.
            process.stderr.write("arrears-bot: another process took over the database; stopping\n");
            process.kill(process.pid, "SIGTERM");
          },
          (error) => process.stderr.write(`arrears-bot: heartbeat not written (${error instanceof Error ? error.message : String(error)}); trying again\n`),
        )
      : undefined;
  if (lock) stops.push(async () => lock.release());
  // Reminders, escalations and follow-ups run whatever the channels: they are due by the clock.
  const scheduler = startScheduler(app, schedulerOptionsFromConfig(config));
  // The officers' desk first: it must run even while Telegram cannot be reached.
  const slack = await startSlack(app);
  if (slack) stops.push(() => slack.stop());
  if (config.TELEGRAM_BOT_TOKEN) {
    // Slack's receiver owns PORT; a Telegram webhook beside it listens on the next port.
    const webhookPort = config.SLACK_BOT_TOKEN ? config.PORT + 1 : config.PORT;
    // Reaching Telegram can take a while (or fail) on a closed network: say what is being waited for.
    process.stderr.write("arrears-bot: connecting to Telegram…\n");
    const telegram = startTelegramWhenReachable(
      app,
      { handleSignals: false, webhook: { port: webhookPort } },
      (line) => process.stderr.write(`${line}\n`),
      {},
      (error) => {
        process.stderr.write(
          `arrears-bot: not started: Telegram refused TELEGRAM_BOT_TOKEN (${error instanceof Error ? error.message : String(error)}). Check the token from @BotFather.\n`,
        );
        process.exit(2);
      },
    );
    stops.push(() => telegram.stop());
  }

  if (stops.length === 0) {
    try {
      // `npm start -- --user NAME` talks as another worker (each has a conversation of their own).
      const named = process.argv.indexOf("--user");
      await runTerminal(app, (named >= 0 ? process.argv[named + 1] : undefined) ?? process.env.USER ?? "worker");
    } finally {
      scheduler?.stop();
      app.close();
    }
    return;
  }
  process.stderr.write(`arrears-bot running: ${[config.TELEGRAM_BOT_TOKEN ? "telegram" : "", slack ? "slack" : ""].filter(Boolean).join(", ")}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  // Stop accepting updates, finish those in flight, let go of the database, then close it.
  for (const stopChannel of stops.reverse()) await stopChannel();
  scheduler?.stop();
  app.close();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ConfigFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof SlackTokenError) {
    process.stderr.write(`arrears-bot: not started: ${error.message}. Check the token in the Slack app's OAuth & Permissions page.\n`);
    process.exit(2);
  }
  if (error instanceof InstanceLockedError) {
    process.stderr.write(
      `arrears-bot: not started: ${error.message} (last seen ${new Date(error.heartbeatAt).toISOString()}). Stop that process first; a process that died is taken over after ${LOCK_STALE_MS / 1000} s.\n`,
    );
    process.exit(3);
  }
  throw error;
});
