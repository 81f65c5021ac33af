// 事实无人抚养儿童 and 孤儿: the child's two parents decide. Worked from 民发〔2019〕62号, 民发〔2020〕125号,
// 国办发〔2010〕54号 and 东兴区工作机制 三(三) (900 a month for both, the unsupported child's topped up).

import { describe, expect, it } from "vitest";
import {
  adult,
  amounts,
  codes,
  type Jurisdiction,
  type MemberInput,
  reasonOf,
  resultFor,
  screenAt,
  situation,
} from "./program-helpers.ts";

const MF2019 = "民发〔2019〕62号 一";
const MF2020 = "民发〔2020〕125号 一";
const ORPHAN = "国办发〔2010〕54号 一";

type Parents = NonNullable<MemberInput["parents"]>;

/** A grandparent caring for a grandchild (member 1) whose parents are as given. */
function childAt(
  jurisdiction: Jurisdiction,
  asOf: string,
  parents: Parents | undefined,
  child: Partial<MemberInput> = {},
) {
  const grandchild: MemberInput = {
    relation: "grandchild",
    age: 9,
    income: [],
    disability: null,
    illness: null,
    ...(parents === undefined ? {} : { parents }),
    ...child,
  };
  const screening = screenAt(
    situation(jurisdiction, asOf, [adult({ relation: "self", age: 65 }), grandchild], { area: "rural" }),
  );
  return {
    unsupported: resultFor(screening, "unsupported_child", 1),
    orphan: resultFor(screening, "orphan", 1),
  };
}

const D = "2022-06-01";
const DX = "neijiang-dongxing" as const;

describe(`${MF2020}: both parents in one of the situations`, () => {
  it("both parents severely disabled (重残): likely, 900 a month in Dongxing (东兴区工作机制 三(三)3、4) — exact in 2020, at least 900 from 2021 (the next year's figure unconfirmed)", () => {
    const in2020 = childAt(DX, "2020-12-31", ["severe_disability", "severe_disability"]).unsupported;
    expect(amounts(in2020)).toMatchObject({ outcome: "likely", monthly: 900, monthlyRange: null });
    const { unsupported } = childAt(DX, D, ["severe_disability", "severe_disability"]);
    expect(amounts(unsupported)).toMatchObject({
      outcome: "likely",
      monthly: 900,
      monthlyRange: { min: 900, max: null },
    });
    expect(reasonOf(unsupported, "unsupported_child_parents").source).toBe(MF2020);
  });

  it("one severely disabled, one seriously ill (重病): likely", () => {
    expect(childAt(DX, D, ["severe_disability", "serious_illness"]).unsupported.outcome).toBe("likely");
  });

  it("one seriously ill, the other present and caring: unlikely, naming the clause", () => {
    const { unsupported } = childAt(DX, D, ["serious_illness", "present"]);
    expect(amounts(unsupported)).toMatchObject({ outcome: "unlikely", monthly: null });
    expect(reasonOf(unsupported, "unsupported_child_parents_not_met").source).toBe(MF2020);
  });

  it("both present: unlikely", () => {
    expect(childAt(DX, D, ["present", "present"]).unsupported.outcome).toBe("unlikely");
  });

  it("both imprisoned for 6 months or more (since 2021-12-01, as of 2022-06-01): likely", () => {
    const since = { status: "imprisoned" as const, since: "2021-12-01" };
    expect(childAt(DX, D, [since, since]).unsupported.outcome).toBe("likely");
  });

  it("both unreachable (失联) since 2021-12-01: 2022-05-31 is the day before the 6-month mark (unlikely), 2022-06-01 the mark itself (likely)", () => {
    const since = { status: "unreachable" as const, since: "2021-12-01" };
    expect(childAt(DX, "2022-05-31", [since, since]).unsupported.outcome).toBe("unlikely");
    expect(childAt(DX, "2022-06-01", [since, since]).unsupported.outcome).toBe("likely");
  });
});

