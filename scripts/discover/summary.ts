// summary.json: how many households were read, rejected and put on the worklist, and each program's
// best outcomes — per jurisdiction, and per county where the jurisdiction's pack has counties.

import type { PolicySet } from "../../core/policies/index.ts";
import { OUTCOMES, type Outcome, PROGRAMS, type Program } from "../../core/schema/enums.ts";

type Counts = Partial<Record<Program, Partial<Record<Outcome, number>>>>;

export interface Group {
  households: number;
  worklist: number;
  programs: Counts;
}

export interface Tally {
  households: number;
  rejects: number;
  worklist: number;
  jurisdictions: Record<string, Group & { counties?: Record<string, Group> }>;
}

export const emptyTally = (): Tally => ({ households: 0, rejects: 0, worklist: 0, jurisdictions: {} });

const emptyGroup = (): Group => ({ households: 0, worklist: 0, programs: {} });

const OUTCOME_OF: Record<string, Outcome> = { l: "likely", p: "possible", u: "unlikely" };

/** `outcomes`: the best outcome per program, one letter each (l, p, u) in the contract's program order. */
function count(g: Group, outcomes: string, listed: boolean): void {
  g.households++;
  if (listed) g.worklist++;
  for (let i = 0; i < PROGRAMS.length; i++) {
    const program = PROGRAMS[i] as Program;
    const outcome = OUTCOME_OF[outcomes[i] as string] as Outcome;
    const byOutcome = g.programs[program] ?? {};
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
    g.programs[program] = byOutcome;
  }
}

/** Where a county's households are counted when the household's county is not one the pack names. */
export const OTHER_COUNTY = "(not stated)";

export function countHousehold(
  t: Tally,
  policies: PolicySet,
  h: {
    jurisdiction: string;
    county: string | null;
    /** One letter per program (l, p, u), in the contract's order. */
    outcomes: string;
    listed: boolean;
  },
): void {
  t.households++;
  if (h.listed) t.worklist++;
  const j: Tally["jurisdictions"][string] = t.jurisdictions[h.jurisdiction] ?? emptyGroup();
  t.jurisdictions[h.jurisdiction] = j;
  count(j, h.outcomes, h.listed);
  const counties = policies.packs[h.jurisdiction as keyof PolicySet["packs"]]?.counties;
  if (counties) {
    const key = h.county !== null && h.county in counties ? h.county : OTHER_COUNTY;
    j.counties ??= {};
    const g = j.counties[key] ?? emptyGroup();
    j.counties[key] = g;
    count(g, h.outcomes, h.listed);
  }
}

/** The tally in a fixed order (places by name, programs and outcomes as the contract lists them). */
export function sortedTally(t: Tally): Tally {
  const inOrder = <T>(o: Record<string, T>, keys: readonly string[], f: (v: T) => T = (v) => v) =>
    Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, f(o[k] as T)]));
  const sortKeys = <T>(o: Record<string, T>, f: (v: T) => T) => inOrder(o, Object.keys(o).sort(), f);
  const group = <G extends Group>(g: G): G => ({
    ...g,
    programs: inOrder(g.programs, PROGRAMS, (c) => inOrder(c as Record<string, number>, OUTCOMES)),
  });
  return {
    ...t,
    jurisdictions: sortKeys(t.jurisdictions, (j) => ({
      ...group(j),
      ...(j.counties ? { counties: sortKeys(j.counties, group) } : {}),
    })),
  };
}
