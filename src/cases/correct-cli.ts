// `arrears case correct ID --by NAME [--amount …] [--headcount …] [--employer …] [--project …]`: an
// officer's correction of a case's facts (更正案件信息) from the command line. Mounted by src/cli.ts.
import { Command, InvalidArgumentError } from "commander";
import type { App } from "../app.js";
import { translator } from "../i18n.js";
import { CaseNotFoundError, NothingToCorrectError } from "./case-actions.js";
import { formatCaseId } from "./case-id.js";
import { caseIdArgument } from "../cli-arguments.js";
import { describeChanges, farFromClaim, readTypedCorrection } from "./fact-correction.js";

interface CorrectOptions {
  by: string;
  amount?: string;
  headcount?: string;
  employer?: string;
  project?: string;
  note?: string;
  confirmFigures?: boolean;
}

export function correctCommand(
  openApp: () => App,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Command {
  return new Command("correct")
    .description("correct a case's facts after checking them (amount, workers, who owes, project); the worker is told")
    .argument("<id>", "case ID", caseIdArgument)
    .requiredOption("--by <name>", "who corrects (officer name)")
    .option("--amount <yuan>", "amount owed, in yuan (28600, 2.86万)")
    .option("--headcount <n>", "how many workers are owed")
    .option("--employer <name>", "who owes (the company's or the boss's name)")
    .option("--project <name>", "project or workplace")
    .option("--note <text>", "why (what was checked): on the record, never sent to the worker")
    .option("--confirm-figures", "take an amount or headcount more than five times larger or smaller than the case's (refused otherwise, as a likely typo)")
    .action((id: string, options: CorrectOptions) => {
      const app = openApp();
      const t = translator(app.config.DEFAULT_LOCALE);
      try {
        if (options.by.trim() === "") throw new InvalidArgumentError(t("cli.byRequired"));
        const read = readTypedCorrection(options);
        if ("error" in read) throw new InvalidArgumentError(t(read.error.messageKey));
        const current = app.ledger.find(id);
        if (current && !options.confirmFigures && farFromClaim(current, read.correction) !== null) throw new InvalidArgumentError(t("correction.farFromClaimCli"));
        const { row, changes } = app.actions.correctFacts({ caseId: id, correction: read.correction, by: options.by.trim(), channel: "cli", note: options.note });
        out(t("correction.done", { id: formatCaseId(row.id), changes: describeChanges(t, changes) }));
      } catch (error) {
        process.exitCode = 1;
        if (error instanceof CaseNotFoundError) err(t("cli.noCase", { id: formatCaseId(id) }));
        else if (error instanceof NothingToCorrectError) err(t("correction.nothingChanged", { id: formatCaseId(id) }));
        else if (error instanceof InvalidArgumentError) err(error.message);
        else throw error;
      } finally {
        app.close();
      }
    });
}
