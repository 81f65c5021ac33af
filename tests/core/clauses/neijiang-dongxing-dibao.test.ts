// 内江市东兴区 低保 and 单人保, worked by hand from 东兴区工作机制 (shared/seeds/neijiang-dongxing-2020.txt) and the
// published figures: rural 360 (the seed's 现 standard, taken 2020-01-01 to 2021-11-30), Neijiang's 2018
// urban 510 / rural 320, Sichuan's floors from 2021-12-01 (615 / 415), 2022-07-01 (680 / 480) and 2023-07-01
// (740 / 533).

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

/** The city published 510 for 2018 only; tests that need an exact 2020 urban figure deploy one. */
const URBAN_510 = {
  "neijiang-dongxing": {
    "dibao.standard.urban": [
      { from: "2020-01-01", value: 510, basis: "deployment" as const, source: "测试部署标准（deployment）" },
    ],
  },
};

const SEED = "东兴区工作机制";

function trio(asOf: string, members: MemberInput[], rest: Partial<SituationInput> = {}): SituationInput {
  return household("neijiang-dongxing", asOf, members, { area: "rural", ...rest });
}
const adults3 = (wage: number): MemberInput[] => [earner(wage, { relation: "self" }), adult(), adult()];

describe(`${SEED} 三(一): 现农村低保月保障标准为360元`, () => {
  it(`${SEED} 三(一): (360 − 200) × 3 = 480 for a rural household of three with per-capita income 200`, () => {
    const r = dibaoOf(trio("2020-09-01", adults3(600)));
    expect(est(r)).toEqual({ outcome: "likely", monthly: 480, monthlyRange: null, until: null });
    const cite = reasonOf(r, "income_below_standard");
    expect(cite.source).toBe(`${SEED} 三(一)`);
    expect(cite.basis).toBe("seed");
    expect(cite.values).toMatchObject({ perCapitaIncome: 200, standard: 360, members: 3 });
  });

  it(`${SEED} 三(一): 1079 for three (per capita 359.67 < 360) gives 1; 1080 (exactly 360) is unlikely`, () => {
    expect(est(dibaoOf(trio("2020-09-01", adults3(1079))))).toEqual({
      outcome: "likely",
      monthly: 1,
      monthlyRange: null,
      until: null,
    });
    const at = dibaoOf(trio("2020-09-01", adults3(1080)));
    expect(at.outcome).toBe("unlikely");
    expect(reasonOf(at, "income_above_standard").source).toBe(`${SEED} 三(一)`);
  });

  it("内江市2018年低保标准（市新闻）: before the seed's year, 2019-12-31, rural 320 × 3 = 960; urban 510 in 2020", () => {
    const r = dibaoOf(trio("2019-12-31", adults3(0)));
    expect(r.monthly).toBe(960);
    expect(reasonOf(r, "income_below_standard").source).toBe("内江市2018年低保标准（市新闻）");
    expect(dibaoOf(trio("2020-09-01", adults3(0), { area: "urban" })).monthly).toBe(1530);
  });

  it(`${SEED} 三(一): 360 × 3 = 1080 exact on 2020-12-31; from 2021-01-01, 2021's figure unconfirmed, the 360 stays as a floor: at least 1080 (to 2021-11-30)`, () => {
    expect(est(dibaoOf(trio("2020-12-31", adults3(0))))).toEqual({
      outcome: "likely",
      monthly: 1080,
      monthlyRange: null,
      until: null,
    });
    for (const day of ["2021-01-01", "2021-11-30"]) {
      const r = dibaoOf(trio(day, adults3(0)));
      expect(est(r), day).toEqual({
        outcome: "likely",
        monthly: 1080,
        monthlyRange: { min: 1080, max: null },
        until: null,
      });
      expect(reasonOf(r, "income_below_standard").values).toMatchObject({ amount: 360, kind: "floor" });
    }
  });

  it(`四川省2021年12月低保最低标准: from 2021-12-01 the floor 415 × 3 = 1245, no upper bound`, () => {
    const r = dibaoOf(trio("2021-12-01", adults3(0)));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 1245,
      monthlyRange: { min: 1245, max: null },
      until: null,
    });
    expect(reasonOf(r, "income_below_standard").source).toBe("四川省2021年12月低保最低标准");
  });

  it("四川省2021年12月低保最低标准: urban 510 × 3 = 1530 on 2021-11-30, the floor 615 × 3 = 1845 on 2021-12-01", () => {
    expect(dibaoOf(trio("2021-11-30", adults3(0), { area: "urban" })).monthly).toBe(1530);
    expect(dibaoOf(trio("2021-12-01", adults3(0), { area: "urban" })).monthly).toBe(1845);
  });

  it("川民发〔2022〕89号 / 川民发〔2023〕100号: rural floors 480 × 3 = 1440 from 2022-07-01, 533 × 3 = 1599 from 2023-07-01", () => {
    expect(dibaoOf(trio("2022-06-30", adults3(0))).monthly).toBe(1245);
    expect(dibaoOf(trio("2022-07-01", adults3(0))).monthly).toBe(1440);
    expect(dibaoOf(trio("2023-06-30", adults3(0))).monthly).toBe(1440);
    const r = dibaoOf(trio("2023-07-01", adults3(0)));
    expect(r.monthly).toBe(1599);
    expect(reasonOf(r, "income_below_standard").source).toBe("川民发〔2023〕100号");
    expect(dibaoOf(trio("2023-07-01", adults3(0), { area: "urban" })).monthly).toBe(2220);
  });

  it(`${SEED} 三(一): area unknown — rural 360 or urban 510: one person with no income is likely, 360 to 510, naming area`, () => {
    const r = dibaoOf(
      household("neijiang-dongxing", "2020-09-01", [adult({ relation: "self" })], { area: undefined }),
      URBAN_510,
    );
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: null,
      monthlyRange: { min: 360, max: 510 },
      until: null,
    });
    expect(r.missing).toEqual(["area"]);
  });

  it(`${SEED} 三(一): area unknown and 400 earned (between 360 and 510): possible, naming area`, () => {
    const r = dibaoOf(
      household("neijiang-dongxing", "2020-09-01", [earner(400, { relation: "self" })], { area: undefined }),
    );
    expect(r.outcome).toBe("possible");
    expect(r.missing).toEqual(["area"]);
  });

  it(`${SEED} 三(一): 持有我区户籍 — no local hukou is unlikely; property over the limits is unlikely`, () => {
    const away = dibaoOf(trio("2020-09-01", adults3(600), { localHukou: false }));
    expect(away.outcome).toBe("unlikely");
    expect(reasonOf(away, "no_local_hukou").source).toBe(`${SEED} 三(一)`);
    const rich = dibaoOf(trio("2020-09-01", adults3(600), { assets: "over_limits" }));
    expect(rich.outcome).toBe("unlikely");
    expect(reasonOf(rich, "assets_over_limits").source).toBe(`${SEED} 三(一)`);
  });
});

