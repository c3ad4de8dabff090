// What a worker says about a complaint already logged (立案后): thanks, "有进展吗", "还没收到钱", news
// or a correction for its officer, a phone number, an answer to the officer's question (需补充), the
// follow-up's buttons (回头看). The engine decides that a message is about a logged case; this module
// answers it, through the case actions, and never touches a draft.
import { formatCaseId } from "../cases/case-id.js";
import { FOLLOW_UP_ANSWERS, type CaseActions, type FollowUpAnswer } from "../cases/case-actions.js";
import type { CaseLedger, CaseRow } from "../cases/ledger.js";
import { readPhone } from "../triage/contact.js";
import { speaksOfExtremeAction, speaksOfGroupProtest, speaksOfViolence } from "../triage/classify.js";
import type { MessageReading } from "../triage/reading.js";
import {
  afterCaseIntent,
  asksAboutOwnComplaint,
  correctsLoggedFact,
  declinesPhone,
  isNewsOfCase,
  opensAnotherComplaint,
  ownLabelledPhoneIn,
  ownPhoneIn,
  saysSomethingOwed,
  theirPhoneIn,
} from "./after-case.js";
import { HAS_FIGURES, NEW_ARREARS, ON_BEHALF, STILL_COMPLAINING, namesDiffer } from "./phrases.js";
import { answerStatus } from "./status.js";
import type { Turn } from "./turn.js";

/** News sent this long after a case last changed is more likely a new story than news of it. */
const NEWS_WINDOW_MS = 60 * 24 * 3600 * 1000;
/** How long after logging "不用了" is read as declining the phone asked for then. */
const PHONE_ASK_WINDOW_MS = 24 * 3_600_000;

/** What the replies need of the engine: the ledger, the case actions, and a few of its own steps. */
export interface OwnCaseDeps {
  ledger: CaseLedger;
  /** Absent in a bare engine (no officers' side): news is then only acknowledged. */
  actions: CaseActions | undefined;
  timeZone: string;
  divisionLabel(code: string): string;
  read(text: string): MessageReading;
  /** The intake's pending question asked again, after an aside. */
  repeatQuestion(turn: Turn): void;
  queryStatus(turn: Turn, caseId: string | null, accessCode: string | null): void;
  /** True the first time a hint is given for a case (the session remembers). */
  firstHint(turn: Turn, hint: string, caseId: string): boolean;
}

// Officers often ask who is responsible: "分包负责人叫马宏达，手机139…" gives that person's number, which
// the officer reads in the answer; it must not become the number to call the worker on.
const SOMEONE_NAMED_BEFORE =
  /(?:负责人|老板娘?|老总|包工头|工头|班组长|班长|项目经理|经理|会计|财务|厂长|主管|他|她|boss|foreman|manager|contractor|\bhe\b|\bshe\b)[^。！？!?]{0,14}$|(?:叫|姓)\p{Script=Han}{1,3}[，,\s]*(?:的)?(?:电话|手机|号码|手机号)?(?:是|为|：|:|\s)*$/iu;

/** The number an answer gives without saying whose, unless it follows someone else named in the sentence. */
function unlabelledAndNotAfterSomeoneElse(text: string): string | null {
  const phone = readPhone(text);
  if (phone === null) return null;
  // Where the number stands, however it was spaced ("139 8888 7777").
  const at = text.search(new RegExp(phone.split("").join("[\\s.\\-—－()（）]*")));
  return at >= 0 && SOMEONE_NAMED_BEFORE.test(text.slice(0, at)) ? null : phone;
}

export class OwnCaseReplies {
  constructor(private readonly deps: OwnCaseDeps) {}

