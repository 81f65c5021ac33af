// The household's own statement, with the office that reviewed it, that its income has risen above the
// dibao standard (the contract's incomeAboveStandardSince, "for a household on dibao"). Where a
// standard decides the income test the computed test stands; where none can (no standard, or only a
// floor the known income is above) the statement is the fact.

import { onDibao } from "../facts.ts";
import type { RuleContext } from "./context.ts";

/** The statement can apply: the household is on dibao, or may be (not known to be off it). */
export function mayStateRise(ctx: RuleContext): boolean {
  return onDibao(ctx.s).v !== false;
}

/** The date the household says its income rose above the standard, when that is on or before asOf. */
export function declaredAboveSince(ctx: RuleContext): string | null {
  const since = ctx.s.incomeAboveStandardSince;
  return mayStateRise(ctx) && typeof since === "string" && since <= ctx.asOf ? since : null;
}
