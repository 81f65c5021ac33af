// The portal's cookies: the draft's id (a bearer secret: HttpOnly), the person's language and text size,
// and a sealed one-time message from a form post to the page it redirects to. Nothing personal is ever
// put in a URL.

import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isLang, type Lang } from "../../locales/i18n.ts";
import type { AppDeps } from "./deps.ts";
import type { Flash } from "./portal-locals.ts";

export const DRAFT_COOKIE = "draft";
const FLASH_COOKIE = "flash";
const YEAR = 365 * 86_400;

const base = (deps: AppDeps) => ({
  httpOnly: true,
  secure: deps.secureCookies,
  sameSite: "Lax" as const,
  path: "/",
});

export function setDraft(c: Context, deps: AppDeps, id: string): void {
  setCookie(c, DRAFT_COOKIE, id, { ...base(deps), maxAge: 30 * 86_400 });
}

export function clearDraft(c: Context): void {
  deleteCookie(c, DRAFT_COOKIE, { path: "/" });
}

export function setPrefs(c: Context, deps: AppDeps, prefs: { lang?: Lang; large?: boolean }): void {
  if (prefs.lang) setCookie(c, "lang", prefs.lang, { ...base(deps), maxAge: YEAR });
  if (prefs.large !== undefined)
    setCookie(c, "size", prefs.large ? "large" : "normal", { ...base(deps), maxAge: YEAR });
}

export function prefsOf(c: Context): { lang: Lang | null; large: boolean } {
  const lang = getCookie(c, "lang");
  return { lang: isLang(lang) ? lang : null, large: getCookie(c, "size") === "large" };
}

export function setFlash(c: Context, deps: AppDeps, flash: Flash): void {
  const sealed = deps.vault.seal(flash, "flash").toString("base64url");
  setCookie(c, FLASH_COOKIE, sealed, { ...base(deps), maxAge: 300 });
}

/** The flash left for this page, if any; the caller clears the cookie on its response. */
export function readFlash(c: Context, deps: AppDeps): Flash | null {
  const value = getCookie(c, FLASH_COOKIE);
  if (!value) return null;
  try {
    return deps.vault.open<Flash>(Buffer.from(value, "base64url"), "flash");
  } catch {
    return null;
  }
}
