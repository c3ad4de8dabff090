// The dialog engine: platform-independent. In: who wrote and what (text, a choice, an attachment).
// Out: replies, the expected answer, the case logged or shown, effects. The session, the case and
// its ledger events are written in one transaction, so a crash leaves either all or nothing.
import { whereAfterName } from "../triage/name-tail.js";
import { voiceTypingFixed } from "../triage/normalize.js";
import type { Locale } from "../config.js";
import { SUPPORTED_LOCALES } from "../config.js";
import { formatCaseId } from "../cases/case-id.js";
import type { WorkingCalendar } from "../cases/deadlines.js";
import { CaseLedger } from "../cases/ledger.js";
import type { CaseActions } from "../cases/case-actions.js";
import type { Store } from "../db/open.js";
import { localeFromLanguageCode, translator } from "../i18n.js";
import type { MessageReading } from "../triage/reading.js";
import {
  isOwnership,
  isProjectKind,
  isQuestionToBot,
  isSector,
  isStoryTalk,
  leadingName,
  parseAmountAnswer,
  parseHeadcountAnswer,
  parseNameAnswer,
  parsePhoneAnswer,
  parseSinceAnswer,
  type AnswerResult,
} from "./answers.js";
import { parseCommand, type Command } from "./commands.js";
import { detectCorrectionCue, factOfValue, type Correction } from "./corrections.js";
import {
  FACTS_WITHOUT_DONT_KNOW,
  OPTIONAL_FACTS,
  editableFacts,
  emptyFacts,
  factsToAsk,
  FACT_NAMES,
  hasFact,
  isPerson,
  nextMissingFact,
  type FactName,
} from "./facts.js";
import { classifyDraft, fileCase, ownShareTold } from "./filing.js";
import { guardText, isDontKnow, isNo, isSkip, isYes } from "./input-guard.js";
import { personNameAt } from "../triage/person-names.js";
import { readShares } from "../triage/shares.js";
import type { Clock, ComplaintReader, ComplaintRouter } from "./ports.js";
import { askFact, owesWages } from "./questions.js";
import { editChoices, factLabel, factValue, formatHeadcount, formatYuan, summaryChoices, summaryText } from "./render.js";
import { isBarePlatform, platformStationIn, readWorkplace } from "../triage/project.js";
import { speaksOfDomesticWork } from "../triage/sector.js";
import { extremeActionKind, speaksOfExtremeAction, speaksOfGroupProtest, speaksOfNonLabourDebt, speaksOfViolence } from "../triage/classify.js";
import { processQuestion, processQuestions, questionsInStory } from "./faq.js";
import { afterCaseIntent, asksConfidentiality, numbersOnly, opensAnotherComplaint, ownPhoneIn, ownLabelledPhoneIn, theirPhoneIn, saysSomethingOwed } from "./after-case.js";
import { languageOfText } from "./language.js";
import type { AttachmentInput, Draft, Session } from "./session.js";
import { OwnCaseReplies } from "./own-case.js";
import { SessionStore } from "./session-store.js";
import { answerMyCases, answerStatus, completesStatusQuery, mayView } from "./status.js";
import { Turn, type Choice, type Effect, type Reply } from "./turn.js";
import {
  AMOUNT_IS_MINE,
  AMOUNT_IS_TOTAL,
  ANOTHER_MATTER,
  BUSINESS_NAME,
  CHANGED_MIND,
  CONFIDENTIALITY_QUESTION,
  CORRECTION_OPENING,
  DISTRICT_UNKNOWN,
  EN_NAME_LEAD,
  EN_NAME_NOT_KNOWN,
  EVIDENCE_LABEL,
  EVIDENCE_LABEL_LENGTH,
  FIRM_BY_ROLE,
  FIRST_MESSAGE_CORRECTABLE,
  GENERIC_SITE,
  HAN,
  IMPATIENT,
  LANGUAGE_ASKED,
  LEAD_NAMED,
  NAME_THEN_ROLE,
  GOES_BY,
  WORKPLACE_NAMED,
  LEAD_ROLE_IN_PIECE,
  NAMES_UNKNOWN,
  NO_NAME_AT_ALL,
  ONLY_ME,
  ON_BEHALF,
  PAY_FIGURE,
  PAY_IN_PIECE,
  PER_HEAD_ANSWER,
  PINYIN_CHAT,
  PLACE_HEDGE,
  RATE_ANSWER,
  SAME_MATTER,
  SAYS_NO_WAGES_OWED,
  SITE_ENDING,
  STILL_COMPLAINING,
  STORY_WORDS,
  SURNAME_ONLY,
  THANKS_EMOJI,
  THUMBS_UP,
  TOTAL_UNKNOWN,
  TOWN_PIECE,
  TRADE_ONLY_ANSWER,
  UNNAMED_WORKPLACE,
  VAGUE_SITE,
  WANTS_IT_FILED,
  WORKPLACE_NAME_UNKNOWN,
  leadNamed,
  namedAsBusiness,
  namesDiffer,
  onlyPlaceNames,
  selfCorrections,
  soundsLikeOwnShare,
  mayBeOwnShare,
  tellsOwnSum,
  withoutLeadingPlaces,
} from "./phrases.js";

export type TurnMessage =
  /** `forwarded`: someone else's words passed on (the boss's chat), never read as the worker's answers. */
  | { kind: "text"; text: string; forwarded?: boolean }
  | { kind: "choice"; id: string }
  /** `moreOfBatch`: one more file of several sent at once (an album): kept without a reply of its own. */
  | { kind: "attachment"; attachment: AttachmentInput; moreOfBatch?: boolean }
  /** Something the channel cannot pass on (a sticker, a location): the worker is asked for words. */
  | { kind: "unreadable" };

export interface TurnInput {
  /** "local", "telegram", … — part of the user key and where notifications go back to. */
  channel: string;
  userId: string;
  /** Platform language hint ("zh-hans", "en-US") for a worker who has not chosen one. */
  languageCode?: string;
  message: TurnMessage;
}

/** Words that put a figure right or tell one: what a message about an earlier complaint may be. */
const ABOUT_A_FIGURE = /说错|写错|不对|其实|不是|更正|[\d一二两三四五六七八九十][千万]/;
/** Facts said back when they come with another answer ("记下了：…"). */
const SAID_BACK: readonly FactName[] = ["project", "employer", "amount", "headcount"];
/** A count's characters: "四五十个", "12人" — where words alone ("我自己") say whose, not how many. */
const COUNT_CHARACTER = /[\d一二两俩仨三四五六七八九十百几]/;
/** A site or workplace spoken of, named or not. */
const SITE_WORD = /工地|小区|项目|厂|店|公司/;
// "厂名", "店名": the name of the workplace, which off a site is often the firm that owes.
const WORKPLACE_NAME_WORD = /厂名|厂子名|店名|厂的名字|店的名字/;
/** How long a cancelled draft can be brought back by a change of mind. */
const CANCELLED_KEPT_MS = 24 * 3_600_000;
/** The care said first, by what the worker spoke of doing. */
const EXTREME_REPLY = { self: "logged.extremeRisk", others: "logged.harmOthers", protest: "intake.protestNoted" } as const;
/** Questions whose answers are typed words: a question back or a line of the story is not taken for one. */
/** Words of thanks, as against a bare nod ("嗯", "好的"). */
const THANKS_WORD = /谢|感谢|辛苦|麻烦|thank|thx/i;
const TALK_CHECKED_FACTS: readonly FactName[] = ["place", "project", "employer", "amount", "headcount"];
const FACTS_NOT_NAMES: readonly FactName[] = ["amount", "headcount", "place"];

export interface TurnResult {
  replies: Reply[];
  /** The fact the next answer is read as, "confirm", or null. */
  expecting: string | null;
  caseId: string | null;
  effects: Effect[];
  locale: Locale;
}

/** A slower reader (a language model) consulted before the turn's transaction, never inside it. */
export interface PreReader {
  read(text: string): Promise<MessageReading | null>;
}

export interface EngineOptions {
  store: Store;
  preReader?: PreReader;
  /** Case actions a worker triggers (answering an officer's question, the follow-up). */
  actions?: CaseActions;
  reader: ComplaintReader;
  router: ComplaintRouter;
  calendar: WorkingCalendar;
  defaultLocale: Locale;
  maxMessageChars: number;
  maxAttachmentBytes: number;
  maxDraftAttachments?: number;
  clock?: Clock;
}

export { type Choice, type Reply, type Effect };

/** The workplace in "在X当/做/干…" ("在饭店当服务员" → "饭店"), or null. */
export function workplaceOf(text: string): string | null {
  const match = text.trim().match(/^在(.{2,40}?)(当|做|干|打工|上班|工作)/);
  return match?.[1]?.trim() ?? null;
}

export function userKeyOf(channel: string, userId: string): string {
  return `${channel}:${userId}`;
}

export class DialogEngine {
  private readonly ledger: CaseLedger;
  private readonly sessions: SessionStore;
  private readonly clock: Clock;

  constructor(private readonly options: EngineOptions) {
    this.ledger = new CaseLedger(options.store.db);
    this.sessions = new SessionStore(options.store.sqlite);
    this.clock = options.clock ?? { now: () => Date.now() };
    this.turnTransaction = options.store.sqlite.transaction((input: TurnInput, userKey: string) => this.turnBody(input, userKey)).immediate;
    this.ownCase = new OwnCaseReplies({
      ledger: this.ledger,
      actions: options.actions,
      timeZone: options.calendar.timeZone,
      divisionLabel: (code) => options.reader.divisionLabel(code),
      read: (text) => this.read(text),
      repeatQuestion: (turn) => this.repeatQuestion(turn),
      queryStatus: (turn, caseId, accessCode) => this.queryStatus(turn, caseId, accessCode),
      firstHint: (turn, hint, caseId) => this.firstHint(turn, hint, caseId),
    });
  }

  /** What a worker says about a complaint already logged. */
  private readonly ownCase: OwnCaseReplies;

  // A turn reads the same text for several facts; the last reading is kept (readings are pure).
  private lastRead: { text: string; reading: MessageReading } | undefined;

  /** Set only during a synchronous turn: the pre-reader's reading of this turn's text. */
  private turnPreRead: { text: string; reading: MessageReading } | undefined;

  private read(text: string): MessageReading {
    if (this.turnPreRead?.text === text) return this.turnPreRead.reading;
    if (this.lastRead?.text === text) return this.lastRead.reading;
    const reading = this.options.reader.read(text);
    this.lastRead = { text, reading };
    return reading;
  }

  /**
   * The turn for channels: asks the pre-reader (if any) about free text first, outside any
   * transaction, then runs the turn. Without a pre-reader it is `handle` itself.
   */
  async handleTurn(input: TurnInput): Promise<TurnResult> {
    return this.handle(input, await this.preRead(input));
  }

  /**
   * The pre-reader's reading of a free-text message, for a channel that runs `handle` inside a
   * transaction of its own. Undefined when there is no pre-reader, nothing to read, or it failed —
   * the rules then answer, and the worker is told nothing about it.
   */
  async preRead(input: TurnInput): Promise<{ text: string; reading: MessageReading } | undefined> {
    const preReader = this.options.preReader;
    if (!preReader || input.message.kind !== "text") return undefined;
    const guarded = guardText(input.message.text, this.options.maxMessageChars);
    if (guarded.kind !== "ok" || parseCommand(guarded.text)) return undefined;
    try {
      const reading = await preReader.read(guarded.text);
      return reading ? { text: guarded.text, reading } : undefined;
    } catch {
      return undefined;
    }
  }

  handle(input: TurnInput, preRead?: { text: string; reading: MessageReading }): TurnResult {
    this.turnPreRead = preRead;
    try {
      return this.runTurn(input);
    } finally {
      this.turnPreRead = undefined;
    }
  }

  /**
   * One turn's transaction, made once: better-sqlite3 builds four wrapper functions per transaction()
   * call, which cost a turn more than its BEGIN did.
   */
  private readonly turnTransaction: (input: TurnInput, userKey: string) => Turn;

  private turnBody(input: TurnInput, userKey: string): Turn {
    const session = this.sessions.load(userKey);
    const locale = this.localeOf(session, input);
    const turn = new Turn(session, translator(locale), locale, userKey, input.channel, this.clock.now());
    this.dispatch(turn, input.message);
    this.sessions.save(userKey, turn.session, turn.now);
    return turn;
  }

  /**
   * The language of the replies: the one chosen with /lang; else the language the worker writes in
   * (remembered for their answers in numbers and buttons); else the platform's hint.
   */
  private localeOf(session: Session, input: TurnInput): Locale {
    if (session.locale && !session.localeDetected) return session.locale;
    const written = input.message.kind === "text" ? languageOfText(input.message.text, session.locale) : null;
    if (written) {
      session.locale = written;
      session.localeDetected = true;
      return written;
    }
    return session.locale ?? localeFromLanguageCode(input.languageCode, this.options.defaultLocale);
  }

  private runTurn(input: TurnInput): TurnResult {
    const userKey = userKeyOf(input.channel, input.userId);
    const turn = this.turnTransaction(input, userKey);
    const draft = turn.session.draft;
    return {
      replies: turn.replies,
      expecting: draft?.expecting === "editChoice" ? "confirm" : (draft?.expecting ?? null),
      caseId: turn.caseId,
      effects: turn.effects,
      locale: turn.locale,
    };
  }

  private dispatch(turn: Turn, message: TurnMessage): void {
    // A status query's missing part is taken from the very next message only.
    const pendingStatus = turn.session.pendingStatus;
    turn.session.pendingStatus = null;
    if (pendingStatus && message.kind === "text") {
      const completion = completesStatusQuery(pendingStatus, message.text);
      if (completion) {
        this.queryStatus(turn, completion.caseId, completion.accessCode);
        return;
      }
    }
    switch (message.kind) {
      case "choice":
        this.onChoice(turn, message.id);
        return;
      case "attachment":
        this.onAttachment(turn, message.attachment, message.moreOfBatch ?? false);
        return;
      case "unreadable":
        turn.say(turn.t("badInput.unreadable"));
        this.repeatQuestion(turn);
        return;
      case "text":
        if (message.forwarded) this.onForwarded(turn, message.text);
        else this.onText(turn, message.text);
        return;
    }
  }

