// 孤儿基本生活费 and 事实无人抚养儿童基本生活保障: both read the child's parents. 失联 counts once it has
// lasted 6 months; 服刑在押, 强制隔离戒毒 and other restrictions of liberty count for a term of 6 months or
// more, which a shorter time served so far cannot rule out.

import { addMonths } from "../dates.ts";
import { ageBelow, all, any, FALSE, type Fact, known, OPEN, openOn, TRUE } from "../facts.ts";
import type { RuleContext } from "../rules/context.ts";
import { reason } from "../rules/reason.ts";
import { buildResult, noRuleInForce } from "../rules/result.ts";
import { figureReason } from "../rules/standard.ts";
import type { ParentStatus } from "../schema/enums.ts";
import type { Result } from "../schema/screening.ts";
import type { Member } from "../schema/situation.ts";

export interface ParentFacts {
  status: ParentStatus | undefined;
  since: string | undefined;
  /** Open on the parent (or on the parents, where none is listed). */
  open: Fact;
  /** Open on the date the parent's situation began. */
  sinceOpen: Fact;
}

const PARENT_FIELDS = ["parents[0]", "parents[1]"] as const;
const SINCE_FIELDS = ["parents[0].since", "parents[1].since"] as const;

function parent(m: Member, i: number, j: 0 | 1): ParentFacts {
  const entry = m.parents?.[j];
  const open = m.parents === undefined ? openOn.parents(i) : openOn[PARENT_FIELDS[j]](i);
  const sinceOpen = openOn[SINCE_FIELDS[j]](i);
  if (entry === undefined) return { status: undefined, since: undefined, open, sinceOpen };
  return typeof entry === "string"
    ? { status: entry, since: undefined, open, sinceOpen }
    : { status: entry.status, since: entry.since, open, sinceOpen };
}

/** The member's two parents as both programs read them, once per screening. */
function parents(ctx: RuleContext, m: Member, i: number): readonly [ParentFacts, ParentFacts] {
  const kept = ctx.kept.parents;
  const known = kept[i];
  if (known !== undefined) return known;
  const both = [parent(m, i, 0), parent(m, i, 1)] as const;
  kept[i] = both;
  return both;
}

function statusIn(p: ParentFacts, statuses: readonly ParentStatus[]): Fact {
  return p.status === undefined ? p.open : known(statuses.includes(p.status));
}

/** In one of the listed situations, for 6 months where the status requires it. */
function inSituation(
  ctx: RuleContext,
  p: ParentFacts,
  statuses: readonly ParentStatus[],
  sixMonth: readonly ParentStatus[],
  terms: readonly ParentStatus[],
): Fact {
  if (p.status === undefined) return p.open;
  if (!statuses.includes(p.status)) return FALSE;
  if (!sixMonth.includes(p.status)) return TRUE;
  if (p.since === undefined) return p.sinceOpen;
  if (addMonths(p.since, 6) <= ctx.asOf) return TRUE;
  // Under 6 months so far: a term of 6 months or more may still be running; only 失联 is ruled out.
  return terms.includes(p.status) ? OPEN : FALSE;
}

export function orphan(ctx: RuleContext, i: number): Result {
  const m = ctx.s.members[i] as Member;
  const rule = ctx.p.values["orphan.definition"];
  if (!rule) return noRuleInForce("orphan", i, ctx.p.pack);
  const d = rule.value;
  const [p0, p1] = parents(ctx, m, i);
  const t = ctx.tally.begin();
  t.cite(ageBelow(ctx, i, d.underAge), rule, { member: i, underAge: d.underAge }, null, "child_too_old");
  t.cite(
    all(statusIn(p0, d.statuses), statusIn(p1, d.statuses)),
    rule,
    { member: i },
    "orphan_both_parents",
    "orphan_parent_living",
  );
  const decision = t.decide();
  // Nothing to estimate for a program ruled out.
  if (decision.outcome === "unlikely") return buildResult("orphan", i, decision);
  const level = ctx.p.amounts["orphan.level"];
  return buildResult("orphan", i, decision, { monthly: level.absent ? null : level.q }, [
    figureReason(ctx, "orphan_level", level),
  ]);
}

export function unsupportedChild(ctx: RuleContext, i: number): Result {
  const m = ctx.s.members[i] as Member;
  const rule = ctx.p.values["unsupportedChild.definition"];
  if (!rule) {
    return noRuleInForce("unsupported_child", i, ctx.p.pack);
  }
  const d = rule.value;
  const [p0, p1] = parents(ctx, m, i);
  const s0 = inSituation(ctx, p0, d.statuses, d.sixMonthStatuses, d.termStatuses);
  const s1 = inSituation(ctx, p1, d.statuses, d.sixMonthStatuses, d.termStatuses);
  const g0 = statusIn(p0, d.deadOrMissing);
  const g1 = statusIn(p1, d.deadOrMissing);
  const qualifies = any(all(s0, s1), all(g0, s1), all(s0, g1));
  const orphanInstead = all(g0, g1);
  const t = ctx.tally.begin();
  t.cite(ageBelow(ctx, i, d.underAge), rule, { member: i, underAge: d.underAge }, null, "child_too_old");
  t.cite(
    orphanInstead.v === true ? FALSE : qualifies,
    rule,
    { member: i },
    "unsupported_child_parents",
    orphanInstead.v === true ? "orphan_instead" : "unsupported_child_parents_not_met",
  );
  const decision = t.decide();
  // Nothing to estimate for a program ruled out.
  if (decision.outcome === "unlikely") return buildResult("unsupported_child", i, decision);
  const level = ctx.p.amounts["unsupportedChild.level"];
  const extra = [figureReason(ctx, "unsupported_child_level", level)];
  // 先行纳入低保或特困, then topped up to the guaranteed level (东兴区工作机制 三(三)4).
  if (level.resolved)
    extra.push(reason("unsupported_child_top_up", level.resolved, { level: level.resolved.value }));
  return buildResult("unsupported_child", i, decision, { monthly: level.absent ? null : level.q }, extra);
}
