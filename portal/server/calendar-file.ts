// The working-day calendar for call-back deadlines: weekday holidays and worked weekend days (调休),
// from a JSON file (HOLIDAYS_FILE, else holidays.json beside this module), checked with zod.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { isoDate } from "../../core/schema/date.ts";
import type { WorkCalendar } from "../../core/sla.ts";

export const DEFAULT_HOLIDAYS_FILE = fileURLToPath(new URL("./holidays.json", import.meta.url));

const calendarSchema = z.object({
  source: z.string().optional(),
  holidays: z.array(isoDate),
  workdays: z.array(isoDate).default([]),
});

export class CalendarFileError extends Error {}

export function loadCalendar(file: string = DEFAULT_HOLIDAYS_FILE): WorkCalendar {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CalendarFileError(
      `${file}: cannot be read as JSON (${(error as Error).message.split("\n")[0]})`,
    );
  }
  const parsed = calendarSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CalendarFileError(
      `${file}: ${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`,
    );
  }
  return { holidays: new Set(parsed.data.holidays), workdays: new Set(parsed.data.workdays) };
}
