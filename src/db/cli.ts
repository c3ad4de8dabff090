// `arrears db path|backup`: where the database is, and a consistent copy of it while the bot runs.
// Mounted by src/cli.ts: program.addCommand(dbCommand(openApp, databaseFile)).
import { chmodSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Command } from "commander";
import type { App } from "../app.js";
import type { Locale } from "../config.js";
import { translator } from "../i18n.js";

export function dbCommand(openApp: () => App, databaseFile: () => string, out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Command {
  const command = new Command("db").description("the database file: where it is, and a consistent backup");

  command
    .command("path")
    .description("print the database file this configuration uses (DATABASE_URL, resolved)")
    .action(() => out(databaseFile()));

  command
    .command("backup")
    .description("copy the database while the bot runs (SQLite's online backup: the -wal file's commits included)")
    .argument("<file>", "where the copy goes (must not exist)")
    .action(async (file: string) => {
      const app = openApp();
      const t = translator(app.config.DEFAULT_LOCALE);
      try {
        const target = resolve(file);
        if (existsSync(target)) command.error(t("cli.backupExists", { file: target }));
        if (!existsSync(dirname(target))) command.error(t("cli.backupNoFolder", { folder: dirname(target) }));
        // A plain cp of a live database misses what is still in its -wal file.
        await app.store.sqlite.backup(target);
        // Workers' phones and words: the copy is the owner's only, as the database is.
        chmodSync(target, 0o600);
        const cases = (app.store.sqlite.prepare("SELECT count(*) AS n FROM cases").get() as { n: number }).n;
        out(t("cli.backupDone", { file: target, cases }));
      } finally {
        app.close();
      }
    });

  return command;
}

/** Why a command must not run here: the database does not exist (a command in the wrong directory would make a new, empty one). */
export function requireDatabase(path: string, locale: Locale): string | null {
  if (path === ":memory:" || existsSync(path)) return null;
  return translator(locale)("cli.noDatabase", { path: resolve(path) });
}