  /**
   * A forwarded message (the boss's "再等等，下个月一定给"): evidence of the story, kept in its words for the
   * officer, never taken for an answer. Before any complaint it waits for the one told next; after
   * filing it is passed on to the officer of the worker's latest case.
   */
  private onForwarded(turn: Turn, raw: string): void {
    const guarded = guardText(raw, this.options.maxMessageChars);
    if (guarded.kind !== "ok") {
      turn.say(turn.t(`badInput.${guarded.kind}`, { limit: "limit" in guarded ? guarded.limit : 0 }));
      this.repeatQuestion(turn);
      return;
    }
    const text = turn.t("forward.marker", { text: guarded.text });
    // "再闹就找人收拾你": a threat forwarded is a threat; 110 first.
    if (speaksOfViolence(guarded.text)) turn.say(turn.t("logged.violence"));
    const draft = turn.session.draft;
    if (draft) {
      if (!draft.narrative.includes(text)) draft.narrative.push(text);
      this.reclassify(draft);
      turn.say(turn.t("forward.keptForDraft"));
      this.repeatQuestion(turn);
      return;
    }
    const own = this.ledger.listByFiler(turn.userKey, 1)[0];
    if (own && this.options.actions) {
      this.options.actions.workerAddedInfo(own.id, text, turn.userKey, turn.channel);
      turn.caseId = own.id;
      turn.say(turn.t("forward.passedOn", { id: formatCaseId(own.id) }));
      return;
    }
    turn.session.forwarded = [...turn.session.forwarded, text].slice(-10);
    turn.say(turn.t("forward.keptBeforeStory"));
  }

  // ── text ────────────────────────────────────────────────────────────────────────────────────