  /**
   * "谢谢", "有进展吗", "还没收到钱" from a worker with no complaint open: about the case they have (the
   * one last logged or looked at, else their latest), not a new complaint. True when answered.
   */
  answerAboutOwnCase(turn: Turn, text: string): boolean {
    const intent = afterCaseIntent(text);
    const current = turn.session.currentCaseId ? this.deps.ledger.find(turn.session.currentCaseId) : undefined;
    // News goes to the worker's own case: one looked up with an access code is someone else's…
    const row = current?.filerKey === turn.userKey ? current : this.deps.ledger.listByFiler(turn.userKey, 1)[0];
    // …but a relative who opened it may ask how it goes, and thank.
    const viewed = current && !row && turn.session.unlockedCaseIds.includes(current.id) ? current : undefined;
    if (viewed && (intent === "progress" || intent === "thanks" || intent === "ack")) {
      if (intent === "progress") this.deps.queryStatus(turn, viewed.id, null);
      else turn.say(turn.t(intent === "ack" ? "afterCase.acknowledged" : "afterCase.thanks", { id: formatCaseId(viewed.id) }));
      return true;
    }
    if (intent === "greeting") {
      // "你好", "在吗" from someone with a case: the case first; without one, the introduction.
      if (!row) return false;
      turn.say(turn.t("afterCase.greeting", { id: formatCaseId(row.id), status: turn.t(`caseStatus.${row.status}`) }));
      turn.caseId = row.id;
      return true;
    }
    // "不用了" right after the phone was asked for: it is declined, nothing is withdrawn.
    if (row && row.phone === null && declinesPhone(text) && turn.now - row.createdAt < PHONE_ASK_WINDOW_MS) {
      turn.caseId = row.id;
      turn.say(turn.t("afterCase.phoneDeclined", { id: formatCaseId(row.id) }));
      return true;
    }
    if (intent === "thanks") {
      if (!row) turn.say(turn.t("afterCase.thanksNoCase"));
      // A closed case has no "progress" to come: what to do if the money never arrives.
      else if (row.status === "resolved") turn.say(turn.t("afterCase.thanksResolved", { id: formatCaseId(row.id) }));
      else turn.say(turn.t("afterCase.thanks", { id: formatCaseId(row.id) }));
      if (row) turn.caseId = row.id;
      return true;
    }
    if (!row) return false;
    const id = formatCaseId(row.id);
    // "对的", "是的" after an officer's notice (a fact put right, a new status): a yes, acknowledged.
    if (intent === "ack") {
      turn.caseId = row.id;
      turn.say(turn.t(row.status === "resolved" ? "afterCase.acknowledgedResolved" : "afterCase.acknowledged", { id }));
      return true;
    }
    const passOn = (key: string) => {
      // "金额写错了，是35000": the officer checks and corrects the record; the worker hears that.
      const correcting = key === "afterCase.newsPassedOn" && correctsLoggedFact(text);
      this.deps.actions?.workerAddedInfo(row.id, text, turn.userKey, turn.channel, correcting ? "correction" : "news");
      turn.caseId = row.id;
      // The "/new for another boss" hint of newsPassedOn is given once per case.
      const shown = key === "afterCase.newsPassedOn" && !correcting && !this.deps.firstHint(turn, "newCase", row.id) ? "afterCase.newsPassedOnAgain" : key;
      turn.say(turn.t(!this.deps.actions ? "afterCase.othersToo" : correcting ? "afterCase.correctionPassedOn" : shown, { id }));
    };
    // Despair or talk of extreme action about an open case: its officer hears of it now, whatever its length.
    // Violence after filing ("刘建国今天找人把我打了"): 110 first, and the officer alerted the same way.
    const violence = speaksOfViolence(text);
    if (violence) turn.say(turn.t("logged.violence"));
    const extreme = speaksOfExtremeAction(text);
    // "我们准备去堵门拉横幅": the officer is alerted; the worker is told it is in hand.
    if (!extreme && !violence && speaksOfGroupProtest(text)) {
      this.deps.actions?.workerAddedInfo(row.id, text, turn.userKey, turn.channel, "safety");
      turn.caseId = row.id;
      turn.say(turn.t("afterCase.protestPassedOn", { id }));
      if (row.phone === null && ownPhoneIn(text) === null && this.deps.firstHint(turn, "phoneAfterAlert", row.id)) turn.say(turn.t("logged.askPhone"));
      return true;
    }
    if (extreme || violence) {
      this.deps.actions?.workerAddedInfo(row.id, text, turn.userKey, turn.channel, extreme ? "atRisk" : "safety");
      turn.caseId = row.id;
      turn.say(turn.t("afterCase.extremePassedOn", { id }));
      // The officer will want to call at once: a number is asked for if the case has none (once).
      if (row.phone === null && ownPhoneIn(text) === null && this.deps.firstHint(turn, "phoneAfterAlert", row.id)) turn.say(turn.t("logged.askPhone"));
      return true;
    }
    // "我电话13812345678": the number the officer may call, kept on the case. "打错了，是139…" corrects the
    // worker's number only if they gave one; after the boss's number it is news of the boss.
    const given = ownPhoneIn(text);
    if (given && (!given.correcting || row.phone !== null) && this.deps.actions?.workerGavePhone(row.id, given.phone, turn.userKey, turn.channel)) {
      // "我电话138…，老板电话139…": the boss's number is the officer's news too.
      if (given.others) this.deps.actions.workerAddedInfo(row.id, text, turn.userKey, turn.channel);
      turn.caseId = row.id;
      turn.say(turn.t("afterCase.phoneRecorded", { id, phone: given.phone }));
      return true;
    }
    // "他的电话136…", "我爸电话136…" from someone who filed for him, or for a case with no number yet: the
    // number to call. The officer reads whose it is in the worker's words.
    const theirs = theirPhoneIn(text);
    if (theirs && (row.phone === null || ON_BEHALF.test(row.narrative)) && this.deps.actions?.workerGavePhone(row.id, theirs, turn.userKey, turn.channel)) {
      this.deps.actions.workerAddedInfo(row.id, text, turn.userKey, turn.channel);
      turn.caseId = row.id;
      turn.say(turn.t("afterCase.theirPhoneRecorded", { id, phone: theirs }));
      return true;
    }
    // Another job, another boss, another place, another month ("我之前在富士康也被欠了3000", "老板又欠我们
    //这个月的工资了"): a new complaint, not news of this one.
    if (intent !== "progress" && this.isAboutAnotherJob(text, row)) return false;
    // A referred case the worker disputes ("不是加班费，是基本工资没发"): the officer hears it and looks again.
    if (row.status === "referred" && intent !== "progress" && isNewsOfCase(text)) {
      passOn("afterCase.referredObjection");
      return true;
    }
    switch (intent) {
      case "othersToo":
        // The officer learns of more people; each of them can still file their own complaint.
        passOn("afterCase.othersTooPassedOn");
        return true;
      case "paid":
        // "老板把钱结了": the officer checks and closes; nothing is closed on the worker's word alone.
        passOn(row.status === "resolved" ? "afterCase.paidResolved" : "afterCase.paidPassedOn");
        return true;
      case "notPaid": {
        // "还没收到钱" is about the case closed as resolved, if the worker has one, even when another is open.
        const resolved = row.status === "resolved" ? row : this.deps.ledger.listByFiler(turn.userKey, 10).find((c) => c.status === "resolved");
        if (resolved && resolved.id !== row.id && this.deps.actions?.followUpAnswered(resolved.id, "unpaid", turn.userKey, turn.channel) === true) {
          turn.caseId = resolved.id;
          turn.say(turn.t("followUp.reopened", { id: formatCaseId(resolved.id) }));
          this.deps.actions.workerAddedInfo(resolved.id, text, turn.userKey, turn.channel);
          return true;
        }
      }
      // falls through: the case at hand
        // Not paid after the case was closed as resolved: the same as answering the follow-up "not received".
        if (this.deps.actions?.followUpAnswered(row.id, "unpaid", turn.userKey, turn.channel) === true) {
          turn.caseId = row.id;
          turn.say(turn.t("followUp.reopened", { id }));
          if (HAS_FIGURES.test(text)) this.deps.actions.workerAddedInfo(row.id, text, turn.userKey, turn.channel);
          return true;
        }
        // "只给了三千 还差两千": figures the officer should have. "我还是要投诉": a withdrawal taken back, which
        // the officer must hear before closing the case on it.
        const resumes = STILL_COMPLAINING.test(text);
        if (HAS_FIGURES.test(text) || resumes) this.deps.actions?.workerAddedInfo(row.id, text, turn.userKey, turn.channel);
        this.deps.queryStatus(turn, row.id, null);
        turn.append(turn.t(resumes ? "afterCase.stillComplaining" : "afterCase.stillHandling"));
        return true;
      case "progress":
        this.deps.queryStatus(turn, row.id, null);
        return true;
      default:
        break;
    }
    // "老板今天又说下个月给": news of a recent case, for its officer.
    if (turn.now - row.updatedAt > NEWS_WINDOW_MS || !isNewsOfCase(text)) return false;
    passOn("afterCase.newsPassedOn");
    return true;
  }

