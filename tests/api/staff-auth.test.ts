// Staff sign-in at the edge, through the real app on a real SQLite file: the session cookie, the audit,
// lockouts and rate limits, the first-login password change, CSRF, session lifetimes, logout, the
// admin's account routes, and the scrypt hasher underneath.

import type { BinaryLike, ScryptOptions } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPasswordHasher } from "../../portal/server/passwords.ts";
import { forEachStore } from "../stores.ts";
import { clientFor, fileOne, type Harness, harness, login, STAFF_PASSWORD, staffClient } from "./harness.ts";

// node:crypto's scrypt, passed through, counting how many derivations run at the same moment: the
// only way to see the hasher's limit of two from outside it. With `hold` set, a derivation does not run
// at all but waits in `held` until the test lets it finish (with an all-zero key), so the test decides
// the order in which slots free up.
const probe = vi.hoisted(() => ({ running: 0, peak: 0, hold: false, held: [] as (() => void)[] }));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  function scrypt(
    password: BinaryLike,
    salt: BinaryLike,
    keylen: number,
    options: ScryptOptions,
    callback: (error: Error | null, key: Buffer) => void,
  ): void {
    probe.running++;
    probe.peak = Math.max(probe.peak, probe.running);
    if (probe.hold) {
      probe.held.push(() => {
        probe.running--;
        callback(null, Buffer.alloc(keylen));
      });
      return;
    }
    actual.scrypt(password, salt, keylen, options, (error, key) => {
      probe.running--;
      callback(error, key);
    });
  }
  return { ...actual, default: { ...actual, scrypt }, scrypt };
});

