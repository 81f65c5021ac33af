// The interview may skip a question only when no answer to it could change a result: on generated
// households, the simulated interview's outcomes, amounts, ranges and dates equal screen()'s.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../../core/interview/index.ts";
import { createPolicies } from "../../core/policies/index.ts";
import type { Result } from "../../core/schema/screening.ts";
import { screen } from "../../core/screen.ts";
import { situationArb } from "../core/arbitraries.ts";

const policies = createPolicies();
const comparable = (r: Result) => [
  r.program,
  r.member,
  r.outcome,
  r.monthly,
  r.monthlyRange,
  r.oneOff,
  r.until,
];

describe("the simulated interview on generated households", () => {
  it("gives the same answer as screening the whole situation (fixed seed)", () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const sim = simulate(s, { policies, today: "2026-11-22" });
        const direct = screen(s, { policies, today: "2026-11-22" });
        expect(sim.screening?.results.map(comparable)).toEqual(direct.results.map(comparable));
        expect(new Set(sim.asked).size).toBe(sim.asked.length); // no question twice
      }),
      { seed: 20261122, numRuns: 200 },
    );
  }, 120_000);
});