describe("the household's statement that its income rose above the standard is for households on 低保", () => {
  it(`${SEED} 三(一) in 2021 (360 a floor): a family of three not on 低保 earning 1200 (400 a head, above the floor) is not refused for a stated date, and is not asked for one — possible, the city's own standard decides`, () => {
    const notOnDibao = (rest: Partial<SituationInput>) => trio("2021-06-01", adults3(1200), rest);
    const stated = dibaoOf(notOnDibao({ incomeAboveStandardSince: "2021-01-01" }));
    expect(stated.outcome).toBe("possible");
    expect(codes(stated)).toContain("income_above_floor");
    const unstated = dibaoOf(notOnDibao({ incomeAboveStandardSince: undefined }));
    expect(unstated.missing).toEqual(["param:dibao.standard.rural"]);
  });

  it(`${SEED} 三(一)5 in 2021: the same family on 低保 since 2020, above since 2020-12-01 (within 脱贫攻坚期) — the statement decides: the 渐退 (可), until 2021-11-30`, () => {
    const r = dibaoOf(
      trio("2021-06-01", adults3(1200), {
        currentBenefits: onDibao(300, "2020-01-01"),
        incomeAboveStandardSince: "2020-12-01",
      }),
    );
    expect(est(r)).toEqual({ outcome: "possible", monthly: null, monthlyRange: null, until: "2021-11-30" });
    expect(reasonOf(r, "transition_discretionary").source).toBe(`${SEED} 三(一)5`);
  });
});

