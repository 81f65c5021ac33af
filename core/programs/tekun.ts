// 特困人员救助供养: unable to work (the national definition: 60+, under 16, listed disability grades),
// no source of income (own income under the dibao standard), and no legal supporter able to support.
// Amount: the local basic-living figure, or the pack's multiple of the standard, plus the care amount.

import {
  ageAtLeast,
  ageBelow,
  all,
  any,
  disabilityMatches,
  type Fact,
  flag,
  known,
  mp,
  OPEN,
  openHousehold,
  openOn,
} from "../facts.ts";
import { add, asFloor, below, exact, max, type Quantity, scale } from "../quantity.ts";
import type { RuleContext } from "../rules/context.ts";
import { hukouCondition } from "../rules/hukou.ts";
import { memberIncome } from "../rules/income.ts";
import { reason } from "../rules/reason.ts";
import { buildResult, noRuleInForce } from "../rules/result.ts";
import { areaAmount, figureReason } from "../rules/standard.ts";
import type { Reason, Result } from "../schema/screening.ts";

const CARE_KEYS = {
  full: "tekun.care.full",
  partial: "tekun.care.partial",
  none: "tekun.care.none",
} as const;

/** The care amount by self-care level (全自理 / 半自理 / 全护理): a share of the minimum wage, a floor. */
function careAmount(ctx: RuleContext, i: number): { q: Quantity; reasons: Reason[] } | null {
  const wage = ctx.p.amounts.minimumWage;
  const levels = ["full", "partial", "none"] as const;
  const rules = levels.map((l) => ctx.p.get(CARE_KEYS[l]));
  if (wage.absent || rules.every((r) => r === undefined)) return null;
  const selfCare = ctx.s.members[i]?.selfCare;
  const options = (selfCare === undefined ? levels : [selfCare]).map((l) => {
    const r = rules[levels.indexOf(l)];
    return r ? scale(wage.q, r.value) : exact(0);
  });
  const q: Quantity =
    options.length === 1
      ? (options[0] as Quantity)
      : {
          lo: Math.min(...options.map((o) => o.lo)),
          hi: Math.max(...options.map((o) => o.hi)),
          est: null,
          missing: [mp.selfCare(i)],
        };
  const cited = rules[levels.indexOf(selfCare ?? "full")];
  const reasons = cited
    ? [
        reason("tekun_care_amount", cited, {
          member: i,
          selfCare: selfCare ?? null,
          ratio: cited.value,
          minimumWage: wage.q.est,
        }),
        figureReason(ctx, "minimum_wage", wage),
      ]
    : [];
  // 不低于: each care amount is a floor.
  return { q: asFloor(q), reasons };
}

function amount(ctx: RuleContext, i: number): { q: Quantity | null; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const basic = areaAmount(ctx, "tekun.basicLiving");
  const ratio = ctx.p.values["tekun.ratioToStandard"];
  const std = areaAmount(ctx, "dibao.standard");
  let living: Quantity | null = basic.absent ? null : basic.q;
  if (!basic.absent) reasons.push(figureReason(ctx, "tekun_basic_living", basic));
  if (ratio && !std.absent) {
    const q = scale(std.q, ratio.value);
    const floor = ratio.kind === "floor" ? asFloor(q) : q;
    reasons.push(
      reason("tekun_ratio_to_standard", ratio, { ratio: ratio.value, standard: std.q.est, kind: ratio.kind }),
    );
    reasons.push(figureReason(ctx, "standard", std));
    // A published exact figure at or above the multiple's floor is the estimate; the floor its lower bound.
    const refines = living !== null && living.lo === living.hi && living.lo >= floor.lo;
    living = living === null ? floor : refines ? living : max(living, floor);
  }
  if (living === null) return { q: null, reasons };
  const care = careAmount(ctx, i);
  if (care === null) return { q: living, reasons };
  return { q: add(living, care.q), reasons: [...reasons, ...care.reasons] };
}

/** Whether this member already receives 特困: the flag is the household's, so with others living there it
 * cannot say who (a grandparent's support is not the grandchild's). */
function receivesTekun(ctx: RuleContext): Fact {
  const flagged = flag(ctx.s.currentBenefits?.tekun, openHousehold["currentBenefits.tekun"]);
  return flagged.v === true && ctx.n > 1 ? OPEN : flagged;
}

export function tekun(ctx: RuleContext, i: number): Result {
  const m = ctx.s.members[i];
  const rule = ctx.p.values["tekun.eligibility"];
  if (!m || !rule) return noRuleInForce("tekun", i, ctx.p.pack);
  const e = rule.value;
  const residence = ctx.p.values["tekun.residence"];
  const unable = any(
    ageAtLeast(ctx, i, e.minAge),
    ageBelow(ctx, i, e.underAge),
    // Minors already supported keep it to 18 (特困人员认定办法).
    all(ageBelow(ctx, i, e.keepToAge), receivesTekun(ctx)),
    disabilityMatches(m, i, e.disability),
  );
  const std = areaAmount(ctx, "dibao.standard");
  const own = memberIncome(ctx, i);
  const under = below(own.q, std.q);
  const assets: Fact =
    ctx.s.assets === undefined ? openHousehold.assets : known(ctx.s.assets === "within_limits");
  const noSupporter = flag(m.supportersAble, openOn.supportersAble(i), false);
  const t = ctx.tally.begin();
  t.cite(
    unable,
    rule,
    { member: i, minAge: e.minAge, underAge: e.underAge, keepToAge: e.keepToAge },
    "tekun_unable_to_work",
    "tekun_able_to_work",
  );
  const noIncome: Fact = under === undefined ? t.openFact(own.q.missing, std.q.missing) : known(under);
  if (t.tells(noIncome))
    t.citeAssessed(
      noIncome,
      rule,
      { member: i, income: own.q.est, standard: std.q.est },
      "tekun_no_income",
      "tekun_has_income",
    );
  t.citeAssessed(assets, rule, undefined, null, "assets_over_limits");
  if (residence) t.condition(hukouCondition(ctx, residence));
  // Whether a supporter is able to support is the office's judgment.
  t.citeAssessed(noSupporter, rule, { member: i }, "tekun_no_able_supporter", "tekun_has_able_supporter");
  const decision = t.decide();
  // Nothing to estimate for a program ruled out.
  if (decision.outcome === "unlikely") return buildResult("tekun", i, decision);
  const a = amount(ctx, i);
  const extra =
    a.q === null ? [figureReason(ctx, "tekun_basic_living", { q: exact(0), absent: true })] : a.reasons;
  return buildResult("tekun", i, decision, { monthly: a.q }, extra);
}
