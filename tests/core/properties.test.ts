// Properties every screening keeps, over generated situations (tests/core/arbitraries.ts), with a fixed
// seed so a failure replays the same way everywhere.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../../core/dates.ts";
import { createPolicies } from "../../core/policies/index.ts";
import { HOUSEHOLD_PROGRAMS, type Program } from "../../core/schema/enums.ts";
import { type Result, type Screening, screeningSchema } from "../../core/schema/screening.ts";
import { type Situation, situationSchema } from "../../core/schema/situation.ts";
import { screen, screenInput } from "../../core/screen.ts";
import { money, related, situationAndFact, situationArb, withoutFact } from "./arbitraries.ts";

const SEED = 20261122;
const RUNS = { seed: SEED, numRuns: 1000 };
const policies = createPolicies();
const today = "2026-11-22";

function run(s: Situation): Screening {
  return screen(s, { policies, today });
}

/** What a result tells a resident they may get: the parts that must not move when they should not. */
function estimate(r: Result) {
  return {
    outcome: r.outcome,
    monthly: r.monthly,
    monthlyRange: r.monthlyRange,
    oneOff: r.oneOff,
    until: r.until,
  };
}

function label(r: Result): string {
  return r.member === null ? r.program : `${r.program}[${r.member}]`;
}

const OPPOSITE = { likely: "unlikely", unlikely: "likely", possible: null } as const;

describe("every schema-valid situation is screened", () => {
  it("never throws, and the screening passes the screening schema", () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        expect(situationSchema.safeParse(s).success, "the generator made an invalid situation").toBe(true);
        const out = screenInput(s, { policies, today });
        expect(out.ok, JSON.stringify(out.ok ? null : out.issues)).toBe(true);
        if (!out.ok) return;
        const checked = screeningSchema.safeParse(out.screening);
        expect(checked.success, checked.success ? "" : JSON.stringify(checked.error.issues)).toBe(true);
      }),
      RUNS,
    );
  });

  it("lists all eight programs in the contract's order: household ones once, member ones per member in order", () => {
    const memberProgram = (p: Program) => !HOUSEHOLD_PROGRAMS.includes(p);
    fc.assert(
      fc.property(situationArb, (s) => {
        const n = s.members.length;
        const each = (p: Program) => Array.from({ length: n }, (_, i) => ({ program: p, member: i }));
        const expected = [
          { program: "dibao", member: null },
          ...each("dibao_single"),
          ...each("tekun"),
          { program: "temporary_aid", member: null },
          ...each("unsupported_child"),
          ...each("orphan"),
          ...each("disability_living_subsidy"),
          ...each("disability_care_subsidy"),
        ];
        const got = run(s).results.map((r) => ({ program: r.program, member: r.member }));
        expect(got).toEqual(expected);
        for (const r of got) expect(r.member === null).toBe(!memberProgram(r.program));
      }),
      RUNS,
    );
  });
});

/** A situation, a member whose income is known, and a wage to add to it. */
const moreWage = fc
  .tuple(situationArb, fc.nat(), money)
  .filter(([s]) => s.members.some((m) => m.income !== undefined))
  .map(([s, pick, wage]) => {
    const known = s.members.flatMap((m, i) => (m.income !== undefined ? [i] : []));
    return { s, member: known[pick % known.length] as number, wage };
  });

function addWage(s: Situation, member: number, wage: number): Situation {
  return {
    ...s,
    members: s.members.map((m, i) =>
      i === member ? { ...m, income: [...(m.income ?? []), { kind: "wage" as const, monthly: wage }] } : m,
    ),
  };
}

