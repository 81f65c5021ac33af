// 江门 低保 and 单人保, worked by hand from 江府办〔2017〕23号 (shared/seeds/jiangmen-2017.txt). The document sets
// no standard: Guangdong's published floors are the estimate and lower bound (三类 824 from 2020, 883 from
// 2022-04-29, urban = rural; 台山/开平/恩平 are 四类: urban 772/828/857/860, rural 532/579/600/645).
// "pengjiang" (蓬江) stands for any district outside the three 四类 cities.

import { describe, expect, it } from "vitest";
import {
  adult,
  codes,
  deployStandard,
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

const SEED = "江府办〔2017〕23号";
const GD2020 = "《2020年全省城乡低保最低标准》";

function pair(
  asOf: string,
  rest: Partial<SituationInput> = {},
  a: Partial<MemberInput> = {},
): SituationInput {
  return household("jiangmen", asOf, [adult({ relation: "self", ...a }), adult({ relation: "spouse" })], {
    county: "pengjiang",
    ...rest,
  });
}

describe("江门 standards: provincial floors by class and date", () => {
  it(`${SEED} 二(三): 2018's 补差 targets (75% urban / 50% rural of the standard) are city averages, not a household amount — with no standard published, no-income household is likely but monthly stays null`, () => {
    const r = dibaoOf(pair("2018-06-01"));
    expect(est(r)).toEqual({ outcome: "likely", monthly: null, monthlyRange: null, until: null });
    expect(r.missing).toEqual([]);
  });

  it(`${SEED}: no standard before 2020 — an income of 500 cannot be tested: possible, amount null; no fact of the household's is missing, only the city's own figure (a deployment parameter)`, () => {
    const r = dibaoOf(pair("2019-12-31", {}, { income: [{ kind: "wage", monthly: 500 }] }));
    expect(est(r)).toEqual({ outcome: "possible", monthly: null, monthlyRange: null, until: null });
    expect(r.missing).toEqual(["param:dibao.standard.urban"]);
  });

  it(`${GD2020}: 三类 824 from 2020-01-01 is a floor — 824 × 2 = 1648, no upper bound`, () => {
    const r = dibaoOf(pair("2020-01-01"));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 1648,
      monthlyRange: { min: 1648, max: null },
      until: null,
    });
    const cite = reasonOf(r, "income_below_standard");
    expect(cite.source).toBe(GD2020);
    expect(cite.basis).toBe("supplementary");
    expect(cite.values).toMatchObject({ standard: 824, kind: "floor" });
  });

  it("广东省民政厅 2022-04-29 低保最低标准: 824 × 2 = 1648 on 2022-04-28, 883 × 2 = 1766 on 2022-04-29", () => {
    expect(dibaoOf(pair("2022-04-28")).monthly).toBe(1648);
    const r = dibaoOf(pair("2022-04-29"));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 1766,
      monthlyRange: { min: 1766, max: null },
      until: null,
    });
    expect(reasonOf(r, "income_below_standard").source).toBe("广东省民政厅 2022-04-29 低保最低标准");
  });

  it(`${SEED} 二(三) (城乡一体化 from 2018): 三类 urban and rural alike — rural 1648, and an unknown area is not missing`, () => {
    expect(dibaoOf(pair("2021-05-01", { area: "rural" })).monthly).toBe(1648);
    const r = dibaoOf(pair("2021-05-01", { area: undefined }));
    expect(r.monthly).toBe(1648);
    expect(r.missing).toEqual([]);
  });

  it(`${GD2020}: 台山 is 四类 — urban 772 × 2 = 1544, rural 532 × 2 = 1064; 开平 and 恩平 the same`, () => {
    for (const county of ["taishan", "kaiping", "enping"]) {
      expect(est(dibaoOf(pair("2021-05-01", { county })))).toEqual({
        outcome: "likely",
        monthly: 1544,
        monthlyRange: { min: 1544, max: null },
        until: null,
      });
      expect(dibaoOf(pair("2021-05-01", { county, area: "rural" })).monthly).toBe(1064);
    }
  });

  it("广东省2023年低保最低标准（转载） / 粤民发〔2024〕40号: 台山 rural 579 × 2 = 1158 on 2022-12-31, 600 × 2 = 1200 on 2023-01-01, 645 × 2 = 1290 on 2024-01-01", () => {
    const at = (asOf: string) => dibaoOf(pair(asOf, { county: "taishan", area: "rural" }));
    expect(at("2022-12-31").monthly).toBe(1158);
    expect(at("2023-01-01").monthly).toBe(1200);
    const r = at("2024-01-01");
    expect(r.monthly).toBe(1290);
    expect(reasonOf(r, "income_below_standard").source).toBe("粤民发〔2024〕40号");
  });

  it("粤民发〔2024〕40号: 台山 urban 857 on 2023-12-31, 860 on 2024-01-01 (one person, no income)", () => {
    const one = (asOf: string) =>
      dibaoOf(household("jiangmen", asOf, [adult({ relation: "self" })], { county: "taishan" }));
    expect(one("2023-12-31").monthly).toBe(857);
    expect(one("2024-01-01").monthly).toBe(860);
  });

  it(`${GD2020}: county unknown — 三类 824 or 四类 772: likely for a person with no income, at least 772, naming county`, () => {
    const r = dibaoOf(household("jiangmen", "2021-05-01", [adult({ relation: "self" })]));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: null,
      monthlyRange: { min: 772, max: null },
      until: null,
    });
    expect(r.missing).toEqual(["county"]);
  });

  it(`${GD2020}: 1647 for two is under the floor 1648 (monthly 1); 1648 is not under the floor, but the real standard may be higher: possible`, () => {
    const under = dibaoOf(pair("2021-05-01", {}, { income: [{ kind: "wage", monthly: 1647 }] }));
    expect(est(under)).toEqual({
      outcome: "likely",
      monthly: 1,
      monthlyRange: { min: 1, max: null },
      until: null,
    });
    // 1648 / 2 = 824 a head reaches the floor: no estimate (never "possible, 0 yuan"); the city's own
    // standard would settle it, named as a deployment parameter, and so would the household's statement.
    const at = dibaoOf(pair("2021-05-01", {}, { income: [{ kind: "wage", monthly: 1648 }] }));
    expect(est(at)).toEqual({ outcome: "possible", monthly: null, monthlyRange: null, until: null });
    expect(reasonOf(at, "income_above_floor").values).toMatchObject({ floor: 824, perCapitaIncome: 824 });
    expect(at.missing).toEqual(["param:dibao.standard.urban"]);
  });
});

