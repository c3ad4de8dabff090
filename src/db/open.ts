// Opens the SQLite database, sets durability, and applies the committed drizzle-kit migrations.
import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Store {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** Accepts a plain path, "file:PATH" or ":memory:" (tests). */
export function sqlitePath(databaseUrl: string): string {
  if (databaseUrl === ":memory:") return databaseUrl;
  return databaseUrl.startsWith("file:") ? databaseUrl.slice("file:".length) : databaseUrl;
}

/**
 * How hard a commit holds on to disk (SQLite's synchronous pragma, in WAL mode). "full" syncs the WAL at
 * every commit: once a worker is told a case ID, or an officer's action is acknowledged, a power cut or an
 * OS crash cannot take it back. "normal" syncs only at checkpoints: it survives a crash of this process
 * but may lose the last commits to a power cut, for about half the cost of a turn.
 */
export type Durability = "full" | "normal";

export function openStore(databaseUrl: string, durability: Durability = "full"): Store {
  const path = sqlitePath(databaseUrl);
  if (path !== ":memory:") {
    // Workers' phones and words are in this file: a new one is readable by its owner only (SQLite gives
    // the -wal and -shm files the database's mode). An existing file keeps the mode it was given.
    mkdirSync(dirname(resolve(path)), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
  } catch (error) {
    throw new Error(`cannot open the database ${resolve(path)} (DATABASE_URL): ${error instanceof Error ? error.message : String(error)}`);
  }
  // WAL lets status queries read while a filing writes.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(durability === "full" ? "synchronous = FULL" : "synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Checkpoints copy the WAL back into the database file. A timer does it while the bot is idle, so
  // that a worker's turn rarely pays for it; SQLite's own automatic checkpoint remains the backstop
  // that keeps the WAL (and every read through it) bounded under sustained load. Its default (1000
  // pages) made every ~30th filing pay a checkpoint with two fsyncs (turn p99 ≈ 7 ms); at 8000 pages
  // (≈ 32 MB of WAL) hot pages are copied once per checkpoint instead of many times, and under load
  // a checkpoint comes every few hundred filings.
  sqlite.pragma("wal_autocheckpoint = 8000");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  // The planner needs table statistics to pick the right index for desk queries (overdue lists);
  // "optimize" gathers them cheaply where they are missing or stale.
  // analysis_limit bounds the work on a large ledger to a sample per index.
  sqlite.pragma("analysis_limit = 400");
  sqlite.pragma("optimize=0x10002");
  let checkpoint: NodeJS.Timeout | undefined;
  if (path !== ":memory:") {
    checkpoint = setInterval(() => {
      try {
        sqlite.pragma("wal_checkpoint(PASSIVE)");
      } catch {
        // Busy or closing: the next tick tries again.
      }
    }, 2_000);
    checkpoint.unref();
  }
  return {
    db,
    sqlite,
    close: () => {
      if (checkpoint) clearInterval(checkpoint);
      // A last full checkpoint keeps the WAL file small between runs.
      if (sqlite.open) {
        try {
          sqlite.pragma("wal_checkpoint(TRUNCATE)");
        } catch {
          // another connection may hold it; SQLite checkpoints on the next open anyway
        }
        sqlite.close();
      }
    },
  };
}
