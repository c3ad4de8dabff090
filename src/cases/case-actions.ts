// Officer actions on a case. Each is one transaction: the status, a ledger event naming who acted
// and from where, and a message to the worker queued in the outbox (delivered by their channel).
import { formatCaseId } from "./case-id.js";
import { CaseDeadlines } from "./deadline-book.js";
import { DEFAULT_DEADLINE_POLICY, DeadlinePlanner, type DeadlinePolicy } from "./deadline-policy.js";
import type { WorkingCalendar } from "./deadlines.js";
import type { CaseLedger, CaseRow } from "./ledger.js";
import type { Outbox } from "./outbox.js";
import type { Store } from "../db/open.js";
import { caseStatusSchema, type CaseStatus } from "./statuses.js";
import { maskPhone, maskPhonesIn } from "./case-view.js";
import { categorySchema, type Category } from "../domain.js";
import { translator } from "../i18n.js";
import { employerKey, projectKey } from "../groups/keys.js";
import { changedFacts, describeChanges, factCorrectionSchema, type FactChange, type FactCorrection } from "./fact-correction.js";
import { routeInputOf } from "./case-size.js";
import { lastRecovered, paidWithIn, recoveredIn } from "./resolution.js";
import type { RouteInput } from "../routing/router.js";
import { Gazetteer } from "../routing/gazetteer.js";

export interface StatusChange {
  caseId: string;
  status: CaseStatus;
  /** Officer identity as the channel knows it ("张三", "slack:U123"). */
  by: string;
  channel: string;
  note?: string;
  /** A sentence meant for the worker (the note is internal unless given here). */
  noteForWorker?: string;
  /** A transfer (转办): the case moves to this division's desk. */
  moveToJurisdiction?: string;
  /** False when the worker is answered another way (they pressed the button themselves). */
  notifyWorker?: boolean;
  /** Actor prefix in the ledger: an officer acts by default. */
  actorKind?: "officer" | "worker";
  /** The worker's answer to 需补充 puts the case back where the question found it (not a step of the officer's). */
  answeringQuestion?: boolean;
}

/**
 * A worker's answer to 回头看: the money arrived ("paid"); it did not, look again ("unpaid": the case is
 * reopened); or, after a case closed with nothing recovered, they are claiming it at arbitration or in
 * court ("elsewhere": recorded, the case stays closed).
 */
export const FOLLOW_UP_ANSWERS = ["paid", "unpaid", "elsewhere"] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];

/** The desk (officers' channel) is told through the outbox too: channel "desk", one thread per case. */
export const DESK_CHANNEL = "desk";
export const deskRecipient = (caseId: string): string => `case:${caseId}`;

export class CaseNotFoundError extends Error {}

/**
 * Collective groups (src/groups) as status changes need them: a member found not to be wage arrears,
 * or moved to another county, leaves its group in the same transaction (the group's sums and level,
 * and the reports, stop counting it).
 */
export interface GroupMembership {
  /** Returns the cases whose major flag fell with it (the case itself, or members of a group grown smaller). */
  leave(caseId: string, reason: "referred" | "transferred", actor: string, at: number, channel: string): string[];
  /**
   * A case taken on as arrears again (受理 after a referral, or of a complaint read as something else)
   * joins the group of its project or employer as a new complaint would — never one an officer split
   * it out of. Returns the cases made major by it (they owe the major-case deadlines).
   */
  rejoin(caseId: string, at: number, channel: string, wasArrears: boolean): string[];
  /**
   * An officer corrected the case's figures or names: its group's sums follow (and may escalate it),
   * and new names may take it out of its group or into another. Returns the cases made major by it, and
   * those whose major flag fell.
   */
  factsCorrected(caseId: string, namesChanged: boolean, actor: string, at: number, channel: string): { madeMajor: string[]; majorWithdrawn: string[] };
}

