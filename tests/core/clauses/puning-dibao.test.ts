// 普宁 低保 and 单人保, worked by hand from 普民〔2021〕77号 (shared/seeds/puning-2021.txt), in force 2021-08-28
// to the end of the five-year transition (2025-12-31). The standard is set by higher notices: Guangdong's
// 四类 floors (Jieyang) are the estimate — urban 772/828/857/860, rural 532/579/600/645. Where a test needs
// an exact standard to decide a threshold, a deployment supplies one.

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
  singleOf,
} from "./dibao-helpers.ts";

const SEED = "普民〔2021〕77号";
const NATIONAL_ELIGIBILITY = "社会救助暂行办法 第九条、第十一条";

function pair(
  asOf: string,
  rest: Partial<SituationInput> = {},
  a: Partial<MemberInput> = {},
): SituationInput {
  return household("puning", asOf, [adult({ relation: "self", ...a }), adult({ relation: "spouse" })], {
    area: "rural",
    ...rest,
  });
}

describe("普宁 standards: Guangdong 四类 floors", () => {
  it("《2020年全省城乡低保最低标准》: rural 532 × 2 = 1064, urban 772 × 2 = 1544 (floors) on 2021-09-01", () => {
    const rural = dibaoOf(pair("2021-09-01"));
    expect(est(rural)).toEqual({
      outcome: "likely",
      monthly: 1064,
      monthlyRange: { min: 1064, max: null },
      until: null,
    });
    expect(reasonOf(rural, "income_below_standard").source).toBe("《2020年全省城乡低保最低标准》");
    expect(dibaoOf(pair("2021-09-01", { area: "urban" })).monthly).toBe(1544);
  });

  it("广东省民政厅 2022-04-29 / 2023 / 粤民发〔2024〕40号: rural 532 → 579 → 600 → 645 (× 2)", () => {
    expect(dibaoOf(pair("2022-04-28")).monthly).toBe(1064);
    expect(dibaoOf(pair("2022-04-29")).monthly).toBe(1158);
    expect(dibaoOf(pair("2022-12-31")).monthly).toBe(1158);
    expect(dibaoOf(pair("2023-01-01")).monthly).toBe(1200);
    expect(dibaoOf(pair("2024-01-01")).monthly).toBe(1290);
  });

  it("《2020年全省城乡低保最低标准》: urban and rural differ — area unknown: at least 532 × 2 = 1064, naming area", () => {
    const r = dibaoOf(pair("2021-09-01", { area: undefined }));
    expect(r.outcome).toBe("likely");
    expect(r.monthly).toBeNull();
    expect(r.monthlyRange).toEqual({ min: 1064, max: null });
    expect(r.missing).toEqual(["area"]);
  });
});

describe(`${SEED} 二(九): 持有居住证人员在居住地申办 (有条件的地区有序推进)`, () => {
  it(`${SEED} 二(九): no local hukou is discretionary — possible, no fact missing`, () => {
    const r = dibaoOf(pair("2022-01-01", { localHukou: false }));
    expect(r.outcome).toBe("possible");
    expect(reasonOf(r, "residence_permit_discretionary").source).toBe(`${SEED} 二(九)`);
    expect(r.missing).toEqual([]);
  });

  it(`${SEED} 二(九): hukou unknown — possible, naming localHukou`, () => {
    const r = dibaoOf(pair("2022-01-01", { localHukou: undefined }));
    expect(r.outcome).toBe("possible");
    expect(r.missing).toEqual(["localHukou"]);
  });

  it(`${SEED} 二(九) ends with the transition period: possible on 2025-12-31, unlikely on 2026-01-01 (${NATIONAL_ELIGIBILITY})`, () => {
    expect(dibaoOf(pair("2025-12-31", { localHukou: false })).outcome).toBe("possible");
    const r = dibaoOf(pair("2026-01-01", { localHukou: false }));
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "no_local_hukou").source).toBe(NATIONAL_ELIGIBILITY);
  });
});

