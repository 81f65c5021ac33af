import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Situation } from "../../core/schema/situation.ts";
import {
  CALLBACK,
  callbackDue,
  isUrgent,
  isWorkingDay,
  shanghaiDate,
  WEEKENDS_ONLY,
  type WorkCalendar,
} from "../../core/sla.ts";
import { CalendarFileError, loadCalendar } from "../../portal/server/calendar-file.ts";

const base: Situation = { schemaVersion: 1, jurisdiction: "wuxi", members: [{ relation: "self", age: 40 }] };

function calendar(holidays: string[], workdays: string[] = []): WorkCalendar {
  return { holidays: new Set(holidays), workdays: new Set(workdays) };
}

describe("isUrgent", () => {
  it("is urgent only when an emergency puts basic living at risk", () => {
    expect(isUrgent({ ...base, emergency: { basicLivingAtRisk: true } })).toBe(true);
  });

  it("is not urgent for an emergency that does not put basic living at risk, or none at all", () => {
    expect(isUrgent({ ...base, emergency: { basicLivingAtRisk: false } })).toBe(false);
    expect(isUrgent({ ...base, emergency: {} })).toBe(false);
    expect(isUrgent({ ...base, emergency: null })).toBe(false);
    expect(isUrgent(base)).toBe(false);
  });
});

describe("shanghaiDate", () => {
  it("gives the Beijing date, 8 hours ahead of UTC", () => {
    // 2026-11-27T15:59Z = Fri 23:59 Beijing; one minute later, 16:00Z = Sat 00:00 Beijing.
    expect(shanghaiDate(new Date("2026-11-27T15:59:00Z"))).toBe("2026-11-27");
    expect(shanghaiDate(new Date("2026-11-27T16:00:00Z"))).toBe("2026-11-28");
  });

  it("puts 2026-11-27T16:30Z on Saturday 2026-11-28 in Beijing (00:30), though it is still Friday in UTC", () => {
    expect(shanghaiDate(new Date("2026-11-27T16:30:00Z"))).toBe("2026-11-28");
  });

  it("rolls over the year: 2026-12-31T20:00Z is 2027-01-01 04:00 in Beijing", () => {
    expect(shanghaiDate(new Date("2026-12-31T20:00:00Z"))).toBe("2027-01-01");
  });
});

describe("isWorkingDay", () => {
  it("counts Monday to Friday and skips Saturday and Sunday with no calendar entries (WEEKENDS_ONLY)", () => {
    // 2026-11-23 is a Monday … 2026-11-29 a Sunday.
    const week = [23, 24, 25, 26, 27, 28, 29].map((d) => `2026-11-${d}`);
    const mondayToFriday = [true, true, true, true, true, false, false];
    expect(week.map((d) => isWorkingDay(d, WEEKENDS_ONLY))).toEqual(mondayToFriday);
  });

  it("skips a weekday holiday", () => {
    // Thu 2026-10-01 (国庆节) is a weekday, off only because the calendar says so.
    expect(isWorkingDay("2026-10-01", WEEKENDS_ONLY)).toBe(true);
    expect(isWorkingDay("2026-10-01", calendar(["2026-10-01"]))).toBe(false);
  });

  it("counts a worked weekend day (调休)", () => {
    // Sat 2026-10-10 is off in a plain week, worked under the 2026 notice.
    expect(isWorkingDay("2026-10-10", WEEKENDS_ONLY)).toBe(false);
    expect(isWorkingDay("2026-10-10", calendar([], ["2026-10-10"]))).toBe(true);
  });
});

