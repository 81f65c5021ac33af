// The store on PostgreSQL (DATABASE_URL=postgres://…): drizzle's node-postgres driver on a pool of
// connections. `?schema=name` in the URL keeps the tables (and the migrations' bookkeeping) in a schema
// of their own; the default is public. Transactions are READ COMMITTED: the repositories' changes are
// conditional updates (… WHERE status = the status read), so two writers racing for one row get one
// winner and one "taken", as on SQLite.

import { fileURLToPath } from "node:url";
import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { createLeases } from "./lease.ts";
import journal from "./migrations/postgres/meta/_journal.json" with { type: "json" };
import * as pgTables from "./schema/pg.ts";
import { BackupUnsupported, type MigrationLevel, migrationLevelOf, type Q, type Store } from "./store.ts";

const MIGRATIONS = fileURLToPath(new URL("./migrations/postgres", import.meta.url));

// Advisory locks' first key: which kind of lock (the second is the hashed name). The migrations' lock
// uses the one-key form, a space of its own.
const LIMIT_LOCKS = 1;
const EXCLUSIVE_LOCKS = 2;

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number | undefined;
  /**
   * NORMAL: commits return before they reach the disk (synchronous_commit=off), like SQLite's NORMAL —
   * for the bot's chat state, never for requests.
   */
  synchronous?: "FULL" | "NORMAL" | undefined;
  /** Where a lost idle connection is told (the pool replaces it). */
  log?: ((line: string) => void) | undefined;
}

/** The URL without its ?schema=, and the schema (public when absent). */
export function parsePostgresUrl(url: string): {
  connectionString: string;
  schema: string;
  location: string;
} {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? "public";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`DATABASE_URL: schema "${schema}" is not a plain lower-case name`);
  u.searchParams.delete("schema");
  const location = `postgres://${u.host}${u.pathname}${schema === "public" ? "" : `?schema=${schema}`}`;
  return { connectionString: u.toString(), schema, location };
}

export function openPostgres(url: string, options: PostgresOptions = {}): Store {
  const { connectionString, schema, location } = parsePostgresUrl(url);
  const newPool = (max: number) => {
    const p = new pg.Pool({
      connectionString,
      max,
      options: `-c search_path=${schema}${options.synchronous === "NORMAL" ? " -c synchronous_commit=off" : ""}`,
    });
    // An idle connection the server dropped: the pool makes a new one; without a listener Node would exit.
    p.on("error", (error) => options.log?.(`PostgreSQL connection lost: ${error.message}`));
    return p;
  };
  const pool = newPool(options.poolSize ?? 10);
  // Connections that only hold `exclusive` locks, made on first use.
  let lockPool: pg.Pool | null = null;
  const orm = drizzle({ client: pool, schema: pgTables });
  const leases = createLeases<Q>();
  const q = orm as unknown as Q;

  const read = <T>(fn: (q: Q) => Promise<T>): Promise<T> => fn(leases.current() ?? q);

  async function level(): Promise<MigrationLevel> {
    const table = `"${schema}".__drizzle_migrations`;
    const { rows } = await pool.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [table]);
    const applied =
      rows[0]?.t == null
        ? 0
        : ((await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0);
    return migrationLevelOf(applied, journal);
  }

  return {
    t: pgTables,
    location,
    shared: true,
    groupCommit: false,
    dialect: {
      shanghaiDay: (column) =>
        sql`to_char((${column})::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
      joined: (expression) => sql`string_agg(${expression}, ',')`,
      skipLocked: sql` FOR UPDATE SKIP LOCKED`,
    },
    read,
    tx<T>(fn: (q: Q) => Promise<T>, options: { durable?: boolean } = {}): Promise<T> {
      const current = leases.current();
      if (current) return fn(current);
      return orm.transaction(async (tx) => {
        if (options.durable === false) await tx.execute(sql`SET LOCAL synchronous_commit = off`);
        return leases.within(tx as unknown as Q, fn);
      });
    },
    savepoint<T>(fn: (q: Q) => Promise<T>): Promise<T> {
      const current = leases.current();
      if (!current) throw new Error("savepoint outside a transaction");
      return (current as unknown as { transaction(f: (tx: Q) => Promise<T>): Promise<T> }).transaction(fn);
    },
    async lock(keys) {
      const current = leases.current();
      if (!current) throw new Error("lock outside a transaction");
      // In one order, so that two transactions locking the same keys never wait on each other.
      const sorted = [...new Set(keys)].sort();
      if (sorted.length === 0) return;
      await current.execute(
        sql`SELECT pg_advisory_xact_lock(${LIMIT_LOCKS}, hashtext(k)) FROM unnest(${sql.param(sorted)}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`,
      );
    },
    async exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
      // A connection of its own holds the lock for as long as `fn` runs; `fn`'s queries use the pool.
      lockPool ??= newPool(options.poolSize ?? 10);
      const client = await lockPool.connect();
      // Checked out, the connection has no pool to report a drop to: without a listener, Node would exit.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
        options.log?.(`PostgreSQL lock connection lost: ${error.message}`);
      };
      client.on("error", onError);
      try {
        await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [EXCLUSIVE_LOCKS, key]);
        try {
          return await fn();
        } finally {
          await client
            .query("SELECT pg_advisory_unlock($1, hashtext($2))", [EXCLUSIVE_LOCKS, key])
            .catch((error: Error) => {
              lost = error; // a lock not released: the connection (and with it the lock) is dropped
            });
        }
      } finally {
        client.off("error", onError);
        client.release(lost ?? false);
      }
    },
    rows: <T>(query: SQL) => read(async (db) => (await db.execute(query)).rows as T[]),
    async migrate() {
      // One process migrates at a time; another starting together waits, then finds nothing to do.
      const client = await pool.connect();
      const lock = `migrate:${schema}`;
      try {
        await client.query("SELECT pg_advisory_lock(hashtext($1))", [lock]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS, migrationsSchema: schema });
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtext($1))", [lock]).catch(() => undefined);
        client.release();
      }
      return level();
    },
    migrationLevel: level,
    async explain(query) {
      const { sql: text, params } = query.toSQL();
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, params);
      return rows.map((r) => r["QUERY PLAN"]);
    },
    async backup() {
      throw new BackupUnsupported(
        "the store is on PostgreSQL (DATABASE_URL). Use pg_dump (README, 'Choosing a store'), and keep INTAKE_DATA_KEY apart from the dump.",
      );
    },
    async close() {
      if (lockPool && !lockPool.ended) await lockPool.end();
      if (!pool.ended) await pool.end();
    },
  };
}
