// From conditions to an outcome: any failed → unlikely; else any undecided → possible; else likely.

import type { Fact } from "../facts.ts";
import { addDistinct, ofLength } from "../lists.ts";
import type { Outcome } from "../schema/enums.ts";
import type { Reason } from "../schema/screening.ts";

export interface Condition {
  fact: Fact;
  /** The reason shown for this condition in its current state; null when it needs no mention. */
  reason: Reason | null;
  /**
   * It rests on the office's own assessment (counted income against a figure, property, whether a
   * supporter is able, whether basic living is at risk), not on a hard fact such as an age, a
   * certificate, a hukou or an event: an outcome it decides is probable, not certain.
   */
  assessed?: boolean;
}

export interface Decision {
  outcome: Outcome;
  reasons: Reason[];
  missing: string[];
  /** No completion of the unknowns and no discretionary clause could change the outcome (see decide). */
  certain?: boolean;
}

/**
 * Marks a condition as resting on the office's assessment (see Condition.assessed), in place: every
 * condition is made for the one decision that marks it (a copy here cost an object per condition).
 */
export function assessed(c: Condition): Condition {
  c.assessed = true;
  return c;
}

export function condition(
  fact: Fact,
  onMet: Reason | null,
  onFailed: Reason | null,
  onOpen?: Reason | null,
): Condition {
  const r = fact.v === true ? onMet : fact.v === false ? onFailed : onOpen === undefined ? onMet : onOpen;
  return { fact, reason: r, assessed: false };
}

/** What a condition's reason cites: the rule's source and basis. */
type Cite = { source: string; basis: Reason["basis"] };

/**
 * A condition whose reasons cite one rule with one set of values and differ only in code: the reason is
 * built for the fact's state alone (the others would never be shown). Codes as in `condition`: the open
 * state tells `onOpen`, or `onMet` when none is given; null: nothing to tell.
 */
export function citing(
  fact: Fact,
  rule: Cite,
  values: Record<string, unknown> | undefined,
  onMet: string | null,
  onFailed: string | null,
  onOpen?: string | null,
): Condition {
  const code = fact.v === true ? onMet : fact.v === false ? onFailed : onOpen === undefined ? onMet : onOpen;
  const r: Reason | null =
    code === null ? null : { code, source: rule.source, basis: rule.basis, values: values ?? {} };
  return { fact, reason: r, assessed: false };
}

export function decide(conditions: Condition[]): Decision {
  // One pass to learn the outcome and how many reasons it tells, one to gather them: this runs for every
  // program and member of every screening.
  let failed = false;
  let open = false;
  // Certain when a hard fact fails it: nothing unknown, and no assessment, could make it hold.
  let hardFailure = false;
  let assessedAny = false;
  let told = 0;
  let toldFailed = 0;
  for (const c of conditions) {
    const v = c.fact.v;
    const r = c.reason !== null;
    if (r) told++;
    if (c.assessed) assessedAny = true;
    if (v === false) {
      failed = true;
      if (r) toldFailed++;
      if (!c.assessed) hardFailure = true;
    } else if (v === undefined) open = true;
  }
  if (failed) {
    const reasons = ofLength<Reason>(toldFailed);
    let k = 0;
    for (const c of conditions) if (c.fact.v === false && c.reason !== null) reasons[k++] = c.reason;
    return { outcome: "unlikely", reasons, missing: [], certain: hardFailure };
  }
  const reasons = ofLength<Reason>(told);
  let k = 0;
  for (const c of conditions) if (c.reason !== null) reasons[k++] = c.reason;
  const missing: string[] = [];
  if (open) for (const c of conditions) if (c.fact.v === undefined) addDistinct(missing, c.fact.missing);
  // Likely is certain only when every condition met is a hard fact.
  return { outcome: open ? "possible" : "likely", reasons, missing, certain: !open && !assessedAny };
}

const RANK: Record<Outcome, number> = { likely: 2, possible: 1, unlikely: 0 };

export function better(a: Outcome, b: Outcome): boolean {
  return RANK[a] > RANK[b];
}