  private onText(turn: Turn, raw: string): void {
    // 👍 / 👌 at the summary is a yes in chat; elsewhere it means as little as any emoji.
    if (THUMBS_UP.test(raw.trim()) && turn.session.draft?.expecting === "confirm") {
      this.confirm(turn, turn.session.draft);
      return;
    }
    // 👍 with no complaint being written: a thank-you.
    if ((THUMBS_UP.test(raw.trim()) || THANKS_EMOJI.test(raw.trim())) && !turn.session.draft && this.ownCase.answerAboutOwnCase(turn, raw.trim())) return;
    const guarded = guardText(raw, this.options.maxMessageChars);
    if (guarded.kind !== "ok") {
      turn.say(turn.t(`badInput.${guarded.kind}`, { limit: "limit" in guarded ? guarded.limit : 0 }));
      this.repeatQuestion(turn);
      return;
    }
    // "老版", "包工投", "公资": voice input's spellings of the role and pay words are read as those words
    // by every pattern of the dialog, as by the reader (and kept so in the worker's words).
    let text = voiceTypingFixed(guarded.text);
    const command = parseCommand(text);
    // The answer to an officer's question is for one message only; a command cancels it.
    const answering = turn.session.answeringCaseId;
    turn.session.answeringCaseId = null;
    if (command) {
      this.onCommand(turn, command, text);
      return;
    }
    // "想了想还是要投诉" after cancelling: the complaint just dropped comes back where it was.
    const cancelled = turn.session.cancelledDraft;
    if (cancelled && !turn.session.draft) {
      turn.session.cancelledDraft = null;
      if (turn.now - cancelled.at < CANCELLED_KEPT_MS && (CHANGED_MIND.test(text) || STILL_COMPLAINING.test(text) || WANTS_IT_FILED.test(text.trim()))) {
        turn.session.draft = cancelled.draft;
        turn.say(turn.t("intake.resumed"));
        this.advance(turn, cancelled.draft);
        return;
      }
    }
    // "我快活不下去了", "再不给就去跳楼": safety before anything else, in this very reply — and kept in the
    // story being written, so that the case is escalated when it is logged.
    const extreme = speaksOfExtremeAction(text);
    // "老板打我", "他把我身份证扣了" while a complaint is written: 110 now, and kept in the story.
    const writing = turn.session.draft;
    const violence = !extreme && writing !== null && speaksOfViolence(text);
    // "我们明天要去仓库门口拉横幅" while a question waits: answered with care, kept in the story (the officer
    // reads it first among the reasons: 防止群体性事件), and the question comes again.
    if (writing && !extreme && !violence && !answering && speaksOfGroupProtest(text)) {
      turn.say(turn.t("intake.protestNoted"));
      if (!writing.narrative.includes(text)) writing.narrative.push(text);
      this.reclassify(writing);
      const asked = writing.expecting;
      if (asked === null || asked === "confirm" || asked === "editChoice" || !this.answerParses(writing, asked, text)) {
        this.repeatQuestion(turn);
        return;
      }
    }
    if (extreme || violence) {
      const kind = extreme ? extremeActionKind(text) : null;
      // A protest planned after filing: the complaint is in hand already, there is nothing to "log first".
      turn.say(turn.t(kind === null ? "logged.violence" : kind === "protest" && !writing ? "afterCase.protestCalm" : EXTREME_REPLY[kind]));
      if (writing && !writing.narrative.includes(text)) writing.narrative.push(text);
      if (writing && violence) this.reclassify(writing);
      // While the place or a name is asked, or at the summary: no answer (never a name), the question again.
      const asked = writing?.expecting;
      if (writing && asked && !answering) {
        const answered =
          asked === "confirm" || asked === "editChoice"
            ? false
            : asked === "place"
              ? this.read(text).place.status !== "none" || this.options.reader.resolvePlaceAnswer(text).status !== "none"
              : asked !== "project" && asked !== "employer" && this.answerParses(writing, asked, text);
        // "老板叫刘强 他再不给我就弄死他": the name said with it is the answer all the same.
        const named = asked === "employer" ? this.read(text).employer : asked === "project" ? this.read(text).project : null;
        if (!answered && named !== null && (asked === "employer" || asked === "project")) {
          writing.facts[asked] = named;
          turn.say(this.changedLine(turn, writing, asked, true));
          this.reclassify(writing);
          this.advance(turn, writing);
          return;
        }
        if (!answered) {
          this.repeatQuestion(turn);
          return;
        }
      }
    }
    if (answering && (extreme || speaksOfViolence(text))) {
      // Not the answer to the officer's question: the officer hears it at once, and the question waits.
      this.ownCase.alertInsteadOfAnswer(turn, answering, text, extreme, extreme || violence);
      return;
    }
    if (answering) {
      this.ownCase.relayAnswer(turn, answering, text);
      return;
    }
    const draft = turn.session.draft;
    // "另外我在富士康上班，厂里也欠我8000" while this complaint is written: another complaint, which must not
    // overwrite this one's facts. The worker is told to finish this one first, or start afresh.
    // A fact is being asked (not the summary).
    const askingFact = draft !== null && draft.expecting !== "confirm" && draft.expecting !== "editChoice";
    if (askingFact && opensAnotherComplaint(text) && saysSomethingOwed(text)) {
      turn.say(turn.t("intake.anotherComplaint"));
      this.repeatQuestion(turn);
      return;
    }
    // "谢谢", "不方便" at a question: no name nor answer; thanks or a refusal acknowledged, the question again.
    // "嗯", "对头", "好的" with no thanks in it: a nod, which answers no open question — asked again, politely.
    const thanks = askingFact && afterCaseIntent(text) === "thanks";
    if (thanks || (askingFact && !OPTIONAL_FACTS.includes(draft.expecting as FactName) && isYes(text))) {
      const nod = !thanks || !THANKS_WORD.test(text);
      // At "is ¥30,000 everyone's or yours?" a nod is read below, as the sum's scope.
      if (!(nod && draft.expecting === "amount" && draft.amountScope === "asked")) {
        turn.say(turn.t(nod ? "problem.answerUnclear" : "intake.welcome"));
        this.repeatQuestion(turn);
        return;
      }
    }
    // "我电话139…" while another fact is asked: the worker's phone, kept; the question comes again.
    if (draft && draft.expecting !== "phone" && numbersOnly(text)) {
      const given = ownPhoneIn(text);
      // "他的电话138… 你们打他的" from someone writing for the one owed: the number to call.
      const theirs = given ? null : ON_BEHALF.test(draft.narrative.join("，")) ? theirPhoneIn(text) : null;
      if (given || theirs) {
        draft.facts.phone = given?.phone ?? theirs;
        turn.say(this.changedLine(turn, draft, "phone", true));
      } else if (!draft.narrative.includes(text)) {
        // Someone else's number: part of the story the officer reads.
        draft.narrative.push(text);
        turn.say(turn.t("intake.numberKept"));
      }
      this.repeatQuestion(turn);
      return;
    }
    // "怕老板知道": answered first; nothing of it is taken for a fact, and the question comes again.
    if (asksConfidentiality(text)) {
      turn.say(turn.t("privacy.assurance"));
      // A long story that also asks it: answered, and the story is read as usual.
      if (text.length <= CONFIDENTIALITY_QUESTION && !STORY_WORDS.test(text)) {
        if (draft) {
          turn.append(turn.t("privacy.cancelHint"));
          this.askAgainAfterAside(turn, draft);
        }
        return;
      }
    }
    // "还是说中文吧", "can we speak English": a language asked for in words, as /lang does.
    const asked = LANGUAGE_ASKED.find(([, pattern]) => pattern.test(text) && text.length <= 30);
    if (asked) {
      this.setLocale(turn, asked[0]);
      return;
    }
    // "需要什么材料", "要不要请律师": the process explained; the dialog goes on where it was.
    const faq = processQuestion(text);
    if (faq) {
      // "要多久？要啥材料？": each question answered.
      for (const key of processQuestions(text)) this.ownCase.answerProcessQuestion(turn, key);
      // "三万，啥时候能拿到", "在郑州金水区，什么时候能处理？": the answer before the question is taken too.
      // English words are spaced: "Hengli Electronics, how long…" ends its answer at the comma.
      const answer = draft?.expecting ? text.split(HAN.test(text) ? /[，,。；;\s]+/ : /[，,。；;.]+/)[0]?.trim() ?? "" : "";
      const expecting = draft?.expecting;
      if (!draft || !expecting || expecting === "confirm" || expecting === "editChoice" || answer === "" || answer === text.trim() || processQuestion(answer) !== null || !this.answerParses(draft, expecting as FactName, answer)) {
        if (draft) this.askAgainAfterAside(turn, draft);
        // Someone who has only asked so far is shown how to begin.
        else if (this.ledger.listByFiler(turn.userKey, 1).length === 0) turn.say(turn.t("intro.describe"));
        return;
      }
      text = answer;
    }
    if (draft && this.ownCase.answerOwnCaseMidDraft(turn, text)) return;
    if (!draft && turn.session.newComplaintAsked && !numbersOnly(text)) {
      // After /new: the complaint asked for, whatever cases the worker has.
      turn.session.newComplaintAsked = false;
      this.startDraft(turn, text);
      return;
    }
    if (!draft) {
      // A message sent before the question reached the worker (a terminal shows it with the next reply) is no answer.
      const awaiting = this.options.actions ? this.ledger.awaitingAnswerFrom(turn.userKey) : undefined;
      const waiting = awaiting && this.options.actions?.questionSeen(awaiting.id, turn.now) ? awaiting : undefined;
      const intent = waiting ? afterCaseIntent(text) : null;
      if (waiting && intent === "progress") {
        // "有进展吗" is not the answer to the officer's question, which still waits.
        this.ownCase.answerAboutOwnCase(turn, text);
        turn.say(turn.t("question.stillWaitingShort", { id: formatCaseId(waiting.id) }), [
          { id: `answer:${waiting.id}`, label: turn.t("question.answerButton") },
        ]);
        return;
      }
      if (waiting && this.options.actions && this.isAnotherComplaint(text, waiting.id)) {
        // A new complaint about someone else is not the answer: it is taken, and the question still waits.
        turn.say(turn.t("question.stillWaiting", { id: formatCaseId(waiting.id) }), [
          { id: `answer:${waiting.id}`, label: turn.t("question.answerButton") },
        ]);
        this.startDraft(turn, text);
        return;
      }
      if (waiting && this.options.actions && (extreme || speaksOfViolence(text))) {
        this.ownCase.alertInsteadOfAnswer(turn, waiting.id, text, extreme, extreme || violence);
        return;
      }
      if (waiting && this.options.actions) {
        // 需补充: an officer asked this worker something; this message is the answer.
        this.options.actions.workerReplied(waiting.id, text, turn.userKey, turn.channel);
        this.ownCase.keepPhoneFromAnswer(turn, waiting.id, text);
        turn.caseId = waiting.id;
        turn.session.currentCaseId = waiting.id;
        turn.say(turn.t("question.answerSent", { id: formatCaseId(waiting.id) }));
        return;
      }
      if (this.ownCase.answerAboutOwnCase(turn, text)) return;
      // Numbers before any story: the worker's own is kept for the complaint told next; anyone else's
      // alone opens nothing.
      if (numbersOnly(text)) {
        const given = ownPhoneIn(text);
        if (given) turn.session.pendingPhone = given.phone;
        turn.say(turn.t(given ? "intake.phoneKept" : "intro.describe", { phone: given?.phone ?? "" }));
        return;
      }
      this.startDraft(turn, text);
      return;
    }
    // "是的" / "同一件事" / "另一件" typed to "这次说的是同一件事吗？".
    if (draft.expecting === "confirm" && draft.similarAsked !== undefined && !draft.similarAnswered && this.options.actions) {
      if (ANOTHER_MATTER.test(text)) {
        draft.similarAnswered = true;
        this.confirm(turn, draft);
        return;
      }
      if (SAME_MATTER.test(text) || isYes(text)) {
        this.addToSimilar(turn, draft, draft.similarAsked);
        return;
      }
    }
    if (draft.expecting === "confirm" || draft.expecting === "editChoice") {
      // "还是投诉吧", "我要投诉": wanting the complaint filed is a yes to the summary.
      if ((isYes(text) || WANTS_IT_FILED.test(text.trim())) && draft.expecting === "confirm") {
        this.confirm(turn, draft);
        return;
      }
      if (isNo(text)) {
        this.offerEdit(turn, draft);
        return;
      }
    }
    if (this.deniesWagesOwed(turn, draft, text)) return;
    // "哦对了是开封祥符区", "祥符区" at the summary: a place alone puts the place right.
    const placeAlone = text.trim().replace(/^(?:哦|噢|对了|其实|应该|是在|是|在|[，,\s])+/, "").replace(/[。.!！\s]+$/, "");
    if (
      (draft.expecting === "confirm" || draft.expecting === "editChoice") &&
      placeAlone.length <= 12 &&
      onlyPlaceNames(placeAlone) &&
      this.options.reader.resolvePlaceAnswer(placeAlone).status === "found"
    ) {
      const before = draft.facts.place?.code;
      if (this.applyAnswer(turn, draft, "place", placeAlone, false) && draft.facts.place?.code !== before) {
        draft.narrative.push(text);
        turn.say(this.changedLine(turn, draft, "place"));
        this.reclassify(draft);
        this.advance(turn, draft);
        return;
      }
    }
    const correction = this.correctionIn(text, draft);
    // "刚才说错了 陈刚那边其实欠我两万五": a correction naming the boss of the worker's filed complaint,
    // not this one's, is news for that complaint's officer — this draft is left as it is.
    const earlier = correction || ABOUT_A_FIGURE.test(text) ? this.filedCaseNamedIn(turn, draft, text) : null;
    if (earlier !== null) {
      this.options.actions?.workerAddedInfo(earlier.id, text, turn.userKey, turn.channel, "correction");
      turn.say(turn.t("intake.correctionForFiled", { id: formatCaseId(earlier.id), employer: earlier.employer }));
      this.repeatQuestion(turn);
      return;
    }
    if (correction && (correction.valueText !== null || hasFact(draft.facts, correction.fact) || correction.fact !== draft.expecting)) {
      draft.narrative.push(text);
      // "记下了" for a fact given for the first time, "已改好" for one put right.
      const had = new Set(FACT_NAMES.filter((fact) => hasFact(draft.facts, fact)));
      if (correction.valueText && this.applyAnswer(turn, draft, correction.fact, correction.valueText, true)) {
        turn.say(this.changedLine(turn, draft, correction.fact, !had.has(correction.fact)));
        // "不对 一共三万六 老板是李总": every part is applied, or the worker is told which one was not.
        const missed: FactName[] = [];
        for (const further of correction.more) {
          if (further.valueText && this.applyAnswer(turn, draft, further.fact, further.valueText, false)) {
            turn.append(this.changedLine(turn, draft, further.fact, !had.has(further.fact)));
          } else if (!missed.includes(further.fact)) missed.push(further.fact);
        }
        if (missed.length > 0) turn.append(turn.t("intake.correctionPartMissed", { facts: missed.map((fact) => factLabel(turn.t, fact, draft)).join("、") }));
        // "包工头叫马有才 我电话是137…": the worker's own number, said with the name.
        const own = ownLabelledPhoneIn(text);
        if (own && draft.facts.phone !== own && !correction.more.some((m) => m.fact === "phone")) {
          draft.facts.phone = own;
          turn.append(this.changedLine(turn, draft, "phone", !had.has("phone")));
        }
        // "工地叫万科城 老板叫周强 欠我一万八": what else it says and is still missing is kept too.
        // (The sector it implies shows in the summary: no line of its own.)
        for (const fact of this.fillFromReading(draft, this.read(text))) {
          if (fact !== "sector" && fact !== "projectKind" && fact !== "ownership") turn.append(this.changedLine(turn, draft, fact, true));
        }
        this.reclassify(draft);
        this.advance(turn, draft);
      } else if (!correction.valueText) {
        // No value came with it: the fact is asked. (A value that did not read was answered and asked.)
        draft.expecting = correction.fact;
        this.ask(turn, correction.fact, draft);
      }
      return;
    }
    const expecting = draft.expecting;
    if (expecting && expecting !== "confirm" && expecting !== "editChoice") {
      // "不知道" to "is ¥30,000 everyone's or yours?": the sum they told is known; only its scope is not.
      if (expecting === "amount" && draft.amountScope === "asked" && this.saysDontKnow(draft, expecting, text)) {
        draft.narrative.push(text);
        this.settleAmountScope(turn, draft, "unsure");
        return;
      }
      // "It's the Qianhai tower project, I don't know the official name": the name it goes by is the answer.
      if ((expecting === "project" || expecting === "employer") && this.takesNameGoneBy(turn, draft, expecting, text)) return;
      // "不知道代工厂叫啥" where a count, a sum or a place was asked: the name is what is not known.
      // Taken as the answer to that name (the officer finds it), and the question comes again.
      const nameUnknown = this.unknownNameIn(draft, expecting, text);
      if (nameUnknown !== null) {
        draft.narrative.push(text);
        if (nameUnknown !== "neither" && !draft.settled.includes(nameUnknown)) draft.settled.push(nameUnknown);
        // Both names already told: the words are kept for the officer, nothing is changed.
        turn.say(turn.t(nameUnknown === "neither" ? "problem.storyNoted" : `dontKnow.${nameUnknown}`));
        this.repeatQuestion(turn);
        return;
      }
      // "修路的", "盖楼的" where the site was asked: the kind of works, not its name. The kind is taken
      // (a guessed 房建 gives way), and the site asked again.
      if (expecting === "project" && TRADE_ONLY_ANSWER.test(text.trim())) {
        draft.narrative.push(text);
        const kindBefore = draft.facts.projectKind;
        this.fillFromReading(draft, this.read(text));
        if (draft.facts.projectKind !== kindBefore && draft.facts.projectKind !== null) turn.say(this.changedLine(turn, draft, "projectKind", kindBefore === null));
        turn.append(turn.t("problem.projectIsWhere"));
        this.repeatQuestion(turn);
        return;
      }
      // "就我一个" where a name was asked: the worker answered who is owed; the name is asked again.
      if ((expecting === "employer" || expecting === "project") && text.length <= 16 && ONLY_ME.test(text) && !this.read(text).employer) {
        draft.narrative.push(text);
        const before = draft.facts.headcount;
        const clarify = turn.t(expecting === "employer" ? "problem.employerIsWho" : "problem.projectIsWhere");
        if (before?.min === 1 && before.max === 1) turn.say(clarify);
        else {
          draft.facts.headcount = { min: 1, max: 1 };
          draft.settled = draft.settled.filter((fact) => fact !== "headcount");
          turn.say(this.changedLine(turn, draft, "headcount", before === null));
          turn.append(clarify);
        }
        this.repeatQuestion(turn);
        return;
      }
      if (this.saysDontKnow(draft, expecting, text) || (OPTIONAL_FACTS.includes(expecting) && isSkip(text))) {
        // "厂名不记得了 老板姓韩" at the project question: the boss named with it is kept.
        const lead = expecting !== "employer" && draft.facts.employer === null ? LEAD_NAMED.exec(text) : null;
        if (lead) {
          draft.facts.employer = leadNamed(lead);
          draft.narrative.push(text);
          turn.say(this.changedLine(turn, draft, "employer", true));
        }
        // "不晓得叫啥 就是修路的": no name, but the kind of works, which replaces a guessed 房建.
        if (expecting === "project" && draft.projectKindGuessed && !draft.settled.includes("projectKind")) {
          const kind = this.read(text).projectKind;
          if (kind !== null && kind !== draft.facts.projectKind) {
            draft.facts.projectKind = kind;
            draft.projectKindGuessed = false;
            draft.narrative.push(text);
            turn.say(this.changedLine(turn, draft, "projectKind", true));
          }
        }
        this.settleUnknown(turn, draft, expecting);
        return;
      }
      // "是一共的", "只是我的": the sum's scope in words; a new figure is the total, taken as any amount answer.
      if (expecting === "amount" && draft.amountScope === "asked") {
        const scope = AMOUNT_IS_MINE.test(text) ? "own" : AMOUNT_IS_TOTAL.test(text) ? "total" : null;
        const figure = this.read(text).amountYuan;
        if (scope !== null && figure === null) {
          draft.narrative.push(text);
          this.settleAmountScope(turn, draft, scope);
          return;
        }
        // "四五十个吧" to "is ¥10,000 what 20–99 people are owed?": the count made closer; the question
        // stands, asked with it.
        const count = scope === null && figure === null && COUNT_CHARACTER.test(text) ? parseHeadcountAnswer(text, this.read(text).headcount) : null;
        if (count?.ok && count.value.max > 1) {
          draft.narrative.push(text);
          draft.facts.headcount = count.value;
          turn.say(this.changedLine(turn, draft, "headcount"));
          this.ask(turn, "amount", draft);
          return;
        }
        if (figure !== null) draft.amountScope = "total";
      }
      if (this.answersAnotherQuestion(turn, draft, expecting, text)) return;
      if (this.talksInsteadOfAnswering(turn, draft, expecting, text)) return;
      const taken = this.applyAnswer(turn, draft, expecting, text, true);
      if (!taken) return;
      draft.narrative.push(text);
      const alsoTold = this.fillFromReading(draft, this.read(text));
      // "包工头欠我工资" read as one person, then "大概四万多 十来个人" with the sum: the count told now is
      // the workers', not the one the first words implied — taken, and said back.
      const countTold = this.read(text).headcount;
      if (expecting !== "headcount" && !alsoTold.includes("headcount") && countTold !== null && countTold.max > 1 && draft.facts.headcount?.max === 1) {
        draft.facts.headcount = countTold;
        draft.settled = draft.settled.filter((fact) => fact !== "headcount");
        turn.say(this.changedLine(turn, draft, "headcount", true));
      }
      if (expecting === "place") {
        // "在牧野区那边 一个小区工地 叫啥名俺记不清了 老板姓王 俺们班组8个人…": what else it told is said back,
        // and a site whose name is said not known is not asked.
        for (const fact of alsoTold) if (fact !== "place" && SAID_BACK.includes(fact)) turn.say(this.changedLine(turn, draft, fact, true));
        if (draft.facts.project === null && NAMES_UNKNOWN.test(text) && SITE_WORD.test(text) && !draft.settled.includes("project")) draft.settled.push("project");
      }
      // "重庆渝北区 龙湖春森彼岸": the site named after the place is the project, when it is still missing.
      if (expecting === "place" && draft.facts.project === null && !draft.settled.includes("project")) {
        const site = this.siteAfterPlace(text, draft.facts.place?.code ?? null);
        if (site !== null) {
          draft.facts.project = site;
          turn.say(this.changedLine(turn, draft, "project", true));
        }
      }
      this.reclassify(draft);
      this.advance(turn, draft);
      return;
    }
    // Free text at the summary: more of the story. Take what it adds, then show the summary again.
    const reading = this.read(text);
    // "老板找人把我打了": safety first, at whatever point it is told.
    if (this.options.reader.classify(text, reading).reasons.some((r) => r.key === "triage:reason.violence")) {
      turn.say(turn.t("logged.violence"));
    }
    const filled = this.fillFromReading(draft, reading);
    draft.narrative.push(text);
    // "不对，这是加班费的事": more of the story can change what kind of problem it is.
    const categoryBefore = draft.category;
    this.reclassify(draft);
    if (draft.category !== categoryBefore) {
      turn.say(turn.t("summary.categoryChanged", { category: turn.t(`category.${draft.category}`) }));
      // "机械费里面有司机工资 我雇了两个司机 欠他们四万": the wages inside the project money are the
      // complaint now — their own sum and count, not the machine fee's.
      if (categoryBefore === "project_payment" && draft.category === "wage_arrears") {
        const had = new Set(FACT_NAMES.filter((fact) => hasFact(draft.facts, fact)));
        if (reading.amountYuan !== null && reading.amountYuan !== draft.facts.amountYuan) {
          draft.facts.amountYuan = reading.amountYuan;
          turn.append(this.changedLine(turn, draft, "amount", !had.has("amount")));
        }
        if (reading.headcount !== null && reading.headcount.max > 1) {
          draft.facts.headcount = reading.headcount;
          draft.settled = draft.settled.filter((fact) => fact !== "headcount");
          turn.append(this.changedLine(turn, draft, "headcount", !had.has("headcount")));
        }
      }
    }
    else if (filled.length === 0 && draft.expecting === "confirm") {
      // "我们有十二个老师", "俺们一伙八个人": more people than the summary says are owed, told in a short line.
      const count = reading.headcount;
      const current = draft.facts.headcount;
      if (count && count.max > 1 && text.length <= 24 && reading.amountYuan === null && (current === null || current.min !== count.min || current.max !== count.max)) {
        draft.facts.headcount = count;
        draft.settled = draft.settled.filter((fact) => fact !== "headcount");
        turn.say(this.changedLine(turn, draft, "headcount", current === null));
        this.reclassify(draft);
        this.advance(turn, draft);
        return;
      }
      // "7个人", "一万五": a bare value at the summary says which fact by its form.
      const bareFact = factOfValue(text);
      if ((bareFact === "headcount" || bareFact === "amount" || bareFact === "phone") && this.applyAnswer(turn, draft, bareFact, text, true)) {
        turn.say(this.changedLine(turn, draft, bareFact));
        this.advance(turn, draft);
        return;
      }
      // "他说好像是七万多": a sum alone, other than the summary's, is the sum now; the summary shows it
      // again for the worker to confirm.
      if (reading.amountYuan !== null && reading.amountYuan !== draft.facts.amountYuan && text.length <= 24 && reading.headcount === null && reading.employer === null) {
        if (this.applyAnswer(turn, draft, "amount", text, false)) {
          turn.say(this.changedLine(turn, draft, "amount"));
          this.advance(turn, draft);
          return;
        }
      }
      // "应该是碧桂园": something is wrong, but which fact cannot be told: ask which.
      if (detectCorrectionCue(text)) {
        this.offerEdit(turn, draft);
        return;
      }
      // Nothing new: the buttons again, not the whole summary once more (long on a phone). A whole story
      // told at a summary left waiting (a day later, another job) is told how to start afresh.
      const story = text.length >= 12 && saysSomethingOwed(text);
      // "要不要先去派出所开证明": a question with no answer here is told when it will be answered.
      if (!story && isQuestionToBot(text)) turn.say(turn.t("problem.questionLater"));
      turn.say(turn.t(story ? "confirm.pendingSummary" : "confirm.useButtons"), summaryChoices(turn.t, draft.category));
      return;
    }
    this.advance(turn, draft);
  }

  /**
   * Whether a message sent while an officer's question waits is a new complaint rather than the
   * answer: wages owed, with an employer or project other than the case's.
   */
  private isAnotherComplaint(text: string, caseId: string): boolean {
    // "另外我之前在富士康也被欠了3000": said to be another matter.
    if (opensAnotherComplaint(text) && saysSomethingOwed(text)) return true;
    const reading = this.read(text);
    // Officers mostly ask who is responsible and how to reach them: an answer naming "负责人马宏达"
    // names someone other than the case's employer, yet it is the answer. A new complaint tells a sum owed.
    if (reading.amountYuan === null) return false;
    if (!this.options.reader.classify(text, reading).isArrears) return false;
    const waiting = this.ledger.find(caseId);
    if (!waiting) return false;
    return namesDiffer(reading.employer, waiting.employer) || namesDiffer(reading.project, waiting.project);
  }

