// 特困人员救助供养: who counts as unable to work, the income and supporter conditions, and the amount in
// each jurisdiction, worked by hand from the documents (shared/seeds, shared/spec/published-figures.md).

import { describe, expect, it } from "vitest";
import {
  amounts,
  codes,
  type Jurisdiction,
  type MemberInput,
  reasonOf,
  type SituationInput,
  screenFor,
  situation,
  tekunPerson,
} from "./program-helpers.ts";

const NATIONAL = "社会救助暂行办法 第十四条；特困人员认定办法 第六条、第七条";

function tekunAt(
  jurisdiction: Jurisdiction,
  asOf: string,
  member: Partial<MemberInput> = {},
  rest: Partial<SituationInput> = {},
) {
  return screenFor(situation(jurisdiction, asOf, [tekunPerson(member)], rest), "tekun", 0);
}

// Wuxi on 2020-08-01: standard 1010, 特困 basic living 1525 (锡政发〔2021〕14号). Used for the national rules.
const W = "2020-08-01";

describe(`${NATIONAL}: unable to work (无劳动能力)`, () => {
  it("age 60 is unable to work: likely", () => {
    const r = tekunAt("wuxi", W, { age: 60 });
    expect(r.outcome).toBe("likely");
    expect(reasonOf(r, "tekun_unable_to_work").source).toBe(NATIONAL);
  });

  it("age 59 with no listed disability is able to work: unlikely, naming the clause", () => {
    const r = tekunAt("wuxi", W, { age: 59 });
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "tekun_able_to_work").source).toBe(NATIONAL);
    expect(r.monthly).toBeNull();
  });

  it("age 60 reached on the birthday itself (born 1960-08-01, as of 2020-08-01), not the day before", () => {
    expect(tekunAt("wuxi", "2020-08-01", { age: undefined, birthDate: "1960-08-01" }).outcome).toBe("likely");
    expect(tekunAt("wuxi", "2020-07-31", { age: undefined, birthDate: "1960-08-01" }).outcome).toBe(
      "unlikely",
    );
  });

  it("under 16 (age 15) is unable to work: likely", () => {
    expect(tekunAt("wuxi", W, { age: 15, relation: "self" }).outcome).toBe("likely");
  });

  it("age 16, not yet supported and with no listed disability: unlikely", () => {
    const r = tekunAt("wuxi", W, { age: 16 });
    expect(r.outcome).toBe("unlikely");
    expect(codes(r)).toContain("tekun_able_to_work");
  });

  it("a minor already supported as 特困 keeps it to 18: age 17 likely", () => {
    const r = tekunAt(
      "wuxi",
      W,
      { age: 17 },
      {
        currentBenefits: {
          dibao: null,
          tekun: true,
          orphanAllowance: false,
          unsupportedChildAllowance: false,
          disabilitySubsidies: false,
        },
      },
    );
    expect(r.outcome).toBe("likely");
  });

  it("a minor already supported as 特困 loses it at 18: age 18 unlikely", () => {
    const r = tekunAt(
      "wuxi",
      W,
      { age: 18 },
      {
        currentBenefits: {
          dibao: null,
          tekun: true,
          orphanAllowance: false,
          unsupportedChildAllowance: false,
          disabilitySubsidies: false,
        },
      },
    );
    expect(r.outcome).toBe("unlikely");
  });

  it("a household flagged as receiving 特困 with others in it cannot say who: a 17-year-old living with a grandparent is possible, not likely", () => {
    const s = situation(
      "wuxi",
      W,
      [tekunPerson({ age: 17 }), tekunPerson({ relation: "grandparent", age: 80 })],
      {
        currentBenefits: { dibao: null, tekun: true, orphanAllowance: false },
      },
    );
    expect(screenFor(s, "tekun", 0).outcome).toBe("possible");
  });

  it("age 17 not already supported: the keep-to-18 rule does not apply, unlikely", () => {
    expect(tekunAt("wuxi", W, { age: 17 }).outcome).toBe("unlikely");
  });

  it.each([
    ["intellectual", 1, "likely"],
    ["intellectual", 3, "likely"],
    ["intellectual", 4, "unlikely"],
    ["mental", 3, "likely"],
    ["mental", 4, "unlikely"],
    ["physical", 2, "likely"],
    ["physical", 3, "unlikely"],
    ["visual", 1, "likely"],
    ["visual", 2, "unlikely"],
    ["hearing", 1, "unlikely"],
    ["speech", 1, "unlikely"],
  ] as const)(
    "age 40, %s disability grade %i: %s (intellectual/mental 1–3, physical 1–2, visual 1)",
    (category, grade, outcome) => {
      expect(tekunAt("wuxi", W, { age: 40, disability: { grade, category } }).outcome).toBe(outcome);
    },
  );

  it("age 40, grade 1 of unknown category: possible, the category decides", () => {
    const r = tekunAt("wuxi", W, { age: 40, disability: { grade: 1 } });
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("members[0].disability.category");
  });

  it("age 40, grade 4 of unknown category: unlikely, no category lists grade 4", () => {
    expect(tekunAt("wuxi", W, { age: 40, disability: { grade: 4 } }).outcome).toBe("unlikely");
  });

  it("age unknown and no listed disability: possible, naming the age", () => {
    const r = tekunAt("wuxi", W, { age: undefined });
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("members[0].age");
  });
});

