// A household's best outcome per program: what staff count and filter by, what outreach files on.

import type { Outcome, Program } from "./schema/enums.ts";
import type { Screening } from "./schema/screening.ts";

const OUTCOME_RANK: Record<Outcome, number> = { likely: 2, possible: 1, unlikely: 0 };

/** Each program's best outcome across members, in the contract's program order. */
export function bestOutcomes(screening: Screening): Map<Program, Outcome> {
  const best = new Map<Program, Outcome>();
  for (const r of screening.results) {
    const seen = best.get(r.program);
    if (seen === undefined || OUTCOME_RANK[r.outcome] > OUTCOME_RANK[seen]) best.set(r.program, r.outcome);
  }
  return best;
}
