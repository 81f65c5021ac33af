// 残疾人两项补贴: the living subsidy for disabled people on dibao, the care subsidy for grades 1 and 2.

import { type Fact, hasDisability, known, mp, openHousehold, openOn } from "../facts.ts";
import type { RuleContext } from "../rules/context.ts";
import { hukouCondition } from "../rules/hukou.ts";
import { buildResult, noRuleInForce } from "../rules/result.ts";
import { figureReason } from "../rules/standard.ts";
import type { Result } from "../schema/screening.ts";

const currentlyOnDibao = (ctx: RuleContext) => ctx.s.currentBenefits?.dibao != null;

/** On dibao now, or likely to be: the household's dibao or the member's own 单人保 decides. */
function coveredByDibao(ctx: RuleContext, dibao: Result, single: Result): Fact {
  const current = ctx.s.currentBenefits?.dibao;
  if (current != null || dibao.outcome === "likely" || single.outcome === "likely") return known(true);
  const currentFact: Fact = current === undefined ? openHousehold["currentBenefits.dibao"] : known(false);
  const dibaoOpen = dibao.outcome === "possible";
  const singleOpen = single.outcome === "possible";
  if (!dibaoOpen && !singleOpen) return currentFact;
  // What the open ones hinge on, then the current benefit's own: plain loops, run for every member.
  const paths: string[] = [];
  if (dibaoOpen) for (const p of dibao.missing) paths.push(p);
  if (singleOpen) for (const p of single.missing) paths.push(p);
  for (const p of currentFact.missing) paths.push(p);
  return { v: undefined, missing: paths };
}

export function disabilityLiving(ctx: RuleContext, i: number, dibao: Result, single: Result): Result {
  const m = ctx.s.members[i];
  const rule = ctx.p.values["disabilityLiving.eligibility"];
  if (!m || !rule) return noRuleInForce("disability_living_subsidy", i, ctx.p.pack);
  const onDibao = coveredByDibao(ctx, dibao, single);
  const t = ctx.tally.begin();
  t.cite(hasDisability(m, i), rule, { member: i }, "has_disability_certificate", "no_disability");
  // On 低保 now is a fact; 低保 to come is as certain as the 低保 and 单人保 results it follows.
  if (currentlyOnDibao(ctx) || (dibao.certain === true && single.certain === true))
    t.cite(onDibao, rule, undefined, "household_on_dibao", "household_not_on_dibao");
  else t.citeAssessed(onDibao, rule, undefined, "household_on_dibao", "household_not_on_dibao");
  // Paid with 低保, where 低保 is: 低保's hukou rule applies (东兴区 三(四)1: 享受农村低保的残疾人).
  const dibaoRules = ctx.p.values["dibao.eligibility"];
  if (rule.value.requiresDibao && dibaoRules) t.condition(hukouCondition(ctx, dibaoRules));
  const decision = t.decide();
  // Nothing to estimate for a program ruled out.
  if (decision.outcome === "unlikely") return buildResult("disability_living_subsidy", i, decision);
  const amount = ctx.p.amounts["disabilityLiving.amount"];
  return buildResult("disability_living_subsidy", i, decision, { monthly: amount.absent ? null : amount.q }, [
    figureReason(ctx, "disability_living_amount", amount),
  ]);
}

export function disabilityCare(ctx: RuleContext, i: number): Result {
  const m = ctx.s.members[i];
  const rule = ctx.p.values["disabilityCare.eligibility"];
  if (!m || !rule) return noRuleInForce("disability_care_subsidy", i, ctx.p.pack);
  const d = m.disability;
  const grade = d === null ? null : d === undefined ? undefined : d.grade;
  const severe: Fact =
    d === null
      ? known(false)
      : d === undefined
        ? openOn.disability(i)
        : grade === undefined || grade === null
          ? openOn["disability.grade"](i)
          : known(rule.value.grades.includes(grade));
  const t = ctx.tally.begin();
  t.cite(
    severe,
    rule,
    { member: i, grade: grade ?? null },
    "care_subsidy_grade",
    "care_subsidy_grade_not_met",
  );
  const decision = t.decide();
  // Nothing to estimate for a program ruled out.
  if (decision.outcome === "unlikely") return buildResult("disability_care_subsidy", i, decision);
  const key = grade === 1 ? "disabilityCare.amount.grade1" : "disabilityCare.amount.grade2";
  const amount = ctx.p.amounts[key];
  const g1 = ctx.p.amounts["disabilityCare.amount.grade1"];
  const g2 = ctx.p.amounts["disabilityCare.amount.grade2"];
  const q =
    grade === 1 || grade === 2
      ? amount.absent
        ? null
        : amount.q
      : g1.absent || g2.absent
        ? null
        : {
            lo: Math.min(g1.q.lo, g2.q.lo),
            hi: Math.max(g1.q.hi, g2.q.hi),
            est: null,
            missing: [mp[d ? "disability.grade" : "disability"](i)],
          };
  return buildResult("disability_care_subsidy", i, decision, { monthly: q }, [
    figureReason(ctx, "disability_care_amount", amount, { grade: grade ?? null }),
  ]);
}
