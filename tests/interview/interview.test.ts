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
  it("starts with the jurisdiction, who is applying, the household size, then whether there is an emergency", () => {
    let s = start("2020-09-01");
    expect(currentKey(s)).toBe("jurisdiction");
    s = give(s, "jurisdiction", "neijiang-dongxing");
    expect(currentKey(s)).toBe("helping");
    s = give(s, "helping", "self");
    expect(currentKey(s)).toBe("householdSize");
    s = give(s, "householdSize", "3");
    expect(currentKey(s)).toBe("emergency");
  });

  it("needs the intro answered: 'I don't know' for the jurisdiction is re-asked", () => {
    const r = answer(start("2020-09-01"), "jurisdiction", DONT_KNOW, options);
    expect(r).toEqual({ ok: false, issue: { code: "required", values: {} } });
  });

  it("asks about a child's parents only for the child, and stops once nothing can change", () => {
    // 东兴区 2020: a couple with 1,200 a month each and a 9-year-old. 2,400 / 3 = 800 a head is above 360, so no
    // dibao; with both parents present the child is neither an orphan nor unsupported.
    const { asked, state } = walk(start("2020-09-01"), {
      jurisdiction: "neijiang-dongxing",
      helping: "self",
      householdSize: 3,
      emergency: "no",
      "member.age@0": 40,
      "member.income@0": "1200",
      "member.age@1": 38,
      "member.income@1": "1,200元",
      "member.age@2": 9,
      "member.income@2": 0,
      "household.disability": "no",
      "household.illness": "no",
      "member.parent1@2": "present",
      "member.supportersAble@2": "yes",
      localHukou: "yes",
      assets: "within_limits",
      area: "rural",
      "household.expenses": "no", // else medical costs the office may deduct could still bring it under
      "currentBenefits.dibao": "no", // else a 渐退 transition could still apply
    });
    expect(asked).toContain("member.parent1@2");
    expect(asked).not.toContain("member.parent1@0");
    expect(asked).not.toContain("member.parent2@2"); // one parent present already rules both programs out
    expect(asked.filter((k) => k.startsWith("member.disability"))).toEqual([]); // "no one" answered it for all
    const done = next(state, options);
    expect(done.done).toBe(true);
    if (done.done)
      expect(done.screening?.results[0]).toMatchObject({ program: "dibao", outcome: "unlikely" });
    expect(done.progress.left).toBe(0);
  });

  it("lets 'no one has a disability certificate' answer for every member, and 'yes' lead to who and which grade", () => {
    let s = walk(start("2021-03-01"), { jurisdiction: "wuxi", helping: "self", householdSize: 2 }, 3).state;
    s = give(s, "household.disability", "no");
    expect(buildSituation(s)?.members.map((m) => m.disability)).toEqual([null, null]);
    s = give(s, "household.disability", "yes");
    expect(buildSituation(s)?.members.map((m) => m.disability)).toEqual([undefined, undefined]);
    s = give(s, "member.disability@0", "none");
    s = give(s, "member.disability@1", "2"); // certificate and grade in one answer
    expect(buildSituation(s)?.members.map((m) => m.disability)).toEqual([null, { grade: 2 }]);
    s = give(s, "member.disability@1", "yes"); // a certificate, grade not known
    expect(buildSituation(s)?.members[1]?.disability).toEqual({});
  });

  it("keeps 'I don't know' unknown, and the result then says possible and names it", () => {
    const { state } = walk(start("2020-09-01"), {
      jurisdiction: "neijiang-dongxing",
      helping: "self",
      householdSize: 1,
      emergency: "no",
      "member.age@0": 45,
      "member.income@0": 100,
      localHukou: "yes",
      area: "rural",
      // assets: I don't know
    });
    const done = next(state, options);
    if (!done.done) throw new Error("not done");
    const dibao = done.screening?.results[0];
    expect(dibao).toMatchObject({ outcome: "possible", monthly: 260 }); // 360 − 100
    expect(dibao?.missing).toContain("assets");
  });
});

