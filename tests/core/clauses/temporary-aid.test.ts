// 临时救助: an emergency that puts basic living at serious risk, sought where the rules say (hukou, or
// where it happened), and Dongxing's per-person one-off amounts with 一事一议 beyond them.

import { describe, expect, it } from "vitest";
import {
  adult,
  amounts,
  codes,
  type Jurisdiction,
  reasonOf,
  type SituationInput,
  screenFor,
  situation,
} from "./program-helpers.ts";

const NATIONAL = "社会救助暂行办法 第四十七条、第四十八条";
const PUNING = "普民〔2021〕77号 二(六)";
const DONGXING = "东兴区工作机制 三(六)2";

type Emergency = NonNullable<SituationInput["emergency"]>;

const fire: Emergency = {
  kind: "fire",
  category: "urgent",
  date: "2020-07-28",
  basicLivingAtRisk: true,
  outOfPocket: 3000,
  inJurisdiction: true,
};

/** A household of `persons` adults with this emergency. */
function aidAt(
  jurisdiction: Jurisdiction,
  asOf: string,
  emergency: Emergency | null | undefined,
  rest: Partial<SituationInput> = {},
  persons = 3,
) {
  const members = Array.from({ length: persons }, (_, i) => adult(i === 0 ? { relation: "self" } : {}));
  const s = situation(jurisdiction, asOf, members, { emergency, ...rest });
  if (emergency === undefined) delete s.emergency;
  return screenFor(s, "temporary_aid", null);
}

describe(`${NATIONAL}: an emergency that puts basic living at risk`, () => {
  it("no emergency (null): unlikely, naming the clause", () => {
    const r = aidAt("wuxi", "2020-08-01", null);
    expect(amounts(r)).toMatchObject({ outcome: "unlikely", oneOff: null });
    expect(reasonOf(r, "no_emergency").source).toBe(NATIONAL);
  });

  it("emergency not stated: possible, naming emergency", () => {
    const r = aidAt("wuxi", "2020-08-01", undefined);
    expect(r.outcome).toBe("possible");
    expect(r.missing).toEqual(["emergency"]);
  });

  it("a fire, but basic living not at serious risk: unlikely", () => {
    const r = aidAt("wuxi", "2020-08-01", { ...fire, basicLivingAtRisk: false });
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "basic_living_not_at_risk").source).toBe(NATIONAL);
  });

  it("a fire, whether basic living is at risk unknown: possible, naming emergency.basicLivingAtRisk", () => {
    const r = aidAt("wuxi", "2020-08-01", { ...fire, basicLivingAtRisk: undefined });
    expect(r.outcome).toBe("possible");
    expect(r.missing).toEqual(["emergency.basicLivingAtRisk"]);
  });

  it("a fire that puts basic living at risk, local hukou, where it happened: likely", () => {
    const r = aidAt("wuxi", "2020-08-01", fire);
    expect(r.outcome).toBe("likely");
    expect(reasonOf(r, "basic_living_at_risk").source).toBe(NATIONAL);
  });
});

describe(`${NATIONAL}: where to seek it (hukou place, or where an urgent emergency happened)`, () => {
  it("local hukou, a 支出型 expense incurred elsewhere: likely at the hukou place", () => {
    const r = aidAt("wuxi", "2020-08-01", { ...fire, category: "expense", inJurisdiction: false });
    expect(r.outcome).toBe("likely");
    expect(reasonOf(r, "aid_at_hukou_or_site").source).toBe(NATIONAL);
  });

  it("no local hukou, an urgent (急难型) fire here: likely where it happened", () => {
    expect(aidAt("wuxi", "2020-08-01", fire, { localHukou: false }).outcome).toBe("likely");
  });

  it("no local hukou, a 支出型 expense here: unlikely, only the hukou place takes it", () => {
    const r = aidAt("wuxi", "2020-08-01", { ...fire, category: "expense" }, { localHukou: false });
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "aid_at_hukou_or_site_not_met").source).toBe(NATIONAL);
  });

  it("no local hukou, an urgent fire elsewhere: unlikely", () => {
    const r = aidAt("wuxi", "2020-08-01", { ...fire, inJurisdiction: false }, { localHukou: false });
    expect(r.outcome).toBe("unlikely");
  });

  it("no local hukou, here, category unknown: possible, naming emergency.category", () => {
    const r = aidAt("wuxi", "2020-08-01", { ...fire, category: undefined }, { localHukou: false });
    expect(r.outcome).toBe("possible");
    expect(r.missing).toContain("emergency.category");
  });

  it("Jiangmen (national rule, no local amount): no hukou, urgent, here → likely with no one-off figure", () => {
    const r = aidAt("jiangmen", "2022-08-01", fire, { localHukou: false });
    expect(amounts(r)).toMatchObject({ outcome: "likely", oneOff: null, monthly: null });
  });
});

