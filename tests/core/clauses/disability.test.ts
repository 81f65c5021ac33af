// 残疾人两项补贴: 困难残疾人生活补贴 for disabled people on dibao, 重度残疾人护理补贴 for grades 1 and 2
// (国发〔2015〕52号 二(二)); Dongxing's 2020 amounts (东兴区工作机制 三(四)) and the declared gap after them.

import { describe, expect, it } from "vitest";
import {
  adult,
  amounts,
  codes,
  type Jurisdiction,
  type MemberInput,
  reasonOf,
  resultFor,
  type SituationInput,
  screenAt,
  screenFor,
  situation,
} from "./program-helpers.ts";

const NATIONAL = "国发〔2015〕52号 二(二)";
const DX = "neijiang-dongxing" as const;

const onDibao: SituationInput["currentBenefits"] = {
  dibao: { since: "2019-01-01", monthlyAmount: 300 },
  tekun: false,
  orphanAllowance: false,
  unsupportedChildAllowance: false,
  disabilitySubsidies: false,
};

function disabled(overrides: Partial<MemberInput> = {}): MemberInput {
  return adult({ relation: "self", age: 45, disability: { grade: 4, category: "physical" }, ...overrides });
}

function livingAt(
  jurisdiction: Jurisdiction,
  asOf: string,
  member: Partial<MemberInput> = {},
  rest: Partial<SituationInput> = {},
) {
  return screenFor(
    situation(jurisdiction, asOf, [disabled(member)], { area: "rural", ...rest }),
    "disability_living_subsidy",
    0,
  );
}

function careAt(
  jurisdiction: Jurisdiction,
  asOf: string,
  member: Partial<MemberInput> = {},
  rest: Partial<SituationInput> = {},
) {
  return screenFor(
    situation(jurisdiction, asOf, [disabled(member)], { area: "rural", ...rest }),
    "disability_care_subsidy",
    0,
  );
}

describe(`${NATIONAL} and 东兴区工作机制 三(四)1、3: 困难残疾人生活补贴 for disabled people on dibao`, () => {
  it("grade 4 physical disability, household on dibao now, 2020-08-01: likely, 100 a month", () => {
    const r = livingAt(DX, "2020-08-01", {}, { currentBenefits: onDibao });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: 100, monthlyRange: null });
    expect(reasonOf(r, "household_on_dibao").source).toBe(NATIONAL);
    expect(reasonOf(r, "disability_living_amount")).toMatchObject({
      source: "东兴区工作机制 三(四)1、3",
      basis: "seed",
      values: { amount: 100 },
    });
  });

  it("三(四)1 享受农村低保: paid where the 低保 is, so 低保's hukou rule (三(一) 持有我区户籍) applies — a disabled person on 低保 with the hukou elsewhere: unlikely here; not yet on 低保, hukou elsewhere: unlikely (the household's 低保 is unlikely too)", () => {
    const onDibaoElsewhere = livingAt(DX, "2020-08-01", {}, { currentBenefits: onDibao, localHukou: false });
    expect(onDibaoElsewhere.outcome).toBe("unlikely");
    expect(reasonOf(onDibaoElsewhere, "no_local_hukou").source).toBe("东兴区工作机制 三(一)");
    const notYet = livingAt(
      DX,
      "2020-08-01",
      { income: [{ kind: "other", monthly: 100 }] },
      { localHukou: false },
    );
    expect(notYet.outcome).toBe("unlikely");
    const unknownHukou = livingAt(DX, "2020-08-01", {}, { currentBenefits: onDibao, localHukou: undefined });
    expect(unknownHukou.outcome).toBe("possible");
    expect(unknownHukou.missing).toContain("localHukou");
  });

  it("普民〔2021〕77号 二(九): with a residence permit 低保 is at the office's discretion, and so is the subsidy that hangs on it: possible", () => {
    const r = livingAt("puning", "2022-01-10", {}, { currentBenefits: onDibao, localHukou: false });
    expect(r.outcome).toBe("possible");
    expect(codes(r)).toContain("residence_permit_discretionary");
  });

  it("not on dibao yet, but the household's dibao result is likely (rural, own income 100 < 360): likely, 100", () => {
    const r = livingAt(DX, "2020-08-01", { income: [{ kind: "other", monthly: 100 }] });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: 100 });
  });

  it("not on dibao, and the household's income 400 is above the rural standard 360 (dibao unlikely): unlikely", () => {
    const r = livingAt(DX, "2020-08-01", { income: [{ kind: "other", monthly: 400 }] });
    expect(amounts(r)).toMatchObject({ outcome: "unlikely", monthly: null });
    expect(reasonOf(r, "household_not_on_dibao").source).toBe(NATIONAL);
  });

  it("dibao possible (own income unknown): possible, naming what dibao hinges on", () => {
    const r = livingAt(DX, "2020-08-01", { income: undefined });
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("members[0].income");
  });

  it("dibao unlikely on income, current dibao not stated: possible, naming currentBenefits.dibao", () => {
    const s = situation(DX, "2020-08-01", [disabled({ income: [{ kind: "other", monthly: 400 }] })], {
      area: "rural",
    });
    delete s.currentBenefits;
    const r = screenFor(s, "disability_living_subsidy", 0);
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("currentBenefits.dibao");
  });

  it("no disability, household on dibao: unlikely", () => {
    const r = livingAt(DX, "2020-08-01", { disability: null }, { currentBenefits: onDibao });
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "no_disability").source).toBe(NATIONAL);
  });

  it("disability not stated, household on dibao: possible, naming members[0].disability", () => {
    const r = livingAt(DX, "2020-08-01", { disability: undefined }, { currentBenefits: onDibao });
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("members[0].disability");
  });

  it("a severely disabled adult covered by 单人保 (东兴区工作机制 三(一)3) is on dibao: likely, 100", () => {
    // Household of 2, rural 2020: parent's wage 1000 → 500 a head > 360, so the household is not on
    // dibao; the disabled member's own income 0 + support owed 0 < 360, so 单人保 covers them alone.
    const screening = screenAt(
      situation(
        DX,
        "2020-08-01",
        [
          disabled({
            age: 30,
            disability: { grade: 1, category: "physical" },
            dependsOnFamily: true,
            canLiveAlone: false,
            supportOwedMonthly: 0,
          }),
          adult({ relation: "parent", age: 55, income: [{ kind: "wage", monthly: 1000 }] }),
        ],
        { area: "rural" },
      ),
    );
    expect(resultFor(screening, "dibao_single", 0).outcome).toBe("likely");
    expect(amounts(resultFor(screening, "disability_living_subsidy", 0))).toMatchObject({
      outcome: "likely",
      monthly: 100,
    });
  });

  it("2020-12-31 still 100; from 2021-01-01 the amount is a declared gap (三(四)3 gives 2020 only): likely, monthly null", () => {
    expect(livingAt(DX, "2020-12-31", {}, { currentBenefits: onDibao }).monthly).toBe(100);
    const r = livingAt(DX, "2021-01-01", {}, { currentBenefits: onDibao });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: null, monthlyRange: null });
    expect(codes(r)).toContain("figure_not_published");
  });

  it("Wuxi (no local figure), on dibao: likely, monthly null", () => {
    const r = livingAt("wuxi", "2022-01-10", {}, { currentBenefits: onDibao });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: null });
  });
});

