// The API's instants in Beijing time: every JSON string value that is a stored instant
// ("2026-12-02T09:30:00.000Z") leaves as ISO 8601 with +08:00 ("2026-12-02T17:30:00+08:00").
// Dates alone ("2026-12-02", a situation's asOf) are not instants and stay as they are. The CSV
// export's values likewise (valueInBeijingTime).

import { beijingIso } from "../../locales/time.ts";

const INSTANT = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)"/g;

export function inBeijingTime(json: string): string {
  return json.replace(INSTANT, (_, iso: string) => `"${beijingIso(iso)}"`);
}

/** One value: a stored instant in Beijing time, anything else as it is (for the CSV export). */
export function valueInBeijingTime<T>(value: T): T | string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value)
    ? beijingIso(value)
    : value;
}