/** What a single complaint of a case's size is (the routing rules' thresholds for 集体 and 重大). */
export interface CaseSizing {
  route(input: RouteInput): { collective: boolean; major: boolean; departments?: readonly string[]; referral?: { key: string; params?: Record<string, string> } | null };
}

export interface FactCorrectionRequest {
  caseId: string;
  correction: FactCorrection;
  by: string;
  channel: string;
  /** Why (核实工资表): on the record and at the desk, never sent to the worker. */
  note?: string;
  /** False when the desk hears of it another way (its own channel says who did it in its own words). */
  tellDesk?: boolean;
}

/** A correction that changes nothing (every value given is the one on the case). */
export class NothingToCorrectError extends Error {}

/** An action that makes no sense from the case's status (a resolved case moved back to "logged"). */
export class StatusTransitionError extends Error {
  constructor(
    readonly from: CaseStatus,
    readonly to: CaseStatus,
  ) {
    super(`${from} → ${to} is not allowed`);
  }
}

/**
 * Which statuses a case may move to. "logged" is only where a case starts; a resolved case comes back
 * only by reopening (重新办理), which keeps the ledger's story readable; a referred one by reopening, or
 * by 受理 when the office finds it is arrears after all.
 */
const ALLOWED_NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  logged: ["referred", "accepted", "handling", "awaiting_worker", "transferred", "resolved"],
  // 受理 of a referred complaint: the office finds it is arrears after all (it counts as such again).
  referred: ["reopened", "accepted"],
  accepted: ["referred", "handling", "awaiting_worker", "transferred", "resolved"],
  handling: ["referred", "handling", "awaiting_worker", "transferred", "resolved"],
  awaiting_worker: ["handling", "awaiting_worker", "transferred", "resolved", "referred"],
  transferred: ["referred", "accepted", "handling", "awaiting_worker", "transferred", "resolved"],
  resolved: ["reopened"],
  reopened: ["referred", "accepted", "handling", "awaiting_worker", "transferred", "resolved"],
};

/** The statuses a case in `from` may move to. */
export function allowedNext(from: CaseStatus): readonly CaseStatus[] {
  return ALLOWED_NEXT[from] ?? [];
}

export function mayMove(from: CaseStatus, to: CaseStatus): boolean {
  return ALLOWED_NEXT[from]?.includes(to) ?? false;
}

export class CaseActions {
  /** The case deadlines (table `deadlines`): opened and closed with each status change. */
  readonly deadlines: CaseDeadlines;

  constructor(
    private readonly store: Store,
    private readonly ledger: CaseLedger,
    private readonly outbox: Outbox,
    calendar: WorkingCalendar,
    private readonly now: () => number = () => Date.now(),
    deadlinePolicy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
    private readonly groups: GroupMembership | null = null,
    private readonly sizing: CaseSizing | null = null,
  ) {
    this.deadlines = new CaseDeadlines(store.db, new DeadlinePlanner(deadlinePolicy, calendar));
  }

  /**
   * What the complaint is has changed (an officer's referral names it; 受理 makes it arrears): where it
   * goes follows — the departments, and where a referred worker is sent — so that the case, the desk
   * and the worker's status read the finding, not the bot's first reading. Its size stays as filed
   * (groups and deadlines own that).
   */
  private reroute(row: CaseRow, category: Category): void {
    if (category === row.category) return;
    this.routeAgain({ ...row, category });
  }

  /**
   * The departments and referral of the case as it now stands (a category found, or a kind of work
   * corrected: 水利 for a river works, 国资 for an SOE's project), over the route it was filed with.
   */
  private routeAgain(row: CaseRow): void {
    if (this.sizing === null) return;
    const routed = this.sizing.route(routeInputOf(row));
    const filed = (row.route ?? {}) as Record<string, unknown>;
    this.ledger.setRoute(row.id, { ...filed, departments: [...(routed.departments ?? [])], referral: routed.referral ?? null });
  }

