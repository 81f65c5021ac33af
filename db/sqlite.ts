// The embedded store: one SQLite file, opened for durability — WAL, synchronous=FULL (a commit survives
// power loss before it is acknowledged), foreign keys on, a busy timeout so a backup or a second
// process waits rather than fails, and secure_delete so that erased data does not linger in free pages.
// better-sqlite3 runs each statement synchronously on one connection; the async store takes turns on
// it (a mutex), so one caller's transaction never takes in another's statements between its awaits.

import { closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { createLeases, createMutex } from "./lease.ts";
import journal from "./migrations/sqlite/meta/_journal.json" with { type: "json" };
import * as sqliteTables from "./schema/sqlite.ts";
import { type MigrationLevel, migrationLevelOf, type Q, type Store, type Tables } from "./store.ts";

const MIGRATIONS = fileURLToPath(new URL("./migrations/sqlite", import.meta.url));

export interface SqliteOptions {
  /**
   * FULL (the default) makes every commit durable before it returns: requests and their events. NORMAL
   * (still crash-safe and consistent in WAL mode) may lose the last commits on power loss: enough for
   * the bot's chat state, whose fsyncs would otherwise bound how many updates a second it handles.
   */
  synchronous?: "FULL" | "NORMAL" | undefined;
}

/** Does this database file already hold sealed data (a key check written by an earlier start)? */
export function holdsData(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return false;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const meta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    return meta !== undefined && db.prepare("SELECT 1 FROM meta WHERE key = 'key_check'").get() !== undefined;
  } finally {
    db.close();
  }
}

/** One connection per file in this process, whoever opens it: shared, taken in turns. */
interface Connection {
  sqlite: Database.Database;
  orm: ReturnType<typeof drizzle<typeof sqliteTables>>;
  turn: ReturnType<typeof createMutex>;
  leases: ReturnType<typeof createLeases<Q>>;
  /** The synchronous setting in force now (each store sets its own before its transactions). */
  synchronous: "FULL" | "NORMAL";
  users: number;
}
const connections = new Map<string, Connection>();

function connect(path: string): Connection {
  const key = path === ":memory:" ? `:memory:${connections.size}` : resolve(path);
  const open = connections.get(key);
  if (open) {
    open.users++;
    return open;
  }
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
    // Created owner-only (0600), like the key file: SQLite gives its -wal and -shm the same mode.
    if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  }
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("secure_delete = ON");
  const connection: Connection = {
    sqlite,
    orm: drizzle(sqlite, { schema: sqliteTables }),
    turn: createMutex(),
    leases: createLeases<Q>(),
    synchronous: "FULL",
    users: 1,
  };
  connections.set(key, connection);
  return connection;
}

/**
 * The store on a SQLite file. Every store opened on one file in this process shares its connection
 * (and its turns): a second connection's write would wait, blocking the event loop, for a transaction
 * of the first that is itself waiting for its next turn. `synchronous` is set per store, before each
 * of its transactions.
 */
export function openSqlite(path: string, options: SqliteOptions = {}): Store {
  const connection = connect(path);
  const { sqlite, orm, turn, leases } = connection;
  const synchronous = options.synchronous ?? "FULL";
  // The PostgreSQL-typed builder (store.ts): SQLite's answers the same awaited calls.
  const q = orm as unknown as Q;
  const dialect = new SQLiteSyncDialect();
  let savepoints = 0;
  let closed = false;
  const tails = new Map<string, Promise<unknown>>();

  const read = <T>(fn: (q: Q) => Promise<T>): Promise<T> => {
    if (leases.current()) return fn(q);
    return turn(() => leases.within(q, fn));
  };

  function level(): MigrationLevel {
    const hasTable = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get();
    const applied = hasTable
      ? (sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n
      : 0;
    return migrationLevelOf(applied, journal);
  }

  return {
    t: sqliteTables as unknown as Tables,
    location: path,
    shared: false,
    groupCommit: true,
    dialect: {
      shanghaiDay: (column) => sql`date(${column}, '+8 hours')`,
      joined: (expression) => sql`group_concat(${expression})`,
      // One writer at a time already (BEGIN IMMEDIATE): nothing is ever held by another.
      skipLocked: sql``,
    },
    read,
    tx<T>(fn: (q: Q) => Promise<T>): Promise<T> {
      if (leases.current()) return fn(q);
      return turn(() =>
        leases.within(q, async () => {
          if (connection.synchronous !== synchronous) {
            sqlite.pragma(`synchronous = ${synchronous}`);
            connection.synchronous = synchronous;
          }
          sqlite.exec("BEGIN IMMEDIATE");
          try {
            const result = await fn(q);
            sqlite.exec("COMMIT");
            return result;
          } catch (error) {
            if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
            throw error;
          }
        }),
      );
    },
    async savepoint<T>(fn: (q: Q) => Promise<T>): Promise<T> {
      const name = `sp${++savepoints}`;
      sqlite.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(q);
        sqlite.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        sqlite.exec(`ROLLBACK TO ${name}`);
        sqlite.exec(`RELEASE ${name}`);
        throw error;
      }
    },
    // One process writes the file: its transactions take turns already, and `exclusive` is a queue per
    // key in this process.
    lock: async () => undefined,
    exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const turn = (tails.get(key) ?? Promise.resolve()).then(fn);
      const settled = turn.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, settled);
      void settled.then(() => {
        if (tails.get(key) === settled) tails.delete(key);
      });
      return turn;
    },
    rows: <T>(query: SQL) =>
      read(async () => {
        const { sql: text, params } = dialect.sqlToQuery(query);
        const statement = sqlite.prepare(text);
        // A statement that returns no rows (an INSERT, an ANALYZE) runs; one that does is read.
        if (statement.reader) return statement.all(...params) as T[];
        statement.run(...params);
        return [];
      }),
    async migrate() {
      migrate(orm, { migrationsFolder: MIGRATIONS });
      return level();
    },
    migrationLevel: async () => level(),
    explain: (query) =>
      read(async () => {
        const { sql: text, params } = query.toSQL();
        const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[];
        return plan.map((r) => r.detail);
      }),
    async backup(file) {
      const { totalPages } = await sqlite.backup(file);
      return { pages: totalPages };
    },
    async close() {
      if (closed) return;
      closed = true;
      connection.users--;
      if (connection.users === 0 && sqlite.open) {
        for (const [key, c] of connections) if (c === connection) connections.delete(key);
        sqlite.close();
      }
    },
  };
}
