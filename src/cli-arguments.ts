// Option parsers shared by the CLI's commands: a bad value is refused by commander with a reason in
// the configured language, instead of being read as "no limit".
import { InvalidArgumentError } from "commander";
import { loadConfig } from "./config.js";
import { translator } from "./i18n.js";
import { formatCaseId, parseCaseId } from "./cases/case-id.js";

/** "--limit 20": a whole number above zero. */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(translator(loadConfig().DEFAULT_LOCALE)("cli.positiveInteger"));
  return parsed;
}

/** A case ID as typed: a mistyped one (its check character wrong) is told so. */
export function caseIdArgument(value: string): string {
  const parsed = parseCaseId(value);
  if (parsed.kind === "malformed") throw new InvalidArgumentError(translator(loadConfig().DEFAULT_LOCALE)("status.malformed"));
  if (parsed.kind === "mistyped") throw new InvalidArgumentError(translator(loadConfig().DEFAULT_LOCALE)("status.mistyped", { id: formatCaseId(parsed.id) }));
  return parsed.id;
}
