// Staff sessions at the edge: the cookie, the CSRF token on every state-changing call, the first-login
// password change, and the role and jurisdiction checks each route asks for.

import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { ROLES, type Role, SESSION_ABSOLUTE_HOURS, type Session } from "../../db/staff.ts";
import { cookieName } from "./cookies.ts";
import type { AppDeps, AppEnv } from "./deps.ts";
import { ApiError } from "./errors.ts";

/** The staff session cookie's name (`__Host-staff_session` over https, cookies.ts). */
export const sessionCookie = (deps: Pick<AppDeps, "secureCookies">) => cookieName(deps, "staff_session");
export const CSRF_HEADER = "x-csrf-token";

export function setSessionCookie(c: Context<AppEnv>, deps: AppDeps, id: string): void {
  setCookie(c, sessionCookie(deps), id, {
    httpOnly: true,
    secure: deps.secureCookies,
    sameSite: "Strict",
    path: "/",
    maxAge: SESSION_ABSOLUTE_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>, deps: Pick<AppDeps, "secureCookies">): void {
  deleteCookie(c, sessionCookie(deps), { path: "/", secure: deps.secureCookies });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Paths a session that must change its password may still use. */
const BEFORE_PASSWORD_CHANGE = new Set(["/api/staff/session", "/api/staff/password", "/api/staff/logout"]);

export function requireSession(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const id = getCookie(c, sessionCookie(deps));
    const session = id ? await deps.staff.session(id) : null;
    if (!id || !session) {
      if (id) clearSessionCookie(c, deps);
      throw new ApiError(401, "unauthorized");
    }
    if (!SAFE_METHODS.has(c.req.method) && !sameToken(c.req.header(CSRF_HEADER) ?? "", session.csrfToken)) {
      throw new ApiError(403, "csrf");
    }
    if (session.staff.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(c.req.path)) {
      throw new ApiError(403, "password_change_required");
    }
    c.set("session", session);
    c.set("sessionId", id);
    await next();
  });
}

export function hasRole(session: Session, role: Role): boolean {
  return ROLES.indexOf(session.staff.role) >= ROLES.indexOf(role);
}

export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!hasRole(c.var.session, role)) throw new ApiError(403, "forbidden");
    await next();
  });
}

export function inScope(session: Session, jurisdiction: string): boolean {
  return session.staff.jurisdiction === "all" || session.staff.jurisdiction === jurisdiction;
}
