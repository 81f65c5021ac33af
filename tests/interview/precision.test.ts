// A correction through the interview keeps what the stored facts knew more precisely — where the
// corrected answer still agrees with it — and takes the agent's change where it does not.

import { describe, expect, it } from "vitest";
import { keepEarlierPrecision } from "../../core/interview/precision.ts";
import type { Situation } from "../../core/schema/situation.ts";

const before: Situation = {
  schemaVersion: 1,
  jurisdiction: "wuxi",
  members: [{ relation: "self", age: 78, disability: { grade: 2, category: "physical" } }],
};
const rebuilt = (member: Situation["members"][number]): Situation => ({ ...before, members: [member] });

describe("keepEarlierPrecision", () => {
  it("78 lies in the band 60 or over: the exact age stays", () => {
    const after = keepEarlierPrecision(
      before,
      rebuilt({ relation: "self", ageBand: { from: 60 }, disability: { grade: 2 } }),
    );
    expect(after.members[0]).toEqual({
      relation: "self",
      age: 78,
      disability: { grade: 2, category: "physical" },
    });
  });

  it("a band that no longer holds 78 (corrected to 16–17): the agent's answer wins", () => {
    const after = keepEarlierPrecision(before, rebuilt({ relation: "self", ageBand: { from: 16, to: 17 } }));
    expect(after.members[0]).toEqual({ relation: "self", ageBand: { from: 16, to: 17 } });
  });

  it("a disability grade changed from 2 to 1: the old category is not carried to the new grade", () => {
    const after = keepEarlierPrecision(
      before,
      rebuilt({ relation: "self", age: 78, disability: { grade: 1 } }),
    );
    expect(after.members[0]?.disability).toEqual({ grade: 1 });
  });

  it("another household (a different roster): nothing is carried over", () => {
    const two: Situation = {
      ...before,
      members: [{ relation: "self", ageBand: { from: 60 } }, { relation: "spouse" }],
    };
    expect(keepEarlierPrecision(before, two)).toEqual(two);
  });
});
