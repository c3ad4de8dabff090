// The deadline scheduler: see ./README.md.
export {
  Scheduler,
  startScheduler,
  schedulerOptionsFromConfig,
  schedulerOptionsSchema,
  divisionRecipient,
  TRIAGE_RECIPIENT,
  SCHEDULER_CHANNEL,
  type SchedulerOptions,
  type TickResult,
} from "./scheduler.js";
export { schedulerCommand } from "./cli.js";
