// Starting the officers' app as `npm start` does: a token Slack refuses stops start-up with Slack's
// reason; a Slack that cannot be reached is said once and does not crash the process or hold a stop.
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SlackTokenError, startSlack } from "../src/channels/slack/index.js";
import { makeTestApp, type TestApp } from "./helpers/app.js";
import { SlackStandIn } from "./helpers/slack-stand-in.js";

let env: TestApp | undefined;
let api: SlackStandIn | undefined;
afterEach(async () => {
  await api?.stop();
  env?.cleanup();
  api = undefined;
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("starting Slack", () => {
  it("stops start-up when Slack refuses the token, naming Slack's reason", async () => {
    api = new SlackStandIn();
    await api.start();
    api.acceptsToken = false;
    env = makeTestApp({ SLACK_BOT_TOKEN: "xoxb-revoked", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: api.url, PORT: String(await freePort()) });
    const starting = startSlack(env.app, { log: () => {} });
    await expect(starting).rejects.toThrow(SlackTokenError);
    await expect(starting).rejects.toThrow("Slack refused SLACK_BOT_TOKEN: invalid_auth");
  });

  it("runs on when Slack cannot be reached: said once, no crash, and a stop that does not hang", async () => {
    // A closed port: every call fails at once (Bolt's own auth.test at construction used to crash here).
    const closed = await freePort();
    env = makeTestApp({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: `http://127.0.0.1:${closed}/api/`, PORT: String(await freePort()) });
    const lines: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const started = await startSlack(env.app, { log: (line) => lines.push(line), pollMs: 50 });
      expect(started?.port).toBeGreaterThan(0);
      expect(lines.filter((line) => line.startsWith("slack: not reachable at start"))).toHaveLength(1);
      // Past the client's retries (about 3 s): nothing left unhandled.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      const stopping = Date.now();
      await started?.stop();
      expect(Date.now() - stopping).toBeLessThan(16_000);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  }, 40_000);
});