describe("more counted income never helps with dibao", () => {
  it("a household turned down (unlikely) is never made likely by a higher wage", () => {
    fc.assert(
      fc.property(moreWage, ({ s, member, wage }) => {
        const before = run(s).results[0] as Result;
        const after = run(addWage(s, member, wage)).results[0] as Result;
        if (before.outcome === "unlikely") expect(after.outcome).not.toBe("likely");
      }),
      RUNS,
    );
  });

  it("outside a transition (渐退), a higher wage never raises the monthly amount", () => {
    // The transition keeps a household's old amount just above the line by design, so it is left out:
    // not on dibao now, income never rose above the standard, never exited poverty.
    const outsideTransition = moreWage.map(({ s, member, wage }) => ({
      s: {
        ...s,
        incomeAboveStandardSince: null,
        povertyExitedOn: null,
        currentBenefits: { ...s.currentBenefits, dibao: null },
      },
      member,
      wage,
    }));
    fc.assert(
      fc.property(outsideTransition, ({ s, member, wage }) => {
        const before = run(s).results[0] as Result;
        const after = run(addWage(s, member, wage)).results[0] as Result;
        if (before.monthly !== null && after.monthly !== null)
          expect(after.monthly, `dibao monthly with ${wage} more wage`).toBeLessThanOrEqual(before.monthly);
      }),
      {
        ...RUNS,
        // Wuxi, standard 900: a wage of 1 gives 899; a wage of 900, which only the office's discretionary
        // deduction of 900 in employment costs brings under the standard, must not give more.
        examples: [
          [
            {
              s: {
                schemaVersion: 1,
                jurisdiction: "wuxi",
                asOf: "2019-06-03",
                registeredPoor: true,
                monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 900 },
                members: [{ income: [{ kind: "wage", monthly: 1 }] }],
                incomeAboveStandardSince: null,
                povertyExitedOn: null,
                currentBenefits: { dibao: null },
              },
              member: 0,
              wage: 899,
            },
          ],
        ],
      },
    );
  });
});

describe("the household's statement that its income rose above the standard", () => {
  const RANK = { unlikely: 0, possible: 1, likely: 2 } as const;
  const IN_TRANSITION = new Set(["transition_period", "transition_discretionary", "dibao_either_way"]);

  it("never makes dibao more likely once its transition has ended than no statement at all", () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        // Ten years before the date screened: every pack's transition that runs from it has ended.
        const since = addMonths(s.asOf ?? today, -120);
        const stated = run({ ...s, incomeAboveStandardSince: since }).results[0] as Result;
        const none = run({ ...s, incomeAboveStandardSince: null }).results[0] as Result;
        // A transition still running from another trigger (吉林's poverty exit, to 2020-12-31) is not ended.
        if (stated.reasons.some((r) => IN_TRANSITION.has(r.code))) return;
        expect(
          RANK[stated.outcome],
          `stated since ${since}: ${stated.outcome}; none: ${none.outcome}`,
        ).toBeLessThanOrEqual(RANK[none.outcome]);
      }),
      RUNS,
    );
  });
});

describe("unknown facts", () => {
  it("filling in a fact a result does not list as missing never changes that result's estimate", () => {
    fc.assert(
      fc.property(situationAndFact, ({ full, path }) => {
        const partial = withoutFact(full, path);
        const withGap = run(partial).results;
        const filled = run(full).results;
        withGap.forEach((r, k) => {
          const f = filled[k] as Result;
          if (r.missing.some((m) => related(path, m))) return;
          expect(estimate(f), `${label(r)} changed when ${path} was filled in`).toEqual(estimate(r));
        });
      }),
      RUNS,
    );
  });

  it("forgetting a fact never turns likely into unlikely or unlikely into likely", () => {
    fc.assert(
      fc.property(situationAndFact, ({ full, path }) => {
        const known = run(full).results;
        const forgotten = run(withoutFact(full, path)).results;
        known.forEach((r, k) => {
          const after = (forgotten[k] as Result).outcome;
          expect(after, `${label(r)} was ${r.outcome}; without ${path} it is ${after}`).not.toBe(
            OPPOSITE[r.outcome],
          );
        });
      }),
      RUNS,
    );
  });
});
