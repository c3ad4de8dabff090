// Commander's own errors ("error: required option '--by <name>' not specified") in the officers'
// language. Commander gives only the English text to outputError, so it is read back by its shapes; a
// message that fits none (our own, already translated) is written as it is.
import type { Command } from "commander";
import { loadConfig, type Locale } from "./config.js";
import { translator } from "./i18n.js";

type T = ReturnType<typeof translator>;

function locale(): Locale {
  try {
    return loadConfig().DEFAULT_LOCALE;
  } catch {
    // A broken configuration is reported by the command itself; its errors still read in the default.
    return "zh-CN";
  }
}

/** "Allowed choices are officer, leader." and the reasons our parsers give, in words. */
function reason(t: T, text: string): string {
  const choices = /^Allowed choices are (.+)\.$/.exec(text.trim());
  return choices ? t("cli.commander.choices", { choices: choices[1] }) : text.trim();
}

/** The message commander wrote, in the officers' language; our own messages unchanged. */
export function localizeCommanderMessage(t: T, message: string): string {
  const text = message.replace(/\n$/, "");
  if (!text.startsWith("error: ")) return message;
  const body = text.slice("error: ".length);
  const flag = (spec: string) => spec.split(/[\s,]/)[0] ?? spec;
  let match: RegExpExecArray | null;
  if ((match = /^required option '(.+?)' not specified$/.exec(body))) {
    const option = flag(match[1] ?? "");
    return `${option === "--by" ? t("cli.byRequired") : t("cli.commander.missingOption", { option, hint: "" }).replace(/[：:]\s*$/, "。")}\n`;
  }
  if ((match = /^option '(.+?)' argument missing$/.exec(body))) return `${t("cli.commander.missingOptionValue", { option: flag(match[1] ?? "") })}\n`;
  if ((match = /^missing required argument '(.+?)'$/.exec(body))) return `${t("cli.commander.missingArgument", { argument: t(`cli.argumentName.${match[1]}`, { defaultValue: match[1] }) })}\n`;
  if ((match = /^unknown option '(.+?)'/.exec(body))) return `${t("cli.commander.unknownOption", { option: match[1] })}\n`;
  if ((match = /^unknown command '(.+?)'/.exec(body))) return `${t("cli.commander.unknownCommand", { command: match[1] })}\n`;
  if (/^too many arguments/.test(body)) return `${t("cli.commander.tooManyArguments")}\n`;
  if ((match = /^option '(.+?)' argument '(.*)' is invalid\.\s*([\s\S]*)$/.exec(body))) {
    const what = t("cli.commander.option", { option: flag(match[1] ?? "") });
    return `${t("cli.commander.invalidValue", { what, value: match[2], reason: reason(t, match[3] ?? "") }).trim()}\n`;
  }
  if ((match = /^command-argument value '(.*)' is invalid for argument '(.+?)'\.\s*([\s\S]*)$/.exec(body))) {
    // A case ID or a status typed wrong: our parser's reason says it all.
    return `${reason(t, match[3] ?? "") || t("cli.commander.invalidValue", { what: t("cli.commander.argument", { argument: match[2] }), value: match[1], reason: "" }).trim()}\n`;
  }
  return message;
}

/** Every command under `program` writes commander's errors through localizeCommanderMessage. */
export function localizeCommanderErrors(program: Command): void {
  program.configureOutput({ outputError: (message, write) => write(localizeCommanderMessage(translator(locale()), message)) });
  for (const command of program.commands) localizeCommanderErrors(command);
}