forEachStore(() => {
  const opened: Harness[] = [];
  async function open(env: Record<string, string> = {}): Promise<Harness> {
    const h = await harness(env);
    opened.push(h);
    return h;
  }
  afterEach(async () => {
    for (const h of opened.splice(0)) await h.close();
  });

  const MINUTE = 60_000;
  function advance(h: Harness, ms: number): void {
    h.clock.now = new Date(h.clock.now.getTime() + ms);
  }

  /** An account whose password is settled (no change pending), not signed in. */
  async function account(
    h: Harness,
    name: string,
    role: "agent" | "supervisor" | "admin" = "agent",
    jurisdiction = "wuxi",
    password = STAFF_PASSWORD,
  ) {
    const added = await h.deps.staff.add({
      name,
      role,
      jurisdiction,
      passwordHash: await h.deps.passwords.hash(password),
    });
    await h.deps.staff.setPassword(added.id, await h.deps.passwords.hash(password), false);
    return added;
  }

  const tryLogin = (h: Harness, name: string, password: string, headers: Record<string, string> = {}) =>
    h.post("/api/staff/login", { name, password }, headers);

  /** The cookie's attributes, lower-cased, without its name=value. */
  function cookieAttributes(res: Response): string[] {
    const header = res.headers.get("set-cookie") ?? "";
    return header
      .split(";")
      .slice(1)
      .map((a) => a.trim().toLowerCase());
  }

  const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0] as string;

  /** A request with only a cookie (and optionally a CSRF token): what a browser sends. */
  function raw(h: Harness, method: "GET" | "POST", path: string, cookie: string, csrf?: string) {
    return h.app.request(path, {
      method,
      headers: { cookie, ...(csrf === undefined ? {} : { "x-csrf-token": csrf }) },
    });
  }

  describe("POST /api/staff/login", () => {
    it("sets an HttpOnly, SameSite=Strict session cookie, not Secure over plain http", async () => {
      const h = await open();
      const me = await account(h, "李娜");
      const res = await tryLogin(h, "李娜", STAFF_PASSWORD);
      expect(res.status).toBe(200);
      expect(cookieOf(res)).toMatch(/^staff_session=[\w-]{20,}$/);
      const attributes = cookieAttributes(res);
      expect(attributes).toContain("httponly");
      expect(attributes).toContain("samesite=strict");
      expect(attributes).toContain("path=/");
      expect(attributes).toContain("max-age=43200");
      expect(attributes).not.toContain("secure");

      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
      expect(body.staff).toEqual({ id: me.id, name: "李娜", role: "agent", jurisdiction: "wuxi" });
      expect(body.mustChangePassword).toBe(false);
      // Neither the password nor its hash (nor any part of the stored hash) goes back.
      const stored = (await h.deps.staff.byName("李娜"))?.passwordHash ?? "";
      expect(stored).toMatch(/^scrypt\$/);
      expect(text).not.toContain(STAFF_PASSWORD);
      expect(text).not.toContain("scrypt");
      expect(text).not.toContain(stored.split("$")[5]);
    });

    it("marks the cookie Secure and names it __Host- when PUBLIC_URL is https; it is the one read back", async () => {
      const h = await open({ PUBLIC_URL: "https://x.example" });
      await account(h, "李娜");
      const res = await tryLogin(h, "李娜", STAFF_PASSWORD);
      expect(res.status).toBe(200);
      expect(cookieOf(res)).toMatch(/^__Host-staff_session=[\w-]{20,}$/);
      const attributes = cookieAttributes(res);
      expect(attributes).toContain("secure");
      expect(attributes).toContain("httponly");
      expect(attributes).toContain("samesite=strict");
      expect(attributes).toContain("path=/");
      expect(attributes.some((a) => a.startsWith("domain"))).toBe(false);
      expect((await raw(h, "GET", "/api/staff/session", cookieOf(res))).status).toBe(200);
      // The plain name is not read over https (a cookie a sibling domain could have set).
      const plain = cookieOf(res).replace("__Host-", "");
      expect((await raw(h, "GET", "/api/staff/session", plain)).status).toBe(401);
    });

    it("a sign-in over an existing session ends the old one", async () => {
      const h = await open();
      await account(h, "李娜");
      const first = cookieOf(await tryLogin(h, "李娜", STAFF_PASSWORD));
      const second = await tryLogin(h, "李娜", STAFF_PASSWORD, { cookie: first });
      expect(second.status).toBe(200);
      expect((await raw(h, "GET", "/api/staff/session", first)).status).toBe(401);
      expect((await raw(h, "GET", "/api/staff/session", cookieOf(second))).status).toBe(200);
    });

    it("signing in again on a browser does not push another device's session out", async () => {
      const h = await open();
      await account(h, "李娜");
      const desk = cookieOf(await tryLogin(h, "李娜", STAFF_PASSWORD));
      advance(h, 1_000);
      cookieOf(await tryLogin(h, "李娜", STAFF_PASSWORD));
      advance(h, 1_000);
      const laptop = cookieOf(await tryLogin(h, "李娜", STAFF_PASSWORD));
      advance(h, 1_000);
      // Three sessions; the laptop signs in again over its own: it replaces itself, the desk stays.
      const again = await tryLogin(h, "李娜", STAFF_PASSWORD, { cookie: laptop });
      expect(again.status).toBe(200);
      expect((await raw(h, "GET", "/api/staff/session", desk)).status).toBe(200);
      expect((await raw(h, "GET", "/api/staff/session", laptop)).status).toBe(401);
    });

    it("at most 3 sessions per account: a fourth sign-in ends the oldest", async () => {
      const h = await open();
      await account(h, "李娜");
      const cookies: string[] = [];
      for (let i = 0; i < 4; i++) {
        cookies.push(cookieOf(await tryLogin(h, "李娜", STAFF_PASSWORD)));
        advance(h, 1_000);
      }
      const alive = [];
      for (const cookie of cookies) alive.push((await raw(h, "GET", "/api/staff/session", cookie)).status);
      expect(alive).toEqual([401, 200, 200, 200]);
    });

    it("audits login_ok with the name, and no password anywhere in the audit", async () => {
      const h = await open();
      const me = await account(h, "李娜");
      await tryLogin(h, "李娜", "a wrong password here");
      expect((await tryLogin(h, "李娜", STAFF_PASSWORD)).status).toBe(200);
      const rows = await h.deps.staff.auditLog();
      expect(rows.map((r) => r.kind)).toEqual(["login_failed", "login_ok"]);
      expect(rows[1]).toMatchObject({ kind: "login_ok", staffId: me.id, name: "李娜" });
      const all = JSON.stringify(rows);
      expect(all).not.toContain(STAFF_PASSWORD);
      expect(all).not.toContain("a wrong password here");
      expect(all).not.toContain("scrypt");
    });

    it("answers a wrong password and an unknown name with the same 401, both audited as login_failed", async () => {
      const h = await open();
      const me = await account(h, "李娜");
      const wrong = await tryLogin(h, "李娜", "not the password");
      const unknown = await tryLogin(h, "无此人", STAFF_PASSWORD);
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const wrongBody = await wrong.json();
      expect(wrongBody.error.code).toBe("login_failed");
      expect(await unknown.json()).toEqual(wrongBody);
      expect(wrong.headers.get("set-cookie")).toBeNull();
      expect(unknown.headers.get("set-cookie")).toBeNull();

      const rows = await h.deps.staff.auditLog();
      expect(rows).toEqual([
        expect.objectContaining({ kind: "login_failed", name: "李娜", staffId: me.id }),
        expect.objectContaining({ kind: "login_failed", name: "无此人", staffId: null }),
      ]);
      expect(JSON.stringify(rows)).not.toContain("not the password");
    });

    it("locks a name after 5 failures, even for the right password, and opens it after 15 minutes", async () => {
      const h = await open();
      await account(h, "李娜");
      for (let i = 0; i < 5; i++) expect((await tryLogin(h, "李娜", `wrong ${i}`)).status).toBe(401);

      const locked = await tryLogin(h, "李娜", STAFF_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.headers.get("retry-after")).toBe("900");
      expect(locked.headers.get("set-cookie")).toBeNull();
      const lockedBody = await locked.json();
      expect(lockedBody.error.code).toBe("login_locked");

      // An unknown name is locked the same way, with the same answer: the lock reveals nothing.
      for (let i = 0; i < 5; i++) expect((await tryLogin(h, "无此人", `wrong ${i}`)).status).toBe(401);
      const lockedUnknown = await tryLogin(h, "无此人", STAFF_PASSWORD);
      expect(lockedUnknown.status).toBe(429);
      expect(lockedUnknown.headers.get("retry-after")).toBe("900");
      expect(await lockedUnknown.json()).toEqual(lockedBody);

      expect((await h.deps.staff.auditLog()).filter((r) => r.kind === "login_locked")).toEqual([
        expect.objectContaining({ name: "李娜" }),
        expect.objectContaining({ name: "无此人" }),
      ]);

      advance(h, 14 * MINUTE);
      const stillLocked = await tryLogin(h, "李娜", STAFF_PASSWORD);
      expect(stillLocked.status).toBe(429);
      expect(stillLocked.headers.get("retry-after")).toBe("60");

      advance(h, 1 * MINUTE);
      const res = await tryLogin(h, "李娜", STAFF_PASSWORD);
      expect(res.status).toBe(200);
      expect((await res.json()).csrfToken).toEqual(expect.any(String));
    });

    // Failures spread over a window still lock the name for the whole LOGIN_LOCK_MINUTES from the last one
    // (a fixed window starting at the first failure would let a lock expire a minute later).
    it("a lock lasts LOGIN_LOCK_MINUTES from the failure that set it, however the failures were spread", async () => {
      const h = await open();
      await account(h, "李娜");
      expect((await tryLogin(h, "李娜", "wrong 0")).status).toBe(401);
      advance(h, 14 * MINUTE);
      for (let i = 1; i < 5; i++) expect((await tryLogin(h, "李娜", `wrong ${i}`)).status).toBe(401);
      const locked = await tryLogin(h, "李娜", STAFF_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.headers.get("retry-after")).toBe("900"); // fails today: "60"
      advance(h, 5 * MINUTE);
      expect((await tryLogin(h, "李娜", STAFF_PASSWORD)).status).toBe(429); // fails today: 200
    });

    it("follows LOGIN_FAILURES_PER_ACCOUNT and LOGIN_LOCK_MINUTES", async () => {
      const h = await open({ LOGIN_FAILURES_PER_ACCOUNT: "2", LOGIN_LOCK_MINUTES: "3" });
      await account(h, "李娜");
      expect((await tryLogin(h, "李娜", "wrong one")).status).toBe(401);
      expect((await tryLogin(h, "李娜", "wrong two")).status).toBe(401);
      const locked = await tryLogin(h, "李娜", STAFF_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.headers.get("retry-after")).toBe("180");
      advance(h, 3 * MINUTE);
      expect((await tryLogin(h, "李娜", STAFF_PASSWORD)).status).toBe(200);
    });

    it("a successful login clears the failures counted so far", async () => {
      const h = await open();
      await account(h, "李娜");
      for (let i = 0; i < 4; i++) await tryLogin(h, "李娜", `wrong ${i}`);
      expect((await tryLogin(h, "李娜", STAFF_PASSWORD)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await tryLogin(h, "李娜", `wrong ${i}`)).status).toBe(401);
      expect((await tryLogin(h, "李娜", STAFF_PASSWORD)).status).toBe(200);
    });

    it("limits attempts per client: the 4th of LOGIN_ATTEMPTS_PER_CLIENT=3 is 429 rate_limited, any name", async () => {
      const h = await open({ LOGIN_ATTEMPTS_PER_CLIENT: "3" });
      await account(h, "李娜");
      expect((await tryLogin(h, "张三", "whatever")).status).toBe(401);
      expect((await tryLogin(h, "王五", "whatever")).status).toBe(401);
      expect((await tryLogin(h, "李娜", STAFF_PASSWORD)).status).toBe(200);

      const limited = await tryLogin(h, "李娜", STAFF_PASSWORD);
      expect(limited.status).toBe(429);
      expect((await limited.json()).error.code).toBe("rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBe(600);
      expect(limited.headers.get("set-cookie")).toBeNull();
      const other = await tryLogin(h, "赵六", "whatever");
      expect(other.status).toBe(429);
      expect((await other.json()).error.code).toBe("rate_limited");
      expect((await h.deps.staff.auditLog()).filter((r) => r.kind === "login_rate_limited")).toHaveLength(2);

      advance(h, 10 * MINUTE);
      expect((await tryLogin(h, "李娜", STAFF_PASSWORD)).status).toBe(200);
    });

    it("counts the client by X-Forwarded-For only behind a trusted proxy", async () => {
      const h = await open({ LOGIN_ATTEMPTS_PER_CLIENT: "3", TRUST_PROXY: "1" });
      await account(h, "李娜");
      const from = (ip: string) => ({ "x-forwarded-for": ip });
      for (let i = 0; i < 3; i++) expect((await tryLogin(h, "张三", "x", from("10.0.0.1"))).status).toBe(401);
      expect((await tryLogin(h, "李娜", STAFF_PASSWORD, from("10.0.0.1"))).status).toBe(429);
      expect((await tryLogin(h, "李娜", STAFF_PASSWORD, from("10.0.0.2"))).status).toBe(200);

      const untrusted = await open({ LOGIN_ATTEMPTS_PER_CLIENT: "3" });
      await account(untrusted, "李娜");
      for (let i = 0; i < 3; i++) await tryLogin(untrusted, "张三", "x", from(`10.0.0.${i}`));
      expect((await tryLogin(untrusted, "李娜", STAFF_PASSWORD, from("10.0.0.9"))).status).toBe(429);
    });
  });

  describe("the first login with a new password", () => {
    const FIRST = "first password 1";
    const NEXT = "a better password 2";

    async function newcomer(h: Harness) {
      const added = await h.deps.staff.add({
        name: "新人",
        role: "agent",
        jurisdiction: "wuxi",
        passwordHash: await h.deps.passwords.hash(FIRST),
      });
      expect(added.mustChangePassword).toBe(true);
      const res = await tryLogin(h, "新人", FIRST);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.mustChangePassword).toBe(true);
      return clientFor(h, "新人", added.id, cookieOf(res), body.csrfToken);
    }

    it("lets the session in only to /session, /password and /logout until the password is changed", async () => {
      const h = await open();
      const me = await newcomer(h);
      const queue = await me.get("/api/staff/queue");
      expect(queue.status).toBe(403);
      expect((await queue.json()).error.code).toBe("password_change_required");
      const ref = await fileOne(h);
      const view = await me.get(`/api/staff/requests/${ref}`);
      expect(view.status).toBe(403);
      expect((await view.json()).error.code).toBe("password_change_required");
      expect((await h.deps.requests.events(ref)).map((e) => e.kind)).toEqual(["created"]);

      const session = await me.get("/api/staff/session");
      expect(session.status).toBe(200);
      expect(await session.json()).toMatchObject({
        staff: { id: me.id, name: "新人", role: "agent", jurisdiction: "wuxi" },
        csrfToken: me.csrf,
        mustChangePassword: true,
      });
    });

    it("refuses a new password shorter than 12 characters, the same password, or a wrong current one", async () => {
      const h = await open();
      const me = await newcomer(h);
      const short = await me.post("/api/staff/password", { current: FIRST, next: "elevenchars" });
      expect(short.status).toBe(422);
      expect((await short.json()).error).toMatchObject({ code: "password_too_short", field: "next" });

      const same = await me.post("/api/staff/password", { current: FIRST, next: FIRST });
      expect(same.status).toBe(422);
      expect((await same.json()).error).toMatchObject({ code: "password_same", field: "next" });

      const wrong = await me.post("/api/staff/password", { current: "not my password", next: NEXT });
      expect(wrong.status).toBe(403);
      expect((await wrong.json()).error).toMatchObject({ code: "login_failed", field: "current" });

      // Nothing changed: still the first password, still a change pending.
      expect((await me.get("/api/staff/queue")).status).toBe(403);
      expect((await h.deps.staff.byName("新人"))?.mustChangePassword).toBe(true);
      expect(
        await h.deps.passwords.verify(FIRST, (await h.deps.staff.byName("新人"))?.passwordHash ?? ""),
      ).toBe(true);
    });

    // Passwords are hashed after NFKC normalization, so "same as the current one" is judged after it too:
    // the full-width spelling of a one-time password must not count as a new password.
    it("refuses a new password that is the current one in full-width letters (the same after NFKC)", async () => {
      const h = await open();
      const me = await newcomer(h);
      const fullWidth = [...FIRST]
        .map((c) => (c === " " ? "\u3000" : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
        .join("");
      expect(fullWidth.normalize("NFKC")).toBe(FIRST);
      const res = await me.post("/api/staff/password", { current: FIRST, next: fullWidth });
      expect(res.status).toBe(422); // fails today: 200
      // The change stays pending: the one-time password must still be replaced.
      expect((await h.deps.staff.byName("新人"))?.mustChangePassword).toBe(true);
      expect((await me.get("/api/staff/queue")).status).toBe(403);
    });

    it("a good change gives a new CSRF token and session; the queue then answers; the old password is gone", async () => {
      const h = await open();
      const me = await newcomer(h);
      const elsewhere = await login(h, "新人", FIRST);

      const res = await me.post("/api/staff/password", { current: FIRST, next: "twelve chars" });
      expect(res.status).toBe(200);
      const { csrfToken } = await res.json();
      expect(csrfToken).toMatch(/^[\w-]{20,}$/);
      expect(csrfToken).not.toBe(me.csrf);
      const cookie = cookieOf(res);
      expect(cookie).toMatch(/^staff_session=/);
      expect(cookie).not.toBe(me.cookie);
      expect(cookieAttributes(res)).toEqual(expect.arrayContaining(["httponly", "samesite=strict"]));

      const now = clientFor(h, "新人", me.id, cookie, csrfToken);
      const queue = await now.get("/api/staff/queue");
      expect(queue.status).toBe(200);
      expect(await queue.json()).toEqual({ items: [], next: null });
      expect((await now.get("/api/staff/session")).status).toBe(200);
      // The session id changed with the password; the account's other sessions ended.
      expect((await me.get("/api/staff/session")).status).toBe(401);
      expect((await elsewhere.get("/api/staff/session")).status).toBe(401);

      expect((await tryLogin(h, "新人", FIRST)).status).toBe(401);
      const again = await tryLogin(h, "新人", "twelve chars");
      expect(again.status).toBe(200);
      expect((await again.json()).mustChangePassword).toBe(false);
      expect(
        (await h.deps.staff.auditLog()).some((r) => r.kind === "password_changed" && r.staffId === me.id),
      ).toBe(true);
    });
  });

  describe("CSRF", () => {
    it("refuses a change without the x-csrf-token header, or with another session's token, and changes nothing", async () => {
      const h = await open();
      const ref = await fileOne(h);
      const me = await staffClient(h, "李娜", "agent", "wuxi");
      const other = await staffClient(h, "王芳", "agent", "wuxi");
      const mySecondSession = await login(h, "李娜", STAFF_PASSWORD);

      for (const csrf of [undefined, "", other.csrf, mySecondSession.csrf, `${me.csrf}x`]) {
        const res = await raw(h, "POST", `/api/staff/requests/${ref}/claim`, me.cookie, csrf);
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe("csrf");
      }
      expect((await h.deps.requests.byReference(ref))?.status).toBe("new");
      expect((await h.deps.requests.events(ref)).map((e) => e.kind)).toEqual(["created"]);

      // Logging out needs the token too: without it the session goes on.
      expect((await raw(h, "POST", "/api/staff/logout", me.cookie)).status).toBe(403);
      expect((await me.get("/api/staff/session")).status).toBe(200);

      // The session's own token works (the control).
      expect((await me.post(`/api/staff/requests/${ref}/claim`)).status).toBe(200);
      expect((await h.deps.requests.byReference(ref))?.status).toBe("claimed");
    });

    it("does not ask for the token on a read", async () => {
      const h = await open();
      const me = await staffClient(h, "李娜", "agent", "wuxi");
      expect((await raw(h, "GET", "/api/staff/queue", me.cookie)).status).toBe(200);
    });
  });

  describe("session lifetime", () => {
    it("ends after 30 idle minutes, not after 29", async () => {
      const h = await open();
      await account(h, "李娜");
      const a = await login(h, "李娜", STAFF_PASSWORD);
      const b = await login(h, "李娜", STAFF_PASSWORD);

      advance(h, 29 * MINUTE);
      expect((await a.get("/api/staff/session")).status).toBe(200);
      advance(h, 2 * MINUTE);
      // b has been idle 31 minutes; a only 2 (the call at 29 minutes touched it).
      const idle = await b.get("/api/staff/session");
      expect(idle.status).toBe(401);
      expect((await idle.json()).error.code).toBe("unauthorized");
      expect(cookieAttributes(idle)).toContain("max-age=0");
      expect((await a.get("/api/staff/session")).status).toBe(200);
      // Once ended it stays ended.
      expect((await b.get("/api/staff/session")).status).toBe(401);
    });

    it("ends after 12 hours even when used every 20 minutes", async () => {
      const h = await open();
      await account(h, "李娜");
      const me = await login(h, "李娜", STAFF_PASSWORD);
      // 36 steps of 20 minutes: 12 hours exactly, each call in time.
      for (let step = 1; step <= 36; step++) {
        advance(h, 20 * MINUTE);
        const res = await me.get("/api/staff/session");
        expect(res.status, `after ${step * 20} minutes`).toBe(200);
      }
      advance(h, 1 * MINUTE);
      expect((await me.get("/api/staff/session")).status).toBe(401);
      // A new login starts a new 12 hours.
      const fresh = await login(h, "李娜", STAFF_PASSWORD);
      expect((await fresh.get("/api/staff/session")).status).toBe(200);
    });
  });

  describe("POST /api/staff/logout", () => {
    it("ends the session: the same cookie then gets 401", async () => {
      const h = await open();
      const me = await staffClient(h, "李娜", "agent", "wuxi");
      const other = await login(h, "李娜", STAFF_PASSWORD);
      const res = await me.post("/api/staff/logout");
      expect(res.status).toBe(204);
      expect(cookieAttributes(res)).toContain("max-age=0");
      expect((await me.get("/api/staff/session")).status).toBe(401);
      expect((await me.get("/api/staff/queue")).status).toBe(401);
      expect((await me.post("/api/staff/logout")).status).toBe(401);
      // Only this session: another one of the same account goes on.
      expect((await other.get("/api/staff/session")).status).toBe(200);
      expect((await h.deps.staff.auditLog()).filter((r) => r.kind === "logout")).toEqual([
        expect.objectContaining({ staffId: me.id }),
      ]);
    });
  });

  describe("accounts (admin)", () => {
    it("creates an account with a one-time password that must be changed at the first login", async () => {
      const h = await open();
      const admin = await staffClient(h, "管理员", "admin", "all");
      const res = await admin.post("/api/staff/accounts", {
        name: "新人",
        role: "agent",
        jurisdiction: "jilin",
      });
      expect(res.status).toBe(201);
      const text = await res.text();
      expect(text).not.toContain("scrypt");
      const body = JSON.parse(text);
      expect(body.account).toMatchObject({
        name: "新人",
        role: "agent",
        jurisdiction: "jilin",
        mustChangePassword: true,
      });
      expect(body.oneTimePassword).toMatch(/^[2-9a-zA-Z]{16}$/);

      const first = await tryLogin(h, "新人", body.oneTimePassword);
      expect(first.status).toBe(200);
      const firstBody = await first.json();
      expect(firstBody.mustChangePassword).toBe(true);
      expect(firstBody.staff).toEqual({
        id: body.account.id,
        name: "新人",
        role: "agent",
        jurisdiction: "jilin",
      });

      const list = await (await admin.get("/api/staff/accounts")).json();
      expect(list.accounts.map((a: { name: string }) => a.name).sort()).toEqual(["新人", "管理员"].sort());
      expect(JSON.stringify(list)).not.toContain("scrypt");
      const audit = (await h.deps.staff.auditLog()).find((r) => r.kind === "account_created");
      expect(audit).toMatchObject({ staffId: admin.id, data: { account: body.account.id, role: "agent" } });
      expect(JSON.stringify(await h.deps.staff.auditLog())).not.toContain(body.oneTimePassword);
    });

    it("refuses a duplicate name with 409", async () => {
      const h = await open();
      const admin = await staffClient(h, "管理员", "admin", "all");
      const body = { name: "新人", role: "agent", jurisdiction: "wuxi" };
      expect((await admin.post("/api/staff/accounts", body)).status).toBe(201);
      const again = await admin.post("/api/staff/accounts", { ...body, role: "supervisor" });
      expect(again.status).toBe(409);
      expect((await again.json()).error).toMatchObject({ code: "staff_exists", field: "name" });
      expect((await h.deps.staff.byName("新人"))?.role).toBe("agent");
    });

    it("a reset ends the person's sessions and gives a new one-time password", async () => {
      const h = await open();
      const admin = await staffClient(h, "管理员", "admin", "all");
      const target = await staffClient(h, "李娜", "agent", "wuxi");
      const targetElsewhere = await login(h, "李娜", STAFF_PASSWORD);

      const res = await admin.post(`/api/staff/accounts/${target.id}/reset`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toEqual({ oneTimePassword: expect.stringMatching(/^[2-9a-zA-Z]{16}$/), sessionsEnded: 2 });
      expect((await target.get("/api/staff/session")).status).toBe(401);
      expect((await targetElsewhere.get("/api/staff/session")).status).toBe(401);
      // The admin's own session is untouched.
      expect((await admin.get("/api/staff/session")).status).toBe(200);

      expect((await tryLogin(h, "李娜", STAFF_PASSWORD)).status).toBe(401);
      const next = await tryLogin(h, "李娜", body.oneTimePassword);
      expect(next.status).toBe(200);
      expect((await next.json()).mustChangePassword).toBe(true);
      expect((await h.deps.staff.auditLog()).find((r) => r.kind === "password_reset")).toMatchObject({
        staffId: admin.id,
        data: { account: target.id, ended: 2 },
      });
    });

    it("ending someone's sessions signs them out but keeps their password", async () => {
      const h = await open();
      const admin = await staffClient(h, "管理员", "admin", "all");
      const target = await staffClient(h, "李娜", "agent", "wuxi");
      const res = await admin.post(`/api/staff/accounts/${target.id}/sessions/end`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ sessionsEnded: 1 });
      expect((await target.get("/api/staff/session")).status).toBe(401);
      const again = await tryLogin(h, "李娜", STAFF_PASSWORD);
      expect(again.status).toBe(200);
      expect((await again.json()).mustChangePassword).toBe(false);
    });

    it("answers 404 for an account that does not exist", async () => {
      const h = await open();
      const admin = await staffClient(h, "管理员", "admin", "all");
      expect((await admin.post("/api/staff/accounts/999/reset")).status).toBe(404);
      expect((await admin.post("/api/staff/accounts/abc/sessions/end")).status).toBe(404);
    });

    it.each(["agent", "supervisor"] as const)(
      "refuses a %s on every account route (403), changing nothing",
      async (role) => {
        const h = await open();
        const caller = await staffClient(h, "来者", role, "all");
        const target = await staffClient(h, "李娜", "agent", "wuxi");
        const calls: [string, () => Promise<Response>][] = [
          ["list", () => caller.get("/api/staff/accounts")],
          [
            "create",
            () => caller.post("/api/staff/accounts", { name: "新人", role: "admin", jurisdiction: "all" }),
          ],
          ["reset", () => caller.post(`/api/staff/accounts/${target.id}/reset`)],
          ["end sessions", () => caller.post(`/api/staff/accounts/${target.id}/sessions/end`)],
        ];
        for (const [what, call] of calls) {
          const res = await call();
          expect(res.status, what).toBe(403);
          expect((await res.json()).error.code, what).toBe("forbidden");
        }
        expect(await h.deps.staff.byName("新人")).toBeNull();
        expect((await target.get("/api/staff/session")).status).toBe(200);
        expect((await tryLogin(h, "李娜", STAFF_PASSWORD)).status).toBe(200);
      },
    );
  });

  describe("createPasswordHasher (scrypt)", () => {
    it("writes scrypt$logN$r$p$salt$key and verifies only the right password", async () => {
      const hasher = createPasswordHasher({ logN: 10 });
      const stored = await hasher.hash("correct horse battery");
      const parts = stored.split("$");
      expect(parts.slice(0, 4)).toEqual(["scrypt", "10", "8", "1"]);
      expect(parts).toHaveLength(6);
      expect(Buffer.from(parts[4] ?? "", "base64url")).toHaveLength(16);
      expect(Buffer.from(parts[5] ?? "", "base64url")).toHaveLength(32);
      expect(stored).toMatch(/^scrypt\$10\$8\$1\$[\w-]{22}\$[\w-]{43}$/);

      expect(await hasher.verify("correct horse battery", stored)).toBe(true);
      expect(await hasher.verify("correct horse batterY", stored)).toBe(false);
      expect(await hasher.verify("", stored)).toBe(false);
      expect(await hasher.verify("correct horse battery", "bcrypt$10$8$1$x$y")).toBe(false);
      expect(await hasher.verify("correct horse battery", "not a hash")).toBe(false);
    });

    it("salts every hash: the same password twice gives two different hashes, both valid", async () => {
      const hasher = createPasswordHasher({ logN: 10 });
      const [a, b] = await Promise.all([hasher.hash("same password"), hasher.hash("same password")]);
      expect(a).not.toBe(b);
      expect(a.split("$")[4]).not.toBe(b.split("$")[4]);
      expect(await hasher.verify("same password", a)).toBe(true);
      expect(await hasher.verify("same password", b)).toBe(true);
    });

    it("keeps verifying a hash made at a lower cost after the cost is raised (each hash records its own)", async () => {
      const old = await createPasswordHasher({ logN: 10 }).hash("an older password");
      const raised = createPasswordHasher({ logN: 11 });
      expect(await raised.verify("an older password", old)).toBe(true);
      expect(await raised.verify("another password", old)).toBe(false);
      const fresh = await raised.hash("an older password");
      expect(fresh.split("$")[1]).toBe("11");
      // And the record decides: the same salt and key read at another cost no longer match.
      expect(await raised.verify("an older password", old.replace("scrypt$10$", "scrypt$11$"))).toBe(false);
    });

    it("a flood of wrong passwords from 5 addresses holds at most one hash each: a real login is not starved", async () => {
      const h = await open({ TRUST_PROXY: "1" });
      await account(h, "李娜");
      const from = (i: number) => ({ "x-forwarded-for": `203.0.113.${i}` });
      // 100 wrong passwords at once, 20 from each of 5 addresses, and the real user from a sixth.
      const flood = Array.from({ length: 100 }, (_, i) =>
        tryLogin(h, `guess${i}`, "wrong password", from(i % 5)),
      );
      const real = tryLogin(h, "李娜", STAFF_PASSWORD, from(99));
      const statuses = await Promise.all(flood.map(async (r) => (await r).status));
      // Each address got one hash (a 401); its other 19 were refused before hashing (429).
      expect(statuses.filter((st) => st === 401)).toHaveLength(5);
      expect(statuses.filter((st) => st === 429)).toHaveLength(95);
      expect((await real).status).toBe(200);
    });

    it("runs at most two derivations at once (six hashes and verifies started together)", async () => {
      const hasher = createPasswordHasher({ logN: 14 });
      const stored = await hasher.hash("password one");
      probe.running = 0;
      probe.peak = 0;
      const results = await Promise.all([
        ...Array.from({ length: 6 }, (_, i) => hasher.hash(`password ${i}`)),
        ...Array.from({ length: 3 }, () => hasher.verify("password one", stored)),
      ]);
      expect(results.slice(6)).toEqual([true, true, true]);
      expect(new Set(results.slice(0, 6)).size).toBe(6);
      expect(probe.peak).toBe(2);
      expect(probe.running).toBe(0);
    });

    // A finishing derivation hands its slot straight to the first waiter, so a caller arriving just then
    // cannot make it three. The gap is hit on purpose: one derivation is let finish, and a new hash() is
    // started a few promise hops later (one hop count per round).
    it("keeps to two even for a caller arriving just as a slot frees (a waiter is woken)", async () => {
      const hasher = createPasswordHasher({ logN: 10 });
      const peaks: number[] = [];
      probe.hold = true;
      try {
        for (let hops = 0; hops <= 4; hops++) {
          probe.running = 0;
          probe.peak = 0;
          const started = [hasher.hash("a"), hasher.hash("b"), hasher.hash("c")];
          await new Promise((resolve) => setImmediate(resolve));
          expect(probe.held).toHaveLength(2); // a and b run, c waits
          probe.held.shift()?.();
          let chain: Promise<void> = Promise.resolve();
          for (let i = 0; i < hops; i++) chain = chain.then(() => {});
          started.push(chain.then(() => hasher.hash("d")));
          let settled = false;
          const all = Promise.all(started).then(() => {
            settled = true;
          });
          while (!settled) {
            await new Promise((resolve) => setImmediate(resolve));
            probe.held.shift()?.();
          }
          await all;
          peaks.push(probe.peak);
        }
      } finally {
        probe.hold = false;
        probe.held.splice(0);
      }
      expect(peaks).toEqual([2, 2, 2, 2, 2]); // fails today: [2, 3, 2, 2, 2]
    });

    it("the probe would see more than two if they were not limited (the control)", async () => {
      const { scrypt } = await import("node:crypto");
      probe.running = 0;
      probe.peak = 0;
      await Promise.all(
        Array.from(
          { length: 6 },
          (_, i) =>
            new Promise<void>((resolve, reject) =>
              scrypt(`p${i}`, "salt", 32, { N: 2 ** 14, r: 8, p: 1 }, (error) =>
                error ? reject(error) : resolve(),
              ),
            ),
        ),
      );
      expect(probe.peak).toBe(6);
    });
  });
});
