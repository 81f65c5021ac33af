// Residents' requests: POST /api/requests files one (an Idempotency-Key makes a retry return the same
// reference), POST /api/requests/status tells its status to whoever knows the reference and the phone.

import { Hono } from "hono";
import { prepareRequest } from "../../../core/intake.ts";
import { parsePhone } from "../../../core/interview/numbers.ts";
import { futureDateIssues } from "../../../core/screen.ts";
import { shanghaiDate } from "../../../core/sla.ts";
import { normalizeReference } from "../../../db/reference.ts";
import { IdempotencyConflict } from "../../../db/requests.ts";
import { clientAddress } from "../client.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, fieldError, invalid } from "../errors.ts";
import { tFor } from "../lang.ts";
import { statusBodySchema, submitBodySchema } from "../schemas.ts";
import { validate } from "../validate.ts";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

export function requestRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post("/", validate("json", submitBodySchema), async (c) => {
      const body = c.req.valid("json");
      const key = c.req.header("idempotency-key");
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
        throw new ApiError(400, "invalid", "Idempotency-Key", [
          { code: "invalid", field: "Idempotency-Key", values: {} },
        ]);
      }
      const phone = parsePhone(body.contact.phone);
      if (!phone) throw fieldError(422, "contact.phone", "not_a_phone");
      if (body.applicant.kind === "helper" && !parsePhone(body.applicant.phone)) {
        throw fieldError(422, "applicant.phone", "not_a_phone");
      }
      const now = deps.now();
      const today = shanghaiDate(now);
      const dateIssues = futureDateIssues(body.situation, body.situation.asOf ?? today);
      if (dateIssues.length > 0) throw invalid(dateIssues, "situation");
      const prepared = prepareRequest(body.situation, {
        policies: deps.policies,
        now,
        today,
        calendar: deps.calendar,
      });
      const lang = body.lang ?? c.var.lang;
      let submitted: Awaited<ReturnType<typeof deps.requests.submit>>;
      try {
        submitted = await deps.requests.submit(
          {
            channel: "portal",
            situation: body.situation,
            ...prepared,
            applicant:
              body.applicant.kind === "helper"
                ? { ...body.applicant, phone: parsePhone(body.applicant.phone) as string }
                : body.applicant,
            person: body.person,
            contactPhone: phone,
            consent: {
              at: now.toISOString(),
              noticeVersion: body.consent.noticeVersion,
              basis: body.consent.basis,
            },
            lang,
          },
          key === undefined ? undefined : { key, fingerprint: JSON.stringify(body) },
        );
      } catch (error) {
        if (error instanceof IdempotencyConflict)
          throw new ApiError(422, "idempotency_conflict", "Idempotency-Key");
        throw error;
      }
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
    .post("/status", validate("json", statusBodySchema), (c) => {
      const body = c.req.valid("json");
      const wait = deps.statusLimiter.hit(clientAddress(c, deps.trustProxy));
      if (wait > 0) throw new ApiError(429, "rate_limited", null, [], { "Retry-After": String(wait) });
      const reference = normalizeReference(body.reference);
      const found = reference ? deps.requests.statusFor(reference, body.phone) : null;
      // The same answer for an unknown reference and a wrong phone: nothing to learn by guessing.
      if (!reference || !found) throw new ApiError(404, "not_found");
      const t = tFor(body.lang ?? c.var.lang);
      return c.json({
        reference,
        status: found.status,
        statusText: t(`common:status.${found.status}`),
        updatedAt: found.updatedAt,
      });
    });
}
