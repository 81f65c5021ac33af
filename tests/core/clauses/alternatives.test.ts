// One program per person where programs exclude each other: 低保 and 特困 for a person living alone,
// 单人保 and 特困 for one member, 单人保 and the household's 低保. Where both are open, each result says so
// and the screening lists the pair with the program the documents prefer, or null: the office decides.

import { describe, expect, it } from "vitest";
import {
  codes,
  deployStandard,
  household,
  reasonOf,
  resultFor,
  screenAt,
  severelyDisabled,
} from "./dibao-helpers.ts";
import { adult, tekunPerson } from "./program-helpers.ts";

const NATIONAL_BASIC = "社会救助暂行办法 第九条、第十四条";
const NATIONAL_HOUSEHOLD = "社会救助暂行办法 第九条";
const EDGE = "民发〔2021〕57号 第十一条（低保边缘家庭）";

/** One entry of a screening's alternatives. */
const alt = (
  member: number,
  programs: [string, string],
  preferred: string | null,
  source: string,
  basis: "national" | "seed" = "national",
) => ({ member, programs, preferred, source, basis });

describe("低保 or 特困", () => {
  it("无锡, 75, alone, no income, unable to work (2026-03-01): 低保 1167 and 特困 1751 both likely — one of them, and no document says which: the office decides", () => {
    const s = screenAt(household("wuxi", "2026-03-01", [tekunPerson({ age: 75 })]));
    const dibao = resultFor(s, "dibao");
    const tekun = resultFor(s, "tekun", 0);
    expect([dibao.outcome, dibao.monthly, tekun.outcome, tekun.monthly]).toEqual([
      "likely",
      1167,
      "likely",
      1751,
    ]);
    expect(s.alternatives).toEqual([
      { member: 0, programs: ["dibao", "tekun"], preferred: null, source: NATIONAL_BASIC, basis: "national" },
    ]);
    expect(reasonOf(dibao, "alternative_office_decides").values).toMatchObject({
      other: "tekun",
      preferred: null,
    });
    expect(reasonOf(tekun, "alternative_office_decides").values).toMatchObject({
      other: "dibao",
      preferred: null,
    });
  });

  it("吉林 二(二) 纳入特困人员救助供养的不再纳入低保: from 2018-03-02 特困 is preferred; on 2018-03-01 the national rule, the office decides", () => {
    const alone = (asOf: string) =>
      screenAt(household("jilin", asOf, [tekunPerson({ age: 75 })], { area: "rural" }));
    const before = alone("2018-03-01").alternatives?.[0];
    expect(before).toMatchObject({ programs: ["dibao", "tekun"], preferred: null, source: NATIONAL_BASIC });
    const after = alone("2018-03-02");
    expect(after.alternatives).toEqual([
      alt(0, ["dibao", "tekun"], "tekun", "吉民发〔2018〕12号 二(二)", "seed"),
    ]);
    expect(reasonOf(resultFor(after, "dibao"), "alternative_preferred").values).toMatchObject({
      other: "tekun",
      preferred: "tekun",
    });
  });

  it("无锡, a couple of 75 and 78 with no income and no one able to support them: the household's 低保 and each one's 特困 are open — a pair for each of them, the office decides", () => {
    const s = screenAt(
      household("wuxi", "2026-03-01", [
        tekunPerson({ age: 75 }),
        tekunPerson({ relation: "spouse", age: 78 }),
      ]),
    );
    expect(s.alternatives).toEqual([
      alt(0, ["dibao", "tekun"], null, NATIONAL_BASIC),
      alt(1, ["dibao", "tekun"], null, NATIONAL_BASIC),
    ]);
  });

  it("吉林 二(二) is for 农村贫困人口: an urban household in 吉林 gets no stated preference — the office decides", () => {
    const s = screenAt(household("jilin", "2019-01-01", [tekunPerson({ age: 75 })], { area: "urban" }));
    expect(s.alternatives).toEqual([alt(0, ["dibao", "tekun"], null, "吉民发〔2018〕12号 二(二)", "seed")]);
  });

  it("only where both are open: 特困 unlikely (a supporter able to support her) leaves 低保 alone, with no pair and no alternative reason", () => {
    const s = screenAt(household("wuxi", "2026-03-01", [tekunPerson({ age: 75, supportersAble: true })]));
    expect(resultFor(s, "tekun", 0).outcome).toBe("unlikely");
    expect(s.alternatives).toEqual([]);
    expect(codes(resultFor(s, "dibao")).filter((c) => c.startsWith("alternative_"))).toEqual([]);
  });
});

