// Logging for the Telegram channel. Update ids, chat ids at debug, error codes — never the text a
// worker wrote, at any level the bot runs at in production.
import pino from "pino";

type LogFn = (object: Record<string, unknown>, message?: string) => void;

export interface TelegramLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export function defaultLogger(level: string): TelegramLogger {
  return pino({ level, base: { channel: "telegram" } }, pino.destination(2));
}

/** What of an error may be logged: its class, code and description (Bot API errors carry no user text). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const described: Record<string, unknown> = { errorName: error.name, errorMessage: error.message.slice(0, 300) };
    const code = (error as { error_code?: unknown }).error_code;
    if (typeof code === "number") described.errorCode = code;
    const method = (error as { method?: unknown }).method;
    if (typeof method === "string") described.method = method;
    const cause = (error as { error?: unknown }).error;
    if (cause instanceof Error) described.cause = cause.message.slice(0, 200);
    return described;
  }
  return { errorMessage: String(error).slice(0, 300) };
}