describe("callbackDue", () => {
  it("gives an urgent request exactly 24 hours, whatever the calendar says", () => {
    // Submitted Fri 2026-11-27 10:00 Beijing (02:00Z) → due Sat 2026-11-28 10:00 Beijing = 02:00Z,
    // even though Saturday is not a working day and Fri 27 and Mon 30 are declared holidays below.
    const submitted = new Date("2026-11-27T02:00:00Z");
    const due = callbackDue(submitted, true, calendar(["2026-11-27", "2026-11-30"]));
    expect(due.toISOString()).toBe("2026-11-28T02:00:00.000Z");
    expect(due.getTime() - submitted.getTime()).toBe(CALLBACK.urgentHours * 3600_000);
    expect(CALLBACK.urgentHours).toBe(24);
  });

  // Non-urgent: 17:30 Beijing (09:30Z) on the third working day after the day of the request.
  it("gives a non-urgent request until 17:30 on the third working day, skipping the weekend", () => {
    // Submitted Fri 2026-11-27 10:00 Beijing (02:00Z); Sat 28 and Sun 29 skipped;
    // Mon 30 (1), Tue 1 (2), Wed 2 (3) → due Wed 2026-12-02 17:30 Beijing = 09:30Z.
    expect(CALLBACK.workingDays).toBe(3);
    expect(CALLBACK.endOfWorkingDay).toBe("17:30");
    const due = callbackDue(new Date("2026-11-27T02:00:00Z"), false, WEEKENDS_ONLY);
    expect(due.toISOString()).toBe("2026-12-02T09:30:00.000Z");
  });

  it("counts the next three weekdays in a plain week, whatever the hour of the request", () => {
    // Mon 2026-11-23 at 08:00, 15:00 and 23:59 Beijing → Tue 24, Wed 25, Thu 26 → Thu 17:30 = 09:30Z.
    for (const at of ["2026-11-23T00:00:00Z", "2026-11-23T07:00:00Z", "2026-11-23T15:59:00Z"])
      expect(callbackDue(new Date(at), false, WEEKENDS_ONLY).toISOString(), at).toBe(
        "2026-11-26T09:30:00.000Z",
      );
  });

  it("at the 17:30 edge: a request at 17:29 and one at 17:31 on Monday are both due Thursday 17:30", () => {
    // The day of the request never counts, before or after the end of its working day.
    expect(callbackDue(new Date("2026-11-23T09:29:00Z"), false, WEEKENDS_ONLY).toISOString()).toBe(
      "2026-11-26T09:30:00.000Z",
    );
    expect(callbackDue(new Date("2026-11-23T09:31:00Z"), false, WEEKENDS_ONLY).toISOString()).toBe(
      "2026-11-26T09:30:00.000Z",
    );
  });

  it("never falls at night: a request at 21:24 Monday is due Thursday 17:30, not 05:24", () => {
    const due = callbackDue(new Date("2026-11-23T13:24:00Z"), false, WEEKENDS_ONLY);
    expect(due.toISOString()).toBe("2026-11-26T09:30:00.000Z");
  });

  it("starts counting after a Saturday request", () => {
    // Sat 2026-11-28 10:00 Beijing; Sun 29 skipped; Mon 30, Tue 1, Wed 2 → Wed 17:30 = 09:30Z.
    const due = callbackDue(new Date("2026-11-28T02:00:00Z"), false, WEEKENDS_ONLY);
    expect(due.toISOString()).toBe("2026-12-02T09:30:00.000Z");
  });

  it("pushes the deadline by a holiday inside the window", () => {
    // Fri 2026-11-27, with Mon 2026-11-30 a holiday: Sat, Sun, Mon skipped → Tue 1, Wed 2, Thu 3 → Thu 17:30.
    const due = callbackDue(new Date("2026-11-27T02:00:00Z"), false, calendar(["2026-11-30"]));
    expect(due.toISOString()).toBe("2026-12-03T09:30:00.000Z");
  });

  it("ignores a holiday outside the window", () => {
    // Holiday Thu 2026-12-03 is after the deadline Wed 2026-12-02: nothing moves.
    const due = callbackDue(new Date("2026-11-27T02:00:00Z"), false, calendar(["2026-12-03"]));
    expect(due.toISOString()).toBe("2026-12-02T09:30:00.000Z");
  });

  it("counts a 调休 weekend workday", () => {
    // Fri 2026-11-27, with Sat 2026-11-28 worked: Sat 28 (1), Sun skipped, Mon 30 (2), Tue 1 (3) → Tue 17:30.
    const due = callbackDue(new Date("2026-11-27T02:00:00Z"), false, calendar([], ["2026-11-28"]));
    expect(due.toISOString()).toBe("2026-12-01T09:30:00.000Z");
  });

  it("counts working days by the Beijing date, not the UTC date", () => {
    // 2026-11-27T16:30Z is Fri in UTC but Sat 2026-11-28 00:30 in Beijing.
    // From Saturday: Sun skipped, Mon 30, Tue 1, Wed 2 → Wed 17:30 Beijing = 2026-12-02T09:30Z.
    // (Counting from the UTC Friday would give Tue 1.)
    const due = callbackDue(new Date("2026-11-27T16:30:00Z"), false, WEEKENDS_ONLY);
    expect(due.toISOString()).toBe("2026-12-02T09:30:00.000Z");
    expect(shanghaiDate(due)).toBe("2026-12-02");
  });

  it("ends the working day when the calendar says (a setting): 18:00 → 10:00Z", () => {
    const due = callbackDue(new Date("2026-11-23T02:00:00Z"), false, { ...WEEKENDS_ONLY, endOfDay: "18:00" });
    expect(due.toISOString()).toBe("2026-11-26T10:00:00.000Z");
  });

  it("does not treat weekday holidays as days off with WEEKENDS_ONLY", () => {
    // Wed 2026-09-30; with no holidays: Thu 1, Fri 2, (Sat, Sun) Mon 5 → Mon 2026-10-05 17:30 = 09:30Z.
    const due = callbackDue(new Date("2026-09-30T02:00:00Z"), false, WEEKENDS_ONLY);
    expect(due.toISOString()).toBe("2026-10-05T09:30:00.000Z");
  });
});

