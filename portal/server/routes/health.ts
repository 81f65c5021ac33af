// GET /api/health: the database answers (its migration level is read from it) and the engine's version.

import { Hono } from "hono";
import { ENGINE_VERSION } from "../../../core/screen.ts";
import type { AppDeps, AppEnv } from "../deps.ts";

export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/", async (c) => {
    const migrations = await deps.db.migrationLevel();
    return c.json({
      status: "ok" as const,
      database: "ok" as const,
      migrations,
      engineVersion: ENGINE_VERSION,
    });
  });
}
