// Programs one person gets only one of (低保 and 特困, 单人保 and 特困, 单人保 and the household's 低保).
// Where both are open (likely or possible) for the same person, each result says which other program it
// is an alternative to, and the screening lists the pair with the program the documents prefer — or
// null where no document says which, and the office decides. The pairs and preferences are pack data.

import type { ParamKey } from "../policies/params.ts";
import type { Program } from "../schema/enums.ts";
import type { Alternative, Reason, Result } from "../schema/screening.ts";
import type { RuleContext } from "./context.ts";
import { reason } from "./reason.ts";

const open = (r: Result | undefined): r is Result => r !== undefined && r.outcome !== "unlikely";

export function findAlternatives(ctx: RuleContext, results: Result[]): Alternative[] {
  const find = (program: Program, member: number | null) =>
    results.find((r) => r.program === program && r.member === member);
  const out: Alternative[] = [];
  const pair = (key: ParamKey, member: number, a: Result | undefined, b: Result | undefined) => {
    const rule = ctx.p.get(key) as
      | { value: { preferred: Program | null }; source: string; basis: Reason["basis"] }
      | undefined;
    if (!rule || !open(a) || !open(b)) return;
    const preferred = rule.value.preferred;
    out.push({ member, programs: [a.program, b.program], preferred, source: rule.source, basis: rule.basis });
    const code = preferred === null ? "alternative_office_decides" : "alternative_preferred";
    a.reasons.push(reason(code, rule, { member, other: b.program, preferred }));
    b.reasons.push(reason(code, rule, { member, other: a.program, preferred }));
  };
  const dibao = find("dibao", null);
  // A person living alone: the household's 低保 is that person's.
  if (ctx.n === 1) pair("alternatives.dibaoTekun", 0, dibao, find("tekun", 0));
  for (let i = 0; i < ctx.n; i++) {
    pair("alternatives.singleTekun", i, find("dibao_single", i), find("tekun", i));
    pair("alternatives.dibaoSingle", i, dibao, find("dibao_single", i));
  }
  return out;
}
