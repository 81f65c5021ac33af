// GET /api/staff/queue: the open requests within the caller's jurisdictions, urgent first, then by
// call-back due time, then by id; keyset pages (`after` is the previous page's `next`).

import { Hono } from "hono";
import { decodeCursor } from "../../../../db/queue.ts";
import type { AppDeps, AppEnv } from "../../deps.ts";
import { ApiError } from "../../errors.ts";
import { queueQuerySchema } from "../../staff-schemas.ts";
import { validate } from "../../validate.ts";

export function queueRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/queue", validate("query", queueQuerySchema), async (c) => {
    const q = c.req.valid("query");
    const scope = c.var.session.staff.jurisdiction;
    if (q.jurisdiction && scope !== "all" && q.jurisdiction !== scope)
      throw new ApiError(403, "forbidden", "jurisdiction");
    const after = q.after ? decodeCursor(q.after) : null;
    if (q.after && !after)
      throw new ApiError(422, "invalid", "after", [{ code: "invalid", field: "after", values: {} }]);
    const page = await deps.queue.list(
      {
        scope,
        statuses: q.status ? [q.status] : undefined,
        jurisdiction: q.jurisdiction,
        channel: q.channel,
        program: q.program,
        outcome: q.outcome,
      },
      after,
      q.limit,
    );
    return c.json(page);
  });
}
