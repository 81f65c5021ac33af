// The staff API's bodies and queries (validated with zod at the edge, like the public API's).

import { z } from "zod";
import { JURISDICTIONS, OUTCOMES, PROGRAMS } from "../../core/schema/enums.ts";
import { ROLES } from "../../db/staff.ts";
import { CLOSE_OUTCOMES, STATUSES } from "../../db/workflow.ts";
import { situationSchema } from "./schemas.ts";

const name = z.string().trim().min(1).max(60);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const loginSchema = z.strictObject({ name, password: z.string().min(1).max(200) });
export const passwordSchema = z.strictObject({
  current: z.string().min(1).max(200),
  next: z.string().max(200),
});

export const queueQuerySchema = z.strictObject({
  status: z.enum(STATUSES).optional(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  channel: z.enum(["bot", "portal", "staff"]).optional(),
  program: z.enum(PROGRAMS).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  lang: z.string().optional(),
});

export const statusChangeSchema = z.strictObject({
  to: z.enum(["contacted", "referred", "closed"]),
  outcome: z.enum(CLOSE_OUTCOMES).optional(),
});

export const noteSchema = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export const amendSchema = z.strictObject({ situation: situationSchema });

export const periodQuerySchema = z.strictObject({
  from: isoDay,
  to: isoDay,
  status: z.enum(STATUSES).optional(),
  format: z.enum(["csv", "json"]).default("json"),
  lang: z.string().optional(),
});

export const newAccountSchema = z.strictObject({
  name,
  role: z.enum(ROLES),
  jurisdiction: z.enum([...JURISDICTIONS, "all"]),
});
