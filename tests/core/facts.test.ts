// Three-valued and / or: a failed fact fails "all", a met one meets "any", and an open answer names
// every path the open facts hinge on, in order, each once. all/any (two to four facts) and
// allOf/anyOf (a list) give the same answers.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { all, allOf, any, anyOf, FALSE, type Fact, TRUE, unknown } from "../../core/facts.ts";

const fact: fc.Arbitrary<Fact> = fc.oneof(
  fc.constant(TRUE),
  fc.constant(FALSE),
  fc
    .uniqueArray(fc.constantFrom("assets", "area", "members[0].age", "members[1].income"), { maxLength: 3 })
    .map((paths) => unknown(...paths)),
);

/** The rule written plainly, as the reference. */
function reference(kind: "all" | "any", facts: Fact[]): Fact {
  // The value that settles it at once: a failed fact for "all", a met one for "any".
  const decisive = kind === "any";
  if (facts.some((f) => f.v === decisive)) return decisive ? TRUE : FALSE;
  const open = facts.filter((f) => f.v === undefined);
  if (open.length === 0) return decisive ? FALSE : TRUE;
  return { v: undefined, missing: [...new Set(open.flatMap((f) => f.missing))] };
}

describe("all and any over two to four facts", () => {
  it("agree with the plain rule and with allOf / anyOf", () => {
    fc.assert(
      fc.property(fc.array(fact, { minLength: 2, maxLength: 4 }), (facts) => {
        const [a, b, c, d] = facts as [Fact, Fact, Fact?, Fact?];
        expect(all(a, b, c, d)).toEqual(reference("all", facts));
        expect(any(a, b, c, d)).toEqual(reference("any", facts));
        expect(allOf(facts)).toEqual(reference("all", facts));
        expect(anyOf(facts)).toEqual(reference("any", facts));
      }),
      { numRuns: 2000 },
    );
  });

  it("worked example: two open facts name their paths once, in the order met", () => {
    expect(all(unknown("members[0].age"), TRUE, unknown("assets", "members[0].age"))).toEqual({
      v: undefined,
      missing: ["members[0].age", "assets"],
    });
    expect(any(FALSE, unknown("members[0].age"), TRUE)).toBe(TRUE);
  });
});