describe("关于改革完善社会救助制度的意见: 急难型 first, paperwork after", () => {
  it("urgent: the 先行救助 reason is given", () => {
    expect(codes(aidAt("wuxi", "2020-08-01", fire))).toContain("aid_first_then_paperwork");
  });

  it("支出型: normal review, no 先行救助 reason", () => {
    expect(codes(aidAt("wuxi", "2020-08-01", { ...fire, category: "expense" }))).not.toContain(
      "aid_first_then_paperwork",
    );
  });
});

describe("锡民联发〔2019〕4号 二(五)2: 一事一议 for major hardship, no fixed amount", () => {
  it("2019-06-03 on: likely, no one-off figure, and the 一事一议 route is named", () => {
    const r = aidAt("wuxi", "2019-06-03", { ...fire, date: "2019-06-01" });
    expect(amounts(r)).toMatchObject({ outcome: "likely", oneOff: null });
    expect(reasonOf(r, "aid_case_by_case_available")).toMatchObject({
      source: "锡民联发〔2019〕4号 二(五)2",
      basis: "seed",
    });
  });

  it("2019-06-02, before the document: the national rule alone, no 一事一议 reason", () => {
    const r = aidAt("wuxi", "2019-06-02", { ...fire, date: "2019-06-01" });
    expect(r.outcome).toBe("likely");
    expect(codes(r)).not.toContain("aid_case_by_case_available");
  });
});

describe(`${PUNING}: aid where the emergency happened, hukou irrelevant`, () => {
  it("no local hukou, a 支出型 expense in Puning: likely (the national hukou rule is lifted)", () => {
    const r = aidAt("puning", "2022-01-10", { ...fire, category: "expense" }, { localHukou: false });
    expect(r.outcome).toBe("likely");
    expect(reasonOf(r, "aid_where_it_happened").source).toBe(PUNING);
  });

  it("Puning hukou, a 支出型 expense elsewhere: likely — 取消户籍地、居住地申请限制 adds the place where it happened, it does not take away the hukou place", () => {
    const r = aidAt(
      "puning",
      "2022-01-10",
      { ...fire, category: "expense", inJurisdiction: false },
      { localHukou: true },
    );
    expect(r.outcome).toBe("likely");
    expect(reasonOf(r, "aid_where_it_happened").source).toBe(PUNING);
  });

  it("neither Puning hukou nor in Puning: unlikely, naming the clause", () => {
    const r = aidAt("puning", "2022-01-10", { ...fire, inJurisdiction: false }, { localHukou: false });
    expect(r.outcome).toBe("unlikely");
    expect(reasonOf(r, "aid_where_it_happened_not_met").source).toBe(PUNING);
  });

  it("no Puning hukou and where it happened unknown: possible, naming emergency.inJurisdiction; with Puning hukou it does not matter: likely", () => {
    const elsewhere = aidAt(
      "puning",
      "2022-01-10",
      { ...fire, inJurisdiction: undefined },
      { localHukou: false },
    );
    expect(elsewhere.outcome).toBe("possible");
    expect(elsewhere.missing).toEqual(["emergency.inJurisdiction"]);
    const local = aidAt("puning", "2022-01-10", { ...fire, inJurisdiction: undefined }, { localHukou: true });
    expect(local.outcome).toBe("likely");
  });

  it("2021-08-27 (before the document): no hukou, 支出型 in Puning → unlikely under the national rule; 2021-08-28 → likely", () => {
    const e = { ...fire, category: "expense" as const, date: "2021-08-01" };
    expect(aidAt("puning", "2021-08-27", e, { localHukou: false }).outcome).toBe("unlikely");
    expect(aidAt("puning", "2021-08-28", e, { localHukou: false }).outcome).toBe("likely");
  });

  it("the five-year period ends 2025-12-31: no hukou, 支出型 in Puning → likely that day, unlikely on 2026-01-01", () => {
    const e = { ...fire, category: "expense" as const, date: "2025-12-01" };
    expect(aidAt("puning", "2025-12-31", e, { localHukou: false }).outcome).toBe("likely");
    expect(aidAt("puning", "2026-01-01", e, { localHukou: false }).outcome).toBe("unlikely");
  });

  it("一事一议 is available, no fixed amount: oneOff null", () => {
    const r = aidAt("puning", "2022-01-10", fire);
    expect(amounts(r)).toMatchObject({ outcome: "likely", oneOff: null });
    expect(reasonOf(r, "aid_case_by_case_available").source).toBe(PUNING);
  });
});

