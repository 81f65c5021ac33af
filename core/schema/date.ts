import { z } from "zod";
import { isIsoDate } from "../dates.ts";

/** The dates a situation may hold: a birth a century and more ago to a plan far ahead, and no further. */
export const DATE_RANGE = { min: "1900-01-01", max: "2200-12-31" } as const;

/** A calendar date, `YYYY-MM-DD`, that exists (zod's `invalid_format` → our `date_format`). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, { params: { code: "date_not_real" } })
  .refine((d) => d >= DATE_RANGE.min && d <= DATE_RANGE.max, {
    params: { code: "date_out_of_range", values: DATE_RANGE },
  });
