// Storage schema (drizzle-orm, SQLite). Every lookup the bot makes has an index here.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CASE_STATUSES, OPEN_STATUSES } from "../cases/statuses.js";

/**
 * The statuses that are not open (referred, resolved) as SQL literals, for the partial indexes'
 * condition below: "not one of two" costs an insert two comparisons, where "one of the six open ones"
 * made SQLite build the list as a temporary index on every insert (≈ 7 µs).
 */
const CLOSED_STATUS_LITERALS = CASE_STATUSES.filter((status) => !OPEN_STATUSES.includes(status))
  .map((status) => `'${status}'`)
  .join(", ");

/** A complaint (线索/投诉), logged at once when the worker confirms it (逐条建立台账). */
export const cases = sqliteTable(
  "cases",
  {
    id: text("id").primaryKey(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    status: text("status").notNull(),
    /** Where the worker filed: "local", "telegram", … — notifications go back there. */
    channel: text("channel").notNull(),
    /** Channel-qualified user key of the filer ("telegram:12345"). */
    filerKey: text("filer_key").notNull(),
    /** Lets someone other than the filer (a relative, a lawyer) see the case: stored as a hash. */
    accessCodeHash: text("access_code_hash").notNull(),
    locale: text("locale").notNull(),
    project: text("project"),
    employer: text("employer"),
    amountYuan: real("amount_yuan"),
    headcountMin: integer("headcount_min"),
    headcountMax: integer("headcount_max"),
    placeText: text("place_text"),
    divisionCode: text("division_code"),
    divisionName: text("division_name"),
    sector: text("sector"),
    projectKind: text("project_kind"),
    ownership: text("ownership"),
    phone: text("phone"),
    since: text("since"),
    narrative: text("narrative").notNull(),
    category: text("category").notNull(),
    isArrears: integer("is_arrears", { mode: "boolean" }).notNull(),
    reasons: text("reasons", { mode: "json" }).notNull(),
    route: text("route", { mode: "json" }).notNull(),
    /** County (or city) the case belongs to (属地), denormalised from route for desk queries. */
    jurisdictionCode: text("jurisdiction_code"),
    collective: integer("collective", { mode: "boolean" }).notNull().default(false),
    major: integer("major", { mode: "boolean" }).notNull().default(false),
    /** Deadline of the next step, epoch ms; null when nothing is due. */
    dueAt: integer("due_at"),
    /** Collective group (集体欠薪) this complaint belongs to: same project or employer, same county. */
    groupId: text("group_id"),
    /** Employer and project names reduced to a comparable key ("宏达劳务有限公司" → "宏达"). */
    employerKey: text("employer_key"),
    projectKey: text("project_key"),
    /** The officer responsible (首问负责制: 明确责任人员), once someone accepted the case. */
    responsibleOfficer: text("responsible_officer"),
    /**
     * A team's claim an officer found is another team's (另一班组), although its workers and sum are those
     * of another member of its group: counted on its own in the group's sums and the reports, where the
     * same figures twice are otherwise one claim told by two of a team.
     */
    separateClaim: integer("separate_claim", { mode: "boolean" }).notNull().default(false),
  },
  (table) => [
    index("cases_filer_idx").on(table.filerKey, table.createdAt),
    index("cases_status_idx").on(table.status, table.createdAt),
    index("cases_jurisdiction_idx").on(table.jurisdictionCode, table.status),
    index("cases_due_idx").on(table.dueAt),
    index("cases_created_idx").on(table.createdAt),
    // A group's members in logging order (the first member, escalation, merge and split); only grouped
    // cases are in it.
    index("cases_group_idx").on(table.groupId, table.createdAt).where(sql`${table.groupId} IS NOT NULL`),
    index("cases_employer_key_idx").on(table.employerKey, table.jurisdictionCode),
    // Campaign report, covering: arrears complaints about government-invested and SOE projects in a period.
    index("cases_ownership_idx").on(
      table.ownership,
      table.createdAt,
      table.isArrears,
      table.status,
      table.jurisdictionCode,
      table.projectKey,
      table.headcountMin,
      table.amountYuan,
    ),
    // Campaign report, covering: the figures of a case (and its group, for team claims told twice) found
    // from its ledger events, without the row.
    index("cases_report_idx").on(
      table.id,
      table.isArrears,
      table.jurisdictionCode,
      table.sector,
      table.headcountMin,
      table.amountYuan,
      table.groupId,
      table.separateClaim,
    ),
    // Overdue list (newest first): scanned in created_at order, status and due_at read from the index.
    index("cases_open_due_idx").on(table.createdAt, table.status, table.dueAt).where(sql`${table.dueAt} IS NOT NULL`),
    // Grouping at logging (src/groups): the open arrears cases of a county sharing a project or an
    // employer key, oldest first — the group to join is the first grouped one, one index step away
    // however large the group or the key's history of closed cases. (They replace
    // cases_project_key_idx, which nothing else used; cases_employer_key_idx stays for the
    // repeat-employer warning, across counties and statuses.)
    index("cases_open_project_idx")
      .on(table.jurisdictionCode, table.projectKey, table.createdAt)
      .where(openArrearsCondition(table)),
    index("cases_open_employer_idx")
      .on(table.jurisdictionCode, table.employerKey, table.createdAt)
      .where(openArrearsCondition(table)),
  ],
);

/**
 * The condition of the partial indexes cases_open_project_idx and cases_open_employer_idx: an arrears
 * complaint still open (its status one of OPEN_STATUSES). SQLite uses a partial index only for a query
 * whose WHERE contains these very terms, literals included, so the queries use this function too.
 * Changing the statuses changes the indexes: generate a migration.
 *
 * Beware of the same terms with bound parameters (`is_arrears = ?`, drizzle's eq(cases.isArrears,
 * true)) in other queries of cases: SQLite compares the parameter with the index's literal when it
 * plans, and so compiles such a statement again every time it is run. Write `is_arrears = 1`.
 */
export function openArrearsCondition(table: { isArrears: AnyColumn; status: AnyColumn }): SQL {
  return sql`${table.isArrears} = 1 AND ${table.status} NOT IN (${sql.raw(CLOSED_STATUS_LITERALS)})`;
}

/** A collective case (集体欠薪): complaints about one project or employer in one county, summed. */
export const caseGroups = sqliteTable(
  "case_groups",
  {
    id: text("id").primaryKey(),
    jurisdictionCode: text("jurisdiction_code"),
    label: text("label").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    headcountTotal: integer("headcount_total").notNull().default(0),
    amountTotal: real("amount_total").notNull().default(0),
    collective: integer("collective", { mode: "boolean" }).notNull().default(false),
    major: integer("major", { mode: "boolean" }).notNull().default(false),
    /** When the group as a whole crossed a threshold and was escalated; null before. */
    escalatedAt: integer("escalated_at"),
  },
  (table) => [index("case_groups_jurisdiction_idx").on(table.jurisdictionCode)],
);

/**
 * Deadlines of a case (当日核查分类, 1 working day to first action, 5 to accept, 60 to handle, the
 * follow-up 回头看). The scheduler is driven from this table, so a restart neither loses nor repeats
 * a reminder: each step is stamped in the same transaction as the message it queues.
 */
export const deadlines = sqliteTable(
  "deadlines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    dueAt: integer("due_at").notNull(),
    remindAt: integer("remind_at"),
    remindedAt: integer("reminded_at"),
    escalatedAt: integer("escalated_at"),
    /** Met (the step happened) or dropped (no longer applies); null while it runs. */
    closedAt: integer("closed_at"),
  },
  (table) => [
    index("deadlines_case_idx").on(table.caseId, table.kind),
    index("deadlines_remind_idx").on(table.closedAt, table.remindedAt, table.remindAt),
    index("deadlines_due_idx").on(table.closedAt, table.escalatedAt, table.dueAt),
  ],
);

