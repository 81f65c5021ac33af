// When the hotline will call back, as people say it: "12月3日（周四）下班前" for a deadline in working
// days, the date and hour for an urgent one ("12月1日（周二）15:00 前"). Beijing time: China keeps one
// time zone, so the words are the same wherever the reader is, and say so for a reader abroad.

import type { TFunction } from "i18next";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The call-back deadline in words; `dueAt` is the request's ISO instant. */
export function callbackBy(t: TFunction, dueAt: string, urgent: boolean): string {
  const local = new Date(Date.parse(dueAt) + SHANGHAI_OFFSET_MS);
  const date = t("common:deadline.date", {
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: t(`common:deadline.weekdays.${local.getUTCDay()}`),
    monthName: t(`common:deadline.months.${local.getUTCMonth()}`),
  });
  const time = local.toISOString().slice(11, 16);
  if (urgent) return t("common:deadline.urgent", { date, time });
  // A deadline counted in working days falls at the end of that day's work (core/sla.ts).
  return t("common:deadline.workingDay", { date });
}
