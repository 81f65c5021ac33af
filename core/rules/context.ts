// What every program rule reads: the situation, the date, the parameters in force, and the household's
// counted income, worked out once per screening.

import type { ParamReader } from "../policies/reader.ts";
import type { Situation } from "../schema/situation.ts";

export interface RuleContext {
  s: Situation;
  asOf: string;
  p: ParamReader;
  /** Persons in the household (共同生活的家庭成员). */
  n: number;
  /** Figures several programs share (counted income, standards), worked out once per screening. */
  memo: Map<string, unknown>;
}

export function memo<T>(ctx: RuleContext, key: string, compute: () => T): T {
  // One lookup when it is there (the usual case): a figure is never undefined once worked out.
  const kept = ctx.memo.get(key);
  if (kept !== undefined || ctx.memo.has(key)) return kept as T;
  const value = compute();
  ctx.memo.set(key, value);
  return value;
}