describe("单人保 or the household's 低保", () => {
  // A parent earning 1000 and a severely disabled adult child with no income, in 无锡: the pair is under
  // the standard (低保 likely), and 锡民联发〔2019〕4号 二(二)1 gives the child 单人保 too.
  const family = (asOf: string) =>
    screenAt(
      household("wuxi", asOf, [
        adult({ relation: "self", age: 60, employed: true, income: [{ kind: "wage", monthly: 1000 }] }),
        severelyDisabled({ relation: "child", disability: { grade: 1, category: "intellectual" } }),
      ]),
    );

  it("2021-06-30: both likely for the child, and before 民发〔2021〕57号 no document says which — the office decides", () => {
    const s = family("2021-06-30");
    expect([resultFor(s, "dibao").outcome, resultFor(s, "dibao_single", 1).outcome]).toEqual([
      "likely",
      "likely",
    ]);
    expect(s.alternatives).toEqual([alt(1, ["dibao", "dibao_single"], null, NATIONAL_HOUSEHOLD)]);
  });

  it("2021-07-01, 民发〔2021〕57号 第十一条: 单人保 is for 低保边缘 families — a family under the standard applies together: 低保 preferred", () => {
    const s = family("2021-07-01");
    expect(s.alternatives).toEqual([
      { member: 1, programs: ["dibao", "dibao_single"], preferred: "dibao", source: EDGE, basis: "national" },
    ]);
    expect(reasonOf(resultFor(s, "dibao_single", 1), "alternative_preferred").values).toMatchObject({
      other: "dibao",
      preferred: "dibao",
    });
  });

  it("东兴区 三(一)3 其家庭未享受最低生活保障的: 低保 preferred from the seed's first day (2020-01-01)", () => {
    const confirmed = deployStandard("neijiang-dongxing", "2020-01-01", { urban: 510, rural: 360 });
    const s = screenAt(
      household(
        "neijiang-dongxing",
        "2020-01-01",
        [
          adult({ relation: "self", age: 60, employed: true, income: [{ kind: "wage", monthly: 300 }] }),
          severelyDisabled({ relation: "child", supportOwedMonthly: 0 }),
        ],
        { area: "rural" },
      ),
      confirmed,
    );
    expect([resultFor(s, "dibao").outcome, resultFor(s, "dibao_single", 1).outcome]).toEqual([
      "likely",
      "likely",
    ]);
    expect(s.alternatives).toEqual([
      alt(1, ["dibao", "dibao_single"], "dibao", "东兴区工作机制 三(一)3", "seed"),
    ]);
  });
});

describe("单人保 or 特困 for one member", () => {
  it("无锡 2021-06-30: a severely disabled adult child with no income and no one able to support her (her father is 80, no income) — 单人保 and 特困 both likely for her, one of them; the office decides (and 单人保 against the household's 低保 too)", () => {
    const s = screenAt(
      household("wuxi", "2021-06-30", [
        adult({ relation: "self", age: 80, workCapacity: "none", supportersAble: false }),
        severelyDisabled({
          relation: "child",
          disability: { grade: 1, category: "intellectual" },
          supportersAble: false,
        }),
      ]),
    );
    expect(["dibao_single", "tekun"].map((p) => resultFor(s, p as "tekun", 1).outcome)).toEqual([
      "likely",
      "likely",
    ]);
    // Each of them is 特困 or one of the household's 低保; the daughter may also be 单人保 instead of either.
    expect(s.alternatives).toEqual([
      alt(0, ["dibao", "tekun"], null, NATIONAL_BASIC),
      alt(1, ["dibao", "tekun"], null, NATIONAL_BASIC),
      alt(1, ["dibao_single", "tekun"], null, NATIONAL_BASIC),
      alt(1, ["dibao", "dibao_single"], null, NATIONAL_HOUSEHOLD),
    ]);
    expect(codes(resultFor(s, "dibao_single", 1)).filter((c) => c.startsWith("alternative_"))).toEqual([
      "alternative_office_decides",
      "alternative_office_decides",
    ]);
    expect(
      resultFor(s, "tekun", 1)
        .reasons.filter((r) => r.code.startsWith("alternative_"))
        .map((r) => r.values.other),
    ).toEqual(["dibao", "dibao_single"]);
  });
});
