// A money amount that may be only partly known: the interval [lo, hi] every completion of the unknown
// facts and parameters falls in, the point estimate where the rules give one, and what it hinges on.

import { distinct } from "./lists.ts";
import type { Tri } from "./tri.ts";

export interface Quantity {
  lo: number;
  hi: number;
  /** The estimate: exact value, or the published floor for "X元以上"; null when it hinges on an unknown fact. */
  est: number | null;
  /** Paths of unknown facts that widen the interval. */
  missing: string[];
}

/** Hinges on nothing: shared by every exact amount (a quantity's list of paths is never changed). */
const NOTHING: string[] = [];

export function exact(value: number): Quantity {
  return { lo: value, hi: value, est: value, missing: NOTHING };
}

export function unknownFact(path: string): Quantity {
  return { lo: 0, hi: Number.POSITIVE_INFINITY, est: null, missing: [path] };
}

/** A parameter the pack lacks: any positive amount (so zero is still below it). */
export const unknownParam: Quantity = {
  lo: Number.MIN_VALUE,
  hi: Number.POSITIVE_INFINITY,
  est: null,
  missing: [],
};

function union(a: string[], b: string[]): string[] {
  return b.length === 0 ? a : a.length === 0 ? b : distinct(a, b);
}

export function add(a: Quantity, b: Quantity): Quantity {
  return {
    lo: a.lo + b.lo,
    hi: a.hi + b.hi,
    est: a.est === null || b.est === null ? null : a.est + b.est,
    missing: union(a.missing, b.missing),
  };
}

/** The items added up in order, as `add` would one by one, without a Quantity for each step. */
export function sum(items: readonly Quantity[]): Quantity {
  let lo = 0;
  let hi = 0;
  let est: number | null = 0;
  let missing: string[] = [];
  for (const q of items) {
    lo += q.lo;
    hi += q.hi;
    est = est === null || q.est === null ? null : est + q.est;
    missing = union(missing, q.missing);
  }
  return { lo, hi, est, missing };
}

export function sub(a: Quantity, b: Quantity): Quantity {
  return {
    lo: a.lo - b.hi,
    hi: a.hi - b.lo,
    est: a.est === null || b.est === null ? null : a.est - b.est,
    missing: union(a.missing, b.missing),
  };
}

export function scale(a: Quantity, factor: number): Quantity {
  const lo = a.lo * factor;
  const hi = a.hi === Number.POSITIVE_INFINITY ? a.hi : a.hi * factor;
  return { lo, hi, est: a.est === null ? null : a.est * factor, missing: a.missing };
}

/** The amount as a floor (不低于): the same, with no upper bound. A literal, not a spread: every quantity
 * keeps one layout, so the code reading them stays specialised to it. */
export function asFloor(a: Quantity): Quantity {
  return { lo: a.lo, hi: Number.POSITIVE_INFINITY, est: a.est, missing: a.missing };
}

/** Negative amounts count as zero (吉民发〔2018〕12号 三(二): 为负数的，按零收入核算). */
export function atLeastZero(a: Quantity): Quantity {
  return {
    lo: Math.max(0, a.lo),
    hi: Math.max(0, a.hi),
    est: a.est === null ? null : Math.max(0, a.est),
    missing: a.missing,
  };
}

export function max(a: Quantity, b: Quantity): Quantity {
  return {
    lo: Math.max(a.lo, b.lo),
    hi: Math.max(a.hi, b.hi),
    est: a.est === null || b.est === null ? null : Math.max(a.est, b.est),
    missing: union(a.missing, b.missing),
  };
}

/** Is a strictly below b (收入低于标准)? */
export function below(a: Quantity, b: Quantity): Tri {
  if (a.hi < b.lo) return true;
  if (a.lo >= b.hi) return false;
  return undefined;
}

/** Is a at most b (在…以内: the figure itself included)? */
export function atMost(a: Quantity, b: Quantity): Tri {
  if (a.hi <= b.lo) return true;
  if (a.lo > b.hi) return false;
  return undefined;
}

/** Yuan to the fen, so the arithmetic's float noise never shows. */
export function yuan(value: number): number {
  return Math.round(value * 100) / 100;
}
