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
  const failed = conditions.filter((c) => c.fact.v === false);
  if (failed.length > 0) {
    return { outcome: "unlikely", reasons: failed.flatMap((c) => (c.reason ? [c.reason] : [])), missing: [] };
  }
  const open = conditions.filter((c) => c.fact.v === undefined);
  return {
    outcome: open.length > 0 ? "possible" : "likely",
    reasons: conditions.flatMap((c) => (c.reason ? [c.reason] : [])),
    missing: [...new Set(open.flatMap((c) => c.fact.missing))],
  };
}

const RANK: Record<Outcome, number> = { likely: 2, possible: 1, unlikely: 0 };

export function better(a: Outcome, b: Outcome): boolean {
  return RANK[a] > RANK[b];
}