describe("the shipped 2026 calendar", () => {
  const shipped = loadCalendar();

  it("holds the National Day holiday Oct 1–7 and the worked Saturday Oct 10", () => {
    const golden = ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06"];
    for (const day of [...golden, "2026-10-07"]) expect(isWorkingDay(day, shipped), day).toBe(false);
    expect(isWorkingDay("2026-10-08", shipped)).toBe(true);
    expect(isWorkingDay("2026-10-10", shipped)).toBe(true);
    // Sun 2026-09-20 is the other 调休 day for National Day.
    expect(isWorkingDay("2026-09-20", shipped)).toBe(true);
  });

  it("puts a request submitted the day before National Day due on the worked Saturday", () => {
    // Submitted Wed 2026-09-30 10:00 Beijing (02:00Z); Thu 1 – Wed 7 off (holiday and weekend);
    // Thu 8 (1), Fri 9 (2), Sat 10 worked (3) → due Sat 2026-10-10 17:30 Beijing = 09:30Z.
    const due = callbackDue(new Date("2026-09-30T02:00:00Z"), false, shipped);
    expect(due.toISOString()).toBe("2026-10-10T09:30:00.000Z");
  });

  it("still gives an urgent request 24 hours over National Day", () => {
    // Submitted Wed 2026-09-30 10:00 Beijing (02:00Z) → Thu 2026-10-01 10:00 Beijing = 02:00Z.
    const due = callbackDue(new Date("2026-09-30T02:00:00Z"), true, shipped);
    expect(due.toISOString()).toBe("2026-10-01T02:00:00.000Z");
  });
});

describe("loadCalendar", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function writeTemp(content: string): string {
    const dir = mkdtempSync(join(tmpdir(), "calendar-"));
    dirs.push(dir);
    const file = join(dir, "holidays.json");
    writeFileSync(file, content);
    return file;
  }

  it("reads holidays and workdays from a file", () => {
    const file = writeTemp(JSON.stringify({ holidays: ["2027-01-01"], workdays: ["2027-01-02"] }));
    const loaded = loadCalendar(file);
    expect([...loaded.holidays]).toEqual(["2027-01-01"]);
    expect([...loaded.workdays]).toEqual(["2027-01-02"]);
  });

  it("defaults workdays to none", () => {
    const file = writeTemp(JSON.stringify({ holidays: ["2027-01-01"] }));
    expect(loadCalendar(file).workdays.size).toBe(0);
  });

  it("refuses a date that does not exist, naming the file", () => {
    const file = writeTemp(JSON.stringify({ holidays: ["2026-10-01", "2026-02-30"] }));
    expect(() => loadCalendar(file)).toThrow(CalendarFileError);
    expect(() => loadCalendar(file)).toThrow(file);
    expect(() => loadCalendar(file)).toThrow("holidays.1");
  });

  it("refuses a date in the wrong format, naming the file", () => {
    const file = writeTemp(JSON.stringify({ holidays: [], workdays: ["10/10/2026"] }));
    expect(() => loadCalendar(file)).toThrow(CalendarFileError);
    expect(() => loadCalendar(file)).toThrow(`${file}: workdays.0`);
  });

  it("refuses a file that is not JSON, naming the file", () => {
    const file = writeTemp("{ holidays: [");
    expect(() => loadCalendar(file)).toThrow(CalendarFileError);
    expect(() => loadCalendar(file)).toThrow(file);
  });
});
