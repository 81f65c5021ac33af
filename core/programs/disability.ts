// 残疾人两项补贴: the living subsidy for disabled people on dibao, the care subsidy for grades 1 and 2.

import { type Fact, hasDisability, known, mp, unknown } from "../facts.ts";
import type { RuleContext } from "../rules/context.ts";
import { condition, decide } from "../rules/decide.ts";
import { reason } from "../rules/reason.ts";
import { buildResult } from "../rules/result.ts";
import { figureReason } from "../rules/standard.ts";
import type { Result } from "../schema/screening.ts";

export function disabilityLiving(ctx: RuleContext, i: number, dibao: Result): Result {
  const m = ctx.s.members[i];
  const rule = ctx.p.get("disabilityLiving.eligibility");
  if (!m || !rule)
    return buildResult("disability_living_subsidy", i, { outcome: "unlikely", reasons: [], missing: [] });
  const current = ctx.s.currentBenefits?.dibao;
  // On dibao now, or likely to be: the household's own dibao result decides.
  const onDibao: Fact =
    current != null || dibao.outcome === "likely"
      ? known(true)
      : dibao.outcome === "unlikely"
        ? current === undefined
          ? unknown("currentBenefits.dibao")
          : known(false)
        : unknown(...dibao.missing, ...(current === undefined ? ["currentBenefits.dibao"] : []));
  const decision = decide([
    condition(
      hasDisability(m, i),
      reason("has_disability_certificate", rule, { member: i }),
      reason("no_disability", rule, { member: i }),
    ),
    condition(onDibao, reason("household_on_dibao", rule), reason("household_not_on_dibao", rule)),
  ]);
  const amount = ctx.p.amount("disabilityLiving.amount");
  return buildResult("disability_living_subsidy", i, decision, { monthly: amount.absent ? null : amount.q }, [
    figureReason(ctx, "disability_living_amount", amount),
  ]);
}

export function disabilityCare(ctx: RuleContext, i: number): Result {
  const m = ctx.s.members[i];
  const rule = ctx.p.get("disabilityCare.eligibility");
  if (!m || !rule)
    return buildResult("disability_care_subsidy", i, { outcome: "unlikely", reasons: [], missing: [] });
  const d = m.disability;
  const grade = d === null ? null : d === undefined ? undefined : d.grade;
  const severe: Fact =
    d === null
      ? known(false)
      : d === undefined
        ? unknown(mp(i, "disability"))
        : grade === undefined || grade === null
          ? unknown(mp(i, "disability.grade"))
          : known(rule.value.grades.includes(grade));
  const decision = decide([
    condition(
      severe,
      reason("care_subsidy_grade", rule, { member: i, grade: grade ?? null }),
      reason("care_subsidy_grade_not_met", rule, { member: i, grade: grade ?? null }),
    ),
  ]);
  const key = grade === 1 ? "disabilityCare.amount.grade1" : "disabilityCare.amount.grade2";
  const amount = ctx.p.amount(key);
  const g1 = ctx.p.amount("disabilityCare.amount.grade1");
  const g2 = ctx.p.amount("disabilityCare.amount.grade2");
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
            missing: [mp(i, d ? "disability.grade" : "disability")],
          };
  return buildResult("disability_care_subsidy", i, decision, { monthly: q }, [
    figureReason(ctx, "disability_care_amount", amount, { grade: grade ?? null }),
  ]);
}