  /**
   * "我的投诉咋样了" while another complaint is being written: the status of the worker's latest logged
   * case, then the question again (the draft is not touched). With none logged yet, the worker is told
   * this one is logged once the questions are answered.
   */
  answerOwnCaseMidDraft(turn: Turn, text: string): boolean {
    if (!asksAboutOwnComplaint(text)) return false;
    const latest = this.deps.ledger.listByFiler(turn.userKey, 1)[0];
    if (!latest) {
      turn.say(turn.t("intake.notYetLogged"));
      this.deps.repeatQuestion(turn);
      return true;
    }
    // The draft keeps the chat's place: evidence sent next still goes with it, not with the case shown.
    const [current, shown] = [turn.session.currentCaseId, turn.caseId];
    answerStatus(turn, latest.id, null, {
      ledger: this.deps.ledger,
      timeZone: this.deps.timeZone,
      divisionLabel: (code) => this.deps.divisionLabel(code),
      evidenceGoesThere: false,
    });
    turn.session.currentCaseId = current;
    turn.caseId = shown;
    this.deps.repeatQuestion(turn);
    return true;
  }

  /**
   * A question about the process, answered (faq.ts). "照片怎么发" with no complaint being written names
   * the case the files will go to: the chat's current case if it is the worker's own, else their latest.
   */
  answerProcessQuestion(turn: Turn, key: string): void {
    // After /new the files are for the complaint about to be told: the general answer.
    if (key === "faq.howToSend" && !turn.session.draft && !turn.session.newComplaintAsked) {
      const current = turn.session.currentCaseId ? this.deps.ledger.find(turn.session.currentCaseId) : undefined;
      const row = current?.filerKey === turn.userKey ? current : this.deps.ledger.listByFiler(turn.userKey, 1)[0];
      if (row) {
        // The files sent next go to this case (keepAttachment), as the answer says.
        turn.session.currentCaseId = row.id;
        turn.caseId = row.id;
        turn.say(turn.t("afterCase.howToSend", { id: formatCaseId(row.id) }));
        return;
      }
    }
    turn.say(turn.t(key));
  }