describe(`${SEED} 二(八): 城乡居民基本养老保险基础养老金不计入 (十四五, to 2025-12-31)`, () => {
  const pensioner = (asOf: string) =>
    household(
      "puning",
      asOf,
      [
        adult({
          relation: "self",
          age: 70,
          income: [
            { kind: "pension_basic", monthly: 200 },
            { kind: "other", monthly: 500 },
          ],
        }),
      ],
      { area: "rural" },
    );

  it(`${SEED} 二(八): from 2021-08-28, basic pension 200 + other 500 counts 500 < 532: likely, 532 − 500 = 32`, () => {
    const r = dibaoOf(pensioner("2021-08-28"));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 32,
      monthlyRange: { min: 32, max: null },
      until: null,
    });
    expect(reasonOf(r, "income_excluded").source).toBe(`${SEED} 二(八)`);
  });

  it(`${SEED} 二(八): on 2021-08-27, before the document, 700 counts and is not under the floor 532: only possible`, () => {
    const r = dibaoOf(pensioner("2021-08-27"));
    expect(r.outcome).toBe("possible");
    expect(codes(r)).not.toContain("income_excluded");
  });

  it(`${SEED} 二(八): 2025-12-31 still excludes it (645 − 500 = 145); 2026-01-01 counts 700 ≥ 645: only possible`, () => {
    expect(est(dibaoOf(pensioner("2025-12-31")))).toEqual({
      outcome: "likely",
      monthly: 145,
      monthlyRange: { min: 145, max: null },
      until: null,
    });
    expect(dibaoOf(pensioner("2026-01-01")).outcome).toBe("possible");
  });
});

describe(`${SEED} 二(一): 必要的就业成本 deducted (按规定适当扣减) — with a deployment's exact rural 600`, () => {
  const deployment = deployStandard("puning", "2022-01-01", { urban: 900, rural: 600 });
  const worker = (expenses: Partial<Record<"medical" | "employment", number>>) =>
    household("puning", "2022-03-01", [earner(700, { relation: "self" })], {
      area: "rural",
      monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0, ...expenses },
    });

  it(`${SEED} 二(一): 700 earned with 150 employment costs — 550 < 600 only after the deduction: possible, no estimate, up to 50`, () => {
    const r = dibaoOf(worker({ employment: 150 }), deployment);
    expect(est(r)).toEqual({
      outcome: "possible",
      monthly: null, // above the standard until the office deducts: no estimate, only the range
      monthlyRange: { min: 0, max: 50 },
      until: null,
    });
    expect(reasonOf(r, "deduction_discretionary").source).toBe(`${SEED} 二(一)`);
  });

  it(`${SEED} 二(一): only employment costs are named — 150 of medical costs is not deducted: 700 ≥ 600, unlikely`, () => {
    expect(dibaoOf(worker({ medical: 150 }), deployment).outcome).toBe("unlikely");
  });
});

