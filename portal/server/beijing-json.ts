// The API's instants in Beijing time: a stored instant ("2026-12-02T09:30:00.000Z") leaves as ISO 8601
// with +08:00 ("2026-12-02T17:30:00+08:00"). Only the values of instant fields — `at` and names ending
// in `At` (`createdAt`, `slaDueAt` …) — are converted, and only real instants: a person's name or a
// note that looks like a time is left exactly as written. The CSV export likewise (valueInBeijingTime).

import { beijingIso } from "../../locales/time.ts";

const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const INSTANT_FIELD = /("(?:at|\w+At)"\s*:\s*)"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)"/g;

const isInstant = (v: string) => SHAPE.test(v) && !Number.isNaN(Date.parse(v));

export function inBeijingTime(json: string): string {
  return json.replace(INSTANT_FIELD, (whole, key: string, iso: string) =>
    isInstant(iso) ? `${key}"${beijingIso(iso)}"` : whole,
  );
}

/** One value of an instant column, in Beijing time; anything else as it is. */
export function valueInBeijingTime<T>(value: T): T | string {
  return typeof value === "string" && isInstant(value) ? beijingIso(value) : value;
}
