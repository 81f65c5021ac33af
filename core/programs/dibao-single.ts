// 单人保: a severely disabled or seriously ill member covered as a one-person household. Each pack names
// its routes (disability, illness) and the national layer adds 民发〔2021〕57号's; the best route wins.

import {
  ageAtLeast,
  all,
  any,
  disabilityMatches,
  type Fact,
  flag,
  known,
  mp,
  negate,
  OPEN,
  onDibao,
  openHousehold,
  openOn,
  seriouslyIll,
  TRUE,
} from "../facts.ts";
import { distinct, ofLength } from "../lists.ts";
import type { SingleRoute } from "../policies/params.ts";
import type { Resolved } from "../policies/resolve.ts";
import { add, asFloor, below, exact, max, type Quantity, scale, sub, unknownFact } from "../quantity.ts";
import type { RuleContext } from "../rules/context.ts";
import { better, type Decision } from "../rules/decide.ts";
import { hukouCondition } from "../rules/hukou.ts";
import { type HouseholdIncome, householdIncome, memberIncome } from "../rules/income.ts";
import { reason } from "../rules/reason.ts";
import { buildResult, noRuleInForce } from "../rules/result.ts";
import { areaAmount, figureReason } from "../rules/standard.ts";
import type { Reason, Result } from "../schema/screening.ts";

interface Assessed {
  decision: Decision;
  /** The income the route counts, for its amount (worked out for the route taken only). */
  counted: Quantity;
  route: SingleRoute;
}

/** 补差: the standard less the counted income, or the standard itself as a floor where the route says so. */
function monthlyOf(ctx: RuleContext, a: Assessed): Quantity {
  const std = areaAmount(ctx, "dibao.standard");
  const owed = a.route.amount === "standard_floor" ? asFloor(std.q) : sub(std.q, a.counted);
  return { lo: Math.max(0, owed.lo), hi: owed.hi, est: owed.est, missing: owed.missing };
}

/**
 * 东兴区 三(一)3: the person's own income plus the support legal supporters owe. Support already received
 * is part of the own income, so it counts once: the larger of what is received and what is owed.
 */
function ownPlusSupport(ctx: RuleContext, i: number, own: Quantity): Quantity {
  const m = ctx.s.members[i];
  const received =
    m?.income?.filter((x) => x.kind === "support_received").reduce((t, x) => t + x.monthly, 0) ?? 0;
  const owed =
    m?.supportOwedMonthly === undefined ? unknownFact(mp.supportOwedMonthly(i)) : exact(m.supportOwedMonthly);
  return add(sub(own, exact(received)), max(exact(received), owed));
}

function who(ctx: RuleContext, i: number, r: SingleRoute): Fact {
  const m = ctx.s.members[i];
  if (!m) return known(false);
  const disabled = disabilityMatches(m, i, r.disability);
  const ill = r.illness
    ? all(seriouslyIll(m, i), r.needsMedicalAid ? medicalAid(ctx, i) : TRUE)
    : known(false);
  return any(disabled, ill);
}

function medicalAid(ctx: RuleContext, i: number): Fact {
  const ill = ctx.s.members[i]?.illness;
  if (ill === null) return known(false);
  // Named at its own path even while the illness itself is unknown: it can fail the route on its own.
  return flag(ill?.medicalAid, openOn["illness.medicalAid"](i));
}

