// Signing in and out, the session, the password. Every login attempt is in the staff audit (the name
// tried and the client, never the password); failures lock a name for a while whether it exists or not.

import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import type { StaffMember } from "../../../../db/staff.ts";
import { clientAddress } from "../../client.ts";
import type { AppDeps, AppEnv } from "../../deps.ts";
import { ApiError } from "../../errors.ts";
import { MIN_PASSWORD_LENGTH, normalizePassword } from "../../passwords.ts";
import { clearSessionCookie, sessionCookie, setSessionCookie } from "../../staff-auth.ts";
import { loginSchema, passwordSchema } from "../../staff-schemas.ts";
import { validate } from "../../validate.ts";

// Compared against when the name does not exist, so a miss costs the same time as a wrong password.
let dummyHash: Promise<string> | null = null;

/**
 * One sign-in attempt, for the API and the workspace's form alike: the limits, the audit, the check.
 * Throws an ApiError (401 / 429) or returns the account and a new session.
 */
export async function signIn(
  deps: AppDeps,
  name: string,
  password: string,
  client: string,
  /** The session this browser's cookie held: ended before the new one opens (so it does not count). */
  replacing?: string,
) {
  // Everything that can refuse is counted before the (slow, shared) hash: per address, per name tried.
  const clientWait = await deps.loginClients.hit(client);
  const nameWait = clientWait > 0 ? 0 : await deps.loginNames.hit(name);
  if (clientWait > 0 || nameWait > 0) {
    await deps.staff.audit({ kind: "login_rate_limited", name, client });
    throw new ApiError(429, "rate_limited", null, [], { "Retry-After": String(clientWait || nameWait) });
  }
  // One hash in flight per address: a flood from a few addresses cannot queue ahead of everyone else.
  if (hashing.has(client)) {
    await deps.staff.audit({ kind: "login_rate_limited", name, client });
    throw new ApiError(429, "rate_limited", null, [], { "Retry-After": "1" });
  }
  hashing.add(client);
  try {
    return await checked(deps, name, password, client, replacing);
  } finally {
    hashing.delete(client);
  }
}

/** Addresses with a login's hash running now (this process). */
const hashing = new Set<string>();

async function checked(deps: AppDeps, name: string, password: string, client: string, replacing?: string) {
  const locked = await deps.loginFailures.blocked(name);
  if (locked > 0) {
    await deps.staff.audit({ kind: "login_locked", name, client });
    throw new ApiError(
      429,
      "login_locked",
      null,
      [],
      { "Retry-After": String(locked) },
      {
        minutes: Math.ceil(locked / 60),
      },
    );
  }
  const account = await deps.staff.byName(name);
  dummyHash ??= deps.passwords.hash("not a password of anyone");
  const ok = await deps.passwords.verify(password, account?.passwordHash ?? (await dummyHash));
  if (!account || !ok || account.disabled) {
    await deps.loginFailures.hit(name);
    await deps.staff.audit({ kind: "login_failed", staffId: account?.id ?? null, name, client });
    throw new ApiError(401, "login_failed");
  }
  await deps.loginFailures.reset(name);
  // The browser's old session ends first: it must not push another device's session past the cap.
  if (replacing) await deps.staff.closeSession(replacing);
  const session = await deps.staff.openSession(account.id);
  await deps.staff.audit({ kind: "login_ok", staffId: account.id, name, client });
  return { account, session };
}

/** Checks and sets a new password (the API's and the workspace's); the caller opens the new session. */
export async function changePassword(deps: AppDeps, me: StaffMember, current: string, next: string) {
  const account = await deps.staff.byName(me.name);
  // Guesses of the current password count against the same lock as logins, and are audited.
  const locked = await deps.loginFailures.blocked(me.name);
  if (locked > 0) {
    throw new ApiError(
      429,
      "login_locked",
      "current",
      [],
      { "Retry-After": String(locked) },
      {
        minutes: Math.ceil(locked / 60),
      },
    );
  }
  if (!account || !(await deps.passwords.verify(current, account.passwordHash))) {
    await deps.loginFailures.hit(me.name);
    await deps.staff.audit({ kind: "password_change_failed", staffId: me.id, name: me.name });
    throw new ApiError(403, "login_failed", "current");
  }
  if ([...normalizePassword(next)].length < MIN_PASSWORD_LENGTH) {
    throw new ApiError(422, "password_too_short", "next", [], {}, { minimum: MIN_PASSWORD_LENGTH });
  }
  if (normalizePassword(next) === normalizePassword(current))
    throw new ApiError(422, "password_same", "next");
  await deps.staff.setPassword(me.id, await deps.passwords.hash(next), false);
}

export function loginRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post("/login", validate("json", loginSchema), async (c) => {
    const { name, password } = c.req.valid("json");
    // A sign-in over an existing session ends that one (as the workspace's form does): no fixation.
    const earlier = getCookie(c, sessionCookie(deps));
    const { account, session } = await signIn(
      deps,
      name,
      password,
      clientAddress(c, deps.trustProxy),
      earlier,
    );
    setSessionCookie(c, deps, session.id);
    return c.json({
      staff: { id: account.id, name: account.name, role: account.role, jurisdiction: account.jurisdiction },
      csrfToken: session.csrfToken,
      mustChangePassword: account.mustChangePassword,
    });
  });
}

/** Routes behind the session middleware. */
export function sessionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/session", (c) => {
      const { staff, csrfToken } = c.var.session;
      return c.json({
        staff: { id: staff.id, name: staff.name, role: staff.role, jurisdiction: staff.jurisdiction },
        csrfToken,
        mustChangePassword: staff.mustChangePassword,
      });
    })
    .post("/logout", async (c) => {
      await deps.staff.closeSession(c.var.sessionId);
      await deps.staff.audit({ kind: "logout", staffId: c.var.session.staff.id });
      clearSessionCookie(c, deps);
      return c.body(null, 204);
    })
    .post("/password", validate("json", passwordSchema), async (c) => {
      const { current, next } = c.req.valid("json");
      const me = c.var.session.staff;
      await changePassword(deps, me, current, next);
      // Other sessions of this account end; this one goes on.
      const keep = getCookie(c, sessionCookie(deps));
      await deps.staff.closeAllSessions(me.id);
      const session = await deps.staff.openSession(me.id);
      if (keep) setSessionCookie(c, deps, session.id);
      await deps.staff.audit({ kind: "password_changed", staffId: me.id });
      return c.json({ csrfToken: session.csrfToken });
    });
}
