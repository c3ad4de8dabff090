// Composition root: builds the core (storage, reader, router, dialog engine, case actions) from the
// configuration. Channels receive this and know nothing of how it is built.
import type { Config } from "./config.js";
import { CaseActions } from "./cases/case-actions.js";
import { CaseGroups } from "./groups/groups.js";
import { deadlinePolicyFromConfig } from "./cases/deadline-policy.js";
import type { WorkingCalendar } from "./cases/deadlines.js";
import { CaseLedger } from "./cases/ledger.js";
import { Outbox } from "./cases/outbox.js";
import { openStore, type Store } from "./db/open.js";
import { DialogEngine, type PreReader } from "./dialogs/engine.js";
import type { Clock, ComplaintReader, ComplaintRouter } from "./dialogs/ports.js";
import { getI18n } from "./i18n.js";
import { Gazetteer } from "./routing/gazetteer.js";
import { Router } from "./routing/router.js";
import { classify } from "./triage/classify.js";
import { readMessage } from "./triage/read-message.js";
import { normalize } from "./triage/normalize.js";
import { createModelPreReader, modelOptionsFromConfig } from "./triage/llm/model-reader.js";

export interface App {
  config: Config;
  store: Store;
  engine: DialogEngine;
  ledger: CaseLedger;
  outbox: Outbox;
  actions: CaseActions;
  reader: ComplaintReader;
  router: Router;
  gazetteer: Gazetteer;
  calendar: WorkingCalendar;
  clock: Clock;
  close(): void;
}

export function createReader(gazetteer: Gazetteer): ComplaintReader {
  return {
    read: (text) => readMessage(text, gazetteer),
    classify: (text, reading) => classify(text, reading),
    resolvePlaceAnswer: (text) => gazetteer.resolveAnswer(normalize(text)),
    divisionLabel: (code) => gazetteer.fullName(code),
    hasCounties: (code) => gazetteer.hasCounties(code),
  };
}

export function createApp(
  config: Config,
  options: { clock?: Clock; reader?: ComplaintReader; preReader?: PreReader } = {},
): App {
  getI18n(config.DEFAULT_LOCALE);
  const store = openStore(config.DATABASE_URL, config.DATABASE_SYNCHRONOUS);
  const gazetteer = Gazetteer.shared();
  const router = Router.load(
    { rulesFile: config.ROUTING_RULES_FILE, contactsFile: config.ROUTING_CONTACTS_FILE },
    gazetteer,
  );
  const reader = options.reader ?? createReader(gazetteer);
  // The language model is optional and only adds to the rules (see src/triage/llm).
  const modelOptions = options.preReader ? undefined : modelOptionsFromConfig(config);
  const preReader = options.preReader ?? (modelOptions ? createModelPreReader(modelOptions, gazetteer) : undefined);
  const clock = options.clock ?? { now: () => Date.now() };
  const calendar: WorkingCalendar = { timeZone: config.TIME_ZONE, holidays: new Set(config.HOLIDAYS), workdays: new Set(config.WORKDAYS) };
  const ledger = new CaseLedger(store.db);
  const outbox = new Outbox(store.db);
  const groups = new CaseGroups(store.db, router, gazetteer);
  const actions = new CaseActions(store, ledger, outbox, calendar, () => clock.now(), deadlinePolicyFromConfig(config), groups, router);
  const engine = new DialogEngine({
    store,
    actions,
    preReader,
    reader,
    router: router satisfies ComplaintRouter,
    calendar,
    defaultLocale: config.DEFAULT_LOCALE,
    maxMessageChars: config.MAX_MESSAGE_CHARS,
    maxAttachmentBytes: config.MAX_ATTACHMENT_MB * 1_048_576,
    clock,
  });
  return {
    config,
    store,
    engine,
    ledger,
    outbox,
    actions,
    reader,
    router,
    gazetteer,
    calendar,
    clock,
    close: () => store.close(),
  };
}

/** Runs `run` on a freshly opened app and closes it after: one CLI command's lifetime. */
export function withApp<T>(openApp: () => App, run: (app: App) => T): T {
  const app = openApp();
  try {
    return run(app);
  } finally {
    app.close();
  }
}