describe(`${NATIONAL}: no source of income (own counted income below the dibao standard)`, () => {
  it("Wuxi 2020-08-01: own income 1009 < standard 1010: likely", () => {
    const r = tekunAt("wuxi", W, { income: [{ kind: "other", monthly: 1009 }] });
    expect(r.outcome).toBe("likely");
    expect(reasonOf(r, "tekun_no_income").values).toMatchObject({ income: 1009, standard: 1010 });
  });

  it("Wuxi 2020-08-01: own income 1010 = standard 1010 is not below it: unlikely", () => {
    const r = tekunAt("wuxi", W, { income: [{ kind: "other", monthly: 1010 }] });
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "tekun_has_income").source).toBe(NATIONAL);
  });

  it("Wuxi 2019-03-01: standard 900 (锡政发〔2018〕34号): 899 likely, 900 unlikely", () => {
    expect(tekunAt("wuxi", "2019-03-01", { income: [{ kind: "other", monthly: 899 }] }).outcome).toBe(
      "likely",
    );
    expect(tekunAt("wuxi", "2019-03-01", { income: [{ kind: "other", monthly: 900 }] }).outcome).toBe(
      "unlikely",
    );
  });

  it("Wuxi 2019-08-01: the 2019 raise is unconfirmed, so 900 is only a floor — 900 of income is possible, not unlikely", () => {
    expect(tekunAt("wuxi", "2019-08-01", { income: [{ kind: "other", monthly: 900 }] }).outcome).toBe(
      "possible",
    );
  });

  it("Dongxing 2020 rural: standard 360 (东兴区工作机制 三(一)): 359 likely, 360 unlikely", () => {
    const rural = { area: "rural" as const };
    expect(
      tekunAt("neijiang-dongxing", "2020-08-01", { income: [{ kind: "other", monthly: 359 }] }, rural)
        .outcome,
    ).toBe("likely");
    expect(
      tekunAt("neijiang-dongxing", "2020-08-01", { income: [{ kind: "other", monthly: 360 }] }, rural)
        .outcome,
    ).toBe("unlikely");
  });

  it("Puning 2022-01-10 urban: 771 is under the provincial floor 772 (likely); 772 may or may not be under Puning's own standard (possible)", () => {
    expect(tekunAt("puning", "2022-01-10", { income: [{ kind: "other", monthly: 771 }] }).outcome).toBe(
      "likely",
    );
    expect(tekunAt("puning", "2022-01-10", { income: [{ kind: "other", monthly: 772 }] }).outcome).toBe(
      "possible",
    );
  });

  it("普民〔2021〕77号 二(八): the basic pension is not counted for 特困: 300 pension + 700 other counts as 700 < 772, likely", () => {
    const r = tekunAt("puning", "2022-01-10", {
      income: [
        { kind: "pension_basic", monthly: 300 },
        { kind: "other", monthly: 700 },
      ],
    });
    expect(r.outcome).toBe("likely");
    expect(reasonOf(r, "tekun_no_income").values).toMatchObject({ income: 700 });
  });

  it("income unknown: possible, naming members[0].income", () => {
    const r = tekunAt("wuxi", W, { income: undefined });
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("members[0].income");
  });
});

