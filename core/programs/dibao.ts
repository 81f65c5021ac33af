// 最低生活保障 (household): 补差 = standard × members − counted household income, on the total so
// per-capita rounding never changes a yuan. Three routes, the best taken: the ordinary income test, the
// medical-expense route (支出核减), and a transition (渐退) for a household whose income has risen.

import { firstOfNextMonth, minDate, periodEnd, wholeYears } from "../dates.ts";
import {
  areaIn,
  FALSE,
  type Fact,
  flag,
  known,
  OPEN,
  onDibao,
  openHousehold,
  TRUE,
  unknown,
  unknownOf,
} from "../facts.ts";
import { distinct, flatten } from "../lists.ts";
import type { Transition } from "../policies/params.ts";
import type { Resolved } from "../policies/resolve.ts";
import {
  add,
  atLeastZero,
  atMost,
  below,
  exact,
  type Quantity,
  scale,
  sub,
  unknownFact,
  yuan,
} from "../quantity.ts";
import type { RuleContext } from "../rules/context.ts";
import {
  assessed,
  better,
  type Condition,
  citing,
  condition,
  type Decision,
  decide,
} from "../rules/decide.ts";
import { declaredAboveSince, mayStateRise } from "../rules/declaration.ts";
import { hukouCondition } from "../rules/hukou.ts";
import { expense, type HouseholdIncome, householdIncome } from "../rules/income.ts";
import { reason } from "../rules/reason.ts";
import { buildResult } from "../rules/result.ts";
import { areaAmount, figureReason } from "../rules/standard.ts";
import { supplements } from "../rules/supplement.ts";
import type { Outcome } from "../schema/enums.ts";
import type { Reason, Result } from "../schema/screening.ts";
import type { Situation } from "../schema/situation.ts";

interface Route {
  decision: Decision;
  monthly: Quantity | null;
  until: string | null;
  extra: Reason[];
  /** Whether its failure is worth telling (a transition for a household not on dibao is not). */
  relevant: boolean;
  /**
   * The decision without its income-side condition (below the standard, or not below it): these
   * conditions less `income`, decided only when asked (see restOf), since only a household open on both
   * the ordinary test and a transition needs it.
   */
  rest?: { conditions: Condition[]; income: Condition | null };
}

function restOf(ctx: RuleContext, route: Route): Decision | undefined {
  const rest = route.rest;
  if (rest === undefined) return undefined;
  return decide(ctx.tally, rest.income ? rest.conditions.filter((c) => c !== rest.income) : rest.conditions);
}

const NO_AMOUNT: Quantity = { lo: 0, hi: Number.POSITIVE_INFINITY, est: null, missing: [] };

function perCapita(q: Quantity, n: number): number | null {
  return q.est === null ? null : yuan(q.est / n);
}

/** The income test's reason: the standard's cited figure, the household's per-capita income, and more.
 * Built by assignment, not spreads (in the same key order): this runs for every screening. */
function incomeReason(
  ctx: RuleContext,
  cite: Reason,
  standard: Quantity,
  code: string,
  q: Quantity,
  more?: Record<string, unknown>,
): Reason {
  const values: Record<string, unknown> = Object.assign({}, cite.values);
  values.perCapitaIncome = perCapita(q, ctx.n);
  values.standard = standard.est;
  values.members = ctx.n;
  if (more) Object.assign(values, more);
  return { code, source: cite.source, basis: cite.basis, values };
}

/** Hukou, property and benefits that rule dibao out: the conditions every route shares. */
function baseConditions(ctx: RuleContext): Condition[] {
  ctx.kept.dibaoBase ??= buildBaseConditions(ctx);
  return ctx.kept.dibaoBase;
}

function buildBaseConditions(ctx: RuleContext): Condition[] {
  const { s } = ctx;
  const out: Condition[] = [];
  const eligibility = ctx.p.values["dibao.eligibility"];
  if (eligibility) {
    out.push(hukouCondition(ctx, eligibility));
    const assets: Fact = s.assets === undefined ? openHousehold.assets : known(s.assets === "within_limits");
    out.push(assessed(citing(assets, eligibility, undefined, null, "assets_over_limits", "assets_unknown")));
  }
  const excluded = ctx.p.values["dibao.excludedByCurrent"];
  if (excluded)
    for (const benefit of excluded.value) {
      const receiving = s.currentBenefits?.[benefit];
      // A recipient is provided for by that program; the rest of a larger household may still qualify.
      const fact: Fact =
        receiving === undefined
          ? unknown(`currentBenefits.${benefit}`)
          : !receiving
            ? TRUE
            : ctx.n === 1
              ? FALSE
              : OPEN;
      out.push(
        citing(
          fact,
          excluded,
          { benefit },
          null,
          "excluded_by_current_benefit",
          "excluded_by_current_benefit",
        ),
      );
    }
  return out;
}

