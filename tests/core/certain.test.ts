// certain: true exactly when no completion of the unknown facts and no discretionary clause could change
// the outcome — a hard fact decides it. Worked examples, then the property against the interval logic.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPolicies } from "../../core/policies/index.ts";
import type { Result } from "../../core/schema/screening.ts";
import { screen } from "../../core/screen.ts";
import { related, situationAndFact, withoutFact } from "./arbitraries.ts";
import { household, resultFor, screenAt } from "./clauses/dibao-helpers.ts";
import { adult, tekunPerson } from "./clauses/program-helpers.ts";

const policies = createPolicies();
const today = "2026-11-22";

describe("certain results: a hard fact decides", () => {
  it("18 or over for the children's programs, no disability for the subsidies, no emergency for temporary aid: unlikely and certain", () => {
    const s = screenAt(household("wuxi", "2025-08-01", [adult({ relation: "self", age: 18 })]));
    for (const program of [
      "unsupported_child",
      "orphan",
      "disability_living_subsidy",
      "disability_care_subsidy",
    ] as const) {
      expect(resultFor(s, program, 0), program).toMatchObject({ outcome: "unlikely", certain: true });
    }
    expect(resultFor(s, "temporary_aid")).toMatchObject({ outcome: "unlikely", certain: true });
  });

  it("a hukou elsewhere where only the hukou place may apply (东兴区 三(一)): 低保 unlikely and certain; with 普宁's residence permit (二(九)) it is possible and not certain", () => {
    const elsewhere = household("neijiang-dongxing", "2020-09-01", [adult({ relation: "self" })], {
      area: "rural",
      localHukou: false,
    });
    expect(resultFor(screenAt(elsewhere), "dibao")).toMatchObject({ outcome: "unlikely", certain: true });
    const permit = household("puning", "2022-01-10", [adult({ relation: "self" })], {
      area: "rural",
      localHukou: false,
    });
    expect(resultFor(screenAt(permit), "dibao")).toMatchObject({ outcome: "possible", certain: false });
  });

  it("an income above the standard is probable, not certain: the office assesses income (无锡 2025-07-01: 1751 a month > 1167); and the living subsidy that follows that refusal is not certain either", () => {
    const s = screenAt(
      household("wuxi", "2025-07-01", [
        adult({
          relation: "self",
          employed: true,
          income: [{ kind: "wage", monthly: 1751 }],
          disability: { grade: 3, category: "physical" },
        }),
      ]),
    );
    expect(resultFor(s, "dibao")).toMatchObject({ outcome: "unlikely", certain: false });
    expect(resultFor(s, "disability_living_subsidy", 0)).toMatchObject({
      outcome: "unlikely",
      certain: false,
    });
    // Able to work at 40 is a hard fact: 特困 is certain although an income reason stands beside it.
    expect(resultFor(s, "tekun", 0)).toMatchObject({ outcome: "unlikely", certain: true });
  });

  it("likely on hard facts is certain (a grade-1 certificate for the care subsidy; both parents dead for the orphan's allowance); likely on an income test is probable (无锡 75, alone, no income: 低保 and 特困)", () => {
    const care = screenAt(
      household("wuxi", "2025-07-01", [
        adult({ relation: "self", disability: { grade: 1, category: "physical" } }),
      ]),
    );
    expect(resultFor(care, "disability_care_subsidy", 0)).toMatchObject({ outcome: "likely", certain: true });
    const orphan = screenAt(
      household("wuxi", "2025-07-01", [
        adult({ relation: "self", age: 10, parents: ["deceased", "deceased"] }),
      ]),
    );
    expect(resultFor(orphan, "orphan", 0)).toMatchObject({ outcome: "likely", certain: true });
    const alone = screenAt(household("wuxi", "2025-07-01", [tekunPerson({ age: 75 })]));
    expect(resultFor(alone, "dibao")).toMatchObject({ outcome: "likely", certain: false });
    expect(resultFor(alone, "tekun", 0)).toMatchObject({ outcome: "likely", certain: false });
  });
});

describe("certain against the interval logic", () => {
  it("filling in any missing fact never changes a certain result's outcome, and a possible result is never certain", () => {
    fc.assert(
      fc.property(situationAndFact, ({ full, path }) => {
        const withGap = screen(withoutFact(full, path), { policies, today }).results;
        const filled = screen(full, { policies, today }).results;
        withGap.forEach((r, k) => {
          if (r.outcome === "possible") expect(r.certain).toBe(false);
          if (!r.certain) return;
          const f = filled[k] as Result;
          const hinted = r.missing.some((m) => related(path, m)) ? ` (${path} was listed as missing)` : "";
          expect(
            f.outcome,
            `${r.program}[${r.member}] was certain, changed when ${path} was filled${hinted}`,
          ).toBe(r.outcome);
        });
      }),
      { seed: 20261129, numRuns: 1000 },
    );
  });
});
