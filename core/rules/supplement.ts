// 分类施保 / 重点保障: extra amounts for members of a dibao household in listed categories
// (吉民发〔2018〕12号 三(三): 50% / 60% of the standard, the highest only; 东兴区 三(一)6: 120 / 80 / 40
// tiers chosen by the town, so discretionary).

import {
  ageAtLeast,
  ageBelow,
  all,
  anyOf,
  areaIn,
  disabilityMatches,
  FALSE,
  type Fact,
  hasDisability,
  known,
  mp,
  seriouslyIll,
  TRUE,
  unknown,
} from "../facts.ts";
import { distinctOf } from "../lists.ts";
import type { SupplementCategory } from "../policies/params.ts";
import type { AmountParam } from "../policies/reader.ts";
import { exact, type Quantity, scale, sum } from "../quantity.ts";
import type { Reason } from "../schema/screening.ts";
import type { RuleContext } from "./context.ts";
import { reason } from "./reason.ts";

function inCategory(ctx: RuleContext, i: number, c: SupplementCategory): Fact {
  const m = ctx.s.members[i];
  if (!m) return FALSE;
  switch (c.id) {
    case "elderly":
      return ageAtLeast(m, i, ctx.asOf, c.minAge ?? 60);
    case "minor":
      return ageBelow(m, i, ctx.asOf, 18);
    case "severe_disability":
      return disabilityMatches(m, i, c.disability ? [c.disability] : [{ grades: [1, 2] }]);
    case "serious_illness": {
      const ill = seriouslyIll(m, i);
      const listed: Fact =
        c.diseases === undefined || m.illness === null || m.illness === undefined
          ? TRUE
          : m.illness.disease === undefined
            ? unknown(mp(i, "illness.disease"))
            : // "other": a disease the county lists locally, which this pack cannot know.
              m.illness.disease === "other"
              ? unknown()
              : known(c.diseases.includes(m.illness.disease));
      const spending: Fact = !c.needsMedicalExpense
        ? TRUE
        : ctx.s.monthlyExpenses?.medical === undefined
          ? unknown("monthlyExpenses.medical")
          : known(ctx.s.monthlyExpenses.medical > 0);
      return all(ill, listed, spending);
    }
    case "elderly_disabled":
      return all(ageAtLeast(m, i, ctx.asOf, c.minAge ?? 60), hasDisability(m, i));
    case "multiple_disabled_household": {
      const others = ctx.s.members.map((o, j) => (j === i ? FALSE : hasDisability(o, j)));
      return all(hasDisability(m, i), anyOf(others));
    }
    case "multiple_disability":
      return m.disability === null
        ? FALSE
        : m.disability === undefined
          ? unknown(mp(i, "disability"))
          : m.disability.category === undefined
            ? unknown(mp(i, "disability.category"))
            : known(m.disability.category === "multiple");
  }
}

export interface SupplementAmount {
  q: Quantity;
  reasons: Reason[];
}

export function supplements(ctx: RuleContext, standard: AmountParam): SupplementAmount {
  const rule = ctx.p.values["dibao.supplement"];
  if (!rule) return { q: exact(0), reasons: [] };
  const area = areaIn(ctx.s, rule.value.areas);
  if (area.v === false) return { q: exact(0), reasons: [] };
  const { categories, tiers, ratioFloor, discretionary } = rule.value;
  const reasons: Reason[] = [];
  const perMember: Quantity[] = ctx.s.members.map((_, i) => {
    const facts = categories.map((c) => ({ c, f: all(area, inCategory(ctx, i, c)) }));
    const open = facts.filter((x) => x.f.v !== false);
    if (open.length === 0) return exact(0);
    const missing = distinctOf(open.map((x) => x.f.missing));
    const sure = open.filter((x) => x.f.v === true);
    if (sure.length > 0)
      reasons.push(reason("supplement_category", rule, { member: i, categories: sure.map((x) => x.c.id) }));
    if (tiers !== undefined || ratioFloor !== undefined) {
      // The office chooses whether and which tier: nothing is certain, the top tier bounds it.
      const top =
        tiers !== undefined
          ? exact(Math.max(...tiers))
          : { ...scale(standard.q, ratioFloor ?? 0), hi: Number.POSITIVE_INFINITY };
      return { lo: 0, hi: top.hi, est: 0, missing };
    }
    // Stated ratios, highest only (不重复增发); "不低于": a floor.
    const ratioOf = (xs: typeof open) => Math.max(0, ...xs.map((x) => x.c.ratio ?? 0));
    const certain = scale(standard.q, ratioOf(sure));
    const possible = scale(standard.q, ratioOf(open));
    const floorKind = rule.kind === "floor";
    return {
      lo: certain.lo,
      hi: floorKind && ratioOf(open) > 0 ? Number.POSITIVE_INFINITY : possible.hi,
      // The estimate counts the categories known to apply; the open ones widen the range.
      est: certain.est,
      missing,
    };
  });
  if (discretionary)
    reasons.push(
      reason("supplement_discretionary", rule, { tiers: tiers ?? null, ratioFloor: ratioFloor ?? null }),
    );
  return { q: sum(perMember), reasons };
}
