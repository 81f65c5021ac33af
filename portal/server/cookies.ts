// The portal's cookies: the draft's id (a bearer secret: HttpOnly), the person's language and text size,
// and a sealed one-time message from a form post to the page it redirects to. Nothing personal is ever
// put in a URL.

import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isLang, type Lang } from "../../locales/i18n.ts";
import type { AppDeps } from "./deps.ts";
import type { Flash } from "./portal-locals.ts";

const YEAR = 365 * 86_400;

/**
 * A cookie's name on this service: `__Host-draft` when PUBLIC_URL is https (the browser then takes it
 * only over https, for this host and path "/", never set by a sibling domain), plain `draft` otherwise.
 */
export function cookieName(deps: Pick<AppDeps, "secureCookies">, name: string): string {
  return deps.secureCookies ? `__Host-${name}` : name;
}
export const draftCookie = (deps: Pick<AppDeps, "secureCookies">) => cookieName(deps, "draft");
export const flashCookie = (deps: Pick<AppDeps, "secureCookies">) => cookieName(deps, "flash");

const base = (deps: AppDeps) => ({
  httpOnly: true,
  secure: deps.secureCookies,
  sameSite: "Lax" as const,
  path: "/",
});

export function setDraft(c: Context, deps: AppDeps, id: string): void {
  setCookie(c, draftCookie(deps), id, { ...base(deps), maxAge: 30 * 86_400 });
}

export function clearDraft(c: Context, deps: AppDeps): void {
  deleteCookie(c, draftCookie(deps), { path: "/", secure: deps.secureCookies });
}

export function setPrefs(c: Context, deps: AppDeps, prefs: { lang?: Lang; large?: boolean }): void {
  if (prefs.lang) setCookie(c, cookieName(deps, "lang"), prefs.lang, { ...base(deps), maxAge: YEAR });
  if (prefs.large !== undefined)
    setCookie(c, cookieName(deps, "size"), prefs.large ? "large" : "normal", { ...base(deps), maxAge: YEAR });
}

export function prefsOf(
  c: Context,
  deps: Pick<AppDeps, "secureCookies">,
): { lang: Lang | null; large: boolean } {
  const lang = getCookie(c, cookieName(deps, "lang"));
  return { lang: isLang(lang) ? lang : null, large: getCookie(c, cookieName(deps, "size")) === "large" };
}

export function setFlash(c: Context, deps: AppDeps, flash: Flash): void {
  const sealed = deps.vault.seal(flash, "flash").toString("base64url");
  setCookie(c, flashCookie(deps), sealed, { ...base(deps), maxAge: 300 });
}

/** The flash left for this page, if any; the caller clears the cookie on its response. */
export function readFlash(c: Context, deps: AppDeps): Flash | null {
  const value = getCookie(c, flashCookie(deps));
  if (!value) return null;
  try {
    return deps.vault.open<Flash>(Buffer.from(value, "base64url"), "flash");
  } catch {
    return null;
  }
}
