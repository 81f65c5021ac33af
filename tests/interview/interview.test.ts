// The guided interview as a resident walks it: what it asks, in what order, and what it does with
// "I don't know", bad answers, going back and helping someone else.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  answer,
  back,
  buildSituation,
  forget,
  type InterviewState,
  next,
  type RawAnswer,
  simulate,
  start,
  summary,
} from "../../core/interview/index.ts";
import { createPolicies } from "../../core/policies/index.ts";
import type { Result } from "../../core/schema/screening.ts";
import { situationSchema } from "../../core/schema/situation.ts";
import { screen } from "../../core/screen.ts";

const policies = createPolicies();
const options = { policies };
const DONT_KNOW = { unknown: true } as const;

function give(state: InterviewState, key: string, raw: RawAnswer): InterviewState {
  const r = answer(state, key, raw, options);
  if (!r.ok) throw new Error(`${key}: ${r.issue.code}`);
  return r.state;
}

function currentKey(state: InterviewState): string {
  const step = next(state, options);
  if (step.done) throw new Error("interview already done");
  return step.question.key;
}

/** Answers whatever is asked (at most `limit` questions) from a script by key; "I don't know" for the rest. */
function walk(
  state: InterviewState,
  script: Record<string, RawAnswer>,
  limit = 60,
): { state: InterviewState; asked: string[] } {
  const asked: string[] = [];
  for (let i = 0; i < limit; i++) {
    const step = next(state, options);
    if (step.done) return { state, asked };
    asked.push(step.question.key);
    state = give(state, step.question.key, script[step.question.key] ?? DONT_KNOW);
  }
  return { state, asked };
}

const comparable = (r: Result) => [
  r.program,
  r.member,
  r.outcome,
  r.monthly,
  r.monthlyRange,
  r.oneOff,
  r.until,
];

