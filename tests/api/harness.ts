// A real app on a real store — a SQLite file in a temporary folder, or a PostgreSQL schema of its own
// (tests/stores.ts) — with a clock the test moves.

import { readFileSync } from "node:fs";
import { type SQL, sql } from "drizzle-orm";
import { createApp } from "../../portal/server/app.ts";
import { readConfig } from "../../portal/server/config.ts";
import type { AppDeps } from "../../portal/server/deps.ts";
import { buildDeps } from "../../portal/server/service.ts";
import { currentStore, freshStore, type StoreKind } from "../stores.ts";

export const TEST_KEY = "a".repeat(64);

export interface Harness {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  /** A folder for the test's files (and the SQLite store's). */
  dir: string;
  store: StoreKind;
  /** The settings that open this same store again (DATABASE_PATH, or DATABASE_URL). */
  storeEnv: Record<string, string>;
  clock: { now: Date };
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Rows straight from the store, for what no API shows (column aliases double-quoted). */
  rows<T>(query: SQL): Promise<T[]>;
  /** The same, from SQL text with ? placeholders (written to run on both engines). */
  query<T>(text: string, ...params: unknown[]): Promise<T[]>;
  /**
   * Everything the store holds, as bytes: the SQLite file (checkpointed), or every value of every table
   * in the PostgreSQL schema — to show what is, and is not, readable at rest.
   */
  rawBytes(): Promise<Buffer>;
  /** How many rows a table holds. */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/** SQL text with ? placeholders, as a query drizzle renders for either engine. */
export function withParams(text: string, params: unknown[]): SQL {
  const parts = text.split("?");
  if (parts.length !== params.length + 1)
    throw new Error(`${params.length} values for ${parts.length - 1} placeholders`);
  return sql.join(
    parts.flatMap((part, i) => (i < params.length ? [sql.raw(part), sql`${params[i]}`] : [sql.raw(part)])),
  );
}

export async function harness(
  env: Record<string, string> = {},
  start = "2026-11-27T02:00:00Z",
  kind: StoreKind = currentStore(),
): Promise<Harness> {
  const store = await freshStore(kind);
  const clock = { now: new Date(start) };
  // scrypt at 2^10 instead of OWASP's 2^17: the same code, a test-speed cost (from configuration).
  const config = readConfig({ ...store.env, INTAKE_DATA_KEY: TEST_KEY, SCRYPT_LOG_N: "10", ...env });
  const { deps } = await buildDeps(config, { log: () => {}, now: () => clock.now });
  const app = createApp(deps);
  const rows = <T>(query: SQL) => deps.db.rows<T>(query);
  return {
    app,
    deps,
    dir: store.dir,
    store: kind,
    storeEnv: store.env,
    clock,
    post: (path, body, headers = {}) =>
      Promise.resolve(
        app.request(path, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
      ),
    rows,
    // The engine's own error (drizzle wraps PostgreSQL's in "Failed query: …" with it as the cause).
    query: <T>(text: string, ...params: unknown[]) =>
      rows<T>(withParams(text, params)).catch((error: unknown) => {
        throw (error as { cause?: unknown }).cause ?? error;
      }),
    async rawBytes() {
      if (kind === "sqlite") {
        await rows(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
        return readFileSync(store.env.DATABASE_PATH as string);
      }
      const tables = await rows<{ name: string }>(
        sql`SELECT table_name AS "name" FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      const chunks: Buffer[] = [];
      for (const { name } of tables) {
        for (const row of await rows<Record<string, unknown>>(sql`SELECT * FROM ${sql.identifier(name)}`)) {
          for (const value of Object.values(row)) {
            if (Buffer.isBuffer(value)) chunks.push(value);
            else if (value !== null)
              chunks.push(Buffer.from(typeof value === "string" ? value : JSON.stringify(value)));
          }
        }
      }
      return Buffer.concat(chunks);
    },
    async count(table) {
      const [row] = await rows<{ n: number }>(
        sql`SELECT CAST(count(*) AS integer) AS "n" FROM ${sql.identifier(table)}`,
      );
      return row?.n ?? 0;
    },
    async close() {
      await deps.db.close();
      await store.drop();
    },
  };
}

/** A one-person 无锡 household whose emergency puts basic living at risk (urgent). */
export function urgentSituation() {
  return {
    schemaVersion: 1,
    jurisdiction: "wuxi",
    asOf: "2026-11-20",
    area: "urban",
    localHukou: true,
    members: [{ relation: "self", age: 67, income: [], disability: null, illness: null }],
    emergency: { kind: "sudden_illness", category: "urgent", date: "2026-11-10", basicLivingAtRisk: true },
  };
}

export function submission(overrides: Record<string, unknown> = {}) {
  return {
    situation: urgentSituation(),
    contact: { phone: "13812345678" },
    applicant: { kind: "helper", name: "王小明", relationship: "child", phone: "13900001111" },
    person: { name: "王秀英" },
    consent: { given: true, noticeVersion: "2026-11-28", basis: "person_agreed" },
    lang: "zh-CN",
    ...overrides,
  };
}

export interface StaffClient {
  name: string;
  id: number;
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  /** A state-changing call with the session's CSRF token. */
  post(path: string, body?: unknown): Promise<Response>;
}

export const STAFF_PASSWORD = "correct horse battery";

/** A staff account with a settled password (no first-login change pending), signed in. */
export async function staffClient(
  h: Harness,
  name: string,
  role: "agent" | "supervisor" | "admin",
  jurisdiction: string,
): Promise<StaffClient> {
  const account = await h.deps.staff.add({
    name,
    role,
    jurisdiction,
    passwordHash: await h.deps.passwords.hash(STAFF_PASSWORD),
  });
  await h.deps.staff.setPassword(account.id, await h.deps.passwords.hash(STAFF_PASSWORD), false);
  return login(h, name, STAFF_PASSWORD, account.id);
}

export async function login(h: Harness, name: string, password: string, id = 0): Promise<StaffClient> {
  const res = await h.post("/api/staff/login", { name, password });
  if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken, staff } = await res.json();
  return clientFor(h, name, staff?.id ?? id, cookie, csrfToken);
}

export function clientFor(h: Harness, name: string, id: number, cookie: string, csrf: string): StaffClient {
  return {
    name,
    id,
    cookie,
    csrf,
    get: (path) => Promise.resolve(h.app.request(path, { headers: { cookie } })),
    post: (path, body) =>
      Promise.resolve(
        h.app.request(path, {
          method: "POST",
          headers: {
            cookie,
            "x-csrf-token": csrf,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
  };
}

/** Files a request through the public API and returns its reference. */
export async function fileOne(h: Harness, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h.post("/api/requests", submission(overrides));
  if (res.status !== 201) throw new Error(`file: ${res.status} ${await res.text()}`);
  return (await res.json()).reference;
}
