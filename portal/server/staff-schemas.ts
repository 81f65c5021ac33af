// The staff API's bodies and queries (validated with zod at the edge, like the public API's).

import { z } from "zod";
import { isoDate } from "../../core/schema/date.ts";
import { JURISDICTIONS, OUTCOMES, PROGRAMS } from "../../core/schema/enums.ts";
import { CALL_RESULTS, CHANNELS, CLOSE_OUTCOMES, STATUSES } from "../../core/workflow.ts";
import { ROLES } from "../../db/staff.ts";
import { situationSchema } from "./schemas.ts";

const name = z.string().trim().min(1).max(60);

export const loginSchema = z.strictObject({ name, password: z.string().min(1).max(200) });
export const passwordSchema = z.strictObject({
  current: z.string().min(1).max(200),
  next: z.string().max(200),
});

export const queueQuerySchema = z.strictObject({
  status: z.enum(STATUSES).optional(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  channel: z.enum(CHANNELS).optional(),
  program: z.enum(PROGRAMS).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  lang: z.string().optional(),
});

/** The longest note: a longer one is refused with a message, never cut. */
export const NOTE_MAX = 2000;
const noteText = z.string().trim().min(1).max(NOTE_MAX);

export const statusChangeSchema = z.strictObject({
  to: z.enum(["contacted", "referred", "closed"]),
  outcome: z.enum(CLOSE_OUTCOMES).optional(),
  /** What the call found, kept with the change. */
  note: noteText.optional(),
});

export const attemptSchema = z.strictObject({ result: z.enum(CALL_RESULTS) });

export const noteSchema = z.strictObject({ text: noteText });
export const amendSchema = z.strictObject({ situation: situationSchema });

/**
 * A period of Beijing dates, both ends included: real dates (2026-02-31 and 2026-13-01 refused, not
 * rolled over), `from` not after `to`. One schema for the stats API, the export and the dashboard.
 */
export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { path: ["to"], params: { code: "before_from" } });

export const periodQuerySchema = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    status: z.enum(STATUSES).optional(),
    format: z.enum(["csv", "json"]).default("json"),
    lang: z.string().optional(),
  })
  .refine((p) => p.from <= p.to, { path: ["to"], params: { code: "before_from" } });

export const newAccountSchema = z.strictObject({
  name,
  role: z.enum(ROLES),
  jurisdiction: z.enum([...JURISDICTIONS, "all"]),
});