/**
 * The ledger (台账): who did what, when, from which channel. Append-only — triggers in the
 * migration refuse UPDATE and DELETE, so not even a bug can rewrite history.
 */
export const caseEvents = sqliteTable(
  "case_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    at: integer("at").notNull(),
    /** "worker:telegram:123", "officer:张三", "system". */
    actor: text("actor").notNull(),
    channel: text("channel").notNull(),
    type: text("type").notNull(),
    data: text("data", { mode: "json" }).notNull().default(sql`'{}'`),
  },
  (table) => [
    index("case_events_case_idx").on(table.caseId, table.id),
    // Reports, covering: every status change by case with its target status and note (resolutions,
    // handling records such as "record:case_opened"), read without touching the rows.
    index("case_events_status_idx")
      .on(table.caseId, table.at, sql`json_extract(data, '$.to')`, sql`json_extract(data, '$.note')`)
      .where(sql`type = 'status_changed'`),
  ],
);

/** A worker's dialog state, one row per channel user; survives restarts. */
export const dialogSessions = sqliteTable("dialog_sessions", {
  userKey: text("user_key").primaryKey(),
  state: text("state", { mode: "json" }).notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Evidence (证据) attached to a case: photos, documents, voice notes. */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    at: integer("at").notNull(),
    kind: text("kind").notNull(),
    fileId: text("file_id").notNull(),
    sizeBytes: integer("size_bytes"),
    caption: text("caption"),
    storedPath: text("stored_path"),
  },
  (table) => [index("attachments_case_idx").on(table.caseId)],
);

