// Where to apply: at the household's hukou, or (where a pack allows it, at the office's discretion) with a
// residence permit where it lives (普民〔2021〕77号 二(九)). Shared by 低保 and 特困.

import { flag, unknown } from "../facts.ts";
import type { Resolved } from "../policies/resolve.ts";
import type { RuleContext } from "./context.ts";
import { type Condition, citing } from "./decide.ts";

export function hukouCondition(
  ctx: RuleContext,
  rule: Resolved<{ localHukou: "required" | "residence_permit_discretionary" }>,
): Condition {
  const hukou = flag(ctx.s.localHukou, "localHukou");
  if (hukou.v === false && rule.value.localHukou === "residence_permit_discretionary") {
    return citing(unknown(), rule, undefined, null, null, "residence_permit_discretionary");
  }
  return citing(hukou, rule, undefined, null, "no_local_hukou", "hukou_unknown");
}