describe("the interview's path", () => {
  it("starts with the jurisdiction, who is applying, the household by relation, then whether there is an emergency", () => {
    let s = start("2020-09-01");
    expect(currentKey(s)).toBe("jurisdiction");
    s = give(s, "jurisdiction", "neijiang-dongxing");
    expect(currentKey(s)).toBe("helping");
    s = give(s, "helping", "self");
    expect(currentKey(s)).toBe("household");
    s = give(s, "household", "spouse,child_minor");
    expect(currentKey(s)).toBe("emergency");
    expect(buildSituation(s)?.members.map((m) => m.relation)).toEqual(["self", "spouse", "child"]);
  });

  it("needs the intro answered: 'I don't know' for the jurisdiction is re-asked", () => {
    const r = answer(start("2020-09-01"), "jurisdiction", DONT_KNOW, options);
    expect(r).toEqual({ ok: false, issue: { code: "required", values: {} } });
  });

  it("asks a family of three about the household once: one income total, 'who…?' lists, no member's own income", () => {
    // 东兴区 2020: a couple and their 9-year-old with 2,400 a month together. 2,400 / 3 = 800 a head is above
    // 360, so no dibao; with a parent present the child is neither an orphan nor unsupported.
    const { asked, state } = walk(start("2020-09-01"), {
      jurisdiction: "neijiang-dongxing",
      helping: "self",
      household: "spouse,child_minor",
      emergency: "no",
      householdIncome: "2,400元",
      "household.age60": "none",
      "member.ageBand@2": "9岁",
      "household.disability": "none",
      "household.illness": "none",
      "member.parent1@2": "present",
      "member.supportersAble@2": "yes",
      hukou: "local_rural", // where the hukou is and of which kind, in one answer
      assets: "within_limits",
      "household.expenses": "no", // else medical costs the office may deduct could still bring it under
      currentBenefits: "none", // else a 渐退 transition could still apply
    });
    expect(asked).toContain("householdIncome");
    expect(asked.filter((k) => k.startsWith("member.income"))).toEqual([]);
    // The roster says the spouse is an adult, and "who is 60 or over?" settles the couple's ages.
    expect(asked.filter((k) => k.startsWith("member.ageBand"))).toEqual(["member.ageBand@2"]);
    expect(asked.filter((k) => k.startsWith("member.disability"))).toEqual([]); // "no one" answered it for all
    expect(asked).toContain("member.parent1@2");
    expect(asked).not.toContain("member.parent2@2"); // one parent present already rules both programs out
    expect(asked.length).toBeLessThanOrEqual(16);
    const done = next(state, options);
    expect(done.done).toBe(true);
    if (done.done)
      expect(done.screening?.results[0]).toMatchObject({ program: "dibao", outcome: "unlikely" });
    expect(done.progress.left).toBe(0);
    expect(buildSituation(state)?.householdIncome).toEqual({ monthly: 2400 });
    expect(buildSituation(state)?.members[2]?.ageBand).toEqual({ from: 0, to: 15 });
  });

  it("asks 'who has a disability certificate?' once, then the grade only for those picked", () => {
    let s = walk(
      start("2021-03-01"),
      { jurisdiction: "wuxi", helping: "self", household: "child_adult" },
      3,
    ).state;
    s = give(s, "household.disability", "none");
    expect(buildSituation(s)?.members.map((m) => m.disability)).toEqual([null, null]);
    s = give(s, "household.disability", "2"); // the adult child
    expect(buildSituation(s)?.members.map((m) => m.disability)).toEqual([null, {}]);
    s = give(s, "member.disability.grade@1", "2");
    expect(buildSituation(s)?.members[1]?.disability).toEqual({ grade: 2 });
    // "I don't know" to "who?": each member is then asked on their own.
    s = give(s, "household.disability", DONT_KNOW);
    expect(buildSituation(s)?.members.map((m) => m.disability)).toEqual([undefined, undefined]);
    expect(answer(s, "member.disability@0", "none", options).ok).toBe(true);
  });

  it("asks 'who is 16 or over?' once for two children under 18, where 特困 turns at 16", () => {
    const { asked, state } = walk(start("2026-03-01"), {
      jurisdiction: "wuxi",
      helping: "self",
      household: "spouse,child_minor,child_minor",
      emergency: "no",
      "household.age60": "none",
      "household.age16": "4", // the younger child (member 4) is 16 or 17
    });
    expect(asked).toContain("household.age16");
    expect(asked.filter((k) => k.startsWith("member.ageBand"))).toEqual([]);
    // 1-based in the answer, 0-based in the situation: member 3 is under 16, member 4 is 16–17.
    expect(
      buildSituation(state)
        ?.members.slice(2)
        .map((m) => m.ageBand),
    ).toEqual([
      { from: 0, to: 15 },
      { from: 16, to: 17 },
    ]);
  });

  it("asks once which children have no parent caring for them; the others have a parent present", () => {
    let s = walk(
      start("2026-03-01"),
      { jurisdiction: "wuxi", helping: "self", household: "spouse,child_minor,child_minor" },
      3,
    ).state;
    s = give(s, "who.parentsAway", "none");
    // One parent present settles both children's programs (民发〔2020〕125号 一; 国办发〔2010〕54号 一).
    expect(
      buildSituation(s)
        ?.members.slice(2)
        .map((m) => m.parents),
    ).toEqual([["present"], ["present"]]);
    const results = next(s, options);
    const open = results.done ? [] : [results.question.key];
    expect(open.some((k) => k.startsWith("member.parent"))).toBe(false);
    // Picked: that child's parents are asked one by one.
    s = give(s, "who.parentsAway", "4");
    expect(buildSituation(s)?.members[3]?.parents).toBeUndefined();
    expect(answer(s, "member.parent1@3", "deceased", options).ok).toBe(true);
    expect(answer(s, "member.parent1@2", "deceased", options)).toMatchObject({
      ok: false,
      issue: { code: "not_applicable" },
    });
  });

  it("asks a yes/no that two members are open for as one 'who…?', and fills both", () => {
    // 江门: an elderly couple; whether each has an able supporter decides 特困 for each.
    const jiangmen = situationSchema.parse(
      JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "jiangmen.json"), "utf8")),
    );
    const sim = simulate(jiangmen, { policies, today: "2026-11-22" });
    expect(sim.asked).toContain("who.supportersAble");
    expect(sim.asked.filter((k) => k.startsWith("member.supportersAble"))).toEqual([]);
    const i = sim.asked.indexOf("who.supportersAble");
    const before = sim.states[i] as InterviewState;
    const q = next(before, options);
    if (q.done) throw new Error("done too early");
    expect(q.question.options).toEqual(["1", "2"]);
    const s = give(before, "who.supportersAble", "2");
    expect(buildSituation(s)?.members.map((m) => m.supportersAble)).toEqual([false, true]);
  });

  it("keeps 'I don't know' unknown, and the result then says possible and names it", () => {
    const { state } = walk(start("2020-09-01"), {
      jurisdiction: "neijiang-dongxing",
      helping: "self",
      household: "alone",
      emergency: "no",
      "member.ageBand@0": 45,
      "member.income@0": 100,
      hukou: "local_rural",
      // assets: I don't know
    });
    const done = next(state, options);
    if (!done.done) throw new Error("not done");
    const dibao = done.screening?.results[0];
    expect(dibao).toMatchObject({ outcome: "possible", monthly: 260 }); // 360 − 100
    expect(dibao?.missing).toContain("assets");
  });

  it("never raises 'about N left' by more than the questions an answer opened", () => {
    const jilin = situationSchema.parse(
      JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "jilin.json"), "utf8")),
    );
    const sim = simulate(jilin, { policies, today: "2026-11-22" });
    // Before the roster the estimate already counts a household's questions: no jump from "1 left" to 15.
    expect(sim.left[0]).toBeGreaterThan(8);
    sim.left.slice(1).forEach((left, i) => {
      const opened = next(sim.states[i + 1] as InterviewState, options);
      expect(left - (sim.left[i] as number) + 1, `after ${sim.asked[i]}`).toBeLessThanOrEqual(
        opened.progress.left,
      );
    });
    expect(sim.left.at(-1)).toBe(1);
  });
});