  /**
   * A correction in plain words: the fact named, or told by the value's form ("不对，是3个人"), or a
   * place ("不对，是在洛阳").
   */
  private correctionIn(text: string, draft: Draft): (Correction & { more: Correction[] }) | null {
    const facts = draft.facts;
    const cue = detectCorrectionCue(text, {
      project: facts.project,
      employer: facts.employer,
      place: facts.place ? `${facts.place.text} ${facts.place.name ?? ""}` : null,
    });
    if (!cue) return null;
    // "no the amount is wrong, 2 months so 30000 in total": no value right after the cue, but the
    // message reads one sum — that is the value.
    const valueText = cue.valueText ?? (cue.fact === "amount" && this.read(text).amountYuan !== null ? text : null);
    // "包工头叫马有才 电话是137…": the number told with who owes is theirs (it stays in the worker's words),
    // unless the worker calls it their own.
    const own = ownLabelledPhoneIn(text);
    const digits = (value: string | null) => (value ?? "").replace(/\D/g, "");
    const more = cue.fact === "employer" ? cue.more.filter((m) => m.fact !== "phone" || (own !== null && digits(m.valueText).endsWith(own.slice(-11)))) : cue.more;
    const placeNamed = valueText !== null && this.read(valueText).place.status !== "none";
    // "不对，是在新乡县的工地": the site is the same; where it is was wrong.
    if (cue.fact === "project" && placeNamed && valueText && GENERIC_SITE.test(this.withoutPlace(valueText))) {
      return { fact: "place", valueText, more };
    }
    // "厂名不对 是浪莎针织" where the firm that owes is "浪莎针织还是啥": the name shown as 欠钱的一方 is the one
    // meant, unless a workplace of its own is on the summary.
    const firm = facts.employer;
    if (
      cue.fact === "project" &&
      facts.project === null &&
      valueText !== null &&
      firm !== null &&
      WORKPLACE_NAME_WORD.test(text) &&
      personNameAt(firm) !== firm &&
      (firm.includes(valueText) || valueText.includes(firm) || firm.slice(0, 2) === valueText.slice(0, 2))
    ) {
      return { fact: "employer", valueText, more };
    }
    if (cue.fact) return { fact: cue.fact, valueText, more };
    if (placeNamed) return { fact: "place", valueText, more };
    // "机构叫 新东方 不是 是 新航道": the name put right is the one just read before the cue.
    for (const fact of ["employer", "project"] as const) {
      const known = facts[fact];
      if (valueText && known && text.includes(known) && !valueText.includes(known) && parseNameAnswer(valueText).ok) return { fact, valueText, more };
    }
    // "应该是万达广场": a name, told apart by how it reads.
    if (valueText) {
      const reading = this.read(valueText);
      if (reading.employer) return { fact: "employer", valueText, more };
      if (reading.project) return { fact: "project", valueText, more };
    }
    return null;
  }

  /** A site's name told with the place ("重庆渝北区 龙湖春森彼岸"), or null when the rest is no name. */
  private siteAfterPlace(text: string, placeCode: string | null = null): string | null {
    // The pieces that name no place ("重庆渝北区 龙湖春森彼岸" → "龙湖春森彼岸"); one piece, its words after the place.
    const pieces = text.trim().split(/[\s，,、]+/).filter((piece) => piece !== "");
    // "重庆 渝北": the county's short name, read as the place just taken, is no site.
    const namesThePlace = (piece: string): boolean => {
      if (placeCode === null || piece.length > 4) return false;
      const resolved = this.options.reader.resolvePlaceAnswer(piece);
      return resolved.status === "found" && resolved.division.code === placeCode;
    };
    const named = pieces.length > 1
      ? pieces
          // Place names alone ("重庆渝北区", "邗江区"), not a name that holds one ("龙湖春森彼岸": 龙湖区).
          .filter((piece) => !onlyPlaceNames(piece.replace(/^在/, "")) && !TOWN_PIECE.test(piece) && !namesThePlace(piece))
          .join(" ")
      : withoutLeadingPlaces(text.trim().replace(/^在/, ""));
    const rest = named.replace(/^[的，,\s]+|[，,。！!\s]+$/g, "").replace(PLACE_HEDGE, "");
    // "南京的鼓楼区", "好像是在合肥": the rest is the place itself, no site.
    if (onlyPlaceNames(rest)) return null;
    // Pinyin places ("Shenzhen Nanshan district") are read elsewhere; English words are no site here.
    if (/[A-Za-z]/.test(rest)) return null;
    if (rest.length < 2 || PAY_IN_PIECE.test(rest) || isStoryTalk(rest) || isQuestionToBot(rest) || GENERIC_SITE.test(rest) || VAGUE_SITE.test(rest)) return null;
    const reading = this.read(rest);
    if (reading.employer !== null || reading.headcount !== null) return null;
    if (reading.project !== null) return reading.project;
    const parsed = parseNameAnswer(workplaceOf(rest) ?? rest);
    return parsed.ok && personNameAt(parsed.value) !== parsed.value ? parsed.value : null;
  }

  /** The text without the place it names ("在新乡县的工地" → "的工地"). */
  private withoutPlace(text: string): string {
    const place = this.read(text).place;
    const matched = place.status === "found" ? place.division.name : "";
    const named = place.status === "found" ? (text.includes(place.matched) ? place.matched : matched) : "";
    return (named ? text.replace(named, "") : text).replace(/^在/, "").trim();
  }

  private startDraft(turn: Turn, told: string): void {
    // The place sent alone before the story ("在郑州市中原区", then "一个饭店欠我工资") is part of it.
    const pendingPlace = turn.session.pendingPlace;
    turn.session.pendingPlace = null;
    const text = pendingPlace !== null && this.read(told).place.status === "none" ? `${pendingPlace}，${told}` : told;
    const reading = this.read(text);
    const classification = this.options.reader.classify(text, reading);
    // "我" alone reads as a headcount of one: not yet a story.
    const foundSomething =
      reading.project || reading.employer || reading.amountYuan !== null || (reading.headcount && reading.headcount.max > 1) || reading.sector;
    // A greeting or a few stray characters: explain what the bot does instead of opening a form.
    const noStory = !/\p{Script=Han}/u.test(text) && !/(wage|salary|pay|paid|owe|boss|work|employer|company|injur|insurance)/i.test(text);
    if (!foundSomething && classification.category === "not_labor" && (text.length < 15 || noStory)) {
      if (reading.place.status === "found" && text.length <= 20) {
        turn.session.pendingPlace = text.trim();
        turn.say(turn.t("intake.placeKeptForStory", { place: this.options.reader.divisionLabel(reading.place.division.code) }));
        return;
      }
      // "laoban qian wo gongzi": Chinese typed in pinyin, which the reader cannot read.
      turn.say(turn.t(PINYIN_CHAT.test(text) ? "intro.pinyin" : "intro.describe"));
      return;
    }
    // "我们明天去拉横幅" in the first story: answered with care first (防止群体性事件), then the story is read.
    if (speaksOfGroupProtest(text) && !speaksOfExtremeAction(text)) turn.say(turn.t("intake.protestNoted"));
    const draft: Draft = {
      facts: emptyFacts(),
      settled: [],
      // Messages forwarded before the story belong to it, after the worker's own words.
      narrative: [text, ...turn.session.forwarded],
      category: classification.category,
      expecting: null,
      placeCandidates: [],
      attachments: [],
      startedAt: turn.now,
    };
    this.fillFromReading(draft, reading);
    // "还是周红兵那个包工头 昆山花桥 绿地云都会": the names of the worker's own earlier complaint, told again,
    // are known — not asked for a second time (the summary then asks whether it is the same matter).
    for (const row of this.ledger.listByFiler(turn.userKey, 5)) {
      for (const fact of ["employer", "project"] as const) {
        const named = row[fact];
        if (draft.facts[fact] === null && named !== null && named.length >= 2 && text.includes(named)) draft.facts[fact] = named;
      }
    }
    // "在昆明五华区 不是五华 是盘龙区", "老板是张三 不对 是李四", "owes me 12000, sorry I mean 15000": the
    // story puts itself right; the value it ends with stands.
    for (const corrected of selfCorrections(text)) {
      const correction = this.correctionIn(corrected, draft);
      for (const fix of correction ? [correction, ...correction.more] : []) {
        if (fix.valueText && FIRST_MESSAGE_CORRECTABLE.includes(fix.fact)) this.applyAnswer(turn, draft, fix.fact, fix.valueText, false);
      }
    }
    // "十几个人 每人三千多": the share is kept for the sum, once the count is known.
    if (draft.facts.amountYuan === null) draft.perHeadYuan = this.perHeadShareIn(text) ?? undefined;
    else {
      // "5个人 每人八千" read as ¥40,000: the share is kept, so that "是6个人" remakes the sum.
      const share = this.perHeadShareIn(text, true);
      const count = draft.facts.headcount;
      if (share !== null && count !== null && count.min === count.max && share * count.min === draft.facts.amountYuan) {
        draft.perHeadYuan = share;
        draft.perHeadTotalYuan = draft.facts.amountYuan;
      }
    }
    // Off a building site, or in no trade named yet ("我在宝龙城市广场干活"), the "project" is the workplace:
    // "我在深圳龙华富士康当普工" is not asked again. (The reader keeps project for construction, as the
    // labelled set defines it.)
    if (draft.facts.project === null && draft.facts.sector !== "construction") {
      draft.facts.project = readWorkplace(text);
      // "恒发电器厂欠我8000": the factory that owes is where the work was; it is not asked for again.
      // "雇主李姐欠我": a nanny's workplace is her employer's home.
      if (
        draft.facts.project === null &&
        draft.facts.employer !== null &&
        (BUSINESS_NAME.test(draft.facts.employer) || speaksOfDomesticWork(text) || namedAsBusiness(text, draft.facts.employer))
      ) {
        draft.facts.project = draft.facts.employer;
      }
    }
    if (draft.facts.phone === null && turn.session.pendingPhone) draft.facts.phone = turn.session.pendingPhone;
    turn.session.pendingPhone = null;
    turn.session.draft = draft;
    turn.session.forwarded = [];
    turn.session.currentCaseId = null;
    turn.session.newComplaintAsked = false;
    // Safety first: told of 110 now, not only once the complaint is logged.
    if (classification.reasons.some((r) => r.key === "triage:reason.violence")) turn.say(turn.t("logged.violence"));
    const known = factsToAsk(draft.category, draft.facts).filter((fact) => hasFact(draft.facts, fact));
    turn.say(known.length > 0 ? turn.t("intake.understood", { count: known.length }) : turn.t("intake.start"));
    // "我帮我爸问的 他在…": the questions say 您; the writer is told they mean the one owed.
    if (ON_BEHALF.test(text)) turn.say(turn.t("intake.onBehalf"));
    // "…欠我们12万 要多久能拿到钱？要啥材料？": what the story asks is answered before the next question.
    for (const key of questionsInStory(text)) turn.say(turn.t(key));
    this.advance(turn, draft);
  }

  /**
   * Workers answer what is on their mind, not always what was asked: a district given when the project
   * was asked ("牧野区"), the boss's name when the amount was asked ("老板叫张伟"), the workplace when the
   * employer was asked ("在饭店当服务员"). Such an answer fills the fact it is about, and the question
   * comes again; true when that happened.
   */
  private answersAnotherQuestion(turn: Turn, draft: Draft, expecting: FactName, text: string): boolean {
    const reading = this.read(text);
    const known = new Set(FACT_NAMES.filter((fact) => hasFact(draft.facts, fact)));
    const filled: FactName[] = [];
    if (expecting === "place") {
      // "欠了俺三万二" at the place question: the amount is kept, and the place asked again.
      if (reading.place.status !== "none" || this.options.reader.resolvePlaceAnswer(text).status !== "none") return false;
      for (const fact of this.factsStated(reading, text)) {
        draft.settled = draft.settled.filter((name) => name !== fact);
        if (this.setStatedFact(draft, fact, reading)) filled.push(fact);
      }
      if (filled.length === 0) return false;
      draft.narrative.push(text);
      for (const fact of filled) turn.say(this.changedLine(turn, draft, fact, !known.has(fact)));
      this.reclassify(draft);
      draft.expecting = "place";
      this.ask(turn, "place", draft);
      return true;
    }
    // A bare place name: it refines the place, whatever was asked.
    if (reading.place.status === "found") {
      // "不对，是在洛阳": a correction replaces the place; otherwise only a more specific one does.
      const correcting = CORRECTION_OPENING.test(text);
      const bare = text
        .replace(CORRECTION_OPENING, "")
        .replace(/^(是在|在|是|就是|位于)/, "")
        .replace(/[的那边这边附近，。,.!！\s]/g, "");
      const current = draft.facts.place?.code ?? null;
      const division = reading.place.division;
      const moreSpecific =
        current === null || (current !== division.code && this.options.reader.divisionLabel(division.code).startsWith(this.options.reader.divisionLabel(current)));
      if (bare.length <= reading.place.matched.length + 1 && (moreSpecific || (correcting && current !== division.code))) {
        draft.facts.place = { text, code: division.code, name: division.name };
        draft.placeCandidates = [];
        filled.push("place");
      }
    }
    // "项目经理姓孙" at the project question: who is behind it, not the project's name.
    const lead = expecting !== "employer" ? LEAD_NAMED.exec(text) : null;
    // "老周 包工头" at the project question: who owes, said with his role.
    const namedLead = expecting !== "employer" && !lead ? NAME_THEN_ROLE.exec(text.trim())?.[1] : undefined;
    const leadName = lead ? leadNamed(lead) : namedLead !== undefined && personNameAt(namedLead) === namedLead ? namedLead : null;
    if (leadName !== null && filled.length === 0) {
      draft.facts.employer = leadName;
      draft.settled = draft.settled.filter((fact) => fact !== "employer");
      filled.push("employer");
      // "工地叫万科城 老板叫周强 欠我一万八": the rest of what it says is kept too, the name asked first.
      if (reading.project !== null && expecting === "project" && !hasFact(draft.facts, "project")) {
        draft.facts.project = reading.project;
        draft.settled = draft.settled.filter((fact) => fact !== "project");
        filled.unshift("project");
      }
      filled.push(...this.fillFromReading(draft, reading).filter((fact) => !filled.includes(fact)));
    }
    // "总包是中天建设" at the project question: the firm behind the site, not the site's name.
    const firm = expecting === "project" && filled.length === 0 ? FIRM_BY_ROLE.exec(text.trim()) : null;
    if (firm?.[1] && parseNameAnswer(firm[1]).ok) {
      draft.facts.employer = firm[1];
      draft.settled = draft.settled.filter((fact) => fact !== "employer");
      filled.push("employer");
    }
    if (filled.length === 0) {
      const parsesAsAsked = this.answerParses(draft, expecting, text);
      const workplaceForEmployer = expecting === "employer" && /^在/.test(text) && reading.employer === null;
      if (parsesAsAsked && !workplaceForEmployer) return false;
      // Facts this text clearly states replace what was known or answered "don't know" ("5个人" at
      // the sector question, after "欠我工资" had suggested one person): the worker says it now.
      for (const fact of this.factsStated(reading, text)) {
        if (fact === expecting) continue;
        draft.settled = draft.settled.filter((name) => name !== fact);
        if (this.setStatedFact(draft, fact, reading)) filled.push(fact);
      }
      // The fact asked, read from the story it came in ("…在香樟路那个小区干活，老板李四欠我们…"), is the answer too.
      filled.push(...this.fillFromReading(draft, reading).filter((fact) => !filled.includes(fact)));
      if (workplaceForEmployer && draft.facts.project === null) {
        const workplace = workplaceOf(text) ?? "";
        if (workplace.length >= 2) {
          draft.facts.project = workplace;
          filled.push("project");
        }
      }
      // "每人三千多" at another question: the share is kept for the sum, and the question asked again.
      const share = expecting !== "amount" && draft.facts.amountYuan === null ? this.perHeadShareIn(text) : null;
      if (share !== null) {
        draft.perHeadYuan = share;
        turn.say(turn.t("intake.perHeadNoted", { amount: formatYuan(share, turn.locale) }));
      }
      if (filled.length === 0 && !workplaceForEmployer && share === null) return false;
      // "建业天筑 老板孙大海 欠两万三" at the project question: the piece that is none of the others is
      // the name asked for.
      if ((expecting === "project" || expecting === "employer") && !hasFact(draft.facts, expecting)) {
        const name = this.namePieceIn(text, expecting);
        if (name !== null) {
          if (expecting === "project") draft.facts.project = name;
          else draft.facts.employer = name;
          draft.settled = draft.settled.filter((fact) => fact !== expecting);
          filled.unshift(expecting);
        }
      }
    }
    // "Meituan Nanshan station, manager is Mr Li": the station named beside who owes.
    const station = draft.facts.sector === "platform" && (draft.facts.project === null || isBarePlatform(draft.facts.project)) ? platformStationIn(text) : null;
    if (station !== null) {
      draft.facts.project = station;
      if (!filled.includes("project")) filled.push("project");
    }
    draft.narrative.push(text);
    for (const fact of filled) turn.say(this.changedLine(turn, draft, fact, !known.has(fact)));
    this.reclassify(draft);
    const next = nextMissingFact(draft.category, draft.facts, draft.settled);
    // "九个人" at the sum's question, each one's share known: the count makes the sum (advance does it).
    const counted = draft.facts.headcount;
    const countMakesSum = expecting === "amount" && draft.perHeadYuan !== undefined && counted !== null && counted.min === counted.max;
    // Asked again only while still missing: a several-fact answer that gave it goes on (to the summary).
    if (!countMakesSum && (next === expecting || (next === null && !hasFact(draft.facts, expecting)))) {
      // "在饭店后厨": where, not who — said so. A count or a sum noted says itself why the question comes again.
      draft.expecting = expecting;
      if (expecting === "employer" && !filled.some((fact) => fact === "headcount" || fact === "amount")) turn.say(turn.t("problem.employerIsWho"));
      this.ask(turn, expecting, draft);
    } else this.advance(turn, draft);
    return true;
  }

