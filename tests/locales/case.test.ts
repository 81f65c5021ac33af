// What an agent reads before dialling: whom the request is for and who applied, and the key facts in
// one sentence — a fact not given is left out, never guessed.

import { describe, expect, it } from "vitest";
import type { Situation } from "../../core/schema/situation.ts";
import { caseHeadline, keyFacts } from "../../locales/case.ts";
import { createI18nSync } from "../../locales/i18n.ts";

const zh = createI18nSync("zh-CN");
const en = createI18nSync("en");

const mother: Situation = {
  schemaVersion: 1,
  jurisdiction: "wuxi",
  members: [
    {
      relation: "self",
      age: 78,
      income: [{ kind: "pension_basic", monthly: 900 }],
      disability: { grade: 2, category: "physical" },
    },
  ],
};

describe("the case in a line", () => {
  it("78, alone, a basic pension of 900, a grade-2 physical disability", () => {
    expect(keyFacts(zh, mother)).toBe("78 岁，独居，月收入 900 元（其中基础养老金 900 元），二级肢体残疾");
    expect(keyFacts(en, mother)).toBe(
      "78, lives alone, income 900 yuan a month (basic pension 900 yuan), disability: Physical (肢体残疾), Grade 2",
    );
  });

  it("a family of three with a household total and an age band; an emergency said last", () => {
    const family: Situation = {
      schemaVersion: 1,
      jurisdiction: "jilin",
      members: [{ relation: "self", ageBand: { from: 60 } }, { relation: "spouse" }, { relation: "child" }],
      householdIncome: { monthly: 1500 },
      emergency: { basicLivingAtRisk: true },
    };
    expect(keyFacts(zh, family)).toBe("60岁及以上，3 口人，月收入 1,500 元，遇到急难、基本生活有困难");
  });

  it("nothing known of income: it is left out, not shown as 0", () => {
    const unknown: Situation = { schemaVersion: 1, jurisdiction: "wuxi", members: [{ relation: "self" }] };
    expect(keyFacts(zh, unknown)).toBe("独居");
  });

  it("names the person, and who applied when it was not them", () => {
    const helper = { kind: "helper" as const, name: "李秀兰", relationship: "child" };
    expect(caseHeadline(zh, { applicant: helper, person: { name: "王桂芳" } })).toBe("王桂芳 · 子女代办");
    expect(caseHeadline(zh, { applicant: { kind: "self", name: "赵建国" }, person: null })).toBe("赵建国");
    expect(caseHeadline(zh, { applicant: { kind: "self" }, person: null })).toBe("（没有留名字）");
  });
});
