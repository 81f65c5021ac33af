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
  certain: z
    .boolean()
    .optional()
    .describe(
      "True exactly when no completion of the unknown facts and no discretionary clause could change the outcome (a hard fact decides it).",
    ),
});
export type Result = z.infer<typeof resultSchema>;

export const alternativeSchema = z
  .strictObject({
    member: z.number().int().min(0),
    programs: z.tuple([z.enum(PROGRAMS), z.enum(PROGRAMS)]),
    /** The program the documents put first; null where none says which and the office decides. */
    preferred: z.enum(PROGRAMS).nullable(),
    source: z.string(),
    basis: z.enum(BASES),
  })
  .describe("Two programs open for one person that exclude each other: the person gets one of them.");
export type Alternative = z.infer<typeof alternativeSchema>;

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
  alternatives: z
    .array(alternativeSchema)
    .optional()
    .describe("Pairs of open programs one person gets only one of, with the one the documents prefer."),
});
export type Screening = z.infer<typeof screeningSchema>;
