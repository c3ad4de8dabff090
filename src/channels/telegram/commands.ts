// The command menu, in Simplified Chinese (the default, and for "zh" apps) and English.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Locale } from "../../config.js";
import { translator } from "../../i18n.js";

export const COMMANDS = ["start", "new", "status", "mycases", "cancel", "lang", "help"] as const;

export function commandsFor(locale: Locale): BotCommand[] {
  const t = translator(locale);
  return COMMANDS.map((command) => ({ command, description: t(`telegram:commands.${command}`) }));
}

export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(commandsFor("zh-CN"));
  await api.setMyCommands(commandsFor("zh-CN"), { language_code: "zh" });
  await api.setMyCommands(commandsFor("en"), { language_code: "en" });
}
