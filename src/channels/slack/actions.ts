// Officers' actions on tickets: buttons, modals and slash commands. Every action is authorised against
// the officer registry, recorded once (a dedupe key per Slack payload, plus a status guard against double
// clicks), written through CaseActions (status + ledger event + message to the worker), then the ticket
// is updated in place.
import type { App as BoltApp, BlockAction } from "@slack/bolt";
import type { App } from "../../app.js";
import { formatCaseId, parseCaseId } from "../../cases/case-id.js";
import type { CaseRow } from "../../cases/ledger.js";
import type { CaseStatus } from "../../cases/statuses.js";
import { CASE_STATUSES, OPEN_STATUSES } from "../../cases/statuses.js";
import { SUPPORTED_LOCALES, type Locale } from "../../config.js";
import { eventLabel, eventNote } from "../../cases/event-text.js";
import { caseLineColumns } from "../../cases/case-line.js";
import { beyondClaim, lastRecordKind, moneyNews, parseYuan, resolutionNote } from "../../cases/resolution.js";
import { processedUpdates } from "../../db/schema.js";
import { CATEGORIES } from "../../domain.js";
import { translator } from "../../i18n.js";
import { OfficerRegistry } from "../../officers/registry.js";
import { DESK_CHANNEL, deskRecipient, NothingToCorrectError } from "../../cases/case-actions.js";
import { changedFacts, correctionFieldsOf, describeChanges, farFromClaim, readTypedCorrection, type FactCorrection } from "../../cases/fact-correction.js";
import { ASK_WORKER_FROM } from "./desk-tickets.js";
import { slackEscape } from "./escape.js";
import { divisionPrefix } from "../../reports/period.js";
import { RECORD_KINDS, type SlackClient, type Tickets } from "./tickets.js";
import { groupRecoveredExcess, groupWorkersPaidExcess } from "../../groups/paid-limit.js";
import { CLAIM_SEPARATE_ACTION, ClaimAlreadyMarkedError, markTeamClaim, NoTwinClaimError, NotATeamClaimError, NotGroupedError } from "../../groups/groups.js";

const CHANNEL = "slack";
/** The intake's own bound on an amount (¥100,000,000). */
const MAX_RECOVERED = 100_000_000;

/** Which statuses each action may start from (a second click finds the case already moved on). */
const ALLOWED_FROM: Record<string, readonly CaseStatus[]> = {
  accept: ["logged", "transferred", "reopened"],
  notArrears: ["logged", "transferred", "reopened", "accepted"],
  transfer: OPEN_STATUSES,
  record: ["accepted", "handling", "awaiting_worker", "reopened"],
  resolve: ["accepted", "handling", "awaiting_worker", "reopened"],
  reopen: ["resolved", "referred"],
  askWorker: ASK_WORKER_FROM,
  phone: CASE_STATUSES,
  // 更正案件信息: the record may be put right at any time; the ledger keeps what it said before.
  correct: CASE_STATUSES,
  // 另一班组: the count of a claim may be put right at any time, for the reports.
  [CLAIM_SEPARATE_ACTION]: CASE_STATUSES,
};

type Modal = "notArrears" | "transfer" | "resolve" | "reopen" | "askWorker" | "correct";
const MODALS: readonly string[] = ["notArrears", "transfer", "resolve", "reopen", "askWorker", "correct"];

function workerLocale(row: CaseRow): Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(row.locale) ? (row.locale as Locale) : "zh-CN";
}

/** How long a Slack display name learnt from users.info is trusted before it is asked again. */
const NAME_REFRESH_MS = 24 * 3_600_000;

export class SlackDesk {
  readonly registry: OfficerRegistry;
  private readonly t;
  /** When each user's Slack name was last asked for, in this process (users.info once a day at most). */
  private readonly namesAsked = new Map<string, number>();

  constructor(
    private readonly app: App,
    readonly tickets: Tickets,
  ) {
    this.registry = new OfficerRegistry(app.store.db, app.gazetteer, () => app.clock.now());
    this.t = translator(app.config.DEFAULT_LOCALE);
  }

