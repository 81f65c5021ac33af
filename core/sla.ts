// How soon the hotline must call back: within 24 hours when an emergency puts basic living at risk,
// otherwise within 3 working days. Working days skip weekends and the published public holidays, and
// count the 调休 weekend days that are worked; both lists come from a yearly calendar file.

import type { Situation } from "./schema/situation.ts";

export const CALLBACK = {
  urgentHours: 24,
  workingDays: 3,
} as const;

export interface WorkCalendar {
  /** Days off that fall on weekdays (YYYY-MM-DD). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are worked (调休). */
  workdays: ReadonlySet<string>;
}

export const WEEKENDS_ONLY: WorkCalendar = { holidays: new Set(), workdays: new Set() };

/** An emergency (急难) that puts the household's basic living at risk is urgent. */
export function isUrgent(s: Situation): boolean {
  return s.emergency?.basicLivingAtRisk === true;
}

// China keeps one time zone without daylight saving: local time is UTC+8 all year.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The calendar date in China (Asia/Shanghai) at an instant: the default date a screening is for. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(localDate: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(localDate)) return true;
  if (calendar.holidays.has(localDate)) return false;
  const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The call-back deadline: the same local time of day, after the given number of working days. */
export function callbackDue(submittedAt: Date, urgent: boolean, calendar: WorkCalendar): Date {
  if (urgent) return new Date(submittedAt.getTime() + CALLBACK.urgentHours * 3600_000);
  let local = submittedAt.getTime() + SHANGHAI_OFFSET_MS;
  let counted = 0;
  while (counted < CALLBACK.workingDays) {
    local += DAY_MS;
    if (isWorkingDay(new Date(local).toISOString().slice(0, 10), calendar)) counted++;
  }
  return new Date(local - SHANGHAI_OFFSET_MS);
}
