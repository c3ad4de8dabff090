// Tickets: the Block Kit message a desk sees for a case, where it is posted, and keeping it current.
// Posting is driven from the database (slack_owed: the tickets cases are owed), so a restart or a failed
// post loses none.
import type { App as BoltApp } from "@slack/bolt";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { App } from "../../app.js";
import { formatLocalDateTime } from "../../cases/deadlines.js";
import { formatCaseId } from "../../cases/case-id.js";
import { maskPhone, maskPhonesIn } from "../../cases/case-view.js";
import { RECORD_KINDS } from "../../cases/resolution.js";
import { eventLabel, eventNote } from "../../cases/event-text.js";
import { renderReasons } from "../../dialogs/filing.js";
import type { CaseRow } from "../../cases/ledger.js";
import type { Locale } from "../../config.js";
import { slackOwed, slackState, slackTickets } from "../../db/schema.js";
import type { Reason } from "../../domain.js";
import { translator } from "../../i18n.js";
import { groupTicketLines } from "../../groups/ticket.js";
import { slackEscape } from "./escape.js";
import { ContactBook, DEFAULT_CONTACTS_FILE } from "../../routing/contacts.js";

export type SlackClient = BoltApp["client"];
export type TicketRow = typeof slackTickets.$inferSelect;
export type TicketKind = "desk" | "city" | "moved";

/** Statuses in which a desk can still act, and which buttons each shows. */
const BUTTONS: Record<string, string[]> = {
  logged: ["accept", "notArrears", "transfer"],
  transferred: ["accept", "notArrears", "transfer"],
  reopened: ["accept", "record", "resolve", "transfer"],
  accepted: ["record", "resolve", "notArrears", "transfer"],
  handling: ["record", "resolve", "transfer"],
  awaiting_worker: ["record", "resolve", "transfer"],
  resolved: ["reopen"],
  referred: ["reopen"],
};
/** Room for the worker's words, quoted, in a section (3,000 characters) after the label. */
const NARRATIVE_LIMIT = 2_900;
export { RECORD_KINDS };

export interface TicketNote {
  /** Shown under the facts: who did what last, where the ticket went. */
  text: string;
}

/** Cases logged after the last one looked at, in insertion order (a range of the rowid: no scan). */
export const DISCOVER_SQL = "SELECT rowid AS seq, id FROM cases WHERE rowid > ? ORDER BY rowid LIMIT ?";
/** slack_state key: the last cases rowid the ticket loop has looked at. */
const CASES_SEEN = "cases_seen";
/** A ticket that failed is tried again after 5 s, doubling, at most every 30 minutes. */
const OWED_BASE_BACKOFF_MS = 5_000;
const OWED_MAX_BACKOFF_MS = 30 * 60_000;

