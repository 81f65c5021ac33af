// The README's example households: what it promises for each must stay true.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPolicies } from "../../core/policies/index.ts";
import type { Result, Screening } from "../../core/schema/screening.ts";
import { screenInput } from "../../core/screen.ts";

function example(id: string): Screening {
  const situation = JSON.parse(
    readFileSync(join(import.meta.dirname, "..", "fixtures", `${id}.json`), "utf8"),
  );
  const r = screenInput(situation, { policies: createPolicies(), today: "2026-11-22" });
  if (!r.ok) throw new Error(`fixture ${id} is invalid: ${JSON.stringify(r.issues)}`);
  return r.screening;
}

function result(s: Screening, program: Result["program"], member: number | null = null): Result {
  const r = s.results.find((x) => x.program === program && x.member === member);
  if (!r) throw new Error(`no ${program} result for ${member}`);
  return r;
}

describe("the README's examples", () => {
  it("东兴区: rural family of three, (360 × 3 − 600) = 480, up to 600 with the child's 120 tier", () => {
    const s = example("neijiang-dongxing");
    expect(result(s, "dibao")).toMatchObject({
      outcome: "likely",
      monthly: 480,
      monthlyRange: { min: 480, max: 600 },
    });
    expect(result(s, "dibao").reasons[0]).toMatchObject({
      code: "income_below_standard",
      source: "东兴区工作机制 三(一)",
    });
  });

  it("无锡: 1010 × 2 − 600 = 1420 for the household; 单人保 1010 for the adult child with a grade-2 intellectual disability", () => {
    const s = example("wuxi");
    expect(result(s, "dibao")).toMatchObject({ outcome: "likely", monthly: 1420 });
    expect(result(s, "dibao_single", 1)).toMatchObject({ outcome: "likely", monthly: 1010 });
    expect(result(s, "dibao_single", 1).reasons[0]?.source).toBe(
      "锡民联发〔2019〕4号 二(二)1（参照锡民救〔2017〕24号：成年无业）",
    );
    expect(result(s, "disability_care_subsidy", 1)).toMatchObject({ outcome: "likely", monthly: null });
  });

  it("江门 台山: at least 579 × 2 − 300 = 858, a floor with no upper bound; 单人保 not needed, as the couple qualifies together", () => {
    const s = example("jiangmen");
    expect(result(s, "dibao")).toMatchObject({
      outcome: "likely",
      monthly: 858,
      monthlyRange: { min: 858, max: null },
    });
    expect(result(s, "dibao_single", 1)).toMatchObject({ outcome: "unlikely", monthly: null });
    expect(result(s, "tekun", 0)).toMatchObject({ outcome: "likely", monthly: null });
  });

  it("普宁: 特困 at least 1.6 × 532 + 60% × 1620 = 1823.2 but only possible off-hukou, like dibao; 临时救助 where the fire happened", () => {
    const s = example("puning");
    expect(result(s, "tekun", 0)).toMatchObject({
      outcome: "possible",
      monthly: 1823.2,
      monthlyRange: { min: 1823.2, max: null },
    });
    expect(result(s, "temporary_aid")).toMatchObject({ outcome: "likely", oneOff: null });
    expect(result(s, "dibao")).toMatchObject({ outcome: "possible" });
    expect(result(s, "dibao").reasons[0]).toMatchObject({
      code: "residence_permit_discretionary",
      source: "普民〔2021〕77号 二(九)",
    });
  });

  it("吉林: 脱贫渐退 400 less 25% after one year = 300 until 2020-12-31, possible without a published standard", () => {
    const s = example("jilin");
    expect(result(s, "dibao")).toMatchObject({
      outcome: "possible",
      monthly: 300,
      until: "2020-12-31",
      missing: [],
    });
    expect(s.notices[0]).toMatchObject({
      code: "figures_may_be_outdated",
      values: { confirmedOn: "2018-03-06" },
    });
  });
});
