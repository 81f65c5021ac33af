// The screening: program by program estimate, with reasons and the clause each rests on.

import { z } from "zod";
import { isoDate } from "./date.ts";
import { BASES, JURISDICTIONS, OUTCOMES, PROGRAMS } from "./enums.ts";

export const reasonSchema = z.strictObject({
  code: z.string(),
  source: z.string(),
  basis: z.enum(BASES),
  values: z.record(z.string(), z.unknown()),
});
export type Reason = z.infer<typeof reasonSchema>;

const range = z.strictObject({ min: z.number(), max: z.number().nullable() });

export const resultSchema = z.strictObject({
  program: z.enum(PROGRAMS),
  member: z.number().int().min(0).nullable(),
  outcome: z.enum(OUTCOMES),
  monthly: z.number().nullable(),
  /** max null: no upper bound is stated (a floor, "不低于"). */
  monthlyRange: range.nullable(),
  oneOff: range.nullable(),
  until: isoDate.nullable(),
  reasons: z.array(reasonSchema),
  missing: z.array(z.string()),
});
export type Result = z.infer<typeof resultSchema>;

export const screeningSchema = z.strictObject({
  schemaVersion: z.literal(1),
  engineVersion: z.string(),
  jurisdiction: z.enum(JURISDICTIONS),
  packVersion: z.string(),
  asOf: isoDate,
  sources: z.array(z.string()),
  /** Screening-wide notes (figures possibly out of date), reasons in the same form. */
  notices: z.array(reasonSchema),
  results: z.array(resultSchema),
});
export type Screening = z.infer<typeof screeningSchema>;