describe(`${SEED} 三(一)4: 刚性支出、必要的就业成本 可按规定予以扣减`, () => {
  const withCosts = (
    wage: number,
    expenses: Partial<Record<"medical" | "care" | "rehabilitation" | "employment", number>>,
  ) =>
    trio("2020-09-01", adults3(wage), {
      monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0, ...expenses },
    });

  it(`${SEED} 三(一)4: 1200 for three with 200 medical — 1000 < 1080 only after the deduction: possible, no estimate, up to 80`, () => {
    const r = dibaoOf(withCosts(1200, { medical: 200 }));
    expect(est(r)).toEqual({
      outcome: "possible",
      monthly: null, // above the standard until the office deducts: no estimate, only the range
      monthlyRange: { min: 0, max: 80 },
      until: null,
    });
    expect(codes(r)).toContain("income_below_only_after_deductions");
    expect(reasonOf(r, "deduction_discretionary").source).toBe(`${SEED} 三(一)4`);
  });

  it(`${SEED} 三(一)4: employment 50 + care 50 + rehabilitation 50 — 1200 − 150 = 1050 < 1080: possible, up to 30`, () => {
    const r = dibaoOf(withCosts(1200, { employment: 50, care: 50, rehabilitation: 50 }));
    expect(est(r)).toEqual({
      outcome: "possible",
      monthly: null, // above the standard until the office deducts: no estimate, only the range
      monthlyRange: { min: 0, max: 30 },
      until: null,
    });
  });

  it(`${SEED} 三(一)4: 1300 with 200 medical leaves 1100 ≥ 1080 even after the deduction: unlikely`, () => {
    expect(dibaoOf(withCosts(1300, { medical: 200 })).outcome).toBe("unlikely");
  });

  it(`${SEED} 三(一)4: told only when it can matter — 900 for three is under 1080 whatever the costs: likely, 1080 − 900 = 180, and unknown costs (which could only raise the range's top) are not told`, () => {
    const unknownCosts = trio("2020-09-01", adults3(900), { monthlyExpenses: undefined });
    const r = dibaoOf(unknownCosts);
    expect(r.outcome).toBe("likely");
    expect(r.monthly).toBe(180);
    expect(codes(r)).not.toContain("deduction_discretionary");
  });

  it(`${SEED} 三(一)4: reported costs are told even when the household qualifies anyway — 900 with 100 medical: likely, 180 (up to 280 if the office deducts)`, () => {
    const r = dibaoOf(withCosts(900, { medical: 100 }));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 180,
      monthlyRange: { min: 180, max: 280 },
      until: null,
    });
    expect(reasonOf(r, "deduction_discretionary").values).toMatchObject({ kind: "medical", amount: 100 });
  });

  it(`${SEED} 三(一)4: unknown costs are told when they could change the outcome — 1200 for three is above 1080, costs unknown: possible, naming them`, () => {
    const r = dibaoOf(trio("2020-09-01", adults3(1200), { monthlyExpenses: undefined }));
    expect(r.outcome).toBe("possible");
    expect(codes(r)).toContain("deduction_discretionary");
    expect(r.missing).toContain("monthlyExpenses.medical");
  });
});

describe(`${SEED} 三(一)5: 脱贫攻坚期内 渐退期原则上不超过12个月 (rural)`, () => {
  const rising = (asOf: string, wage: number, rest: Partial<SituationInput> = {}) =>
    trio(asOf, adults3(wage), {
      currentBenefits: onDibao(300, "2019-01-01"),
      incomeAboveStandardSince: "2020-05-10",
      ...rest,
    });

  it(`${SEED} 三(一)5: above 360 × 3 = 1080 since 2020-05-10, earning 1200: possible (可), until 2020-05-10 + 12 months − 1 day = 2021-05-09, amount not stated`, () => {
    const r = dibaoOf(rising("2020-09-01", 1200));
    expect(est(r)).toEqual({ outcome: "possible", monthly: null, monthlyRange: null, until: "2021-05-09" });
    expect(reasonOf(r, "transition_discretionary").source).toBe(`${SEED} 三(一)5`);
  });

  it(`${SEED} 三(一)5: no income ceiling is stated — 5000 for three is still possible`, () => {
    expect(dibaoOf(rising("2020-09-01", 5000)).outcome).toBe("possible");
  });

  it(`${SEED} 三(一)5: 2021-05-09 is the last day; 2021-05-10 is past 12 months: unlikely`, () => {
    expect(dibaoOf(rising("2021-05-09", 1200)).until).toBe("2021-05-09");
    const after = dibaoOf(rising("2021-05-10", 1200));
    expect(after.outcome).toBe("unlikely");
    expect(codes(after)).toContain("transition_ended");
  });

  it(`${SEED} 三(一)5: 脱贫攻坚期内 — income risen on 2020-12-31 qualifies; on 2021-01-01 it does not`, () => {
    expect(dibaoOf(rising("2021-02-01", 1200, { incomeAboveStandardSince: "2020-12-31" })).until).toBe(
      "2021-12-30",
    );
    const late = dibaoOf(rising("2021-02-01", 1200, { incomeAboveStandardSince: "2021-01-01" }));
    expect(late.outcome).toBe("unlikely");
    expect(codes(late)).toContain("transition_trigger_too_late");
  });

  it(`${SEED} 三(一)5: 纳入农村低保 — an urban household (a deployment's exact urban 510: 510 × 3 = 1530; 2000 earned) gets no 渐退: unlikely`, () => {
    // The city's 510 is published for 2018 only (a floor after), so a deployment supplies the exact figure.
    const r = dibaoOf(rising("2020-09-01", 2000, { area: "urban" }), URBAN_510);
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "rule_area_only").source).toBe(`${SEED} 三(一)5`);
  });
});

