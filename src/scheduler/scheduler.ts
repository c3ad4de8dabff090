// The deadline scheduler, inside the process and driven from the database. Each tick:
//   1. opens the deadlines of recently logged cases that have none (a process whose filing was not
//      wired to the deadline book);
//   2. reminds the ticket's desk of deadlines whose remindAt has passed (remindedAt stamped);
//   3. escalates deadlines past due to the level above the one handling the case (the city for a
//      county's case, the province for a major case the city supervises): one message per case listing
//      its missed deadlines, a ledger event "escalated" for each (escalatedAt stamped);
//   4. asks the worker of a resolved case whether the money arrived (回头看), N days after resolving.
// Each step is one IMMEDIATE transaction: the stamp, the outbox row(s) and the ledger event commit
// together or not at all, and the stamp is a conditional update (… WHERE reminded_at IS NULL). So a
// restart between two ticks neither loses nor repeats a message, and two processes ticking the same
// file (the app and `arrears scheduler tick` from cron) never send one twice.
import { z } from "zod";
import type { App } from "../app.js";
import { warningLines } from "../log.js";
import { formatLocalDateTime } from "../cases/deadlines.js";
import { DESK_CHANNEL, deskRecipient } from "../cases/case-actions.js";
import { formatCaseId } from "../cases/case-id.js";
import { lastRecovered } from "../cases/resolution.js";
import type { CaseDeadlines, DeadlineRow } from "../cases/deadline-book.js";
import type { CaseRow } from "../cases/ledger.js";

export const SCHEDULER_CHANNEL = "scheduler";
/** Outbox recipient of a division's desk (channel "desk"): the Slack app posts it to the division's channel. */
export const divisionRecipient = (code: string): string => `division:${code}`;
/** Outbox recipient for cases without a jurisdiction: the triage desk. */
export const TRIAGE_RECIPIENT = "triage";

export const schedulerOptionsSchema = z.object({
  /** Whether main starts the scheduler (SCHEDULER_ENABLED). Turn it off when cron runs `arrears scheduler tick`. */
  enabled: z.boolean().default(true),
  /** Seconds between ticks (SCHEDULER_INTERVAL_SECONDS). */
  intervalSeconds: z.coerce.number().int().min(1).max(86_400).default(60),
  /** How far back a tick looks for logged cases without deadlines. */
  catchUpHours: z.coerce.number().int().min(1).max(24 * 365).default(72),
  /** Most items of each kind handled per tick (the rest next tick). */
  batch: z.coerce.number().int().min(1).max(10_000).default(500),
});
export type SchedulerOptions = z.infer<typeof schedulerOptionsSchema>;

/** Options from the configuration (SCHEDULER_ENABLED, SCHEDULER_INTERVAL_SECONDS); unknown keys ignored. */
export function schedulerOptionsFromConfig(config: object): SchedulerOptions {
  const source = config as Record<string, unknown>;
  const enabled = source.SCHEDULER_ENABLED;
  const interval = source.SCHEDULER_INTERVAL_SECONDS;
  return schedulerOptionsSchema.parse({
    ...(enabled === undefined || enabled === "" ? {} : { enabled: typeof enabled === "boolean" ? enabled : !["false", "0", "no", "off"].includes(String(enabled).toLowerCase()) }),
    ...(interval === undefined || interval === "" ? {} : { intervalSeconds: interval }),
  });
}

export interface TickResult {
  opened: number;
  reminders: number;
  escalations: number;
  followUps: number;
}

export type SchedulerApp = Pick<App, "store" | "ledger" | "outbox" | "actions" | "gazetteer" | "config" | "clock">;

