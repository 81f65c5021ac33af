// 吉林 农村低保 "四个一批", worked by hand from 吉民发〔2018〕12号 (shared/seeds/jilin-2018.txt). The document
// sets no standard and none is published: amounts stay null, and an income test is decided only where no
// standard could change it (zero counted income). Where a test needs figures, a deployment supplies an
// exact rural standard of 300 (urban 400) from 2018-03-02.

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
} from "./dibao-helpers.ts";

const SEED = "吉民发〔2018〕12号";
const deployment = deployStandard("jilin", "2018-03-02", { urban: 400, rural: 300 });

function rural(asOf: string, members: MemberInput[], rest: Partial<SituationInput> = {}): SituationInput {
  return household("jilin", asOf, members, { area: "rural", ...rest });
}

describe(`${SEED}: no standard — decided only at zero counted income`, () => {
  it(`${SEED} 三(一): a rural pair with no income is below any standard: likely, amount unknown (null)`, () => {
    const r = dibaoOf(rural("2019-01-01", [adult({ relation: "self" }), adult()]));
    expect(est(r)).toEqual({ outcome: "likely", monthly: null, monthlyRange: null, until: null });
    expect(r.missing).toEqual([]);
    expect(codes(r)).toContain("income_below_standard");
  });

  it(`${SEED} 三(一): an income of 500 cannot be tested without a standard: possible, amount null`, () => {
    const r = dibaoOf(rural("2019-01-01", [earner(500, { relation: "self" }), adult()]));
    expect(est(r)).toEqual({ outcome: "possible", monthly: null, monthlyRange: null, until: null });
  });
});

describe(`${SEED} 二(二): 纳入孤儿保障、特困人员救助供养的不再纳入低保`, () => {
  const alone = (benefits: Record<string, unknown>) =>
    rural("2019-01-01", [adult({ relation: "self", age: 70 })], {
      currentBenefits: {
        dibao: null,
        tekun: false,
        orphanAllowance: false,
        unsupportedChildAllowance: false,
        disabilitySubsidies: false,
        ...benefits,
      },
    });

  it(`${SEED} 二(二): a person living alone on 特困 support: unlikely, citing the clause`, () => {
    const r = dibaoOf(alone({ tekun: true }));
    expect(r.outcome).toBe("unlikely");
    const x = reasonOf(r, "excluded_by_current_benefit");
    expect(x.source).toBe(`${SEED} 二(二)`);
    expect(x.values).toMatchObject({ benefit: "tekun" });
  });

  it(`${SEED} 二(二): a child on the orphan allowance: unlikely`, () => {
    const r = dibaoOf(
      rural("2019-01-01", [adult({ relation: "self", age: 12 })], {
        currentBenefits: { dibao: null, tekun: false, orphanAllowance: true },
      }),
    );
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "excluded_by_current_benefit").values).toMatchObject({ benefit: "orphanAllowance" });
  });

  it(`${SEED} 二(二): whether they get 特困 support unknown — possible, naming currentBenefits.tekun`, () => {
    const r = dibaoOf(alone({ tekun: undefined }));
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("currentBenefits.tekun");
  });

  it(`${SEED} 二(二): one 特困 member in a household of two — the rest may still qualify: possible`, () => {
    const r = dibaoOf(
      rural("2019-01-01", [adult({ relation: "self", age: 70 }), adult()], {
        currentBenefits: { dibao: null, tekun: true, orphanAllowance: false },
      }),
    );
    expect(r.outcome).toBe("possible");
  });
});

