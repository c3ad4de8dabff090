// Officer registry: which Slack user may act on which division's cases. An officer of a division may
// act on cases of that division and of every division under it (a city officer on its counties).
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/open.js";
import { officers } from "../db/schema.js";
import type { Gazetteer } from "../routing/gazetteer.js";

export const OFFICER_ROLES = ["officer", "leader"] as const;
export const officerRoleSchema = z.enum(OFFICER_ROLES);
export type OfficerRole = z.infer<typeof officerRoleSchema>;
export const slackUserIdSchema = z.string().regex(/^[UW][A-Z0-9]{2,}$/, "a Slack user ID such as U012ABCDEF");

export type OfficerRow = typeof officers.$inferSelect;

export class UnknownDivisionError extends Error {}

export class OfficerRegistry {
  constructor(
    private readonly db: Db,
    private readonly gazetteer: Gazetteer,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /**
   * Adds an officer at a division, or changes the role of one registered there. Without a role, a new
   * officer is an "officer" and a registered one keeps theirs (adding again never demotes a leader
   * unasked). `previousRole` tells the caller what changed.
   */
  add(input: { slackUserId: string; divisionCode: string; role?: OfficerRole; name?: string }): OfficerRow & { previousRole: OfficerRole | null } {
    const slackUserId = slackUserIdSchema.parse(input.slackUserId);
    if (!this.gazetteer.byCode(input.divisionCode)) throw new UnknownDivisionError(input.divisionCode);
    // A name is the person's, whatever the division: given once, it names them at every desk they hold.
    const name = input.name?.trim() || undefined;
    if (name !== undefined) this.db.update(officers).set({ name }).where(eq(officers.slackUserId, slackUserId)).run();
    const existing = this.find(slackUserId, input.divisionCode);
    if (existing) {
      const role = officerRoleSchema.parse(input.role ?? existing.role);
      if (role !== existing.role) this.db.update(officers).set({ role }).where(eq(officers.id, existing.id)).run();
      return { ...existing, role, previousRole: existing.role as OfficerRole };
    }
    const role = officerRoleSchema.parse(input.role ?? "officer");
    const inserted = this.db
      .insert(officers)
      .values({ slackUserId, divisionCode: input.divisionCode, role, createdAt: this.now(), name: name ?? this.displayNames(slackUserId).name, slackName: this.displayNames(slackUserId).slackName })
      .returning()
      .get();
    return { ...inserted, previousRole: null };
  }

  /** Removes the officer from one division, or from all when no division is given; returns how many rows. */
  remove(slackUserId: string, divisionCode?: string): number {
    const where =
      divisionCode === undefined
        ? eq(officers.slackUserId, slackUserId)
        : and(eq(officers.slackUserId, slackUserId), eq(officers.divisionCode, divisionCode));
    return this.db.delete(officers).where(where).run().changes;
  }

  find(slackUserId: string, divisionCode: string): OfficerRow | undefined {
    return this.db
      .select()
      .from(officers)
      .where(and(eq(officers.slackUserId, slackUserId), eq(officers.divisionCode, divisionCode)))
      .get();
  }

  list(): OfficerRow[] {
    return this.db.select().from(officers).orderBy(asc(officers.divisionCode), asc(officers.slackUserId)).all();
  }

  /** The divisions a Slack user is registered at (empty: not an officer). */
  assignments(slackUserId: string): OfficerRow[] {
    return this.db.select().from(officers).where(eq(officers.slackUserId, slackUserId)).all();
  }

  /**
   * May this user act on a case of `divisionCode`? Yes when registered at that division or one above it.
   * A case without a division (the triage desk) may be handled by leaders only.
   */
  mayAct(slackUserId: string, divisionCode: string | null): boolean {
    const mine = this.assignments(slackUserId);
    if (mine.length === 0) return false;
    if (divisionCode === null) return mine.some((row) => row.role === "leader");
    const chain = new Set(this.gazetteer.chain(divisionCode).map((d) => d.code));
    if (chain.size === 0) chain.add(divisionCode);
    return mine.some((row) => chain.has(row.divisionCode));
  }

  /** The names known for a Slack user: the bureau's (`officer add --name`) and the one Slack gave. */
  displayNames(slackUserId: string): { name: string | null; slackName: string | null } {
    const rows = this.assignments(slackUserId);
    return { name: rows.find((row) => row.name)?.name ?? null, slackName: rows.find((row) => row.slackName)?.slackName ?? null };
  }

  /** How people read a Slack user's name: the bureau's name for them, else their Slack name; null: none known. */
  displayName(slackUserId: string): string | null {
    const names = this.displayNames(slackUserId);
    return names.name ?? names.slackName;
  }

  /** Keeps the display name Slack gave for a user (users.info); false when it is not registered. */
  learnSlackName(slackUserId: string, slackName: string): boolean {
    const name = slackName.trim();
    if (name === "") return false;
    return this.db.update(officers).set({ slackName: name }).where(eq(officers.slackUserId, slackUserId)).run().changes > 0;
  }

  /** Whether a case of `divisionCode` falls under any of the user's divisions (for /cases). */
  covers(slackUserId: string, divisionCode: string | null): boolean {
    return this.mayAct(slackUserId, divisionCode);
  }
}
