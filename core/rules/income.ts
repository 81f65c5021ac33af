// Counted income: each member's income less the pack's exclusions (basic pension, poverty-project
// dividends), and the household's less its deductions (medical, care, rehabilitation, employment costs).
// Discretionary deductions (可 / 适当扣减) give a second, lenient figure: the office may apply them.

import { all, areaIn, FALSE, type Fact, flag, mp, openHousehold, openOn, TRUE, unknown } from "../facts.ts";
import { flatten, ofLength } from "../lists.ts";
import type { ParamValues } from "../policies/reader.ts";
import { atLeastZero, exact, type Quantity, sub, sum, unknownFact } from "../quantity.ts";
import { EXPENSE_KINDS, type ExpenseKind } from "../schema/enums.ts";
import type { Reason } from "../schema/screening.ts";
import type { HouseholdIncomeTotal } from "../schema/situation.ts";
import type { RuleContext } from "./context.ts";
import { reason } from "./reason.ts";

/** An amount that is excluded when `fact` holds: counted in full, not at all, or either. */
function excludedWhen(amount: number, fact: Fact): Quantity {
  if (fact.v === true) return exact(0);
  if (fact.v === false) return exact(amount);
  return { lo: 0, hi: amount, est: null, missing: fact.missing };
}

export interface MemberIncome {
  q: Quantity;
  reasons: Reason[];
}

export function memberIncome(ctx: RuleContext, i: number): MemberIncome {
  const kept = ctx.kept.memberIncomes;
  kept[i] ??= countMemberIncome(ctx, i);
  return kept[i];
}

function countMemberIncome(ctx: RuleContext, i: number): MemberIncome {
  const m = ctx.s.members[i];
  // A person living alone: the household's total is their own income.
  const total = ctx.s.householdIncome;
  if (m?.income === undefined && total !== undefined && ctx.s.members.length === 1)
    return countTotalIncome(ctx, total);
  if (m?.income === undefined) return { q: unknownFact(mp.income(i)), reasons: [] };
  const pension = ctx.p.values["income.exclude.pensionBasic"];
  const dividend = ctx.p.values["income.exclude.povertyDividend"];
  const reasons: Reason[] = [];
  // A plain loop, not map with a closure: this runs for every member of every screening.
  const items = ofLength<Quantity>(m.income.length);
  for (let k = 0; k < items.length; k++) {
    const item = m.income[k] as (typeof m.income)[number];
    if (item.kind === "pension_basic" && pension) {
      const q = excludedWhen(item.monthly, areaIn(ctx.s, pension.value.areas));
      if (q.hi < item.monthly)
        reasons.push(
          reason("income_excluded", pension, { member: i, kind: item.kind, amount: item.monthly }),
        );
      items[k] = q;
      continue;
    }
    if (item.kind === "poverty_dividend" && dividend) {
      const unable: Fact = dividend.value.onlyUnableToWork
        ? flag(m.workCapacity === undefined ? undefined : m.workCapacity === "none", openOn.workCapacity(i))
        : TRUE;
      const q = excludedWhen(item.monthly, unable);
      if (q.hi < item.monthly)
        reasons.push(
          reason("income_excluded", dividend, { member: i, kind: item.kind, amount: item.monthly }),
        );
      items[k] = q;
      continue;
    }
    items[k] = exact(item.monthly);
  }
  return { q: sum(items), reasons };
}

export interface HouseholdIncome {
  /** Counted income without discretionary deductions. */
  strict: Quantity;
  /** With every deduction the office may apply. */
  lenient: Quantity;
  exclusions: Reason[];
  /** Deductions the office may apply, for the reason shown when only they would qualify the household. */
  deductions: Reason[];
}

// Made once: a path built on every call would be a new string each time, compared by its characters.
const EXPENSE_PATHS = Object.fromEntries(EXPENSE_KINDS.map((k) => [k, `monthlyExpenses.${k}`])) as Record<
  ExpenseKind,
  string
>;

export function expense(ctx: RuleContext, kind: ExpenseKind): Quantity {
  const value = ctx.s.monthlyExpenses?.[kind];
  return value === undefined ? unknownFact(EXPENSE_PATHS[kind]) : exact(value);
}

