// The stores the store-backed suites run on: a SQLite file in a temporary folder, and PostgreSQL at
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), each harness in a schema of its
// own, dropped when it closes. Where no server answers, the PostgreSQL runs are skipped with a banner;
// REQUIRE_POSTGRES=1 (set by .ci/run) makes that a failure instead.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { parsePostgresUrl } from "../db/postgres.ts";

export type StoreKind = "sqlite" | "postgres";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function serverAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const POSTGRES = await serverAnswers();

/** The stores the parametrised suites run on: TEST_STORES=sqlite narrows them (CI's second Node run). */
const WANTED = (process.env.TEST_STORES ?? "sqlite,postgres").split(",").map((s) => s.trim());

/** Where the test server is, without a password the URL may hold. */
export const TEST_SERVER = parsePostgresUrl(TEST_DATABASE_URL).location;

if (!POSTGRES) {
  const banner = `PostgreSQL does not answer at ${TEST_SERVER}: its runs are skipped (set TEST_DATABASE_URL).`;
  if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`REQUIRE_POSTGRES=1 but ${banner}`);
  console.warn(`\n*** ${banner} ***\n`);
}

let current: StoreKind = "sqlite";

/** The store the running block uses (set by forEachStore). */
export const currentStore = () => current;

/** The same tests on each store: one describe block per store, PostgreSQL's skipped without a server. */
export function forEachStore(tests: (kind: StoreKind) => void): void {
  for (const kind of ["sqlite", "postgres"] as const) {
    if (!WANTED.includes(kind)) continue;
    describe.skipIf(kind === "postgres" && !POSTGRES)(`on ${kind}`, () => {
      let before: StoreKind;
      beforeAll(() => {
        before = current;
        current = kind;
      });
      afterAll(() => {
        current = before;
      });
      tests(kind);
    });
  }
}

export interface TestStore {
  kind: StoreKind;
  /** The settings that point the service at this store (DATABASE_PATH or DATABASE_URL). */
  env: Record<string, string>;
  /** A folder for the test's other files (and the SQLite file). */
  dir: string;
  /** Removes the store: the folder, and the PostgreSQL schema. */
  drop(): Promise<void>;
}

/** A new, empty store of the kind asked for. */
export async function freshStore(kind: StoreKind = current): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), "intake-test-"));
  if (kind === "sqlite") {
    return {
      kind,
      dir,
      env: { DATABASE_PATH: join(dir, "intake.sqlite") },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("schema", schema);
  return {
    kind,
    dir,
    env: { DATABASE_PATH: join(dir, "unused.sqlite"), DATABASE_URL: url.toString() },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