describe(`${SEED} 二(一): 农村低保 家庭人均收入超过当地低保标准的，给予6个月的救助渐退期`, () => {
  const deployment = deployStandard("puning", "2021-08-28", { urban: 900, rural: 600 });
  function rising(asOf: string, wage: number, rest: Partial<SituationInput> = {}): SituationInput {
    return household("puning", asOf, [earner(wage, { relation: "self" }), adult({ relation: "spouse" })], {
      area: "rural",
      currentBenefits: onDibao(400, "2020-01-01"),
      incomeAboveStandardSince: "2021-10-15",
      ...rest,
    });
  }

  it(`${SEED} 二(一) (exact rural 600): 1500 for two ≥ 1200, above since 2021-10-15 — 给予 is not discretionary: likely, amount not stated, until 2021-10-15 + 6 months − 1 day = 2022-04-14`, () => {
    const r = dibaoOf(rising("2022-01-01", 1500), deployment);
    expect(est(r)).toEqual({ outcome: "likely", monthly: null, monthlyRange: null, until: "2022-04-14" });
    expect(reasonOf(r, "transition_period").source).toBe(`${SEED} 二(一)`);
  });

  it(`${SEED} 二(一): no income ceiling is stated — 5000 for two still likely`, () => {
    expect(dibaoOf(rising("2022-01-01", 5000), deployment).outcome).toBe("likely");
  });

  it(`${SEED} 二(一): 2022-04-14 is the last day; on 2022-04-15 the transition is over: unlikely`, () => {
    expect(dibaoOf(rising("2022-04-14", 1500), deployment).until).toBe("2022-04-14");
    const after = dibaoOf(rising("2022-04-15", 1500), deployment);
    expect(after.outcome).toBe("unlikely");
    expect(codes(after)).toContain("transition_ended");
  });

  it(`${SEED} 二(一): 农村低保 only — an urban household gets no transition: unlikely, citing the area`, () => {
    const r = dibaoOf(
      rising("2022-01-01", 1500, { area: "urban", currentBenefits: onDibao(400) }),
      deployStandard("puning", "2021-08-28", { urban: 700, rural: 600 }),
    );
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "rule_area_only").source).toBe(`${SEED} 二(一)`);
  });

  it(`${SEED} 二(一) with the shipped floor 532 only: 1500 / 2 = 750 a head is above the floor, so no figure can test it — the household's statement (above since 2021-10-15) decides: the 6-month 渐退, likely, until 2022-04-14`, () => {
    const r = dibaoOf(rising("2022-01-01", 1500));
    expect(est(r)).toEqual({ outcome: "likely", monthly: null, monthlyRange: null, until: "2022-04-14" });
    expect(reasonOf(r, "transition_period").source).toBe(`${SEED} 二(一)`);
  });

  it(`${SEED} 二(一) with the shipped floor only: on 2022-04-15 the stated transition is over — unlikely, naming the ended transition and the statement`, () => {
    const r = dibaoOf(rising("2022-04-15", 1500));
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "transition_ended")).toMatchObject({
      source: `${SEED} 二(一)`,
      values: { until: "2022-04-14" },
    });
    expect(reasonOf(r, "income_above_standard_declared").values).toMatchObject({ since: "2021-10-15" });
  });

  it(`${SEED} 二(一) with the shipped floor only: 1000 for two = 500 a head is under the floor 532, so the computed test stands against the statement — ordinary dibao, likely, (532 − 500) × 2 = 64 at least, and a reason says the two disagree`, () => {
    const r = dibaoOf(rising("2022-01-01", 1000));
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 64,
      monthlyRange: { min: 64, max: null },
      until: null,
    });
    expect(reasonOf(r, "income_below_despite_declaration").values).toMatchObject({ since: "2021-10-15" });
  });
});

