// The store, whichever engine holds it: an embedded SQLite file (the default) or PostgreSQL
// (DATABASE_URL=postgres://…). Repositories are written once against this interface: every query runs
// inside `read` or `tx`, awaited, through drizzle's query builder on the tables in `t`. Nothing outside
// db/ learns which engine runs.

import type { SQL } from "drizzle-orm";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import type * as tables from "./schema/pg.ts";

export type Tables = typeof tables;

/**
 * The query builder repositories write with. It is typed as PostgreSQL's; SQLite's builder takes the
 * same awaited calls (select/insert/update/delete, returning, onConflict…), and the type keeps out the
 * SQLite-only ones (.get(), .all(), .run()) that PostgreSQL lacks.
 */
export type Q = PgDatabase<NodePgQueryResultHKT, Tables>;

/** SQL that differs between the engines, as fragments the repositories compose. */
export interface Dialect {
  /** The Beijing calendar date (YYYY-MM-DD) of an ISO 8601 instant column. */
  shanghaiDay(column: SQL): SQL;
  /** The values of a group joined with commas. */
  joined(expression: SQL): SQL;
  /** After a SELECT … LIMIT of rows to claim: skip those another transaction holds (or nothing). */
  skipLocked: SQL;
}

export interface MigrationLevel {
  applied: number;
  latest: string | null;
  /** Migrations shipped with this code that the database has not applied yet. */
  pending: number;
}

/** The level reported for `applied` migrations of an engine's journal (db/migrations/<engine>). */
export function migrationLevelOf(applied: number, journal: { entries: { tag: string }[] }): MigrationLevel {
  const entries = journal.entries;
  return {
    applied,
    latest: applied > 0 ? (entries[applied - 1]?.tag ?? null) : null,
    pending: Math.max(0, entries.length - applied),
  };
}

export interface Store {
  /** The tables, for the query builder. */
  readonly t: Tables;
  readonly dialect: Dialect;
  /** Where the data lives, for log lines: a file path, or a PostgreSQL host/database (no password). */
  readonly location: string;
  /**
   * Several service processes may use this store at once (PostgreSQL): what must hold across them —
   * the limits — is kept in the store, not in a process's memory.
   */
  readonly shared: boolean;
  /**
   * SQLite commits several submissions in one transaction (one fsync for many, each in its own
   * savepoint); PostgreSQL commits each on its own.
   */
  readonly groupCommit: boolean;
  /** Queries outside a transaction (inside one, they join it). */
  read<T>(fn: (q: Q) => Promise<T>): Promise<T>;
  /**
   * One transaction: all or nothing. Nested calls join the transaction already running. `durable:
   * false` lets the commit return before it reaches the disk (PostgreSQL's synchronous_commit=off):
   * for counts a crash may lose without harm (the limits), never for requests.
   */
  tx<T>(fn: (q: Q) => Promise<T>, options?: { durable?: boolean }): Promise<T>;
  /** Inside a transaction, `fn`'s writes undone alone when it throws; the transaction goes on. */
  savepoint<T>(fn: (q: Q) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: takes these keys' locks, held until it ends, so that two processes counting
   * under one key take turns (PostgreSQL's advisory locks; SQLite's writers take turns already).
   */
  lock(keys: readonly string[]): Promise<void>;
  /**
   * Runs `fn` while holding `key`'s lock: one at a time per key across every process on the store (a
   * chat's updates). Not a transaction: `fn` reads and writes as usual.
   */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Raw rows for a query no builder expresses (column aliases double-quoted: "createdAt"). */
  rows<T>(query: SQL): Promise<T[]>;
  /** Applies the committed migrations (one process at a time) and reports the level. */
  migrate(): Promise<MigrationLevel>;
  migrationLevel(): Promise<MigrationLevel>;
  /** The query plan, one line per step (for the queue's benchmark and its index test). */
  explain(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]>;
  /** A consistent online copy to a new file; refused where the engine has its own tool (pg_dump). */
  backup(file: string): Promise<{ pages: number }>;
  close(): Promise<void>;
}

/** The store cannot make a file copy of itself (PostgreSQL: use pg_dump). */
export class BackupUnsupported extends Error {}

/** A unique key was taken by a concurrent writer (PostgreSQL 23505; SQLite's writers never race). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}