describe(`${SEED} 二(二): 居民基本养老保险基础养老金暂不计入家庭收入`, () => {
  const pensioner = (kind: "pension_basic" | "pension_other") =>
    household(
      "jiangmen",
      "2021-05-01",
      [
        adult({
          relation: "self",
          age: 70,
          income: [
            { kind, monthly: 200 },
            { kind: "other", monthly: 700 },
          ],
        }),
      ],
      { county: "pengjiang" },
    );

  it(`${SEED} 二(二): basic pension 200 + other 700 counts 700 < 824: likely, 824 − 700 = 124`, () => {
    const r = dibaoOf(pensioner("pension_basic"));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 124,
      monthlyRange: { min: 124, max: null },
      until: null,
    });
    const x = reasonOf(r, "income_excluded");
    expect(x.source).toBe(`${SEED} 二(二)`);
    expect(x.values).toMatchObject({ member: 0, kind: "pension_basic", amount: 200 });
  });

  it(`${SEED} 二(二): any other pension counts — 200 + 700 = 900 ≥ the floor 824: only possible`, () => {
    expect(dibaoOf(pensioner("pension_other")).outcome).toBe("possible");
  });
});

describe(`${SEED} 二(二): 刚性支出 of disability and serious illness may be considered (适当考虑) — with a deployment's exact standard of 900`, () => {
  const deployment = deployStandard("jiangmen", "2021-01-01", { urban: 900, rural: 900 });
  const one = (
    wage: number,
    expenses: Partial<Record<"medical" | "care" | "rehabilitation" | "employment", number>>,
  ) =>
    household("jiangmen", "2021-05-01", [earner(wage, { relation: "self", illness: { serious: true } })], {
      county: "pengjiang",
      monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0, ...expenses },
    });

  it(`${SEED} 二(二): 1000 earned, 200 medical — under 900 only after the deduction (800): possible, no estimate, up to 100; any household, not only registered poor`, () => {
    const r = dibaoOf(one(1000, { medical: 200 }), deployment);
    expect(est(r)).toEqual({
      outcome: "possible",
      monthly: null, // above the standard until the office deducts: no estimate, only the range
      monthlyRange: { min: 0, max: 100 },
      until: null,
    });
    expect(codes(r)).toContain("income_below_only_after_deductions");
    expect(reasonOf(r, "deduction_discretionary").source).toBe(`${SEED} 二(二)`);
  });

  it(`${SEED} 二(二): care 50 + rehabilitation 60 — 1000 − 110 = 890 < 900: possible, up to 10`, () => {
    const r = dibaoOf(one(1000, { care: 50, rehabilitation: 60 }), deployment);
    expect(est(r)).toEqual({
      outcome: "possible",
      monthly: null, // above the standard until the office deducts: no estimate, only the range
      monthlyRange: { min: 0, max: 10 },
      until: null,
    });
  });

  it(`${SEED} 二(二): employment costs are not among the rigid expenses named — 1000 with 200 employment costs: unlikely`, () => {
    expect(dibaoOf(one(1000, { employment: 200 }), deployment).outcome).toBe("unlikely");
  });
});