export class Tickets {
  readonly contacts: ContactBook;
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly app: App,
    private readonly client: SlackClient,
    private readonly triageChannel: string,
    private readonly locale: Locale = app.config.DEFAULT_LOCALE,
  ) {
    this.contacts = ContactBook.load(app.config.ROUTING_CONTACTS_FILE ?? DEFAULT_CONTACTS_FILE, app.gazetteer);
  }

  /** The desk channel of a division (inherited from city/province), the triage channel when none. */
  channelFor(divisionCode: string | null): string {
    if (divisionCode === null) return this.triageChannel;
    return this.contacts.contacts(divisionCode).slackChannel ?? this.triageChannel;
  }

  /** The city above a county (or the city itself), for the supervision copy of major/collective cases. */
  cityOf(divisionCode: string | null): string | null {
    if (divisionCode === null) return null;
    const city = this.app.gazetteer.chain(divisionCode).find((d) => d.level === "city");
    return city?.code ?? null;
  }

  tickets(caseId: string, kinds: TicketKind[] = ["desk", "city", "moved"]): TicketRow[] {
    return this.app.store.db
      .select()
      .from(slackTickets)
      .where(and(eq(slackTickets.caseId, caseId), inArray(slackTickets.kind, kinds)))
      .orderBy(asc(slackTickets.id))
      .all();
  }

  /**
   * Finds the cases logged since the last look (by insertion order, cases' rowid: no clock involved) and
   * records what each is owed. The first look on a database records every case without a desk ticket
   * once, then starts from the newest. Returns how many cases it looked at.
   */
  discover(page = 500): number {
    const db = this.app.store.db;
    const sqlite = this.app.store.sqlite;
    return sqlite
      .transaction(() => {
        const seen = db.select().from(slackState).where(eq(slackState.key, CASES_SEEN)).get();
        const now = this.app.clock.now();
        if (!seen) {
          sqlite
            .prepare(
              `INSERT OR IGNORE INTO slack_owed (case_id, kind, next_attempt_at)
               SELECT c.id, 'desk', @now FROM cases c
               WHERE NOT EXISTS (SELECT 1 FROM slack_tickets t WHERE t.case_id = c.id AND t.kind = 'desk')`,
            )
            .run({ now });
          const newest = (sqlite.prepare("SELECT coalesce(max(rowid), 0) AS seq FROM cases").get() as { seq: number }).seq;
          db.insert(slackState).values({ key: CASES_SEEN, value: newest }).run();
          return 0;
        }
        const rows = sqlite.prepare(DISCOVER_SQL).all(seen.value, page) as { seq: number; id: string }[];
        for (const { id } of rows) this.owe(id, "desk", now);
        if (rows.length > 0) db.update(slackState).set({ value: rows.at(-1)!.seq }).where(eq(slackState.key, CASES_SEEN)).run();
        return rows.length;
      })
      .immediate();
  }

  /** Records that the case is owed this ticket (kept until it is posted). */
  owe(caseId: string, kind: "desk" | "city", now = this.app.clock.now()): void {
    this.app.store.db.insert(slackOwed).values({ caseId, kind, nextAttemptAt: now }).onConflictDoNothing().run();
  }

  /** The owed tickets due at `now`, the longest waiting first (slack_owed_due_idx). */
  dueQuery(now: number, limit: number) {
    return this.app.store.db.select().from(slackOwed).where(lte(slackOwed.nextAttemptAt, now)).orderBy(asc(slackOwed.nextAttemptAt)).limit(limit);
  }

  /** Posts the tickets cases are owed, those due first; returns how many cases got one. */
  async postPending(limit = 20): Promise<number> {
    while (this.discover() > 0) {
      // Catch up with everything logged since the last look before posting.
    }
    const now = this.app.clock.now();
    const due = this.dueQuery(now, limit).all();
    let posted = 0;
    const failures: string[] = [];
    for (const owed of due) {
      try {
        if (await this.postTicket(owed.caseId)) posted++;
      } catch (error) {
        // One channel failing holds back no other ticket: this one is tried again later, less often.
        const message = error instanceof Error ? error.message : String(error);
        failures.push(`${formatCaseId(owed.caseId)}: ${message}`);
        const backoff = Math.min(OWED_MAX_BACKOFF_MS, OWED_BASE_BACKOFF_MS * 2 ** owed.attempts);
        this.app.store.db
          .update(slackOwed)
          .set({ attempts: owed.attempts + 1, nextAttemptAt: now + backoff, lastError: message.slice(0, 300) })
          .where(and(eq(slackOwed.caseId, owed.caseId), eq(slackOwed.kind, owed.kind)))
          .run();
      }
    }
    if (failures.length > 0) throw new Error(`${failures.length} case(s) still owed a ticket: ${failures.join("; ")}`);
    return posted;
  }

  /** The city whose channel gets a supervision copy: a major or collective case's, when not the desk's. */
  private wantedCity(row: CaseRow): string | null {
    const city = row.major || row.collective ? this.cityOf(row.jurisdictionCode) : null;
    return city !== null && this.channelFor(city) !== this.channelFor(row.jurisdictionCode) ? city : null;
  }

  /** Posts the case's desk ticket if it has none, and the city copy it should have; true when it posted. */
  async postTicket(caseId: string): Promise<boolean> {
    if (this.inFlight.has(caseId)) return false;
    this.inFlight.add(caseId);
    try {
      const row = this.app.ledger.find(caseId);
      if (!row) return false;
      let posted = false;
      if (this.tickets(caseId, ["desk"]).length === 0) {
        this.owe(caseId, "desk");
        await this.post(row, "desk", row.jurisdictionCode, this.channelFor(row.jurisdictionCode));
        posted = true;
      }
      posted = (await this.syncCityCopy(caseId)) || posted;
      // Whatever is left owed (a city copy no longer wanted) is settled.
      this.app.store.db.delete(slackOwed).where(eq(slackOwed.caseId, caseId)).run();
      return posted;
    } finally {
      this.inFlight.delete(caseId);
    }
  }

  async post(row: CaseRow, kind: TicketKind, divisionCode: string | null, channel: string, note?: string): Promise<TicketRow> {
    const message = this.render(row, kind, divisionCode, note);
    const result = await this.client.chat.postMessage({ channel, ...message });
    if (!result.ok || !result.ts || !result.channel) throw new Error(`chat.postMessage failed: ${result.error ?? "no ts"}`);
    return this.app.store.sqlite
      .transaction(() => {
        this.app.store.db.delete(slackOwed).where(and(eq(slackOwed.caseId, row.id), eq(slackOwed.kind, kind))).run();
        return this.app.store.db
          .insert(slackTickets)
          .values({ caseId: row.id, channel: result.channel!, ts: result.ts!, kind, divisionCode, postedAt: this.app.clock.now() })
          .returning()
          .get();
      })
      .immediate();
  }

  /** Re-renders every live ticket of the case (desk and city copies) with chat.update. */
  async refresh(caseId: string, note?: string): Promise<void> {
    const row = this.app.ledger.find(caseId);
    if (!row) return;
    const live = this.tickets(caseId, ["desk", "city"]);
    for (const ticket of live) {
      await this.client.chat.update({ channel: ticket.channel, ts: ticket.ts, ...this.render(row, ticket.kind as TicketKind, ticket.divisionCode, note) });
    }
    // A case made major or collective since it was posted (its group escalated, the worker spoke of
    // despair) now owes the city its supervision copy.
    if (live.some((ticket) => ticket.kind === "desk") && this.wantedCity(row) !== null) await this.syncCityCopy(caseId);
  }

  /**
   * A case transferred outside Slack (the CLI): a desk ticket at another division is shown as moved,
   * and the new desk gets its ticket (owed until posted), the city copy following.
   */
  async followTransfer(caseId: string): Promise<void> {
    const row = this.app.ledger.find(caseId);
    if (!row) return;
    const stale = this.tickets(caseId, ["desk"]).filter((ticket) => ticket.divisionCode !== row.jurisdictionCode);
    if (stale.length === 0) return this.refresh(caseId);
    this.owe(caseId, "desk");
    const note = translator(this.locale)("slack:ticket.movedElsewhere", { division: this.divisionLabel(row.jurisdictionCode) });
    for (const ticket of stale) await this.markMoved(ticket, row, note);
    await this.postTicket(caseId);
  }

  /** Marks the desk ticket as moved and shows where it went (no buttons any more). */
  async markMoved(ticket: TicketRow, row: CaseRow, note: string): Promise<void> {
    this.app.store.db.update(slackTickets).set({ kind: "moved" }).where(eq(slackTickets.id, ticket.id)).run();
    await this.client.chat.update({ channel: ticket.channel, ts: ticket.ts, ...this.render(row, "moved", ticket.divisionCode, note) });
  }

  /**
   * After a transfer: the city's supervision copy follows the case. A copy of the old city, or one in the
   * channel the new desk ticket is in, is closed (shown as moved); a major or collective case gets a copy
   * in its new city's channel when that is not the desk's.
   */
  async syncCityCopy(caseId: string): Promise<boolean> {
    const row = this.app.ledger.find(caseId);
    if (!row) return false;
    const t = translator(this.locale);
    const wanted = this.wantedCity(row);
    for (const ticket of this.tickets(caseId, ["city"])) {
      if (ticket.divisionCode !== wanted) await this.markMoved(ticket, row, t("slack:ticket.cityCopyClosed", { division: this.divisionLabel(row.jurisdictionCode) }));
    }
    if (wanted === null || this.tickets(caseId, ["city"]).some((ticket) => ticket.divisionCode === wanted)) return false;
    // Owed until posted: a failure here (in a refresh, after a transfer) is tried again by the ticket loop.
    this.owe(caseId, "city");
    await this.post(row, "city", wanted, this.channelFor(wanted));
    return true;
  }

  /** "11-24 23:59（首次处理）": the deadline the case's due date is, named. */
  deadlineText(row: CaseRow): string {
    const t = translator(this.locale);
    if (row.dueAt === null) return this.formatDate(null);
    const due = this.app.actions.deadlines.openFor(row.id).find((d) => d.dueAt === row.dueAt);
    return due ? t("slack:ticket.deadlineValue", { at: this.formatDate(row.dueAt), kind: t(`scheduler:kind.${due.kind}`) }) : this.formatDate(row.dueAt);
  }

  /** "2 件：照片（工资欠条）、文件": what the worker sent, with their captions. */
  evidenceText(caseId: string): string {
    const t = translator(this.locale);
    const files = this.app.ledger.attachments(caseId);
    if (files.length === 0) return t("slack:ticket.evidenceValue", { count: 0 });
    const kinds = files
      .slice(0, 5)
      .map((file) => {
        const kind = t(`slack:evidenceKind.${file.kind}`, { defaultValue: file.kind });
        return file.caption ? t("slack:ticket.evidenceCaptioned", { kind, caption: slackEscape(maskPhonesIn(file.caption)).slice(0, 30) }) : kind;
      })
      .join(t("punctuation.enumeration"));
    return t("slack:ticket.evidenceList", { count: files.length, kinds: `${kinds}${files.length > 5 ? "…" : ""}` });
  }

  /** The latest officer action in words ("最新：处理 · 移送公安（@U…）"), if any. */
  private lastActionText(caseId: string): string | null {
    const t = translator(this.locale);
    const events = this.app.ledger.events(caseId);
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (event.type !== "status_changed" || !event.actor.startsWith("officer:slack:")) continue;
      const note = eventNote(t, event.data);
      const what = `${eventLabel(t, event.type, event.data)}${note ? ` · ${slackEscape(note)}` : ""}`;
      return t("slack:ticket.lastAction", { what, user: event.actor.slice("officer:slack:".length) });
    }
    return null;
  }

  divisionLabel(code: string | null): string {
    const t = translator(this.locale);
    if (code === null) return t("slack:ticket.triage");
    return `${this.app.gazetteer.fullName(code) || code} (${code})`;
  }

  formatDate(at: number | null): string {
    if (at === null) return translator(this.locale)("slack:ticket.unknown");
    return formatLocalDateTime(at, this.app.config.TIME_ZONE);
  }

  /** The officer who accepted the case (Slack user ID), if one did on Slack (cases.responsible_officer). */
  responsible(row: Pick<CaseRow, "responsibleOfficer">): string | null {
    return row.responsibleOfficer?.startsWith("slack:") ? row.responsibleOfficer.slice("slack:".length) : null;
  }

  render(row: CaseRow, kind: TicketKind, divisionCode: string | null, note?: string): { text: string; blocks: unknown[] } {
    const t = translator(this.locale);
    const id = formatCaseId(row.id);
    const unknown = t("slack:ticket.unknown");
    const title = row.major ? t("slack:ticket.titleMajor", { id }) : row.collective ? t("slack:ticket.titleCollective", { id }) : t("slack:ticket.title", { id });
    const workers =
      row.headcountMin === null
        ? unknown
        : row.headcountMax !== null && row.headcountMax !== row.headcountMin
          ? t("slack:ticket.workersRange", { min: row.headcountMin, max: row.headcountMax })
          : t("slack:ticket.workersValue", { count: row.headcountMin });
    const reasons = Array.isArray(row.reasons) ? renderReasons(t, row.reasons as Reason[]) : "";
    const field = (label: string, value: string | null | undefined) => ({
      type: "mrkdwn",
      text: `*${t(`slack:ticket.${label}`)}*\n${value === null || value === undefined || value === "" ? unknown : slackEscape(value)}`,
    });
    // The worker's own words for the place only when they say more than the division's name.
    const division = row.divisionCode ? this.app.gazetteer.fullName(row.divisionCode) : null;
    const placeWords = row.placeText && !(division ?? "").includes(row.placeText.replace(/\s/g, "")) ? row.placeText : null;
    const place = [division, placeWords].filter(Boolean).join(" · ");
    const fields = [
      field("caseId", id),
      // A number typed into a name (老板刘经理138…) is masked, as the worker's words are.
      field("project", row.project === null ? null : maskPhonesIn(row.project)),
      field("employer", row.employer === null ? null : maskPhonesIn(row.employer)),
      field("amount", row.amountYuan === null ? null : t("slack:ticket.amountValue", { amount: row.amountYuan.toLocaleString("en-US") })),
      field("workers", workers),
      field("place", place),
      field("sector", row.sector ? t(`sector.${row.sector}`) : null),
      field("ownership", row.ownership ? t(`ownership.${row.ownership}`) : null),
      field("category", t(`category.${row.category}`)),
      field("deadline", this.deadlineText(row)),
      field("phone", maskPhone(row.phone)),
      field("evidence", this.evidenceText(row.id)),
    ];
    const blocks: unknown[] = [
      { type: "header", text: { type: "plain_text", text: title } },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: t("slack:ticket.status", { status: t(`deskStatus.${row.status}`) }) },
          { type: "mrkdwn", text: `${t("slack:ticket.desk")}: ${this.divisionLabel(row.jurisdictionCode)}` },
          ...(kind === "city" ? [{ type: "mrkdwn", text: t("slack:ticket.cityCopy", { division: this.divisionLabel(divisionCode) }) }] : []),
          // Messages reach the worker as officers write them: the desk must know to write in the worker's language.
          ...(row.locale !== this.locale ? [{ type: "mrkdwn", text: t("slack:ticket.workerLanguage", { language: t(`slack:languageName.${row.locale}`) }) }] : []),
        ],
      },
      // Slack allows at most 10 fields per section.
      { type: "section", fields: fields.slice(0, 10) },
      { type: "section", fields: fields.slice(10) },
    ];
    // After an officer's correction the reasons are those of the reading at filing.
    const corrected = reasons !== "" && this.app.ledger.countEvents(row.id, "facts_corrected", 0) > 0;
    if (reasons) blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${t(corrected ? "slack:ticket.reasonsAtFiling" : "slack:ticket.reasons")}*\n${slackEscape(reasons)}` } });
    // The worker's own words: what the reading took from them can be checked, and what it did not take is
    // there. Phones masked; Slack takes at most 3,000 characters in a section.
    const quoted = slackEscape(maskPhonesIn(row.narrative)).replace(/^/gm, "> ");
    const words = quoted.length > NARRATIVE_LIMIT ? `${quoted.slice(0, NARRATIVE_LIMIT)}…` : quoted;
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${t("slack:ticket.narrative")}*\n${words}` } });
    // The case's group (集体欠薪) and the repeat-employer flag (欠薪预警), when they apply.
    for (const line of groupTicketLines(this.app.store.db, row, t)) {
      blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: slackEscape(line) }] });
    }
    const responsible = this.responsible(row);
    const context = [
      responsible ? t("slack:ticket.responsible", { user: responsible }) : null,
      this.lastActionText(row.id),
      // How to reach the worker: their chat (the bot passes questions on), whatever the phone.
      t("slack:ticket.workerChannel", { channel: t(`slack:channelName.${row.channel}`, { defaultValue: row.channel }) }),
      note ?? null,
    ].filter((x): x is string => Boolean(x));
    if (context.length > 0) blocks.push({ type: "context", elements: context.map((text) => ({ type: "mrkdwn", text })) });
    if (kind !== "moved") {
      const elements = (BUTTONS[row.status] ?? []).map((name) =>
        name === "record"
          ? {
              type: "static_select",
              action_id: "arrears_record",
              placeholder: { type: "plain_text", text: t("slack:button.record") },
              options: RECORD_KINDS.map((k) => ({ text: { type: "plain_text", text: t(`slack:record.${k}`) }, value: `${row.id}|${k}` })),
            }
          : {
              type: "button",
              action_id: `arrears_${name}`,
              text: { type: "plain_text", text: t(`slack:button.${name}`) },
              value: row.id,
              ...(name === "accept" ? { style: "primary" } : {}),
            },
      );
      if (elements.length > 0) blocks.push({ type: "actions", block_id: `arrears_actions_${row.id}`, elements });
    }
    return { text: `${title} · ${t(`deskStatus.${row.status}`)}`, blocks };
  }
}