describe(`${SEED} 二(五): 单人保 for 重病、重残 members of 低收入家庭 (national definitions: under 1.5 × the standard)`, () => {
  const SRC = `${SEED} 二(五)`;
  function family(
    asOf: string,
    wage: number,
    member: Partial<MemberInput> = {},
    rest: Partial<SituationInput> = {},
  ) {
    return household(
      "puning",
      asOf,
      [
        // Employed (no wage listed), so only 二(五) applies: the provincial rule is for adults without work.
        adult({
          relation: "self",
          age: 50,
          employed: true,
          disability: { grade: 2, category: "physical" },
          ...member,
        }),
        earner(wage, { relation: "spouse" }),
        adult({ relation: "child", age: 20 }),
      ],
      { area: "rural", ...rest },
    );
  }

  it(`${SRC}: rural family of three earning 2393 < 1.5 × 532 × 3 = 2394, but with only the floor 532 it may be under the real standard (a dibao family, not 边缘): possible, at least 532`, () => {
    const r = singleOf(family("2022-01-01", 2393));
    expect(est(r)).toEqual({
      outcome: "possible",
      monthly: 532,
      monthlyRange: { min: 532, max: null },
      until: null,
    });
    expect(reasonOf(r, "single_qualifying_condition").source).toBe(SRC);
  });

  it(`${SRC} + 二(九): 单人保 is 低保 applied for alone, so the residence-permit route stays at the office's discretion — hukou elsewhere: possible with that reason, never unlikely for it`, () => {
    const r = singleOf(family("2022-01-01", 2000, {}, { localHukou: false }));
    expect(r.outcome).toBe("possible");
    expect(reasonOf(r, "residence_permit_discretionary").source).toBe(`${SEED} 二(九)`);
  });

  it(`${SRC}: earning 2394 = 1.5 × 532 × 3 is not under the floor's limit, but the real standard may be higher: possible`, () => {
    expect(singleOf(family("2022-01-01", 2394)).outcome).toBe("possible");
  });

  it(`${SRC} (exact rural 600): 2699 < 1.5 × 600 × 3 = 2700 gives 600; 2700 is unlikely`, () => {
    const deployment = deployStandard("puning", "2021-08-28", { urban: 900, rural: 600 });
    expect(est(singleOf(family("2022-01-01", 2699), 0, deployment))).toEqual({
      outcome: "likely",
      monthly: 600,
      monthlyRange: null,
      until: null,
    });
    const over = singleOf(family("2022-01-01", 2700), 0, deployment);
    expect(over.outcome).toBe("unlikely");
    expect(codes(over)).toContain("single_income_above_limit");
  });

  it(`${SRC} (exact rural 600; 2000 for three is between 600 and 1.5 × 600 a head): 重病 qualifies without a disability or medical aid; grade 3 mental qualifies; grade 3 physical does not`, () => {
    const d = deployStandard("puning", "2021-08-28", { urban: 900, rural: 600 });
    expect(
      singleOf(
        family("2022-01-01", 2000, {
          disability: null,
          illness: { serious: true, disease: "uremia", medicalAid: false },
        }),
        0,
        d,
      ).outcome,
    ).toBe("likely");
    expect(
      singleOf(family("2022-01-01", 2000, { disability: { grade: 3, category: "mental" } }), 0, d).outcome,
    ).toBe("likely");
    expect(
      singleOf(family("2022-01-01", 2000, { disability: { grade: 3, category: "physical" } }), 0, d).outcome,
    ).toBe("unlikely");
  });

  it(`${SRC} (exact rural 600): no adult-only or unemployed condition — a 10-year-old with grade 1 disability: likely`, () => {
    const d = deployStandard("puning", "2021-08-28", { urban: 900, rural: 600 });
    expect(singleOf(family("2022-01-01", 2000, { age: 10, relation: "self" }), 0, d).outcome).toBe("likely");
  });

  it(`${SRC}: own other pension 100 gives 532 − 100 = 432; a basic pension (二(八)) is not counted: 532`, () => {
    expect(
      singleOf(family("2022-01-01", 2000, { income: [{ kind: "pension_other", monthly: 100 }] })).monthly,
    ).toBe(432);
    expect(
      singleOf(family("2022-01-01", 2000, { income: [{ kind: "pension_basic", monthly: 100 }] })).monthly,
    ).toBe(532);
  });

  it(`${SRC}: property over the limits is unlikely`, () => {
    expect(singleOf(family("2022-01-01", 2000, {}, { assets: "over_limits" })).outcome).toBe("unlikely");
  });

  it(`${SRC} / 民发〔2021〕57号 第十一条（低保边缘家庭）: a family already on dibao is not a 低收入(边缘)家庭: unlikely`, () => {
    const r = singleOf(family("2022-01-01", 2000, {}, { currentBenefits: onDibao(300) }));
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "single_family_on_dibao").source).toBe("民发〔2021〕57号 第十一条（低保边缘家庭）");
  });
});