/** The deployment figures that would settle an open income test, by area (either: both named). */
const STANDARD_PARAMETERS = {
  urban: ["param:dibao.standard.urban"],
  rural: ["param:dibao.standard.rural"],
  either: ["param:dibao.standard.urban", "param:dibao.standard.rural"],
} as const;

const NO_PATHS: readonly string[] = [];
const STATEMENT: readonly string[] = ["incomeAboveStandardSince"];

function ordinary(ctx: RuleContext, income: HouseholdIncome): Route {
  const std = areaAmount(ctx, "dibao.standard");
  const threshold = scale(std.q, ctx.n);
  const strict = below(income.strict, threshold);
  const lenient = below(income.lenient, threshold);
  ctx.kept.standardCite ??= figureReason(ctx, "standard", std);
  const cite = ctx.kept.standardCite;
  const declared = declaredAboveSince(ctx);
  // The income and the figure are as known as they will get: only the city's own standard is missing.
  const settledInputs = income.strict.missing.length === 0 && std.q.missing.length === 0;
  // Then the household's own statement would settle it: worth asking while it is not known.
  const statement =
    settledInputs && mayStateRise(ctx) && ctx.s.incomeAboveStandardSince === undefined
      ? ["incomeAboveStandardSince"]
      : [];
  // Only a floor is known and the counted income is above it: the city's own standard decides.
  const aboveFloor = strict === undefined && std.resolved?.kind === "floor" && settledInputs;
  // The deployment figure that would settle an open test, named as a parameter path (README: "Parameters").
  const parameters = STANDARD_PARAMETERS[ctx.s.area ?? "either"];
  const declaredTest: Reason[] = [];
  const t = ctx.tally.begin();
  for (const c of baseConditions(ctx)) t.condition(c);
  // Once a base condition has failed only a failed test would count (see Tally): no other one is built.
  const baseFailed = !t.tells(OPEN);
  let test: Condition | null = null;
  if (strict === true) {
    if (!baseFailed)
      test = condition(TRUE, incomeReason(ctx, cite, std.q, "income_below_standard", income.strict), null);
    if (declared) {
      // The computed test stands; the household's statement is told beside it.
      declaredTest.push(
        incomeReason(ctx, cite, std.q, "income_below_despite_declaration", income.strict, {
          since: declared,
        }),
      );
    }
  } else if (strict === undefined && declared && settledInputs) {
    test = condition(
      FALSE,
      null,
      incomeReason(ctx, cite, std.q, "income_above_standard_declared", income.strict, { since: declared }),
    );
  } else if (baseFailed && strict !== false) {
    // Open: it would count for nothing.
  } else if (aboveFloor) {
    test = condition(
      unknown(...parameters, ...statement),
      null,
      null,
      incomeReason(ctx, cite, std.q, "income_above_floor", income.strict, {
        floor: std.q.lo,
        parameters: [...parameters],
      }),
    );
  } else if (strict === false && lenient === false) {
    test = condition(FALSE, null, incomeReason(ctx, cite, std.q, "income_above_standard", income.strict));
  } else if (strict === false) {
    // Only the deductions the office may apply (可 / 适当扣减) bring the income under the standard.
    if (!baseFailed)
      test = condition(
        unknown(...income.lenient.missing),
        null,
        null,
        incomeReason(ctx, cite, std.q, "income_below_only_after_deductions", income.lenient),
      );
  } else {
    const missing = distinct(
      income.strict.missing,
      income.lenient.missing,
      std.q.missing,
      statement,
      // No figure published at all: the city's own would settle it once the income is known.
      std.absent && settledInputs ? parameters : NO_PATHS,
    );
    test = condition(
      unknownOf(missing),
      null,
      null,
      incomeReason(ctx, cite, std.q, "income_test_open", income.strict),
    );
  }
  if (test !== null) t.add(test.fact, test.reason, true);
  const decision = t.decide();
  const strictAmount = sub(threshold, income.strict);
  const lenientAmount = sub(threshold, income.lenient);
  const base: Quantity = {
    // The estimate leaves out what the office may deduct (可 / 适当扣减); the range's top includes it.
    lo: Math.max(0, strictAmount.lo),
    hi: lenientAmount.hi,
    // Above a floor, or above the standard with only the office's deductions to bring it under, no
    // estimate is honest: never "possible, 0 yuan"; the range says what the deductions could give.
    est: strictAmount.est === null || aboveFloor || strict === false ? null : Math.max(0, strictAmount.est),
    // The deductions the office may apply widen only a bounded range (a floor has no upper bound anyway).
    missing:
      strict === true && threshold.hi === Number.POSITIVE_INFINITY
        ? strictAmount.missing
        : distinct(strictAmount.missing, lenientAmount.missing),
  };
  const extra = supplements(ctx, std);
  return {
    decision,
    // Without a standard no fact can make the amount known: it hinges on nothing the person can answer.
    monthly: std.absent ? NO_AMOUNT : add(base, extra.q),
    until: null,
    extra: [
      ...declaredTest,
      ...income.exclusions,
      ...deductionsWorthTelling(income, strict),
      ...extra.reasons,
    ],
    relevant: true,
    rest: { conditions: baseConditions(ctx), income: null },
  };
}

