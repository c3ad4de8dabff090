// Commands a worker can type on any channel. Channels pass text through as it came; "/status@bot"
// (Telegram groups) and the Chinese "查询 编号" are understood here once for all of them.
import { findCaseIdIn, parseCaseId } from "../cases/case-id.js";
import { asksConfidentiality, asksProgress } from "./after-case.js";

export type Command =
  | { name: "start" | "help" | "new" | "mycases" }
  // inWords: "算了 不投诉了" rather than /cancel — with no draft it may withdraw a filed complaint.
  // reason: what followed it ("老板说下个月给"), if anything.
  | { name: "cancel"; inWords?: boolean; reason?: string }
  | { name: "lang"; locale: string | null }
  | { name: "status"; caseId: string | null; accessCode: string | null }
  | { name: "unknown"; raw: string };

// "算了，不投诉了", "不投诉了 老板说下个月给": the worker gives up the complaint in words, perhaps saying why.
const GIVE_UP =
  /^(?:(?:算了吧?[，,\s]*(?:[^，,。\s]{0,8}[，,\s]+)?不(?:投诉|告|弄|要|填|投|想弄|想投诉)了?|(?:算了吧?[，,\s]*)?(?:先|还是)?不(?:想|用)?(?:投诉|告|登记|弄|投)了)(?:[。.!！]*$|[，,。.!！\s]+(\S.{0,40})$)|(?:never ?mind|forget it|I don'?t want to complain(?: any ?more)?)[。.!！]*$)/i;
// "不弄了 才一千五 不要了": a short message saying it twice over, anywhere in it.
const GIVES_UP_ANYWHERE = /(?:^|[\s，,。])(?:算了吧?|不弄了|不投了|不投诉了|不想投诉了|不告了|不要了)(?:[\s，,。!！]|$)[\s\S]{0,24}(?:不弄了|不投了|不投诉了|不想投诉了|不告了|不要了|没用的?)[。!！]*$|^(?:forget it|never ?mind)[,，\s]+I (?:don'?t|do not) want to complain(?: any ?more)?/i;

const STATUS_WORDS = /^(查询|查|查进度|进度|状态|status)\s*[:：]?\s*/i;

export function parseCommand(text: string): Command | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("/")) {
    const [head = "", ...rest] = trimmed.slice(1).split(/\s+/);
    const name = head.split("@")[0]?.toLowerCase() ?? "";
    const args = rest.join(" ");
    switch (name) {
      case "start":
        // A deep link t.me/<bot>?start=K7QM3P9RX (or K7QM3P9RX_195028 with the access code) opens the case.
        if (args && findCaseIdIn(args)) return statusCommand(args.replace(/_/g, " "));
        return { name };
      case "help":
      case "new":
      case "mycases":
        return { name };
      case "cancel":
        return { name: "cancel" };
      case "lang":
        return { name: "lang", locale: rest[0] ?? null };
      case "status":
        return statusCommand(args);
      default:
        return { name: "unknown", raw: name };
    }
  }
  // "算了，不投诉了": the worker gives up this complaint in words.
  if (/^(取消|cancel)[。.!！]*$/i.test(trimmed)) return { name: "cancel" };
  if (trimmed.length <= 60 && GIVES_UP_ANYWHERE.test(trimmed) && !asksConfidentiality(trimmed) && !/但是?|可是|不过/.test(trimmed)) {
    return { name: "cancel", inWords: true, reason: trimmed };
  }
  const givenUp = GIVE_UP.exec(trimmed);
  if (givenUp) {
    const reason = givenUp[1]?.trim() ?? "";
    if (!reason) return { name: "cancel", inWords: true };
    // "…但是老板还欠我3000" goes on with the story; "…怕老板知道" is a fear to answer, not a decision.
    return /^(?:但是?|可是|不过|but\b)/i.test(reason) || asksConfidentiality(reason) ? null : { name: "cancel", inWords: true, reason };
  }
  if (/^(查询|查进度|查一下|进度|status|status please|check status)[\s。.!！?？]*$/i.test(trimmed)) return { name: "status", caseId: null, accessCode: null };
  const statusMatch = trimmed.match(STATUS_WORDS);
  if (statusMatch && findCaseIdIn(trimmed.slice(statusMatch[0].length))) {
    return statusCommand(trimmed.slice(statusMatch[0].length));
  }
  if (statusMatch) {
    const rest = trimmed.slice(statusMatch[0].length).replace(/[\s。.!！?？]+$/, "");
    // "查询 059675": an access code without the ID it opens (the worker is told to send both).
    const codeAlone = rest.match(/^(?:查询码|验证码|密码|码|code)?\s*[:：]?\s*(\d{6})$/i);
    if (codeAlone) return { name: "status", caseId: null, accessCode: codeAlone[1] ?? null };
    // "查询2EDXTN7F": an ID a character short (or long), so the worker hears what an ID looks like.
    const withCode = rest.match(/^(.*?)\s+(\d{6})$/);
    const idPart = withCode?.[1] ?? rest;
    if (looksLikeIdAttempt(idPart)) return { name: "status", caseId: idPart, accessCode: withCode?.[2] ?? null };
  }
  // "E6C9RQZ9" alone: an ID a character short or long, typed on its own — told what an ID looks like.
  const bareAttempt = trimmed.replace(/[\s。.!！?？]+$/, "");
  if (NEAR_ID_LENGTH.test(bareAttempt.toUpperCase().replace(/[\s\-_.·—–]/g, "")) && looksLikeIdAttempt(bareAttempt) && !findCaseIdIn(bareAttempt)) {
    return { name: "status", caseId: bareAttempt, accessCode: null };
  }
  // The ID alone, or with "怎么样了": a worker checking on a case (with an access code, a relative).
  const idInText = findCaseIdIn(trimmed);
  if (idInText && looksLikeCaseId(idInText)) {
    const rest = trimmed.replace(idInText, "").replace(/(?<!\d)\d{6}(?!\d)/, "").replace(/^[\s，,:：]*(编号|ID|案件|投诉)?[\s，,:：]*/i, "").trim();
    // "帮我老公查一下投诉 GQYH2GV57 查询码195028": a relative checking, with the code.
    if (rest === "" || asksProgress(rest) || /查|投诉|密码|查询码|验证码|access code|code|check|status|\bcase\b|what about|how is|how's|update|news|progress/i.test(rest)) return statusCommand(trimmed);
  }
  return null;
}

/** Eight or ten letters and digits: one short of a case ID's nine, or one over. */
const NEAR_ID_LENGTH = /^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{8}$|^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{10}$/;

function statusCommand(args: string): Command {
  // Something that is not ID-shaped is still passed on, so the worker hears "that is not an ID".
  const caseId = findCaseIdIn(args) ?? (args.trim() ? (args.trim().split(/\s+/)[0] ?? null) : null);
  const rest = caseId ? args.replace(caseId, " ") : args;
  const code = rest.match(/(?<!\d)\d{6}(?!\d)/);
  return { name: "status", caseId, accessCode: code ? code[0] : null };
}

/**
 * Whether text after "查询" is a case ID typed with a character or a few too many or too few
 * ("2EDXTN7F", "K7Q-M3P-9RXX"): letters and digits mixed, or written in groups with dashes.
 */
function looksLikeIdAttempt(text: string): boolean {
  const normalized = text.normalize("NFKC").trim();
  const compact = normalized.toUpperCase().replace(/[\s\-_.·—–]/g, "");
  if (!/^[A-Z0-9]{5,13}$/.test(compact)) return false;
  return (/\d/.test(compact) && /[A-Z]/.test(compact)) || /^[A-Za-z0-9]{2,4}(?:-[A-Za-z0-9]{2,4}){1,3}$/.test(normalized);
}

/**
 * Whether ID-shaped text is meant as an ID: written in groups ("K7Q-M3P-9RX"), or with a digit and a
 * right check character — so that a nine-letter word ("Zhengzhou") is not taken for one.
 */
function looksLikeCaseId(candidate: string): boolean {
  const parsed = parseCaseId(candidate);
  if (parsed.kind === "malformed") return false;
  if (/[\s-]/.test(candidate)) return true;
  // A digit and a letter: "EKEW84NHB" (even mistyped — the worker is then told so). Letters only
  // ("KQHXRTPMW", about one ID in fifteen): when its check character holds, which an English word
  // passes one time in thirty-one.
  return (/\d/.test(candidate) && /[A-Za-z]/.test(candidate)) || (parsed.kind === "valid" && /^[A-Z]+$/.test(candidate));
}