describe(`${DONGXING}: 360–1080 a person, up to 2160 a person for special hardship, 一事一议 beyond`, () => {
  it("3 persons, 3000 out of pocket: likely, one-off 3 × 360 = 1080 to 3 × 1080 = 3240", () => {
    const r = aidAt("neijiang-dongxing", "2020-08-01", fire);
    expect(amounts(r)).toMatchObject({ outcome: "likely", oneOff: { min: 1080, max: 3240 }, monthly: null });
    expect(reasonOf(r, "aid_per_person_range")).toMatchObject({
      source: DONGXING,
      values: { min: 360, max: 1080, persons: 3 },
    });
  });

  it("the special-hardship cap is mentioned: 2160 a person, 3 × 2160 = 6480", () => {
    const r = aidAt("neijiang-dongxing", "2020-08-01", fire);
    expect(reasonOf(r, "aid_special_hardship_cap")).toMatchObject({
      source: DONGXING,
      values: { cap: 2160, persons: 3, total: 6480 },
    });
  });

  it("1 person, 1000 out of pocket (≤ 2160): 360 to 1080", () => {
    const r = aidAt("neijiang-dongxing", "2020-08-01", { ...fire, outOfPocket: 1000 }, {}, 1);
    expect(r.oneOff).toEqual({ min: 360, max: 1080 });
  });

  it("3 persons, 3240 out of pocket (= 3 × 1080): likely, 1080–3240; 3241 (beyond the ordinary 1080 a person): the special-hardship cap may apply, 1080–6480", () => {
    const at = aidAt("neijiang-dongxing", "2020-08-01", { ...fire, outOfPocket: 3240 });
    expect(amounts(at)).toMatchObject({ outcome: "likely", oneOff: { min: 1080, max: 3240 } });
    const over = aidAt("neijiang-dongxing", "2020-08-01", { ...fire, outOfPocket: 3241 });
    expect(amounts(over)).toMatchObject({ outcome: "likely", oneOff: { min: 1080, max: 6480 } });
  });

  it("3 persons, 6480 out of pocket (= 3 × 2160, not beyond the cap): likely, 1080–6480, no 一事一议", () => {
    const r = aidAt("neijiang-dongxing", "2020-08-01", { ...fire, outOfPocket: 6480 });
    expect(amounts(r)).toMatchObject({ outcome: "likely", oneOff: { min: 1080, max: 6480 } });
    expect(codes(r)).not.toContain("aid_case_by_case");
  });

  it("3 persons, 6481 out of pocket (> 3 × 2160): still likely — the size of the loss never decides the outcome — at least 1080 with no upper figure, 一事一议 above 6480", () => {
    const r = aidAt("neijiang-dongxing", "2020-08-01", { ...fire, outOfPocket: 6481 });
    expect(amounts(r)).toMatchObject({ outcome: "likely", oneOff: { min: 1080, max: null } });
    expect(reasonOf(r, "aid_case_by_case")).toMatchObject({
      source: DONGXING,
      values: { outOfPocket: 6481, capTotal: 6480 },
    });
  });

  it("out-of-pocket costs unknown: likely, at least 1080 with no upper figure, naming emergency.outOfPocket as what would settle the range", () => {
    const r = aidAt("neijiang-dongxing", "2020-08-01", { ...fire, outOfPocket: undefined });
    expect(amounts(r)).toMatchObject({ outcome: "likely", oneOff: { min: 1080, max: null } });
    expect(r.missing).toEqual(["emergency.outOfPocket"]);
  });

  it("no emergency: unlikely, no one-off", () => {
    const r = aidAt("neijiang-dongxing", "2020-08-01", null);
    expect(amounts(r)).toMatchObject({ outcome: "unlikely", oneOff: null });
  });

  it("Dongxing follows the national place rule: no local hukou, a 支出型 expense here → unlikely", () => {
    const r = aidAt(
      "neijiang-dongxing",
      "2020-08-01",
      { ...fire, category: "expense" },
      { localHukou: false },
    );
    expect(amounts(r)).toMatchObject({ outcome: "unlikely", oneOff: null });
  });
});
