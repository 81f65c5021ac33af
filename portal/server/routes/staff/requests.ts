// One request, for staff: the full record (an audited view), the phone (revealed on demand, audited),
// claim and release, a call's outcome in one step (with a note), call attempts, notes, amended facts
// (re-screened, both kept),
// and filing a request for a caller on the phone (channel "staff").

import { Hono } from "hono";
import { dateIssues, screen } from "../../../../core/screen.ts";
import { shanghaiDate } from "../../../../core/sla.ts";
import type { ChangeResult } from "../../../../db/queue.ts";
import type { AppDeps, AppEnv } from "../../deps.ts";
import { ApiError, invalid } from "../../errors.ts";
import { idempotencyKey } from "../../intake.ts";
import { submitBodySchema } from "../../schemas.ts";
import { hasRole, inScope } from "../../staff-auth.ts";
import { amendSchema, attemptSchema, noteSchema, statusChangeSchema } from "../../staff-schemas.ts";
import { validate } from "../../validate.ts";

function answer(result: ChangeResult) {
  if (result.ok) return;
  if (result.reason === "needs_attempts")
    throw new ApiError(
      409,
      "needs_attempts",
      "outcome",
      [],
      {},
      { needed: result.needed, made: result.made },
    );
  const status = result.reason === "not_found" ? 404 : result.reason === "not_assignee" ? 403 : 409;
  throw new ApiError(
    status,
    result.reason === "taken"
      ? "already_taken"
      : result.reason === "not_found"
        ? "request_not_found"
        : result.reason,
  );
}

export function staffRequestRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // Every /requests/:reference route: the request exists and lies within the caller's jurisdictions.
  app.use("/requests/:reference/*", async (c, next) => {
    const jurisdiction = await deps.queue.jurisdictionOf(c.req.param("reference"));
    if (jurisdiction === null) throw new ApiError(404, "request_not_found");
    if (!inScope(c.var.session, jurisdiction)) throw new ApiError(403, "forbidden");
    await next();
  });
  app.use("/requests/:reference", async (c, next) => {
    const jurisdiction = await deps.queue.jurisdictionOf(c.req.param("reference"));
    if (jurisdiction === null) throw new ApiError(404, "request_not_found");
    if (!inScope(c.var.session, jurisdiction)) throw new ApiError(403, "forbidden");
    await next();
  });

  const actor = (c: { var: AppEnv["Variables"] }) => ({
    id: c.var.session.staff.id,
    name: c.var.session.staff.name,
  });

  return app
    .post("/requests", validate("json", submitBodySchema), async (c) => {
      const body = c.req.valid("json");
      if (!inScope(c.var.session, body.situation.jurisdiction))
        throw new ApiError(403, "forbidden", "situation.jurisdiction");
      const submitted = await deps.intake.file(body, {
        channel: "staff",
        lang: body.lang ?? c.var.lang,
        idempotencyKey: idempotencyKey(c.req.header("idempotency-key")),
      });
      return c.json(submitted, submitted.created ? 201 : 200);
    })
    .get("/requests/:reference", async (c) => {
      const record = await deps.queue.view(c.req.param("reference"), actor(c));
      if (!record) throw new ApiError(404, "request_not_found");
      return c.json(record);
    })
    .post("/requests/:reference/phone", async (c) => {
      const phones = await deps.queue.revealPhone(c.req.param("reference"), actor(c));
      if (!phones) throw new ApiError(404, "request_not_found");
      return c.json(phones);
    })
    .post("/requests/:reference/claim", async (c) => {
      answer(await deps.queue.claim(c.req.param("reference"), actor(c)));
      return c.json({ status: "claimed" });
    })
    .post("/requests/:reference/release", async (c) => {
      answer(
        await deps.queue.release(c.req.param("reference"), actor(c), hasRole(c.var.session, "supervisor")),
      );
      return c.json({ status: "new" });
    })
    .post("/requests/:reference/status", validate("json", statusChangeSchema), async (c) => {
      const { to, outcome, note } = c.req.valid("json");
      if (to === "closed" && !outcome) throw new ApiError(422, "outcome_required", "outcome");
      const ref = c.req.param("reference");
      const supervisor = hasRole(c.var.session, "supervisor");
      answer(await deps.queue.transition(ref, actor(c), to, outcome ?? null, supervisor, note));
      return c.json({ status: to });
    })
    .post("/requests/:reference/attempts", validate("json", attemptSchema), async (c) => {
      const { result } = c.req.valid("json");
      const supervisor = hasRole(c.var.session, "supervisor");
      answer(await deps.queue.attempt(c.req.param("reference"), actor(c), result, supervisor));
      return c.json({ result }, 201);
    })
    .post("/requests/:reference/reopen", async (c) => {
      if (!hasRole(c.var.session, "supervisor")) throw new ApiError(403, "forbidden");
      answer(await deps.queue.reopen(c.req.param("reference"), actor(c)));
      return c.json({ status: "new" });
    })
    .post("/requests/:reference/notes", validate("json", noteSchema), async (c) => {
      if (!(await deps.queue.note(c.req.param("reference"), actor(c), c.req.valid("json").text))) {
        throw new ApiError(404, "request_not_found");
      }
      return c.body(null, 204);
    })
    .post("/requests/:reference/amend", validate("json", amendSchema), async (c) => {
      const { situation } = c.req.valid("json");
      const reference = c.req.param("reference");
      if (situation.jurisdiction !== (await deps.queue.jurisdictionOf(reference))) {
        throw new ApiError(422, "invalid", "situation.jurisdiction", [
          { code: "not_one_of", field: "situation.jurisdiction", values: {} },
        ]);
      }
      const today = shanghaiDate(deps.now());
      const issues = dateIssues(situation, today);
      if (issues.length > 0) throw invalid(issues, "situation");
      const screening = screen(situation, { policies: deps.policies, today });
      const version = await deps.queue.amend(reference, actor(c), situation, screening);
      if (version === null) throw new ApiError(404, "request_not_found");
      return c.json({ version, screening });
    });
}
