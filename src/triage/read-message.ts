// First reading of a worker's message (首问登记): the facts an officer records, each null when unsaid.
import type { PlaceResolution } from "../routing/gazetteer.js";
import { readAmount } from "./amounts.js";
import { readPhone, readSince } from "./contact.js";
import { readEmployer } from "./employer.js";
import { readHeadcount } from "./headcount.js";
import { removeInstructions } from "./injection.js";
import { normalize } from "./normalize.js";
import { readProject } from "./project.js";
import { readShares } from "./shares.js";
import { speaksOfWagesWithin, wagesWithinSum } from "./wages-within.js";
import type { MessageReading } from "./reading.js";
import { guessSector, housingSaid, readNamedSector, readOwnership, readProjectKind } from "./sector.js";

/** What the reader needs of a gazetteer; the routing Gazetteer satisfies it. */
export interface PlaceResolver {
  resolve(text: string): PlaceResolution;
}

export interface PreparedText {
  /** Normalised, with any instructions to the system removed. */
  text: string;
  instructionsRemoved: boolean;
}

export function prepareText(raw: string): PreparedText {
  const sanitized = removeInstructions(normalize(raw));
  return { text: sanitized.text, instructionsRemoved: sanitized.instructionsRemoved };
}

// "俺老家是周口的", "我是河南人": where the worker comes from, not where the work is.
// "包工头是河南周口的": where the contractor comes from, not where the cotton was picked.
const HOMETOWN =
  /(?:老家|家乡|户口|籍贯)(?:是|在)?[^，,。！？!?\s]{0,12}|(?:俺|我|俺们|我们)是[^，,。！？!?\s在]{1,8}(?:人|的)(?=[\s，,。！!？?]|$)|(?:包工头|工头|老板|班组长|他|她)是[^，,。！？!?\s在]{2,8}(?:人|的)(?=[\s，,。！!？?]|叫|$)/g;

const TOTAL_STATED = /一共|总共|合计|共计|总计|加起来|in total|altogether/;

/** The sum in the clause that says it is the total ("一共欠三万"), when the whole message has several. */
function totalInItsClause(text: string, headcount: MessageReading["headcount"]): number | null {
  for (const clause of text.split(/[\s，,、；;。！!？?]+/)) {
    if (TOTAL_STATED.test(clause)) {
      const amount = readAmount(clause, headcount);
      if (amount !== null) return amount;
    }
  }
  return null;
}

/** Reads text already passed through prepareText. */
export function readPrepared(text: string, gazetteer?: PlaceResolver): MessageReading {
  let headcount = readHeadcount(text);
  let amountYuan = readAmount(text, headcount);
  // Shares told one by one name their people and add up to the sum, unless more people are counted
  // than named (then the list is partial) or the total is stated as well.
  const shares = readShares(text);
  // The total is the sum in the clause that says so ("一共四个人" says no sum).
  const statedTotal = TOTAL_STATED.test(text) ? totalInItsClause(text, headcount) : null;
  if (shares !== null && (headcount === null || headcount.max <= shares.headcount)) {
    // "一共三万 张三8000 李四7500": a total that the shares do not make means others are owed too;
    // the total stands and the count is asked, not taken from the names.
    if (statedTotal === null || statedTotal === shares.amountYuan) {
      headcount = { min: shares.headcount, max: shares.headcount };
      amountYuan = shares.amountYuan;
    } else amountYuan = statedTotal;
  } else if (amountYuan === null && statedTotal !== null) amountYuan = statedTotal;
  // "工程款80万 里面有工人工资30万": the wages are the complaint's sum; the rest is a business's claim.
  // With no sum of their own ("里面有我手下三十多个工人的工资"), the sum read is the project money's: the
  // wages' sum is asked.
  if (speaksOfWagesWithin(text)) amountYuan = wagesWithinSum(text);
  const namedSector = readNamedSector(text);
  const sector = namedSector ?? guessSector(text);
  const employer = readEmployer(text, sector);
  const project = readProject(text, sector);
  const projectKind = readProjectKind(text, sector);
  return {
    // "外包公司叫茂建工程": a company whose name ends like a project is the employer, not the site.
    project: project !== null && project === employer ? null : project,
    employer,
    amountYuan,
    headcount,
    place: gazetteer ? gazetteer.resolve(text.replace(HOMETOWN, " ")) : { status: "none" },
    sector,
    sectorGuessed: namedSector === null && sector !== null,
    projectKind,
    projectKindGuessed: projectKind === "housing" && !housingSaid(text),
    ownership: readOwnership(text),
    phone: readPhone(text),
    since: readSince(text),
  };
}

export function readMessage(text: string, gazetteer?: PlaceResolver): MessageReading {
  return readPrepared(prepareText(text).text, gazetteer);
}