describe(`${NATIONAL}: no legal supporter able to support, and property`, () => {
  it("a supporter able to support: unlikely, naming the clause", () => {
    const r = tekunAt("wuxi", W, { supportersAble: true });
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "tekun_has_able_supporter").source).toBe(NATIONAL);
  });

  it("supporters unknown: possible, naming members[0].supportersAble", () => {
    const r = tekunAt("wuxi", W, { supportersAble: undefined });
    expect(r.outcome).toBe("possible");
    expect(r.missing).toEqual(["members[0].supportersAble"]);
  });

  it("property over the local limits: unlikely", () => {
    expect(tekunAt("wuxi", W, {}, { assets: "over_limits" }).outcome).toBe("unlikely");
  });
});

describe("Wuxi 特困 basic living: published figures (锡政发〔2018〕34号 … 锡政发〔2025〕8号) against the 1.5× floor of 锡民联发〔2019〕4号 二(四)1", () => {
  it("锡政发〔2018〕34号: 2019-03-01 urban 1400 (no 1.5× floor yet, it starts 2020-07-01)", () => {
    const r = tekunAt("wuxi", "2019-03-01");
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: 1400, monthlyRange: null });
    expect(reasonOf(r, "tekun_basic_living")).toMatchObject({
      source: "锡政发〔2018〕34号",
      basis: "supplementary",
    });
    expect(codes(r)).not.toContain("tekun_ratio_to_standard");
  });

  it("锡政发〔2018〕34号: 2019-03-01 rural 1300; from 2019-07-01, the next raise unconfirmed, at least 1300", () => {
    const r = tekunAt("wuxi", "2019-03-01", {}, { area: "rural" });
    expect(amounts(r)).toMatchObject({ monthly: 1300, monthlyRange: null });
    const later = tekunAt("wuxi", "2019-08-01", {}, { area: "rural" });
    expect(amounts(later)).toMatchObject({ monthly: 1300, monthlyRange: { min: 1300, max: null } });
  });

  it("the unconfirmed 2019-07-01 row (urban 1470 / rural 1430) is not used: 2019-12-01 is still 1400 / 1300", () => {
    expect(tekunAt("wuxi", "2019-12-01").monthly).toBe(1400);
    expect(tekunAt("wuxi", "2019-12-01", {}, { area: "rural" }).monthly).toBe(1300);
  });

  it("area unknown before 2020-07-01: between rural 1300 and urban 1400, naming the area", () => {
    const r = tekunAt("wuxi", "2019-03-01", {}, { area: undefined });
    expect(amounts(r)).toMatchObject({
      outcome: "likely",
      monthly: null,
      monthlyRange: { min: 1300, max: 1400 },
    });
    expect(r.missing).toContain("area");
  });

  it("area unknown from 2020-07-01: one standard for urban and rural (1525), so the area does not matter", () => {
    const r = tekunAt("wuxi", "2020-08-01", {}, { area: undefined });
    expect(r.monthly).toBe(1525);
    expect(r.missing).not.toContain("area");
  });

  it("2020-06-30 still 1400 urban; 2020-07-01 1525 (锡政发〔2021〕14号 所引调整前标准) for urban and rural alike, above 1.5 × 1010 = 1515", () => {
    expect(tekunAt("wuxi", "2020-06-30").monthly).toBe(1400);
    const urban = tekunAt("wuxi", "2020-07-01");
    const rural = tekunAt("wuxi", "2020-07-01", {}, { area: "rural" });
    expect(urban.monthly).toBe(1525);
    expect(rural.monthly).toBe(1525);
    expect(reasonOf(urban, "tekun_basic_living").source).toBe("锡政发〔2021〕14号（所引调整前标准）");
    expect(reasonOf(urban, "tekun_ratio_to_standard")).toMatchObject({
      source: "锡民联发〔2019〕4号 二(四)1",
      values: { ratio: 1.5, standard: 1010 },
    });
  });

  it("锡民联发〔2019〕4号 二(四)1 + 锡政发〔2021〕14号: the published 1525 is the figure itself, not a floor (1.5 × 1010 = 1515 is only its lower bound): no open range", () => {
    // published-figures.md: where a seed gives only a floor and a published figure exists for the same
    // date, the published figure is the estimate; the standard itself resolves to an exact 1010.
    expect(tekunAt("wuxi", "2020-07-01").monthlyRange).toBeNull();
  });

  it("锡政发〔2021〕14号: 2021-06-30 1525, 2021-07-01 1600 (1.5 × 1060 = 1590 is below it)", () => {
    expect(tekunAt("wuxi", "2021-06-30").monthly).toBe(1525);
    const r = tekunAt("wuxi", "2021-07-01", {}, { area: "rural" });
    expect(r.monthly).toBe(1600);
    expect(reasonOf(r, "tekun_basic_living").source).toBe("锡政发〔2021〕14号");
  });

  it("无锡市2024年提标通知: 2024-06-30 1600, 2024-07-01 1675 (1.5 × 1115 = 1672.5 is below it)", () => {
    expect(tekunAt("wuxi", "2024-06-30").monthly).toBe(1600);
    const r = tekunAt("wuxi", "2024-07-01");
    expect(r.monthly).toBe(1675);
    expect(reasonOf(r, "tekun_basic_living").source).toBe("无锡市2024年提标通知（新闻报道）");
  });

  it("锡政发〔2025〕8号: 2025-06-30 1675, 2025-07-01 1751 (1.5 × 1167 = 1750.5 is below it)", () => {
    expect(tekunAt("wuxi", "2025-06-30").monthly).toBe(1675);
    const r = tekunAt("wuxi", "2025-07-01", {}, { area: "rural" });
    expect(r.monthly).toBe(1751);
    expect(reasonOf(r, "tekun_basic_living").source).toBe("锡政发〔2025〕8号");
  });
});