  /**
   * A question back ("要多久?", "你是谁") or a line of the story ("他说下个月给 结果一直拖", "老板不给钱")
   * where a name, a place or a figure was asked: not stored as the answer. A question is told it will
   * be answered by an officer; a line of the story is kept with it. The question is asked again.
   */
  private talksInsteadOfAnswering(turn: Turn, draft: Draft, expecting: FactName, text: string): boolean {
    if (!TALK_CHECKED_FACTS.includes(expecting)) return false;
    // "问这么多干嘛", "快点": impatience with the questions is answered with why they are asked.
    if (text.length <= 20 && IMPATIENT.test(text)) {
      turn.say(turn.t("problem.whyAsked"));
      draft.expecting = expecting;
      this.ask(turn, expecting, draft);
      return true;
    }
    const nameAsked = expecting === "project" || expecting === "employer";
    // "一个月工资四千八" where a name was asked: the pay, kept with the story; with what the story says
    // of the months owed ("扣着我一个月工资"), it may give the sum.
    if (nameAsked && RATE_ANSWER.test(text) && PAY_FIGURE.test(text) && !parseNameAnswer(text).ok) {
      draft.narrative.push(text);
      const sum = draft.facts.amountYuan === null ? this.read(draft.narrative.join("，")).amountYuan : null;
      if (sum !== null) {
        draft.facts.amountYuan = sum;
        turn.say(this.changedLine(turn, draft, "amount", true));
      } else turn.say(turn.t("problem.storyNoted"));
      draft.expecting = expecting;
      this.ask(turn, expecting, draft);
      return true;
    }
    // A figure or a place that reads as asked is the answer, whatever else is said with it.
    if (!nameAsked && this.answerParses(draft, expecting, text)) return false;
    // A name at the head of it is the answer; what follows goes with the story.
    if (nameAsked && leadingName(text) !== null && !this.namesOnlyAPlace(text)) return false;
    let problem: string;
    if (isQuestionToBot(text)) problem = "questionLater";
    // The whole story sent again where a name was asked ("我是包工头 老板张三欠我们…"): kept with the story,
    // never a name; what it names was taken above.
    else if (isStoryTalk(text) || (nameAsked && text.length >= 12 && saysSomethingOwed(text))) {
      problem = "storyNoted";
      draft.narrative.push(text);
      this.reclassify(draft);
    } else if (nameAsked && this.namesOnlyAPlace(text)) problem = expecting === "employer" ? "employerIsWho" : "nameUnreadable";
    else return false;
    turn.say(turn.t(`problem.${problem}`));
    draft.expecting = expecting;
    this.ask(turn, expecting, draft);
    return true;
  }

  /**
   * The one piece of a several-fact answer (split at spaces and commas) that names nothing else: no
   * figure, no count, no place, no person by role — and reads as a name.
   */
  private namePieceIn(text: string, fact: "project" | "employer"): string | null {
    // English words are spaced: "we are 12 teachers" is one piece, not four (and "teachers" no name).
    const pieces = text.split(HAN.test(text) ? /[\s，,、；;。]+/ : /[，,、；;。]+/).filter((piece) => piece.trim() !== "");
    if (pieces.length < 2) return null;
    const names: string[] = [];
    for (const piece of pieces) {
      const reading = this.read(piece);
      if (reading.amountYuan !== null || reading.headcount !== null || reading.place.status !== "none") continue;
      // A person's name ("孙大海") is who owes, never the site.
      // ("万科城" only looks like one: a site's name says what it is by how it ends.)
      if (fact === "project" && (reading.employer !== null || LEAD_ROLE_IN_PIECE.test(piece) || (personNameAt(piece) === piece && !SITE_ENDING.test(piece)))) continue;
      if (fact === "employer" && reading.project !== null) continue;
      if (isQuestionToBot(piece) || isStoryTalk(piece) || PAY_IN_PIECE.test(piece)) continue;
      const parsed = parseNameAnswer(piece);
      if (parsed.ok) names.push(parsed.value);
    }
    return names.length === 1 ? (names[0] as string) : null;
  }

  /**
   * "不知道" — unless a figure or a place comes with it ("具体的我不清楚，大概两万左右"): then that is the
   * answer, hedged.
   */
  private saysDontKnow(draft: Draft, fact: FactName, text: string): boolean {
    // "没有", "没得名字" to the site's name: there is none to give.
    if (fact === "project" && NO_NAME_AT_ALL.test(text.trim())) return true;
    if (!isDontKnow(text)) return false;
    // "厂名不记得了 老板姓韩" at the amount question: what is not known is another fact, said by name.
    if (FACTS_NOT_NAMES.includes(fact) && NAMES_UNKNOWN.test(text)) return false;
    if (fact === "employer" && (LEAD_NAMED.test(text) || SURNAME_ONLY.test(text))) return false;
    if (fact !== "amount" && fact !== "headcount" && fact !== "place") return true;
    const reading = this.read(text);
    const given = fact === "amount" ? reading.amountYuan !== null : fact === "headcount" ? reading.headcount !== null && reading.headcount.max > 1 : reading.place.status === "found";
    return !given;
  }

  /** "对 是卧龙区": a place (already asked) and words of assent, where a name was asked. */
  private namesOnlyAPlace(text: string): boolean {
    const place = this.read(text).place;
    if (place.status !== "found") return false;
    return text.replace(place.matched, "").replace(/[对是在就的那边这边嗯啊，,。.!！\s]/g, "").length <= 1;
  }

  /** Sets a fact the reading states, overwriting; true when the value changed. */
  private setStatedFact(draft: Draft, fact: FactName, reading: MessageReading): boolean {
    const facts = draft.facts;
    switch (fact) {
      case "project":
        if (reading.project === null || reading.project === facts.project) return false;
        facts.project = reading.project;
        return true;
      case "employer":
        if (reading.employer === null || reading.employer === facts.employer) return false;
        facts.employer = reading.employer;
        return true;
      case "amount":
        if (reading.amountYuan === null || reading.amountYuan === facts.amountYuan) return false;
        facts.amountYuan = reading.amountYuan;
        return true;
      case "headcount":
        if (reading.headcount === null || (facts.headcount?.min === reading.headcount.min && facts.headcount.max === reading.headcount.max)) return false;
        facts.headcount = reading.headcount;
        return true;
      default:
        return false;
    }
  }

  private factsStated(reading: MessageReading, text: string): FactName[] {
    const stated: FactName[] = [];
    if (reading.project) stated.push("project");
    if (reading.employer) stated.push("employer");
    if (reading.amountYuan !== null) stated.push("amount");
    // "我不知道", "老板就是不给我钱": the "我" of a sentence is no headcount of one; "就我一个" is.
    if (reading.headcount && (reading.headcount.max > 1 || ONLY_ME.test(text))) stated.push("headcount");
    return stated;
  }

  /** Whether `text` reads as an answer to `fact`, without changing anything. */
  private answerParses(draft: Draft, fact: FactName, text: string): boolean {
    const reading = this.read(text);
    switch (fact) {
      // A closed question typed to: the answer is there only if the reading finds it ("工地" → 建筑).
      case "sector":
        return reading.sector !== null || !this.factsStated(reading, text).length;
      case "project":
      case "employer":
        // "就我一个", "3万2" are not names, whatever their length.
        return parseNameAnswer(text).ok && reading.headcount === null && reading.amountYuan === null;
      case "place":
        return reading.place.status !== "none" || this.options.reader.resolvePlaceAnswer(text).status !== "none";
      case "amount":
        return parseAmountAnswer(text, reading.amountYuan).ok;
      case "headcount":
        return parseHeadcountAnswer(text, reading.headcount).ok;
      case "phone":
        return parsePhoneAnswer(text).ok;
      case "since":
        return parseSinceAnswer(text).ok;
      default:
        return true;
    }
  }

  /** Fills facts the draft does not have yet; returns the facts it filled. Never overwrites. */
  private fillFromReading(draft: Draft, reading: MessageReading): FactName[] {
    const facts = draft.facts;
    const filled: FactName[] = [];
    const take = <K extends keyof typeof facts>(key: K, value: (typeof facts)[K] | null, fact: FactName) => {
      if (value !== null && value !== undefined && facts[key] === null && !draft.settled.includes(fact)) {
        facts[key] = value;
        filled.push(fact);
      }
    };
    take("project", reading.project, "project");
    take("employer", reading.employer, "employer");
    take("amountYuan", reading.amountYuan, "amount");
    take("headcount", reading.headcount, "headcount");
    // A guessed sector (services, for "老板欠我工资") is asked instead: it decides the department.
    if (!reading.sectorGuessed) take("sector", reading.sector, "sector");
    if (facts.projectKind === null) {
      take("projectKind", reading.projectKind, "projectKind");
      if (facts.projectKind !== null) draft.projectKindGuessed = reading.projectKindGuessed === true;
    } else if (draft.projectKindGuessed && reading.projectKind !== null && reading.projectKind !== "housing" && !draft.settled.includes("projectKind")) {
      // "包工头欠我三万" read as 房建 for want of another kind, then "修路的": the kind said replaces the guess.
      facts.projectKind = reading.projectKind;
      draft.projectKindGuessed = false;
    }
    take("ownership", reading.ownership, "ownership");
    take("phone", reading.phone, "phone");
    take("since", reading.since, "since");
    if (facts.place?.code == null) {
      if (reading.place.status === "found") {
        const division = reading.place.division;
        facts.place = { text: reading.place.matched, code: division.code, name: division.name };
        draft.placeCandidates = [];
        filled.push("place");
      } else if (reading.place.status === "ambiguous") {
        draft.placeCandidates = reading.place.candidates.slice(0, 8).map((candidate) => ({
          code: candidate.code,
          name: candidate.name,
          label: this.options.reader.divisionLabel(candidate.code),
        }));
      }
    }
    return filled;
  }

  /**
   * "没有欠钱，是没交社保" in answer to a question about arrears: not an answer, but the story put right.
   * With what the matter is instead, the complaint becomes that matter (its own facts are asked, and
   * it is logged and referred like any other); with nothing more, the worker is told how to start again.
   */
  private deniesWagesOwed(turn: Turn, draft: Draft, text: string): boolean {
    if (draft.category !== "wage_arrears" || !SAYS_NO_WAGES_OWED.test(text)) return false;
    // What the matter is, read from the rest of the message ("不是欠工资" itself speaks of 欠工资).
    const rest = text.replace(SAYS_NO_WAGES_OWED, "，");
    const instead = this.options.reader.classify(rest, this.read(rest)).category;
    // The rest still speaks of wages owed: no denial after all; the answer is read as usual.
    if (instead === "wage_arrears") return false;
    // "不是工资 是借的钱" says what it is; a bare "不是欠工资" does not, and the worker is asked.
    if (instead === "not_labor" && !speaksOfNonLabourDebt(rest)) {
      turn.say(turn.t("intake.notArrearsWhatInstead"));
      return true;
    }
    draft.narrative.push(text);
    draft.workerSaysArrears = undefined;
    draft.workerSaysNotArrears = instead;
    this.reclassify(draft);
    turn.say(turn.t("summary.categoryChanged", { category: turn.t(`category.${draft.category}`) }));
    this.advance(turn, draft);
    return true;
  }

