// Deadline rules (期限) of a case, from configuration with the defaults of the seeds:
//   当日完成核查分类 — verified and classified by the end of the local day of receipt;
//   first officer action within 1 working day (首问负责制);
//   major cases: facts the same day, a progress note the next day (Yangquan §三(三)4) — calendar days:
//   a case with 30 workers unpaid or a worker on a crane does not wait for Monday;
//   acceptance (受理/立案) decided within 5 working days, handling within 60 working days;
//   回头看 follow-up N calendar days after a case is resolved.
// Pure: what is due when. Storage is in deadline-book.ts, the clock in src/scheduler.
import { z } from "zod";
import { addWorkingDays, endOfLocalDay, isWorkingDay, type WorkingCalendar } from "./deadlines.js";

export const DEADLINE_KINDS = [
  "classify",
  "first_action",
  "major_facts",
  "major_progress",
  "acceptance",
  "handling",
  "follow_up",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

const days = (max: number) => z.coerce.number().int().min(0).max(max);

/** The options object (already validated). Working days, except the major case's two and followUpDays (calendar days). */
export const deadlinePolicySchema = z.object({
  classifyWorkingDays: days(30).default(0),
  firstActionWorkingDays: days(30).default(1),
  majorFactsDays: days(30).default(0),
  majorProgressDays: days(30).default(1),
  acceptanceWorkingDays: days(60).default(5),
  handlingWorkingDays: days(365).default(60),
  followUpDays: z.coerce.number().int().min(1).max(365).default(7),
  /** Deadlines of at most one working day: the reminder comes this many hours before the end. */
  remindHoursBefore: z.coerce.number().min(0).max(48).default(6),
  /** Longer deadlines: the reminder comes at the start of the last N working days (1: the due day's morning). */
  remindWorkingDaysBefore: days(30).default(1),
});
export type DeadlinePolicy = z.infer<typeof deadlinePolicySchema>;
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = deadlinePolicySchema.parse({});

/**
 * The environment variables, as a zod shape to spread into src/config.ts's schema
 * (`z.object({ ..., ...deadlineEnvShape })`). Each is optional; the defaults live in the policy.
 */
export const deadlineEnvShape = {
  DEADLINE_CLASSIFY_DAYS: days(30).optional(),
  DEADLINE_FIRST_ACTION_DAYS: days(30).optional(),
  DEADLINE_MAJOR_FACTS_DAYS: days(30).optional(),
  DEADLINE_MAJOR_PROGRESS_DAYS: days(30).optional(),
  DEADLINE_ACCEPT_DAYS: days(60).optional(),
  DEADLINE_HANDLE_DAYS: days(365).optional(),
  FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(365).optional(),
  DEADLINE_REMIND_HOURS: z.coerce.number().min(0).max(48).optional(),
  DEADLINE_REMIND_DAYS: days(30).optional(),
};

const ENV_TO_POLICY: Record<keyof typeof deadlineEnvShape, keyof DeadlinePolicy> = {
  DEADLINE_CLASSIFY_DAYS: "classifyWorkingDays",
  DEADLINE_FIRST_ACTION_DAYS: "firstActionWorkingDays",
  DEADLINE_MAJOR_FACTS_DAYS: "majorFactsDays",
  DEADLINE_MAJOR_PROGRESS_DAYS: "majorProgressDays",
  DEADLINE_ACCEPT_DAYS: "acceptanceWorkingDays",
  DEADLINE_HANDLE_DAYS: "handlingWorkingDays",
  FOLLOW_UP_DAYS: "followUpDays",
  DEADLINE_REMIND_HOURS: "remindHoursBefore",
  DEADLINE_REMIND_DAYS: "remindWorkingDaysBefore",
};

/** The policy from the configuration (or any record holding the variables); unknown keys ignored. */
export function deadlinePolicyFromConfig(config: object): DeadlinePolicy {
  const source = config as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  for (const [variable, option] of Object.entries(ENV_TO_POLICY)) {
    const value = source[variable];
    if (value !== undefined && value !== "") options[option] = value;
  }
  const parsed = deadlinePolicySchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = Object.entries(ENV_TO_POLICY).find(([, option]) => option === issue.path[0])?.[0] ?? String(issue.path[0]);
    throw new Error(`${variable}: ${issue.message}`);
  }
  return parsed.data;
}

export interface PlannedDeadline {
  kind: DeadlineKind;
  dueAt: number;
  remindAt: number | null;
}

const HOUR = 3_600_000;

/**
 * The start (local midnight) of the n-th last working day up to the day of `dueAt`: n = 1 is the start
 * of the due day itself, n = 2 the start of the working day before it, and so on.
 */