describe(`${MF2020}: one parent dead or missing, the other in one of the situations`, () => {
  it("father deceased, mother seriously ill: likely", () => {
    expect(childAt(DX, D, ["deceased", "serious_illness"]).unsupported.outcome).toBe("likely");
  });

  it("father missing (declared 失踪), mother severely disabled: likely", () => {
    expect(childAt(DX, D, ["missing", "severe_disability"]).unsupported.outcome).toBe("likely");
  });

  it("father deceased, mother present: unlikely", () => {
    const { unsupported } = childAt(DX, D, ["deceased", "present"]);
    expect(unsupported.outcome).toBe("unlikely");
    expect(codes(unsupported)).toContain("unsupported_child_parents_not_met");
  });

  it.each([["imprisoned"], ["compulsory_rehab"], ["liberty_restricted"]] as const)(
    "father deceased, mother %s since 2021-12-01: a term of 6 months or more counts, so before the mark (2022-05-31) it may still qualify (possible), from the mark (2022-06-01) likely",
    (status) => {
      const parents: Parents = ["deceased", { status, since: "2021-12-01" }];
      const before = childAt(DX, "2022-05-31", parents).unsupported;
      expect(before.outcome).toBe("possible");
      expect(before.missing).toEqual([]); // the term's length is for the office to check
      expect(childAt(DX, "2022-06-01", parents).unsupported.outcome).toBe("likely");
    },
  );

  it("father deceased, mother unreachable (失联) since 2021-12-01: 失联 counts only once it has lasted 6 months — 2022-05-31 unlikely, 2022-06-01 likely", () => {
    const parents: Parents = ["deceased", { status: "unreachable", since: "2021-12-01" }];
    expect(childAt(DX, "2022-05-31", parents).unsupported.outcome).toBe("unlikely");
    expect(childAt(DX, "2022-06-01", parents).unsupported.outcome).toBe("likely");
  });

  it("father deceased, mother imprisoned with no start date: possible, naming members[1].parents[1].since", () => {
    const { unsupported } = childAt(DX, D, ["deceased", "imprisoned"]);
    expect(unsupported.outcome).toBe("possible");
    expect(unsupported.missing).toEqual(["members[1].parents[1].since"]);
  });

  it("a 6-month start date ending on a short month: 失联 since 2021-08-31, the mark is 2022-02-28", () => {
    const parents: Parents = ["deceased", { status: "unreachable", since: "2021-08-31" }];
    expect(childAt(DX, "2022-02-27", parents).unsupported.outcome).toBe("unlikely");
    expect(childAt(DX, "2022-02-28", parents).unsupported.outcome).toBe("likely");
  });

  it("both parents deceased: not an unsupported child but an orphan (orphan_instead)", () => {
    const { unsupported, orphan } = childAt(DX, D, ["deceased", "deceased"]);
    expect(unsupported.outcome).toBe("unlikely");
    expect(codes(unsupported)).toContain("orphan_instead");
    expect(orphan.outcome).toBe("likely");
  });

  it("parents not stated: possible, naming members[1].parents", () => {
    const { unsupported } = childAt(DX, D, undefined);
    expect(unsupported.outcome).toBe("possible");
    expect(unsupported.missing).toContain("members[1].parents");
  });
});

