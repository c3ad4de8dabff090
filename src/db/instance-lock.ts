// One process runs the channels on a database. A second `npm start` on the same file (a restart while
// the old process still runs, two service units) would post every Slack ticket twice and fight the
// first over Telegram's getUpdates; it stops instead, saying who holds the database.
import { hostname } from "node:os";
import { and, eq } from "drizzle-orm";
import type { Store } from "./open.js";
import { instanceLocks } from "./schema.js";

/** A heartbeat older than this is a process that died without letting go. */
export const LOCK_STALE_MS = 30_000;
const HEARTBEAT_MS = 10_000;

export class InstanceLockedError extends Error {
  constructor(
    readonly host: string,
    readonly pid: number,
    readonly heartbeatAt: number,
  ) {
    super(`the database is in use by process ${pid} on ${host}`);
  }
}

export interface Holder {
  host: string;
  pid: number;
}

export class InstanceLock {
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly store: Store,
    private readonly name: string,
    private readonly holder: Holder,
    private readonly now: () => number,
  ) {}

  /**
   * Takes the lock, or throws InstanceLockedError when another live process holds it. A holder is
   * taken over when its heartbeat is stale, or when it is a process of this host that no longer exists.
   */
  static acquire(store: Store, options: { name?: string; now?: () => number; holder?: Holder; isAlive?: (pid: number) => boolean } = {}): InstanceLock {
    const name = options.name ?? "channels";
    const now = options.now ?? Date.now;
    const holder = options.holder ?? { host: hostname(), pid: process.pid };
    const isAlive = options.isAlive ?? processExists;
    store.sqlite
      .transaction(() => {
        const at = now();
        const current = store.db.select().from(instanceLocks).where(eq(instanceLocks.name, name)).get();
        const mine = current !== undefined && current.host === holder.host && current.pid === holder.pid;
        const dead = current !== undefined && current.host === holder.host && !isAlive(current.pid);
        // A heartbeat far in the future is a clock that was set back: it says nothing of liveness.
        const fresh = current !== undefined && Math.abs(at - current.heartbeatAt) < LOCK_STALE_MS;
        if (current && !mine && !dead && fresh) {
          throw new InstanceLockedError(current.host, current.pid, current.heartbeatAt);
        }
        store.db
          .insert(instanceLocks)
          .values({ name, host: holder.host, pid: holder.pid, acquiredAt: at, heartbeatAt: at })
          .onConflictDoUpdate({ target: instanceLocks.name, set: { host: holder.host, pid: holder.pid, acquiredAt: at, heartbeatAt: at } })
          .run();
      })
      .immediate();
    return new InstanceLock(store, name, holder, now);
  }

  /**
   * Keeps the lock fresh until release(). `onLost`: another process took it over (this one was paused
   * past the stale limit) — this one must stop. A database busy for a moment is tried again next beat.
   */
  keepAlive(onLost: () => void, onError: (error: unknown) => void = () => {}): this {
    this.timer = setInterval(() => {
      try {
        if (!this.heartbeat()) {
          clearInterval(this.timer);
          onLost();
        }
      } catch (error) {
        onError(error);
      }
    }, HEARTBEAT_MS);
    this.timer.unref();
    return this;
  }

  /** Refreshes the heartbeat; false when the lock is no longer ours. */
  heartbeat(): boolean {
    // Only while it is still ours (a process paused past the stale limit may have been taken over).
    const result = this.store.db
      .update(instanceLocks)
      .set({ heartbeatAt: this.now() })
      .where(and(eq(instanceLocks.name, this.name), eq(instanceLocks.host, this.holder.host), eq(instanceLocks.pid, this.holder.pid)))
      .run();
    return result.changes > 0;
  }

  release(): void {
    if (this.timer) clearInterval(this.timer);
    const current = this.store.db.select().from(instanceLocks).where(eq(instanceLocks.name, this.name)).get();
    if (current?.host === this.holder.host && current.pid === this.holder.pid) {
      this.store.db.delete(instanceLocks).where(eq(instanceLocks.name, this.name)).run();
    }
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
