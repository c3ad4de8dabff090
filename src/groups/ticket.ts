// What a desk ticket shows of the case's group (集体欠薪) and of its employer's other complaints
// (欠薪预警): lines of text, rendered in the desk's language.
import type { TFunction } from "i18next";
import type { CaseRow } from "../cases/ledger.js";
import type { Db } from "../db/open.js";
import { CaseGroups } from "./groups.js";
import { repeatEmployerWarning } from "./repeat-employer.js";

const NO_ROUTER = {
  route: () => {
    throw new Error("rendering never routes");
  },
};

/** Text lines for the ticket: the group line and the repeat-employer flag, each when it applies. */
export function groupTicketLines(db: Db, row: CaseRow, t: TFunction): string[] {
  const lines: string[] = [];
  if (row.groupId !== null) {
    const group = new CaseGroups(db, NO_ROUTER).summary(row.groupId);
    if (group !== null) {
      lines.push(
        t(group.level === "none" ? "groups:ticket.group" : `groups:ticket.group_${group.level}`, {
          id: group.id,
          label: group.label,
          members: group.members.length,
          workers: group.workers,
          amount: group.amountYuan.toLocaleString("en-US"),
        }),
      );
    }
  }
  const warning = repeatEmployerWarning(db, row.id);
  if (warning !== null) {
    lines.push(t("groups:ticket.repeatEmployer", { cases: warning.cases, projects: warning.projects, counties: warning.counties.length }));
  }
  return lines;
}