export function householdIncome(ctx: RuleContext): HouseholdIncome {
  ctx.kept.householdIncome ??= countHouseholdIncome(ctx);
  return ctx.kept.householdIncome;
}

/**
 * The household's total as given in one figure (`householdIncome`), less the same exclusions. Dividends
 * excluded only for members unable to work cannot be placed on a member from a total: they stay open on
 * the members' own incomes.
 */
function countTotalIncome(ctx: RuleContext, total: HouseholdIncomeTotal): MemberIncome {
  const pension = ctx.p.values["income.exclude.pensionBasic"];
  const dividend = ctx.p.values["income.exclude.povertyDividend"];
  const reasons: Reason[] = [];
  const parts: Quantity[] = [];
  const pensionBasic = total.pensionBasic ?? 0;
  const povertyDividend = total.povertyDividend ?? 0;
  parts.push(exact(total.monthly - pensionBasic - povertyDividend));
  if (pensionBasic > 0) {
    const q = pension ? excludedWhen(pensionBasic, areaIn(ctx.s, pension.value.areas)) : exact(pensionBasic);
    if (pension && q.hi < pensionBasic)
      reasons.push(
        reason("household_income_excluded", pension, { kind: "pension_basic", amount: pensionBasic }),
      );
    parts.push(q);
  }
  if (povertyDividend > 0) {
    const unable: Fact = !dividend
      ? FALSE
      : dividend.value.onlyUnableToWork
        ? unknown(...ctx.s.members.flatMap((m, i) => (m.income === undefined ? [mp.income(i)] : [])))
        : TRUE;
    const q = excludedWhen(povertyDividend, unable);
    if (dividend && q.hi < povertyDividend)
      reasons.push(
        reason("household_income_excluded", dividend, { kind: "poverty_dividend", amount: povertyDividend }),
      );
    parts.push(q);
  }
  return { q: sum(parts), reasons };
}

function countHouseholdIncome(ctx: RuleContext): HouseholdIncome {
  // Plain loops: this runs for every screening.
  const each: MemberIncome[] = ofLength(ctx.n);
  let ownUnknown = false;
  for (let i = 0; i < ctx.n; i++) {
    const m = memberIncome(ctx, i);
    each[i] = m;
    for (const p of m.q.missing) if (p.endsWith(".income")) ownUnknown = true;
  }
  const total = ctx.s.householdIncome;
  // Where a member's own income is unknown but the household gave its total, the total counts.
  const members = total !== undefined && ownUnknown ? [countTotalIncome(ctx, total)] : each;
  const counted: Quantity[] = ofLength(members.length);
  for (let k = 0; k < members.length; k++) counted[k] = (members[k] as MemberIncome).q;
  const strict = sum(counted);
  const deductions: Reason[] = [];
  const discretionary: Quantity[] = [];
  // Each kind's rule read by its key written out: keys built or looked up per call are hashed each time.
  const v = ctx.p.values;
  deduction(ctx, "medical", v["income.deduct.medical"], deductions, discretionary);
  deduction(ctx, "care", v["income.deduct.care"], deductions, discretionary);
  deduction(ctx, "rehabilitation", v["income.deduct.rehabilitation"], deductions, discretionary);
  deduction(ctx, "employment", v["income.deduct.employment"], deductions, discretionary);
  const lenient = atLeastZero(sub(strict, sum(discretionary)));
  return { strict, lenient, exclusions: flatten(members, (m) => m.reasons), deductions };
}

/** A cost the office may deduct (可 / 适当扣减), where its rule applies: added to the lists given. */
function deduction(
  ctx: RuleContext,
  kind: ExpenseKind,
  rule: ParamValues["income.deduct.medical"],
  deductions: Reason[],
  discretionary: Quantity[],
): void {
  if (!rule) return;
  const applies = all(
    areaIn(ctx.s, rule.value.areas),
    rule.value.onlyRegisteredPoor ? flag(ctx.s.registeredPoor, openHousehold.registeredPoor) : TRUE,
  );
  if (applies.v === false) return;
  const amount = expense(ctx, kind);
  const q =
    applies.v === true
      ? amount
      : { lo: 0, hi: amount.hi, est: null, missing: [...amount.missing, ...applies.missing] };
  if (q.hi > 0) {
    discretionary.push(q);
    deductions.push(reason("deduction_discretionary", rule, { kind, amount: amount.est }));
  }
}