describe("Puning 特困: 普民〔2021〕77号 二(二) 1.6 × standard plus care at 2% / 30% / 60% of the minimum wage", () => {
  it("2021-08-27, before the document: eligible on the national rules, but no amount (monthly null)", () => {
    const r = tekunAt("puning", "2021-08-27", { selfCare: "none" });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: null, monthlyRange: null });
    expect(codes(r)).toContain("figure_not_published");
  });

  it("2021-08-28 全护理, 广东省最低工资标准（四类，2018）1410: 1.6 × 772 = 1235.2 plus 60% × 1410 = 846, at least 2081.2", () => {
    const r = tekunAt("puning", "2021-08-28", { selfCare: "none" });
    expect(amounts(r)).toMatchObject({
      outcome: "likely",
      monthly: 2081.2,
      monthlyRange: { min: 2081.2, max: null },
    });
    expect(reasonOf(r, "tekun_ratio_to_standard")).toMatchObject({
      source: "普民〔2021〕77号 二(二)",
      values: { ratio: 1.6, standard: 772 },
    });
    expect(reasonOf(r, "tekun_care_amount").values).toMatchObject({ ratio: 0.6, minimumWage: 1410 });
  });

  it("2021-11-30 still 1410: 全护理 1235.2 + 846 = 2081.2", () => {
    expect(tekunAt("puning", "2021-11-30", { selfCare: "none" }).monthly).toBe(2081.2);
  });

  it("粤府函〔2021〕345号 from 2021-12-01, wage 1620: 全护理 1.6 × 772 = 1235.2 plus 60% × 1620 = 972, at least 2207.2", () => {
    const r = tekunAt("puning", "2021-12-01", { selfCare: "none" });
    expect(amounts(r)).toMatchObject({ monthly: 2207.2, monthlyRange: { min: 2207.2, max: null } });
    expect(reasonOf(r, "tekun_care_amount").values).toMatchObject({ minimumWage: 1620 });
  });

  it("2022-01-10 半自理: 1235.2 + 30% × 1620 = 486 → 1721.2", () => {
    expect(tekunAt("puning", "2022-01-10", { selfCare: "partial" }).monthly).toBe(1721.2);
  });

  it("2022-01-10 全自理: 1235.2 + 2% × 1620 = 32.4 → 1267.6", () => {
    expect(tekunAt("puning", "2022-01-10", { selfCare: "full" }).monthly).toBe(1267.6);
  });

  it("2022-01-10 rural 半自理: 1.6 × 532 = 851.2 + 486 = 1337.2", () => {
    expect(tekunAt("puning", "2022-01-10", { selfCare: "partial" }, { area: "rural" }).monthly).toBe(1337.2);
  });

  it("self-care unknown: no point estimate, at least the 全自理 figure 1235.2 + 32.4 = 1267.6, naming selfCare", () => {
    const r = tekunAt("puning", "2022-01-10", { selfCare: undefined });
    expect(amounts(r)).toMatchObject({
      outcome: "likely",
      monthly: null,
      monthlyRange: { min: 1267.6, max: null },
    });
    expect(r.missing).toContain("members[0].selfCare");
  });

  it("2022-04-28 vs 2022-04-29 (provincial 2022 floor 828): 全护理 2207.2, then 1.6 × 828 = 1324.8 + 972 = 2296.8", () => {
    expect(tekunAt("puning", "2022-04-28", { selfCare: "none" }).monthly).toBe(2207.2);
    expect(tekunAt("puning", "2022-04-29", { selfCare: "none" }).monthly).toBe(2296.8);
  });

  it("2024-01-01 全自理 (粤民发〔2024〕40号 floor 860): 1.6 × 860 = 1376 + 32.4 = 1408.4, the seed clause still cited", () => {
    const r = tekunAt("puning", "2024-01-01", { selfCare: "full" });
    expect(r.monthly).toBe(1408.4);
    expect(reasonOf(r, "tekun_ratio_to_standard").source).toBe("普民〔2021〕77号 二(二)");
  });

  it("粤民函〔2024〕135号 after the seed's period (2026-01-01): 1.6 × 860 = 1376 at least, citing the provincial letter", () => {
    const r = tekunAt("puning", "2026-01-01", { selfCare: "full" });
    expect(amounts(r)).toMatchObject({ monthly: 1376, monthlyRange: { min: 1376, max: null } });
    expect(reasonOf(r, "tekun_ratio_to_standard")).toMatchObject({
      source: "粤民函〔2024〕135号",
      basis: "supplementary",
    });
  });

  it("广东省最低工资标准 / 粤府函〔2021〕345号: the published minimum wage the care amount rests on is cited with its source", () => {
    // published-figures.md: a supplementary figure is shown to people as a published figure, with its source.
    const before = tekunAt("puning", "2021-11-30", { selfCare: "none" });
    const after = tekunAt("puning", "2021-12-01", { selfCare: "none" });
    expect(before.reasons.map((r) => r.source)).toContain("广东省最低工资标准（四类，2018）");
    expect(after.reasons.map((r) => r.source)).toContain("粤府函〔2021〕345号");
  });
});