  private reclassify(draft: Draft): void {
    draft.category = classifyDraft(this.options.reader, draft).category;
  }

  /** Whether the place is known only as a city or province, and its county is still to be asked. */
  private placeTooCoarse(draft: Draft): boolean {
    const code = draft.facts.place?.code;
    return (
      code != null &&
      !draft.settled.includes("place") &&
      factsToAsk(draft.category, draft.facts).includes("place") &&
      this.options.reader.hasCounties(code)
    );
  }

  private ask(turn: Turn, fact: FactName, draft: Draft): void {
    if (fact === "amount" && draft.amountScope === "asked" && draft.facts.amountYuan !== null) {
      const count = formatHeadcount(draft.facts.headcount ?? { min: 1, max: 1 });
      turn.say(turn.t("ask.amountScope", { amount: formatYuan(draft.facts.amountYuan, turn.locale), count }), [
        { id: "amountScope:total", label: turn.t("choice.amountIsTotal", { count }) },
        { id: "amountScope:own", label: turn.t("choice.amountIsMine") },
        { id: "amountScope:unsure", label: turn.t("choice.amountScopeUnsure") },
      ]);
      return;
    }
    askFact(turn, fact, draft, fact === "place" && this.placeTooCoarse(draft));
  }

  /** The answer to "is the sum everyone's?": it is (kept), or it is the worker's own (the total is asked, not required). */
  private settleAmountScope(turn: Turn, draft: Draft, scope: "total" | "own" | "unsure"): void {
    draft.amountScope = scope;
    if (scope === "own") turn.say(turn.t("intake.amountOwnShare"));
    if (scope === "unsure" && draft.facts.amountYuan !== null) {
      turn.say(turn.t("intake.amountScopeUnsure", { amount: formatYuan(draft.facts.amountYuan, turn.locale) }));
    }
    this.advance(turn, draft);
  }

  /**
   * The name a "not known" speaks of, where a count, a sum or a place was asked ("不知道代工厂叫啥", "店名
   * 不记得了"): the employer's if it is missing, else the workplace's, else "neither" (both were told);
   * null when the text says something else, or answers what was asked.
   */
  private unknownNameIn(draft: Draft, expecting: FactName, text: string): "employer" | "project" | "neither" | null {
    if (!FACTS_NOT_NAMES.includes(expecting) || text.length > 24 || !NAMES_UNKNOWN.test(text) || this.answerParses(draft, expecting, text)) return null;
    if (draft.facts.employer === null && !draft.settled.includes("employer")) return "employer";
    if (draft.facts.project === null && !draft.settled.includes("project")) return "project";
    return "neither";
  }

  /** The worker's filed complaint whose employer the text names, when it is not this draft's; else null. */
  private filedCaseNamedIn(turn: Turn, draft: Draft, text: string): { id: string; employer: string } | null {
    // Only against another boss already named here: "陈刚 欠我三千" where the boss is asked names this one.
    if (draft.facts.employer === null) return null;
    for (const row of this.ledger.listByFiler(turn.userKey, 5)) {
      const employer = row.employer;
      if (employer === null || employer.length < 2 || !text.includes(employer)) continue;
      if (draft.facts.employer !== null && (draft.facts.employer.includes(employer) || employer.includes(draft.facts.employer))) continue;
      return { id: row.id, employer };
    }
    return null;
  }

  /** True the first time this hint is given about this case (and notes it); false afterwards. */
  private firstHint(turn: Turn, hint: string, caseId: string): boolean {
    const entry = `${hint}:${caseId}`;
    if (turn.session.hintsGiven.includes(entry)) return false;
    turn.session.hintsGiven = [...turn.session.hintsGiven, entry].slice(-12);
    return true;
  }

  /** Each one's share times a rough count ("每人四千五", "八九个人"): the sum's bounds; null unless both are known. */
  private rangeEstimate(draft: Draft): { low: number; high: number; min: number; max: number; share: number } | null {
    const counted = draft.facts.headcount;
    const share = draft.perHeadYuan;
    if (share === undefined || counted === null || counted.min === counted.max || draft.facts.amountYuan !== null) return null;
    return { low: share * counted.min, high: share * counted.max, min: counted.min, max: counted.max, share };
  }

  /** The sum kept at the low end of its range (the least owed), the range beside it for the officer. */
  private keepRangeEstimate(turn: Turn, draft: Draft): void {
    const estimate = this.rangeEstimate(draft);
    if (estimate === null) return;
    draft.facts.amountYuan = estimate.low;
    draft.amountRange = { low: estimate.low, high: estimate.high };
    draft.settled = draft.settled.filter((name) => name !== "amount");
    turn.say(
      turn.t("intake.amountFromRange", {
        low: formatYuan(estimate.low, turn.locale),
        high: formatYuan(estimate.high, turn.locale),
      }),
    );
  }

  /** "每人三千多", "一个人欠八千": one worker's share, when that is what the text gives instead of a sum. */
  private perHeadShareIn(text: string, evenIfSumRead = false): number | null {
    const word = PER_HEAD_ANSWER.exec(text);
    if (word === null || (!evenIfSumRead && this.read(text).amountYuan !== null)) return null;
    const rest = text.slice(word.index + word[0].length).replace(/^[欠是有都:：\s]+/, "");
    const fromReading = this.read(rest).amountYuan;
    if (fromReading !== null) return fromReading;
    const parsed = parseAmountAnswer(rest, null);
    return parsed.ok ? parsed.value : null;
  }

  /** Ask the next missing fact, or show the summary when nothing is missing. */
  private advance(turn: Turn, draft: Draft): void {
    // "每人七千", then "15个人": the sum is the share times the count.
    const counted = draft.facts.headcount;
    const exactCount = counted !== null && counted.min === counted.max ? counted.min : null;
    const shareTotal = draft.perHeadYuan !== undefined && exactCount !== null ? draft.perHeadYuan * exactCount : null;
    // The sum is still the one made of the share, and the count has changed since.
    const remade = shareTotal !== null && draft.facts.amountYuan === draft.perHeadTotalYuan && shareTotal !== draft.facts.amountYuan;
    if (shareTotal !== null && draft.perHeadYuan !== undefined && exactCount !== null && (draft.facts.amountYuan === null || remade)) {
      draft.facts.amountYuan = shareTotal;
      draft.perHeadTotalYuan = shareTotal;
      draft.amountScope = "total";
      turn.say(
        turn.t(remade ? "intake.perHeadTotalRemade" : "intake.perHeadTotal", {
          share: formatYuan(draft.perHeadYuan, turn.locale),
          count: exactCount,
          total: formatYuan(shareTotal, turn.locale),
        }),
      );
    }
    // 属地 is the county: "郑州" alone is asked which district (not knowing it keeps the city).
    let next = this.placeTooCoarse(draft) ? "place" : nextMissingFact(draft.category, draft.facts, draft.settled);
    // "我们每人欠八千": with each one's share known, the count is asked before the sum — it makes the sum.
    if (next === "amount" && draft.perHeadYuan !== undefined && counted === null && !draft.settled.includes("headcount")) next = "headcount";
    // "每人三千多", "八九个人": the sum is not certain, but its bounds help the worker answer.
    if (next === "amount" && draft.expecting !== "amount" && draft.perHeadYuan !== undefined && counted !== null) {
      turn.say(
        turn.t("intake.perHeadRange", {
          share: formatYuan(draft.perHeadYuan, turn.locale),
          min: counted.min,
          max: counted.max,
          low: formatYuan(draft.perHeadYuan * counted.min, turn.locale),
          high: formatYuan(draft.perHeadYuan * counted.max, turn.locale),
        }),
      );
    }
    if (next) {
      draft.expecting = next;
      this.ask(turn, next, draft);
      return;
    }
    // "欠我一万五" and then "我们有十二个老师": whose is the sum? The group's total decides 集体 and 重大.
    const scopeOpen = draft.amountScope === undefined && draft.facts.amountYuan !== null && (draft.facts.headcount?.min ?? 1) > 1 && owesWages(draft);
    // "我一个人是一万二 大家加起来不知道": the worker's own share, and they said the total is unknown.
    if (scopeOpen && tellsOwnSum(draft.narrative.join("，")) && TOTAL_UNKNOWN.test(draft.narrative.join("，"))) {
      draft.amountScope = "own";
      turn.say(turn.t("intake.amountOwnShare"));
    } else if (scopeOpen && (soundsLikeOwnShare(draft.narrative) || mayBeOwnShare(draft.narrative, draft.facts.amountYuan ?? 0, draft.facts.headcount?.min ?? 1))) {
      draft.amountScope = "asked";
      draft.expecting = "amount";
      this.ask(turn, "amount", draft);
      return;
    }
    draft.expecting = "confirm";
    const placeLabel = draft.facts.place?.code ? this.options.reader.divisionLabel(draft.facts.place.code) : null;
    turn.say(summaryText(turn.t, turn.locale, draft, placeLabel), summaryChoices(turn.t, draft.category));
  }

  /** A name told in English with "I don't know the official name" after it: the name kept, said back. */
  private takesNameGoneBy(turn: Turn, draft: Draft, fact: "project" | "employer", text: string): boolean {
    const aside = EN_NAME_NOT_KNOWN.exec(text);
    if (!aside || aside.index === 0) return false;
    const parsed = parseNameAnswer(text.slice(0, aside.index).replace(EN_NAME_LEAD, "").trim());
    if (!parsed.ok) return false;
    draft.facts[fact] = parsed.value;
    draft.settled = draft.settled.filter((name) => name !== fact);
    draft.narrative.push(text);
    turn.say(this.changedLine(turn, draft, fact, true));
    this.reclassify(draft);
    this.advance(turn, draft);
    return true;
  }

  /**
   * After a question answered by the way: at the summary its buttons again (the summary itself is just
   * above, and long on a phone); elsewhere the question again.
   */
  private askAgainAfterAside(turn: Turn, draft: Draft): void {
    if (draft.expecting === "confirm") turn.say(turn.t("confirm.useButtons"), summaryChoices(turn.t, draft.category));
    else this.repeatQuestion(turn);
  }

  private repeatQuestion(turn: Turn): void {
    const draft = turn.session.draft;
    if (!draft) return;
    if (draft.expecting === "confirm" || draft.expecting === "editChoice" || draft.expecting === null) {
      this.advance(turn, draft);
    } else {
      this.ask(turn, draft.expecting, draft);
    }
  }

