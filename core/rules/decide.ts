// From conditions to an outcome: any failed → unlikely; else any undecided → possible; else likely.

import { type Fact, OPEN, unknownOf } from "../facts.ts";
import { addNew, distinct, firstOf, ofLength } from "../lists.ts";
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
  /** The decision's own list, never shared: a result may take it as its own. */
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
  return { fact, reason: stateReason(fact, rule, values, onMet, onFailed, onOpen), assessed: false };
}

/** The reason for the fact's state alone, codes as in `citing`. */
function stateReason(
  fact: Fact,
  rule: Cite,
  values: Record<string, unknown> | undefined,
  onMet: string | null,
  onFailed: string | null,
  onOpen: string | null | undefined,
): Reason | null {
  const code = fact.v === true ? onMet : fact.v === false ? onFailed : onOpen === undefined ? onMet : onOpen;
  return code === null ? null : { code, source: rule.source, basis: rule.basis, values: values ?? {} };
}

/** A decision from conditions kept as objects (低保's, shared by its routes): through the context's tally. */
export function decide(tally: Tally, conditions: readonly Condition[]): Decision {
  tally.begin();
  for (const c of conditions) tally.add(c.fact, c.reason, c.assessed === true);
  return tally.decide();
}

const NO_PATHS: readonly string[] = [];

/**
 * One decision's conditions, added one by one without an object each, and the outcome they give: any
 * failed → unlikely; else any undecided → possible; else likely. One tally per screening, begun afresh for
 * each decision (every program and member of every screening makes one or more): what it keeps of a
 * condition is its fact and the reason for its state, in two lists it reuses.
 */
export class Tally {
  private facts: Fact[] = [];
  private reasons: (Reason | null)[] = [];
  private n = 0;
  private told = 0;
  private toldFailed = 0;
  private failed = false;
  private open = 0;
  private openPaths = 0;
  /** A hard fact failed: nothing unknown, and no assessment, could make the program hold. */
  private hardFailure = false;
  private assessedAny = false;

  /** Starts a new decision. */
  begin(): this {
    this.n = 0;
    this.told = 0;
    this.toldFailed = 0;
    this.failed = false;
    this.open = 0;
    this.openPaths = 0;
    this.hardFailure = false;
    this.assessedAny = false;
    return this;
  }

  /** A condition: its fact, the reason for the fact's state (null: nothing to tell), whether it is assessed. */
  add(fact: Fact, reason: Reason | null, assessed: boolean): void {
    const v = fact.v;
    // After a failure only failures count (see decide): the rest would change nothing.
    if (this.failed && v !== false) return;
    if (assessed) this.assessedAny = true;
    if (v === false) {
      this.failed = true;
      if (!assessed) this.hardFailure = true;
      if (reason !== null) this.toldFailed++;
    } else if (v === undefined) {
      this.open++;
      this.openPaths += fact.missing.length;
    }
    if (reason !== null) this.told++;
    const k = this.n++;
    this.facts[k] = fact;
    this.reasons[k] = reason;
  }

  /**
   * Whether a condition with this fact would count: any before a failure, only failures after one. Where
   * a reason's values take work to gather, ask first.
   */
  tells(fact: Fact): boolean {
    return !this.failed || fact.v === false;
  }

  /**
   * An open fact on these lists' paths, each once — or, once a condition has failed and an open one
   * counts for nothing, OPEN itself, without merging the lists (see `add`).
   */
  openFact(a: readonly string[], b: readonly string[] = NO_PATHS, c: readonly string[] = NO_PATHS): Fact {
    return this.failed ? OPEN : unknownOf(distinct(a, b, c));
  }

  /** A hard-fact condition citing one rule (see `citing`): the reason is built for the fact's state only. */
  cite(
    fact: Fact,
    rule: Cite,
    values: Record<string, unknown> | undefined,
    onMet: string | null,
    onFailed: string | null,
    onOpen?: string | null,
  ): void {
    this.add(fact, this.tells(fact) ? stateReason(fact, rule, values, onMet, onFailed, onOpen) : null, false);
  }

  /** The same, for a condition resting on the office's assessment (see Condition.assessed). */
  citeAssessed(
    fact: Fact,
    rule: Cite,
    values: Record<string, unknown> | undefined,
    onMet: string | null,
    onFailed: string | null,
    onOpen?: string | null,
  ): void {
    this.add(fact, this.tells(fact) ? stateReason(fact, rule, values, onMet, onFailed, onOpen) : null, true);
  }

  /** A condition kept as an object (shared by several decisions). */
  condition(c: Condition): void {
    this.add(c.fact, c.reason, c.assessed === true);
  }

  decide(): Decision {
    const n = this.n;
    const facts = this.facts;
    const told = this.reasons;
    if (this.failed) {
      const reasons = ofLength<Reason>(this.toldFailed);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const r = told[i] as Reason | null;
        if (r !== null && (facts[i] as Fact).v === false) reasons[k++] = r;
      }
      return { outcome: "unlikely", reasons, missing: [], certain: this.hardFailure };
    }
    // No failure: every reason told so far is shown (none was skipped).
    const reasons = ofLength<Reason>(this.told);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const r = told[i] as Reason | null;
      if (r !== null) reasons[k++] = r;
    }
    if (this.open === 0) return { outcome: "likely", reasons, missing: [], certain: !this.assessedAny };
    let missing = ofLength<string>(this.openPaths);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const f = facts[i] as Fact;
      if (f.v === undefined) m = addNew(missing, m, f.missing);
    }
    if (m < this.openPaths) missing = firstOf(missing, m);
    // Likely is certain only when every condition met is a hard fact; possible never is.
    return { outcome: "possible", reasons, missing, certain: false };
  }
}

const RANK: Record<Outcome, number> = { likely: 2, possible: 1, unlikely: 0 };

export function better(a: Outcome, b: Outcome): boolean {
  return RANK[a] > RANK[b];
}
