// The weekly dispatch on its schedule: once per slot, across a restart, and retried after a failure.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackClient } from "../src/channels/slack/tickets.js";
import { latestWeeklySlot, postWeeklyIfDue } from "../src/channels/slack/weekly-schedule.js";
import { makeTestApp, type TestApp } from "./helpers/app.js";

let env: TestApp;
beforeEach(() => {
  env = makeTestApp();
});
afterEach(() => env.cleanup());

function recordingClient(failFirst = false) {
  const posted: string[] = [];
  let fail = failFirst;
  const client = {
    chat: {
      postMessage: async (args: { channel: string }) => {
        if (fail) {
          fail = false;
          return { ok: false, error: "ratelimited" };
        }
        posted.push(args.channel);
        return { ok: true, ts: String(posted.length), channel: args.channel };
      },
    },
  };
  return { posted, client: client as unknown as SlackClient };
}

const schedule = { channel: "#leaders", weekday: 1, hour: 9 };

describe("the weekly report schedule", () => {
  it("finds Monday 09:00 in Shanghai as the latest slot", () => {
    // 2026-11-23 is a Monday; 02:00 UTC is 10:00 in Shanghai.
    expect(new Date(latestWeeklySlot(env.clock.now(), "Asia/Shanghai", 1, 9)).toISOString()).toBe("2026-11-23T01:00:00.000Z");
  });

  it("posts each week's slot once, even after a restart", async () => {
    const { posted, client } = recordingClient();
    expect(await postWeeklyIfDue(env.app, client, schedule)).toBe(true);
    expect(await postWeeklyIfDue(env.app, client, schedule)).toBe(false);
    const restarted = env.restart();
    expect(await postWeeklyIfDue(restarted, client, schedule)).toBe(false);
    env.clock.advance(7 * 86_400_000);
    expect(await postWeeklyIfDue(restarted, client, schedule)).toBe(true);
    expect(posted).toEqual(["#leaders", "#leaders"]);
  });

  it("tries again after a failed post, and does not post a slot missed for days", async () => {
    const { posted, client } = recordingClient(true);
    await expect(postWeeklyIfDue(env.app, client, schedule)).rejects.toThrow(/ratelimited/);
    expect(await postWeeklyIfDue(env.app, client, schedule)).toBe(true);
    expect(posted).toHaveLength(1);
    env.clock.advance(7 * 86_400_000 + 3 * 86_400_000);
    expect(await postWeeklyIfDue(env.app, client, schedule)).toBe(false);
  });
});
