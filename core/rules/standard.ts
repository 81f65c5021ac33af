// Area-dependent amounts (urban / rural): with the area unknown, both figures bound the answer.

import { distinct } from "../lists.ts";
import type { AmountKey } from "../policies/params.ts";
import type { AmountParam } from "../policies/reader.ts";
import type { Reason } from "../schema/screening.ts";
import type { AreaKeyed, RuleContext } from "./context.ts";

export function areaAmount(ctx: RuleContext, base: AreaKeyed): AmountParam {
  // A slot each, read by name: a key given at the call would be a generic lookup on every read.
  const kept = ctx.kept;
  if (base === "dibao.standard") {
    kept.dibaoStandard ??= combineAreas(ctx, base);
    return kept.dibaoStandard;
  }
  kept.tekunBasicLiving ??= combineAreas(ctx, base);
  return kept.tekunBasicLiving;
}

// Written out: keys built from strings on every call would be hashed on every lookup.
const AREA_KEYS: Record<AreaKeyed, { urban: AmountKey; rural: AmountKey }> = {
  "dibao.standard": { urban: "dibao.standard.urban", rural: "dibao.standard.rural" },
  "tekun.basicLiving": { urban: "tekun.basicLiving.urban", rural: "tekun.basicLiving.rural" },
};

const AREA = ["area"];

function combineAreas(ctx: RuleContext, base: AreaKeyed): AmountParam {
  const urban = ctx.p.amounts[AREA_KEYS[base].urban];
  const rural = ctx.p.amounts[AREA_KEYS[base].rural];
  if (ctx.s.area === "urban") return urban;
  if (ctx.s.area === "rural") return rural;
  const same =
    urban.resolved !== undefined &&
    rural.resolved !== undefined &&
    urban.resolved.value === rural.resolved.value &&
    urban.resolved.kind === rural.resolved.kind &&
    urban.q.missing.length === 0 &&
    rural.q.missing.length === 0;
  if (same || (urban.absent && rural.absent)) return urban;
  return {
    q: {
      lo: Math.min(urban.q.lo, rural.q.lo),
      hi: Math.max(urban.q.hi, rural.q.hi),
      est: null,
      missing: distinct(AREA, urban.q.missing, rural.q.missing),
    },
    absent: false,
  };
}

/** The reason that cites a figure: the value in force, or that the documents give none for this date. */
export function figureReason(
  ctx: RuleContext,
  code: string,
  a: AmountParam,
  values?: Record<string, unknown>,
): Reason {
  // Each shape written out as one literal, the figure's bounds read before it: copied and grown key by
  // key (or with the bounds read inside the literal), V8 threw away its compiled code for this function,
  // and for the rules it is built into, dozens of times a second (node --trace-deopt; README,
  // "Why a screening is fast").
  const r = a.resolved;
  if (r) {
    const cited: Record<string, unknown> = r.floor
      ? { amount: r.value, kind: r.kind, floor: r.floor.value, floorSource: r.floor.source }
      : { amount: r.value, kind: r.kind };
    return { code, source: r.source, basis: r.basis, values: withFirst(values, cited) };
  }
  const { lo, hi } = a.q;
  const max = hi === Number.POSITIVE_INFINITY ? null : hi;
  const out: Record<string, unknown> = a.absent ? { figure: code } : { figure: code, min: lo, max };
  const seed = ctx.p.pack.documents[0];
  return {
    code: a.absent ? "figure_not_published" : "figure_depends_on_place",
    source: seed?.id ?? ctx.p.pack.name,
    basis: "seed",
    values: withFirst(values, out),
  };
}

/** The caller's values, then the figure's own, in that order (the order reasons are written in). */
function withFirst(
  first: Record<string, unknown> | undefined,
  rest: Record<string, unknown>,
): Record<string, unknown> {
  return first === undefined ? rest : Object.assign({}, first, rest);
}