describe(`${SEED} 三(一): 丧失劳动能力低保对象获得的扶贫项目保底收益，在脱贫攻坚期内暂不计入`, () => {
  const dividend = (asOf: string, workCapacity: MemberInput["workCapacity"]) =>
    rural(
      "2019-01-01",
      [
        adult({
          relation: "self",
          age: 65,
          workCapacity,
          income: [{ kind: "poverty_dividend", monthly: 300 }],
        }),
      ],
      { asOf } as Partial<SituationInput>,
    );

  it(`${SEED} 三(一): a member unable to work with a 300 dividend counts 0 — below any standard: likely (2020-12-31)`, () => {
    const r = dibaoOf({ ...dividend("2020-12-31", "none"), asOf: "2020-12-31" });
    expect(r.outcome).toBe("likely");
    const x = reasonOf(r, "income_excluded");
    expect(x.source).toBe(`${SEED} 三(一)`);
    expect(x.values).toMatchObject({ member: 0, kind: "poverty_dividend", amount: 300 });
  });

  it(`${SEED} 三(一): after 脱贫攻坚期 (2021-01-01) the dividend counts: possible`, () => {
    const r = dibaoOf({ ...dividend("2021-01-01", "none"), asOf: "2021-01-01" });
    expect(r.outcome).toBe("possible");
    expect(codes(r)).not.toContain("income_excluded");
  });

  it(`${SEED} 三(一): a member with partial capacity to work counts it: possible`, () => {
    expect(dibaoOf(dividend("2019-01-01", "partial")).outcome).toBe("possible");
  });

  it(`${SEED} 三(一): capacity to work unknown — possible, naming members[0].workCapacity`, () => {
    const r = dibaoOf(dividend("2019-01-01", undefined));
    expect(r.outcome).toBe("possible");
    expect(r.missing).toEqual(["members[0].workCapacity"]);
  });

  it(`${SEED} 三(一) (rural 300): the dividend excluded, a pair with 300 of dividend and no other income gets 300 × 2 = 600`, () => {
    const s = rural("2019-01-01", [
      adult({
        relation: "self",
        age: 65,
        workCapacity: "none",
        income: [{ kind: "poverty_dividend", monthly: 300 }],
      }),
      adult(),
    ]);
    expect(dibaoOf(s, deployment).monthly).toBe(600);
  });
});