  setStatus(change: StatusChange): CaseRow {
    return this.store.sqlite
      .transaction(() => {
        const row = this.ledger.find(change.caseId);
        if (!row) throw new CaseNotFoundError(change.caseId);
        const answerReturns = change.answeringQuestion === true && row.status === "awaiting_worker";
        if (!answerReturns && !mayMove(row.status as CaseStatus, change.status)) {
          throw new StatusTransitionError(row.status as CaseStatus, change.status);
        }
        if (change.by.trim() === "") throw new Error("an action needs the name of who acts");
        const at = this.now();
        // The step meets some deadlines and opens others; the case's dueAt is the earliest still open.
        const dueAt = answerReturns
          ? this.deadlines.onQuestionAnswered(row, change.status, at)
          : this.deadlines.onStatusChange(row, change.status, at, change.actorKind ?? "officer");
        this.ledger.updateStatus(row.id, change.status, at, dueAt);
        // A question the worker has not seen yet, overtaken by the officer's next step (closed, referred,
        // moved on): it is not sent, lest "请回复" arrive together with "已办结".
        if (row.status === "awaiting_worker" && change.status !== "awaiting_worker" && !answerReturns) {
          this.outbox.withdrawUndelivered(row.id, "notify.question", at);
        }
        if (change.status === "accepted") this.ledger.setResponsibleOfficer(row.id, change.by);
        // 不属于欠薪: the officer's finding replaces the bot's reading; reports count it as what it is.
        const found = change.status === "referred" ? /^category:(\w+)/.exec(change.note ?? "")?.[1] : undefined;
        const category = found ? categorySchema.safeParse(found) : undefined;
        if (category?.success) {
          this.ledger.setCategory(row.id, category.data);
          this.reroute(row, category.data);
        }
        // 受理 is the arrears office taking the complaint on as arrears: one the bot or an officer had
        // found to be something else counts as arrears from now (the reports read the category).
        if (change.status === "accepted" && !row.isArrears) {
          this.ledger.setCategory(row.id, "wage_arrears");
          this.reroute(row, "wage_arrears");
          this.ledger.appendEvent({
            caseId: row.id,
            at,
            actor: `${change.actorKind ?? "officer"}:${change.by}`,
            channel: change.channel,
            type: "category_changed",
            data: { from: row.category, to: "wage_arrears", because: "accepted" },
          });
        }
        const actor = `${change.actorKind ?? "officer"}:${change.by}`;
        const moved = change.moveToJurisdiction !== undefined && change.moveToJurisdiction !== row.jurisdictionCode;
        if (moved) {
          this.ledger.setJurisdiction(row.id, change.moveToJurisdiction!);
          this.ledger.appendEvent({
            caseId: row.id,
            at,
            actor,
            channel: change.channel,
            type: "jurisdiction_changed",
            data: { from: row.jurisdictionCode, to: change.moveToJurisdiction, ...(change.note ? { reason: change.note } : {}) },
          });
        }
        // Moved by the CLI (or any channel but the desk's own, which moves its ticket itself): the desk
        // hears of it in the case's thread, and its ticket follows the case to the new desk.
        if (moved && change.channel !== "slack") {
          // The desk reads the county by name ("河南省新乡市获嘉县"), not its code.
          const to = change.moveToJurisdiction!;
          const gazetteer = Gazetteer.shared();
          this.tellDesk(row.id, "desk.transferred", { id: formatCaseId(row.id), to: gazetteer.byCode(to) ? gazetteer.fullName(to) : to, by: change.by, reason: change.note ?? "" }, at);
        }
        const leavesGroup = row.groupId === null || this.groups === null ? null : change.status === "referred" ? "referred" : moved ? "transferred" : null;
        if (leavesGroup !== null) for (const member of this.groups?.leave(row.id, leavesGroup, actor, at, change.channel) ?? []) this.deadlines.onMajorWithdrawn(member, at);
        if (change.status === "accepted" && row.groupId === null && this.groups !== null) {
          for (const member of this.groups.rejoin(row.id, at, change.channel, row.isArrears)) this.deadlines.onBecameMajor(member, at);
        }
        this.ledger.appendEvent({
          caseId: row.id,
          at,
          actor,
          channel: change.channel,
          type: "status_changed",
          data: {
            from: row.status,
            to: change.status,
            ...(change.note ? { note: change.note } : {}),
            ...(change.noteForWorker ? { noteForWorker: change.noteForWorker } : {}),
          },
        });
        // Asking the worker sends its own message (the question), not a status notice.
        if (change.status !== "awaiting_worker" && change.notifyWorker !== false) this.outbox.enqueue(
          {
            caseId: row.id,
            channel: row.channel,
            recipientKey: row.filerKey,
            locale: row.locale,
            // Resolved: the worker also hears how to say the money never came (reopens the case); closed
            // with nothing recovered, where the money can still be claimed (仲裁, 法院, 法律援助).
            messageKey:
              change.status === "resolved"
                ? recoveredIn(change.note ?? "") === 0 && paidWithIn(change.note ?? "") === null
                  ? "notify.resolvedNoMoney"
                  : "notify.resolved"
                : "notify.statusChanged",
            params: {
              id: formatCaseId(row.id),
              statusKey: `caseStatus.${change.status}`,
              note: change.noteForWorker ?? "",
            },
          },
          at,
        );
        return {
          ...row,
          status: change.status,
          updatedAt: at,
          dueAt,
          groupId: leavesGroup !== null ? null : row.groupId,
          jurisdictionCode: change.moveToJurisdiction ?? row.jurisdictionCode,
        };
      })
      .immediate();
  }

