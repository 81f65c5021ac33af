// 临时救助: a sudden emergency (急难型) or a large necessary expense (支出型) that puts basic living at
// serious risk. Where it is sought depends on the pack (hukou, or where the emergency happened); the
// amount is a per-person range where the pack gives one, and 一事一议 for major hardship has none.

import { all, any, type Fact, flag, known, openHousehold } from "../facts.ts";
import type { Quantity } from "../quantity.ts";
import type { RuleContext } from "../rules/context.ts";
import { reason } from "../rules/reason.ts";
import { buildResult, noRuleInForce } from "../rules/result.ts";
import type { Reason, Result } from "../schema/screening.ts";

export function temporaryAid(ctx: RuleContext): Result {
  const { s } = ctx;
  const rule = ctx.p.values["temporaryAid.eligibility"];
  const e = s.emergency;
  if (!rule) {
    return noRuleInForce("temporary_aid", null, ctx.p.pack);
  }
  const t = ctx.tally.begin();
  const happened: Fact = e === undefined ? openHousehold.emergency : known(e !== null);
  t.cite(happened, rule, undefined, null, "no_emergency");
  if (e) {
    // Whether basic living is at serious risk is the office's judgment of the household's account.
    const atRisk = flag(e.basicLivingAtRisk, openHousehold["emergency.basicLivingAtRisk"]);
    t.add(
      atRisk,
      atRisk.v === false
        ? reason("basic_living_not_at_risk", rule)
        : reason("basic_living_at_risk", rule, { kind: e.kind ?? null, category: e.category ?? null }),
      true,
    );
    const atSite = flag(e.inJurisdiction, openHousehold["emergency.inJurisdiction"]);
    // Where to apply: the hukou place always; where it happened too, for an urgent case (national), or
    // for any case where the pack lifts the hukou and residence restrictions (普宁 二(六)).
    const siteCounts: Fact =
      rule.value.place === "hukou_or_site"
        ? atSite
        : all(
            e.category === undefined ? openHousehold["emergency.category"] : known(e.category === "urgent"),
            atSite,
          );
    const place = any(flag(s.localHukou, openHousehold.localHukou), siteCounts);
    const code = rule.value.place === "hukou_or_site" ? "aid_where_it_happened" : "aid_at_hukou_or_site";
    t.cite(place, rule, undefined, code, `${code}_not_met`);
  }
  const perPerson = ctx.p.values["temporaryAid.perPerson"];
  const cap = ctx.p.values["temporaryAid.perPersonCap"];
  const caseByCase = ctx.p.values["temporaryAid.caseByCase"];
  const n = ctx.n;
  const decision = t.decide();
  const extra: Reason[] = [];
  let oneOff: Quantity | null = null;
  if (decision.outcome !== "unlikely" && perPerson) {
    extra.push(
      reason("aid_per_person_range", perPerson, {
        min: perPerson.value.min,
        max: perPerson.value.max,
        persons: n,
      }),
    );
    // The size of the loss never decides the outcome: it only says how far the range may reach.
    // Up to the ordinary maximum: 360–1080 a person; beyond it the special-hardship cap may apply; beyond
    // that cap (or with the costs unknown) the amount is decided case by case, with no upper figure.
    const costs = e?.outOfPocket;
    const ordinaryMax = perPerson.value.max * n;
    const capTotal = cap ? cap.value * n : null;
    let hi = ordinaryMax;
    const missing: string[] = [];
    if (costs === undefined) {
      hi = Number.POSITIVE_INFINITY;
      missing.push("emergency.outOfPocket");
    } else if (costs > ordinaryMax && capTotal !== null) {
      hi = costs > capTotal && caseByCase ? Number.POSITIVE_INFINITY : capTotal;
    }
    if (cap && capTotal !== null)
      extra.push(reason("aid_special_hardship_cap", cap, { cap: cap.value, persons: n, total: capTotal }));
    if (caseByCase && capTotal !== null && (costs === undefined || costs > capTotal))
      extra.push(reason("aid_case_by_case", caseByCase, { outOfPocket: costs ?? null, capTotal }));
    oneOff = { lo: perPerson.value.min * n, hi, est: null, missing };
  } else if (decision.outcome !== "unlikely" && caseByCase) {
    extra.push(reason("aid_case_by_case_available", caseByCase));
  }
  const firstAid = ctx.p.values["temporaryAid.firstAid"];
  if (decision.outcome !== "unlikely" && e?.category === "urgent" && firstAid) {
    extra.push(reason("aid_first_then_paperwork", firstAid));
  }
  return buildResult("temporary_aid", null, decision, { oneOff }, extra);
}
