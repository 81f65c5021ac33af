// The service and its commands on PostgreSQL (DATABASE_URL), as an operator meets them: npm start, the
// migrations (one process at a time), npm run staff, db:backup's pointer to pg_dump, and one-line
// refusals that never print the URL's password. Skipped, with a banner, where no server answers.

import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import journal from "../../db/migrations/postgres/meta/_journal.json" with { type: "json" };
import { freshStore, POSTGRES, type TestStore } from "../stores.ts";
import { fileOneOver, type Running, root, startServer, stop } from "./process.ts";

const KEY = "6".repeat(64);
const running: Running[] = [];
const stores: TestStore[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => stop(r)));
  for (const s of stores.splice(0)) await s.drop();
});

async function store(): Promise<Record<string, string>> {
  const s = await freshStore("postgres");
  stores.push(s);
  return { DATABASE_URL: s.env.DATABASE_URL as string, INTAKE_DATA_KEY: KEY, SCRYPT_LOG_N: "10" };
}

const script = (name: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", join(root, `scripts/${name}.ts`), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
  });

/** The same, not waited for: two of them run at once. */
const started = (name: string, env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, `scripts/${name}.ts`)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.once("close", (code) => resolve({ code, out }));
  });

const latest = journal.entries[journal.entries.length - 1]?.tag;

describe.skipIf(!POSTGRES)("on PostgreSQL (DATABASE_URL)", () => {
  it("npm start migrates, serves, and names the database without its password", async () => {
    const env = await store();
    const server = await startServer(env);
    running.push(server);
    expect(server.output()).toMatch(
      new RegExp(`database postgres://[^@\\s]+/\\w+\\?schema=t_\\w+, migration ${latest}\\)`),
    );
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.migrations).toEqual({ applied: journal.entries.length, latest, pending: 0 });
    const filed = await fileOneOver(server);
    expect(filed.status).toBe(201);
  });

  it("db:migrate applies the migrations once; two at once take turns and both succeed", async () => {
    const env = await store();
    const [a, b] = await Promise.all([started("db-migrate", env), started("db-migrate", env)]);
    expect(a?.code, a?.out).toBe(0);
    expect(b?.code, b?.out).toBe(0);
    for (const r of [a, b]) {
      expect(r?.out).toContain(`${journal.entries.length} migration(s) applied, latest ${latest}.`);
    }
    const again = script("db-migrate", [], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(a?.out);
  });

  it("npm run staff adds an account the service then signs in", async () => {
    const env = await store();
    const added = script("staff", ["add", "王芳", "--role", "agent", "--jurisdiction", "jilin"], env);
    expect(added.status, added.stderr).toBe(0);
    const password = added.stdout.split("\n").find((l) => /^[2-9a-hjkmnp-zA-HJ-NP-Z]{16}$/.test(l));
    const server = await startServer(env);
    running.push(server);
    const res = await fetch(`${server.url}/api/staff/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "王芳", password }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).mustChangePassword).toBe(true);
  });

  it("db:backup says to use pg_dump, exit 2", async () => {
    const r = script("db-backup", [join(root, "never-written.sqlite")], await store());
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^Cannot back up: the store is on PostgreSQL \(DATABASE_URL\)\. Use pg_dump/,
    );
  });
});

describe("DATABASE_URL refusals, one line each, exit 2", () => {
  it("without INTAKE_DATA_KEY: no key file is kept beside a remote database", () => {
    const r = script("start", [], { DATABASE_URL: "postgres://intake@127.0.0.1:5432/test" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      "Cannot start: INTAKE_DATA_KEY: is required with DATABASE_URL (no key file is kept beside a remote database)",
    );
  });

  it("not a postgres:// URL: named, its value (maybe a password) not echoed", () => {
    const r = script("start", [], { DATABASE_URL: "mysql://root:hunter2@db/intake", INTAKE_DATA_KEY: KEY });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^Cannot start: DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(r.stderr).not.toContain("hunter2");
  });

  it("a server that does not answer: where, and why, without the password", () => {
    const r = script("start", [], {
      DATABASE_URL: "postgres://intake:hunter2@127.0.0.1:1/intake",
      INTAKE_DATA_KEY: KEY,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      "Cannot start: cannot open the store at postgres://127.0.0.1:1/intake (ECONNREFUSED)",
    );
    expect(r.stderr + r.stdout).not.toContain("hunter2");
  });
});
