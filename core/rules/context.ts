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
}
