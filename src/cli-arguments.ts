// Option parsers shared by the CLI's commands: a bad value is refused by commander with a reason in
// the configured language, instead of being read as "no limit".
import { InvalidArgumentError } from "commander";
import { loadConfig } from "./config.js";
import { translator } from "./i18n.js";

/** "--limit 20": a whole number above zero. */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(translator(loadConfig().DEFAULT_LOCALE)("cli.positiveInteger"));
  return parsed;
}