  /**
   * 更正案件信息: the case's figures or names as the officer found them. One transaction: the case, a
   * ledger event with each fact's old and new value, the case's own size (a corrected headcount may make
   * it collective or major; its own flags do not fall, except a major flag a correction alone raised), its group (whose level follows its sums), the desk's
   * thread, and the worker, who is told what now stands on their complaint and may say if it is wrong.
   */
  correctFacts(request: FactCorrectionRequest): { row: CaseRow; changes: FactChange[] } {
    const correction = factCorrectionSchema.parse(request.correction);
    return this.store.sqlite
      .transaction(() => {
        const row = this.ledger.find(request.caseId);
        if (!row) throw new CaseNotFoundError(request.caseId);
        if (request.by.trim() === "") throw new Error("an action needs the name of who acts");
        const changes = changedFacts(row, correction);
        if (changes.length === 0) throw new NothingToCorrectError(request.caseId);
        const at = this.now();
        const actor = `officer:${request.by}`;
        const headcount = correction.headcount;
        const names = { employer: correction.employer ?? row.employer, project: correction.project ?? row.project };
        const keys = { employerKey: employerKey(names.employer), projectKey: projectKey(names.project) };
        const corrected: CaseRow = {
          ...row,
          ...names,
          ...keys,
          amountYuan: correction.amountYuan ?? row.amountYuan,
          headcountMin: headcount ?? row.headcountMin,
          headcountMax: headcount ?? row.headcountMax,
          sector: correction.sector ?? row.sector,
          projectKind: correction.projectKind ?? row.projectKind,
          ownership: correction.ownership ?? row.ownership,
          updatedAt: at,
        };
        this.ledger.updateFacts(row.id, corrected, at);
        // The kind of work decides the departments (住建/交通/水利, 国资, 发改/财政): they follow it.
        if (changes.some((change) => change.fact === "sector" || change.fact === "projectKind" || change.fact === "ownership")) this.routeAgain(corrected);
        const note = request.note?.trim() || undefined;
        // Only arrears have a size that matters: 集体/重大 are levels of wage arrears.
        const size = row.isArrears && this.sizing ? this.sizing.route(routeInputOf(corrected)) : { collective: false, major: false };
        const raised = { collective: size.collective && !row.collective, major: size.major && !row.major };
        if (raised.collective || raised.major) this.ledger.raiseSize(row.id, raised, at);
        // A major flag that an earlier correction alone raised ("650000" typed for 6500) falls with the
        // figure that raised it; one the filing, a group or the worker's words raised stays.
        const lowered = row.major && !size.major && row.isArrears && this.sizing !== null && this.onlyByCorrection(row, "major");
        if (lowered) {
          this.ledger.lowerMajor(row.id, at);
          this.deadlines.onMajorWithdrawn(row.id, at);
        }
        // The same for 集体: "35" typed for 3 made it collective; 3 put back withdraws it.
        const collectiveLowered =
          row.collective && !size.collective && !size.major && (lowered || !row.major) && row.isArrears && this.sizing !== null && this.onlyByCorrection(row, "collective");
        if (collectiveLowered) this.ledger.lowerCollective(row.id, at);
        this.ledger.appendEvent({
          caseId: row.id,
          at,
          actor,
          channel: request.channel,
          type: "facts_corrected",
          data: {
            changes,
            ...(note ? { note } : {}),
            ...(raised.major ? { madeMajor: true } : raised.collective ? { madeCollective: true } : {}),
            ...(lowered ? { majorWithdrawn: true } : {}),
            ...(collectiveLowered ? { collectiveWithdrawn: true } : {}),
          },
        });
        // The facts are checked (核查): the deadlines for checking them are met, before any the new size opens.
        this.deadlines.close(row.id, ["classify", "major_facts"], at);
        const madeMajor = new Set(raised.major ? [row.id] : []);
        const namesChanged = keys.employerKey !== row.employerKey || keys.projectKey !== row.projectKey;
        if (this.groups && row.isArrears) {
          const grouping = this.groups.factsCorrected(row.id, namesChanged, actor, at, request.channel);
          for (const member of grouping.majorWithdrawn) this.deadlines.onMajorWithdrawn(member, at);
          for (const member of grouping.madeMajor) madeMajor.add(member);
        }
        for (const member of madeMajor) this.deadlines.onBecameMajor(member, at);
        if (!madeMajor.has(row.id)) this.deadlines.syncCaseDue(row.id);
        const desk = translator("zh-CN");
        if (request.tellDesk !== false) this.tellDesk(row.id, raised.major ? "desk.factsCorrectedMajor" : "desk.factsCorrected", { id: formatCaseId(row.id), by: request.by, changes: describeChanges(desk, changes), note: note ?? "" }, at);
        // The worker hears what now stands on their complaint, in their language, and how to object.
        const tw = translator(row.locale === "en" ? "en" : "zh-CN");
        this.outbox.enqueue(
          {
            caseId: row.id,
            channel: row.channel,
            recipientKey: row.filerKey,
            locale: row.locale,
            messageKey: "notify.factsCorrected",
            params: { id: formatCaseId(row.id), changes: describeChanges(tw, changes) },
          },
          at,
        );
        return { row: this.ledger.find(row.id) ?? corrected, changes };
      })
      .immediate();
  }