describe(`${SEED} 三(二): 支出核减 — income less out-of-pocket medical costs under the standard, one year of dibao`, () => {
  const sick = (asOf: string, wage: number, medical: number, rest: Partial<SituationInput> = {}) =>
    rural(
      "2019-03-10",
      [earner(wage, { relation: "self" }), adult({ illness: { serious: true, disease: "uremia" } })],
      {
        monthlyExpenses: { medical, care: 0, rehabilitation: 0, employment: 0 },
        ...rest,
        asOf,
      } as Partial<SituationInput>,
    );

  it(`${SEED} 三(二): 800 earned, 900 medical — negative counts as zero, below any standard: likely for one year (2019-03-10 → 2020-03-09), amount null`, () => {
    const r = dibaoOf({ ...sick("2019-03-10", 800, 900), asOf: "2019-03-10" });
    expect(est(r)).toEqual({ outcome: "likely", monthly: null, monthlyRange: null, until: "2020-03-09" });
    expect(reasonOf(r, "income_after_medical_below_standard").source).toBe(`${SEED} 三(二)`);
  });

  it(`${SEED} 三(二): 800 earned, 700 medical leaves 100 — cannot be tested without a standard: possible`, () => {
    expect(dibaoOf(sick("2019-03-10", 800, 700)).outcome).toBe("possible");
  });

  it(`${SEED} 三(二) is for rural households: an urban one gets no 支出核减 (possible on the ordinary test, no until)`, () => {
    const r = dibaoOf(sick("2019-03-10", 800, 900, { area: "urban" }));
    expect(r.outcome).toBe("possible");
    expect(r.until).toBeNull();
  });

  it(`${SEED} 三(二) with 三(三) (rural 300): 1000 − 500 = 500 < 300 × 2 = 600: likely until 2020-03-09, 600 − 500 = 100 plus at least 60% × 300 = 180 for the uremia patient with ongoing costs = 280 (ordinary: 1000 ≥ 600)`, () => {
    const r = dibaoOf(sick("2019-03-10", 1000, 500), deployment);
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 280,
      monthlyRange: { min: 280, max: null },
      until: "2020-03-09",
    });
  });

  it(`${SEED} 三(二) (rural 300): 700 − 900 is negative, counted as zero — 600 − 0 = 600, not 600 + 200 = 800 (ordinary: 700 ≥ 600)`, () => {
    const s = rural("2019-03-10", [earner(700, { relation: "self" }), adult()], {
      monthlyExpenses: { medical: 900, care: 0, rehabilitation: 0, employment: 0 },
    });
    expect(est(dibaoOf(s, deployment))).toEqual({
      outcome: "likely",
      monthly: 600,
      monthlyRange: null,
      until: "2020-03-09",
    });
  });

  it(`${SEED} 三(二) (rural 300): a 因病支出型 household under the standard either way (300 earned, 900 medical) gets the clause's 差额 600 − 0 = 600, not the ordinary 600 − 300 = 300`, () => {
    const s = rural("2019-03-10", [earner(300, { relation: "self" }), adult()], {
      monthlyExpenses: { medical: 900, care: 0, rehabilitation: 0, employment: 0 },
    });
    const r = dibaoOf(s, deployment);
    expect(r.outcome).toBe("likely");
    expect(r.monthly).toBe(600);
  });

  it(`${SEED} 三(二) + 三(三) (rural 300): a household taken in by 支出核减 is a 农村低保家庭 — its uremia patient with ongoing costs adds 60%: 600 + 180 = 780 (at least)`, () => {
    const s = rural(
      "2019-03-10",
      [earner(700, { relation: "self" }), adult({ illness: { serious: true, disease: "uremia" } })],
      { monthlyExpenses: { medical: 900, care: 0, rehabilitation: 0, employment: 0 } },
    );
    const r = dibaoOf(s, deployment);
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 780,
      monthlyRange: { min: 780, max: null },
      until: "2020-03-09",
    });
  });

  it(`${SEED} 三(二) (rural 300): 1000 − 400 = 600 is not below 600: unlikely`, () => {
    const r = dibaoOf(sick("2019-03-10", 1000, 400), deployment);
    expect(r.outcome).toBe("unlikely");
    expect(codes(r)).toContain("income_after_medical_above_standard");
  });
});

