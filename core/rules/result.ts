// Turning a decision and amounts into the contract's result shape.

import { ofLength, sortedPaths } from "../lists.ts";
import { type Quantity, yuan } from "../quantity.ts";
import type { Program } from "../schema/enums.ts";
import type { Reason, Result } from "../schema/screening.ts";
import type { Decision } from "./decide.ts";

export interface Amounts {
  monthly?: Quantity | null;
  oneOff?: Quantity | null;
  until?: string | null;
}

type Range = { min: number; max: number | null };

const NONE: readonly string[] = [];
const NO_AMOUNTS: Amounts = {};
const NO_REASONS: readonly Reason[] = [];

function range(q: Quantity): Range | null {
  if (q.lo === q.hi) return null;
  // Nothing known of it at all (a figure no document gives): no range to show.
  if (q.est === null && q.hi === Number.POSITIVE_INFINITY && yuan(q.lo) <= 0) return null;
  return {
    min: yuan(Math.max(0, q.lo)),
    max: q.hi === Number.POSITIVE_INFINITY ? null : yuan(Math.max(0, q.hi)),
  };
}

function point(q: Quantity): number | null {
  return q.est === null ? null : yuan(Math.max(0, q.est));
}

export function buildResult(
  program: Program,
  member: number | null,
  decision: Decision,
  amounts: Amounts = NO_AMOUNTS,
  extraReasons: readonly Reason[] = NO_REASONS,
): Result {
  const eligible = decision.outcome !== "unlikely";
  const monthly = eligible ? (amounts.monthly ?? null) : null;
  const oneOff = eligible ? (amounts.oneOff ?? null) : null;
  const amountsMissing =
    (monthly !== null && monthly.missing.length > 0) || (oneOff !== null && oneOff.missing.length > 0);
  // Nothing missing (most results): the decision's own empty list serves (see Decision.missing).
  const missing =
    decision.missing.length === 0 && !amountsMissing
      ? decision.missing
      : sortedPaths(decision.missing, monthly ? monthly.missing : NONE, oneOff ? oneOff.missing : NONE);
  const oneOffRange =
    oneOff === null
      ? null
      : (range(oneOff) ?? (oneOff.est === null ? null : { min: point(oneOff) ?? 0, max: point(oneOff) }));
  return {
    program,
    member,
    outcome: decision.outcome,
    monthly: monthly === null ? null : point(monthly),
    monthlyRange: monthly === null ? null : range(monthly),
    oneOff: oneOffRange,
    until: eligible ? (amounts.until ?? null) : null,
    // The decision's own list: each result has its decision to itself (alternatives add to the result's).
    reasons: eligible && extraReasons.length > 0 ? joined(decision.reasons, extraReasons) : decision.reasons,
    missing,
    // A decision built by hand (no rule in force, one-person household) rests on hard facts.
    certain: decision.certain ?? decision.outcome !== "possible",
  };
}

/** Two lists as one new list (concat is a slow generic call in V8; this runs for most results). */
function joined(a: readonly Reason[], b: readonly Reason[]): Reason[] {
  const out = ofLength<Reason>(a.length + b.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] as Reason;
  for (let i = 0; i < b.length; i++) out[a.length + i] = b[i] as Reason;
  return out;
}

/** A program no document in force on the date provides for: unlikely, and says so. */
export function noRuleInForce(
  program: Program,
  member: number | null,
  pack: { documents: { id: string }[]; name: string },
): Result {
  const seed = pack.documents[0];
  return buildResult(program, member, {
    outcome: "unlikely",
    reasons: [
      { code: "no_rule_in_force", source: seed?.id ?? pack.name, basis: "seed", values: { program } },
    ],
    missing: [],
  });
}
