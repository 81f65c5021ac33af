// 无锡 低保 and 单人保, worked by hand from 锡民联发〔2019〕4号 (shared/seeds/wuxi-2019.txt) and the published
// standards (shared/spec/published-figures.md): 900 from 2018-07-01, 1010 from 2020-07-01 (refining the
// seed's "1000元以上"), 1060 from 2021-07-01 (start date assumed), 1115 from 2024-07-01, 1167 from
// 2025-07-01. One standard for urban and rural hukou alike.

import { describe, expect, it } from "vitest";
import {
  adult,
  codes,
  dibaoOf,
  earner,
  est,
  household,
  type MemberInput,
  onDibao,
  reasonOf,
  type SituationInput,
  severelyDisabled,
  singleOf,
} from "./dibao-helpers.ts";

const SEED = "锡民联发〔2019〕4号";
const NATIONAL_ELIGIBILITY = "社会救助暂行办法 第九条、第十一条";

/** Two adults with no income, so the amount is the standard × 2. */
function noIncomePair(asOf: string, rest: Partial<SituationInput> = {}): SituationInput {
  return household("wuxi", asOf, [adult({ relation: "self" }), adult({ relation: "spouse" })], rest);
}

describe("无锡 standards by date", () => {
  it("锡政发〔2018〕34号: 900 for 2018-07-01 to 2019-06-30 — two members with no income get 900 × 2 = 1800", () => {
    const r = dibaoOf(noIncomePair("2019-06-30"));
    expect(est(r)).toEqual({ outcome: "likely", monthly: 1800, monthlyRange: null, until: null });
    const cite = reasonOf(r, "income_below_standard");
    expect(cite.source).toBe("锡政发〔2018〕34号");
    expect(cite.basis).toBe("supplementary");
    expect(cite.values).toMatchObject({ standard: 900, perCapitaIncome: 0, members: 2 });
  });

  it("锡政发〔2018〕34号: the 2019 raise is unconfirmed, so on 2020-06-30 900 is a floor — at least 900 × 2 = 1800", () => {
    const r = dibaoOf(noIncomePair("2020-06-30"));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 1800,
      monthlyRange: { min: 1800, max: null },
      until: null,
    });
    expect(reasonOf(r, "income_below_standard").values).toMatchObject({ kind: "floor", standard: 900 });
  });

  it(`${SEED} 二(一)1 (1000元以上 from 2020-07-01) refined by 锡政发〔2021〕14号's 1010: 1010 × 2 = 2020 on 2020-07-01`, () => {
    const r = dibaoOf(noIncomePair("2020-07-01"));
    // The published figure is the estimate; the seed's floor (1000) stays cited as its lower bound.
    expect(est(r)).toEqual({ outcome: "likely", monthly: 2020, monthlyRange: null, until: null });
    const cite = reasonOf(r, "income_below_standard");
    expect(cite.source).toBe("锡政发〔2021〕14号（所引调整前标准）");
    expect(cite.values).toMatchObject({ standard: 1010, floor: 1000, floorSource: `${SEED} 二(一)1` });
  });

  it("锡政发〔2021〕14号: 1010 on 2021-06-30 (2020), 1060 from the assumed start 2021-07-01 (1060 × 2 = 2120)", () => {
    expect(dibaoOf(noIncomePair("2021-06-30")).monthly).toBe(2020);
    const r = dibaoOf(noIncomePair("2021-07-01"));
    expect(r.monthly).toBe(2120);
    expect(reasonOf(r, "income_below_standard").source).toBe("锡政发〔2021〕14号");
  });

  it("无锡市2024年提标通知（新闻报道）: 1060 × 2 = 2120 on 2024-06-30, 1115 × 2 = 2230 on 2024-07-01", () => {
    expect(dibaoOf(noIncomePair("2024-06-30")).monthly).toBe(2120);
    const r = dibaoOf(noIncomePair("2024-07-01"));
    expect(r.monthly).toBe(2230);
    expect(reasonOf(r, "income_below_standard").source).toBe("无锡市2024年提标通知（新闻报道）");
  });

  it("锡政发〔2025〕8号: 1115 × 2 = 2230 on 2025-06-30, 1167 × 2 = 2334 on 2025-07-01", () => {
    expect(dibaoOf(noIncomePair("2025-06-30")).monthly).toBe(2230);
    const r = dibaoOf(noIncomePair("2025-07-01"));
    expect(r.monthly).toBe(2334);
    expect(reasonOf(r, "income_below_standard").source).toBe("锡政发〔2025〕8号");
  });

  it("锡政发〔2021〕14号: one standard for urban and rural — a rural pair gets 2020 too, and an unknown area is not missing", () => {
    expect(dibaoOf(noIncomePair("2020-08-01", { area: "rural" })).monthly).toBe(2020);
    const r = dibaoOf(noIncomePair("2020-08-01", { area: undefined }));
    expect(est(r)).toEqual({ outcome: "likely", monthly: 2020, monthlyRange: null, until: null });
    expect(r.missing).toEqual([]);
  });
});

