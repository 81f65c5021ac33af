// A situation in the staff's words: each fact beside the question that asks for it.

import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { createI18nSync } from "../../locales/i18n.ts";
import { renderFacts } from "../../locales/render.ts";

const jilin = JSON.parse(readFileSync(new URL("../fixtures/jilin.json", import.meta.url), "utf8"));

it("reads the 吉林 example as questions and answers: ages, income totals, yes/no, options", () => {
  const t = createI18nSync("en");
  const facts = new Map(renderFacts(t, jilin, "self").map((f) => [f.label, f.value]));
  const ask = (id: string, part: string, values: Record<string, unknown> = {}) =>
    t(`${id}::${part}`, { ns: "questions", keySeparator: false, nsSeparator: false, ...values });
  expect(facts.get(ask("member.ageBand", "text_self"))).toBe("48");
  // Income items (wage 900) read as the monthly total the interview asks for.
  expect(facts.get(ask("member.income", "text_self"))).toBe("900 yuan"); // a money answer says its unit
  expect(facts.get(ask("localHukou", "text_self"))).toBe("Yes");
  expect(facts.get(ask("area", "text_self"))).toBe(ask("area", "option::rural"));
  // Nothing that no question asks for (schemaVersion, jurisdiction's id) is listed.
  expect([...facts.values()]).not.toContain("1");
  expect([...facts.keys()].every((label) => label.length > 0)).toBe(true);
});

it("names household members by relation and reads an age band and a household total", () => {
  const t = createI18nSync("en");
  const situation = {
    ...jilin,
    members: [jilin.members[0], { relation: "parent", ageBand: { from: 60 } }],
    householdIncome: { monthly: 1500, pensionBasic: 200 },
  };
  const facts = new Map(renderFacts(t, situation, "self").map((f) => [f.label, f.value]));
  const ask = (id: string, part: string, values: Record<string, unknown> = {}) =>
    t(`${id}::${part}`, { ns: "questions", keySeparator: false, nsSeparator: false, ...values });
  // "your father or mother", never "household member 2"
  expect(facts.get(ask("member.ageBand", "text_member", { who: "your father or mother" }))).toBe(
    "60 or over",
  );
  expect(facts.get(ask("householdIncome", "text_self"))).toBe("1,500 yuan");
  expect(facts.get(ask("householdIncome.pensionBasic", "text_self"))).toBe("200 yuan");
});

it("words each answer as its question offers it: 有 / 没有, 没有残疾证, a parent's status by its label", () => {
  const t = createI18nSync("zh-CN");
  const situation = {
    ...jilin,
    members: [
      { ...jilin.members[0], disability: null, supportersAble: false },
      { relation: "child", age: 9, parents: ["present"] },
    ],
  };
  const facts = new Map(renderFacts(t, situation, "self").map((f) => [f.label, f.value]));
  const ask = (id: string, part: string, values: Record<string, unknown> = {}) =>
    t(`${id}::${part}`, { ns: "questions", keySeparator: false, nsSeparator: false, ...values });
  expect(facts.get(ask("member.supportersAble", "text_self"))).toBe("没有");
  expect(facts.get(ask("member.disability", "text_self"))).toBe("没有残疾证");
  const child = t("common:who.yours.child");
  expect(facts.get(ask("member.parent1", "text_member", { who: child }))).toBe(
    ask("member.parent1", "option::present"),
  );
});
