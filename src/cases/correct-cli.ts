// `arrears case correct ID --by NAME [--amount …] [--headcount …] [--employer …] [--project …]
// [--sector …] [--project-kind …] [--ownership …]`: an officer's correction of a case's facts
// (更正案件信息) from the command line. Mounted by src/cli.ts.
import { Command, InvalidArgumentError } from "commander";
import type { App } from "../app.js";
import { translator } from "../i18n.js";
import { CaseNotFoundError, NothingToCorrectError } from "./case-actions.js";
import { formatCaseId } from "./case-id.js";
import { caseIdArgument } from "../cli-arguments.js";
import { describeChanges, farFromClaim, kindChoices, readTypedCorrection } from "./fact-correction.js";
import { OWNERSHIPS, PROJECT_KINDS, SECTORS } from "../domain.js";

interface CorrectOptions {
  by: string;
  amount?: string;
  headcount?: string;
  employer?: string;
  project?: string;
  sector?: string;
  projectKind?: string;
  ownership?: string;
  note?: string;
  confirmFigures?: boolean;
}

export function correctCommand(
  openApp: () => App,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Command {
  return new Command("correct")
    .description("correct a case's facts after checking them (amount, workers, who owes, project, sector, project kind, investor); the worker is told")
    .argument("<id>", "case ID", caseIdArgument)
    .requiredOption("--by <name>", "who corrects (officer name)")
    .option("--amount <yuan>", "amount owed, in yuan (28600, 2.86万)")
    .option("--headcount <n>", "how many workers are owed")
    .option("--employer <name>", "who owes (the company's or the boss's name)")
    .option("--project <name>", "project or workplace")
    .option("--sector <sector>", `the sector: ${SECTORS.join(", ")} (or its name: 建筑工地, 工厂, 服务业, 外卖, 培训学校, 其他); the departments follow`)
    .option("--project-kind <kind>", `a construction project's kind: ${PROJECT_KINDS.join(", ")} (or its name: 房建, 市政, 公路, 水利…); the departments follow`)
    .option("--ownership <ownership>", `who invested: ${OWNERSHIPS.join(", ")} (or its name: 政府投资, 国企, 央企, PPP, 民营); the departments follow`)
    .option("--note <text>", "why (what was checked): on the record, never sent to the worker")
    .option("--confirm-figures", "take an amount or headcount more than five times larger or smaller than the case's (refused otherwise, as a likely typo)")
    .action((id: string, options: CorrectOptions) => {
      const app = openApp();
      const t = translator(app.config.DEFAULT_LOCALE);
      try {
        if (options.by.trim() === "") throw new InvalidArgumentError(t("cli.byRequired"));
        const read = readTypedCorrection(options);
        if ("error" in read) {
          const field = read.error.field;
          const choices = field === "sector" || field === "projectKind" || field === "ownership" ? kindChoices(t, field) : "";
          throw new InvalidArgumentError(t(read.error.messageKey, { ...read.error.params, choices }));
        }
        const current = app.ledger.find(id);
        // 工程类型 is a construction project's: on a factory's case it would route nowhere, silently.
        const sector = read.correction.sector ?? current?.sector ?? null;
        if (current && read.correction.projectKind !== undefined && sector !== "construction") {
          throw new InvalidArgumentError(t("correction.projectKindNeedsConstruction", { sector: sector ? t(`sector.${sector}`) : t("correction.notGiven") }));
        }
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
