// npm start as an operator meets it: the embedded defaults, a real socket, one-line refusals.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import journal from "../../db/migrations/sqlite/meta/_journal.json" with { type: "json" };
import { fileOneOver, type Running, root, startServer, stop } from "./process.ts";

const running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => stop(r)));
});

const temp = () => mkdtempSync(join(tmpdir(), "intake-start-"));

describe("npm start", () => {
  it("generates a key file on first start, says so in one line, and serves over a real socket", async () => {
    const dir = temp();
    const server = await startServer({ DATABASE_PATH: join(dir, "db", "intake.sqlite") });
    running.push(server);
    expect(server.output()).toMatch(/Generated a new data key in .*intake\.key/);
    const key = join(dir, "db", "intake.key");
    expect(statSync(key).mode & 0o777).toBe(0o600);
    // The database and its -wal and -shm are owner-only too.
    for (const file of ["intake.sqlite", "intake.sqlite-wal", "intake.sqlite-shm"])
      expect(statSync(join(dir, "db", file)).mode & 0o777, file).toBe(0o600);

    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", database: "ok", migrations: { pending: 0 } });
    const filed = await fileOneOver(server);
    expect(filed.status).toBe(201);
    expect((await filed.json()).reference).toMatch(/^JL-/);

    // A second start reuses the key and says nothing about generating one.
    await stop(server);
    running.pop();
    const again = await startServer({ DATABASE_PATH: join(dir, "db", "intake.sqlite") });
    running.push(again);
    expect(again.output()).not.toMatch(/Generated/);
  });

  it("a database whose key file is missing: refused in one line before any new key is written", async () => {
    const dir = temp();
    const db = join(dir, "intake.sqlite");
    const first = await startServer({ DATABASE_PATH: db });
    await stop(first);
    const key = join(dir, "intake.key");
    const { unlinkSync } = await import("node:fs");
    unlinkSync(key);
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts")], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", PORT: "0", DATABASE_PATH: db },
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/intake\.key is missing .* holds data/);
    expect(existsSync(key)).toBe(false); // no fresh key beside data it cannot read
  });

  it("refuses a different key for an existing database, in one line", async () => {
    const dir = temp();
    const db = join(dir, "intake.sqlite");
    const first = await startServer({ DATABASE_PATH: db, INTAKE_DATA_KEY: "1".repeat(64) });
    await stop(first);
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts")], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", PORT: "0", DATABASE_PATH: db, INTAKE_DATA_KEY: "2".repeat(64) },
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/data key does not match/);
  });

  it.each([
    [{ PORT: "eighty" }, /^Cannot start: PORT="eighty": /],
    [{ INTAKE_DATA_KEY: "short" }, /^Cannot start: INTAKE_DATA_KEY: must be 32 bytes/],
    [{ PUBLIC_URL: "example.org" }, /^Cannot start: PUBLIC_URL="example.org": must be an http\(s\) URL/],
    [
      { POLICY_PARAMS_FILE: "/nonexistent/params.json" },
      /^Cannot start: \/nonexistent\/params\.json: cannot be read/,
    ],
  ])("a bad setting %o stops the start with one line and exit 2", (env, message) => {
    const dir = temp();
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts")], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", DATABASE_PATH: join(dir, "x.sqlite"), ...env },
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a holidays file with a bad date stops the start naming the file", () => {
    const dir = temp();
    const file = join(dir, "holidays.json");
    writeFileSync(file, JSON.stringify({ holidays: ["2026-13-01"] }));
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts")], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", DATABASE_PATH: join(dir, "x.sqlite"), HOLIDAYS_FILE: file },
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(file);
    expect(existsSync(join(dir, "x.sqlite"))).toBe(false);
  });
});

describe("npm run db:migrate and db:backup", () => {
  const script = (name: string, args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", join(root, `scripts/${name}.ts`), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
    });

  it("migrates an empty database, and a second run changes nothing", () => {
    const db = join(temp(), "m.sqlite");
    const first = script("db-migrate", [], { DATABASE_PATH: db });
    expect(first.status).toBe(0);
    const latest = journal.entries[journal.entries.length - 1]?.tag;
    expect(first.stdout).toContain(`${journal.entries.length} migration(s) applied, latest ${latest}.`);
    const second = script("db-migrate", [], { DATABASE_PATH: db });
    expect(second.stdout).toBe(first.stdout);
  });

  it("backs up a database while the service writes to it, and the copy opens with every request", async () => {
    const dir = temp();
    const db = join(dir, "live.sqlite");
    const server = await startServer({ DATABASE_PATH: db, INTAKE_DATA_KEY: "3".repeat(64) });
    running.push(server);
    let filing = true;
    const writer = (async () => {
      let n = 0;
      while (filing) {
        await fetch(`${server.url}/api/requests`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            situation: {
              schemaVersion: 1,
              jurisdiction: "puning",
              members: [{ relation: "self", age: 30 + (n % 50) }],
            },
            contact: { phone: "13812345678" },
            applicant: { kind: "self" },
            consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
          }),
        });
        n++;
      }
      return n;
    })();
    await new Promise((r) => setTimeout(r, 300));
    const copy = join(dir, "copy.sqlite");
    const r = script("db-backup", [copy], { DATABASE_PATH: db });
    filing = false;
    await writer;
    expect(r.status, r.stderr).toBe(0);
    const Database = (await import("better-sqlite3")).default;
    const backup = new Database(copy, { readonly: true });
    const { n } = backup.prepare("SELECT count(*) AS n FROM requests").get() as { n: number };
    const { e } = backup.prepare("SELECT count(*) AS e FROM request_events WHERE kind = 'created'").get() as {
      e: number;
    };
    expect(backup.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(statSync(copy).mode & 0o777).toBe(0o600); // the copy is as private as the database
    expect(n).toBeGreaterThan(0);
    expect(e).toBe(n); // every request in the copy came with its event: a consistent snapshot
    backup.close();
  });

  it("refuses to overwrite an existing file, and needs a file name", () => {
    const dir = temp();
    const existing = join(dir, "exists.sqlite");
    writeFileSync(existing, "keep me");
    const r = script("db-backup", [existing], { DATABASE_PATH: join(dir, "x.sqlite") });
    expect(r.status).toBe(2);
    expect(readFileSync(existing, "utf8")).toBe("keep me");
    expect(script("db-backup", [], {}).status).toBe(2);
  });
});