  /**
   * Learns the display name of an officer who acts (users.info, needs the `users:read` scope), so that case
   * histories name them instead of a Slack user ID. Not needed when the bureau registered a name
   * (`officer add --name`); asked once a day at most; a failure (no scope, Slack down) changes nothing —
   * the histories then say "红旗区经办人".
   */
  async learnName(client: SlackClient, user: string): Promise<void> {
    if (this.registry.displayNames(user).name !== null) return;
    const now = Date.now();
    const asked = this.namesAsked.get(user);
    if (asked !== undefined && now - asked < NAME_REFRESH_MS) return;
    this.namesAsked.set(user, now);
    try {
      const info = (await client.users.info({ user })) as {
        ok?: boolean;
        user?: { name?: string; real_name?: string; deleted?: boolean; profile?: { display_name?: string; real_name?: string } };
      };
      const person = info.user;
      const name = person?.profile?.display_name?.trim() || person?.profile?.real_name?.trim() || person?.real_name?.trim() || person?.name?.trim() || "";
      if (info.ok && name !== "" && name !== user) this.registry.learnSlackName(user, name);
    } catch {
      // No users:read scope, or Slack not answering: the registry's fallback label stands.
    }
  }

  /** Runs `fn` in one transaction with the dedupe key: a repeated key runs nothing and returns false. */
  once(key: string, fn: () => void): boolean {
    const db = this.app.store.db;
    return this.app.store.sqlite
      .transaction(() => {
        const inserted = db
          .insert(processedUpdates)
          .values({ source: CHANNEL, updateId: key, at: this.app.clock.now() })
          .onConflictDoNothing()
          .run();
        if (inserted.changes === 0) return false;
        fn();
        return true;
      })
      .immediate();
  }

  /** Why the user may not do `action` now, or null when they may. */
  refusal(user: string, row: CaseRow | undefined, action: string | null, caseId: string): string | null {
    if (!row) return this.t("slack:refuse.notFound", { id: formatCaseId(caseId) });
    if (!this.registry.mayAct(user, row.jurisdictionCode)) return this.t("slack:refuse.notOfficer");
    if (action !== null) {
      const allowed = ALLOWED_FROM[action] ?? [];
      if (!allowed.includes(row.status as CaseStatus)) {
        const by = this.tickets.responsible(row);
        if (action === "accept" && row.status === "accepted" && by) return this.t("slack:refuse.alreadyAccepted", { user: by });
        return this.t("slack:refuse.badState", { status: this.t(`deskStatus.${row.status}`) });
      }
    }
    return null;
  }

  // ---- direct actions ---------------------------------------------------------------------------

  /**
   * 另一班组: the desk's button on a team claim counted once with another member's. Returns what the
   * officer is told; the thread hears of it through the outbox (and its tickets show the new sums).
   */
  separateClaim(key: string, user: string, caseId: string): string {
    const id = formatCaseId(caseId);
    let answer = this.t("slack:refuse.recordedBefore", { what: this.t("groups:button.claimSeparate") });
    this.once(key, () => {
      try {
        // The CLI's own action. It is a better-sqlite3 transaction function: called inside once()'s
        // transaction it runs as a savepoint of it (.immediate() only chooses how an outermost
        // transaction begins), so a refusal undoes whatever the finding wrote while the dedupe key
        // stays recorded.
        const marked = markTeamClaim(this.app.store, this.app.router, caseId, true, `slack:${user}`, this.app.clock.now(), this.app.actions.deadlines, CHANNEL);
        answer = this.t("groups:cli.separated", { id, same: formatCaseId(marked.twin) });
      } catch (error) {
        if (error instanceof ClaimAlreadyMarkedError) answer = this.t("groups:cli.alreadySeparate", { id });
        else if (error instanceof NotGroupedError) answer = this.t("groups:cli.notGrouped", { id });
        else if (error instanceof NoTwinClaimError) answer = this.t("groups:cli.noTwinClaim", { id });
        else if (error instanceof NotATeamClaimError) answer = this.t("groups:cli.notATeamClaim", { id });
        else throw error;
      }
    });
    return answer;
  }