describe("民发〔2020〕125号 adds 被撤销监护资格 and 被遣送(驱逐)出境 from 2021-01-01 (national pack assumption)", () => {
  it("father deceased, mother's guardianship revoked: 2020-12-31 unlikely under 民发〔2019〕62号, 2021-01-01 likely", () => {
    const before = childAt(DX, "2020-12-31", ["deceased", "guardianship_revoked"]).unsupported;
    expect(before.outcome).toBe("unlikely");
    expect(reasonOf(before, "unsupported_child_parents_not_met").source).toBe(MF2019);
    const after = childAt(DX, "2021-01-01", ["deceased", "guardianship_revoked"]).unsupported;
    expect(after.outcome).toBe("likely");
    expect(reasonOf(after, "unsupported_child_parents").source).toBe(MF2020);
  });

  it("father deported, mother severely disabled: 2020-12-31 unlikely, 2021-01-01 likely", () => {
    expect(childAt(DX, "2020-12-31", ["deported", "severe_disability"]).unsupported.outcome).toBe("unlikely");
    expect(childAt(DX, "2021-01-01", ["deported", "severe_disability"]).unsupported.outcome).toBe("likely");
  });
});

describe(`${MF2019}: in force from 2019-07-01 (national pack assumption), for children under 18`, () => {
  it("2019-07-01, both parents severely disabled, Wuxi: likely, and no local amount (monthly null)", () => {
    const { unsupported } = childAt("wuxi", "2019-07-01", ["severe_disability", "severe_disability"]);
    expect(amounts(unsupported)).toMatchObject({ outcome: "likely", monthly: null, monthlyRange: null });
    expect(reasonOf(unsupported, "unsupported_child_parents").source).toBe(MF2019);
    expect(codes(unsupported)).toContain("figure_not_published");
    expect(codes(unsupported)).not.toContain("unsupported_child_top_up");
  });

  it("2019-06-30, before the national rule: unlikely", () => {
    const { unsupported } = childAt("wuxi", "2019-06-30", ["severe_disability", "severe_disability"]);
    expect(unsupported.outcome).toBe("unlikely");
  });

  it("2019-06-30: the unlikely result says why (no rule in force), as the contract asks of every unlikely", () => {
    const { unsupported } = childAt("wuxi", "2019-06-30", ["severe_disability", "severe_disability"]);
    expect(unsupported.reasons.length).toBeGreaterThan(0);
  });

  it("born 2004-06-01: 17 on 2022-05-31 (likely), 18 on 2022-06-01 (unlikely, child_too_old)", () => {
    const child = { age: undefined, birthDate: "2004-06-01" };
    const parents: Parents = ["severe_disability", "severe_disability"];
    expect(childAt(DX, "2022-05-31", parents, child).unsupported.outcome).toBe("likely");
    const at18 = childAt(DX, "2022-06-01", parents, child).unsupported;
    expect(at18.outcome).toBe("unlikely");
    expect(reasonOf(at18, "child_too_old")).toMatchObject({ source: MF2020, values: { underAge: 18 } });
  });

  it("age 17 likely, age 18 unlikely", () => {
    const parents: Parents = ["deceased", "severe_disability"];
    expect(childAt(DX, D, parents, { age: 17 }).unsupported.outcome).toBe("likely");
    expect(childAt(DX, D, parents, { age: 18 }).unsupported.outcome).toBe("unlikely");
  });
});

describe("东兴区工作机制 三(三)3、4: 900 a month, dibao or 特困 first and topped up to 900", () => {
  it("the guaranteed level is 900 and a reason says it is made up by a top-up", () => {
    const { unsupported } = childAt(DX, D, ["deceased", "serious_illness"]);
    expect(unsupported.monthly).toBe(900);
    expect(reasonOf(unsupported, "unsupported_child_level")).toMatchObject({
      source: "东兴区工作机制 三(三)3、4",
      basis: "seed",
      values: { amount: 900 },
    });
    expect(reasonOf(unsupported, "unsupported_child_top_up")).toMatchObject({
      source: "东兴区工作机制 三(三)3、4",
      values: { level: 900 },
    });
  });

  it("2020-08-01 (the document's year), both parents seriously ill: 900", () => {
    expect(childAt(DX, "2020-08-01", ["serious_illness", "serious_illness"]).unsupported.monthly).toBe(900);
  });

  it("not eligible (one parent present): no amount, no top-up reason", () => {
    const { unsupported } = childAt(DX, D, ["present", "serious_illness"]);
    expect(unsupported.monthly).toBeNull();
    expect(codes(unsupported)).not.toContain("unsupported_child_top_up");
  });
});

