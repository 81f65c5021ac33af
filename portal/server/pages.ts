// The portal's pages: Astro's build (dist/, made at install by npm's prepare) rendered through
// @astrojs/node in middleware mode. Static assets come from dist/client; every other GET goes to
// Astro's handler with the page's locals. Astro writes to the Node response itself, so the security
// headers and the cookie clean-up are put on that response first.

import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { type Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { DEFAULT_LANG, isLang } from "../../locales/i18n.ts";
import { draftCookie, flashCookie, prefsOf, readFlash } from "./cookies.ts";
import type { AppDeps, AppEnv } from "./deps.ts";
import { tFor } from "./lang.ts";
import type { PortalLocals } from "./portal-locals.ts";
import { sessionCookie } from "./staff-auth.ts";
import { createWorkspace, type WorkspaceView } from "./workspace.ts";

export type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
  locals: { portal: PortalLocals },
) => Promise<void>;

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

/** Astro's handler from the build, or null when the portal has not been built. */
export async function loadPages(): Promise<AstroHandler | null> {
  const entry = `${DIST}server/entry.mjs`;
  if (!existsSync(entry)) return null;
  const mod = (await import(entry)) as { handler: AstroHandler };
  return mod.handler;
}

export function pageRoutes(deps: AppDeps, handler: AstroHandler, securityHeaders: Record<string, string>) {
  const app = new Hono<AppEnv>();
  // Built assets have content hashes in their names: cached for a year. Others (site.css) for a day.
  app.use(
    "/_astro/*",
    serveStatic({
      root: `${DIST}client`,
      onFound: (_, c) => c.header("Cache-Control", "public, max-age=31536000, immutable"),
    }),
  );
  app.use(
    "*",
    serveStatic({
      root: `${DIST}client`,
      onFound: (_, c) => c.header("Cache-Control", "public, max-age=86400"),
    }),
  );
  const workspace = createWorkspace(deps);
  app.get("*", async (c: Context<AppEnv>) => {
    const env = c.env as { incoming: IncomingMessage; outgoing: ServerResponse };
    // Every workspace page but the sign-in page passes one guard, which also reads what it shows.
    const staffCookie = getCookie(c, sessionCookie(deps));
    const staffSession = staffCookie ? await deps.staff.session(staffCookie) : null;
    let view: WorkspaceView | null = null;
    if (/^\/staff(\/|$)/.test(c.req.path) && c.req.path !== "/staff/login") {
      const guarded = await workspace.guard(
        c.req.path,
        new URL(c.req.url).searchParams,
        staffSession,
        staffCookie ?? "",
      );
      if ("redirect" in guarded) return c.redirect(guarded.redirect, 303);
      view = guarded.view;
    }
    const prefs = prefsOf(c, deps);
    const asked = c.req.query("lang");
    const lang = prefs.lang ?? (isLang(asked) ? asked : DEFAULT_LANG);
    const draftId = getCookie(c, draftCookie(deps)) ?? null;
    const flash = readFlash(c, deps);
    const locals: PortalLocals = {
      lang,
      large: prefs.large,
      t: tFor(lang),
      deps,
      draftId,
      draft: draftId ? await deps.interviews.get(draftId) : null,
      flash,
      path: `${c.req.path}${new URL(c.req.url).search}`,
      staff: staffSession,
      workspace: view,
    };
    const res = env.outgoing;
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    // Pages may show personal facts: never stored by a browser or a proxy.
    res.setHeader("Cache-Control", "no-store");
    if (flash)
      res.setHeader(
        "Set-Cookie",
        `${flashCookie(deps)}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${deps.secureCookies ? "; Secure" : ""}`,
      );
    let passed = false;
    const render = () =>
      handler(
        env.incoming,
        res,
        () => {
          passed = true;
        },
        { portal: locals },
      );
    await render();
    if (passed) {
      // No page at this address: the portal's own 404 page, in the person's language.
      passed = false;
      env.incoming.url = "/404";
      await render();
      if (passed) return c.notFound();
    }
    if (!res.writableFinished) await new Promise((resolve) => res.once("finish", resolve));
    return RESPONSE_ALREADY_SENT;
  });
  return app;
}