  accept(user: string, row: CaseRow): void {
    this.app.actions.setStatus({ caseId: row.id, status: "accepted", by: `slack:${user}`, channel: CHANNEL });
  }

  record(user: string, row: CaseRow, kind: (typeof RECORD_KINDS)[number]): void {
    const tw = translator(workerLocale(row));
    this.app.actions.setStatus({
      caseId: row.id,
      status: "handling",
      by: `slack:${user}`,
      channel: CHANNEL,
      note: `record:${kind}`,
      noteForWorker: tw("slack:worker.record", { what: tw(`slack:record.${kind}`) }),
    });
  }

  notArrears(user: string, row: CaseRow, category: string, remedy: string): void {
    const tw = translator(workerLocale(row));
    this.app.actions.setStatus({
      caseId: row.id,
      status: "referred",
      by: `slack:${user}`,
      channel: CHANNEL,
      note: `category:${category}`,
      noteForWorker: tw("slack:worker.notArrears", { category: tw(`category.${category}`), remedy }),
    });
  }

  resolve(user: string, row: CaseRow, amount: number, workersPaid: number): void {
    const tw = translator(workerLocale(row));
    this.app.actions.setStatus({
      caseId: row.id,
      status: "resolved",
      by: `slack:${user}`,
      channel: CHANNEL,
      note: resolutionNote({ recovered: amount, workersPaid }),
      noteForWorker: moneyNews(tw, amount, row.amountYuan),
    });
  }

  reopen(user: string, row: CaseRow, reason: string): void {
    const tw = translator(workerLocale(row));
    this.app.actions.setStatus({
      caseId: row.id,
      status: "reopened",
      by: `slack:${user}`,
      channel: CHANNEL,
      note: reason,
      noteForWorker: tw("slack:worker.reopened"),
    });
  }

  /** Moves the case to another desk: status, ledger events, the worker told, the jurisdiction changed. */
  transfer(user: string, row: CaseRow, to: string, reason: string): void {
    const tw = translator(workerLocale(row));
    const division = this.app.gazetteer.fullName(to);
    this.app.actions.setStatus({
      caseId: row.id,
      status: "transferred",
      by: `slack:${user}`,
      channel: CHANNEL,
      note: reason,
      noteForWorker: tw("slack:worker.transferred", { division }),
      // The desk is the case's jurisdiction: the new desk's officers may now act on it.
      moveToJurisdiction: to,
    });
  }

  /** 需补充: the question goes to the worker (status awaiting_worker); the thread shows it was asked. */
  askWorker(user: string, row: CaseRow, question: string): void {
    this.app.actions.askWorker({ caseId: row.id, question, by: `slack:${user}`, channel: CHANNEL });
    this.app.outbox.enqueue(
      {
        caseId: row.id,
        channel: DESK_CHANNEL,
        recipientKey: deskRecipient(row.id),
        locale: this.app.config.DEFAULT_LOCALE,
        messageKey: "slack:thread.asked",
        params: { user, question },
      },
      this.app.clock.now(),
    );
  }

  /**
   * 更正案件信息: the case's facts as the officer found them; the worker is told, and the case's thread
   * says who corrected what (the ticket itself shows the new facts once refreshed).
   */
  correct(user: string, row: CaseRow, correction: FactCorrection, note: string): void {
    try {
      const { changes } = this.app.actions.correctFacts({ caseId: row.id, correction, by: `slack:${user}`, channel: CHANNEL, note, tellDesk: false });
      this.app.outbox.enqueue(
        {
          caseId: row.id,
          channel: DESK_CHANNEL,
          recipientKey: deskRecipient(row.id),
          locale: this.app.config.DEFAULT_LOCALE,
          messageKey: "slack:thread.corrected",
          params: { user, changes: describeChanges(this.t, changes), note },
        },
        this.app.clock.now(),
      );
    } catch (error) {
      // Another officer put the same figures in first: nothing left to change.
      if (!(error instanceof NothingToCorrectError)) throw error;
    }
  }

