// Officer actions on a case. Each is one transaction: the status, a ledger event naming who acted
// and from where, and a message to the worker queued in the outbox (delivered by their channel).
import { formatCaseId } from "./case-id.js";
import { addWorkingDays, type WorkingCalendar } from "./deadlines.js";
import type { CaseLedger, CaseRow } from "./ledger.js";
import type { Outbox } from "./outbox.js";
import type { Store } from "../db/open.js";
import { OPEN_STATUSES, type CaseStatus } from "./statuses.js";

export interface StatusChange {
  caseId: string;
  status: CaseStatus;
  /** Officer identity as the channel knows it ("张三", "slack:U123"). */
  by: string;
  channel: string;
  note?: string;
  /** A sentence meant for the worker (the note is internal unless given here). */
  noteForWorker?: string;
}

export class CaseNotFoundError extends Error {}

export class CaseActions {
  constructor(
    private readonly store: Store,
    private readonly ledger: CaseLedger,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingCalendar,
    private readonly now: () => number = () => Date.now(),
  ) {}

  setStatus(change: StatusChange): CaseRow {
    return this.store.sqlite
      .transaction(() => {
        const row = this.ledger.find(change.caseId);
        if (!row) throw new CaseNotFoundError(change.caseId);
        const at = this.now();
        // Accepted cases owe a decision within 5 working days; open ones a step within 60.
        const dueAt =
          change.status === "accepted" || change.status === "reopened"
            ? addWorkingDays(at, 5, this.calendar)
            : OPEN_STATUSES.includes(change.status)
              ? addWorkingDays(at, 60, this.calendar)
              : null;
        this.ledger.updateStatus(row.id, change.status, at, dueAt);
        this.ledger.appendEvent({
          caseId: row.id,
          at,
          actor: `officer:${change.by}`,
          channel: change.channel,
          type: "status_changed",
          data: {
            from: row.status,
            to: change.status,
            ...(change.note ? { note: change.note } : {}),
            ...(change.noteForWorker ? { noteForWorker: change.noteForWorker } : {}),
          },
        });
        this.outbox.enqueue(
          {
            caseId: row.id,
            channel: row.channel,
            recipientKey: row.filerKey,
            locale: row.locale,
            messageKey: "notify.statusChanged",
            params: {
              id: formatCaseId(row.id),
              statusKey: `caseStatus.${change.status}`,
              note: change.noteForWorker ?? "",
            },
          },
          at,
        );
        return { ...row, status: change.status, updatedAt: at, dueAt };
      })
      .immediate();
  }
}
