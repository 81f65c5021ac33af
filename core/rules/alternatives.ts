// Programs one person gets only one of (低保 and 特困, 单人保 and 特困, 单人保 and the household's 低保).
// The household's 低保 counts for each member it covers.
// Where both are open (likely or possible) for the same person, each result says which other program it
// is an alternative to, and the screening lists the pair with the program the documents prefer — or
// null where no document says which, and the office decides. The pairs and preferences are pack data.

import { areaIn } from "../facts.ts";
import type { Program } from "../schema/enums.ts";
import type { Alternative, Reason, Result } from "../schema/screening.ts";
import type { RuleContext } from "./context.ts";
import { reason } from "./reason.ts";

const open = (r: Result | undefined): r is Result => r !== undefined && r.outcome !== "unlikely";

type AlternativeRule = {
  value: { preferred: Program | null; areas?: ("urban" | "rural")[] };
  source: string;
  basis: Reason["basis"];
};

/** The household's 低保, and each member's 单人保 and 特困, by member. */
export function findAlternatives(
  ctx: RuleContext,
  dibao: Result,
  singles: Result[],
  tekuns: Result[],
): Alternative[] {
  const out: Alternative[] = [];
  // Read once, by key written out: this runs for every screening.
  const dibaoTekun = ctx.p.values["alternatives.dibaoTekun"] as AlternativeRule | undefined;
  const singleTekun = ctx.p.values["alternatives.singleTekun"] as AlternativeRule | undefined;
  const dibaoSingle = ctx.p.values["alternatives.dibaoSingle"] as AlternativeRule | undefined;
  for (let i = 0; i < ctx.n; i++) {
    // A member 特困 provides for is provided for once: by 特困, or as one of the household's 低保.
    pair(ctx, out, dibaoTekun, i, dibao, tekuns[i]);
    pair(ctx, out, singleTekun, i, singles[i], tekuns[i]);
    pair(ctx, out, dibaoSingle, i, dibao, singles[i]);
  }
  return out;
}

/** Where both are open, the pair listed and each result told of the other. */
function pair(
  ctx: RuleContext,
  out: Alternative[],
  rule: AlternativeRule | undefined,
  member: number,
  a: Result | undefined,
  b: Result | undefined,
): void {
  if (!rule || !open(a) || !open(b)) return;
  // A preference stated for some areas only holds there; elsewhere (or with the area unknown) the
  // office decides.
  const inArea = rule.value.areas === undefined || areaIn(ctx.s, rule.value.areas).v === true;
  const preferred = inArea ? rule.value.preferred : null;
  out.push({ member, programs: [a.program, b.program], preferred, source: rule.source, basis: rule.basis });
  const code = preferred === null ? "alternative_office_decides" : "alternative_preferred";
  a.reasons.push(reason(code, rule, { member, other: b.program, preferred }));
  b.reasons.push(reason(code, rule, { member, other: a.program, preferred }));
}
