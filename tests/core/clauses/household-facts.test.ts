// The household-level facts the interview gathers: the household's monthly income as one total (with its
// basic pension and dividends), and ages known only as a band. Each rule reads them exactly as it reads
// the per-member facts, and where they leave a threshold open the result says so.

import { describe, expect, it } from "vitest";
import { adult, dibaoOf, est, household, type MemberInput, reasonOf } from "./dibao-helpers.ts";
import { screenFor, tekunPerson } from "./program-helpers.ts";

const DONGXING = "东兴区工作机制";
const JIANGMEN = "江府办〔2017〕23号";

/** Members whose own incomes are not known: only the household's total is. */
const unknownIncome = (m: MemberInput): MemberInput => {
  const { income: _, ...rest } = m;
  return rest;
};

describe("the household's income as one total (householdIncome)", () => {
  const trio = (total: number) =>
    household(
      "neijiang-dongxing",
      "2020-09-01",
      [adult({ relation: "self" }), adult(), adult()].map(unknownIncome),
      {
        area: "rural",
        householdIncome: { monthly: total },
      },
    );

  it(`${DONGXING} 三(一): a total of 600 for three counts as 200 a head: (360 − 200) × 3 = 480`, () => {
    expect(est(dibaoOf(trio(600)))).toMatchObject({ outcome: "likely", monthly: 480 });
  });

  it(`${DONGXING} 三(一): a total of 1,080 is 360 a head, not under 360: unlikely; 1,077 is 359 a head: (360 − 359) × 3 = 3`, () => {
    expect(dibaoOf(trio(1080)).outcome).toBe("unlikely");
    expect(est(dibaoOf(trio(1077)))).toMatchObject({ outcome: "likely", monthly: 3 });
  });

  it("a total says nothing of the members' own incomes: without it, the household test stays open on each member", () => {
    const s = household(
      "neijiang-dongxing",
      "2020-09-01",
      [adult({ relation: "self" }), adult()].map(unknownIncome),
      {
        area: "rural",
      },
    );
    expect(dibaoOf(s).missing).toEqual(expect.arrayContaining(["members[0].income", "members[1].income"]));
  });

  it("where every member's own income is known, those count and the total is not read", () => {
    const s = household(
      "neijiang-dongxing",
      "2020-09-01",
      [adult({ relation: "self", income: [] }), adult({ income: [] })],
      {
        area: "rural",
        householdIncome: { monthly: 5000 },
      },
    );
    // 0 + 0 counted, not the 5,000: (360 − 0) × 2 = 720
    expect(dibaoOf(s).monthly).toBe(720);
  });

  const pensioners = (pensionBasic: number) =>
    household(
      "jiangmen",
      "2021-05-01",
      [unknownIncome(adult({ relation: "self", age: 70 })), unknownIncome(adult({ age: 68 }))],
      {
        householdIncome: { monthly: 1800, pensionBasic },
      },
    );

  it(`${JIANGMEN} 二(二): of a total of 1,800, a basic pension of 400 is not counted: 1,400 / 2 = 700 < Guangdong's urban floor 772, at least (772 − 700) × 2 = 144`, () => {
    const r = dibaoOf(pensioners(400));
    expect(est(r)).toMatchObject({ outcome: "likely", monthlyRange: { min: 144, max: null } });
    expect(reasonOf(r, "household_income_excluded").values).toEqual({ kind: "pension_basic", amount: 400 });
  });

  it(`${JIANGMEN} 二(二): with no basic pension in it, 1,800 / 2 = 900 ≥ the floor 772: only possible`, () => {
    expect(dibaoOf(pensioners(0)).outcome).toBe("possible");
  });
});

describe("a person living alone: the household's total is their own income", () => {
  it("特困人员认定办法: 75, alone, a total of 0 a month — no means of living, as with an income of 0", () => {
    const { income: _, ...rest } = tekunPerson({ age: 75 });
    const s = household("wuxi", "2026-03-01", [rest], { householdIncome: { monthly: 0 } });
    const exact = screenFor(household("wuxi", "2026-03-01", [tekunPerson({ age: 75 })]), "tekun", 0);
    const total = screenFor(s, "tekun", 0);
    expect([total.outcome, total.monthly]).toEqual([exact.outcome, exact.monthly]);
    expect(total.missing).not.toContain("members[0].income");
  });
});

describe("ages known only as a band (members[].ageBand)", () => {
  const alone = (member: MemberInput) => household("wuxi", "2026-03-01", [member]);
  const banded = (ageBand: { from: number; to?: number }) => {
    const { age: _, ...rest } = tekunPerson();
    return alone({ ...rest, ageBand });
  };

  it("特困人员认定办法 第二条 老年人 (60 or over): a band of 60 or over settles it, like an exact 75", () => {
    const exact = screenFor(alone(tekunPerson({ age: 75 })), "tekun", 0);
    const band = screenFor(banded({ from: 60 }), "tekun", 0);
    expect([band.outcome, band.monthly]).toEqual([exact.outcome, exact.monthly]);
    expect(band.missing).not.toContain("members[0].age");
  });

  it("a band of 18 to 59 is under 60 on every day of it: the elderly route is closed, like an exact 59", () => {
    const exact = screenFor(alone(tekunPerson({ age: 59 })), "tekun", 0);
    const band = screenFor(banded({ from: 18, to: 59 }), "tekun", 0);
    expect(band.outcome).toBe(exact.outcome);
  });

  it("a band that holds both sides of 60 (50 to 69) leaves the age open, and the result names it", () => {
    const band = screenFor(banded({ from: 50, to: 69 }), "tekun", 0);
    expect(band.outcome).toBe("possible");
    expect(band.missing).toContain("members[0].age");
  });
});