describe("无锡 income test (1010 on 2020-08-01)", () => {
  const trio = (wage: number): SituationInput =>
    household("wuxi", "2020-08-01", [earner(wage, { relation: "self" }), adult(), adult()]);

  it("锡政发〔2021〕14号: household of three earning 3029 (per capita 1009.67 < 1010): 1010 × 3 − 3029 = 1", () => {
    expect(est(dibaoOf(trio(3029)))).toEqual({
      outcome: "likely",
      monthly: 1,
      monthlyRange: null,
      until: null,
    });
  });

  it("锡政发〔2021〕14号: household of three earning 3030 (per capita exactly 1010, not below it): unlikely", () => {
    const r = dibaoOf(trio(3030));
    expect(r.outcome).toBe("unlikely");
    expect(r.monthly).toBeNull();
    expect(reasonOf(r, "income_above_standard").values).toMatchObject({
      perCapitaIncome: 1010,
      standard: 1010,
    });
  });

  it("锡政发〔2021〕14号: one member's income unknown — possible, naming it; at most 1010 × 3 − 500 = 2530", () => {
    const s = household("wuxi", "2020-08-01", [
      earner(500, { relation: "self" }),
      adult({ income: undefined }),
      adult(),
    ]);
    const r = dibaoOf(s);
    expect(r.outcome).toBe("possible");
    expect(r.missing).toEqual(["members[1].income"]);
    expect(r.monthly).toBeNull();
    expect(r.monthlyRange).toEqual({ min: 0, max: 2530 });
  });

  it(`${NATIONAL_ELIGIBILITY}: property unknown is possible (missing assets); over the limits is unlikely`, () => {
    const unknownAssets = dibaoOf(noIncomePair("2020-08-01", { assets: undefined }));
    expect(unknownAssets.outcome).toBe("possible");
    expect(unknownAssets.missing).toEqual(["assets"]);
    expect(unknownAssets.monthly).toBe(2020);
    const over = dibaoOf(noIncomePair("2020-08-01", { assets: "over_limits" }));
    expect(over.outcome).toBe("unlikely");
    expect(reasonOf(over, "assets_over_limits").source).toBe(NATIONAL_ELIGIBILITY);
  });

  it(`${NATIONAL_ELIGIBILITY}: no local hukou is unlikely; hukou unknown is possible`, () => {
    const away = dibaoOf(noIncomePair("2020-08-01", { localHukou: false }));
    expect(away.outcome).toBe("unlikely");
    expect(reasonOf(away, "no_local_hukou").source).toBe(NATIONAL_ELIGIBILITY);
    const unsure = dibaoOf(noIncomePair("2020-08-01", { localHukou: undefined }));
    expect(unsure.outcome).toBe("possible");
    expect(unsure.missing).toEqual(["localHukou"]);
  });
});