function startOfLastWorkingDays(dueAt: number, n: number, calendar: WorkingCalendar): number {
  // 30 hours back from 23:59:59.999 is always the previous local day, daylight saving or not.
  const previousDayEnd = (end: number) => endOfLocalDay(end - 30 * HOUR, calendar.timeZone);
  let cursor = endOfLocalDay(dueAt, calendar.timeZone);
  for (let remaining = n - 1; remaining > 0; ) {
    cursor = previousDayEnd(cursor);
    if (isWorkingDay(cursor, calendar)) remaining--;
  }
  return previousDayEnd(cursor) + 1;
}

/** Counted in calendar days: a major case's facts and progress are owed on a Sunday too. */
const CALENDAR_DAY_KINDS: ReadonlySet<DeadlineKind> = new Set(["major_facts", "major_progress"]);

/** The end of the local day `days` calendar days after the day of `at` (0: the day of `at`). */
function addCalendarDays(at: number, days: number, timeZone: string): number {
  let cursor = endOfLocalDay(at, timeZone);
  for (let i = 0; i < days; i++) cursor = endOfLocalDay(cursor + 1, timeZone);
  return cursor;
}

/** How many local days the planner remembers per kind of deadline (about three years of filing days). */
const PLAN_CACHE_DAYS = 1_000;

export class DeadlinePlanner {
  /**
   * Per kind, by the end of the local day a deadline opens on: its due time and the reminder time
   * before clamping to the opening. Both depend on that day only (and on the policy and calendar,
   * fixed for a planner), and counting working days through the calendar is most of the cost of
   * logging a case's deadlines.
   */
  private readonly byDay = new Map<DeadlineKind, Map<number, { dueAt: number; remindBase: number }>>();

  constructor(
    readonly policy: DeadlinePolicy,
    readonly calendar: WorkingCalendar,
  ) {}

  workingDays(kind: Exclude<DeadlineKind, "follow_up">): number {
    const p = this.policy;
    switch (kind) {
      case "classify":
        return p.classifyWorkingDays;
      case "first_action":
        return p.firstActionWorkingDays;
      case "major_facts":
        return p.majorFactsDays;
      case "major_progress":
        return p.majorProgressDays;
      case "acceptance":
        return p.acceptanceWorkingDays;
      case "handling":
        return p.handlingWorkingDays;
    }
  }

  /** When a reminder is due: hours before a short deadline, working days before a long one. */
  remindAt(openedAt: number, dueAt: number, workingDays: number): number {
    return Math.min(dueAt, Math.max(openedAt, this.remindBase(dueAt, workingDays)));
  }

  /** The reminder time of remindAt before it is kept between the opening and the due time. */
  private remindBase(dueAt: number, workingDays: number): number {
    return workingDays <= 1
      ? dueAt - this.policy.remindHoursBefore * HOUR
      : this.policy.remindWorkingDaysBefore === 0
        ? dueAt
        : startOfLastWorkingDays(dueAt, this.policy.remindWorkingDaysBefore, this.calendar);
  }

  plan(kind: DeadlineKind, at: number): PlannedDeadline {
    if (kind === "follow_up") {
      // The follow-up itself is the action at dueAt: no reminder, no escalation.
      return { kind, dueAt: at + this.policy.followUpDays * 24 * HOUR, remindAt: null };
    }
    // addWorkingDays counts from the end of the local day of `at`: so does the cache.
    const day = endOfLocalDay(at, this.calendar.timeZone);
    let days = this.byDay.get(kind);
    if (!days) this.byDay.set(kind, (days = new Map()));
    let planned = days.get(day);
    if (!planned) {
      const n = this.workingDays(kind);
      const dueAt = CALENDAR_DAY_KINDS.has(kind) ? addCalendarDays(at, n, this.calendar.timeZone) : addWorkingDays(at, n, this.calendar);
      planned = { dueAt, remindBase: this.remindBase(dueAt, n) };
      if (days.size >= PLAN_CACHE_DAYS) days.clear();
      days.set(day, planned);
    }
    return { kind, dueAt: planned.dueAt, remindAt: Math.min(planned.dueAt, Math.max(at, planned.remindBase)) };
  }

  /** The deadlines a newly logged case owes. Not-arrears cases are referred at once: none. */
  initial(at: number, facts: { isArrears: boolean; major: boolean }): PlannedDeadline[] {
    if (!facts.isArrears) return [];
    const kinds: DeadlineKind[] = ["classify", "first_action", "acceptance"];
    if (facts.major) kinds.push("major_facts", "major_progress");
    return kinds.map((kind) => this.plan(kind, at));
  }
}
