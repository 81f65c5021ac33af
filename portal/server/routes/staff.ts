// /api/staff/*: the hotline staff's API. Login is open; everything else needs a staff session (401),
// a CSRF token on every change, and the right role and jurisdiction (403).

import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { requireSession } from "../staff-auth.ts";
import { accountRoutes } from "./staff/accounts.ts";
import { loginRoutes, sessionRoutes } from "./staff/auth.ts";
import { queueRoutes } from "./staff/queue.ts";
import { reportRoutes } from "./staff/reports.ts";
import { staffRequestRoutes } from "./staff/requests.ts";

export function staffRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.route("/", loginRoutes(deps));
  app.use("*", requireSession(deps));
  app.route("/", sessionRoutes(deps));
  app.route("/", queueRoutes(deps));
  app.route("/", staffRequestRoutes(deps));
  app.route("/", reportRoutes(deps));
  app.route("/", accountRoutes(deps));
  app.all("*", () => {
    throw new ApiError(404, "no_such_page");
  });
  return app;
}
