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
  unknown,
} from "../facts.ts";
import type { ParamKey } from "../policies/params.ts";
import { add, below, exact, max, type Quantity, scale } from "../quantity.ts";
import type { RuleContext } from "../rules/context.ts";
import { condition, decide } from "../rules/decide.ts";
import { memberIncome } from "../rules/income.ts";
import { reason } from "../rules/reason.ts";
import { buildResult } from "../rules/result.ts";
import { areaAmount, figureReason } from "../rules/standard.ts";
import type { Reason, Result } from "../schema/screening.ts";

function amount(ctx: RuleContext, i: number): { q: Quantity | null; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const basic = areaAmount(ctx, "tekun.basicLiving");
  const ratio = ctx.p.get("tekun.ratioToStandard");
  const std = areaAmount(ctx, "dibao.standard");
  const parts: Quantity[] = [];
  if (!basic.absent) {
    parts.push(basic.q);
    reasons.push(figureReason(ctx, "tekun_basic_living", basic));
  }
  if (ratio && !std.absent) {
    const q = scale(std.q, ratio.value);
    parts.push(ratio.kind === "floor" ? { ...q, hi: Number.POSITIVE_INFINITY } : q);
    reasons.push(
      reason("tekun_ratio_to_standard", ratio, { ratio: ratio.value, standard: std.q.est, kind: ratio.kind }),
    );
  }
  if (parts.length === 0) return { q: null, reasons };
  let total = parts.reduce((a, b) => max(a, b));
  const wage = ctx.p.amount("minimumWage");
  const selfCare = ctx.s.members[i]?.selfCare;
  const care = (level: "full" | "partial" | "none") =>
    ctx.p.get(`tekun.care.${level}` as ParamKey) as
      | { value: number; kind: "exact" | "floor"; source: string; basis: "seed" }
      | undefined;
  const levels = ["full", "partial", "none"] as const;
  if (levels.some((l) => care(l)) && !wage.absent) {
    const options = (selfCare === undefined ? levels : [selfCare]).map((l) => {
      const c = care(l);
      return c ? scale(wage.q, c.value) : exact(0);
    });
    const careQ: Quantity =
      options.length === 1
        ? (options[0] as Quantity)
        : {
            lo: Math.min(...options.map((o) => o.lo)),
            hi: Math.max(...options.map((o) => o.hi)),
            est: null,
            missing: [mp(i, "selfCare")],
          };
    // 不低于: each care amount is a floor.
    total = add(total, { ...careQ, hi: Number.POSITIVE_INFINITY });
    const c = selfCare ? care(selfCare) : care("full");
    if (c)
      reasons.push(
        reason("tekun_care_amount", c, {
          selfCare: selfCare ?? null,
          ratio: c.value,
          minimumWage: wage.q.est,
        }),
      );
  }
  return { q: total, reasons };
}

export function tekun(ctx: RuleContext, i: number): Result {
  const m = ctx.s.members[i];
  const rule = ctx.p.get("tekun.eligibility");
  if (!m || !rule) {
    const seed = ctx.p.pack.documents[0];
    return buildResult("tekun", i, {
      outcome: "unlikely",
      reasons: [reason("no_rule_in_force", { source: seed?.id ?? "", basis: "seed" }, { program: "tekun" })],
      missing: [],
    });
  }
  const e = rule.value;
  const unable = any(
    ageAtLeast(m, i, ctx.asOf, e.minAge),
    ageBelow(m, i, ctx.asOf, e.underAge),
    // Minors already supported keep it to 18 (特困人员认定办法).
    all(ageBelow(m, i, ctx.asOf, e.keepToAge), flag(ctx.s.currentBenefits?.tekun, "currentBenefits.tekun")),
    disabilityMatches(m, i, e.disability),
  );
  const std = areaAmount(ctx, "dibao.standard");
  const own = memberIncome(ctx, i);
  const under = below(own.q, std.q);
  const noIncome: Fact =
    under === undefined ? unknown(...new Set([...own.q.missing, ...std.q.missing])) : known(under);
  const assets: Fact =
    ctx.s.assets === undefined ? unknown("assets") : known(ctx.s.assets === "within_limits");
  const noSupporter = flag(m.supportersAble, mp(i, "supportersAble"), false);
  const values = { member: i, minAge: e.minAge, underAge: e.underAge, keepToAge: e.keepToAge };
  const decision = decide([
    condition(
      unable,
      reason("tekun_unable_to_work", rule, values),
      reason("tekun_able_to_work", rule, values),
    ),
    condition(
      noIncome,
      reason("tekun_no_income", rule, { member: i, income: own.q.est, standard: std.q.est }),
      reason("tekun_has_income", rule, { member: i, income: own.q.est, standard: std.q.est }),
    ),
    condition(assets, null, reason("assets_over_limits", rule)),
    condition(
      noSupporter,
      reason("tekun_no_able_supporter", rule, { member: i }),
      reason("tekun_has_able_supporter", rule, { member: i }),
    ),
  ]);
  const a = amount(ctx, i);
  const extra =
    a.q === null ? [figureReason(ctx, "tekun_basic_living", { q: exact(0), absent: true })] : a.reasons;
  return buildResult("tekun", i, decision, { monthly: a.q }, extra);
}
