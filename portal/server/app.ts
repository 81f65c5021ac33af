// createApp(deps): the Hono app. Every response carries security headers; everything under /api is
// personal or may be, so none of it is cached. Errors leave as JSON in the caller's language.

import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { routePath } from "hono/route";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { IntakeRefusal } from "../../core/intake.ts";
import { inBeijingTime } from "./beijing-json.ts";
import type { AppDeps, AppEnv } from "./deps.ts";
import { ApiError, statusFor } from "./errors.ts";
import { language } from "./lang.ts";
import { openApiDocument } from "./openapi.ts";
import { type AstroHandler, pageRoutes } from "./pages.ts";
import { formRoutes } from "./routes/forms.ts";
import { healthRoutes } from "./routes/health.ts";
import { interviewRoutes } from "./routes/interviews.ts";
import { requestRoutes } from "./routes/requests.ts";
import { screenRoutes } from "./routes/screen.ts";
import { staffRoutes } from "./routes/staff.ts";
import { staffFormRoutes } from "./routes/staff-forms.ts";
import { SendLimited } from "./send-limits.ts";

export const MAX_BODY_BYTES = 64 * 1024;

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export interface AppExtras {
  /** grammY's webhook handler, mounted at POST /telegram/webhook when the bot runs on webhooks. */
  telegramWebhook?: (c: Context) => Promise<Response>;
  /** The portal's pages (Astro's build), when built. */
  pages?: AstroHandler | null;
}

/** Browser features no page here uses: denied to every page and anything it might embed. */
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/** HSTS only where the service is published over https (a plain-http deployment would lock itself out). */
const hsts = (deps: Pick<AppDeps, "secureCookies">) =>
  deps.secureCookies ? "max-age=31536000; includeSubDomains" : null;

/** The same headers for pages that Astro writes itself (secureHeaders cannot reach those responses). */
export function pageHeaders(deps: Pick<AppDeps, "secureCookies">): Record<string, string> {
  const transport = hsts(deps);
  return {
    "Content-Security-Policy": Object.entries(CONTENT_SECURITY_POLICY)
      .map(([k, v]) => `${k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)} ${v.join(" ")}`)
      .join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(transport ? { "Strict-Transport-Security": transport } : {}),
  };
}

export function createApp(deps: AppDeps, extras: AppExtras = {}) {
  const app = new Hono<AppEnv>();
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      referrerPolicy: "no-referrer",
      crossOriginResourcePolicy: "same-origin",
      xFrameOptions: "DENY",
      strictTransportSecurity: hsts(deps) ?? false,
    }),
  );
  app.use("*", async (c, next) => {
    await next();
    c.header("Permissions-Policy", PERMISSIONS_POLICY);
    // A response that sets a cookie (a sign-in, a form's redirect) is never cached by anyone.
    if (c.res.headers.has("set-cookie")) c.header("Cache-Control", "no-store");
  });
  app.use("*", language);
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  // Instants leave the API in Beijing time, ISO 8601 with +08:00 (stored as UTC, for ordering).
  app.use("/api/*", async (c, next) => {
    await next();
    if (!c.res.headers.get("content-type")?.startsWith("application/json")) return;
    const text = await c.res.clone().text();
    const local = inBeijingTime(text);
    if (local !== text) c.res = new Response(local, c.res);
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, "body_too_large");
      },
    }),
  );

  app.use("/api/*", async (c, next) => {
    // JSON only: a form or a text body gets a clear 415, not a confusing field error.
    const type = c.req.header("content-type");
    const length = Number(c.req.header("content-length") ?? 0);
    const json = type !== undefined && /^application\/([\w.-]+\+)?json\b/i.test(type);
    if (!json && (type !== undefined || length > 0)) throw new ApiError(415, "unsupported_media_type");
    await next();
  });

  if (extras.telegramWebhook) {
    const handler = extras.telegramWebhook;
    app.post("/telegram/webhook", (c) => handler(c));
  }

  const openapi = openApiDocument();
  app.get("/api/openapi.json", (c) => c.json(openapi));
  app.route("/api/health", healthRoutes(deps));
  app.route("/api/screen", screenRoutes(deps));
  app.route("/api/requests", requestRoutes(deps));
  app.route("/api/interviews", interviewRoutes(deps));
  app.route("/api/staff", staffRoutes(deps));

  app.route("/", formRoutes(deps));
  app.route("/", staffFormRoutes(deps));
  if (extras.pages) app.route("/", pageRoutes(deps, extras.pages, pageHeaders(deps)));

  app.notFound(() => {
    throw new ApiError(404, "no_such_page");
  });
  app.onError((error, c) => {
    const t = c.var.t;
    const apiError = toApiError(error);
    if (apiError.status >= 500) {
      // The error's kind and where, never the body: it may hold personal facts.
      console.error(`${c.req.method} ${routePath(c)}: ${error.name}: ${error.message.split("\n")[0]}`);
    }
    for (const [name, value] of Object.entries(apiError.headers)) c.header(name, value);
    c.header("Cache-Control", "no-store");
    const issues = apiError.issues.map((i) => ({
      code: i.code,
      field: i.field,
      message:
        i.message ?? t(`common:field.${i.code}`, { ...i.values, defaultValue: t("common:field.invalid") }),
    }));
    return c.json(
      {
        error: {
          code: apiError.code,
          message: issues[0]?.message ?? t(`common:api.${apiError.code}`, apiError.values),
          field: apiError.field,
          ...(issues.length > 0 ? { issues } : {}),
        },
      },
      apiError.status as ContentfulStatusCode,
    );
  });
  return app;
}

function toApiError(error: Error): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof SendLimited) {
    return new ApiError(
      429,
      "too_many_sends",
      null,
      [],
      { "Retry-After": String(error.retryAfter) },
      {
        context: error.scope,
      },
    );
  }
  if (error instanceof IntakeRefusal) {
    return error.code === "invalid"
      ? new ApiError(statusFor(error.issues), "invalid", error.field, error.issues)
      : new ApiError(422, error.code, error.field);
  }
  if (error instanceof HTTPException) {
    // Hono's own validator: unparsable JSON, or a body that is not JSON at all.
    if (/Malformed JSON/i.test(error.message)) return new ApiError(400, "invalid_json");
    if (/Content-Type/i.test(error.message)) return new ApiError(415, "unsupported_media_type");
    if (error.status === 413) return new ApiError(413, "body_too_large");
    return new ApiError(
      error.status as ContentfulStatusCode,
      error.status === 404 ? "no_such_page" : "invalid",
    );
  }
  return new ApiError(500, "internal");
}