/**
 * The office may deduct medical, care, rehabilitation or work costs (可 / 适当扣减). Worth telling when the
 * household reported such costs, or when they are unknown and could bring the income under the
 * standard — not when the household qualifies anyway and they would only raise the range's top.
 */
function deductionsWorthTelling(income: HouseholdIncome, strict: boolean | undefined): Reason[] {
  return income.deductions.filter((r) => {
    const amount = r.values.amount;
    return typeof amount === "number" ? amount > 0 : strict !== true;
  });
}

/** 支出核减 (吉民发〔2018〕12号 三(二)): income less out-of-pocket medical costs, negative as zero, one year. */
function expenseRoute(ctx: RuleContext, income: HouseholdIncome): Route | null {
  const rule = ctx.p.values["dibao.expenseRoute"];
  if (!rule) return null;
  const std = areaAmount(ctx, "dibao.standard");
  const threshold = scale(std.q, ctx.n);
  const medical = expense(ctx, "medical");
  const reduced = atLeastZero(sub(income.strict, medical));
  const test = below(reduced, threshold);
  const base = baseConditions(ctx);
  const t = ctx.tally.begin();
  t.cite(areaIn(ctx.s, rule.value.areas), rule, { areas: rule.value.areas }, null, "rule_area_only");
  for (const c of base) t.condition(c);
  const fact: Fact = test === undefined ? t.openFact(reduced.missing, std.q.missing) : known(test);
  if (t.tells(fact))
    t.citeAssessed(
      fact,
      rule,
      { perCapitaIncome: perCapita(reduced, ctx.n), medical: medical.est, members: ctx.n },
      "income_after_medical_below_standard",
      "income_after_medical_above_standard",
      "income_after_medical_open",
    );
  const decision = t.decide();
  return {
    decision,
    // Still a dibao household: 重点保障 supplements apply as well (三(三)).
    monthly: std.absent ? NO_AMOUNT : add(sub(threshold, reduced), supplements(ctx, std).q),
    until: periodEnd(ctx.asOf, rule.value.coverageMonths),
    extra: income.exclusions,
    relevant: (ctx.s.monthlyExpenses?.medical ?? 0) > 0,
  };
}

function transitionAmount(ctx: RuleContext, t: Transition, start: string | null): Quantity | null {
  const current = ctx.s.currentBenefits?.dibao;
  const amountNow = current?.monthlyAmount;
  if (t.amount === "not_stated") return null;
  const base =
    amountNow === undefined ? unknownFact("currentBenefits.dibao.monthlyAmount") : exact(amountNow);
  if (t.amount === "current") return base;
  // 逐年递减 25%: each full year since the trigger takes another quarter of the former amount.
  const years = start === null ? 0 : Math.max(0, wholeYears(start, ctx.asOf));
  const factor = Math.max(0, 1 - (t.taperPerYear ?? 0) * years);
  return scale(base, factor);
}

/** The date that starts a transition: the pack's trigger, or its second one for a household known to have
 * no first (吉民发〔2018〕12号 三(四): registered households on leaving poverty, others on finding work). */
function triggerOf(s: Situation, t: Transition): { date: string | null | undefined; fact: Fact } {
  const first = s[t.trigger];
  if (typeof first === "string") return { date: first, fact: TRUE };
  if (first === undefined) return { date: undefined, fact: unknown(t.trigger) };
  if (t.orTrigger === undefined) return { date: null, fact: FALSE };
  const second = s[t.orTrigger];
  if (typeof second === "string") return { date: second, fact: TRUE };
  return second === undefined ? { date: undefined, fact: unknown(t.orTrigger) } : { date: null, fact: FALSE };
}