describe(`${SEED} 三(一)6: 四类人员分类救助 — 2020 tiers 120 / 80 / 40 chosen by the town; from 2021 不低于 10%`, () => {
  const mixed = (asOf: string, members: MemberInput[] = []) =>
    trio(asOf, [
      earner(600, { relation: "self" }),
      adult({ relation: "parent", age: 65 }),
      adult({ relation: "child", age: 10 }),
      ...members,
    ]);

  it(`${SEED} 三(一)6: 2020, an elder (65) and a minor (10) in a household of three earning 600 — 480 certain, up to 480 + 2 × 120 = 720`, () => {
    const r = dibaoOf(mixed("2020-09-01"));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 480,
      monthlyRange: { min: 480, max: 720 },
      until: null,
    });
    expect(reasonOf(r, "supplement_discretionary").source).toBe(`${SEED} 三(一)6`);
  });

  it(`${SEED} 三(一)6: 重度残疾人 and 重病患者 count too — five members earning 600, adding a grade-1 adult and a seriously ill adult: 360 × 5 − 600 = 1200, up to 1200 + 4 × 120 = 1680`, () => {
    const r = dibaoOf(
      mixed("2020-09-01", [
        adult({ disability: { grade: 1, category: "physical" } }),
        adult({ illness: { serious: true, disease: "other" } }),
      ]),
    );
    expect(r.monthly).toBe(1200);
    expect(r.monthlyRange).toEqual({ min: 1200, max: 1680 });
  });

  it(`${SEED} 三(一)6: from 2021-01-01 only 不低于10% remains — no upper bound: 480 certain, range max null`, () => {
    const r = dibaoOf(mixed("2021-01-01"));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 480,
      monthlyRange: { min: 480, max: null },
      until: null,
    });
  });

  it(`${SEED} 三(一)6: adults 18–59 with no disability or illness are not in the four categories: 480 exactly`, () => {
    expect(dibaoOf(trio("2020-09-01", adults3(600))).monthlyRange).toBeNull();
  });

  it(`${SEED} 三(一)6: 2020 农村低保分类救助 — an urban household (a deployment's exact urban 510: 510 × 3 − 600 = 930) gets no tier`, () => {
    const r = dibaoOf({ ...mixed("2020-09-01"), area: "urban" }, URBAN_510);
    expect(est(r)).toEqual({ outcome: "likely", monthly: 930, monthlyRange: null, until: null });
  });
});

