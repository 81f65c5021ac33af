import { z } from "zod";
import { isIsoDate } from "../dates.ts";

/** A calendar date, `YYYY-MM-DD`, that exists (zod's `invalid_format` → our `date_format`). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, { params: { code: "date_not_real" } });
