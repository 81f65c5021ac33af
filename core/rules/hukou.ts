// Where to apply: at the household's hukou, or (where a pack allows it, at the office's discretion) with a
// residence permit where it lives (普民〔2021〕77号 二(九)). Shared by 低保 and 特困.

import { flag, OPEN, openHousehold } from "../facts.ts";
import type { Resolved } from "../policies/resolve.ts";
import type { RuleContext } from "./context.ts";
import { type Condition, citing } from "./decide.ts";

type HukouRule = Resolved<{ localHukou: "required" | "residence_permit_discretionary" }>;

/**
 * The hukou condition under a rule, made once per screening for each rule in turn (低保, 单人保 and the
 * living subsidy read 低保's; 特困 its own): a condition is plain data and this one is never marked
 * assessed, so every decision may share it.
 */
export function hukouCondition(ctx: RuleContext, rule: HukouRule): Condition {
  const last = ctx.kept.hukou;
  if (last !== undefined && last.rule === rule) return last.condition;
  const condition = makeHukouCondition(ctx, rule);
  ctx.kept.hukou = { rule, condition };
  return condition;
}

function makeHukouCondition(ctx: RuleContext, rule: HukouRule): Condition {
  const hukou = flag(ctx.s.localHukou, openHousehold.localHukou);
  if (hukou.v === false && rule.value.localHukou === "residence_permit_discretionary") {
    return citing(OPEN, rule, undefined, null, null, "residence_permit_discretionary");
  }
  return citing(hukou, rule, undefined, null, "no_local_hukou", "hukou_unknown");
}