describe(`${SEED} 二(一)2: rigid expenses of registered-poor households may be deducted (可按规定适当扣减)`, () => {
  const pair = (
    wage: number,
    expenses: Partial<Record<"medical" | "care" | "rehabilitation" | "employment", number>>,
    rest: Partial<SituationInput> = {},
  ) =>
    household(
      "wuxi",
      "2020-08-01",
      [earner(wage, { relation: "self" }), adult({ disability: { grade: 2, category: "physical" } })],
      {
        registeredPoor: true,
        monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0, ...expenses },
        ...rest,
      },
    );

  it(`${SEED} 二(一)2: registered poor, 2300 earned, 400 medical — under 1010 × 2 = 2020 only after the deduction: possible, no estimate, up to 2020 − 1900 = 120`, () => {
    const r = dibaoOf(pair(2300, { medical: 400 }));
    expect(est(r)).toEqual({
      outcome: "possible",
      monthly: null, // above the standard until the office deducts: no estimate, only the range
      monthlyRange: { min: 0, max: 120 },
      until: null,
    });
    expect(codes(r)).toContain("income_below_only_after_deductions");
    const d = reasonOf(r, "deduction_discretionary");
    expect(d.source).toBe(`${SEED} 二(一)2`);
    expect(d.values).toMatchObject({ kind: "medical", amount: 400 });
  });

  it(`${SEED} 二(一)2: care, rehabilitation and employment costs count too — 2400 − 4 × 100 = 2000 < 2020: possible, up to 20`, () => {
    const r = dibaoOf(pair(2400, { medical: 100, care: 100, rehabilitation: 100, employment: 100 }));
    expect(est(r)).toEqual({
      outcome: "possible",
      monthly: null, // above the standard until the office deducts: no estimate, only the range
      monthlyRange: { min: 0, max: 20 },
      until: null,
    });
    const kinds = r.reasons.filter((x) => x.code === "deduction_discretionary").map((x) => x.values.kind);
    expect(kinds.sort()).toEqual(["care", "employment", "medical", "rehabilitation"]);
  });

  it(`${SEED} 二(一)2: a household not on the poverty register gets no deduction — 2300 ≥ 2020: unlikely`, () => {
    const r = dibaoOf(pair(2300, { medical: 400 }, { registeredPoor: false }));
    expect(r.outcome).toBe("unlikely");
    expect(codes(r)).toContain("income_above_standard");
  });

  it(`${SEED} 二(一)2: register status unknown — possible, naming registeredPoor`, () => {
    const r = dibaoOf(pair(2300, { medical: 400 }, { registeredPoor: undefined }));
    expect(r.outcome).toBe("possible");
    expect(r.missing).toEqual(["registeredPoor"]);
    expect(r.monthlyRange).toEqual({ min: 0, max: 120 });
  });

  it(`${SEED} 二(一)2: already under without deductions — the estimate leaves them out (2020 − 2000 = 20), the range's top includes them (2020 − 1600 = 420)`, () => {
    const r = dibaoOf(pair(2000, { medical: 400 }));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 20,
      monthlyRange: { min: 20, max: 420 },
      until: null,
    });
  });
});

describe(`${SEED} 二(一)3: 渐退 — registered poor on dibao, income above the standard but within 2×, ≤ 24 months from the month after`, () => {
  function rising(asOf: string, wage: number, rest: Partial<SituationInput> = {}): SituationInput {
    return household("wuxi", asOf, [earner(wage, { relation: "self" }), adult()], {
      registeredPoor: true,
      currentBenefits: onDibao(600, "2019-01-01"),
      incomeAboveStandardSince: "2020-05-15",
      ...rest,
    });
  }

  it(`${SEED} 二(一)3: above 1010 × 2 = 2020 since 2020-05-15, earning 3000 (< 2 × 2020 = 4040): possible (可), until 2020-06-01 + 24 months − 1 day = 2022-05-31, amount not stated`, () => {
    const r = dibaoOf(rising("2020-08-01", 3000));
    expect(est(r)).toEqual({ outcome: "possible", monthly: null, monthlyRange: null, until: "2022-05-31" });
    const t = reasonOf(r, "transition_discretionary");
    expect(t.source).toBe(`${SEED} 二(一)3`);
    expect(t.values).toMatchObject({ start: "2020-06-01", until: "2022-05-31", months: 24 });
    expect(r.missing).toEqual([]);
  });

  it(`${SEED} 二(一)3: 次月起 — above the standard since 2020-04-30 starts 2020-05-01 and ends 2022-04-30; since 2020-05-01 ends 2022-05-31`, () => {
    expect(dibaoOf(rising("2020-08-01", 3000, { incomeAboveStandardSince: "2020-04-30" })).until).toBe(
      "2022-04-30",
    );
    expect(dibaoOf(rising("2020-08-01", 3000, { incomeAboveStandardSince: "2020-05-01" })).until).toBe(
      "2022-05-31",
    );
  });

  it(`${SEED} 二(一)3: per capita 2019.5 (4039 for two) is within 2 × 1010: possible`, () => {
    expect(dibaoOf(rising("2020-08-01", 4039)).outcome).toBe("possible");
  });

  it(`${SEED} 二(一)3: per capita exactly 2 × 1010 = 2020 (4040 for two) is still 在低保标准2倍以内 (以内 includes the figure): possible`, () => {
    const r = dibaoOf(rising("2020-08-01", 4040));
    expect(r.outcome).toBe("possible");
    expect(r.until).toBe("2022-05-31");
  });

  it(`${SEED} 二(一)3: per capita 2020.5 (4041 for two) is over 2 × 1010: unlikely, citing the ceiling`, () => {
    const r = dibaoOf(rising("2020-08-01", 4041));
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "transition_income_over_ceiling").source).toBe(`${SEED} 二(一)3`);
  });

  it(`${SEED} 二(一)3: the last day 2022-05-31 is covered (1060 × 2 = 2120 < 3000 < 4240); 2022-06-01 is not`, () => {
    const last = dibaoOf(rising("2022-05-31", 3000));
    expect(est(last)).toEqual({
      outcome: "possible",
      monthly: null,
      monthlyRange: null,
      until: "2022-05-31",
    });
    const after = dibaoOf(rising("2022-06-01", 3000));
    expect(after.outcome).toBe("unlikely");
    expect(reasonOf(after, "transition_ended").values).toMatchObject({ until: "2022-05-31" });
  });

  it(`${SEED} 二(一)3: only registered-poor (建档立卡) households: unlikely otherwise`, () => {
    const r = dibaoOf(rising("2020-08-01", 3000, { registeredPoor: false }));
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "transition_registered_poor_only").source).toBe(`${SEED} 二(一)3`);
  });

  it(`${SEED} 二(一)3: 脱贫攻坚期内 — income that rose on 2020-12-31 still qualifies (until 2022-12-31); on 2021-01-01 it does not`, () => {
    const inTime = dibaoOf(rising("2021-02-01", 3000, { incomeAboveStandardSince: "2020-12-31" }));
    expect(est(inTime)).toEqual({
      outcome: "possible",
      monthly: null,
      monthlyRange: null,
      until: "2022-12-31",
    });
    const late = dibaoOf(rising("2021-02-01", 3000, { incomeAboveStandardSince: "2021-01-01" }));
    expect(late.outcome).toBe("unlikely");
    expect(codes(late)).toContain("transition_trigger_too_late");
  });

  it(`${SEED} 二(一)3: a household not on dibao has no transition — 3000 ≥ 2020: unlikely on the income test alone`, () => {
    const r = dibaoOf(rising("2020-08-01", 3000, { currentBenefits: { ...onDibao(0), dibao: null } }));
    expect(r.outcome).toBe("unlikely");
    expect(codes(r)).toEqual(["income_above_standard"]);
  });

  it(`${SEED} 二(一)3: on dibao with the date income rose unknown — possible, naming incomeAboveStandardSince`, () => {
    const r = dibaoOf(rising("2020-08-01", 3000, { incomeAboveStandardSince: undefined }));
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("incomeAboveStandardSince");
    expect(r.until).toBeNull();
  });
});

