// Which value of a parameter is in force on a date. Within a basis, the latest value starting on or
// before the date wins; across bases, deployment > seed > national > supplementary, except that a
// supplementary exact figure refines a seed floor in force the same day ("1000元以上" → 1010).

import type { Basis } from "../schema/enums.ts";
import type { Dated } from "./params.ts";

export interface Resolved<T> {
  value: T;
  kind: "exact" | "floor";
  basis: Basis;
  source: string;
  /** The seed floor a supplementary exact figure refines: the lower bound stays cited. */
  floor?: { value: number; source: string };
}

const RANK: Basis[] = ["deployment", "seed", "national", "supplementary"];

export function inForce(value: Dated<unknown>, date: string): boolean {
  return value.from <= date && (value.to === undefined || date <= value.to);
}

/** The value of each basis in force on `date` (the latest start within the basis). */
export function inForceByBasis<T>(
  values: readonly Dated<T>[],
  date: string,
): Partial<Record<Basis, Dated<T>>> {
  const out: Partial<Record<Basis, Dated<T>>> = {};
  for (const v of values) {
    if (!inForce(v, date)) continue;
    const current = out[v.basis];
    if (current === undefined || v.from > current.from) out[v.basis] = v;
  }
  return out;
}

function toResolved<T>(v: Dated<T>): Resolved<T> {
  return { value: v.value, kind: v.kind ?? "exact", basis: v.basis, source: v.source };
}

export function resolve<T>(values: readonly Dated<T>[] | undefined, date: string): Resolved<T> | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const byBasis = inForceByBasis(values, date);
  const basis = RANK.find((b) => byBasis[b] !== undefined);
  if (basis === undefined) return undefined;
  const chosen = byBasis[basis] as Dated<T>;
  const refinement = byBasis.supplementary;
  // A published figure refines a seed floor: an exact figure at or above it, or a higher floor.
  if (
    basis === "seed" &&
    chosen.kind === "floor" &&
    refinement !== undefined &&
    typeof chosen.value === "number" &&
    typeof refinement.value === "number" &&
    ((refinement.kind ?? "exact") === "exact"
      ? refinement.value >= chosen.value
      : refinement.value > chosen.value)
  ) {
    return { ...toResolved(refinement), floor: { value: chosen.value, source: chosen.source } };
  }
  return toResolved(chosen);
}