function assess(
  ctx: RuleContext,
  i: number,
  rule: Resolved<SingleRoute>,
  household: HouseholdIncome,
): Assessed {
  const r = rule.value;
  const m = ctx.s.members[i];
  const std = areaAmount(ctx, "dibao.standard");
  const own = memberIncome(ctx, i);
  const counted = r.incomeTest === "own_plus_support" ? ownPlusSupport(ctx, i, own.q) : own.q;
  // One set of values for the member's reasons: only the one for each fact's state is built.
  const member = { member: i };
  const t = ctx.tally.begin();
  t.cite(who(ctx, i, r), rule, member, "single_qualifying_condition", "single_not_severe");
  if (r.adult && m) t.cite(ageAtLeast(ctx, i, 18), rule, member, null, "single_adults_only");
  if (r.unemployed && m)
    t.cite(flag(m.employed, openOn.employed(i), false), rule, member, null, "single_unemployed_only");
  if (r.dependsOnFamily && m)
    t.cite(flag(m.dependsOnFamily, openOn.dependsOnFamily(i)), rule, member, null, "single_not_dependent");
  if (r.cannotLiveAlone && m)
    t.cite(flag(m.canLiveAlone, openOn.canLiveAlone(i), false), rule, member, null, "single_can_live_alone");
  if (r.assetsWithinLimits) {
    const assets: Fact =
      ctx.s.assets === undefined ? openHousehold.assets : known(ctx.s.assets === "within_limits");
    t.citeAssessed(assets, rule, undefined, null, "assets_over_limits");
  }
  // 低保 for one person: 低保's own hukou rule applies (东兴区 三(一)3; 普宁's residence permit stays 可).
  const asDibao = ctx.p.values["dibaoSingle.asDibao"];
  const dibaoRules = ctx.p.values["dibao.eligibility"];
  if (asDibao && dibaoRules) t.condition(hukouCondition(ctx, dibaoRules));
  const excluded = ctx.p.values["dibaoSingle.excludedWhenFamilyOnDibao"];
  if (excluded) t.cite(negate(onDibao(ctx.s)), excluded, undefined, null, "single_family_on_dibao");

  ctx.kept.standardCite ??= figureReason(ctx, "standard", std);
  const cite = ctx.kept.standardCite;
  if (r.incomeTest === "unstated") {
    // 生活困难 with no figure: the office judges it.
    t.cite(OPEN, rule, member, null, null, "single_hardship_not_defined");
  } else {
    const tested =
      r.incomeTest === "household_per_capita"
        ? { q: household.strict, limit: scale(std.q, ctx.n * r.incomeMultiple), lenient: household.lenient }
        : { q: counted, limit: scale(std.q, r.incomeMultiple), lenient: counted };
    const strict = below(tested.q, tested.limit);
    const lenient = below(tested.lenient, tested.limit);
    const fact: Fact =
      strict === true
        ? known(true)
        : strict === false && lenient === false
          ? known(false)
          : t.openFact(tested.q.missing, tested.lenient.missing, std.q.missing);
    if (t.tells(fact)) {
      // Built by assignment, not spreads: this runs for every member and route of every screening.
      const values: Record<string, unknown> = Object.assign(
        { member: i, multiple: r.incomeMultiple },
        cite.values,
      );
      values.income = tested.q.est;
      values.test = r.incomeTest;
      t.citeAssessed(
        fact,
        cite,
        values,
        "single_income_below_limit",
        "single_income_above_limit",
        "single_income_open",
      );
    }
  }
  if (r.aboveStandardOnly) {
    const under = below(household.strict, scale(std.q, ctx.n));
    const fact: Fact =
      under === undefined ? t.openFact(household.strict.missing, std.q.missing) : known(!under);
    t.citeAssessed(fact, rule, member, null, "single_family_below_standard");
  }
  if (r.discretionary) t.cite(OPEN, rule, member, null, null, "single_discretionary");

  return { decision: t.decide(), counted, route: r };
}

/** The routes in force, in the order they are told (the same for every member). */
function routesInForce(ctx: RuleContext): Resolved<SingleRoute>[] {
  // Read with the keys written out (see ParamReader.values).
  const v = ctx.p.values;
  const rules: Resolved<SingleRoute>[] = [];
  for (const rule of [
    v["dibaoSingle.route.disability"],
    v["dibaoSingle.route.illness"],
    v["dibaoSingle.route.provincial"],
    v["dibaoSingle.route.national"],
  ])
    if (rule) rules.push(rule as Resolved<SingleRoute>);
  return rules;
}

export function dibaoSingle(ctx: RuleContext, i: number): Result {
  ctx.kept.singleRoutes ??= routesInForce(ctx);
  const rules = ctx.kept.singleRoutes;
  if (rules.length === 0) return noRuleInForce("dibao_single", i, ctx.p.pack);
  // 参照单人户: for a member of a larger family; a person living alone applies for dibao as a household
  // (no route is worth assessing then).
  if (ctx.n === 1) {
    return buildResult("dibao_single", i, {
      outcome: "unlikely",
      reasons: [reason("single_one_person_household", rules[0] as Resolved<SingleRoute>, { member: i })],
      missing: [],
    });
  }
  const household = householdIncome(ctx);
  // Plain loops: this runs for every member of every screening.
  const routes: Assessed[] = ofLength(rules.length);
  for (let k = 0; k < rules.length; k++)
    routes[k] = assess(ctx, i, rules[k] as Resolved<SingleRoute>, household);
  let best = routes[0] as Assessed;
  let allCertain = true;
  for (const r of routes) {
    if (better(r.decision.outcome, best.decision.outcome)) best = r;
    if (r.decision.certain !== true) allCertain = false;
  }
  const outcome = best.decision.outcome;
  if (outcome === "unlikely") {
    const reasons: Reason[] = [];
    for (const r of routes) for (const x of r.decision.reasons) reasons.push(x);
    // Certain only when every route fails on a hard fact.
    return buildResult("dibao_single", i, { outcome, reasons, missing: [], certain: allCertain });
  }
  let missing = best.decision.missing;
  if (outcome === "possible") {
    missing = [];
    for (const r of routes)
      if (r.decision.outcome === "possible") for (const p of r.decision.missing) missing.push(p);
  }
  return buildResult(
    "dibao_single",
    i,
    {
      outcome,
      reasons: best.decision.reasons,
      missing: distinct(missing),
      certain: best.decision.certain,
    },
    { monthly: monthlyOf(ctx, best) },
  );
}