describe(`${SEED} 二(四): 渐退 — a dibao household declared out of poverty may keep its current amount 6 months`, () => {
  function exited(asOf: string, rest: Partial<SituationInput> = {}): SituationInput {
    return household("jiangmen", asOf, [earner(2000, { relation: "self" }), adult({ relation: "spouse" })], {
      county: "pengjiang",
      registeredPoor: true,
      povertyExitedOn: "2021-03-15",
      currentBenefits: onDibao(500, "2019-01-01"),
      ...rest,
    });
  }

  it(`${SEED} 二(四): out of poverty 2021-03-15, 2000 for two (above the floor 1648), on 500 a month: possible (可), keeps 500 until 2021-03-15 + 6 months − 1 day = 2021-09-14`, () => {
    const r = dibaoOf(exited("2021-05-01"));
    expect(est(r)).toEqual({ outcome: "possible", monthly: 500, monthlyRange: null, until: "2021-09-14" });
    expect(reasonOf(r, "transition_discretionary").source).toBe(`${SEED} 二(四)`);
  });

  it(`${SEED} 二(四): 2021-09-14 is the last day kept at 500; on 2021-09-15 the transition is over`, () => {
    expect(dibaoOf(exited("2021-09-14")).until).toBe("2021-09-14");
    const after = dibaoOf(exited("2021-09-15"));
    expect(after.until).toBeNull();
    expect(after.monthly).not.toBe(500);
    expect(codes(after)).not.toContain("transition_discretionary");
  });

  it(`${SEED} 二(四): current amount unknown — the amount hinges on it: monthly null, naming currentBenefits.dibao.monthlyAmount`, () => {
    const r = dibaoOf(
      exited("2021-05-01", { currentBenefits: { ...onDibao(0), dibao: { since: "2019-01-01" } } }),
    );
    expect(r.outcome).toBe("possible");
    expect(r.monthly).toBeNull();
    expect(r.until).toBe("2021-09-14");
    expect(r.missing).toContain("currentBenefits.dibao.monthlyAmount");
  });

  it(`${SEED} 二(四) with a deployment's exact 900: 2000 ≥ 1800 fails the ordinary test, the transition still gives 500 (possible)`, () => {
    const r = dibaoOf(
      exited("2021-05-01"),
      deployStandard("jiangmen", "2021-01-01", { urban: 900, rural: 900 }),
    );
    expect(est(r)).toEqual({ outcome: "possible", monthly: 500, monthlyRange: null, until: "2021-09-14" });
  });
});