describe(`${NATIONAL} and 东兴区工作机制 三(四)2、3: 重度残疾人护理补贴 for grades 1 and 2`, () => {
  it("grade 1, 2020-08-01: likely, 80 a month (重残一级)", () => {
    const r = careAt(DX, "2020-08-01", { disability: { grade: 1, category: "intellectual" } });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: 80, monthlyRange: null });
    expect(reasonOf(r, "care_subsidy_grade").source).toBe(NATIONAL);
    expect(reasonOf(r, "disability_care_amount")).toMatchObject({
      source: "东兴区工作机制 三(四)2、3",
      values: { amount: 80, grade: 1 },
    });
  });

  it("grade 2, 2020-08-01: likely, 50 a month (重残二级)", () => {
    const r = careAt(DX, "2020-08-01", { disability: { grade: 2, category: "visual" } });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: 50, monthlyRange: null });
  });

  it("grade 3: unlikely, naming the clause", () => {
    const r = careAt(DX, "2020-08-01", { disability: { grade: 3, category: "physical" } });
    expect(amounts(r)).toMatchObject({ outcome: "unlikely", monthly: null });
    expect(reasonOf(r, "care_subsidy_grade_not_met").source).toBe(NATIONAL);
  });

  it("grade 4: unlikely", () => {
    expect(careAt(DX, "2020-08-01", { disability: { grade: 4, category: "hearing" } }).outcome).toBe(
      "unlikely",
    );
  });

  it("no disability: unlikely", () => {
    expect(careAt(DX, "2020-08-01", { disability: null }).outcome).toBe("unlikely");
  });

  it("grade unknown: possible, between 50 and 80, naming members[0].disability.grade", () => {
    const r = careAt(DX, "2020-08-01", { disability: { category: "physical" } });
    expect(amounts(r)).toMatchObject({
      outcome: "possible",
      monthly: null,
      monthlyRange: { min: 50, max: 80 },
    });
    expect(r.missing).toContain("members[0].disability.grade");
  });

  it("disability not stated: possible, naming members[0].disability", () => {
    const r = careAt(DX, "2020-08-01", { disability: undefined });
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("members[0].disability");
  });

  it("no dibao needed: grade 1, income 3000, not on dibao → still likely, 80", () => {
    const r = careAt(DX, "2020-08-01", {
      disability: { grade: 1, category: "physical" },
      income: [{ kind: "wage", monthly: 3000 }],
    });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: 80 });
  });

  it("2020-12-31 grade 2 still 50; 2021-01-01 the amount is a declared gap: likely, monthly null", () => {
    expect(careAt(DX, "2020-12-31", { disability: { grade: 2, category: "physical" } }).monthly).toBe(50);
    const r = careAt(DX, "2021-01-01", { disability: { grade: 2, category: "physical" } });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: null, monthlyRange: null });
    expect(codes(r)).toContain("figure_not_published");
  });

  it("Wuxi grade 1: likely, monthly null (no local figure)", () => {
    const r = careAt("wuxi", "2022-01-10", { disability: { grade: 1, category: "physical" } });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: null });
  });
});
