// Every date a situation may hold lies between 1900-01-01 and 2200-12-31, and an estimate is dated at
// most a year ahead: outside, a refusal by field; inside, on every jurisdiction, screening never throws —
// the date arithmetic is total (9999-12-31 plus a day is 10000-01-01, not an exception).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, isIsoDate, wholeYears } from "../../core/dates.ts";
import { createPolicies } from "../../core/policies/index.ts";
import { JURISDICTIONS } from "../../core/schema/enums.ts";
import { screenInput } from "../../core/screen.ts";
import { situationArb } from "./arbitraries.ts";

const policies = createPolicies();
const TODAY = "2026-11-30";
const day = fc
  .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe("dates have bounds", () => {
  it("an estimate dated 9999-01-01 is refused by field, not a crash", () => {
    const r = screenInput(
      { schemaVersion: 1, jurisdiction: "jilin", asOf: "9999-01-01", members: [{ relation: "self" }] },
      { policies, today: TODAY },
    );
    expect(r).toEqual({
      ok: false,
      issues: [{ path: "asOf", code: "date_out_of_range", values: { min: "1900-01-01", max: "2200-12-31" } }],
    });
  });

  it("a year ahead is the furthest an estimate may be dated: 2027-11-30 taken, 2027-12-01 refused", () => {
    const at = (asOf: string) =>
      screenInput(
        { schemaVersion: 1, jurisdiction: "wuxi", asOf, members: [{ relation: "self" }] },
        { policies, today: TODAY },
      );
    expect(at("2027-11-30").ok).toBe(true);
    expect(at("2027-12-01")).toEqual({
      ok: false,
      issues: [{ path: "asOf", code: "date_too_far", values: { latest: "2027-11-30" } }],
    });
  });

  it.each(["incomeAboveStandardSince", "povertyExitedOn"])("%s near 9999 is refused by field", (field) => {
    const input: Record<string, unknown> = {
      schemaVersion: 1,
      jurisdiction: "jiangmen",
      members: [{ relation: "self" }],
    };
    input[field] = "9999-12-31";
    const r = screenInput(input, { policies, today: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.filter((i) => i.path.endsWith(field)).map((i) => i.code)).toEqual([
        "date_out_of_range",
      ]);
  });

  it("a date is real when its month has that day: leap years by the Gregorian rule", () => {
    const real = ["2024-02-29", "2000-02-29", "2025-04-30", "2025-12-31", "2025-01-01", "12025-01-31"];
    const unreal = ["2023-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00"];
    const malformed = ["2025-1a-01", "2025-1-01", "25-01-01", "2025/01/01", "2025-01-01 ", ""];
    for (const d of real) expect(isIsoDate(d), d).toBe(true);
    for (const d of [...unreal, ...malformed]) expect(isIsoDate(d), d).toBe(false);
    // Every day of four centuries, against the platform's own calendar.
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2299 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          expect(isIsoDate(text)).toBe(new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a day either way and whole years agree with the platform's calendar, month and year ends included", () => {
    const iso = (t: Date) => t.toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, (a, b) => {
        const t = new Date(`${a}T00:00:00Z`);
        expect(addDays(a, 1)).toBe(iso(new Date(t.getTime() + 86_400_000)));
        expect(addDays(a, -1)).toBe(iso(new Date(t.getTime() - 86_400_000)));
        const [from, to] = a <= b ? [a, b] : [b, a];
        const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
        const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
        // Birthdays passed this year or not: 2000-03-01 → 2026-02-28 is 25, → 2026-03-01 is 26.
        expect(wholeYears(from, to)).toBe(ty - fy - (tm * 100 + td < fm * 100 + fd ? 1 : 0));
      }),
      { numRuns: 3000 },
    );
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    // Not a real date (only pre-parsed input could hold one): it rolls over as Date does.
    expect(addDays("2025-02-30", 1)).toBe("2025-03-03");
    expect(addDays("2025-02-30", -1)).toBe("2025-03-01");
    expect(wholeYears("2000-03-01", "2026-02-28")).toBe(25);
    expect(wholeYears("2000-03-01", "2026-03-01")).toBe(26);
  });

  it("date arithmetic is total at the far end", () => {
    expect(addDays("9999-12-31", 1)).toBe("10000-01-01");
    expect(addMonths("9999-12-31", 1)).toBe("10000-01-31");
  });

  it("any dates in the range, on all five jurisdictions: screening answers and never throws", () => {
    let screened = 0;
    fc.assert(
      fc.property(
        situationArb,
        fc.constantFrom(...JURISDICTIONS),
        day,
        day,
        day,
        day,
        (s, jurisdiction, asOf, since, exited, event) => {
          // Events on or before the estimate's date, so that most inputs are screened, not refused.
          const upTo = (d: string) => (d <= asOf ? d : asOf);
          [since, exited, event] = [upTo(since), upTo(exited), upTo(event)];
          const input = {
            ...s,
            jurisdiction,
            asOf,
            povertyExitedOn: exited,
            currentBenefits: { ...s.currentBenefits, dibao: { since } },
            incomeAboveStandardSince: since,
            emergency: { ...s.emergency, date: event },
          };
          const r = screenInput(input, { policies, today: asOf });
          expect(typeof r.ok).toBe("boolean");
          screened += r.ok ? 1 : 0;
        },
      ),
      { numRuns: 300, seed: 20261130 },
    );
    expect(screened).toBeGreaterThan(100); // the property reached the rules, not only the schema
  });
});
