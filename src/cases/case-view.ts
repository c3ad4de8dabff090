// A case as officers' tools show it: facts under the names of ../shared/eval/README.md, the route,
// and the ledger. Phone numbers are masked unless the caller is entitled to the full number.
import type { CaseEventRow, CaseLedger, CaseRow } from "./ledger.js";
import { formatCaseId } from "./case-id.js";

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 7) return "****";
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Mobile and landline numbers inside free text (the worker's own words), masked the same way. */
export function maskPhonesIn(text: string): string {
  // "13812345678", "138 1234 5678", "+86 138-1234-5678", "0373-5551234": the prefix is kept as written.
  return text.replace(
    /(?<![\d])(\+?86[-\s]?)?(1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}-?\d{7,8})(?![\d])/g,
    (_match, prefix: string | undefined, number: string) => `${prefix ?? ""}${maskPhone(number.replace(/\D/g, "")) ?? number}`,
  );
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
    project: row.project,
    employer: row.employer,
    amountYuan: row.amountYuan,
    headcount,
    division: row.divisionCode ? { code: row.divisionCode, name: row.divisionName } : null,
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
