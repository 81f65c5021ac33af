// POST /api/screen: the body is the situation; a 200 reply is the screening (the contract's formats).

import { Hono } from "hono";
import { dateIssues, screen } from "../../../core/screen.ts";
import { shanghaiDate } from "../../../core/sla.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { invalid } from "../errors.ts";
import { situationSchema } from "../schemas.ts";
import { validate } from "../validate.ts";

export function screenRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post("/", validate("json", situationSchema), (c) => {
    const situation = c.req.valid("json");
    const today = shanghaiDate(deps.now());
    const issues = dateIssues(situation, today);
    if (issues.length > 0) throw invalid(issues);
    return c.json(screen(situation, { policies: deps.policies, today }));
  });
}