describe("Dongxing 特困: 东兴区工作机制 三(二)2 500, then Sichuan's 特困 floors", () => {
  it("三(二)2: 500 a month, exact in 2020 (2020-12-31); from 2021-01-01 to 2021-11-30, 2021's figure unconfirmed, at least 500 (rural)", () => {
    const exact = tekunAt("neijiang-dongxing", "2020-12-31", {}, { area: "rural" });
    expect(amounts(exact)).toMatchObject({ outcome: "likely", monthly: 500, monthlyRange: null });
    expect(reasonOf(exact, "tekun_basic_living")).toMatchObject({
      source: "东兴区工作机制 三(二)2",
      basis: "seed",
    });
    for (const day of ["2021-01-01", "2021-11-30"]) {
      const r = tekunAt("neijiang-dongxing", day, {}, { area: "rural" });
      expect(amounts(r), day).toMatchObject({
        outcome: "likely",
        monthly: 500,
        monthlyRange: { min: 500, max: null },
      });
    }
  });

  it("三(二)2's 500 is rural: below the city's urban dibao standard (510), it is no urban 特困 figure — urban 2020: likely, amount not published", () => {
    const r = tekunAt("neijiang-dongxing", "2020-12-31", {}, { area: "urban" });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: null, monthlyRange: null });
    expect(codes(r)).toContain("figure_not_published");
  });

  it("四川省2021年12月低保最低标准: 2021-12-01 urban at least 800, rural at least 540", () => {
    const urban = tekunAt("neijiang-dongxing", "2021-12-01");
    const rural = tekunAt("neijiang-dongxing", "2021-12-01", {}, { area: "rural" });
    expect(amounts(urban)).toMatchObject({ monthly: 800, monthlyRange: { min: 800, max: null } });
    expect(amounts(rural)).toMatchObject({ monthly: 540, monthlyRange: { min: 540, max: null } });
    expect(reasonOf(urban, "tekun_basic_living").source).toBe("四川省2021年12月低保最低标准");
  });

  it("川民发〔2022〕89号: 2022-06-30 urban 800, 2022-07-01 urban 884 / rural 624", () => {
    expect(tekunAt("neijiang-dongxing", "2022-06-30").monthly).toBe(800);
    expect(tekunAt("neijiang-dongxing", "2022-07-01").monthly).toBe(884);
    const rural = tekunAt("neijiang-dongxing", "2022-07-01", {}, { area: "rural" });
    expect(rural.monthly).toBe(624);
    expect(reasonOf(rural, "tekun_basic_living").source).toBe("川民发〔2022〕89号");
  });

  it("川民发〔2023〕100号: 2023-06-30 rural 624, 2023-07-01 urban 962 / rural 693", () => {
    expect(tekunAt("neijiang-dongxing", "2023-06-30", {}, { area: "rural" }).monthly).toBe(624);
    expect(tekunAt("neijiang-dongxing", "2023-07-01").monthly).toBe(962);
    const rural = tekunAt("neijiang-dongxing", "2023-07-01", {}, { area: "rural" });
    expect(rural.monthly).toBe(693);
    expect(reasonOf(rural, "tekun_basic_living").source).toBe("川民发〔2023〕100号");
  });
});