describe(`${ORPHAN} and 东兴区工作机制 三(三)2: 孤儿, both parents deceased or missing, under 18, 900 a month`, () => {
  it("both parents deceased: likely, 900 in Dongxing — exact in 2020, at least 900 from 2021-01-01", () => {
    const in2020 = childAt(DX, "2020-12-31", ["deceased", "deceased"]).orphan;
    expect(amounts(in2020)).toMatchObject({ outcome: "likely", monthly: 900, monthlyRange: null });
    expect(childAt(DX, "2021-01-01", ["deceased", "deceased"]).orphan.monthlyRange).toEqual({
      min: 900,
      max: null,
    });
    const { orphan } = childAt(DX, D, ["deceased", "deceased"]);
    expect(amounts(orphan)).toMatchObject({
      outcome: "likely",
      monthly: 900,
      monthlyRange: { min: 900, max: null },
    });
    expect(reasonOf(orphan, "orphan_both_parents").source).toBe(ORPHAN);
    expect(reasonOf(orphan, "orphan_level")).toMatchObject({
      source: "东兴区工作机制 三(三)2",
      basis: "seed",
      values: { amount: 900 },
    });
  });

  it("one deceased, one missing (查找不到): likely", () => {
    expect(childAt(DX, D, ["deceased", "missing"]).orphan.outcome).toBe("likely");
  });

  it("both missing: likely", () => {
    expect(childAt(DX, D, ["missing", "missing"]).orphan.outcome).toBe("likely");
  });

  it("one deceased, the other present: unlikely, naming the clause", () => {
    const { orphan } = childAt(DX, D, ["deceased", "present"]);
    expect(amounts(orphan)).toMatchObject({ outcome: "unlikely", monthly: null });
    expect(reasonOf(orphan, "orphan_parent_living").source).toBe(ORPHAN);
  });

  it("one deceased, the other unreachable for a year: not an orphan but an unsupported child", () => {
    const { orphan, unsupported } = childAt(DX, D, [
      "deceased",
      { status: "unreachable", since: "2021-01-01" },
    ]);
    expect(orphan.outcome).toBe("unlikely");
    expect(unsupported.outcome).toBe("likely");
  });

  it("born 2004-06-01, both parents deceased: 17 on 2022-05-31 (likely), 18 on 2022-06-01 (unlikely)", () => {
    const child = { age: undefined, birthDate: "2004-06-01" };
    expect(childAt(DX, "2022-05-31", ["deceased", "deceased"], child).orphan.outcome).toBe("likely");
    const at18 = childAt(DX, "2022-06-01", ["deceased", "deceased"], child).orphan;
    expect(at18.outcome).toBe("unlikely");
    expect(reasonOf(at18, "child_too_old").source).toBe(ORPHAN);
  });

  it("Wuxi (no local figure): likely, monthly null", () => {
    const { orphan } = childAt("wuxi", "2022-06-01", ["deceased", "deceased"]);
    expect(amounts(orphan)).toMatchObject({ outcome: "likely", monthly: null });
    expect(codes(orphan)).toContain("figure_not_published");
  });

  it("second parent unknown: possible, naming members[1].parents[1]", () => {
    const { orphan } = childAt(DX, D, ["deceased"]);
    expect(orphan.outcome).toBe("possible");
    expect(orphan.missing).toContain("members[1].parents[1]");
  });

  it("an adult member is outside the group: unlikely, child_too_old", () => {
    const screening = screenAt(situation(DX, D, [adult({ relation: "self", age: 30 })]));
    expect(resultFor(screening, "orphan", 0).outcome).toBe("unlikely");
    expect(codes(resultFor(screening, "orphan", 0))).toContain("child_too_old");
  });
});