  /** Whether a short message after filing is about another job than the case `row`. */
  private isAboutAnotherJob(text: string, row: CaseRow): boolean {
    if (opensAnotherComplaint(text)) return true;
    // "老板又欠我们这个月的工资了" after the case was closed: new arrears, a new complaint.
    if (row.status === "resolved" && NEW_ARREARS.test(text)) return true;
    // "派遣公司是人力通", "为啥转到中原区了？厂子就在航空港": who or where, with nothing owed, is news of the case.
    if (!saysSomethingOwed(text)) return false;
    const reading = this.deps.read(text);
    // A whole story again (who, and how much): a complaint — the same one is caught as a repeat at confirm.
    if (reading.amountYuan !== null && (reading.employer !== null || reading.project !== null)) return true;
    if (namesDiffer(reading.employer, row.employer) || namesDiffer(reading.project, row.project)) return true;
    // "在东莞", "我表哥在深圳工地": a place that is not the case's, nor above or below it.
    if (reading.place.status === "found" && row.divisionCode) {
      const there = this.deps.divisionLabel(reading.place.division.code);
      const here = this.deps.divisionLabel(row.divisionCode);
      if (!there.startsWith(here) && !here.startsWith(there)) return true;
    }
    return false;
  }

  /** "Answer this question" on an officer's question (需补充): the next text message is the answer. */
  onAnswerButton(turn: Turn, caseId: string): void {
    const waiting = this.deps.ledger.awaitingAnswerFrom(turn.userKey);
    if (!waiting || waiting.id !== caseId || !this.deps.actions) {
      turn.say(turn.t("choice.stale"));
      this.deps.repeatQuestion(turn);
      return;
    }
    turn.session.answeringCaseId = caseId;
    turn.say(turn.t("question.writeAnswer", { id: formatCaseId(caseId) }));
  }