function notOnDibao(): Route {
  return {
    decision: { outcome: "unlikely", reasons: [], missing: [], certain: true },
    monthly: null,
    until: null,
    extra: [],
    relevant: false,
  };
}

function transitionRoute(ctx: RuleContext, income: HouseholdIncome): Route | null {
  const rule = ctx.p.values["dibao.transition"] as Resolved<Transition> | undefined;
  if (!rule) return null;
  const { s } = ctx;
  // Known not to be on 低保: no transition, for certain (a hard fact fails it), and none of its reasons is
  // ever told (it is not `relevant`): nothing more to work out.
  if (s.currentBenefits?.dibao === null) return notOnDibao();
  const t = rule.value;
  const { date: trigger, fact: triggerFact } = triggerOf(s, t);
  const start = trigger ? (t.startsNextMonth ? firstOfNextMonth(trigger) : trigger) : null;
  let until: string | null = null;
  if (start !== null) {
    until = t.months !== null ? periodEnd(start, t.months) : (t.endsOn ?? null);
    if (until !== null && t.endsOn !== undefined) until = minDate(until, t.endsOn);
  }
  const conditions: Condition[] = [
    citing(areaIn(s, t.areas), rule, { areas: t.areas ?? null }, null, "rule_area_only"),
    citing(onDibao(s), rule, undefined, null, "transition_needs_current_dibao"),
    citing(triggerFact, rule, { trigger: t.trigger }, null, "transition_no_trigger"),
    ...baseConditions(ctx),
  ];
  if (t.requiresRegisteredPoor) {
    conditions.push(
      citing(
        flag(s.registeredPoor, openHousehold.registeredPoor),
        rule,
        undefined,
        null,
        "transition_registered_poor_only",
      ),
    );
  }
  if (trigger && t.triggerBy !== undefined) {
    conditions.push(
      citing(
        known(trigger <= t.triggerBy),
        rule,
        { trigger, triggerBy: t.triggerBy },
        null,
        "transition_trigger_too_late",
      ),
    );
  }
  const std = areaAmount(ctx, "dibao.standard");
  // A transition is for income that has risen above the standard; below it, the ordinary test applies.
  const belowStandard = below(income.strict, scale(std.q, ctx.n));
  const declared = declaredAboveSince(ctx);
  const settled = income.strict.missing.length === 0 && std.q.missing.length === 0;
  const aboveStandard = assessedCondition(
    belowStandard === undefined
      ? settled && declared
        ? TRUE // the household's statement, where no published standard can settle it
        : unknownOf(
            distinct(
              income.strict.missing,
              std.q.missing,
              settled && mayStateRise(ctx) && s.incomeAboveStandardSince === undefined ? STATEMENT : NO_PATHS,
            ),
          )
      : known(!belowStandard),
    null,
    reason("transition_income_below_standard", rule, {
      perCapitaIncome: perCapita(income.strict, ctx.n),
      standard: std.q.est,
    }),
  );
  conditions.push(aboveStandard);

  if (t.incomeCeilingMultiple !== null) {
    const ceiling = scale(std.q, ctx.n * t.incomeCeilingMultiple);
    const under = t.incomeCeilingInclusive ? atMost(income.strict, ceiling) : below(income.strict, ceiling);
    const values = {
      perCapitaIncome: perCapita(income.strict, ctx.n),
      multiple: t.incomeCeilingMultiple,
      standard: std.q.est,
    };
    const fact: Fact =
      under === undefined ? unknownOf(distinct(income.strict.missing, std.q.missing)) : known(under);
    conditions.push(
      assessed(citing(fact, rule, values, null, "transition_income_over_ceiling", "transition_income_open")),
    );
  }
  if (until !== null) {
    conditions.push(citing(known(ctx.asOf <= until), rule, { until }, null, "transition_ended"));
  }
  const amount = transitionAmount(ctx, t, trigger ?? null);
  const granted = reason(t.discretionary ? "transition_discretionary" : "transition_period", rule, {
    start,
    until,
    months: t.months,
    amountRule: t.amount,
    ...(t.amount === "tapering" && trigger
      ? { yearsSince: Math.max(0, wholeYears(trigger, ctx.asOf)), taperPerYear: t.taperPerYear }
      : {}),
  });
  conditions.push(condition(t.discretionary ? OPEN : TRUE, granted, null, granted));
  return {
    decision: decide(ctx.tally, conditions),
    rest: { conditions, income: aboveStandard },
    monthly: amount,
    until,
    extra: [],
    relevant: s.currentBenefits?.dibao != null && trigger != null,
  };
}

