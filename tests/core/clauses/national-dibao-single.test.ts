// 民发〔2021〕57号 第十一条 (最低生活保障审核确认办法): 单人保 for a grade 1–2, or grade 3 intellectual or mental,
// disabled member — or a seriously ill one — of a 低保边缘家庭 (per-capita income under 1.5 × the standard,
// not on dibao), taken to apply from 2021-07-01 (the national pack's declared assumption). Worked in
// 东兴区, where the local route needs an unemployed adult — its 360 is exact for 2020 and only a floor in
// 2021 (2021's figure is unconfirmed), so a deployment confirms 360 for 2021 to reach the edges — and in 无锡
// (1060 from 2021-07-01) where the local illness route needs medical aid.

import { describe, expect, it } from "vitest";
import {
  adult,
  codes,
  deployStandard,
  earner,
  est,
  household,
  type MemberInput,
  onDibao,
  reasonOf,
  type SituationInput,
  singleOf,
} from "./dibao-helpers.ts";

const SRC = "民发〔2021〕57号 第十一条（低保边缘家庭中的重残、重病人员）";
const EDGE = "民发〔2021〕57号 第十一条（低保边缘家庭）";

/** A deployment that confirms 东兴区's rural 360 (and the city's urban 510) for 2021. */
const CONFIRMED_2021 = deployStandard("neijiang-dongxing", "2021-01-01", { urban: 510, rural: 360 });
const dongxingSingle = (s: SituationInput) => singleOf(s, 0, CONFIRMED_2021);

/** A rural 东兴区 family of two: a disabled 10-year-old (outside the local adult-only route) and a parent. */
function dongxing(
  asOf: string,
  wage: number,
  child: Partial<MemberInput> = {},
  rest: Partial<SituationInput> = {},
) {
  return household(
    "neijiang-dongxing",
    asOf,
    [
      adult({
        relation: "self",
        age: 10,
        workCapacity: "none",
        disability: { grade: 1, category: "intellectual" },
        ...child,
      }),
      earner(wage, { relation: "parent" }),
    ],
    { area: "rural", ...rest },
  );
}

describe(`${SRC}: in force from 2021-07-01`, () => {
  it(`${SRC}: 2021-07-01, family of two earning 1079 < 1.5 × 360 × 2 = 1080: likely, 360 − 0 = 360`, () => {
    const r = dongxingSingle(dongxing("2021-07-01", 1079));
    expect(est(r)).toEqual({ outcome: "likely", monthly: 360, monthlyRange: null, until: null });
    const q = reasonOf(r, "single_qualifying_condition");
    expect(q.source).toBe(SRC);
    expect(q.basis).toBe("national");
  });

  it(`${SRC}: 2021-06-30, the day before — only the local adult route exists, and a 10-year-old is not an adult: unlikely`, () => {
    const r = dongxingSingle(dongxing("2021-06-30", 1079));
    expect(r.outcome).toBe("unlikely");
    expect(codes(r)).toContain("single_adults_only");
  });

  it(`${SRC}: earning 1080 = 1.5 × 360 × 2 is not under 1.5×: unlikely`, () => {
    const r = dongxingSingle(dongxing("2021-07-01", 1080));
    expect(r.outcome).toBe("unlikely");
    expect(codes(r)).toContain("single_income_above_limit");
  });

  it(`${SRC}: as a one-person household — own other income 100 gives 360 − 100 = 260`, () => {
    const r = dongxingSingle(dongxing("2021-07-01", 900, { income: [{ kind: "other", monthly: 100 }] }));
    expect(est(r)).toEqual({ outcome: "likely", monthly: 260, monthlyRange: null, until: null });
  });

  it(`${SRC}: grade 3 mental or intellectual qualifies; grade 3 physical and grade 4 intellectual do not`, () => {
    expect(
      dongxingSingle(dongxing("2021-07-01", 900, { disability: { grade: 3, category: "mental" } })).outcome,
    ).toBe("likely");
    expect(
      dongxingSingle(dongxing("2021-07-01", 900, { disability: { grade: 3, category: "intellectual" } }))
        .outcome,
    ).toBe("likely");
    expect(
      dongxingSingle(dongxing("2021-07-01", 900, { disability: { grade: 3, category: "physical" } })).outcome,
    ).toBe("unlikely");
    expect(
      dongxingSingle(dongxing("2021-07-01", 900, { disability: { grade: 4, category: "intellectual" } }))
        .outcome,
    ).toBe("unlikely");
  });

  it(`${SRC}: disability grade unknown — possible, naming members[0].disability.grade`, () => {
    const r = dongxingSingle(dongxing("2021-07-01", 900, { disability: { category: "physical" } }));
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("members[0].disability.grade");
  });

  it(`${SRC}: property over the limits: unlikely; unknown: possible, naming assets`, () => {
    expect(dongxingSingle(dongxing("2021-07-01", 900, {}, { assets: "over_limits" })).outcome).toBe(
      "unlikely",
    );
    const r = dongxingSingle(dongxing("2021-07-01", 900, {}, { assets: undefined }));
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("assets");
  });
});

