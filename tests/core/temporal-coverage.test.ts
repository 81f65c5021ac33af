// Day by day over each pack's coverage span: within a basis at most one value is in force (the
// latest-start rule never has to choose between two values starting the same day, and an older value
// never comes back after a newer one ends), and from a parameter's first value on, some value is in
// force or the pack declares the gap.

import { describe, expect, it } from "vitest";
import { addDays } from "../../core/dates.ts";
import { createPolicies, national, PACKS } from "../../core/policies/index.ts";
import type { Pack, PackGap } from "../../core/policies/pack.ts";
import { type Dated, PARAM_KEYS, type ParamKey } from "../../core/policies/params.ts";
import { tableFor } from "../../core/policies/reader.ts";
import { inForce, resolve } from "../../core/policies/resolve.ts";
import { BASES } from "../../core/schema/enums.ts";

const policies = createPolicies();

interface Problem {
  key: string;
  from: string;
  to: string;
  what: string;
}

/** Every problem in one parameter's table, consecutive days with the same problem merged. */
function sweep(
  table: readonly Dated<unknown>[],
  key: string,
  coverage: { from: string; to: string },
  gaps: readonly Pick<PackGap, "param" | "from" | "to">[],
): Problem[] {
  const problems: Problem[] = [];
  const note = (date: string, what: string) => {
    const last = problems[problems.length - 1];
    if (last && last.what === what && addDays(last.to, 1) === date) last.to = date;
    else problems.push({ key, from: date, to: date, what });
  };
  if (table.length === 0) return problems;
  // ISO dates sort as text.
  const earliest = table.map((v) => v.from).sort()[0] as string;
  const previous: Partial<Record<string, Dated<unknown>>> = {};
  for (let date = coverage.from; date <= coverage.to; date = addDays(date, 1)) {
    for (const basis of BASES) {
      const live = table.filter((v) => v.basis === basis && inForce(v, date));
      if (live.length === 0) continue;
      const latest = live
        .map((v) => v.from)
        .sort()
        .at(-1) as string;
      const winners = live.filter((v) => v.from === latest);
      if (winners.length > 1) {
        note(
          date,
          `${winners.length} ${basis} values start on ${latest}: ${winners.map((v) => v.source).join(" / ")}`,
        );
      }
      const winner = winners[0] as Dated<unknown>;
      const before = previous[basis];
      if (before !== undefined && winner.from < before.from && winner !== before) {
        note(
          date,
          `${basis} value from ${winner.from} (${winner.source}) is back in force after the one from ${before.from} (${before.source}) ended`,
        );
      }
      previous[basis] = winner;
    }
    if (date >= earliest && resolve(table, date) === undefined) {
      const declared = gaps.some(
        (g) => g.param === key && g.from <= date && (g.to === undefined || date <= g.to),
      );
      if (!declared) note(date, "no value in force and no declared gap");
    }
  }
  return problems;
}

function describeProblems(pack: string, county: string | null, problems: Problem[]): string[] {
  return problems.map(
    (p) =>
      `${pack}${county ? `/${county}` : ""} ${p.key} ${p.from === p.to ? p.from : `${p.from}..${p.to}`}: ${p.what}`,
  );
}

/** The merged table (national + pack or county + deployment), each value once. */
function merged(pack: Pack, county: string | null, key: ParamKey): Dated<unknown>[] {
  return [...new Set(tableFor(policies, pack, county, key))];
}

const packs: Pack[] = [...Object.values(PACKS), national];

describe("the sweep itself", () => {
  const span = { from: "2020-01-01", to: "2020-12-31" };
  const value = (from: string, v: number, extra: Partial<Dated<number>> = {}): Dated<number> => ({
    from,
    value: v,
    basis: "seed",
    source: `doc ${v}`,
    ...extra,
  });

  it("names the day two seed values start together (400 and 420 both from 2020-03-01)", () => {
    const problems = sweep(
      [value("2020-01-01", 380), value("2020-03-01", 400), value("2020-03-01", 420)],
      "k",
      span,
      [],
    );
    expect(problems[0]).toMatchObject({ key: "k", from: "2020-03-01", to: "2020-12-31" });
    expect(problems[0]?.what).toContain("2 seed values start on 2020-03-01");
  });

  it("names the days an older value comes back after a newer one ends (380 again from 2020-07-01)", () => {
    const problems = sweep(
      [value("2020-01-01", 380), value("2020-03-01", 400, { to: "2020-06-30" })],
      "k",
      span,
      [],
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ from: "2020-07-01", to: "2020-07-01" });
  });

  it("names an uncovered stretch unless a gap is declared for it", () => {
    const table = [value("2020-01-01", 380, { to: "2020-05-31" }), value("2020-09-01", 400)];
    expect(sweep(table, "k", span, [])).toEqual([
      { key: "k", from: "2020-06-01", to: "2020-08-31", what: "no value in force and no declared gap" },
    ]);
    expect(
      sweep(table, "k", span, [{ param: "k" as ParamKey, from: "2020-06-01", to: "2020-08-31" }]),
    ).toEqual([]);
  });

  it("does not ask for a value before the parameter's first one (a figure first given in 2020-09)", () => {
    expect(sweep([value("2020-09-01", 400)], "k", span, [])).toEqual([]);
  });
});

describe.each(packs.map((p) => [p.id, p] as const))("pack %s, day by day over its coverage", (id, pack) => {
  const counties: (string | null)[] = [null, ...Object.keys(pack.counties ?? {})];
  const gaps = [...pack.gaps, ...(pack === national ? [] : national.gaps)];

  it(`has one value per basis in force each day, and a value or a declared gap from each parameter's first value (${pack.coverage.from} to ${pack.coverage.to})`, () => {
    const problems: string[] = [];
    let swept = 0;
    for (const county of counties) {
      for (const key of PARAM_KEYS) {
        // A county that does not give its own figure reads the pack's: swept once, with the pack.
        if (county !== null && pack.counties?.[county]?.params[key] === undefined) continue;
        const table = merged(pack, county, key);
        if (table.length === 0) continue;
        swept++;
        problems.push(...describeProblems(id, county, sweep(table, key, pack.coverage, gaps)));
      }
    }
    expect(swept, "no parameter was swept").toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