  /** Whether the case is major (or collective) only because an officer's correction made it so. */
  private onlyByCorrection(row: CaseRow, level: "major" | "collective"): boolean {
    const filed = row.route as { major?: unknown; collective?: unknown } | null;
    if (filed?.major === true || (level === "collective" && filed?.collective === true)) return false;
    const events = this.ledger.events(row.id);
    const raisedBy = (data: { madeMajor?: unknown; madeCollective?: unknown } | null) =>
      data?.madeMajor === true || (level === "collective" && data?.madeCollective === true);
    const byCorrection = events.some((e) => e.type === "facts_corrected" && raisedBy(e.data as { madeMajor?: unknown; madeCollective?: unknown } | null));
    const otherwise = events.some(
      (e) =>
        e.type === "worker_at_risk" ||
        (e.type === "group_escalated" && (level === "collective" || (e.data as { level?: unknown } | null)?.level === "major")),
    );
    return byCorrection && !otherwise;
  }

  /** A note in the case's desk thread (the officers' channel renders it in the desk's language). */
  private tellDesk(caseId: string, messageKey: string, params: Record<string, string | number>, at: number): void {
    this.outbox.enqueue({ caseId, channel: DESK_CHANNEL, recipientKey: deskRecipient(caseId), locale: "zh-CN", messageKey, params }, at);
  }

