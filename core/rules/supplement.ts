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
  OPEN,
  openHousehold,
  openOn,
  seriouslyIll,
  TRUE,
} from "../facts.ts";
import { distinct, ofLength } from "../lists.ts";
import type { SupplementCategory } from "../policies/params.ts";
import type { AmountParam } from "../policies/reader.ts";
import { asFloor, exact, type Quantity, scale, sum } from "../quantity.ts";
import type { Reason } from "../schema/screening.ts";
import type { RuleContext } from "./context.ts";
import { reason } from "./reason.ts";

/** No paths: shared, as a quantity's list of paths is never changed. */
const NOTHING: string[] = [];

function inCategory(ctx: RuleContext, i: number, c: SupplementCategory): Fact {
  const m = ctx.s.members[i];
  if (!m) return FALSE;
  switch (c.id) {
    case "elderly":
      return ageAtLeast(ctx, i, c.minAge ?? 60);
    case "minor":
      return ageBelow(ctx, i, 18);
    case "severe_disability":
      return disabilityMatches(m, i, c.disability ? [c.disability] : [{ grades: [1, 2] }]);
    case "serious_illness": {
      const ill = seriouslyIll(m, i);
      const listed: Fact =
        c.diseases === undefined || m.illness === null || m.illness === undefined
          ? TRUE
          : m.illness.disease === undefined
            ? openOn["illness.disease"](i)
            : // "other": a disease the county lists locally, which this pack cannot know.
              m.illness.disease === "other"
              ? OPEN
              : known(c.diseases.includes(m.illness.disease));
      const spending: Fact = !c.needsMedicalExpense
        ? TRUE
        : ctx.s.monthlyExpenses?.medical === undefined
          ? openHousehold["monthlyExpenses.medical"]
          : known(ctx.s.monthlyExpenses.medical > 0);
      return all(ill, listed, spending);
    }
    case "elderly_disabled":
      return all(ageAtLeast(ctx, i, c.minAge ?? 60), hasDisability(m, i));
    case "multiple_disabled_household": {
      const others = ctx.s.members.map((o, j) => (j === i ? FALSE : hasDisability(o, j)));
      return all(hasDisability(m, i), anyOf(others));
    }
    case "multiple_disability":
      return m.disability === null
        ? FALSE
        : m.disability === undefined
          ? openOn.disability(i)
          : m.disability.category === undefined
            ? openOn["disability.category"](i)
            : known(m.disability.category === "multiple");
  }
}

export interface SupplementAmount {
  q: Quantity;
  reasons: Reason[];
}

export function supplements(ctx: RuleContext, standard: AmountParam): SupplementAmount {
  // The ordinary test and 支出核减 both ask, with the same standard: worked out once per screening.
  ctx.kept.supplements ??= workOut(ctx, standard);
  return ctx.kept.supplements;
}

function workOut(ctx: RuleContext, standard: AmountParam): SupplementAmount {
  const rule = ctx.p.values["dibao.supplement"];
  if (!rule) return { q: exact(0), reasons: [] };
  const area = areaIn(ctx.s, rule.value.areas);
  if (area.v === false) return { q: exact(0), reasons: [] };
  const { categories, tiers, ratioFloor, discretionary } = rule.value;
  const reasons: Reason[] = [];
  // Plain loops: this runs for every member of every screening with supplements.
  const perMember: Quantity[] = ofLength(ctx.n);
  for (let i = 0; i < ctx.n; i++) {
    // Most members are in no category, or sure of one: lists made only when there is something to hold.
    let missing: string[] = NOTHING;
    let sure: SupplementCategory["id"][] | null = null;
    let open = false;
    // Stated ratios, highest only (不重复增发): of the categories known to apply, and of all still open.
    let ratioSure = 0;
    let ratioOpen = 0;
    for (const c of categories) {
      const f = all(area, inCategory(ctx, i, c));
      if (f.v === false) continue;
      open = true;
      if (f.missing.length > 0) missing = missing.length === 0 ? f.missing : distinct(missing, f.missing);
      const ratio = c.ratio ?? 0;
      if (ratio > ratioOpen) ratioOpen = ratio;
      if (f.v === true) {
        sure ??= [];
        sure.push(c.id);
        if (ratio > ratioSure) ratioSure = ratio;
      }
    }
    if (!open) {
      perMember[i] = exact(0);
      continue;
    }
    if (sure !== null) reasons.push(reason("supplement_category", rule, { member: i, categories: sure }));
    if (tiers !== undefined || ratioFloor !== undefined) {
      // The office chooses whether and which tier: nothing is certain, the top tier bounds it.
      const top =
        tiers !== undefined ? exact(Math.max(...tiers)) : asFloor(scale(standard.q, ratioFloor ?? 0));
      perMember[i] = { lo: 0, hi: top.hi, est: 0, missing };
      continue;
    }
    const certain = scale(standard.q, ratioSure);
    const possible = scale(standard.q, ratioOpen);
    // "不低于": a floor.
    const floorKind = rule.kind === "floor";
    perMember[i] = {
      lo: certain.lo,
      hi: floorKind && ratioOpen > 0 ? Number.POSITIVE_INFINITY : possible.hi,
      // The estimate counts the categories known to apply; the open ones widen the range.
      est: certain.est,
      missing,
    };
  }
  if (discretionary)
    reasons.push(
      reason("supplement_discretionary", rule, { tiers: tiers ?? null, ratioFloor: ratioFloor ?? null }),
    );
  return { q: sum(perMember), reasons };
}
