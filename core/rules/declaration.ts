// The household's own statement, with the office that reviewed it, that its income has risen above the
// dibao standard (the contract's incomeAboveStandardSince). Where a standard decides the income test
// the computed test stands; where none can (no standard, only a floor the income is above, or an
// income not given) the statement is the fact.

import type { RuleContext } from "./context.ts";

/** The date the household says its income rose above the standard, when that is on or before asOf. */
export function declaredAboveSince(ctx: RuleContext): string | null {
  const since = ctx.s.incomeAboveStandardSince;
  return typeof since === "string" && since <= ctx.asOf ? since : null;
}
