// How soon the hotline must call back: within 24 clock hours when an emergency puts basic living at
// risk, otherwise by the end of the working day (17:30 Beijing time, a setting) on the third working day
// after the request. Working days skip weekends and the published public holidays, and count the 调休
// weekend days that are worked; both lists come from a yearly calendar file.

import type { Situation } from "./schema/situation.ts";

export const CALLBACK = {
  urgentHours: 24,
  workingDays: 3,
  /** When a working day ends, Beijing time: a non-urgent deadline falls then. */
  endOfWorkingDay: "17:30",
} as const;

/**
 * An outreach request (主动发现: the office found the household in its register; nobody is waiting on
 * the line) is due by the end of the working day on the tenth working day: a setting
 * (OUTREACH_WORKING_DAYS), so an office sets the pace its staff can keep.
 */
export const OUTREACH_WORKING_DAYS = 10;

export interface WorkCalendar {
  /** Days off that fall on weekdays (YYYY-MM-DD). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are worked (调休). */
  workdays: ReadonlySet<string>;
  /** When the working day ends ("HH:MM", Beijing time); CALLBACK.endOfWorkingDay when not given. */
  endOfDay?: string | undefined;
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

/**
 * The call-back deadline. Urgent: 24 clock hours on. Otherwise the end of the working day on the third
 * working day after the day of the request (that day never counts, whatever the hour or the day); an
 * outreach request passes its own number of working days.
 */
export function callbackDue(
  submittedAt: Date,
  urgent: boolean,
  calendar: WorkCalendar,
  workingDays: number = CALLBACK.workingDays,
): Date {
  if (urgent) return new Date(submittedAt.getTime() + CALLBACK.urgentHours * 3600_000);
  let day = shanghaiDate(submittedAt);
  let counted = 0;
  while (counted < workingDays) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (isWorkingDay(day, calendar)) counted++;
  }
  const end = calendar.endOfDay ?? CALLBACK.endOfWorkingDay;
  return new Date(Date.parse(`${day}T${end}:00Z`) - SHANGHAI_OFFSET_MS);
}

/** "HH:MM", a time of day. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