  /**
   * Reads `text` as the answer for `fact`. On success the fact is set (overwriting: the worker
   * said so). On failure the worker is told what is expected and asked again; nothing changes.
   */
  private applyAnswer(turn: Turn, draft: Draft, fact: FactName, text: string, reaskOnFailure: boolean): boolean {
    const facts = draft.facts;
    const reader = this.options.reader;
    const fail = (problem: string) => {
      if (reaskOnFailure) {
        turn.say(turn.t(`problem.${problem}`));
        draft.expecting = fact;
        this.ask(turn, fact, draft);
      }
      return false;
    };
    const settle = <T>(result: AnswerResult<T>, set: (value: T) => void): boolean => {
      if (!result.ok) return fail(result.problem);
      set(result.value);
      draft.settled = draft.settled.filter((name) => name !== fact);
      return true;
    };
    switch (fact) {
      case "place": {
        if (this.saysDontKnow(draft, "place", text)) {
          if (reaskOnFailure) this.requiredNotKnown(turn, draft, "place");
          return false;
        }
        // "好像是在合肥": the hedge is no part of the place.
        text = text.replace(PLACE_HEDGE, "");
        // "南京的鼓楼区": places joined by 的 are read as one ("南京鼓楼区").
        if (text.length <= 16 && text.includes("的") && onlyPlaceNames(text.replace(/的/g, ""))) text = text.replace(/的/g, "");
        let resolution = reader.resolvePlaceAnswer(text);
        if (resolution.status === "none") resolution = this.read(text).place;
        // "朝阳区" was ambiguous; "北京" picks the one in Beijing.
        if (draft.placeCandidates.length > 0 && resolution.status === "found") {
          const chosen = resolution.division.code;
          const within = reader.divisionLabel(chosen);
          const picked = draft.placeCandidates.filter((candidate) => candidate.label.startsWith(within) && candidate.code !== chosen);
          if (picked.length === 1 && picked[0]) {
            const candidate = picked[0];
            facts.place = { text: candidate.label, code: candidate.code, name: candidate.name };
            draft.placeCandidates = [];
            draft.settled = draft.settled.filter((name) => name !== "place");
            return true;
          }
        }
        // The county of a city already known: "朝阳", "航空港区" read within 北京, 郑州 first.
        const known = facts.place?.code;
        if (known && reader.hasCounties(known)) {
          const knownLabel = reader.divisionLabel(known);
          const within = reader.resolvePlaceAnswer(`${knownLabel}${text.trim()}`);
          if (within.status === "found" && within.division.code !== known && reader.divisionLabel(within.division.code).startsWith(knownLabel)) {
            resolution = within;
          } else if (resolution.status === "found" && resolution.division.code === known) {
            // The same city again: it is all the worker knows.
            draft.settled = [...draft.settled.filter((name) => name !== "place"), "place"];
            return true;
          } else if (
            resolution.status === "found" &&
            resolution.division.level === "county" &&
            // "阿克苏市": a county-level city is named as a city, wherever it is — a correction.
            !resolution.division.name.endsWith("市") &&
            !reader.divisionLabel(resolution.division.code).startsWith(knownLabel) &&
            text.replace(/^(不对|不是|是|在|就在)+|[，,。\s]/g, "").length <= resolution.division.name.length
          ) {
            // "城东" in 郑州 is no answer, though 西宁 has a 城东区; "新乡红旗区" names its city and corrects it.
            return fail("placeNotInCity");
          } else if (resolution.status === "ambiguous") {
            // "开发区", "城东", "郑东新区": only the places of this city count; others far away are no answer.
            // (A place found elsewhere is taken: "不对，是在洛阳" corrects the city.)
            const candidates = resolution.candidates.filter((c) => reader.divisionLabel(c.code).startsWith(knownLabel));
            const [only] = candidates;
            if (candidates.length === 1 && only) resolution = { status: "found", division: only, matched: text };
            else if (candidates.length > 1) resolution = { status: "ambiguous", candidates, matched: text };
            else return fail("placeNotInCity");
          }
        }
        if (resolution.status === "found") {
          facts.place = { text, code: resolution.division.code, name: resolution.division.name };
          draft.placeCandidates = [];
          // "俺也不晓得在哪个区 就在石家庄": the city is all the worker knows; the county is not asked.
          const countyUnknown = DISTRICT_UNKNOWN.test(text) && resolution.division.level !== "county";
          draft.settled = [...draft.settled.filter((name) => name !== "place"), ...(countyUnknown ? (["place"] as const) : [])];
          return true;
        }
        if (resolution.status === "ambiguous") {
          draft.placeCandidates = resolution.candidates.slice(0, 8).map((candidate) => ({
            code: candidate.code,
            name: candidate.name,
            label: reader.divisionLabel(candidate.code),
          }));
          if (reaskOnFailure) {
            draft.expecting = "place";
            this.ask(turn, "place", draft);
          }
          return false;
        }
        return fail("placeNotFound");
      }
      case "amount":
        if (this.saysDontKnow(draft, "amount", text)) {
          if (reaskOnFailure) this.requiredNotKnown(turn, draft, "amount");
          return false;
        }
        {
          const parsed = parseAmountAnswer(text, this.amountIn(draft, text));
          // "每人8000" before anyone is counted: the share is kept, and the count is asked; the sum follows.
          if (!parsed.ok && PER_HEAD_ANSWER.test(text)) {
            const share = this.perHeadShareIn(text);
            if (share === null || !reaskOnFailure) return fail("amountPerHead");
            const counted = facts.headcount;
            if (counted !== null) {
              // "十几个兄弟", then "一个人两万": the share is kept; advance() makes the sum of an exact count,
              // and a rough count gets the range, to help with the total asked again.
              // The same share again, after its range was shown: no total is coming; the least is kept.
              if (counted.min !== counted.max && draft.perHeadYuan === share && draft.expecting === "amount") {
                this.keepRangeEstimate(turn, draft);
                return true;
              }
              draft.perHeadYuan = share;
              // "钱不对 每人五千六" at the summary: the share replaces the sum now — times an exact count,
              // or the least of a rough one (with its range).
              if (draft.expecting !== "amount") {
                facts.amountYuan = null;
                draft.amountRange = undefined;
                if (counted.min === counted.max) {
                  facts.amountYuan = share * counted.min;
                  draft.perHeadTotalYuan = facts.amountYuan;
                  draft.amountScope = "total";
                } else this.keepRangeEstimate(turn, draft);
                return true;
              }
              if (counted.min !== counted.max) {
                turn.say(
                  turn.t("intake.perHeadRange", {
                    share: formatYuan(share, turn.locale),
                    min: counted.min,
                    max: counted.max,
                    low: formatYuan(share * counted.min, turn.locale),
                    high: formatYuan(share * counted.max, turn.locale),
                  }),
                );
              }
              return true;
            }
            draft.perHeadYuan = share;
            draft.narrative.push(text);
            turn.say(turn.t("intake.perHeadNoted", { amount: formatYuan(share, turn.locale) }));
            draft.expecting = "headcount";
            this.ask(turn, "headcount", draft);
            return false;
          }
          return settle(parsed, (value) => {
            // A new sum: whose it is may be asked again.
            if (facts.amountYuan !== value && (draft.amountScope === "own" || draft.amountScope === "unsure")) draft.amountScope = undefined;
            if (facts.amountYuan !== value) draft.amountRange = undefined;
            facts.amountYuan = value;
            // The shares name their people: more of them than counted so far is the headcount now.
            const shares = readShares(text);
            if (shares !== null && (facts.headcount === null || facts.headcount.max < shares.headcount)) {
              const firstTime = facts.headcount === null;
              facts.headcount = { min: shares.headcount, max: shares.headcount };
              draft.settled = draft.settled.filter((name) => name !== "headcount");
              turn.say(this.changedLine(turn, draft, "headcount", firstTime));
            }
          });
        }
      case "headcount":
        return settle(parseHeadcountAnswer(text, this.read(text).headcount), (value) => (facts.headcount = value));
      case "project": {
        // "丛台区那个龙湖天街工地" after "复兴区": the site's own county, another of the same city, is where
        // the work was (属地 is the site's); the name is what follows it.
        const site = this.read(text).place;
        if (site.status === "found" && site.division.level === "county" && facts.place?.code && site.division.code !== facts.place.code
          && site.division.code.slice(0, 4) === facts.place.code.slice(0, 4) && text.indexOf(site.matched) <= 1) {
          const rest = text.slice(text.indexOf(site.matched) + site.matched.length).replace(/^(?:那个|那边的?|这个|的)/, "").trim();
          const named = parseNameAnswer(rest);
          if (named.ok) {
            facts.place = { text: site.matched, code: site.division.code, name: site.division.name };
            facts.project = named.value;
            draft.settled = draft.settled.filter((name) => name !== "project");
            turn.say(this.changedLine(turn, draft, "place"));
            return true;
          }
        }
        // "就是个砖厂 没名字 在修武县郇封那边": no name, but what it is — kept as that ("砖厂").
        const unnamed = UNNAMED_WORKPLACE.exec(text);
        if (unnamed) {
          const kind = (text.slice(0, unnamed.index).split(/[，,。\s]+/).find((piece) => piece.trim() !== "") ?? "").replace(/^(?:就是|是|在)?(?:个|一个|一家|一间|那个|这个)?/, "");
          const described = parseNameAnswer(kind);
          if (described.ok && kind.length <= 8 && this.read(kind).place.status === "none") {
            facts.project = described.value;
            draft.settled = draft.settled.filter((name) => name !== "project");
            return true;
          }
        }
        // "在饭店当服务员" names the workplace (饭店) and the job; the workplace is the answer.
        // "簇桥站" after "美团": the station, with the platform already told.
        const platform = isBarePlatform(facts.project) ? facts.project : null;
        // "Meituan, Nanshan station", "I told you, 美团南山站": the platform and the station, whatever is around them.
        const station = platformStationIn(text);
        if (station !== null) {
          facts.project = station;
          draft.settled = draft.settled.filter((name) => name !== "project");
          return true;
        }
        // "我说了啊 站长小胡": the person who owes, told again, names no workplace; it stays as known.
        if (facts.employer !== null && facts.employer.length >= 2 && isPerson(facts.employer) && text.includes(facts.employer) && !SITE_WORD.test(text)) {
          if (!draft.settled.includes("project")) draft.settled.push("project");
          return true;
        }
        return settle(parseNameAnswer(workplaceOf(text) ?? leadingName(text) ?? text), (value) => (facts.project = platform !== null && !value.includes(platform) ? `${platform} ${value}` : value));
      }
      case "employer": {
        // "老板姓王 叫啥不晓得 大家都喊他王总": the name the workers call him is the one to record.
        const goesBy = GOES_BY.exec(text)?.[1];
        if (goesBy && parseNameAnswer(goesBy).ok) return settle(parseNameAnswer(goesBy), (value) => (facts.employer = value));
        // "店名叫东北人家 老板是个女的姓韩": the shop stays, as the workplace; its boss is who owes.
        const shop = parseNameAnswer(WORKPLACE_NAMED.exec(text)?.[1] ?? "");
        const boss = shop.ok ? LEAD_NAMED.exec(text) : null;
        if (shop.ok && boss) {
          facts.employer = leadNamed(boss);
          if (facts.project === null) facts.project = shop.value;
          draft.settled = draft.settled.filter((name) => name !== "employer" && name !== "project");
          return true;
        }
        // "厂名不记得了 老板姓韩": the name not known is the factory's; the boss is named.
        const lead = isDontKnow(text) ? LEAD_NAMED.exec(text) : null;
        const surname = isDontKnow(text) && !lead ? SURNAME_ONLY.exec(text) : null;
        if (surname) return settle(parseNameAnswer(`姓${surname[1]}`), (value) => (facts.employer = value));
        if (lead) {
          facts.employer = leadNamed(lead);
          // ...and the factory's name, said not known, is not asked next.
          if (facts.project === null && WORKPLACE_NAME_UNKNOWN.test(text) && !draft.settled.includes("project")) {
            draft.settled = [...draft.settled, "project"];
          }
          return true;
        }
        // "Ele.me station at Zhujiang New Town, manager is called Xiao Liu": the platform and station stay.
        if (facts.project === null && facts.sector === "platform") facts.project = readWorkplace(text);
        // "Meituan Nanshan station, manager is Mr Li": the station named with who owes is the workplace.
        if (facts.project === null || isBarePlatform(facts.project)) facts.project = platformStationIn(text) ?? facts.project;
        // "绿城物业 在那个泉城花园小区": where the firm had the worker work is the workplace.
        const workedAt = whereAfterName(text);
        if (workedAt !== null && facts.project === null && parseNameAnswer(workedAt).ok && this.read(workedAt).place.status === "none") facts.project = workedAt;
        return settle(parseNameAnswer(leadingName(text) ?? text), (value) => {
          // "湘里人家", then "老板姓黄": the business stays, as the workplace; its boss is who owes.
          const business = facts.employer;
          if (business !== null && facts.project === null && /老板|老板娘|经理$/.test(value) && personNameAt(business) !== business) facts.project = business;
          facts.employer = value;
        });
      }
      case "phone":
        return settle(parsePhoneAnswer(text), (value) => (facts.phone = value));
      case "since":
        return settle(parseSinceAnswer(text), (value) => (facts.since = value));
      case "sector": {
        const sector = this.read(text).sector;
        if (!sector) return fail("chooseButton");
        facts.sector = sector;
        return true;
      }
      case "projectKind": {
        const kind = this.read(`${text}工程`).projectKind;
        if (!kind) return fail("chooseButton");
        facts.projectKind = kind;
        draft.projectKindGuessed = false;
        return true;
      }
      case "ownership": {
        const ownership = this.read(text).ownership;
        if (!ownership) return fail("chooseButton");
        facts.ownership = ownership;
        return true;
      }
    }
  }

  /** The sum an answer gives; a rate ("一个月4500") is worked out over the months the story told ("欠我两个月工资"). */
  private amountIn(draft: Draft, text: string): number | null {
    // "每人8000", "每个人欠一万多": each one's share, times the workers already counted.
    const workers = draft.facts.headcount;
    if (PER_HEAD_ANSWER.test(text) && workers !== null && workers.min === workers.max) {
      return this.read(`${workers.min}个人，${text}`).amountYuan;
    }
    // "张三8000 李四7500", "我两千五 他们两个一人三千": the shares told one by one, added.
    const shares = readShares(text);
    if (shares !== null) return shares.amountYuan;
    const own = this.read(text).amountYuan;
    if (own !== null || !RATE_ANSWER.test(text)) return own;
    return this.read(`${draft.narrative.join("，")}，${text}`).amountYuan;
  }

  /** "已改好：X → Y" for a fact that had a value; "记下了：X → Y" for one given for the first time. */
  private changedLine(turn: Turn, draft: Draft, fact: FactName, firstTime = false): string {
    const value = factValue(turn.t, turn.locale, draft.facts, fact) ?? turn.t("value.unknown");
    return turn.t(firstTime ? "intake.noted" : "intake.changed", { fact: factLabel(turn.t, fact, draft), value });
  }

  private settleUnknown(turn: Turn, draft: Draft, fact: FactName): void {
    if (fact === "place" && this.placeTooCoarse(draft) && draft.facts.place) {
      draft.settled.push("place");
      turn.say(turn.t("dontKnow.placeCounty", { place: draft.facts.place.name ?? draft.facts.place.text }));
      this.advance(turn, draft);
      return;
    }
    if (FACTS_WITHOUT_DONT_KNOW.includes(fact)) {
      this.requiredNotKnown(turn, draft, fact);
      return;
    }
    if (!draft.settled.includes(fact)) draft.settled.push(fact);
    // The reassurance names only what the officer has to go on: after "不晓得" to the place, not the place.
    const placeKnown = draft.facts.place !== null;
    const key = OPTIONAL_FACTS.includes(fact)
      ? "intake.skipped"
      : fact === "employer" && !owesWages(draft)
        ? "dontKnow.employerOf"
        : fact === "project" && !placeKnown
          ? draft.facts.employer === null
            ? "dontKnow.projectNothingKnown"
            : "dontKnow.projectNoPlace"
          : fact === "project" && draft.facts.employer === null
            ? "dontKnow.projectNoEmployer"
            : fact === "employer" && draft.facts.project === null
              ? placeKnown
                ? "dontKnow.employerNoProject"
                : "dontKnow.employerNoPlace"
              : `dontKnow.${fact}`;
    turn.say(turn.t(key));
    this.advance(turn, draft);
  }

  /**
   * "不知道" to the place or the amount: asked once more, with what helps to answer; a second time, the
   * complaint goes on without it and the officer finds it out — it is never left unlogged for want of it.
   */
  private requiredNotKnown(turn: Turn, draft: Draft, fact: FactName): void {
    // Each one's share and a rough count are known: the least owed is a sum, not an unknown.
    if (fact === "amount" && this.rangeEstimate(draft) !== null) {
      this.keepRangeEstimate(turn, draft);
      this.advance(turn, draft);
      return;
    }
    // "二三十个人…我自己被欠了一万八", the total not known: the worker's own sum is what is known, kept as theirs.
    const own = fact === "amount" && (draft.facts.headcount?.min ?? 1) > 1 ? ownShareTold(draft.narrative) : null;
    if (own !== null) {
      draft.facts.amountYuan = own;
      draft.amountScope = "own";
      turn.say(turn.t("intake.ownShareKept", { amount: formatYuan(own, turn.locale) }));
      this.advance(turn, draft);
      return;
    }
    if (!(draft.pressed ?? []).includes(fact)) {
      draft.pressed = [...(draft.pressed ?? []), fact];
      turn.say(`${turn.t(fact === "place" ? "problem.placeRequired" : "problem.amountRequired")}\n${turn.t("problem.sayDontKnowAgain")}`);
      draft.expecting = fact;
      this.ask(turn, fact, draft);
      return;
    }
    if (!draft.settled.includes(fact)) draft.settled.push(fact);
    draft.placeCandidates = fact === "place" ? [] : draft.placeCandidates;
    turn.say(turn.t(fact === "place" ? "dontKnow.placeLeftToOfficer" : "dontKnow.amountLeftToOfficer"));
    this.advance(turn, draft);
  }

  private offerEdit(turn: Turn, draft: Draft): void {
    draft.expecting = "editChoice";
    turn.say(turn.t("confirm.whichFact"), editChoices(turn.t, editableFacts(draft.category, draft.facts), draft));
  }