export class Scheduler {
  private readonly options: SchedulerOptions;
  private readonly now: () => number;
  private readonly deadlines: CaseDeadlines;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly app: SchedulerApp,
    options: Partial<SchedulerOptions> & { now?: () => number; log?: (line: string) => void } = {},
  ) {
    const { now, log, ...rest } = options;
    this.options = schedulerOptionsSchema.parse(rest);
    this.now = now ?? (() => app.clock.now());
    this.log = log ?? warningLines(app.config.LOG_LEVEL, "scheduler");
    this.deadlines = app.actions.deadlines;
  }

  private readonly log: (line: string) => void;

  /** One pass over what is due now. Synchronous; safe to call from several processes. */
  tick(): TickResult {
    const now = this.now();
    const result: TickResult = { opened: 0, reminders: 0, escalations: 0, followUps: 0 };
    const batch = this.options.batch;
    for (const row of this.deadlines.casesWithoutDeadlines(now - this.options.catchUpHours * 3_600_000, batch)) {
      if (this.inTransaction(() => this.openMissing(row))) result.opened++;
    }
    for (const deadline of this.deadlines.dueReminders(now, batch)) {
      if (this.inTransaction(() => this.remind(deadline, now))) result.reminders++;
    }
    // A case that missed several deadlines at once goes up once, with all of them: the level above
    // reads one message per case, not one per deadline.
    const missedByCase = new Map<string, DeadlineRow[]>();
    for (const deadline of this.deadlines.dueEscalations(now, batch)) {
      missedByCase.set(deadline.caseId, [...(missedByCase.get(deadline.caseId) ?? []), deadline]);
    }
    for (const [caseId, missed] of missedByCase) {
      if (this.inTransaction(() => this.escalate(caseId, missed, now))) result.escalations++;
    }
    for (const deadline of this.deadlines.dueFollowUps(now, batch)) {
      if (this.inTransaction(() => this.followUp(deadline, now))) result.followUps++;
    }
    return result;
  }

  /** Ticks now and then every `intervalMs` (default: the configured interval) until stop(). */
  start(intervalMs = this.options.intervalSeconds * 1000): void {
    if (this.timer !== undefined) return;
    const run = () => {
      if (!this.running) {
        this.running = true;
        try {
          this.tick();
        } catch (error) {
          this.log(`scheduler: tick failed: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          this.running = false;
        }
      }
      if (this.timer !== undefined) this.timer = setTimeout(run, intervalMs);
    };
    this.timer = setTimeout(run, 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  // ---- steps ------------------------------------------------------------------------------------

  /** One step, one transaction; a failing step is rolled back whole, logged, and retried next tick. */
  private inTransaction(step: () => boolean): boolean {
    try {
      return this.app.store.sqlite.transaction(step).immediate();
    } catch (error) {
      this.log(`scheduler: step failed (retried next tick): ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  private openMissing(row: CaseRow): boolean {
    if (this.deadlines.hasAny(row.id)) return false;
    this.deadlines.ensureInitial(row);
    this.deadlines.syncCaseDue(row.id);
    return true;
  }

  private deskLocale(): string {
    return this.app.config.DEFAULT_LOCALE;
  }

  private formatDue(at: number): string {
    return formatLocalDateTime(at, this.app.config.TIME_ZONE);
  }

  private remind(deadline: DeadlineRow, now: number): boolean {
    if (!this.deadlines.markReminded(deadline.id, now)) return false;
    // Past its deadline already (the process was down when the reminder fell due): the escalation
    // says it; a "due soon" next to it would only contradict it.
    if (deadline.dueAt <= now) return false;
    this.app.outbox.enqueue(
      {
        caseId: deadline.caseId,
        channel: DESK_CHANNEL,
        recipientKey: deskRecipient(deadline.caseId),
        locale: this.deskLocale(),
        messageKey: "scheduler:reminder",
        params: { id: formatCaseId(deadline.caseId), kindKey: `scheduler:kind.${deadline.kind}`, due: this.formatDue(deadline.dueAt) },
      },
      now,
    );
    return true;
  }

  /**
   * The level above the one handling the case: the city of a county's case; the province of a case the
   * city already supervises (a major case: 挂牌督办 at city level) — escalating it to the city again would
   * tell the city what it owns. Where no level is above (a municipality's major case), the top one;
   * triage when unplaced.
   */
  escalationTarget(jurisdictionCode: string | null, cityLevel = false): string | null {
    if (jurisdictionCode === null) return null;
    const chain = this.app.gazetteer.chain(jurisdictionCode);
    if (chain.length === 0) return jurisdictionCode;
    return chain[Math.min(cityLevel ? 2 : 1, chain.length - 1)]!.code;
  }

  private escalate(caseId: string, due: readonly DeadlineRow[], now: number): boolean {
    const row = this.app.ledger.find(caseId);
    if (!row) return false;
    // Each stamp is conditional: another process may have escalated some of them already.
    const missed = due.filter((deadline) => this.deadlines.markEscalated(deadline.id, now));
    if (missed.length === 0) return false;
    const routedLevel = (row.route as { level?: unknown } | null)?.level;
    const target = this.escalationTarget(row.jurisdictionCode, row.major || routedLevel === "city" || routedLevel === "province");
    const id = formatCaseId(row.id);
    const targetName = target ? this.app.gazetteer.fullName(target) || target : "";
    const deskName = row.jurisdictionCode ? this.app.gazetteer.fullName(row.jurisdictionCode) || row.jurisdictionCode : "";
    // "…Keys": the missed deadlines' names, rendered as one list in the reader's language; the earliest due.
    const common = { id, kindKeys: missed.map((deadline) => `scheduler:kind.${deadline.kind}`), due: this.formatDue(missed[0]!.dueAt) };
    this.app.outbox.enqueue(
      {
        caseId: row.id,
        channel: DESK_CHANNEL,
        recipientKey: target ? divisionRecipient(target) : TRIAGE_RECIPIENT,
        locale: this.deskLocale(),
        messageKey: "scheduler:escalation",
        params: { ...common, desk: deskName || "—", employer: row.employer ?? "—", status: row.status, statusKey: `deskStatus.${row.status}` },
      },
      now,
    );
    // The desk sees in the ticket's thread that the case went up.
    this.app.outbox.enqueue(
      {
        caseId: row.id,
        channel: DESK_CHANNEL,
        recipientKey: deskRecipient(row.id),
        locale: this.deskLocale(),
        messageKey: "scheduler:escalatedThread",
        params: { ...common, to: targetName || "—" },
      },
      now,
    );
    // The ledger keeps each missed deadline.
    for (const deadline of missed) {
      this.app.ledger.appendEvent({
        caseId: row.id,
        at: now,
        actor: "system",
        channel: SCHEDULER_CHANNEL,
        type: "escalated",
        data: { kind: deadline.kind, dueAt: deadline.dueAt, to: target },
      });
    }
    return true;
  }

  private followUp(deadline: DeadlineRow, now: number): boolean {
    const row = this.app.ledger.find(deadline.caseId);
    if (!row || row.status !== "resolved") {
      // Reopened or moved on since: the follow-up no longer applies.
      this.deadlines.closeOne(deadline.id, now);
      return false;
    }
    if (!this.deadlines.markReminded(deadline.id, now)) return false;
    const id = formatCaseId(row.id);
    // Closed with nothing recovered, the worker was told where the money can still be claimed (仲裁,
    // 法院, 12348): no money was promised, so the follow-up does not ask whether "it" arrived. It asks
    // how it stands: paid after all, being claimed at arbitration or in court, or to be looked at again.
    const nothingRecovered = lastRecovered(this.app.ledger.events(row.id)) === 0;
    this.app.outbox.enqueue(
      {
        caseId: row.id,
        channel: row.channel,
        recipientKey: row.filerKey,
        locale: row.locale,
        messageKey: nothingRecovered ? "followUp.questionNothingRecovered" : "followUp.question",
        params: { id },
        choices: nothingRecovered
          ? [
              { id: `followup:${row.id}:paid`, labelKey: "followUp.paidSince" },
              { id: `followup:${row.id}:elsewhere`, labelKey: "followUp.elsewhere" },
              { id: `followup:${row.id}:unpaid`, labelKey: "followUp.lookAgain" },
            ]
          : [
              { id: `followup:${row.id}:paid`, labelKey: "followUp.paid" },
              { id: `followup:${row.id}:unpaid`, labelKey: "followUp.unpaid" },
            ],
      },
      now,
    );
    this.app.ledger.appendEvent({
      caseId: row.id,
      at: now,
      actor: "system",
      channel: SCHEDULER_CHANNEL,
      type: "follow_up_asked",
      ...(nothingRecovered ? { data: { because: "nothing_recovered" } } : {}),
    });
    return true;
  }
}

/** Starts the scheduler when enabled (main.ts); returns its stop, or null when disabled. */
export function startScheduler(
  app: SchedulerApp,
  options: Partial<SchedulerOptions> & { now?: () => number; log?: (line: string) => void } = {},
): { scheduler: Scheduler; stop(): void } | null {
  const scheduler = new Scheduler(app, options);
  if (options.enabled === false) return null;
  scheduler.start();
  return { scheduler, stop: () => scheduler.stop() };
}