describe("bad answers get a re-ask and change nothing", () => {
  const ready = () =>
    walk(
      start("2020-09-01"),
      { jurisdiction: "wuxi", helping: "self", household: "parent", emergency: "no" },
      4,
    ).state;

  it.each([
    ["member.ageBand@0", "300", "too_big"],
    ["member.ageBand@0", "lots", "not_an_option"],
    ["householdIncome", "abc", "not_a_number"],
    ["household", "0", "too_small"],
    ["household", "11", "too_big"],
    ["household", "spouse,cousin", "not_a_number"],
    ["household.disability", "3", "not_an_option"], // there are two people
    ["household.disability", "朋友", "not_an_option"],
    ["povertyExitedOn", "2030-01-01", "date_after_as_of"],
    ["povertyExitedOn", "yesterday", "not_a_date"],
    ["assets", "lots", "not_an_option"],
  ])("%s = %j is refused with %s", (key, raw, code) => {
    const before = ready();
    const frozen = JSON.stringify(before);
    const r = answer(before, key, raw, options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.code).toBe(code);
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it("the re-ask's example fits the question: a number of people (3), an amount (1200); 六五 is refused, never read as 5", () => {
    const examples = [
      ["household", "lots"],
      ["householdIncome", "abc"],
    ].map(([key, raw]) => {
      const r = answer(ready(), key as string, raw as string, options);
      return r.ok ? null : r.issue.values.example;
    });
    expect(examples).toEqual([3, 1200]);
    expect(answer(ready(), "member.ageBand@0", "六五", options)).toMatchObject({
      ok: false,
      issue: { code: "not_an_option" },
    });
  });

  it("names the range in years when an age falls outside what the roster said ('under 18' and 40)", () => {
    const s = walk(
      start("2020-09-01"),
      { jurisdiction: "wuxi", helping: "self", household: "child_minor" },
      3,
    ).state;
    expect(answer(s, "member.ageBand@1", "40岁", options)).toEqual({
      ok: false,
      issue: { code: "too_big", values: { minimum: 0, maximum: 17, unit: "years" } },
    });
  });

  it("takes ages and amounts as people type them — 65岁, 每月800元 — and 没有 as no income at all", () => {
    const aged = answer(ready(), "member.ageBand@0", "65岁", options);
    expect(aged.ok && aged.state.answers["member.ageBand@0"]).toEqual({ value: "60-" });
    const earning = answer(ready(), "householdIncome", "每月800元", options);
    expect(earning.ok && earning.state.answers.householdIncome).toEqual({ value: 800 });
    const none = answer(ready(), "householdIncome", "没有", options);
    expect(none.ok && none.state.answers.householdIncome).toEqual({ value: 0 });
  });

  it("takes the household typed as a number of people, and a pick-list typed as numbers", () => {
    const typed = answer(start("2020-09-01"), "household", "3口人", options);
    expect(typed.ok && typed.state.answers.household).toEqual({ value: "other,other" });
    const picked = answer(ready(), "household.disability", "2、1", options);
    expect(picked.ok && picked.state.answers["household.disability"]).toEqual({ value: "1,2" });
    const none = answer(ready(), "household.disability", "没有", options);
    expect(none.ok && none.state.answers["household.disability"]).toEqual({ value: "none" });
  });

  it("takes the last member's pension against their income by rest: (3,000 − 1,500) = 1,500", () => {
    let s = walk(
      start("2026-11-27"),
      { jurisdiction: "jiangmen", helping: "self", household: "parent" },
      3,
    ).state;
    s = give(s, "householdIncome", 3000);
    s = give(s, "householdIncome.pensionBasic", 400);
    s = give(s, "member.income@0", 1500);
    expect(answer(s, "member.income.pensionBasic@1", 400, options).ok).toBe(true);
    expect(answer(s, "member.income.pensionBasic@1", 1600, options)).toEqual({
      ok: false,
      issue: { code: "part_exceeds_total", values: { total: 1500 } },
    });
  });

  it("refuses a household of more than 10, saying so in people", () => {
    const eleven = Array.from({ length: 10 }, () => "child_adult").join(",");
    expect(answer(start("2026-11-27"), "household", eleven, options)).toEqual({
      ok: false,
      issue: { code: "too_big", values: { minimum: 1, maximum: 10, unit: "people" } },
    });
  });

  it("a different household asks about its members again: answers by member number are dropped", () => {
    let s = walk(
      start("2026-11-27"),
      { jurisdiction: "wuxi", helping: "self", household: "spouse,parent" },
      3,
    ).state;
    s = give(s, "household.disability", "2");
    s = give(s, "member.disability.grade@1", "1");
    s = give(s, "householdIncome", 900);
    s = give(s, "household", "parent,spouse");
    expect(Object.keys(s.answers).sort()).toEqual([
      "helping",
      "household",
      "householdIncome",
      "jurisdiction",
    ]);
  });

  it("refuses a pension part larger than the household's whole income", () => {
    let s = ready();
    s = give(s, "householdIncome", 500);
    const r = answer(s, "householdIncome.pensionBasic", 600, options);
    expect(r).toEqual({ ok: false, issue: { code: "part_exceeds_total", values: { total: 500 } } });
  });
});

describe("going back and changing answers", () => {
  it("back() takes back the last answer and asks its question again", () => {
    let s = walk(
      start("2020-09-01"),
      { jurisdiction: "wuxi", helping: "self", household: "spouse", emergency: "no", hukou: "local_urban" },
      5,
    ).state;
    const asked = currentKey(s);
    expect(asked).toBe("householdIncome");
    s = give(s, asked, 50);
    s = back(s);
    expect(currentKey(s)).toBe(asked);
    expect(summary(s).map((a) => a.key)).toEqual([
      "jurisdiction",
      "helping",
      "household",
      "emergency",
      "hukou",
    ]);
  });

  it("drops answers that no longer apply: a smaller household loses its third member's answers", () => {
    let s = walk(
      start("2020-09-01"),
      { jurisdiction: "wuxi", helping: "self", household: "spouse,child_minor", emergency: "yes" },
      4,
    ).state;
    s = give(s, "member.ageBand@2", 9);
    s = give(s, "emergency.basicLivingAtRisk", "yes");
    s = give(s, "household", "spouse");
    s = give(s, "emergency", "no");
    expect(Object.keys(s.answers).sort()).toEqual(["emergency", "helping", "household", "jurisdiction"]);
    expect(forget(s, "emergency").answers.emergency).toBeUndefined();
  });

  it("is plain JSON: a stored and reloaded state continues the same way", () => {
    const s = walk(
      start("2020-09-01"),
      { jurisdiction: "jilin", helping: "self", household: "parent" },
      3,
    ).state;
    const reloaded = JSON.parse(JSON.stringify(s)) as InterviewState;
    expect(next(reloaded, options)).toEqual(next(s, options));
    expect(reloaded.version).toBe(2);
  });
});

describe("helping someone else", () => {
  it("phrases the questions about the person helped, names the others by relation, and never asks the helper's details", () => {
    let s = start("2022-03-15");
    s = give(s, "jurisdiction", "puning");
    s = give(s, "helping", "helping");
    s = give(s, "household", "spouse");
    const ready = give(give(s, "emergency", "no"), "hukou", "local");
    const first = next(ready, options);
    if (first.done) throw new Error("done too early");
    expect(first.question).toMatchObject({ subject: "helping", household: ["self", "spouse"] });
    const { asked } = walk(s, { emergency: "no", householdIncome: 0, "household.age60": "1,2" });
    // The helper's name and phone are asked when the request is sent, not in the interview.
    expect(asked.some((k) => k.startsWith("applicant."))).toBe(false);
  });
});

describe("the simulated interview equals screen() on the whole situation", () => {
  for (const id of ["neijiang-dongxing", "wuxi", "jiangmen", "puning", "jilin"]) {
    it(`for the ${id} example`, () => {
      const s = situationSchema.parse(
        JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", `${id}.json`), "utf8")),
      );
      const sim = simulate(s, { policies, today: "2026-11-22" });
      const direct = screen(s, { policies, today: "2026-11-22" });
      expect(sim.screening?.results.map(comparable)).toEqual(direct.results.map(comparable));
      expect(sim.asked.length).toBeLessThanOrEqual(20);
    });
  }
});