  /** What was told now goes to the complaint already open, as the worker's addition; nothing new is logged. */
  private addToSimilar(turn: Turn, draft: Draft, caseId: string): void {
    const facts = [
      draft.facts.amountYuan !== null ? `${turn.t("fact.amount")}: ¥${draft.facts.amountYuan.toLocaleString("en-US")}` : "",
      draft.facts.headcount ? `${turn.t("fact.headcount")}: ${factValue(turn.t, turn.locale, draft.facts, "headcount") ?? ""}` : "",
    ].filter(Boolean).join("，");
    this.options.actions?.workerAddedInfo(caseId, [draft.narrative.join(" / "), facts].filter(Boolean).join(" — "), turn.userKey, turn.channel);
    turn.session.draft = null;
    turn.session.currentCaseId = caseId;
    turn.caseId = caseId;
    turn.say(turn.t("intake.addedToCase", { id: formatCaseId(caseId) }));
  }

  private confirm(turn: Turn, draft: Draft): void {
    // The same worker confirming the same complaint again (a double tap, a second try days later)
    // is one complaint: counted once, in one group, and the worker is told it is already in hand.
    const duplicate = this.ledger.openDuplicate(turn.userKey, {
      divisionCode: draft.facts.place?.code ?? null,
      amountYuan: draft.facts.amountYuan,
      employer: draft.facts.employer,
      project: draft.facts.project,
    });
    if (duplicate) {
      this.ledger.appendEvent({
        caseId: duplicate.id,
        at: turn.now,
        actor: `worker:${turn.userKey}`,
        channel: turn.channel,
        type: "repeat_report",
      });
      turn.session.draft = null;
      turn.session.currentCaseId = duplicate.id;
      turn.caseId = duplicate.id;
      turn.say(turn.t("intake.duplicate", { id: formatCaseId(duplicate.id), status: turn.t(`caseStatus.${duplicate.status}`) }));
      return;
    }
    // The same employer or project, another amount: a figure put right, or another complaint? Asked once.
    const similar = draft.similarAnswered
      ? undefined
      : draft.similarAsked !== undefined
        ? this.ledger.find(draft.similarAsked)
        : this.ledger.openSimilar(turn.userKey, {
            divisionCode: draft.facts.place?.code ?? null,
            employer: draft.facts.employer,
            project: draft.facts.project,
          });
    if (similar && this.options.actions) {
      draft.similarAsked = similar.id;
      draft.expecting = "confirm";
      turn.say(turn.t("intake.similar", { id: formatCaseId(similar.id), name: draft.facts.employer ?? draft.facts.project ?? "" }), [
        { id: `sameCase:${similar.id}`, label: turn.t("choice.sameCase") },
        { id: "separate", label: turn.t("choice.separate") },
      ]);
      return;
    }
    fileCase(turn, draft, {
      deadlines: this.options.actions?.deadlines,
      ledger: this.ledger,
      reader: this.options.reader,
      router: this.options.router,
      calendar: this.options.calendar,
    });
    turn.session.draft = null;
    turn.session.currentCaseId = turn.caseId;
  }

  // ── choices (buttons) ───────────────────────────────────────────────────────────────────────

  private onChoice(turn: Turn, id: string): void {
    if (id.startsWith("lang:")) {
      this.setLocale(turn, id.slice("lang:".length));
      return;
    }
    if (id.startsWith("followup:")) {
      this.ownCase.onFollowUp(turn, id);
      return;
    }
    if (id.startsWith("answer:")) {
      this.ownCase.onAnswerButton(turn, id.slice("answer:".length));
      return;
    }
    const draft = turn.session.draft;
    if (!draft) {
      // "确认提交" pressed again after the complaint was logged: it is logged, once; no new story asked.
      const logged = id === "confirm" && turn.session.currentCaseId !== null ? this.ledger.find(turn.session.currentCaseId) : undefined;
      if (logged && logged.filerKey === turn.userKey) {
        turn.caseId = logged.id;
        turn.say(turn.t("choice.alreadyLogged", { id: formatCaseId(logged.id) }));
        return;
      }
      turn.say(turn.t("choice.stale"));
      turn.say(turn.t("intro.describe"));
      return;
    }
    const expecting = draft.expecting;
    const [kind, value = ""] = id.split(":", 2) as [string, string?];
    const stale = () => {
      turn.say(turn.t("choice.stale"));
      this.repeatQuestion(turn);
    };
    switch (kind) {
      case "confirm":
        if (expecting !== "confirm") return stale();
        this.confirm(turn, draft);
        return;
      case "sameCase":
        if (expecting !== "confirm" || draft.similarAsked !== value || draft.similarAnswered || !this.options.actions) return stale();
        this.addToSimilar(turn, draft, value);
        return;
      case "separate":
        if (expecting !== "confirm" || draft.similarAsked === undefined || draft.similarAnswered) return stale();
        draft.similarAnswered = true;
        this.confirm(turn, draft);
        return;
      case "edit":
        if (expecting !== "confirm" && expecting !== "editChoice") return stale();
        if (!value) return this.offerEdit(turn, draft);
        if (!(editableFacts(draft.category, draft.facts) as readonly string[]).includes(value)) return stale();
        draft.expecting = value as FactName;
        this.ask(turn, value as FactName, draft);
        return;
      case "cancel":
        this.cancel(turn);
        return;
      case "recat":
        // "其实是欠工资": the worker's word; the missing facts of an arrears complaint are asked next.
        if ((expecting !== "confirm" && expecting !== "editChoice") || value !== "wage_arrears") return stale();
        draft.workerSaysArrears = true;
        draft.workerSaysNotArrears = undefined;
        this.reclassify(draft);
        turn.say(turn.t("summary.categoryChanged", { category: turn.t(`category.${draft.category}`) }));
        break;
      case "unknown":
      case "skip":
        if (!expecting || expecting === "confirm" || expecting === "editChoice") return stale();
        if (kind === "skip" && !OPTIONAL_FACTS.includes(expecting)) return stale();
        this.settleUnknown(turn, draft, expecting);
        return;
      case "sector":
        if (expecting !== "sector" || !isSector(value)) return stale();
        draft.facts.sector = value;
        break;
      case "kind":
        if (expecting !== "projectKind" || !isProjectKind(value)) return stale();
        draft.facts.projectKind = value;
        draft.projectKindGuessed = false;
        break;
      case "own":
        if (expecting !== "ownership" || !isOwnership(value)) return stale();
        draft.facts.ownership = value;
        break;
      case "employer":
        if (expecting !== "employer" || value !== "workplace" || !draft.facts.project) return stale();
        draft.facts.employer = draft.facts.project;
        draft.settled = draft.settled.filter((name) => name !== "employer");
        break;
      case "amountScope":
        if (expecting !== "amount" || draft.amountScope !== "asked" || (value !== "total" && value !== "own" && value !== "unsure")) return stale();
        this.settleAmountScope(turn, draft, value);
        return;
      case "headcount":
        if (expecting !== "headcount" || value !== "1") return stale();
        draft.facts.headcount = { min: 1, max: 1 };
        break;
      case "place": {
        const candidate = draft.placeCandidates.find((place) => place.code === value);
        if (expecting !== "place" || !candidate) return stale();
        draft.facts.place = { text: candidate.label, code: candidate.code, name: candidate.name };
        draft.placeCandidates = [];
        break;
      }
      default:
        return stale();
    }
    this.reclassify(draft);
    this.advance(turn, draft);
  }

  // ── attachments (evidence 证据) ─────────────────────────────────────────────────────────────

  private onAttachment(turn: Turn, attachment: AttachmentInput, moreOfBatch: boolean): void {
    const { t } = turn;
    if (attachment.sizeBytes !== null && attachment.sizeBytes > this.options.maxAttachmentBytes) {
      turn.say(t("evidence.tooLarge", { limitMb: Math.floor(this.options.maxAttachmentBytes / 1_048_576) }));
      this.repeatQuestion(turn);
      return;
    }
    const spoken = attachment.type === "voice" || attachment.type === "audio";
    const caption = attachment.caption?.trim() ?? "";
    // A caption that only names the file ("工资欠条", "聊天记录") is its label. After filing, a caption
    // goes with the evidence as it is.
    const captionSpeaks =
      caption !== "" &&
      !(caption.length <= EVIDENCE_LABEL_LENGTH && EVIDENCE_LABEL.test(caption)) &&
      (turn.session.draft !== null || this.ledger.listByFiler(turn.userKey, 1).length === 0);
    if (captionSpeaks) {
      // A photo whose caption tells the story, or answers the question: the words are read as if typed,
      // and the file goes with the complaint they open or continue. Its acknowledgement comes first.
      const before = turn.replies.length;
      this.onText(turn, caption);
      const kept = this.keepAttachment(turn, attachment);
      const acknowledgement = { draft: "evidence.keptWithWords", case: "evidence.added", full: "evidence.tooMany" } as const;
      if (kept) turn.replies.splice(before, 0, { text: t(acknowledgement[kept]) });
      return;
    }
    const kept = this.keepAttachment(turn, attachment);
    // The rest of an album: the first file's answer stands for all (the summary counts them).
    if (moreOfBatch && (kept === "draft" || kept === "case")) return;
    // Nobody here can listen to a voice message: the worker is told to type (the file is kept).
    if (spoken && kept !== null) turn.say(t("evidence.voiceNotRead"));
    if (kept === "draft") {
      turn.say(t("evidence.keptForDraft", { count: turn.session.draft?.attachments.length ?? 0 }));
      this.repeatQuestion(turn);
    } else if (kept === "case") {
      turn.say(t("evidence.added"));
    } else if (kept === null) {
      turn.say(t(spoken ? "evidence.voiceNoCase" : "evidence.noCase"));
    } else {
      turn.say(t("evidence.tooMany"));
    }
  }

  /**
   * Puts the file with the complaint being written, or else with the case at hand. Returns where it went,
   * "full" when the draft holds as many as it may, and null when there is nothing to put it with.
   */
  private keepAttachment(turn: Turn, attachment: AttachmentInput): "draft" | "case" | "full" | null {
    const draft = turn.session.draft;
    if (draft) {
      if (draft.attachments.length >= (this.options.maxDraftAttachments ?? 20)) return "full";
      draft.attachments.push(attachment);
      return "draft";
    }
    const caseId = turn.caseId ?? turn.session.currentCaseId;
    const row = caseId ? this.ledger.find(caseId) : undefined;
    if (!row || !mayView(row, turn.userKey, null)) return null;
    this.ledger.addAttachment(row.id, turn.now, attachment);
    this.ledger.appendEvent({
      caseId: row.id,
      at: turn.now,
      actor: `worker:${turn.userKey}`,
      channel: turn.channel,
      type: "evidence_added",
      data: { kind: attachment.type, sizeBytes: attachment.sizeBytes },
    });
    turn.caseId = row.id;
    turn.effects.push({ type: "evidenceAdded", caseId: row.id });
    return "case";
  }

  // ── commands ────────────────────────────────────────────────────────────────────────────────

  private onCommand(turn: Turn, command: Command, text: string): void {
    const { t } = turn;
    turn.session.newComplaintAsked = command.name === "new";
    switch (command.name) {
      case "start":
        turn.say(t("intro.start"));
        this.repeatQuestion(turn);
        return;
      case "help":
        turn.say(t("intro.help"));
        this.repeatQuestion(turn);
        return;
      case "new":
        if (turn.session.draft) turn.say(t("intake.draftDropped"));
        turn.session.draft = null;
        turn.session.forwarded = [];
        turn.session.currentCaseId = null;
        turn.say(t("intro.describe"));
        return;
      case "cancel":
        // "不投诉了" with nothing being written: about a complaint already filed (the officer hears it
        // and checks), or, from someone with none, a complaint not made — with the door left open.
        if (command.inWords && !turn.session.draft && turn.session.forwarded.length === 0) {
          if (this.ownCase.answerAboutOwnCase(turn, text)) return;
          if (command.reason) {
            turn.say(turn.t("intake.notFiled"));
            return;
          }
        }
        this.cancel(turn);
        return;
      case "mycases":
        answerMyCases(turn, { ledger: this.ledger, timeZone: this.options.calendar.timeZone });
        this.repeatQuestion(turn);
        return;
      case "status":
        // "/status", "查询" alone from a worker with a complaint: their latest one.
        // An access code alone is for someone else's case: the ID is asked for, not the filer's own shown.
        this.queryStatus(turn, command.caseId ?? (command.accessCode === null ? this.ledger.listByFiler(turn.userKey, 1)[0]?.id : undefined) ?? null, command.accessCode);
        return;
      case "lang":
        if (command.locale) this.setLocale(turn, command.locale);
        else
          turn.say(
            t("lang.choose"),
            SUPPORTED_LOCALES.map((locale) => ({ id: `lang:${locale}`, label: t(`lang.name.${locale}`) })),
          );
        return;
      case "unknown":
        turn.say(t("intro.unknownCommand"));
        this.repeatQuestion(turn);
        return;
    }
  }

  private queryStatus(turn: Turn, caseId: string | null, accessCode: string | null): void {
    const outcome = answerStatus(turn, caseId, accessCode, {
      ledger: this.ledger,
      timeZone: this.options.calendar.timeZone,
      divisionLabel: (code) => this.options.reader.divisionLabel(code),
    });
    if (outcome.kind === "askedForId") turn.session.pendingStatus = { caseId: null };
    else if (outcome.kind === "notFound") turn.session.pendingStatus = { caseId: outcome.caseId };
    // A complaint being written is not forgotten: its question comes again.
    this.repeatQuestion(turn);
  }

  private cancel(turn: Turn): void {
    const forwarded = turn.session.forwarded.length > 0;
    turn.session.forwarded = [];
    if (turn.session.draft || forwarded) {
      // Kept a day, in case the worker thinks again ("想了想还是要投诉").
      turn.session.cancelledDraft = turn.session.draft ? { draft: turn.session.draft, at: turn.now } : null;
      turn.session.draft = null;
      turn.effects.push({ type: "draftCancelled" });
      turn.say(turn.t("intake.cancelled"));
    } else {
      turn.say(turn.t("intake.nothingToCancel"));
    }
  }

  private setLocale(turn: Turn, requested: string): void {
    const locale = localeFromLanguageCode(requested, turn.locale);
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(locale) || !/^(zh|en)/i.test(requested)) {
      turn.say(turn.t("lang.unsupported"));
      return;
    }
    turn.session.locale = locale;
    turn.session.localeDetected = false;
    turn.locale = locale;
    turn.t = translator(locale);
    turn.say(turn.t("lang.changed"));
    this.repeatQuestion(turn);
  }
}