export function dibao(ctx: RuleContext): Result {
  const income = householdIncome(ctx);
  const ord = ordinary(ctx, income);
  const exp = expenseRoute(ctx, income);
  const tra = transitionRoute(ctx, income);
  // Ties go to the route the household's own facts point to: a transition it has started; 支出核减 where its
  // 差额 is larger than the ordinary top-up (it then lasts a year); else the ordinary test.
  const expenseFirst = exp?.relevant && (exp.monthly?.est ?? 0) > (ord.monthly?.est ?? 0);
  // Plain pushes rather than a filtered list: this runs for every screening.
  const order: Route[] = [];
  if (tra?.relevant) order.push(tra);
  if (expenseFirst && exp) order.push(exp);
  order.push(ord);
  if (exp) order.push(exp);
  if (tra) order.push(tra);
  let best = order[0] as Route;
  let allCertain = true;
  for (const r of order) {
    if (better(r.decision.outcome, best.decision.outcome)) best = r;
    if (r.decision.certain !== true) allCertain = false;
  }
  const outcome: Outcome = best.decision.outcome;
  if (outcome === "unlikely") {
    const reasons: Reason[] = [];
    for (const r of order) if (r === ord || r.relevant) for (const x of r.decision.reasons) reasons.push(x);
    // Certain only when every route fails on a hard fact.
    return buildResult("dibao", null, {
      outcome,
      reasons: dedupe(reasons),
      missing: [],
      certain: allCertain,
    });
  }
  // Below the standard the ordinary test holds; at or above it the transition does: dibao either way.
  if (
    outcome === "possible" &&
    ord?.decision.outcome === "possible" &&
    tra?.relevant &&
    tra.decision.outcome === "possible" &&
    restOf(ctx, ord)?.outcome === "likely" &&
    restOf(ctx, tra)?.outcome === "likely"
  ) {
    const cite = tra.decision.reasons[0] ?? { source: "", basis: "seed" as const };
    const either = reason("dibao_either_way", cite);
    // The transition's end stays: past it, support goes on only if the income is under the standard.
    const after =
      tra.until === null ? [] : [reason("dibao_may_continue_after_transition", cite, { until: tra.until })];
    return buildResult(
      "dibao",
      null,
      {
        outcome: "likely",
        reasons: [either, ...after, ...ord.decision.reasons, ...tra.decision.reasons],
        missing: [],
        certain: false,
      },
      {
        monthly: tra.monthly === null || ord.monthly === null ? null : widen(ord.monthly, tra.monthly),
        until: tra.until,
      },
    );
  }
  // Any route still open could yet become the answer: everything it hinges on is missing too.
  const missing =
    outcome === "possible"
      ? flatten(order, (r) => (r.decision.outcome === "possible" ? r.decision.missing : []))
      : best.decision.missing;
  return buildResult(
    "dibao",
    null,
    {
      outcome: best.decision.outcome,
      reasons: best.decision.reasons,
      missing: distinct(missing),
      certain: best.decision.certain,
    },
    { monthly: best.monthly, until: best.until },
    best.extra,
  );
}

/** Either amount may be the answer: the interval covering both, with no single estimate. */
function widen(a: Quantity, b: Quantity): Quantity {
  return {
    lo: Math.min(a.lo, b.lo),
    hi: Math.max(a.hi, b.hi),
    est: a.est === b.est ? a.est : null,
    missing: distinct(a.missing, b.missing),
  };
}

/** A condition that rests on an income assessment (see Condition.assessed). */
function assessedCondition(...args: Parameters<typeof condition>): Condition {
  return assessed(condition(...args));
}

/** Each reason once: the same object (the routes share their base conditions), or one equal to it. */
function dedupe(reasons: Reason[]): Reason[] {
  const out: Reason[] = [];
  for (const r of reasons) if (!out.some((kept) => kept === r || sameReason(kept, r))) out.push(r);
  return out;
}

function sameReason(a: Reason, b: Reason): boolean {
  return (
    a.code === b.code &&
    a.source === b.source &&
    a.basis === b.basis &&
    JSON.stringify(a.values) === JSON.stringify(b.values)
  );
}
