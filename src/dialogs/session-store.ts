// Dialog sessions in the database: read and written on every turn, so both statements are prepared
// once and the stored JSON is validated only when this process did not write it itself.
import type Database from "better-sqlite3";
import { emptySession, sessionSchema, type Session } from "./session.js";

/** How many users' last saved state are remembered to skip re-validation (about 1 kB each). */
const TRUSTED_STATES = 5_000;

export class SessionStore {
  private readonly select: Database.Statement<[string], string>;
  private readonly upsert: Database.Statement<[string, string, number]>;
  /**
   * The JSON this process last wrote per user. A row that still holds exactly that text was made by
   * `save` from a session that had passed the schema, so parsing it again with zod proves nothing;
   * anything else (another process, a hand edit, an old format) is validated as usual.
   */
  private readonly trusted = new Map<string, string>();

  constructor(sqlite: Database.Database) {
    this.select = sqlite.prepare<[string], string>("SELECT state FROM dialog_sessions WHERE user_key = ?").pluck();
    this.upsert = sqlite.prepare<[string, string, number]>(
      "INSERT INTO dialog_sessions (user_key, state, updated_at) VALUES (?, ?, ?) " +
        "ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
    );
  }

  /** The stored session, or a fresh one when there is none or it does not parse (reset politely). */
  load(userKey: string): Session {
    const state = this.select.get(userKey);
    if (state === undefined) return emptySession();
    let json: unknown;
    try {
      json = JSON.parse(state);
    } catch {
      return emptySession();
    }
    if (this.trusted.get(userKey) === state) return json as Session;
    const parsed = sessionSchema.safeParse(json);
    return parsed.success ? parsed.data : emptySession();
  }

  /**
   * Writes the session in the caller's transaction. The trusted copy is updated at once: if the
   * transaction rolls back, the row keeps its older text, which then simply fails the comparison.
   */
  save(userKey: string, session: Session, now: number): void {
    const state = JSON.stringify(session);
    this.upsert.run(userKey, state, now);
    this.trusted.delete(userKey);
    this.trusted.set(userKey, state);
    if (this.trusted.size > TRUSTED_STATES) {
      const oldest = this.trusted.keys().next().value;
      if (oldest !== undefined) this.trusted.delete(oldest);
    }
  }
}
