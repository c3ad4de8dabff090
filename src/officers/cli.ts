// `arrears officer add|list|remove`: the officer registry on the command line. Mounted by src/cli.ts:
//   program.addCommand(officerCommand(openApp));
import { Command, InvalidArgumentError, Option } from "commander";
import type { App } from "../app.js";
import { loadConfig } from "../config.js";
import { translator } from "../i18n.js";
import { OFFICER_ROLES, OfficerRegistry, UnknownDivisionError, slackUserIdSchema } from "./registry.js";

function slackUser(value: string): string {
  const parsed = slackUserIdSchema.safeParse(value.trim());
  if (!parsed.success) throw new InvalidArgumentError(translator(loadConfig().DEFAULT_LOCALE)("cli.badSlackUser"));
  return parsed.data;
}

function divisionCode(value: string): string {
  if (!/^\d{6}$/.test(value.trim())) throw new InvalidArgumentError(translator(loadConfig().DEFAULT_LOCALE)("cli.badDivisionCode"));
  return value.trim();
}

function withApp<T>(openApp: () => App, run: (app: App, registry: OfficerRegistry) => T): T {
  const app = openApp();
  try {
    return run(app, new OfficerRegistry(app.store.db, app.gazetteer, () => app.clock.now()));
  } finally {
    app.close();
  }
}

/** "  王明": the name case histories show for the officer, when one is known. */
function nameColumn(registry: OfficerRegistry, slackUserId: string): string {
  const name = registry.displayName(slackUserId);
  return name ? `  ${name}` : "";
}

export function officerCommand(openApp: () => App, out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Command {
  const command = new Command("officer").description("officers who may act on cases in Slack (by division)");

  command
    .command("add")
    .description("register a Slack user as officer or leader of a division (and the divisions under it)")
    .requiredOption("--slack-user <id>", "Slack user ID (U…)", slackUser)
    .requiredOption("--division <code>", "six-digit division code (GB/T 2260)", divisionCode)
    .addOption(new Option("--role <role>", "officer or leader (new: officer; registered: unchanged)").choices([...OFFICER_ROLES]))
    .option("--name <name>", "the officer's name, as case histories show who acted (default: their Slack display name, if the app may read it)")
    .action((options: { slackUser: string; division: string; role?: "officer" | "leader"; name?: string }) => {
      withApp(openApp, (app, registry) => {
        try {
          const row = registry.add({ slackUserId: options.slackUser, divisionCode: options.division, role: options.role, name: options.name });
          const t = translator(app.config.DEFAULT_LOCALE);
          const role = (code: string) => t(`cli.role.${code}`, { defaultValue: code });
          out(`${row.slackUserId}  ${row.divisionCode} ${app.gazetteer.fullName(row.divisionCode)}  ${role(row.role)}${nameColumn(registry, row.slackUserId)}`);
          // Registered before: say whether the role changed, so that no leader is demoted unnoticed.
          if (row.previousRole !== null) {
            out(row.previousRole === row.role ? t("cli.officer.alreadyRegistered", { role: role(row.role) }) : t("cli.officer.roleChanged", { from: role(row.previousRole), to: role(row.role) }));
          }
        } catch (error) {
          if (error instanceof UnknownDivisionError) {
            command.error(translator(app.config.DEFAULT_LOCALE)("cli.officer.unknownDivision", { code: options.division }));
          }
          throw error;
        }
      });
    });

  command
    .command("list")
    .description("list registered officers")
    .action(() => {
      withApp(openApp, (app, registry) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        const rows = registry.list();
        if (rows.length === 0) out(t("cli.officer.none"));
        for (const row of rows) {
          out(`${row.slackUserId}  ${row.divisionCode} ${app.gazetteer.fullName(row.divisionCode)}  ${t(`cli.role.${row.role}`, { defaultValue: row.role })}${nameColumn(registry, row.slackUserId)}`);
        }
      });
    });

  command
    .command("remove")
    .description("remove an officer (from one division, or from all)")
    .requiredOption("--slack-user <id>", "Slack user ID (U…)", slackUser)
    .option("--division <code>", "only this division", divisionCode)
    .action((options: { slackUser: string; division?: string }) => {
      withApp(openApp, (app, registry) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        const removed = registry.remove(options.slackUser, options.division);
        // Nothing removed is a mistyped ID or division: say so, and fail, so a script notices.
        if (removed === 0) {
          command.error(
            options.division
              ? t("cli.officer.notRegisteredIn", { user: options.slackUser, division: options.division })
              : t("cli.officer.notRegistered", { user: options.slackUser }),
          );
        }
        out(t("cli.officer.removed", { count: removed, user: options.slackUser }));
      });
    });

  return command;
}
