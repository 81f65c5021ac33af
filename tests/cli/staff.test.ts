// npm run staff as an operator runs it: a real process on a real database, a one-time password printed
// once, exit 2 with words (never a stack trace) on bad input; and the real server accepting the
// password it printed.

import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Running, startServer, stop } from "../server/process.ts";

const root = join(import.meta.dirname, "..", "..");
const KEY = "7".repeat(64);
const OTP_LINE = /^[2-9a-hjkmnp-zA-HJ-NP-Z]{16}$/;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function baseEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "intake-staff-"));
  return { DATABASE_PATH: join(dir, "intake.sqlite"), INTAKE_DATA_KEY: KEY, SCRYPT_LOG_N: "10" };
}

/** scripts/staff.ts as a child process; several may run at once. */
function staff(env: Record<string, string>, ...args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts/staff.ts"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The one-time password: the only line of its kind, printed once. */
function passwordOf(r: Result): string {
  const lines = r.stdout.split("\n").filter((l) => OTP_LINE.test(l));
  expect(lines, r.stdout).toHaveLength(1);
  return lines[0] as string;
}

function expectNoStack(r: Result) {
  expect(r.stdout + r.stderr).not.toContain("\n    at ");
}

async function login(url: string, name: string, password: string) {
  const res = await fetch(`${url}/api/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password }),
  });
  const body = await res.json();
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { status: res.status, body, cookie };
}

const running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => stop(r)));
});

describe("npm run staff", { timeout: 180_000 }, () => {
  it("add prints a one-time password that the real server accepts, and wants changed", async () => {
    const env = baseEnv();
    const added = await staff(env, "add", "li", "--role", "agent", "--jurisdiction", "wuxi");
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toBe("");
    expect(added.stdout).toContain("Created agent li for wuxi.");
    const password = passwordOf(added);
    expectNoStack(added);

    const server = await startServer(env);
    running.push(server);
    expect((await login(server.url, "li", "not the password")).status).toBe(401);
    const first = await login(server.url, "li", password);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      staff: { name: "li", role: "agent", jurisdiction: "wuxi" },
      mustChangePassword: true,
    });
    // Until the password is changed the session reaches nothing but the password change.
    const queue = await fetch(`${server.url}/api/staff/queue`, { headers: { cookie: first.cookie } });
    expect(queue.status).toBe(403);
    expect((await queue.json()).error.code).toBe("password_change_required");

    const changed = await fetch(`${server.url}/api/staff/password`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: first.cookie,
        "x-csrf-token": first.body.csrfToken,
      },
      body: JSON.stringify({ current: password, next: "a settled passphrase for li" }),
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    const session = (changed.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect((await fetch(`${server.url}/api/staff/queue`, { headers: { cookie: session } })).status).toBe(200);
    const listed = await staff(env, "list");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe("li\tagent\twuxi\n");

    // reset while the server runs: a new one-time password, every session of li ended.
    const reset = await staff(env, "reset", "li");
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain("New one-time password for li (1 session(s) ended):");
    const fresh = passwordOf(reset);
    expect(fresh).not.toBe(password);
    expectNoStack(reset);

    expect((await fetch(`${server.url}/api/staff/session`, { headers: { cookie: session } })).status).toBe(
      401,
    );
    expect((await login(server.url, "li", password)).status).toBe(401);
    expect((await login(server.url, "li", "a settled passphrase for li")).status).toBe(401);
    const again = await login(server.url, "li", fresh);
    expect(again.status).toBe(200);
    expect(again.body.mustChangePassword).toBe(true);

    const after = await staff(env, "list");
    expect(after.stdout).toBe("li\tagent\twuxi\tmust change password\n");
  });

  it("reset prints a new password and the old one no longer logs in", async () => {
    const env = baseEnv();
    const added = await staff(env, "add", "li", "--role", "supervisor", "--jurisdiction", "all");
    expect(added.code).toBe(0);
    const old = passwordOf(added);
    const reset = await staff(env, "reset", "li");
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain("(0 session(s) ended)");
    const fresh = passwordOf(reset);
    expect(fresh).not.toBe(old);

    const server = await startServer(env);
    running.push(server);
    expect((await login(server.url, "li", old)).status).toBe(401);
    const ok = await login(server.url, "li", fresh);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      staff: { name: "li", role: "supervisor", jurisdiction: "all" },
      mustChangePassword: true,
    });
  });

  it("list shows each account, its role and jurisdiction, and a pending password change", async () => {
    const env = baseEnv();
    expect((await staff(env, "list")).stdout).toBe(""); // an empty store lists nobody
    expect((await staff(env, "add", "li", "--role", "agent", "--jurisdiction", "wuxi")).code).toBe(0);
    expect((await staff(env, "add", "chen", "--role", "admin", "--jurisdiction", "all")).code).toBe(0);
    const r = await staff(env, "list");
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toEqual([
      "chen\tadmin\tall\tmust change password",
      "li\tagent\twuxi\tmust change password",
    ]);
    expect(r.stdout).not.toMatch(/scrypt|\$/); // no password hash
    expectNoStack(r);
  });

  it("refuses bad input with exit 2 and a message, creating nothing", async () => {
    const env = baseEnv();
    const first = await staff(env, "add", "li", "--role", "agent", "--jurisdiction", "wuxi");
    expect(first.code).toBe(0);
    const cases: [string[], RegExp][] = [
      [
        ["add", "li", "--role", "agent", "--jurisdiction", "wuxi"],
        /^A staff account named li exists already\.$/,
      ],
      [
        ["add", "wang", "--role", "boss", "--jurisdiction", "wuxi"],
        /^--role must be one of agent, supervisor, admin$/,
      ],
      [["add", "wang", "--jurisdiction", "wuxi"], /^--role must be one of/],
      [["add", "wang", "--role", "agent"], /^--jurisdiction must be one of wuxi, .*, all$/],
      [["add", "wang", "--role", "agent", "--jurisdiction", "beijing"], /^--jurisdiction must be one of/],
      [["add", "--role", "agent", "--jurisdiction", "wuxi"], /^add needs a NAME\nUsage: npm run staff/],
      [[], /^Usage: npm run staff -- add NAME/],
      [["remove", "li"], /^Usage: npm run staff -- add NAME/],
      [["add", "wang", "extra", "--role", "agent", "--jurisdiction", "wuxi"], /^Usage: npm run staff/],
      [["add", "wang", "--role", "agent", "--jurisdiction", "wuxi", "--admin"], /--admin[\s\S]*\nUsage: /],
      [["reset", "nobody"], /^No staff account named nobody\.$/],
      [["reset"], /^reset needs a NAME\nUsage: /],
    ];
    const results = await Promise.all(cases.map(([args]) => staff(env, ...args)));
    results.forEach((r, i) => {
      const [args, message] = cases[i] as [string[], RegExp];
      const label = `staff ${args.join(" ")}`;
      expect(r.code, label).toBe(2);
      expect(r.stdout, label).toBe("");
      expect(r.stderr.trimEnd(), label).toMatch(message);
      expect(r.stdout + r.stderr, label).not.toContain("\n    at ");
    });
    // The usage names every command and the jurisdictions.
    const usage = results[6] as Result;
    expect(usage.stderr).toContain("npm run staff -- reset NAME");
    expect(usage.stderr).toContain("npm run staff -- list");
    expect(usage.stderr).toContain("Jurisdictions: wuxi, jiangmen, puning, jilin, neijiang-dongxing, all");

    const list = await staff(env, "list");
    expect(list.stdout).toBe("li\tagent\twuxi\tmust change password\n");
  });

  it("a data key that does not match the store stops it with exit 2 and one line", async () => {
    const env = baseEnv();
    expect((await staff(env, "add", "li", "--role", "agent", "--jurisdiction", "wuxi")).code).toBe(0);
    const r = await staff({ ...env, INTAKE_DATA_KEY: "8".repeat(64) }, "list");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^Cannot open the store: the data key does not match/);
    expectNoStack(r);
  });
});
