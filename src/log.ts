// Operational log lines of the desk and the scheduler, as JSON through pino at LOG_LEVEL (the Telegram
// channel has its own structured logger). The lines name cases by ID and errors by message, never what
// a worker wrote.
import pino from "pino";

const loggers = new Map<string, pino.Logger>();

/** A warning-level line logger for `component` ("slack", "scheduler") at the configured level. */
export function warningLines(level: string, component: string): (line: string) => void {
  const key = `${level}|${component}`;
  let logger = loggers.get(key);
  // stderr: stdout is the commands' output (`scheduler tick --json` read by a script).
  if (!logger) loggers.set(key, (logger = pino({ level, base: { component } }, pino.destination(2))));
  const chosen = logger;
  return (line) => chosen.warn(line);
}
