// One process runs the channels on a database: a second start on the same file stops instead of
// posting every ticket twice; a holder that died is taken over.
import { afterEach, describe, expect, it, vi } from "vitest";
import { InstanceLock, InstanceLockedError, LOCK_STALE_MS } from "../src/db/instance-lock.js";
import { makeTestApp, type TestApp } from "./helpers/app.js";

let env: TestApp;
afterEach(() => env.cleanup());

describe("the channels' lock on a database", () => {
  it("refuses a second live process, names the holder, and lets the next one in after release", () => {
    env = makeTestApp();
    let now = 1_000_000;
    const clock = () => now;
    const first = InstanceLock.acquire(env.app.store, { now: clock, holder: { host: "srv1", pid: 100 }, isAlive: () => true });
    const second = () => InstanceLock.acquire(env.restart().store, { now: clock, holder: { host: "srv1", pid: 200 }, isAlive: () => true });
    expect(second).toThrow(InstanceLockedError);
    expect(second).toThrow("the database is in use by process 100 on srv1");
    // Still refused while the holder's heartbeat is fresh.
    now += LOCK_STALE_MS - 1_000;
    first.heartbeat();
    now += LOCK_STALE_MS - 1_000;
    expect(second).toThrow(InstanceLockedError);
    first.release();
    expect(second).not.toThrow();
  });

  it("takes over from a holder that died: its process is gone, or its heartbeat is stale", () => {
    env = makeTestApp();
    let now = 1_000_000;
    const clock = () => now;
    InstanceLock.acquire(env.app.store, { now: clock, holder: { host: "srv1", pid: 100 }, isAlive: () => true });
    // Same host, process gone (a kill -9): at once.
    const paused = InstanceLock.acquire(env.app.store, { now: clock, holder: { host: "srv1", pid: 200 }, isAlive: (pid) => pid !== 100 });
    // Another host: only once the heartbeat is stale.
    const fromOtherHost = () => InstanceLock.acquire(env.app.store, { now: clock, holder: { host: "srv2", pid: 300 }, isAlive: () => true });
    expect(fromOtherHost).toThrow(InstanceLockedError);
    now += LOCK_STALE_MS + 1;
    const taken = fromOtherHost();
    const takenAt = now;
    // The paused holder wakes up: its heartbeat and release no longer touch what is not its own.
    now += 5_000;
    paused.heartbeat();
    paused.release();
    const row = () => env.app.store.sqlite.prepare("SELECT host, pid, heartbeat_at AS at FROM instance_locks").get() as { host: string; pid: number; at: number };
    expect(row()).toEqual({ host: "srv2", pid: 300, at: takenAt });
    expect(paused.heartbeat()).toBe(false);
    taken.release();
    expect(env.app.store.sqlite.prepare("SELECT count(*) AS n FROM instance_locks").get()).toEqual({ n: 0 });
  });

  it("tells a holder that was taken over, and survives a database busy for a moment", async () => {
    vi.useFakeTimers();
    try {
      env = makeTestApp();
      let now = 1_000_000;
      const lost: string[] = [];
      const errors: unknown[] = [];
      const paused = InstanceLock.acquire(env.app.store, { now: () => now, holder: { host: "srv1", pid: 100 }, isAlive: () => true }).keepAlive(
        () => lost.push("lost"),
        (error) => errors.push(error),
      );
      // The database is locked by another connection: the beat fails, is reported, and nothing throws.
      const other = env.restart();
      other.store.sqlite.pragma("busy_timeout = 0");
      env.app.store.sqlite.pragma("busy_timeout = 0");
      other.store.sqlite.exec("BEGIN IMMEDIATE");
      vi.advanceTimersByTime(10_000);
      other.store.sqlite.exec("ROLLBACK");
      expect(errors).toHaveLength(1);
      expect(lost).toEqual([]);
      // Another host takes over after the stale limit: the paused holder hears of it at its next beat.
      now += LOCK_STALE_MS + 1;
      InstanceLock.acquire(other.store, { now: () => now, holder: { host: "srv2", pid: 300 }, isAlive: () => true });
      vi.advanceTimersByTime(10_000);
      expect(lost).toEqual(["lost"]);
      paused.release();
    } finally {
      vi.useRealTimers();
    }
  });
});