describe(`${SEED} 三(一)3: 单人保 — adult, unemployed, severely disabled or seriously ill, dependent, family not on dibao; own income + support owed`, () => {
  const SRC = `${SEED} 三(一)3`;
  function family(asOf: string, member: Partial<MemberInput> = {}, rest: Partial<SituationInput> = {}) {
    return trio(
      asOf,
      [
        severelyDisabled({ relation: "self", disability: { grade: 1, category: "physical" }, ...member }),
        earner(5000, { relation: "parent", age: 55 }),
        adult({ relation: "parent", age: 55 }),
      ],
      rest,
    );
  }

  it(`${SRC}: support received counts once — 200 received and 200 owed is 200, not 400: likely, 360 − 200 = 160`, () => {
    const r = singleOf(
      family("2020-09-01", { income: [{ kind: "support_received", monthly: 200 }], supportOwedMonthly: 200 }),
    );
    expect(est(r)).toEqual({ outcome: "likely", monthly: 160, monthlyRange: null, until: null });
  });

  it(`${SRC}: owed more than received — 100 received, 300 owed counts 300: 360 − 300 = 60`, () => {
    const r = singleOf(
      family("2020-09-01", { income: [{ kind: "support_received", monthly: 100 }], supportOwedMonthly: 300 }),
    );
    expect(r.monthly).toBe(60);
  });

  it(`${SRC}: own income 100 + support owed 150 = 250 < 360: likely, 360 − 250 = 110 (the family's 5000 is not counted)`, () => {
    const r = singleOf(
      family("2020-09-01", { income: [{ kind: "other", monthly: 100 }], supportOwedMonthly: 150 }),
    );
    expect(est(r)).toEqual({ outcome: "likely", monthly: 110, monthlyRange: null, until: null });
    expect(reasonOf(r, "single_qualifying_condition").source).toBe(SRC);
  });

  it(`${SRC}: 359 own + owed gives 1; exactly 360 is unlikely`, () => {
    expect(
      singleOf(family("2020-09-01", { income: [{ kind: "other", monthly: 209 }], supportOwedMonthly: 150 }))
        .monthly,
    ).toBe(1);
    const at = singleOf(
      family("2020-09-01", { income: [{ kind: "other", monthly: 210 }], supportOwedMonthly: 150 }),
    );
    expect(at.outcome).toBe("unlikely");
    expect(codes(at)).toContain("single_income_above_limit");
  });

  it(`${SRC}: support owed unknown — possible, naming it; at most 360 − 100 = 260`, () => {
    const r = singleOf(
      family("2020-09-01", { income: [{ kind: "other", monthly: 100 }], supportOwedMonthly: undefined }),
    );
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("members[0].supportOwedMonthly");
    expect(r.monthly).toBeNull();
    expect(r.monthlyRange).toEqual({ min: 0, max: 260 });
  });

  it(`${SRC}: 其家庭未享受最低生活保障 — a family on dibao: unlikely, citing the clause`, () => {
    const r = singleOf(family("2020-09-01", {}, { currentBenefits: onDibao(300) }));
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "single_family_on_dibao").source).toBe(SRC);
  });

  it(`${SRC}: 重病患者 qualify too (no disability): likely, 360`, () => {
    const r = singleOf(
      family("2020-09-01", { disability: null, illness: { serious: true, disease: "other" } }),
    );
    expect(est(r)).toEqual({ outcome: "likely", monthly: 360, monthlyRange: null, until: null });
  });

  it(`${SRC}: 重度 = grade 1–2 — grade 3 (before 民发〔2021〕57号) is unlikely`, () => {
    expect(
      singleOf(family("2020-09-01", { disability: { grade: 3, category: "intellectual" } })).outcome,
    ).toBe("unlikely");
  });

  it(`${SRC}: 成年无业 靠家庭供养 无法单独立户 — a 17-year-old, an employed adult, one who can live alone: unlikely`, () => {
    expect(codes(singleOf(family("2020-09-01", { age: 17 })))).toContain("single_adults_only");
    expect(codes(singleOf(family("2020-09-01", { employed: true })))).toContain("single_unemployed_only");
    expect(codes(singleOf(family("2020-09-01", { canLiveAlone: true })))).toContain("single_can_live_alone");
  });

  it(`${SRC} + 三(一) 持有我区户籍: 单人保 is 低保 applied for alone, so a family with its hukou elsewhere gets none — unlikely, citing 三(一); hukou unknown: possible, naming localHukou`, () => {
    const elsewhere = singleOf(family("2020-09-01", {}, { localHukou: false }));
    expect(elsewhere.outcome).toBe("unlikely");
    expect(reasonOf(elsewhere, "no_local_hukou").source).toBe(`${SEED} 三(一)`);
    const unknownHukou = singleOf(family("2020-09-01", {}, { localHukou: undefined }));
    expect(unknownHukou.outcome).toBe("possible");
    expect(unknownHukou.missing).toContain("localHukou");
    expect(singleOf(family("2020-09-01", {}, { localHukou: true })).outcome).toBe("likely");
  });

  it(`${SRC}: the chain starts with the route — on 2019-12-31 there is no 单人保 in 东兴区 at all; on 2020-01-01, hukou elsewhere: unlikely`, () => {
    expect(codes(singleOf(family("2019-12-31", {}, { localHukou: false })))).toEqual(["no_rule_in_force"]);
    expect(singleOf(family("2020-01-01", {}, { localHukou: false })).outcome).toBe("unlikely");
  });

  it(`${SRC}: from 2021-12-01 the standard is the floor 415 — 415 − 0 = 415, at least`, () => {
    const r = singleOf(family("2021-12-01"));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 415,
      monthlyRange: { min: 415, max: null },
      until: null,
    });
  });
});
