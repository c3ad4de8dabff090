// Telegram is often unreachable from a bureau's network. Starting it must not hold up the rest of the
// product: each attempt is cut short and tried again, stop() ends it at once, and when the Bot API
// answers (the stand-in, over HTTP on 127.0.0.1) the real grammY bot starts.
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startTelegramWhenReachable } from "../src/channels/telegram/index.js";
import { captureLogger } from "./helpers/telegram-setup.js";
import { BotApiStandIn } from "./helpers/telegram-stand-in.js";
import { makeTestApp, type TestApp } from "./helpers/app.js";
import { waitFor } from "./helpers/slack-stand-in.js";

let env: TestApp | undefined;
let blackHole: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  env?.cleanup();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => (blackHole ? blackHole.close(() => resolve()) : resolve()));
  blackHole = undefined;
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A port that accepts connections and never answers: a blocked network, not a refused one. */
async function silentPort(): Promise<number> {
  blackHole = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => blackHole!.listen(0, "127.0.0.1", resolve));
  return (blackHole.address() as AddressInfo).port;
}

describe("starting Telegram on a network that cannot reach it", () => {
  it("cuts each attempt short, says so, tries again, and stops at once when asked", async () => {
    const port = await silentPort();
    env = makeTestApp({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    const lines: string[] = [];
    const { logger } = captureLogger();
    const telegram = startTelegramWhenReachable(env.app, { handleSignals: false, logger, registerCommands: false }, (line) => lines.push(line), {
      attemptMs: 200,
      retryMs: 50,
    });
    await waitFor(() => lines.filter((line) => line.includes("Telegram not reachable")).length >= 2, 5_000);
    expect(telegram.started()).toBeUndefined();
    expect(lines[0]).toMatch(/trying again in 0 s/);
    const stopping = Date.now();
    await telegram.stop();
    expect(Date.now() - stopping).toBeLessThan(1_000);
  });

  it("starts the bot once the Bot API answers", async () => {
    const standIn = new BotApiStandIn();
    await standIn.start();
    try {
      env = makeTestApp({ TELEGRAM_BOT_TOKEN: standIn.token, TELEGRAM_API_ROOT: standIn.apiRoot });
      const lines: string[] = [];
      const { logger } = captureLogger();
      const telegram = startTelegramWhenReachable(env.app, { handleSignals: false, logger, pollTimeoutSeconds: 1 }, (line) => lines.push(line), {
        attemptMs: 5_000,
        retryMs: 50,
      });
      await waitFor(() => telegram.started(), 5_000);
      expect(lines).toEqual(["arrears-bot: Telegram connected"]);
      expect(standIn.calls.some((call) => call.method === "getMe")).toBe(true);
      await telegram.stop();
    } finally {
      await standIn.stop();
    }
  });

  it("gives up at once when Telegram refuses the token: trying again cannot help", async () => {
    const standIn = new BotApiStandIn();
    await standIn.start();
    try {
      env = makeTestApp({ TELEGRAM_BOT_TOKEN: "123:wrong", TELEGRAM_API_ROOT: standIn.apiRoot });
      const lines: string[] = [];
      const refused: unknown[] = [];
      const { logger } = captureLogger();
      const telegram = startTelegramWhenReachable(env.app, { handleSignals: false, logger }, (line) => lines.push(line), { attemptMs: 2_000, retryMs: 50 }, (error) =>
        refused.push(error),
      );
      await waitFor(() => refused.length > 0, 5_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(refused).toHaveLength(1);
      expect(String(refused[0])).toContain("401");
      expect(lines).toEqual([]);
      await telegram.stop();
    } finally {
      await standIn.stop();
    }
  });

  it("in webhook mode, a failed setWebhook frees the port, so the next attempt starts", async () => {
    const standIn = new BotApiStandIn();
    await standIn.start();
    try {
      env = makeTestApp({ TELEGRAM_BOT_TOKEN: standIn.token, TELEGRAM_API_ROOT: standIn.apiRoot, TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg" });
      // A refusal that is not retried within the call (5xx would be): the attempt fails after listening.
      standIn.failNext("setWebhook", { status: 400, description: "Bad Request: bad webhook: Failed to resolve host" });
      const port = await freePort();
      const lines: string[] = [];
      const { logger } = captureLogger();
      const telegram = startTelegramWhenReachable(env.app, { handleSignals: false, logger, webhook: { port }, registerCommands: false }, (line) => lines.push(line), {
        attemptMs: 5_000,
        retryMs: 50,
      });
      await waitFor(() => telegram.started(), 8_000);
      expect(lines[0]).toMatch(/Telegram not reachable .*bad webhook/);
      expect(lines.at(-1)).toBe("arrears-bot: Telegram connected");
      expect(lines.join("\n")).not.toContain("EADDRINUSE");
      expect(standIn.webhook?.url).toBe("https://bot.example.org/tg");
      await telegram.stop();
    } finally {
      await standIn.stop();
    }
  });
});