describe(`${SEED} 二(一): 单人保 — 生活困难、靠家庭供养且无法单独立户的成年无业重度残疾人, 可按单人户纳入`, () => {
  const SRC = `${SEED} 二(一)`;
  function family(asOf: string, member: Partial<MemberInput> = {}, rest: Partial<SituationInput> = {}) {
    return household(
      "jiangmen",
      asOf,
      [severelyDisabled({ relation: "self", ...member }), earner(3000, { relation: "parent", age: 60 })],
      { county: "pengjiang", ...rest },
    );
  }

  it(`${SRC}: grade 1, 2019-08-31 (before the provincial rule, no standard published) — 生活困难 has no figure and 可 is discretionary: possible, no amount`, () => {
    const r = singleOf(family("2019-08-31", { disability: { grade: 1, category: "physical" } }));
    expect(est(r)).toEqual({ outcome: "possible", monthly: null, monthlyRange: null, until: null });
    expect(reasonOf(r, "single_hardship_not_defined").source).toBe(SRC);
    expect(r.missing).toEqual([]);
  });

  it(`${SRC} with 广东省最低生活保障制度实施办法: grade 1, 2021-05-01 — the provincial right to apply alone makes it likely, at least 824 − 0 = 824`, () => {
    const r = singleOf(family("2021-05-01", { disability: { grade: 1, category: "physical" } }));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 824,
      monthlyRange: { min: 824, max: null },
      until: null,
    });
  });

  it(`${SRC}: in 台山 (四类 urban 772) the one-person amount is 772`, () => {
    expect(singleOf(family("2021-05-01", {}, { county: "taishan" })).monthly).toBe(772);
  });

  it(`${SRC}: own other pension 100 gives 824 − 100 = 724; a basic pension of 100 is not counted (二(二)): 824`, () => {
    expect(
      singleOf(family("2021-05-01", { income: [{ kind: "pension_other", monthly: 100 }] })).monthly,
    ).toBe(724);
    expect(
      singleOf(family("2021-05-01", { income: [{ kind: "pension_basic", monthly: 100 }] })).monthly,
    ).toBe(824);
  });

  it(`${SRC}: 重度 = grade 1–2 — grade 3 physical is unlikely (before 民发〔2021〕57号)`, () => {
    const r = singleOf(family("2021-05-01", { disability: { grade: 3, category: "physical" } }));
    expect(r.outcome).toBe("unlikely");
    expect(codes(r)).toContain("single_not_severe");
  });

  it(`${SRC}: 成年无业 — a 17-year-old, or one with a job, is unlikely; 无法单独立户 — one who can live alone is unlikely (2019-08-31, the city route alone)`, () => {
    expect(singleOf(family("2021-05-01", { age: 17 })).outcome).toBe("unlikely");
    expect(singleOf(family("2021-05-01", { employed: true })).outcome).toBe("unlikely");
    expect(singleOf(family("2019-08-31", { canLiveAlone: true })).outcome).toBe("unlikely");
    expect(singleOf(family("2019-08-31", { dependsOnFamily: false })).outcome).toBe("unlikely");
    // The provincial rule from 2019-09-01 asks neither.
    expect(singleOf(family("2021-05-01", { canLiveAlone: true })).outcome).toBe("likely");
  });
});

describe("广东省最低生活保障制度实施办法 (from 2019-09-01): adults without work with a severe, or grade 3–4 intellectual or mental, disability may apply on their own", () => {
  const SRC = "广东省最低生活保障制度实施办法（单独申请）";
  const intellectual3 = {
    relation: "self" as const,
    age: 30,
    employed: false,
    income: [],
    disability: { grade: 3, category: "intellectual" as const },
  };

  it(`${SRC}: on 2020-06-01 a grade-3 intellectual adult with no income gets at least 824 − 0 = 824 as a one-person household`, () => {
    const r = singleOf(pair("2020-06-01", {}, intellectual3));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 824,
      monthlyRange: { min: 824, max: null },
      until: null,
    });
    expect(reasonOf(r, "single_qualifying_condition").source).toBe(SRC);
  });

  it(`${SRC}: on 2019-08-31, before it, only 江府办〔2017〕23号's grade 1–2 route exists: unlikely for grade 3`, () => {
    expect(singleOf(pair("2019-08-31", {}, intellectual3)).outcome).toBe("unlikely");
  });

  it(`${SRC}: grade 3 physical does not count, nor a job`, () => {
    expect(
      singleOf(pair("2020-06-01", {}, { ...intellectual3, disability: { grade: 3, category: "physical" } }))
        .outcome,
    ).toBe("unlikely");
    expect(singleOf(pair("2020-06-01", {}, { ...intellectual3, employed: true })).outcome).toBe("unlikely");
  });
});