/**
 * Durable outbox of messages to workers: an officer's action writes here in its own transaction and
 * never waits on delivery; each channel drains the rows addressed to it and retries with backoff.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id"),
    channel: text("channel").notNull(),
    recipientKey: text("recipient_key").notNull(),
    locale: text("locale").notNull(),
    /** Translation key and parameters: rendered at delivery in the recipient's language. */
    messageKey: text("message_key").notNull(),
    params: text("params", { mode: "json" }).notNull().default(sql`'{}'`),
    /** Buttons sent with the message ([{id, labelKey}]), e.g. the follow-up's yes/no. */
    choices: text("choices", { mode: "json" }),
    createdAt: integer("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    deliveredAt: integer("delivered_at"),
    lastError: text("last_error"),
  },
  (table) => [
    index("outbox_pending_idx").on(table.channel, table.deliveredAt, table.nextAttemptAt),
    // Whether an officer's question has reached the worker yet (a message sent before it is no answer).
    index("outbox_case_message_idx").on(table.caseId, table.messageKey),
  ],
);

/** Platform updates already handled, so that an at-least-once delivery is processed once. */
export const processedUpdates = sqliteTable(
  "processed_updates",
  {
    source: text("source").notNull(),
    updateId: text("update_id").notNull(),
    at: integer("at").notNull(),
  },
  (table) => [
    uniqueIndex("processed_updates_key").on(table.source, table.updateId),
    // The daily prune of rows older than a week.
    index("processed_updates_at_idx").on(table.source, table.at),
  ],
);

/** Officers registered for the Slack desk: who may act on which division's cases (and those under it). */
export const officers = sqliteTable(
  "officers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slackUserId: text("slack_user_id").notNull(),
    /** Six-digit GB/T 2260 code of the officer's division. */
    divisionCode: text("division_code").notNull(),
    /** "officer" or "leader". */
    role: text("role").notNull(),
    createdAt: integer("created_at").notNull(),
    /** The officer's name as the bureau registered it (`officer add --name`): how case histories name them. */
    name: text("name"),
    /** The officer's Slack display name, learnt from users.info when they act (used when `name` is not set). */
    slackName: text("slack_name"),
  },
  (table) => [uniqueIndex("officers_user_division").on(table.slackUserId, table.divisionCode)],
);

/** Slack messages (tickets) posted for a case: the desk's ticket, a city copy, superseded ones after a transfer. */
export const slackTickets = sqliteTable(
  "slack_tickets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    /** Slack channel ID as returned by chat.postMessage (needed for chat.update). */
    channel: text("channel").notNull(),
    ts: text("ts").notNull(),
    /** "desk" (the responsible division), "city" (copy for a major/collective case), "moved" (after a transfer). */
    kind: text("kind").notNull(),
    /** Division whose desk this ticket is at; null for the triage channel. */
    divisionCode: text("division_code"),
    postedAt: integer("posted_at").notNull(),
  },
  (table) => [
    index("slack_tickets_case_idx").on(table.caseId, table.kind),
    uniqueIndex("slack_tickets_message").on(table.channel, table.ts),
  ],
);

/**
 * Which process runs the channels on this database (one at a time: two would post every ticket twice
 * and fight over Telegram's getUpdates). Held while its heartbeat is fresh.
 */
export const instanceLocks = sqliteTable("instance_locks", {
  name: text("name").primaryKey(),
  host: text("host").notNull(),
  pid: integer("pid").notNull(),
  acquiredAt: integer("acquired_at").notNull(),
  heartbeatAt: integer("heartbeat_at").notNull(),
});

/**
 * Slack tickets a case is owed (its desk ticket, its city's supervision copy), until posted. Cases are
 * found by their insertion order (slack_state "cases_seen": the last cases rowid looked at), and a
 * copy owed later (an escalation, a transfer) is added where it arises; failures are tried again with
 * backoff, so one failing channel holds back no other ticket.
 */
export const slackOwed = sqliteTable(
  "slack_owed",
  {
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lastError: text("last_error"),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.kind] }), index("slack_owed_due_idx").on(table.nextAttemptAt)],
);

/** Small counters of the Slack channel ("cases_seen"). */
export const slackState = sqliteTable("slack_state", {
  key: text("key").primaryKey(),
  value: integer("value").notNull(),
});