  /** The worker answered an officer's question: the case back where the question found it, and the answer to the desk. */
  workerReplied(caseId: string, text: string, userKey: string, channel: string): CaseRow {
    return this.store.sqlite
      .transaction(() => {
        // Back to where the question found the case: a complaint not yet accepted is not "处理中" because
        // its worker answered (the reports would count it as verified, 查实, and the worker be told so).
        const row = this.setStatus({
          caseId,
          status: this.statusBeforeQuestion(caseId),
          by: userKey,
          channel,
          actorKind: "worker",
          notifyWorker: false,
          note: "answer",
          answeringQuestion: true,
        });
        const at = this.now();
        this.ledger.appendEvent({ caseId, at, actor: `worker:${userKey}`, channel, type: "worker_replied", data: { text } });
        this.tellDesk(caseId, "desk.workerReplied", { id: formatCaseId(caseId), text: maskPhonesIn(text) }, at);
        return row;
      })
      .immediate();
  }

  /** The status the case had when the officer asked (a question asked twice looks past the first). */
  private statusBeforeQuestion(caseId: string): CaseStatus {
    const events = this.ledger.events(caseId);
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (event.type !== "status_changed") continue;
      const data = (event.data ?? {}) as { from?: string; to?: string };
      if (data.to !== "awaiting_worker" || data.from === "awaiting_worker") continue;
      const from = caseStatusSchema.safeParse(data.from);
      if (from.success) return from.data;
    }
    return "handling";
  }

  /** Whether the officer's latest question about the case had reached the worker by `at`. */
  questionSeen(caseId: string, at: number): boolean {
    return this.outbox.deliveredBy(caseId, "notify.question", at);
  }

  /**
   * More the worker wants the officer to know ("宿舍还有5个人也没拿到钱"): on the record and at the desk.
   * `correction`: the worker says a logged fact is wrong ("金额写错了，是35000"); only an officer changes it.
   * `safety` (violence, threats, papers held) and `atRisk` (despair, extreme action): the desk's note
   * is an alert; `atRisk` also makes the case major (防止极端事件) if it was not.
   */
  workerAddedInfo(caseId: string, text: string, userKey: string, channel: string, kind: "news" | "correction" | "safety" | "atRisk" = "news"): void {
    this.store.sqlite
      .transaction(() => {
        const row = this.ledger.find(caseId);
        if (!row || row.filerKey !== userKey) return;
        const at = this.now();
        const news = kind === "news" || kind === "correction";
        this.ledger.appendEvent({
          caseId,
          at,
          actor: `worker:${userKey}`,
          channel,
          type: news ? "worker_added" : "worker_at_risk",
          data: { text, ...(kind === "correction" ? { correcting: true } : {}) },
        });
        if (kind === "atRisk" && !row.major) {
          this.ledger.markMajor(caseId, at);
          // 防止极端事件: a major case's facts are checked the same day, its progress reported the next.
          this.deadlines.onBecameMajor(caseId, at);
        }
        // A worker saying the record is wrong: the desk is shown how to put it right once checked.
        this.tellDesk(caseId, kind === "news" ? "desk.workerAdded" : kind === "correction" ? "desk.workerCorrects" : "desk.workerAtRisk", { id: formatCaseId(caseId), text: maskPhonesIn(text) }, at);
      })
      .immediate();
  }

  /**
   * The worker left their phone after filing, so that the officer can call: kept on the case (it
   * replaces an older one), on the record, and the desk told — masked, as everything in officer
   * channels; the officer who needs it opens it on the ticket. False when the case is not theirs.
   */
  workerGavePhone(caseId: string, phone: string, userKey: string, channel: string): boolean {
    return this.store.sqlite
      .transaction(() => {
        const row = this.ledger.find(caseId);
        if (!row || row.filerKey !== userKey) return false;
        if (row.phone === phone) return true;
        const at = this.now();
        this.ledger.setPhone(caseId, phone, at);
        this.ledger.appendEvent({ caseId, at, actor: `worker:${userKey}`, channel, type: "phone_added", data: { phone: maskPhone(phone) } });
        this.tellDesk(caseId, "desk.workerGavePhone", { id: formatCaseId(caseId), phone: maskPhone(phone) ?? "" }, at);
        return true;
      })
      .immediate();
  }

  /** An officer opened the worker's phone number: who and when is on the record (台账). */
  phoneViewed(caseId: string, by: string, channel: string): void {
    this.ledger.appendEvent({ caseId, at: this.now(), actor: `officer:${by}`, channel, type: "phone_viewed" });
  }

  /**
   * 回头看: the worker says whether the money really arrived. "Not paid" reopens the case and tells
   * the desk (that it was closed with nothing recovered, when it was); "paid" and "claiming it
   * elsewhere" are recorded. Returns false when the case is not theirs or not resolved.
   */
  followUpAnswered(caseId: string, answer: FollowUpAnswer, userKey: string, channel: string): boolean {
    return this.store.sqlite
      .transaction(() => {
        const row = this.ledger.find(caseId);
        if (!row || row.filerKey !== userKey || row.status !== "resolved") return false;
        const at = this.now();
        const nothingRecovered = lastRecovered(this.ledger.events(caseId)) === 0;
        this.ledger.appendEvent({
          caseId,
          at,
          actor: `worker:${userKey}`,
          channel,
          type: `follow_up_${answer}`,
        });
        this.deadlines.close(caseId, ["follow_up"], at);
        if (answer === "unpaid") {
          this.setStatus({
            caseId,
            status: "reopened",
            by: userKey,
            channel,
            actorKind: "worker",
            notifyWorker: false,
            note: "follow_up_unpaid",
          });
          this.tellDesk(caseId, nothingRecovered ? "desk.followUpUnpaidNothingRecovered" : "desk.followUpUnpaid", { id: formatCaseId(caseId) }, at);
        }
        return true;
      })
      .immediate();
  }

  /** 需补充: the officer's question is relayed to the worker, whose next message answers it. */
  askWorker(request: { caseId: string; question: string; by: string; channel: string; note?: string }): CaseRow {
    return this.store.sqlite
      .transaction(() => {
        const row = this.setStatus({
          caseId: request.caseId,
          status: "awaiting_worker",
          by: request.by,
          channel: request.channel,
          note: "question",
        });
        const at = this.now();
        this.ledger.appendEvent({
          caseId: row.id,
          at,
          actor: `officer:${request.by}`,
          channel: request.channel,
          type: "question_asked",
          // An internal note beside the question stays in the ledger; only the question goes to the worker.
          data: { question: request.question, ...(request.note ? { note: request.note } : {}) },
        });
        this.outbox.enqueue(
          {
            caseId: row.id,
            channel: row.channel,
            recipientKey: row.filerKey,
            locale: row.locale,
            messageKey: "notify.question",
            params: { id: formatCaseId(row.id), question: request.question },
            // A worker in the middle of another complaint says which message is the answer.
            choices: [{ id: `answer:${row.id}`, labelKey: "question.answerButton" }],
          },
          at,
        );
        return row;
      })
      .immediate();
  }
}
