// What every program rule reads: the situation, the date, the parameters in force, and the figures
// several programs share (counted income, standards), worked out once per screening.

import type { AmountParam, ParamReader } from "../policies/reader.ts";
import type { Reason } from "../schema/screening.ts";
import type { Situation } from "../schema/situation.ts";
import type { Condition } from "./decide.ts";
import type { HouseholdIncome, MemberIncome } from "./income.ts";
import type { SupplementAmount } from "./supplement.ts";

export type AreaKeyed = "dibao.standard" | "tekun.basicLiving";

export interface RuleContext {
  s: Situation;
  asOf: string;
  p: ParamReader;
  /** Persons in the household (共同生活的家庭成员). */
  n: number;
  /**
   * Shared figures, each filled when first read: slots rather than a keyed map, since they are read for
   * every program and member of every screening.
   */
  kept: {
    memberIncomes: (MemberIncome | undefined)[];
    householdIncome?: HouseholdIncome;
    standards: Partial<Record<AreaKeyed, AmountParam>>;
    /** 低保's hukou, property and benefit conditions, shared by its three routes. */
    dibaoBase?: Condition[];
    /** The standard's figure as a reason, which 单人保's income tests cite and copy (never shown as is). */
    standardCite?: Reason;
    /** 分类施保 for the household's members, asked by 低保's ordinary test and 支出核减 alike. */
    supplements?: SupplementAmount;
  };
}

export function createContext(s: Situation, asOf: string, p: ParamReader): RuleContext {
  const n = s.members.length;
  return { s, asOf, p, n, kept: { memberIncomes: new Array(n), standards: {} } };
}
