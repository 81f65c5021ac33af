// One SQLite file, opened for durability: WAL, synchronous=FULL (a commit survives power loss before it
// is acknowledged), foreign keys on, a busy timeout so a backup or a second process waits, not fails, and
// secure_delete so that erased data does not linger in free pages.

import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema.ts";

export type Drizzle = BetterSQLite3Database<typeof schema>;

export interface Db {
  sqlite: Database.Database;
  orm: Drizzle;
  path: string;
  close(): void;
}

export interface OpenOptions {
  /**
   * FULL (the default) makes every commit durable before it returns: requests and their events. NORMAL
   * (still crash-safe and consistent in WAL mode) may lose the last commits on power loss: enough for
   * the bot's chat state, whose fsyncs would otherwise bound how many updates a second it handles.
   */
  synchronous?: "FULL" | "NORMAL";
}

export function openDb(path: string, options: OpenOptions = {}): Db {
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
    // Created owner-only (0600), like the key file: SQLite gives its -wal and -shm the same mode.
    if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  }
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Deleted and overwritten content is zeroed, not left in free pages: retention must really erase.
  sqlite.pragma("secure_delete = ON");
  return { sqlite, orm: drizzle(sqlite, { schema }), path, close: () => sqlite.close() };
}
