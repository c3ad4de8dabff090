// A worker's stored dialog state. Parsed with zod at every load: a row that does not parse (an old
// format, a hand edit) is reset politely instead of crashing the turn.
import { z } from "zod";
import { SUPPORTED_LOCALES } from "../config.js";
import { categorySchema } from "../domain.js";
import { factNameSchema, factsSchema } from "./facts.js";

export const attachmentInputSchema = z.object({
  type: z.enum(["photo", "document", "voice", "video", "audio"]),
  fileId: z.string().min(1).max(512),
  sizeBytes: z.number().int().nonnegative().nullable(),
  caption: z.string().max(1024).nullable(),
  storedPath: z.string().nullable().default(null),
});
export type AttachmentInput = z.infer<typeof attachmentInputSchema>;

export const placeCandidateSchema = z.object({ code: z.string(), label: z.string(), name: z.string() });

export const expectingSchema = z.union([factNameSchema, z.literal("confirm"), z.literal("editChoice")]);
export type Expecting = z.infer<typeof expectingSchema>;

export const draftSchema = z.object({
  facts: factsSchema,
  /** Facts answered "don't know" or skipped: not asked again. */
  settled: z.array(factNameSchema).default([]),
  /** Everything the worker wrote for this complaint, for classification and the ledger. */
  narrative: z.array(z.string()).default([]),
  category: categorySchema.default("wage_arrears"),
  expecting: expectingSchema.nullable().default(null),
  placeCandidates: z.array(placeCandidateSchema).default([]),
  attachments: z.array(attachmentInputSchema).default([]),
  startedAt: z.number(),
  /** The worker said it is about unpaid wages ("其实是欠工资"): logged as arrears for an officer to check. */
  workerSaysArrears: z.boolean().optional(),
  /**
   * The worker said no wages are owed and what the matter is instead ("没有欠钱，是没交社保"): that
   * matter's category, which the first words of the story ("老板欠我钱") no longer outweigh.
   */
  workerSaysNotArrears: categorySchema.optional(),
  /** The filer's open complaint about the same employer or project, asked about once: same matter or another? */
  similarAsked: z.string().optional(),
  /** The worker answered it: another matter, logged on its own. */
  similarAnswered: z.boolean().optional(),
  /**
   * The sum was told as the worker's own ("欠我一万五") and others are owed too: asked once whether it is
   * everyone's ("asked"), then "total" (it is), "own" (it is the worker's share; the total is unknown), or
   * "unsure" (the worker does not know: the sum is kept as told, and the officer checks whose it is).
   */
  amountScope: z.enum(["asked", "total", "own", "unsure"]).optional(),
  /**
   * Required facts (place, amount) the worker said once they do not know, and was asked again: a second
   * "don't know" leaves them to the officer — the complaint is logged all the same (首问负责制).
   */
  pressed: z.array(factNameSchema).optional(),
  /** The kind of works is housing only for want of another (read so, never said): a kind said later replaces it. */
  projectKindGuessed: z.boolean().optional(),
  /** "每人七千" before anyone was counted: each one's share, multiplied once the count is known. */
  perHeadYuan: z.number().positive().optional(),
  /** The sum made of that share times the count: while the sum is still this, a new count remakes it. */
  perHeadTotalYuan: z.number().positive().optional(),
  /**
   * "每人四千五" and "八九个人", and no total: the sum is kept at the range's low end, the least that is
   * owed, and the range is shown beside it for the officer to check. Dropped when the sum changes.
   */
  amountRange: z.object({ low: z.number().positive(), high: z.number().positive() }).optional(),
});
export type Draft = z.infer<typeof draftSchema>;

export const sessionSchema = z.object({
  v: z.literal(1).default(1),
  locale: z.enum(SUPPORTED_LOCALES).nullable().default(null),
  /** True while the locale is the language the worker writes in, not one chosen with /lang: it follows their writing. */
  localeDetected: z.boolean().default(false),
  draft: draftSchema.nullable().default(null),
  /** The case evidence goes to when no draft is open: the one just logged or last queried. */
  currentCaseId: z.string().nullable().default(null),
  /**
   * Set for one message after a status query that lacked something: the bot asked for the ID
   * (caseId null), or found no case the asker may see (the ID, so an access code alone completes it).
   */
  pendingStatus: z.object({ caseId: z.string().nullable() }).nullable().default(null),
  /** Cases this chat opened with their access code (帮别人查): not asked for the code again. */
  unlockedCaseIds: z.array(z.string()).max(20).default([]),
  /** The case whose officer's question the next message answers (the worker pressed "answer"). */
  answeringCaseId: z.string().nullable().default(null),
  /** When this chat last gave a wrong access code (the newest few): guessing is rate-limited. */
  codeFailures: z.array(z.number()).max(10).default([]),
  /** Messages forwarded before any complaint was told (the boss's promises): kept for the one told next. */
  forwarded: z.array(z.string()).max(10).default([]),
  /** The worker's phone, sent before any complaint was told: kept for the one told next. */
  pendingPhone: z.string().nullable().default(null),
  /** "在郑州市中原区", sent alone before any complaint was told: the place, kept for the story told next. */
  pendingPlace: z.string().max(60).nullable().default(null),
  /** The worker sent /new: their next message tells a new complaint, not news of the last one. */
  newComplaintAsked: z.boolean().default(false),
  /**
   * Hints given once per case, as "<hint>:<case id>" (the newest few): a worker sending news five times
   * is not told five times how to file another complaint, nor asked again and again for a phone.
   */
  hintsGiven: z.array(z.string()).max(12).default([]),
  /** The draft the worker cancelled, kept a day: "想了想还是要投诉" brings it back instead of starting over. */
  cancelledDraft: z.object({ draft: draftSchema, at: z.number() }).nullable().default(null),
});
export type Session = z.infer<typeof sessionSchema>;

/** A new user's session — what sessionSchema makes of {} (test/empty-states.test.ts), without a zod parse per new user. */
export function emptySession(): Session {
  return { v: 1, locale: null, localeDetected: false, draft: null, currentCaseId: null, pendingStatus: null, unlockedCaseIds: [], answeringCaseId: null, codeFailures: [], forwarded: [], pendingPhone: null, pendingPlace: null, newComplaintAsked: false, hintsGiven: [], cancelledDraft: null };
}
