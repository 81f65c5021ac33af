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

  it("an unchanged income total keeps its kinds; a changed one is the agent's", () => {
    const paid: Situation = {
      ...before,
      members: [
        {
          relation: "self",
          age: 78,
          income: [
            { kind: "pension_basic", monthly: 900 },
            { kind: "wage", monthly: 100 },
          ],
        },
      ],
    };
    const same = keepEarlierPrecision(
      paid,
      rebuilt({ relation: "self", age: 78, income: [{ kind: "other", monthly: 1000 }] }),
    );
    expect(same.members[0]?.income).toEqual(paid.members[0]?.income);
    const more = keepEarlierPrecision(
      paid,
      rebuilt({ relation: "self", age: 78, income: [{ kind: "other", monthly: 1300 }] }),
    );
    expect(more.members[0]?.income).toEqual([{ kind: "other", monthly: 1300 }]);
  });

  it("an emergency still there keeps its kind and date; one answered away stays away", () => {
    const fire: Situation = {
      ...before,
      emergency: { kind: "fire", category: "urgent", date: "2026-11-20", basicLivingAtRisk: true },
    };
    expect(
      keepEarlierPrecision(fire, { ...before, emergency: { basicLivingAtRisk: true } }).emergency,
    ).toEqual(fire.emergency);
    expect(keepEarlierPrecision(fire, { ...before, emergency: null }).emergency).toBeNull();
  });
});
