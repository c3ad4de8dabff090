// A case as officers' tools show it: facts under the names of ../shared/eval/README.md, the route,
// and the ledger. Phone numbers are masked unless the caller is entitled to the full number.
import type { CaseEventRow, CaseLedger, CaseRow } from "./ledger.js";
import { formatCaseId } from "./case-id.js";
import { SPOKEN_MOBILE } from "../triage/contact.js";

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 7) return "****";
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

// A run of digits as people type a number: half- or full-width digits, with at most two separators
// between them ("138 1234 5678", "1381 234 5678", "138.1234.5678", "１３９－２２３３－４４５５", "(0373)5551234").
const NUMBER_RUN = /(?<![0-9０-９])((?:\+|＋)?(?:86|８６)[\s\-－]?)?[0-9０-９(（](?:[\s.\-－—·()（）]{0,3}[0-9０-９]){6,14}(?![0-9０-９])/g;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;


// A resident ID number (身份证号, 18 characters) and a bank card number (16–19 digits, maybe in groups
// of four): workers send them unasked ("要不要发给你"); officers never need them in the channel.
const ID_CARD_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const BANK_CARD_NUMBER = /(?<!\d)\d{4}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?(?!\d)/g;

function maskCardNumbers(text: string): string {
  if (!/\d{4}/.test(text)) return text;
  const ids = text.replace(ID_CARD_NUMBER, (id) => `${id.slice(0, 3)}${"*".repeat(11)}${id.slice(-4)}`);
  return ids.replace(BANK_CARD_NUMBER, (card) => {
    const digits = card.replace(/\D/g, "");
    return digits.length >= 16 && digits.length <= 19 ? `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}` : card;
  });
}

/**
 * Mobile and landline numbers inside free text (the worker's own words), masked the same way; ID card
 * and bank card numbers too.
 */
export function maskPhonesIn(text: string): string {
  text = maskCardNumbers(text);
  // The prefix (+86) is kept as written; a run that is no phone (an amount, a date) is left alone.
  const masked = text.replace(NUMBER_RUN, (run: string, prefix: string | undefined) => `${prefix ?? ""}${maskRun(run.slice(prefix?.length ?? 0))}`);
  return masked.replace(SPOKEN_MOBILE, (run) => {
    const digits = [...run.replace(/[\s，,]/g, "")];
    return `${digits.slice(0, 3).join("")}****${digits.slice(-4).join("")}`;
  });
}

/**
 * Masks the phones in a run of digit groups. The run may hold more than a phone ("欠5000 13812345678",
 * "13812345678 12人"): the longest consecutive groups that make a phone are masked, the rest looked at again.
 */
function maskRun(run: string): string {
  const parts = run.split(/([\s.\-－—·()（）]+)/); // digit groups at even indices, separators between
  for (let first = 0; first < parts.length; first += 2) {
    for (let last = parts.length - 1; last >= first; last -= 2) {
      const digits = parts.slice(first, last + 1).join("").normalize("NFKC").replace(/\D/g, "");
      if (MOBILE.test(digits) || LANDLINE.test(digits)) {
        return `${parts.slice(0, first).join("")}${maskPhone(digits)}${maskRun(parts.slice(last + 1).join(""))}`;
      }
    }
  }
  return run;
}

export interface CaseView {
  id: string;
  displayId: string;
  status: string;
  createdAt: string;
  dueAt: string | null;
  project: string | null;
  employer: string | null;
  amountYuan: number | null;
  headcount: number | { min: number; max: number } | null;
  division: { code: string; name: string | null } | null;
  /** The desk that has the case now (属地): the routed one, or the one it was transferred to. */
  jurisdictionCode: string | null;
  sector: string | null;
  projectKind: string | null;
  ownership: string | null;
  category: string;
  isArrears: boolean;
  phone: string | null;
  since: string | null;
  /** What the worker wrote for this complaint, message by message (phone numbers masked unless shown). */
  narrative: string;
  channel: string;
  route: unknown;
  reasons: unknown;
  collective: boolean;
  major: boolean;
  /** The collective case (集体欠薪组) it is counted in, if any: `arrears group show` takes it. */
  groupId: string | null;
  evidence: number;
  events: { at: string; actor: string; channel: string; type: string; data: unknown }[];
}

export function caseView(row: CaseRow, events: CaseEventRow[], evidence: number, showPhone = false): CaseView {
  const headcount =
    row.headcountMin === null
      ? null
      : row.headcountMin === row.headcountMax
        ? row.headcountMin
        : { min: row.headcountMin, max: row.headcountMax ?? row.headcountMin };
  return {
    id: row.id,
    displayId: formatCaseId(row.id),
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
    dueAt: row.dueAt === null ? null : new Date(row.dueAt).toISOString(),
    // A number typed into a name is masked as in the worker's words.
    project: row.project === null || showPhone ? row.project : maskPhonesIn(row.project),
    employer: row.employer === null || showPhone ? row.employer : maskPhonesIn(row.employer),
    amountYuan: row.amountYuan,
    headcount,
    division: row.divisionCode ? { code: row.divisionCode, name: row.divisionName } : null,
    jurisdictionCode: row.jurisdictionCode,
    sector: row.sector,
    projectKind: row.projectKind,
    ownership: row.ownership,
    category: row.category,
    isArrears: row.isArrears,
    phone: showPhone ? row.phone : maskPhone(row.phone),
    since: row.since,
    narrative: showPhone ? row.narrative : maskPhonesIn(row.narrative),
    channel: row.channel,
    route: row.route,
    reasons: row.reasons,
    collective: row.collective,
    major: row.major,
    groupId: row.groupId,
    evidence,
    events: events.map((event) => ({
      at: new Date(event.at).toISOString(),
      actor: event.actor,
      channel: event.channel,
      type: event.type,
      data: showPhone ? event.data : maskPhonesInData(event.data),
    })),
  };
}

/** The worker's words inside an event (an answer, a note) masked like the narrative; other values as they are. */
function maskPhonesInData(data: unknown): unknown {
  if (typeof data === "string") return maskPhonesIn(data);
  if (Array.isArray(data)) return data.map(maskPhonesInData);
  if (data !== null && typeof data === "object") {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, maskPhonesInData(value)]));
  }
  return data;
}

export function loadCaseView(ledger: CaseLedger, id: string, showPhone = false): CaseView | null {
  const row = ledger.find(id);
  if (!row) return null;
  return caseView(row, ledger.events(id), ledger.attachments(id).length, showPhone);
}
