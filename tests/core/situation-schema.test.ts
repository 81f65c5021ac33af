import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPolicies } from "../../core/policies/index.ts";
import { fieldIssues } from "../../core/schema/issues.ts";
import { eventDates, latestEventDate, type Situation, situationSchema } from "../../core/schema/situation.ts";
import { screenInput } from "../../core/screen.ts";
import { situationArb } from "./arbitraries.ts";

const base = { schemaVersion: 1, jurisdiction: "wuxi", members: [{ relation: "self", age: 40 }] };

function issuesOf(input: unknown) {
  const r = situationSchema.safeParse(input);
  return r.success ? [] : fieldIssues(r.error);
}

describe("the situation schema", () => {
  it("accepts the smallest situation: schema version, jurisdiction and one member", () => {
    expect(situationSchema.safeParse(base).success).toBe(true);
  });

  it("refuses an unknown key by name, so a typo never becomes 'unknown income'", () => {
    const issues = issuesOf({ ...base, members: [{ relation: "self", incme: [] }] });
    expect(issues).toEqual([{ path: "members[0].incme", code: "unknown_key", values: { key: "incme" } }]);
  });

  it("names the field of a negative age with the one path format", () => {
    const issues = issuesOf({ ...base, members: [{ relation: "self", age: -1 }] });
    expect(issues[0]).toMatchObject({ path: "members[0].age", code: "too_small", values: { minimum: 0 } });
  });

  it("refuses an unknown jurisdiction, listing the known ones", () => {
    const issues = issuesOf({ ...base, jurisdiction: "shanghai" });
    expect(issues[0]?.path).toBe("jurisdiction");
    expect(issues[0]?.code).toBe("not_one_of");
    expect(issues[0]?.values.options).toContain("neijiang-dongxing");
  });

  it("needs at least one member", () => {
    expect(issuesOf({ ...base, members: [] })[0]).toMatchObject({ path: "members", code: "too_small" });
  });

  it("refuses a date that is not a date, and one that does not exist", () => {
    expect(issuesOf({ ...base, asOf: "1/8/2020" })[0]).toMatchObject({ path: "asOf", code: "date_format" });
    expect(issuesOf({ ...base, asOf: "2021-02-29" })[0]).toMatchObject({
      path: "asOf",
      code: "date_not_real",
    });
    expect(issuesOf({ ...base, asOf: "2020-02-29" })).toEqual([]);
  });

  it("reports a parent's bad since-date at its own path", () => {
    const input = {
      ...base,
      members: [{ relation: "self", age: 9, parents: [{ status: "imprisoned", since: "2019-13-01" }] }],
    };
    expect(issuesOf(input)[0]).toMatchObject({ path: "members[0].parents[0].since" });
  });

  it("keeps 'self' for the first member only", () => {
    const input = { ...base, members: [{ relation: "self" }, { relation: "self" }] };
    expect(issuesOf(input)).toEqual([
      { path: "members[1].relation", code: "only_first_member_is_self", values: {} },
    ]);
  });

  it("refuses an emergency dated after the estimate's date", () => {
    const input = { ...base, asOf: "2020-08-01", emergency: { date: "2020-08-02" } };
    expect(issuesOf(input)).toEqual([{ path: "emergency.date", code: "date_after_as_of", values: {} }]);
  });

  it("keeps null (known none) apart from omitted (unknown)", () => {
    const parsed = situationSchema.parse({
      ...base,
      emergency: null,
      members: [{ relation: "self", disability: null }],
    });
    expect(parsed.emergency).toBeNull();
    expect(parsed.members[0]?.disability).toBeNull();
    expect(parsed.members[0]?.illness).toBeUndefined();
  });
});

describe("events dated after the estimate's date, as screenInput checks them", () => {
  const policies = createPolicies();
  const today = "2026-11-30";
  const withEmergency = { ...base, emergency: { date: "2026-05-01" } };

  it("with no asOf, today is the estimate's date: an emergency tomorrow is refused", () => {
    const out = screenInput({ ...base, emergency: { date: "2026-12-01" } }, { policies, today });
    expect(out).toEqual({
      ok: false,
      issues: [{ path: "emergency.date", code: "date_after_as_of", values: { asOf: today } }],
    });
  });

  it("the situation's own asOf after the emergency: screened", () => {
    expect(screenInput({ ...withEmergency, asOf: "2026-06-01" }, { policies, today }).ok).toBe(true);
  });

  it("an --as-of before the emergency overrides the situation's later asOf, and refuses it", () => {
    const out = screenInput(
      { ...withEmergency, asOf: "2026-06-01" },
      { policies, today, asOf: "2026-04-01" },
    );
    expect(out).toEqual({
      ok: false,
      issues: [{ path: "emergency.date", code: "date_after_as_of", values: { asOf: "2026-04-01" } }],
    });
  });
});

describe("the latest event date, the schema's quick look before it names late dates", () => {
  it("is the latest of the event dates, on generated situations with and without events", () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const dates = eventDates(s).map((d) => d.date);
        expect(latestEventDate(s)).toBe(dates.length === 0 ? undefined : dates.sort().at(-1));
      }),
      { numRuns: 2000 },
    );
  });

  it("sees each kind of event: a parent's since, an emergency, poverty exit, income rise, dibao since", () => {
    const base = {
      schemaVersion: 1 as const,
      jurisdiction: "wuxi" as const,
      members: [{ birthDate: "1950-01-01" }],
    };
    expect(latestEventDate(base)).toBe("1950-01-01");
    const withParent: Situation = {
      ...base,
      members: [{ parents: [{ status: "missing", since: "2020-01-01" }] }],
    };
    expect(latestEventDate(withParent)).toBe("2020-01-01");
    expect(latestEventDate({ ...base, emergency: { date: "2021-01-01" } })).toBe("2021-01-01");
    expect(latestEventDate({ ...base, povertyExitedOn: "2022-01-01" })).toBe("2022-01-01");
    expect(latestEventDate({ ...base, incomeAboveStandardSince: "2023-01-01" })).toBe("2023-01-01");
    expect(latestEventDate({ ...base, currentBenefits: { dibao: { since: "2024-01-01" } } })).toBe(
      "2024-01-01",
    );
    expect(latestEventDate({ ...base, members: [{}] })).toBeUndefined();
  });
});