  /** After a transfer: the old desk ticket shows where it went, the new desk gets a fresh ticket. */
  async moveTicket(user: string, caseId: string, from: string | null, to: string, reason: string): Promise<void> {
    const row = this.app.ledger.find(caseId);
    if (!row) return;
    // Owed from now: if posting at the new desk fails, the ticket loop posts it later.
    this.tickets.owe(caseId, "desk");
    for (const ticket of this.tickets.tickets(caseId, ["desk"])) {
      await this.tickets.markMoved(ticket, row, this.t("slack:ticket.movedTo", { division: this.tickets.divisionLabel(to), reason: slackEscape(reason), user }));
    }
    await this.tickets.post(row, "desk", to, this.tickets.channelFor(to), this.t("slack:ticket.movedFrom", { division: this.tickets.divisionLabel(from), reason: slackEscape(reason) }));
    await this.tickets.syncCityCopy(caseId);
    await this.tickets.refresh(caseId);
  }

  // ---- modals -----------------------------------------------------------------------------------

  modalView(modal: Modal, caseId: string): Record<string, unknown> {
    const t = this.t;
    const text = (value: string) => ({ type: "plain_text", text: value });
    const input = (block: string, label: string, element: Record<string, unknown>) => ({
      type: "input",
      block_id: block,
      label: text(label),
      element: { action_id: "value", ...element },
    });
    const titles: Record<Modal, string> = {
      notArrears: t("slack:modal.notArrearsTitle"),
      transfer: t("slack:modal.transferTitle"),
      resolve: t("slack:modal.resolveTitle"),
      reopen: t("slack:modal.reopenTitle"),
      askWorker: t("slack:modal.askWorkerTitle"),
      correct: t("slack:modal.correctTitle"),
    };
    const worker = this.app.ledger.find(caseId);
    // The facts as they stand, to be changed where they are wrong (a range of workers is typed anew).
    const current = worker ? correctionFieldsOf(worker) : null;
    const optional = (block: string, label: string, initial: string | null | undefined, maxLength: number) => ({
      ...input(block, label, { type: "plain_text_input", max_length: maxLength, ...(initial ? { initial_value: initial } : {}) }),
      optional: true,
    });
    const blocks: Record<Modal, unknown[]> = {
      notArrears: [
        input("category", t("slack:modal.category"), {
          type: "static_select",
          options: CATEGORIES.filter((c) => c !== "wage_arrears").map((c) => ({ text: text(t(`category.${c}`)), value: c })),
        }),
        input("remedy", t("slack:modal.remedy"), { type: "plain_text_input", multiline: true, max_length: 500 }),
      ],
      transfer: [
        input("division", t("slack:modal.division"), { type: "plain_text_input", max_length: 6 }),
        input("reason", t("slack:modal.reason"), { type: "plain_text_input", multiline: true, max_length: 500 }),
      ],
      resolve: [
        input("recovered", t("slack:modal.recovered"), { type: "plain_text_input", max_length: 12 }),
        input("workers", t("slack:modal.workersPaid"), { type: "plain_text_input", max_length: 6 }),
      ],
      reopen: [input("reason", t("slack:modal.reason"), { type: "plain_text_input", multiline: true, max_length: 500 })],
      askWorker: [input("question", t("slack:modal.question"), { type: "plain_text_input", multiline: true, max_length: 300 })],
      correct: [
        optional("amount", t("slack:modal.correctAmount"), current?.amount, 16),
        optional("headcount", t("slack:modal.correctHeadcount"), current?.headcount, 6),
        optional("employer", t("slack:modal.correctEmployer"), worker?.employer, 100),
        optional("project", t("slack:modal.correctProject"), worker?.project, 100),
        optional("note", t("slack:modal.correctNote"), null, 300),
      ],
    };
    // The question reaches the worker as written: nothing translates it.
    if ((modal === "askWorker" || modal === "notArrears") && worker && worker.locale !== this.app.config.DEFAULT_LOCALE) {
      blocks[modal].unshift({
        type: "context",
        elements: [{ type: "mrkdwn", text: t("slack:modal.writeInWorkerLanguage", { language: t(`slack:languageName.${worker.locale}`) }) }],
      });
    }
    // The facts as the modal showed them: on submit only what the officer changed is sent, so that a
    // correction made meanwhile by someone else is not silently put back.
    const shown = modal === "correct" && current ? { shown: current } : {};
    return {
      type: "modal",
      callback_id: `arrears_modal_${modal}`,
      private_metadata: JSON.stringify({ caseId, ...shown }),
      title: text(titles[modal].slice(0, 24)),
      submit: text(t("slack:modal.submit")),
      close: text(t("slack:modal.cancel")),
      blocks: blocks[modal],
    };
  }
}