describe("bad answers get a re-ask and change nothing", () => {
  const ready = () =>
    walk(start("2020-09-01"), { jurisdiction: "wuxi", helping: "self", householdSize: 1, emergency: "no" }, 4)
      .state;

  it.each([
    ["member.age@0", "300", "too_big"],
    ["member.age@0", "-1", "not_a_number"],
    ["member.age@0", "52.5", "not_whole"],
    ["member.income@0", "abc", "not_a_number"],
    ["householdSize", "0", "too_small"],
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

  it("the re-ask's example fits the question: an age (72), a number of people (3), an amount (1200); 六五 is refused, never read as 5", () => {
    const examples = [
      ["member.age@0", "六五"],
      ["householdSize", "lots"],
      ["member.income@0", "abc"],
    ].map(([key, raw]) => {
      const r = answer(ready(), key as string, raw as string, options);
      return r.ok ? null : r.issue.values.example;
    });
    expect(examples).toEqual([72, 3, 1200]);
  });

  it("takes an age or an amount as people type them — 65岁, 每月800元 — and 没有 as no income at all", () => {
    const aged = answer(ready(), "member.age@0", "65岁", options);
    expect(aged.ok && aged.state.answers["member.age@0"]).toEqual({ value: 65 });
    const earning = answer(ready(), "member.income@0", "每月800元", options);
    expect(earning.ok && earning.state.answers["member.income@0"]).toEqual({ value: 800 });
    const none = answer(ready(), "member.income@0", "没有", options);
    expect(none.ok && none.state.answers["member.income@0"]).toEqual({ value: 0 });
  });

  it("refuses a pension part larger than the whole income", () => {
    let s = ready();
    s = give(s, "member.income@0", 500);
    const r = answer(s, "member.income.pensionBasic@0", 600, options);
    expect(r).toEqual({ ok: false, issue: { code: "part_exceeds_total", values: { total: 500 } } });
  });
});

describe("going back and changing answers", () => {
  it("back() takes back the last answer and asks its question again", () => {
    let s = walk(
      start("2020-09-01"),
      { jurisdiction: "wuxi", helping: "self", householdSize: 2, emergency: "no", localHukou: "yes" },
      5,
    ).state;
    const asked = currentKey(s);
    expect(asked).toBe("member.age@0");
    s = give(s, asked, 50);
    s = back(s);
    expect(currentKey(s)).toBe(asked);
    expect(summary(s).map((a) => a.key)).toEqual([
      "jurisdiction",
      "helping",
      "householdSize",
      "emergency",
      "localHukou",
    ]);
  });

  it("drops answers that no longer apply: a smaller household loses its third member's answers", () => {
    let s = walk(
      start("2020-09-01"),
      { jurisdiction: "wuxi", helping: "self", householdSize: 3, emergency: "yes" },
      4,
    ).state;
    s = give(s, "member.age@2", 9);
    s = give(s, "emergency.basicLivingAtRisk", "yes");
    s = give(s, "householdSize", 2);
    s = give(s, "emergency", "no");
    expect(Object.keys(s.answers).sort()).toEqual(["emergency", "helping", "householdSize", "jurisdiction"]);
    expect(forget(s, "emergency").answers.emergency).toBeUndefined();
  });

  it("is plain JSON: a stored and reloaded state continues the same way", () => {
    const s = walk(
      start("2020-09-01"),
      { jurisdiction: "jilin", helping: "self", householdSize: 2 },
      3,
    ).state;
    const reloaded = JSON.parse(JSON.stringify(s)) as InterviewState;
    expect(next(reloaded, options)).toEqual(next(s, options));
    expect(reloaded.version).toBe(1);
  });
});

describe("helping someone else", () => {
  it("phrases the questions about the person helped and asks the helper's own details at the end", () => {
    let s = start("2022-03-15");
    s = give(s, "jurisdiction", "puning");
    s = give(s, "helping", "helping");
    s = give(s, "householdSize", 2);
    const ready = give(give(s, "emergency", "no"), "localHukou", "yes");
    const first = next(ready, options);
    if (first.done) throw new Error("done too early");
    expect(first.question).toMatchObject({ key: "member.age@0", subject: "helping" });
    const second = next(give(give(ready, "member.age@0", 80), "member.income@0", 0), options);
    if (second.done) throw new Error("done too early");
    expect(second.question).toMatchObject({ key: "member.age@1", subject: "member" });

    const { asked } = walk(s, { emergency: "no", "member.age@0": 80, "member.income@0": 0 });
    expect(asked.slice(-3)).toEqual(["applicant.relationship", "applicant.name", "applicant.phone"]);
  });

  it("does not ask a resident checking for themself about a helper", () => {
    const { asked } = walk(start("2022-03-15"), {
      jurisdiction: "puning",
      helping: "self",
      householdSize: 1,
    });
    expect(asked.some((k) => k.startsWith("applicant."))).toBe(false);
  });

  it("checks the helper's phone as a mainland mobile number", () => {
    let s = walk(start("2022-03-15"), { jurisdiction: "puning", helping: "helping", householdSize: 1 }).state;
    expect(answer(s, "applicant.phone", "12345", options)).toMatchObject({
      ok: false,
      issue: { code: "not_a_phone" },
    });
    s = give(s, "applicant.phone", "138 0013 8000");
    expect(s.answers["applicant.phone"]).toEqual({ value: "13800138000" });
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
      expect(sim.asked.length).toBeLessThanOrEqual(25);
    });
  }
});
