// From conditions to a decision: a failed condition makes the program unlikely and only failures are
// told; otherwise an open one makes it possible, naming each path it hinges on once; otherwise likely.
// The tally adds conditions one by one into lists it reuses from one decision to the next; it must
// decide exactly as the rule written plainly, whatever decision came before.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FALSE, type Fact, TRUE, unknown } from "../../core/facts.ts";
import { citing, type Decision, decide, Tally } from "../../core/rules/decide.ts";

const RULE = { source: "东兴区工作机制 三(一)", basis: "seed" as const };

interface Spec {
  fact: Fact;
  onMet: string | null;
  onFailed: string | null;
  assessed: boolean;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  fact: fc.oneof(
    fc.constant(TRUE),
    fc.constant(FALSE),
    fc
      .uniqueArray(fc.constantFrom("assets", "localHukou", "members[0].age", "members[1].income"), {
        maxLength: 3,
      })
      .map((paths) => unknown(...paths)),
  ),
  onMet: fc.constantFrom(null, "met_a", "met_b"),
  onFailed: fc.constantFrom(null, "failed_a", "failed_b"),
  assessed: fc.boolean(),
});

const codeFor = (s: Spec) => (s.fact.v === false ? s.onFailed : s.onMet);

/** The rule written plainly, as the reference. */
function reference(specs: Spec[]): Decision {
  const reasonsOf = (list: Spec[]) =>
    list
      .filter((s) => codeFor(s) !== null)
      .map((s) => ({
        code: codeFor(s),
        source: RULE.source,
        basis: RULE.basis,
        values: { at: specs.indexOf(s) },
      }));
  const failed = specs.filter((s) => s.fact.v === false);
  if (failed.length > 0)
    return {
      outcome: "unlikely",
      reasons: reasonsOf(failed),
      missing: [],
      certain: failed.some((s) => !s.assessed),
    } as Decision;
  const open = specs.filter((s) => s.fact.v === undefined);
  return {
    outcome: open.length > 0 ? "possible" : "likely",
    reasons: reasonsOf(specs),
    missing: [...new Set(open.flatMap((s) => s.fact.missing))],
    certain: open.length === 0 && !specs.some((s) => s.assessed),
  } as Decision;
}

function tallied(t: Tally, specs: Spec[]): Decision {
  t.begin();
  specs.forEach((s, at) => {
    if (s.assessed) t.citeAssessed(s.fact, RULE, { at }, s.onMet, s.onFailed);
    else t.cite(s.fact, RULE, { at }, s.onMet, s.onFailed);
  });
  return t.decide();
}

describe("a tally decides as the plain rule", () => {
  it("for any conditions, after any decision before it, and from conditions kept as objects", () => {
    const t = new Tally();
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 4 }), fc.array(spec, { maxLength: 6 }), (before, specs) => {
        tallied(t, before);
        expect(tallied(t, specs)).toEqual(reference(specs));
        const kept = specs.map((s, at) => {
          const c = citing(s.fact, RULE, { at }, s.onMet, s.onFailed);
          c.assessed = s.assessed;
          return c;
        });
        expect(decide(t, kept)).toEqual(reference(specs));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("worked examples", () => {
  const t = new Tally();

  it("特困: able to work (a hard fact) is unlikely for certain, and only that failure is told", () => {
    t.begin();
    t.citeAssessed(TRUE, RULE, undefined, "tekun_no_income", "tekun_has_income");
    t.cite(FALSE, RULE, undefined, "tekun_unable_to_work", "tekun_able_to_work");
    t.citeAssessed(TRUE, RULE, undefined, "tekun_no_able_supporter", "tekun_has_able_supporter");
    const d = t.decide();
    expect(d).toMatchObject({ outcome: "unlikely", missing: [], certain: true });
    expect(d.reasons.map((r) => r.code)).toEqual(["tekun_able_to_work"]);
  });

  it("an income over the line (the office's assessment) is unlikely, but not certain", () => {
    t.begin();
    t.cite(TRUE, RULE, undefined, "tekun_unable_to_work", "tekun_able_to_work");
    t.citeAssessed(FALSE, RULE, undefined, "tekun_no_income", "tekun_has_income");
    expect(t.decide()).toMatchObject({ outcome: "unlikely", certain: false });
  });

  it("open on the hukou and the age: possible, each path once, in order", () => {
    t.begin();
    t.cite(unknown("localHukou"), RULE, undefined, null, "no_local_hukou", "hukou_unknown");
    t.cite(unknown("members[0].age", "localHukou"), RULE, undefined, null, "child_too_old");
    const d = t.decide();
    expect(d).toMatchObject({
      outcome: "possible",
      missing: ["localHukou", "members[0].age"],
      certain: false,
    });
    expect(d.reasons.map((r) => r.code)).toEqual(["hukou_unknown"]);
  });

  it("every condition met: likely, certain only when none rests on an assessment", () => {
    t.begin();
    t.cite(TRUE, RULE, undefined, "has_disability_certificate", "no_disability");
    expect(t.decide()).toMatchObject({ outcome: "likely", certain: true });
    t.begin();
    t.cite(TRUE, RULE, undefined, "has_disability_certificate", "no_disability");
    t.citeAssessed(TRUE, RULE, undefined, "household_on_dibao", "household_not_on_dibao");
    expect(t.decide()).toMatchObject({ outcome: "likely", certain: false });
  });
});
