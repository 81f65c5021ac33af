// Ages asked as bands cut at the thresholds the rules use (16, 18, 60, Jilin's 70…), read from the
// policies themselves so a new threshold in a pack gives a new band without touching the interview.

import type { PolicySet } from "../policies/index.ts";
import type { Jurisdiction } from "../schema/enums.ts";

export interface AgeBand {
  from: number;
  /** Included; undefined: no upper end. */
  to?: number;
}

const AGE_KEY = /age$/i;

function collect(value: unknown, key: string, out: Set<number>): void {
  if (typeof value === "number" && AGE_KEY.test(key) && Number.isInteger(value)) out.add(value);
  else if (Array.isArray(value)) for (const v of value) collect(v, key, out);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) collect(v, k, out);
}

const CUTS = new WeakMap<PolicySet, Map<string, number[]>>();

/** The ages at which some rule of this jurisdiction changes its answer ("at least N"), ascending. */
export function ageCuts(policies: PolicySet, jurisdiction: Jurisdiction): number[] {
  let byJurisdiction = CUTS.get(policies);
  if (!byJurisdiction) {
    byJurisdiction = new Map();
    CUTS.set(policies, byJurisdiction);
  }
  const known = byJurisdiction.get(jurisdiction);
  if (known) return known;
  const out = new Set<number>([18]);
  collect(policies.national, "", out);
  collect(policies.packs[jurisdiction], "", out);
  collect(policies.deployment, "", out);
  const cuts = [...out].filter((n) => n > 0 && n <= 130).sort((a, b) => a - b);
  byJurisdiction.set(jurisdiction, cuts);
  return cuts;
}

export function bandValue(b: AgeBand): string {
  return b.to === undefined ? `${b.from}-` : `${b.from}-${b.to}`;
}

export function parseBand(value: string): AgeBand | null {
  const m = /^(\d{1,3})-(\d{1,3})?$/.exec(value);
  if (!m) return null;
  return m[2] === undefined ? { from: Number(m[1]) } : { from: Number(m[1]), to: Number(m[2]) };
}

/** The bands within what is already known of an age (`within`), cut at the thresholds. */
export function bandsWithin(cuts: readonly number[], within: AgeBand = { from: 0 }): AgeBand[] {
  const inner = cuts.filter((c) => c > within.from && (within.to === undefined || c <= within.to));
  const starts = [within.from, ...inner];
  return starts.map((from, i) => {
    const nextStart = starts[i + 1];
    const to = nextStart !== undefined ? nextStart - 1 : within.to;
    return to === undefined ? { from } : { from, to };
  });
}

export function bandHolds(b: AgeBand, age: number): boolean {
  return age >= b.from && (b.to === undefined || age <= b.to);
}

/** Both at once: what two partial facts about one age leave. */
export function intersect(a: AgeBand, b: AgeBand): AgeBand {
  const from = Math.max(a.from, b.from);
  const to = a.to === undefined ? b.to : b.to === undefined ? a.to : Math.min(a.to, b.to);
  return to === undefined ? { from } : { from, to };
}
