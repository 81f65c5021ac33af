// What every program rule reads: the situation, the date, the parameters in force, and the figures
// several programs share (counted income, standards), worked out once per screening.

import { ageOf } from "../facts.ts";
import { ofLength } from "../lists.ts";
import type { SingleRoute } from "../policies/params.ts";
import type { AmountParam, ParamReader } from "../policies/reader.ts";
import type { Resolved } from "../policies/resolve.ts";
import type { ParentFacts } from "../programs/children.ts";
import type { Reason } from "../schema/screening.ts";
import type { Member, Situation } from "../schema/situation.ts";
import { type Condition, Tally } from "./decide.ts";
import type { HouseholdIncome, MemberIncome } from "./income.ts";
import type { SupplementAmount } from "./supplement.ts";

export type AreaKeyed = "dibao.standard" | "tekun.basicLiving";

export interface RuleContext {
  s: Situation;
  asOf: string;
  p: ParamReader;
  /** Persons in the household (共同生活的家庭成员). */
  n: number;
  /** Each member's age in whole years on `asOf`, where known (an age band is read where it is needed). */
  ages: (number | undefined)[];
  /** Where each decision's conditions are added, one decision at a time (see Tally). */
  tally: Tally;
  /**
   * Shared figures, each filled when first read: slots rather than a keyed map, since they are read for
   * every program and member of every screening.
   */
  kept: {
    memberIncomes: (MemberIncome | undefined)[];
    householdIncome?: HouseholdIncome;
    /** The 低保 standard and 特困's basic living figure for the household's area (see areaAmount). */
    dibaoStandard?: AmountParam;
    tekunBasicLiving?: AmountParam;
    /** The last hukou condition made, and the rule it was made for (see hukouCondition). */
    hukou?: { rule: unknown; condition: Condition };
    /** 低保's hukou, property and benefit conditions, shared by its three routes. */
    dibaoBase?: Condition[];
    /** Each member's parents, as 孤儿 and 事实无人抚养儿童 read them. */
    parents: (readonly [ParentFacts, ParentFacts] | undefined)[];
    /** 单人保's routes in force, the same for every member. */
    singleRoutes?: Resolved<SingleRoute>[];
    /** The standard's figure as a reason, which 低保's and 单人保's income tests cite and copy (never shown as is). */
    standardCite?: Reason;
    /** 分类施保 for the household's members, asked by 低保's ordinary test and 支出核减 alike. */
    supplements?: SupplementAmount;
  };
}

export function createContext(s: Situation, asOf: string, p: ParamReader): RuleContext {
  const n = s.members.length;
  const ages = ofLength<number | undefined>(n);
  for (let i = 0; i < n; i++) ages[i] = ageOf(s.members[i] as Member, asOf);
  return {
    s,
    asOf,
    p,
    n,
    ages,
    tally: new Tally(),
    kept: { memberIncomes: new Array(n), parents: new Array(n) },
  };
}