interface ViewState {
  values: Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;
}

function field(state: ViewState, block: string): string {
  const entry = state.values[block]?.["value"];
  return (entry?.selected_option?.value ?? entry?.value ?? "").trim();
}

async function ephemeral(client: SlackClient, channel: string | undefined, user: string, text: string): Promise<void> {
  if (!channel) return;
  await client.chat.postEphemeral({ channel, user, text });
}

export function registerHandlers(bolt: BoltApp, app: App, desk: SlackDesk): void {
  const t = translator(app.config.DEFAULT_LOCALE);
  const tickets = desk.tickets;

  bolt.action<BlockAction>(/^arrears_/, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== "block_actions") return;
    const user = body.user.id;
    const channel = body.channel?.id;
    const actionId = action.action_id;
    const name = actionId.slice("arrears_".length);
    const raw = action.type === "static_select" ? (action.selected_option?.value ?? "") : action.type === "button" ? (action.value ?? "") : "";
    const [caseId = "", kind] = raw.split("|");
    const row = app.ledger.find(caseId);
    const refusal = desk.refusal(user, row, name, caseId);
    if (refusal || !row) {
      await ephemeral(client, channel, user, refusal ?? "");
      return;
    }
    if (MODALS.includes(name)) {
      await client.views.open({ trigger_id: body.trigger_id, view: desk.modalView(name as Modal, caseId) as never });
      return;
    }
    // One Slack payload (retried or not) is recorded once; a second click finds the status moved on.
    const key = `action:${user}:${"action_ts" in action ? action.action_ts : body.trigger_id}`;
    if (name === "phone") {
      // Shown to this officer only; who looked, and when, is on the record.
      desk.once(key, () => app.actions.phoneViewed(caseId, `slack:${user}`, CHANNEL));
      await ephemeral(
        client,
        channel,
        user,
        row.phone ? t("slack:phone.shown", { id: formatCaseId(caseId), phone: row.phone }) : t("slack:phone.none", { id: formatCaseId(caseId) }),
      );
      await desk.learnName(client, user);
      return;
    }
    if (name === CLAIM_SEPARATE_ACTION) {
      await ephemeral(client, channel, user, desk.separateClaim(key, user, caseId));
      await desk.learnName(client, user);
      return;
    }
    let done = false;
    let recordedBefore = false;
    desk.once(key, () => {
      const fresh = app.ledger.find(caseId)!;
      if (desk.refusal(user, fresh, name, caseId) !== null) return;
      if (name === "accept") desk.accept(user, fresh);
      else if (name === "record" && (RECORD_KINDS as readonly string[]).includes(kind ?? "")) {
        // The same way of handling chosen again tells the worker nothing new.
        recordedBefore = lastRecordKind(app.ledger.events(caseId)) === kind;
        if (recordedBefore) return;
        desk.record(user, fresh, kind as (typeof RECORD_KINDS)[number]);
      } else return;
      done = true;
    });
    if (recordedBefore) await ephemeral(client, channel, user, t("slack:refuse.recordedBefore", { what: t(`slack:record.${kind}`) }));
    if (done) await tickets.refresh(caseId);
    // An officer who acted: their name for the case histories (the ledger keeps their Slack ID). After
    // the action and its ticket, so that a slow or refused users.info delays neither.
    if (done) await desk.learnName(client, user);
  });

  bolt.view(/^arrears_modal_/, async ({ ack, body, view, client }) => {
    const user = body.user.id;
    const modal = view.callback_id.slice("arrears_modal_".length) as Modal;
    let caseId = "";
    let shown: Record<string, string> = {};
    try {
      const metadata = JSON.parse(view.private_metadata) as { caseId?: string; shown?: Record<string, string> };
      caseId = String(metadata.caseId ?? "");
      shown = metadata.shown ?? {};
    } catch {
      caseId = "";
    }
    const state = view.state as ViewState;
    const row = app.ledger.find(caseId);
    const refusal = desk.refusal(user, row, modal, caseId);
    if (refusal || !row) {
      await ack({ response_action: "errors", errors: { [Object.keys(state.values)[0] ?? "reason"]: refusal ?? "" } });
      return;
    }
    // Validate before acknowledging, so the officer sees the error in the modal.
    let transferTo: string | null = null;
    if (modal === "transfer") {
      const code = field(state, "division");
      if (!/^\d{6}$/.test(code) || !app.gazetteer.byCode(code)) {
        await ack({ response_action: "errors", errors: { division: t("slack:modal.badDivision") } });
        return;
      }
      // A desk is a county (区县): a city or a province handles no case of its own.
      if (app.gazetteer.byCode(code)?.level !== "county") {
        await ack({ response_action: "errors", errors: { division: t("slack:modal.notCounty") } });
        return;
      }
      if (code === row.jurisdictionCode) {
        await ack({ response_action: "errors", errors: { division: t("slack:modal.sameDivision") } });
        return;
      }
      transferTo = code;
    }
    let amount = 0;
    let workers = 0;
    if (modal === "resolve") {
      // "236000", "236,000", "23.6万", "¥236000": as officers write money; the ledger keeps yuan.
      const recovered = parseYuan(field(state, "recovered").replace(/^[¥￥]/, ""));
      workers = Number(field(state, "workers").replace(/人$/, ""));
      if (recovered === null || recovered < 0 || recovered > MAX_RECOVERED) {
        await ack({ response_action: "errors", errors: { recovered: t("slack:modal.badAmount") } });
        return;
      }
      if (!Number.isInteger(workers) || workers < 0) {
        await ack({ response_action: "errors", errors: { workers: t("slack:modal.badNumber") } });
        return;
      }
      // A slip of a digit goes into the statistics reported upward: a sum far beyond the complaint's, or
      // more workers paid than it counts, is sent back to be checked (the CLI takes them with
      // --confirm-figures, for the rare case they are right).
      const beyond = beyondClaim(row, { recovered, workersPaid: workers });
      if (beyond.amount) {
        await ack({ response_action: "errors", errors: { recovered: t("slack:modal.amountAboveClaim", { claimed: row.amountYuan?.toLocaleString("en-US") ?? "" }) } });
        return;
      }
      if (beyond.workers) {
        await ack({ response_action: "errors", errors: { workers: t("slack:modal.workersAboveClaim", { count: row.headcountMax ?? 0 }) } });
        return;
      }
      // The group's workers bound all its resolutions together (the same workers must not count twice).
      const excess = groupWorkersPaidExcess(app.store.sqlite, row.id, workers);
      // And the group's money: what its resolutions record together may not pass what is owed to it.
      const moneyExcess = groupRecoveredExcess(app.store.sqlite, row.id, recovered);
      if (excess || moneyExcess) {
        const errors: Record<string, string> = {};
        if (excess) errors.workers = t("slack:modal.workersAboveGroup", { ...excess, group: excess.groupId });
        if (moneyExcess) {
          errors.recovered = t("slack:modal.recoveredAboveGroup", {
            group: moneyExcess.groupId,
            owed: moneyExcess.owed.toLocaleString("en-US"),
            others: moneyExcess.othersRecovered.toLocaleString("en-US"),
            room: moneyExcess.room.toLocaleString("en-US"),
          });
        }
        await ack({ response_action: "errors", errors });
        return;
      }
      amount = recovered;
    }
    // Words that reach the worker or the record must say something.
    for (const block of modal === "notArrears" ? ["remedy"] : modal === "transfer" || modal === "reopen" ? ["reason"] : []) {
      if (field(state, block) === "") {
        await ack({ response_action: "errors", errors: { [block]: t("slack:modal.emptyText") } });
        return;
      }
    }
    let correction: FactCorrection | null = null;
    if (modal === "correct") {
      // A field left as the modal showed it is no correction (someone else may have changed it since).
      const edited = (name: "amount" | "headcount" | "employer" | "project") => {
        const value = field(state, name);
        return value === (shown[name] ?? "") ? "" : value;
      };
      const typed = { amount: edited("amount"), headcount: edited("headcount"), employer: edited("employer"), project: edited("project") };
      if (Object.values(typed).every((value) => value === "")) {
        await ack({ response_action: "errors", errors: { amount: t("correction.nothingChanged", { id: formatCaseId(caseId) }) } });
        return;
      }
      const read = readTypedCorrection(typed);
      if ("error" in read) {
        await ack({ response_action: "errors", errors: { [read.error.field]: t(read.error.messageKey) } });
        return;
      }
      if (changedFacts(row, read.correction).length === 0) {
        await ack({ response_action: "errors", errors: { amount: t("correction.nothingChanged", { id: formatCaseId(caseId) }) } });
        return;
      }
      // A slip of a digit goes into the statistics: figures far from the complaint's are checked first.
      const far = farFromClaim(row, read.correction);
      if (far !== null) {
        await ack({ response_action: "errors", errors: { [far === "amountYuan" ? "amount" : "headcount"]: t("correction.farFromClaim") } });
        return;
      }
      correction = read.correction;
    }
    const question = modal === "askWorker" ? field(state, "question") : "";
    if (modal === "askWorker" && question === "") {
      await ack({ response_action: "errors", errors: { question: t("slack:modal.emptyQuestion") } });
      return;
    }
    await ack();
    const from = row.jurisdictionCode;
    let done = false;
    desk.once(`view:${view.id}:${view.hash ?? ""}`, () => {
      const fresh = app.ledger.find(caseId)!;
      if (desk.refusal(user, fresh, modal, caseId) !== null) return;
      if (modal === "notArrears") desk.notArrears(user, fresh, field(state, "category"), field(state, "remedy"));
      else if (modal === "transfer" && transferTo) desk.transfer(user, fresh, transferTo, field(state, "reason"));
      else if (modal === "resolve") desk.resolve(user, fresh, amount, workers);
      else if (modal === "reopen") desk.reopen(user, fresh, field(state, "reason"));
      else if (modal === "askWorker") desk.askWorker(user, fresh, question);
      else if (modal === "correct" && correction) desk.correct(user, fresh, correction, field(state, "note"));
      else return;
      done = true;
    });
    if (!done) return;
    if (modal === "transfer" && transferTo) await desk.moveTicket(user, caseId, from, transferTo, field(state, "reason"));
    else await tickets.refresh(caseId);
    await desk.learnName(client, user);
  });

  bolt.command("/case", async ({ ack, command }) => {
    const parsed = parseCaseId(command.text ?? "");
    if (parsed.kind !== "valid") {
      await ack({ response_type: "ephemeral", text: t("slack:refuse.badId") });
      return;
    }
    const row = app.ledger.find(parsed.id);
    // A typed ID outside the officer's desks answers exactly as one that does not exist: an ID must not
    // tell whether there is such a complaint (a button is different: its ticket is already in view).
    if (!row || desk.refusal(command.user_id, row, null, parsed.id) !== null) {
      await ack({ response_type: "ephemeral", text: t("slack:refuse.notFoundHere", { id: formatCaseId(parsed.id) }) });
      return;
    }
    const rendered = tickets.render(row, "moved", row.jurisdictionCode);
    // In words: the event, what was noted (handling, money, the worker's answer), and who.
    const history = app.ledger
      .events(row.id)
      .map((event) => {
        const note = eventNote(t, event.data);
        const what = eventLabel(t, event.type, event.data);
        const line = note ? t("slack:case.lineWithNote", { what, note: slackEscape(note) }) : what;
        return `• ${tickets.formatDate(event.at)} ${line} — ${actorLabel(t, event.actor)}`;
      })
      .join("\n");
    await ack({
      response_type: "ephemeral",
      text: rendered.text,
      blocks: [...rendered.blocks, { type: "section", text: { type: "mrkdwn", text: `*${t("slack:case.history")}*\n${history}` } }] as never,
    });
  });

  bolt.command("/cases", async ({ ack, command }) => {
    const user = command.user_id;
    if (desk.registry.assignments(user).length === 0) {
      await ack({ response_type: "ephemeral", text: t("slack:refuse.notOfficerList") });
      return;
    }
    const asked = (command.text ?? "").trim().toLowerCase();
    const filter = (["overdue", "mine"] as const).find((f) => asked.startsWith(f)) ?? "open";
    const now = app.clock.now();
    // The officer's own desks are filtered in SQL, before any limit: another county's many newer cases
    // must not push theirs (the oldest, overdue ones first) off the list.
    const assignments = desk.registry.assignments(user);
    const query = {
      open: true,
      ...(filter === "overdue" ? { overdueAt: now } : {}),
      ...(filter === "mine" ? { responsibleOfficer: `slack:${user}` } : {}),
      jurisdictions: { prefixes: assignments.map((a) => divisionPrefix(a.divisionCode)), unplaced: assignments.some((a) => a.role === "leader") },
    };
    const rows = app.ledger.list({ ...query, limit: 40 });
    const count = app.ledger.count(query);
    const lines = rows.slice(0, 40).map((row) => {
      // The columns of the CLI's `case list`, in the same words: the sum, the workers, the markers.
      const columns = caseLineColumns(t, app.ledger, row, now);
      return (
        t("slack:list.line", {
          id: formatCaseId(row.id),
          status: t(`deskStatus.${row.status}`),
          amount: columns.amount,
          workers: columns.workers,
          markers: columns.markers ? ` ${columns.markers}` : "",
          division: tickets.divisionLabel(row.jurisdictionCode),
          name: slackEscape(columns.name),
          deadline: tickets.formatDate(row.dueAt),
        }) +
        (filter === "overdue"
          ? ` · ${t("slack:list.overdueKinds", {
              kinds: app.actions.deadlines
                .openFor(row.id)
                .filter((d) => d.kind !== "follow_up" && d.dueAt < now)
                .map((d) => t(`scheduler:kind.${d.kind}`))
                .join("、"),
            })}`
          : "")
      );
    });
    const title = t("slack:list.title", { filter: t(`slack:list.${filter}`), count });
    const more = count > lines.length && lines.length > 0 ? [t("slack:list.more", { shown: lines.length, more: count - lines.length })] : [];
    await ack({ response_type: "ephemeral", text: [title, ...(lines.length ? lines : [t("slack:list.none")]), ...more].join("\n") });
  });
}

/** Who did it, for the desk: an officer as a Slack mention, the worker, the system. */
function actorLabel(t: ReturnType<typeof translator>, actor: string): string {
  if (actor.startsWith("officer:slack:")) return `<@${actor.slice("officer:slack:".length)}>`;
  if (actor.startsWith("officer:")) return actor.slice("officer:".length);
  if (actor.startsWith("worker:")) return t("slack:case.worker");
  if (actor.startsWith("visitor:")) return t("slack:case.visitor");
  return t("slack:case.system");
}

