// From conditions to an outcome: any failed → unlikely; else any undecided → possible; else likely.

import type { Fact } from "../facts.ts";
import type { Outcome } from "../schema/enums.ts";
import type { Reason } from "../schema/screening.ts";

export interface Condition {
  fact: Fact;
  /** The reason shown for this condition in its current state; null when it needs no mention. */
  reason: Reason | null;
}

export interface Decision {
  outcome: Outcome;
  reasons: Reason[];
  missing: string[];
}

export function condition(
  fact: Fact,
  onMet: Reason | null,
  onFailed: Reason | null,
  onOpen?: Reason | null,
): Condition {
  const r = fact.v === true ? onMet : fact.v === false ? onFailed : onOpen === undefined ? onMet : onOpen;
  return { fact, reason: r };
}

export function decide(conditions: Condition[]): Decision {
  // Plain loops: this runs for every program and member of every screening.
  let failed = false;
  let open = false;
  for (const c of conditions) {
    if (c.fact.v === false) failed = true;
    else if (c.fact.v === undefined) open = true;
  }
  const reasons: Reason[] = [];
  if (failed) {
    for (const c of conditions) if (c.fact.v === false && c.reason) reasons.push(c.reason);
    return { outcome: "unlikely", reasons, missing: [] };
  }
  const missing: string[] = [];
  for (const c of conditions) {
    if (c.reason) reasons.push(c.reason);
    if (c.fact.v === undefined) for (const p of c.fact.missing) if (!missing.includes(p)) missing.push(p);
  }
  return { outcome: open ? "possible" : "likely", reasons, missing };
}

const RANK: Record<Outcome, number> = { likely: 2, possible: 1, unlikely: 0 };

export function better(a: Outcome, b: Outcome): boolean {
  return RANK[a] > RANK[b];
}
