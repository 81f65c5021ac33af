// Times on the workspace's pages, in Beijing time, from one helper: "12-03 周四 17:30" (en "12-03 Thu
// 17:30"). China keeps one time zone without daylight saving. Exports and the API keep ISO 8601 with
// +08:00 (beijingIso).

import type { TFunction } from "i18next";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** A stored instant as staff read it: month-day, weekday, hour:minute, Beijing time. */
export function beijingTime(t: TFunction, iso: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  const text = local.toISOString();
  return t("common:time.short", {
    date: text.slice(5, 10),
    weekday: t(`common:time.weekdays.${local.getUTCDay()}`),
    time: text.slice(11, 16),
  });
}

/** A stored instant (UTC, "…Z") as ISO 8601 in Beijing time: 2026-12-02T17:30:00+08:00. */
export function beijingIso(iso: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}