  /** The text after "answer this question": relayed to the officer; a complaint being written goes on after. */
  relayAnswer(turn: Turn, caseId: string, text: string): void {
    const waiting = this.deps.ledger.awaitingAnswerFrom(turn.userKey);
    if (!waiting || waiting.id !== caseId || !this.deps.actions) {
      turn.say(turn.t("choice.stale"));
      this.deps.repeatQuestion(turn);
      return;
    }
    this.deps.actions.workerReplied(caseId, text, turn.userKey, turn.channel);
    this.keepPhoneFromAnswer(turn, caseId, text);
    turn.caseId = caseId;
    turn.say(turn.t("question.answerSent", { id: formatCaseId(caseId) }));
    if (turn.session.draft) this.deps.repeatQuestion(turn);
  }

  /**
   * Despair or violence sent while an officer's question waits: not its answer. The officer is alerted
   * (an extreme turn makes the case major), and the question keeps waiting.
   */
  alertInsteadOfAnswer(turn: Turn, caseId: string, text: string, extreme: boolean, warned: boolean): void {
    if (!warned) turn.say(turn.t("logged.violence"));
    this.deps.actions?.workerAddedInfo(caseId, text, turn.userKey, turn.channel, extreme ? "atRisk" : "safety");
    turn.caseId = caseId;
    turn.say(turn.t("afterCase.extremePassedOn", { id: formatCaseId(caseId) }));
    turn.say(turn.t("question.stillWaitingShort", { id: formatCaseId(caseId) }), [{ id: `answer:${caseId}`, label: turn.t("question.answerButton") }]);
    turn.session.answeringCaseId = null;
  }

  /** "请留个电话" answered with the worker's number: kept on the case too. */
  keepPhoneFromAnswer(turn: Turn, caseId: string, text: string): void {
    const given = ownPhoneIn(text);
    if (given && !given.correcting) this.deps.actions?.workerGavePhone(caseId, given.phone, turn.userKey, turn.channel);
    else if (!given) {
      // An answer with more words in it ("材料明天发，我新号码150…"): a number named as theirs is kept.
      // In an answer to the officer, a number not said to be someone else's is the worker's own
      // ("我在三号楼干活，电话137…", "phone 137…").
      const labelled = ownLabelledPhoneIn(text) ?? unlabelledAndNotAfterSomeoneElse(text);
      if (labelled) this.deps.actions?.workerGavePhone(caseId, labelled, turn.userKey, turn.channel);
    }
  }

  /** 回头看: "followup:<case id>:paid|unpaid|elsewhere", pressed on the follow-up message. */
  onFollowUp(turn: Turn, id: string): void {
    const [, caseId = "", typed = ""] = id.split(":");
    const answer = (FOLLOW_UP_ANSWERS as readonly string[]).includes(typed) ? (typed as FollowUpAnswer) : null;
    const recorded = answer !== null && this.deps.actions?.followUpAnswered(caseId, answer, turn.userKey, turn.channel) === true;
    if (!recorded) {
      turn.say(turn.t("choice.stale"));
      return;
    }
    turn.caseId = caseId;
    const reply = { paid: "followUp.thanks", unpaid: "followUp.reopened", elsewhere: "followUp.elsewhereNoted" } as const;
    turn.say(turn.t(reply[answer], { id: formatCaseId(caseId) }));
  }
}
