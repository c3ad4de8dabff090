// `arrears group list|show|merge|split`: collective cases (集体欠薪) by hand. Mounted by src/cli.ts:
//   program.addCommand(groupCommand(openApp));
import { Command } from "commander";
import { withApp, type App } from "../app.js";
import { formatCaseId } from "../cases/case-id.js";
import { caseIdArgument, positiveInteger } from "../cli-arguments.js";
import { listGroups } from "./group-list.js";
import { translator } from "../i18n.js";
import {
  AlreadyGroupedError,
  CaseGroups,
  ClaimAlreadyMarkedError,
  GroupCountiesDifferError,
  GroupNotFoundError,
  NoTwinClaimError,
  NotATeamClaimError,
  NotArrearsError,
  NotGroupedError,
  SameGroupError,
  joinGroup,
  markTeamClaim,
  mergeGroups,
  splitFromGroup,
  type GroupSummary,
} from "./groups.js";

export function groupCommand(openApp: () => App, out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Command {
  const command = new Command("group").description("collective cases (集体欠薪): show, merge, split and join groups; tell two teams' claims apart");

  const print = (app: App, group: GroupSummary) => {
    const t = translator(app.config.DEFAULT_LOCALE);
    out(
      t("groups:cli.summary", {
        id: group.id,
        label: group.label,
        level: t(`groups:level.${group.level}`),
        members: group.members.length,
        workers: group.workers,
        amount: group.amountYuan.toLocaleString("en-US"),
      }),
    );
    // Each complaint's status beside it: which are still open is what the inspector looks for.
    for (const id of group.members) {
      const row = app.ledger.find(id);
      const workers = row?.headcountMin == null ? "-" : row.headcountMin === row.headcountMax ? String(row.headcountMin) : `${row.headcountMin}–${row.headcountMax}`;
      out(
        t("groups:cli.member", {
          id: formatCaseId(id),
          status: row ? t(`deskStatus.${row.status}`) : "-",
          workers,
          amount: row?.amountYuan == null ? "-" : `¥${row.amountYuan.toLocaleString("en-US")}`,
        }),
      );
    }
  };

  command
    .command("list")
    .description("the groups, major first, then collective: complaints (open), workers, the sum owed, level and desk")
    .option("--division <code>", "only the groups of this desk: a county's six-digit code, or a city's or province's (all desks under it)")
    .option("--open", "only groups with a complaint still open")
    .option("--limit <n>", "at most this many", positiveInteger, 100)
    .option("--json", "print JSON")
    .action((options: { division?: string; open?: boolean; limit: number; json?: boolean }) => {
      withApp(openApp, (app) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        const division = options.division?.trim();
        // An unknown code is told, not answered with an empty list that reads as "no groups".
        if (division !== undefined && !app.gazetteer.byCode(division)) command.error(t("cli.divisionUnknown", { code: division }));
        const groups = listGroups(app.store.db, { division, open: options.open, limit: options.limit });
        if (options.json) {
          out(JSON.stringify(groups, null, 2));
          return;
        }
        if (groups.length === 0) {
          out(t("groups:cli.noGroups"));
          return;
        }
        out(t("groups:cli.listHeader"));
        for (const group of groups) {
          const desk = group.jurisdictionCode ? (app.gazetteer.byCode(group.jurisdictionCode)?.name ?? group.jurisdictionCode) : "-";
          out(
            t("groups:cli.listLine", {
              id: group.id,
              level: t(`groups:level.${group.level}`),
              members: group.members,
              open: group.open,
              workers: group.workers,
              amount: group.amountYuan.toLocaleString("en-US"),
              desk,
              label: group.label,
            }),
          );
        }
      });
    });

  command
    .command("show")
    .description("a group: its complaints, workers and amount, and its level")
    .argument("<group>", "group ID (G…)")
    .action((groupId: string) => {
      withApp(openApp, (app) => {
        const group = new CaseGroups(app.store.db, app.router, app.gazetteer).summary(groupId);
        if (!group) command.error(translator(app.config.DEFAULT_LOCALE)("groups:cli.notFound", { id: groupId }));
        else print(app, group);
      });
    });

  command
    .command("merge")
    .description("move every complaint of the second group into the first (ledger events on each)")
    .argument("<target>", "group that stays (G…)")
    .argument("<source>", "group merged into it (G…)")
    .requiredOption("--by <name>", "who acts (officer name)")
    .action((target: string, source: string, options: { by: string }) => {
      withApp(openApp, (app) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        try {
          const group = mergeGroups(app.store, app.router, target, source, options.by, app.clock.now(), app.actions.deadlines);
          out(t("groups:cli.merged", { source, target: group.id }));
          print(app, group);
        } catch (error) {
          if (error instanceof GroupNotFoundError) command.error(t("groups:cli.notFound", { id: error.message }));
          if (error instanceof SameGroupError) command.error(t("groups:cli.sameGroup", { id: error.message }));
          if (error instanceof GroupCountiesDifferError) {
            const name = (code: string | null) => (code ? app.gazetteer.fullName(code) : "—");
            command.error(t("groups:cli.countiesDiffer", { target: name(error.targetCode), source: name(error.sourceCode) }));
          }
          throw error;
        }
      });
    });

  command
    .command("split")
    .description("take a complaint out of its group (a ledger event); it is not grouped again automatically")
    .argument("<case>", "case ID", caseIdArgument)
    .requiredOption("--by <name>", "who acts (officer name)")
    .action((caseId: string, options: { by: string }) => {
      withApp(openApp, (app) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        try {
          const result = splitFromGroup(app.store, app.router, caseId, options.by, app.clock.now(), app.actions.deadlines);
          out(t("groups:cli.split", { id: formatCaseId(caseId), group: result.from }));
          if (result.remaining) print(app, result.remaining);
          else out(t("groups:cli.dissolved", { group: result.from }));
        } catch (error) {
          if (error instanceof GroupNotFoundError) command.error(t("groups:cli.caseNotFound", { id: formatCaseId(caseId) }));
          if (error instanceof NotGroupedError) command.error(t("groups:cli.notGrouped", { id: formatCaseId(caseId) }));
          throw error;
        }
      });
    });

  command
    .command("join")
    .description("put a complaint into a group by hand: undoes a split, or adds one the grouping missed (ledger events; the group's sums and level follow)")
    .argument("<case>", "case ID", caseIdArgument)
    .argument("<target>", "group ID (G…), or a case ID: its group, or a new group of the two when it has none (a group a split dissolved)")
    .requiredOption("--by <name>", "who acts (officer name)")
    .action((caseId: string, target: string, options: { by: string }) => {
      withApp(openApp, (app) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        const id = formatCaseId(caseId);
        // A case ID typed with dashes ("K7Q-M3P-9RX") names a case; a group ID is G and seven characters.
        const typed = target.trim().toUpperCase().replace(/[-\s]/g, "");
        try {
          const joined = joinGroup(app.store, app.router, caseId, typed, options.by, app.clock.now(), app.actions.deadlines);
          out(
            joined.formed
              ? t("groups:cli.formed", { id, other: formatCaseId(typed), group: joined.summary.id })
              : t("groups:cli.joined", { id, group: joined.summary.id }),
          );
          print(app, joined.summary);
        } catch (error) {
          if (error instanceof GroupNotFoundError && error.message === caseId) command.error(t("groups:cli.caseNotFound", { id }));
          if (error instanceof GroupNotFoundError) {
            // A group a split dissolved is gone: its former members are named, to be joined by case ID.
            const former = app.store.sqlite
              .prepare<{ groupId: string }, { caseId: string }>("SELECT DISTINCT case_id AS caseId FROM case_events WHERE type IN ('group_dissolved', 'group_split') AND json_extract(data, '$.groupId') = @groupId")
              .all({ groupId: typed })
              .map((r) => formatCaseId(r.caseId))
              .filter((member) => member !== id);
            command.error(former.length > 0 ? t("groups:cli.dissolvedTarget", { group: typed, cases: former.join(t("punctuation.enumeration")), id, first: former[0] }) : t("groups:cli.targetNotFound", { id: target.trim() }));
          }
          if (error instanceof AlreadyGroupedError) command.error(t("groups:cli.alreadyGrouped", { id, group: error.groupId }));
          if (error instanceof NotArrearsError) command.error(t("groups:cli.notArrears", { id: formatCaseId(error.message) }));
          if (error instanceof SameGroupError) command.error(t("groups:cli.sameCase", { id }));
          if (error instanceof GroupCountiesDifferError) {
            const name = (code: string | null) => (code ? app.gazetteer.fullName(code) : "—");
            command.error(t("groups:cli.joinCountiesDiffer", { target: name(error.targetCode), source: name(error.sourceCode) }));
          }
          throw error;
        }
      });
    });

  command
    .command("separate")
    .description(
      "a team's claim with the same workers and sum as another of its group is another team's (另一班组): counted on its own in the group's sums and the reports (--undo: the same claim, counted once)",
    )
    .argument("<case>", "case ID", caseIdArgument)
    .requiredOption("--by <name>", "who acts (officer name)")
    .option("--undo", "the same claim told twice after all: counted once again")
    .action((caseId: string, options: { by: string; undo?: boolean }) => {
      withApp(openApp, (app) => {
        const t = translator(app.config.DEFAULT_LOCALE);
        const separate = options.undo !== true;
        try {
          const marked = markTeamClaim(app.store, app.router, caseId, separate, options.by, app.clock.now(), app.actions.deadlines);
          out(t(separate ? "groups:cli.separated" : "groups:cli.sameClaim", { id: formatCaseId(caseId), same: formatCaseId(marked.twin) }));
          print(app, marked.summary);
        } catch (error) {
          const id = formatCaseId(caseId);
          if (error instanceof GroupNotFoundError) command.error(t("groups:cli.caseNotFound", { id }));
          if (error instanceof NotGroupedError) command.error(t("groups:cli.notGrouped", { id }));
          if (error instanceof NotATeamClaimError) command.error(t("groups:cli.notATeamClaim", { id }));
          if (error instanceof NoTwinClaimError) command.error(t("groups:cli.noTwinClaim", { id }));
          if (error instanceof ClaimAlreadyMarkedError) command.error(t(separate ? "groups:cli.alreadySeparate" : "groups:cli.notSeparate", { id }));
          throw error;
        }
      });
    });

  return command;
}
