// Residents' requests: POST /api/requests files one (an Idempotency-Key makes a retry return the same
// reference), POST /api/requests/status tells its status to whoever knows the reference and the phone,
// POST /api/requests/withdraw lets them withdraw it. Both lookups are rate-limited per client.

import type { Context } from "hono";
import { Hono } from "hono";
import { normalizeReference } from "../../../db/reference.ts";
import { clientAddress } from "../client.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { idempotencyKey } from "../intake.ts";
import { tFor } from "../lang.ts";
import { statusBodySchema, submitBodySchema } from "../schemas.ts";
import { validate } from "../validate.ts";

export function requestRoutes(deps: AppDeps) {
  const limit = async (c: Context<AppEnv>) => {
    const wait = await deps.statusLimiter.hit(clientAddress(c, deps.trustProxy));
    if (wait > 0) throw new ApiError(429, "rate_limited", null, [], { "Retry-After": String(wait) });
  };
  return new Hono<AppEnv>()
    .post("/", validate("json", submitBodySchema), async (c) => {
      const body = c.req.valid("json");
      const lang = body.lang ?? c.var.lang;
      const submitted = await deps.intake.file(body, {
        channel: "portal",
        lang,
        idempotencyKey: idempotencyKey(c.req.header("idempotency-key")),
        client: clientAddress(c, deps.trustProxy),
      });
      if (!submitted.created) c.header("Idempotent-Replayed", "true");
      return c.json(
        {
          reference: submitted.reference,
          status: "new",
          statusText: tFor(lang)("common:status.new"),
          urgent: submitted.urgent,
          slaDueAt: submitted.slaDueAt,
        },
        submitted.created ? 201 : 200,
      );
    })
    .post("/status", validate("json", statusBodySchema), async (c) => {
      const body = c.req.valid("json");
      await limit(c);
      const reference = normalizeReference(body.reference);
      const found = reference ? await deps.requests.statusFor(reference, body.phone) : null;
      // The same answer for an unknown reference and a wrong phone: nothing to learn by guessing.
      if (!reference || !found) throw new ApiError(404, "not_found");
      const t = tFor(body.lang ?? c.var.lang);
      return c.json({
        reference,
        status: found.status,
        statusText: t(`common:status.${found.status}`),
        updatedAt: found.updatedAt,
      });
    })
    .post("/withdraw", validate("json", statusBodySchema), async (c) => {
      const body = c.req.valid("json");
      await limit(c);
      const reference = normalizeReference(body.reference);
      const found = reference ? await deps.requests.statusFor(reference, body.phone) : null;
      if (!reference || !found) throw new ApiError(404, "not_found");
      if (found.status !== "withdrawn" && found.status !== "closed")
        await deps.queue.withdraw(reference, body.phone);
      const after = await deps.requests.statusFor(reference, body.phone);
      const status = after?.status ?? found.status;
      const t = tFor(body.lang ?? c.var.lang);
      return c.json({
        reference,
        status,
        statusText: t(`common:status.${status}`),
        updatedAt: after?.updatedAt ?? found.updatedAt,
      });
    });
}