describe(`${EDGE}: a family under the standard applies for dibao as a family, not for 单人保`, () => {
  it(`${EDGE}: 无锡 2021-07-01, seriously ill member, family of two earning 2000 (1000 a head, under 1060): unlikely, the family qualifies for 低保 instead`, () => {
    const s = household("wuxi", "2021-07-01", [
      adult({
        relation: "self",
        age: 50,
        illness: { serious: true, disease: "malignant_tumor", medicalAid: false },
      }),
      earner(2000, { relation: "spouse" }),
    ]);
    const r = singleOf(s);
    expect(r.outcome).toBe("unlikely");
    expect(codes(r)).toContain("single_family_below_standard");
  });

  it("a person living alone applies for 低保 as a one-person household: 单人保 unlikely", () => {
    const s = household("wuxi", "2021-07-01", [
      adult({ relation: "self", age: 50, disability: { grade: 1, category: "physical" } }),
    ]);
    const r = singleOf(s);
    expect(r.outcome).toBe("unlikely");
    expect(codes(r)).toEqual(["single_one_person_household"]);
  });
});

describe(`${SRC}: 重病 — in 无锡 (1060 from 2021-07-01), without the medical aid 锡民联发〔2019〕4号 二(二)2 needs`, () => {
  function wuxi(asOf: string, wage: number, rest: Partial<SituationInput> = {}) {
    return household(
      "wuxi",
      asOf,
      [
        adult({
          relation: "self",
          age: 50,
          illness: { serious: true, disease: "malignant_tumor", medicalAid: false },
        }),
        earner(wage, { relation: "spouse" }),
      ],
      rest,
    );
  }

  it(`${SRC}: seriously ill, family of two earning 3179 < 1.5 × 1060 × 2 = 3180: likely, 1060`, () => {
    const r = singleOf(wuxi("2021-07-01", 3179));
    expect(est(r)).toEqual({ outcome: "likely", monthly: 1060, monthlyRange: null, until: null });
    expect(reasonOf(r, "single_qualifying_condition").source).toBe(SRC);
  });

  it(`${SRC}: earning 3180 = 1.5 × 1060 × 2: unlikely`, () => {
    expect(singleOf(wuxi("2021-07-01", 3180)).outcome).toBe("unlikely");
  });

  it(`${SRC}: on 2021-06-30 (no national route yet, no medical aid for the local one): unlikely`, () => {
    expect(singleOf(wuxi("2021-06-30", 2000)).outcome).toBe("unlikely");
  });

  it(`${EDGE}: a family already on dibao is not a 低保边缘家庭: unlikely, citing it`, () => {
    const r = singleOf(wuxi("2021-07-01", 2000, { currentBenefits: onDibao(100) }));
    expect(r.outcome).toBe("unlikely");
    const x = reasonOf(r, "single_family_on_dibao");
    expect(x.source).toBe(EDGE);
    expect(x.basis).toBe("national");
  });

  it(`${EDGE}: whether the family (2500 for two: 1250 a head, between 1060 and 1.5 × 1060) is on dibao unknown — possible, naming currentBenefits.dibao`, () => {
    const r = singleOf(
      wuxi("2021-07-01", 2500, { currentBenefits: { tekun: false, orphanAllowance: false } }),
    );
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("currentBenefits.dibao");
  });
});