describe(`${SEED} 三(三): 重点保障 — 60% / 50% of the standard (不低于), highest only (不重复增发); rural 300, no income`, () => {
  const pairWith = (
    m: Partial<MemberInput>,
    other: Partial<MemberInput> = {},
    rest: Partial<SituationInput> = {},
  ) =>
    rural("2019-06-01", [adult({ relation: "self", ...m }), adult({ relation: "spouse", ...other })], rest);

  it(`${SEED} 三(三): 72 with leukemia and ongoing medical costs — 60% only, not 60% + 50%: 600 + 180 = 780 (at least)`, () => {
    const r = dibaoOf(
      pairWith(
        { age: 72, illness: { serious: true, disease: "leukemia" } },
        {},
        { monthlyExpenses: { medical: 100, care: 0, rehabilitation: 0, employment: 0 } },
      ),
      deployment,
    );
    expect(est(r)).toEqual({
      outcome: "likely",
      monthly: 780,
      monthlyRange: { min: 780, max: null },
      until: null,
    });
    expect(reasonOf(r, "supplement_category").source).toBe(`${SEED} 三(三)`);
  });

  it(`${SEED} 三(三): 70周岁以上 — age 70 adds 50%: 600 + 150 = 750; age 69 adds nothing: 600`, () => {
    expect(dibaoOf(pairWith({ age: 70 }), deployment).monthly).toBe(750);
    expect(est(dibaoOf(pairWith({ age: 69 }), deployment))).toEqual({
      outcome: "likely",
      monthly: 600,
      monthlyRange: null,
      until: null,
    });
  });

  it(`${SEED} 三(三): 二级以上视力（智力、肢体、精神）残疾 — grade 2 visual adds 150 (750); grade 1 hearing is not listed (600)`, () => {
    expect(dibaoOf(pairWith({ disability: { grade: 2, category: "visual" } }), deployment).monthly).toBe(750);
    expect(dibaoOf(pairWith({ disability: { grade: 1, category: "hearing" } }), deployment).monthly).toBe(
      600,
    );
  });

  it(`${SEED} 三(三): 一户多残 — two members with grade 4 disabilities add 150 each: 600 + 300 = 900`, () => {
    const r = dibaoOf(
      pairWith(
        { disability: { grade: 4, category: "physical" } },
        { disability: { grade: 4, category: "hearing" } },
      ),
      deployment,
    );
    expect(r.monthly).toBe(900);
  });

  it(`${SEED} 三(三): 老残一体 — 62 with a grade 4 disability adds 150: 750; 多重残疾 adds 150: 750`, () => {
    expect(
      dibaoOf(pairWith({ age: 62, disability: { grade: 4, category: "physical" } }), deployment).monthly,
    ).toBe(750);
    expect(dibaoOf(pairWith({ disability: { grade: 4, category: "multiple" } }), deployment).monthly).toBe(
      750,
    );
  });

  it(`${SEED} 三(三): 不重复增发 — 75 with a grade 1 physical disability adds 50% once: 750, not 900`, () => {
    expect(
      dibaoOf(pairWith({ age: 75, disability: { grade: 1, category: "physical" } }), deployment).monthly,
    ).toBe(750);
  });

  it(`${SEED} 三(三) is for 农村低保 families: urban (400) — 72-year-old adds nothing: 400 × 2 = 800`, () => {
    const r = dibaoOf(pairWith({ age: 72 }, {}, { area: "urban" }), deployment);
    expect(est(r)).toEqual({ outcome: "likely", monthly: 800, monthlyRange: null, until: null });
  });
});

