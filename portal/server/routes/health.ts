// GET /api/health: the database answers and its migration level.

import { Hono } from "hono";
import { ENGINE_VERSION } from "../../../core/screen.ts";
import { migrationLevel } from "../../../db/migrate.ts";
import type { AppDeps, AppEnv } from "../deps.ts";

export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/", (c) => {
    deps.db.sqlite.prepare("SELECT 1").get();
    return c.json({
      status: "ok" as const,
      database: "ok" as const,
      migrations: migrationLevel(deps.db),
      engineVersion: ENGINE_VERSION,
    });
  });
}