describe("Jiangmen 特困: 粤民函〔2024〕135号 1.6 × the standard from 2024-01-01", () => {
  const pengjiang = { county: "pengjiang" };

  it("2023-12-31: eligible on the national rules, no amount yet", () => {
    const r = tekunAt("jiangmen", "2023-12-31", {}, pengjiang);
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: null });
  });

  it("2024-01-01, 三类 (not 台山/开平/恩平): 1.6 × 883 = 1412.8 at least", () => {
    const r = tekunAt("jiangmen", "2024-01-01", {}, pengjiang);
    expect(amounts(r)).toMatchObject({ monthly: 1412.8, monthlyRange: { min: 1412.8, max: null } });
    expect(reasonOf(r, "tekun_ratio_to_standard").source).toBe("粤民函〔2024〕135号");
  });

  it("2024-01-01, 台山 rural (四类 645): 1.6 × 645 = 1032 at least", () => {
    const r = tekunAt("jiangmen", "2024-01-01", {}, { county: "taishan", area: "rural" });
    expect(amounts(r)).toMatchObject({ monthly: 1032, monthlyRange: { min: 1032, max: null } });
  });

  it("2024-01-01, county unknown, urban: between 四类 1.6 × 860 = 1376 and open, naming the county", () => {
    const r = tekunAt("jiangmen", "2024-01-01");
    expect(amounts(r)).toMatchObject({ monthly: null, monthlyRange: { min: 1376, max: null } });
    expect(r.missing).toContain("county");
  });
});

describe("Jilin 特困 (national base layer only: no local amount)", () => {
  it("no income at all is below any standard: likely, monthly null", () => {
    const r = tekunAt("jilin", "2019-06-01", {}, { area: "rural" });
    expect(amounts(r)).toMatchObject({ outcome: "likely", monthly: null, monthlyRange: null });
  });

  it("own income 100 against a standard the pack does not publish: possible", () => {
    const r = tekunAt(
      "jilin",
      "2019-06-01",
      { income: [{ kind: "other", monthly: 100 }] },
      { area: "rural" },
    );
    expect(r.outcome).toBe("possible");
  });
});

describe("特困人员认定办法: an application is made where the hukou is", () => {
  it("特困人员认定办法（向户籍所在地乡镇人民政府、街道办事处申请）: a Wuxi elder whose hukou is elsewhere is unlikely, citing it", () => {
    const r = tekunAt("wuxi", "2022-03-01", {}, { localHukou: false });
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "no_local_hukou").source).toBe(
      "特困人员认定办法（向户籍所在地乡镇人民政府、街道办事处申请）",
    );
  });

  it("普民〔2021〕77号 二(九): in Puning a residence-permit holder may apply where they live, at the office's discretion: possible", () => {
    const r = tekunAt("puning", "2022-03-01", {}, { localHukou: false });
    expect(r.outcome).toBe("possible");
    expect(reasonOf(r, "residence_permit_discretionary").source).toBe("普民〔2021〕77号 二(九)");
  });
});