describe(`${SEED} 二(二)1: 重度残疾人单人保 — from the second half of 2019 (taken as 2019-07-01), household per capita under 2 × the standard`, () => {
  const SRC = `${SEED} 二(二)1（参照锡民救〔2017〕24号：成年无业）`;
  function family(asOf: string, parentsWage: number, member: Partial<MemberInput> = {}): SituationInput {
    return household("wuxi", asOf, [
      severelyDisabled({ relation: "self", ...member }),
      earner(parentsWage, { relation: "parent", age: 55 }),
      adult({ relation: "parent", age: 55 }),
    ]);
  }

  it(`${SRC}: on 2019-07-01 (900, now a floor), a grade-2 adult in a family of three earning 5399 < 2 × 900 × 3 = 5400 gets at least 900 − 0 = 900`, () => {
    const r = singleOf(family("2019-07-01", 5399));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 900,
      monthlyRange: { min: 900, max: null },
      until: null,
    });
    expect(reasonOf(r, "single_qualifying_condition").source).toBe(SRC);
  });

  it(`${SRC}: the day before, 2019-06-30, the route is not yet in force: unlikely`, () => {
    const r = singleOf(family("2019-06-30", 5399));
    expect(r.outcome).toBe("unlikely");
    expect(r.monthly).toBeNull();
  });

  it(`${SRC}: family earning 5400 = 2 × 900 × 3 on 2019-07-01 is not below 2 × the floor, but the real standard may be higher: possible`, () => {
    const r = singleOf(family("2019-07-01", 5400));
    expect(r.outcome).toBe("possible");
    expect(codes(r)).toContain("single_income_open");
  });

  it(`${SRC}: on 2020-08-01 (1010) the limit is 2 × 1010 × 3 = 6060 — 6059 gives 1010, 6060 is unlikely`, () => {
    expect(est(singleOf(family("2020-08-01", 6059)))).toEqual({
      outcome: "likely",
      monthly: 1010,
      monthlyRange: null,
      until: null,
    });
    expect(singleOf(family("2020-08-01", 6060)).outcome).toBe("unlikely");
  });

  it(`${SRC}: as a one-person household — own pension 300 gives 1010 − 300 = 710`, () => {
    const r = singleOf(family("2020-08-01", 5000, { income: [{ kind: "pension_other", monthly: 300 }] }));
    expect(est(r)).toEqual({ outcome: "likely", monthly: 710, monthlyRange: null, until: null });
  });

  it(`${SRC}: grade 3 intellectual or mental qualifies; grade 3 physical and grade 4 mental do not`, () => {
    expect(
      singleOf(family("2020-08-01", 5000, { disability: { grade: 3, category: "intellectual" } })).outcome,
    ).toBe("likely");
    expect(
      singleOf(family("2020-08-01", 5000, { disability: { grade: 3, category: "mental" } })).outcome,
    ).toBe("likely");
    const physical3 = singleOf(
      family("2020-08-01", 5000, { disability: { grade: 3, category: "physical" } }),
    );
    expect(physical3.outcome).toBe("unlikely");
    expect(codes(physical3)).toContain("single_not_severe");
    expect(
      singleOf(family("2020-08-01", 5000, { disability: { grade: 4, category: "mental" } })).outcome,
    ).toBe("unlikely");
  });

  it(`${SRC}: 成年无业 — a 17-year-old or an employed adult is unlikely`, () => {
    expect(codes(singleOf(family("2020-08-01", 5000, { age: 17 })))).toContain("single_adults_only");
    expect(codes(singleOf(family("2020-08-01", 5000, { employed: true })))).toContain(
      "single_unemployed_only",
    );
  });

  it(`${SRC}: 靠家庭供养且无法单独立户 — one who can live alone, or does not depend on the family, is unlikely`, () => {
    expect(codes(singleOf(family("2020-08-01", 5000, { canLiveAlone: true })))).toContain(
      "single_can_live_alone",
    );
    expect(codes(singleOf(family("2020-08-01", 5000, { dependsOnFamily: false })))).toContain(
      "single_not_dependent",
    );
  });

  it(`${SRC}: whether they could live alone unknown — possible, naming members[0].canLiveAlone`, () => {
    const r = singleOf(family("2020-08-01", 5000, { canLiveAlone: undefined }));
    expect(r.outcome).toBe("possible");
    expect(r.missing).toEqual(["members[0].canLiveAlone"]);
    expect(r.monthly).toBe(1010);
  });
});