describe(`${SEED} 三(四): 脱贫渐退 — under 2× the standard, to the end of 2020, the former amount less 25% a year`, () => {
  const exited = (asOf: string, wage: number, rest: Partial<SituationInput> = {}) =>
    rural(asOf, [earner(wage, { relation: "self" }), adult({ relation: "spouse" })], {
      povertyExitedOn: "2018-06-01",
      currentBenefits: onDibao(400, "2017-01-01"),
      ...rest,
    });

  it(`${SEED} 三(四) (rural 300): out of poverty 2018-06-01, 1199 for two (600 ≤ 1199 < 2 × 600 = 1200), before a full year: 400, until 2020-12-31`, () => {
    const r = dibaoOf(exited("2019-05-31", 1199), deployment);
    expect(est(r)).toEqual({ outcome: "likely", monthly: 400, monthlyRange: null, until: "2020-12-31" });
    expect(reasonOf(r, "transition_period").source).toBe(`${SEED} 三(四)`);
  });

  it(`${SEED} 三(四) (rural 300): one full year on 2019-06-01: 400 × 75% = 300; two years on 2020-06-01: 400 × 50% = 200`, () => {
    expect(dibaoOf(exited("2019-06-01", 1199), deployment).monthly).toBe(300);
    expect(dibaoOf(exited("2020-06-01", 1199), deployment).monthly).toBe(200);
  });

  it(`${SEED} 三(四) (rural 300): continues to 2020-12-31 (200); on 2021-01-01 it has ended: unlikely`, () => {
    expect(est(dibaoOf(exited("2020-12-31", 1199), deployment))).toEqual({
      outcome: "likely",
      monthly: 200,
      monthlyRange: null,
      until: "2020-12-31",
    });
    const after = dibaoOf(exited("2021-01-01", 1199), deployment);
    expect(after.outcome).toBe("unlikely");
    expect(codes(after)).toContain("transition_ended");
  });

  it(`${SEED} 三(四) (rural 300): 1200 for two is not 低于 2 × 600: unlikely, citing the ceiling`, () => {
    const r = dibaoOf(exited("2019-01-01", 1200), deployment);
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "transition_income_over_ceiling").source).toBe(`${SEED} 三(四)`);
  });

  it(`${SEED} 三(四) (rural 300): covers non-建档立卡 households too (registeredPoor false): likely`, () => {
    expect(dibaoOf(exited("2019-01-01", 1199, { registeredPoor: false }), deployment).outcome).toBe("likely");
  });

  it(`${SEED} 三(四) (rural 300): income back under the standard (599 < 600) — the ordinary 补差 applies: 600 − 599 = 1`, () => {
    const r = dibaoOf(exited("2019-01-01", 599), deployment);
    expect(est(r)).toEqual({ outcome: "likely", monthly: 1, monthlyRange: null, until: null });
  });

  it(`${SEED} 三(四) is rural (农村低保): an urban household (400) gets no 渐退 — unlikely, citing the area`, () => {
    const r = dibaoOf(exited("2019-01-01", 1000, { area: "urban" }), deployment);
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "rule_area_only").source).toBe(`${SEED} 三(四)`);
  });

  it(`${SEED} 三(四) with a deployed floor of 300 only ("300元以上"): 1000 for two = 500 a head is above the floor and under 2 × 300 = 600 — below the real standard it is ordinary 低保, above it the 渐退: likely either way, and the 渐退's end 2020-12-31 is kept with a reason that support goes on after it only under the standard`, () => {
    const floorOnly = {
      jilin: {
        "dibao.standard.rural": [
          {
            from: "2018-03-02",
            value: 300,
            kind: "floor" as const,
            basis: "deployment" as const,
            source: "测试部署标准（deployment）",
          },
        ],
      },
    };
    const r = dibaoOf(exited("2019-01-01", 1000, { incomeAboveStandardSince: null }), floorOnly);
    expect(r.outcome).toBe("likely");
    expect(r.until).toBe("2020-12-31");
    expect(codes(r).slice(0, 2)).toEqual(["dibao_either_way", "dibao_may_continue_after_transition"]);
    expect(reasonOf(r, "dibao_may_continue_after_transition")).toMatchObject({
      source: `${SEED} 三(四)`,
      values: { until: "2020-12-31" },
    });
  });

  it(`${SEED} 三(四) with no standard: possible, still 400 until 2020-12-31`, () => {
    const r = dibaoOf(exited("2019-01-01", 1199));
    expect(est(r)).toEqual({ outcome: "possible", monthly: 400, monthlyRange: null, until: "2020-12-31" });
  });
});

describe(`${SEED} 三(四) second paragraph: 非建档立卡低保家庭就业或自主创业后暂时脱贫`, () => {
  // Not on the register (no povertyExitedOn): the period runs from when income rose above the standard.
  const working = (asOf: string, povertyExitedOn: string | null | undefined) =>
    rural(asOf, [earner(900, { relation: "self" }), adult()], {
      registeredPoor: false,
      ...(povertyExitedOn === undefined ? {} : { povertyExitedOn }),
      incomeAboveStandardSince: "2019-01-01",
      currentBenefits: {
        dibao: { since: "2017-01-01", monthlyAmount: 400 },
        tekun: false,
        orphanAllowance: false,
      },
    });

  it(`${SEED} 三(四) (rural 300): 900 for two (450 a head, over 300, under 2 × 300): likely, 400 less 25% after one year = 300 until 2020-12-31`, () => {
    const r = dibaoOf(working("2020-03-01", null), deployment);
    expect(est(r)).toEqual({ outcome: "likely", monthly: 300, monthlyRange: null, until: "2020-12-31" });
  });

  it(`${SEED} 三(四): whether the household left the register's poverty is unknown — possible, naming povertyExitedOn`, () => {
    const s = working("2020-03-01", undefined);
    delete s.povertyExitedOn; // the helper's household knows it is null; here it is not known
    const r = dibaoOf(s, deployment);
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("povertyExitedOn");
  });
});
