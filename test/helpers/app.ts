// A real app on a temporary SQLite file, with a clock the test controls.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { TurnResult } from "../../src/dialogs/engine.js";

export class TestClock {
  constructor(public current = Date.parse("2026-11-23T02:00:00Z")) {}
  now = (): number => this.current;
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface TestApp {
  app: App;
  dir: string;
  dbFile: string;
  clock: TestClock;
  /** Opens a second app on the same database file, as after a process restart. */
  restart(): App;
  cleanup(): void;
}

export function makeTestApp(env: Record<string, string> = {}, dir?: string): TestApp {
  const workDir = dir ?? mkdtempSync(join(tmpdir(), "arrears-test-"));
  const dbFile = join(workDir, "arrears.db");
  const clock = new TestClock();
  const config = () => loadConfig({ DATABASE_URL: dbFile, ...env }, join(workDir, "none.env"));
  const opened: App[] = [];
  const open = () => {
    const app = createApp(config(), { clock });
    opened.push(app);
    return app;
  };
  const first = open();
  return {
    app: first,
    dir: workDir,
    dbFile,
    clock,
    restart: open,
    cleanup: () => {
      for (const app of opened) {
        try {
          app.close();
        } catch {
          // already closed
        }
      }
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** A worker in a conversation through the engine, as a channel would drive it. */
export class Worker {
  last: TurnResult | undefined;
  constructor(
    private app: App,
    readonly id: string,
    readonly channel = "local",
  ) {}

  reconnect(app: App): void {
    this.app = app;
  }

  says(text: string): TurnResult {
    this.last = this.app.engine.handle({ channel: this.channel, userId: this.id, message: { kind: "text", text } });
    return this.last;
  }

  presses(choiceId: string): TurnResult {
    this.last = this.app.engine.handle({ channel: this.channel, userId: this.id, message: { kind: "choice", id: choiceId } });
    return this.last;
  }

  sends(attachment: { type: "photo" | "document" | "voice"; fileId: string; sizeBytes: number | null; caption?: string }): TurnResult {
    this.last = this.app.engine.handle({
      channel: this.channel,
      userId: this.id,
      message: { kind: "attachment", attachment: { caption: null, storedPath: null, ...attachment } },
    });
    return this.last;
  }

  /**
   * Files a whole complaint: `text` first, then each question answered from `answers` (by the fact it
   * expects), closed questions with a construction site / housing; returns the logged case's ID.
   */
  files(text: string, answers: Record<string, string> = {}): string {
    let result = this.says(text);
    for (let i = 0; i < 8 && result.expecting !== "confirm"; i++) {
      const answer = answers[result.expecting ?? ""];
      const choice = this.choiceIds.find((id) => /construction|housing/.test(id));
      if (answer !== undefined) result = this.says(answer);
      else if (choice !== undefined) result = this.presses(choice);
      else throw new Error(`unexpected question ${result.expecting}: ${this.heard} ${this.choiceIds.join(",")}`);
    }
    const confirmed = this.presses("confirm");
    if (!confirmed.caseId) throw new Error(`no case logged: ${this.heard}`);
    return confirmed.caseId;
  }

  /** All reply texts of the last turn, joined. */
  get heard(): string {
    return (this.last?.replies ?? []).map((reply) => reply.text).join("\n");
  }

  get choiceIds(): string[] {
    return (this.last?.replies ?? []).flatMap((reply) => reply.choices ?? []).map((choice) => choice.id);
  }
}

/**
 * Marks the notices waiting for workers as delivered now, as a channel's dispatcher does when the
 * message reaches the phone (an officer's question can be answered only once it has been seen).
 */
export function deliverWorkerNotices(app: App): number {
  let delivered = 0;
  for (const channel of ["local", "telegram"]) {
    for (const row of app.outbox.due(channel, app.clock.now(), 1000)) {
      app.outbox.markDelivered(row.id, app.clock.now());
      delivered += 1;
    }
  }
  return delivered;
}