describe(`${SEED} 二(二)2: 大重病单人保 — a seriously ill member already on medical aid, household under 2×, at least 100% of the standard`, () => {
  const SRC = `${SEED} 二(二)2`;
  function ill(
    wage: number,
    illness: MemberInput["illness"],
    rest: Partial<SituationInput> = {},
    own: Partial<MemberInput> = {},
  ) {
    return household(
      "wuxi",
      "2020-08-01",
      [
        adult({ relation: "self", age: 50, workCapacity: "none", illness, ...own }),
        earner(wage, { relation: "spouse" }),
      ],
      rest,
    );
  }
  const UREMIA = { serious: true, disease: "uremia", medicalAid: true } as const;

  it(`${SRC}: family of two earning 4039 < 2 × 1010 × 2 = 4040 — possible (可, on application), at least 1010`, () => {
    const r = singleOf(ill(4039, UREMIA));
    expect(est(r)).toEqual({
      outcome: "possible",
      monthly: 1010,
      monthlyRange: { min: 1010, max: null },
      until: null,
    });
    expect(reasonOf(r, "single_discretionary").source).toBe(SRC);
    expect(r.missing).toEqual([]);
  });

  it(`${SRC}: family earning 4040 = 2 × 1010 × 2 is not below 2×: unlikely`, () => {
    expect(singleOf(ill(4040, UREMIA)).outcome).toBe("unlikely");
  });

  it(`${SRC}: not yet on medical aid (已经享受医疗救助) — unlikely before 民发〔2021〕57号; unknown — possible, naming it`, () => {
    expect(singleOf(ill(3000, { ...UREMIA, medicalAid: false })).outcome).toBe("unlikely");
    const r = singleOf(ill(3000, { serious: true, disease: "uremia" }));
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("members[0].illness.medicalAid");
  });

  it(`${SRC}: 家庭财产状况符合 — property over the limits is unlikely`, () => {
    expect(singleOf(ill(3000, UREMIA, { assets: "over_limits" })).outcome).toBe("unlikely");
  });

  it(`${SRC}: 不低于当地低保标准100% — own income 300 does not lower the floor of 1010`, () => {
    const r = singleOf(ill(3000, UREMIA, {}, { income: [{ kind: "pension_other", monthly: 300 }] }));
    expect(r.monthlyRange).toEqual({ min: 1010, max: null });
    expect(r.monthly).toBe(1010);
  });
});
