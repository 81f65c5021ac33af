// Calendar dates as `YYYY-MM-DD` strings. Pure: no clock, no time zones. String order is date order.

export type IsoDate = string;

// Four digits or more: arithmetic near 9999-12-31 stays a date (10000-01-01), never a throw.
const ISO = /^(\d{4,})-(\d{2})-(\d{2})$/;

const ZERO = 48;

/** Two or four ASCII digits at `at` as a number; −1 when any is not a digit. */
function digits(date: string, at: number, count: 2 | 4): number {
  let n = 0;
  for (let k = at; k < at + count; k++) {
    const d = date.charCodeAt(k) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** `YYYY-MM-DD` with a four-digit year, the dashes in place (digits are checked as they are read). */
function isPlain(date: IsoDate): boolean {
  return date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45;
}

function parts(date: IsoDate): [number, number, number] {
  // The usual four-digit year read digit by digit: ages and periods are worked out for every member.
  if (isPlain(date)) {
    const y = digits(date, 0, 4);
    const mo = digits(date, 5, 2);
    const d = digits(date, 8, 2);
    if (y >= 0 && mo >= 0 && d >= 0) return [y, mo, d];
  }
  const m = ISO.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  // The Gregorian leap rule, as Date.UTC applies it to years from 100 on, without building a Date.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

function format(year: number, month: number, day: number): IsoDate {
  // The usual four-digit year without padStart's three calls: dates are worked out for every screening.
  if (year >= 1000 && year <= 9999)
    return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isIsoDate(value: string): boolean {
  let y: number;
  let mo: number;
  let d: number;
  // The usual four-digit year read digit by digit: every date of every situation is checked.
  if (isPlain(value)) {
    y = digits(value, 0, 4);
    mo = digits(value, 5, 2);
    d = digits(value, 8, 2);
    if (y < 0 || mo < 0 || d < 0) return false;
  } else {
    const m = ISO.exec(value);
    if (!m) return false;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  }
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  // A day either way (a period's last day, the day after a span), by the calendar alone, without a Date;
  // a day past its month's end (not a real date) rolls over as Date does.
  const real = d >= 1 && d <= daysInMonth(y, m);
  if (days === 1 && real) {
    if (d < daysInMonth(y, m)) return format(y, m, d + 1);
    return m === 12 ? format(y + 1, 1, 1) : format(y, m + 1, 1);
  }
  if (days === -1 && real) {
    if (d > 1) return format(y, m, d - 1);
    return m === 1 ? format(y - 1, 12, 31) : format(y, m - 1, daysInMonth(y, m - 1));
  }
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Same day `months` later; a day past the target month's end falls back to its last day (01-31 + 1 month = 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export function firstOfNextMonth(date: IsoDate): IsoDate {
  const [y, m] = parts(date);
  return m === 12 ? format(y + 1, 1, 1) : format(y, m + 1, 1);
}

/** The last day of a period of `months` that starts on `start` (start + months − 1 day). */
export function periodEnd(start: IsoDate, months: number): IsoDate {
  return addDays(addMonths(start, months), -1);
}

/** Whole years from `from` to `to` (an age, or years since an event). */
export function wholeYears(from: IsoDate, to: IsoDate): number {
  // The usual four-digit years read digit by digit, no lists: an age is worked out for every member.
  if (isPlain(from) && isPlain(to)) {
    const fy = digits(from, 0, 4);
    const fm = digits(from, 5, 2);
    const fd = digits(from, 8, 2);
    const ty = digits(to, 0, 4);
    const tm = digits(to, 5, 2);
    const td = digits(to, 8, 2);
    if (fy >= 0 && fm >= 0 && fd >= 0 && ty >= 0 && tm >= 0 && td >= 0)
      return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
  }
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
