// Merging lists in plain loops, not spreads, Sets or flatMap: the rules merge reasons and the paths an
// answer hinges on for every program and member of every screening.

/** What `pick` gives for each item, one list after another. */
export function flatten<T, U>(items: readonly T[], pick: (item: T) => readonly U[]): U[] {
  const out: U[] = [];
  for (const item of items) for (const x of pick(item)) out.push(x);
  return out;
}

const NONE: readonly never[] = [];

/**
 * Every item of the lists once, in the order first met (as `[...new Set([...a, ...b])]`). Up to five
 * lists, named rather than gathered (the rules' usual case, without a list of lists); `distinctOf` for
 * a list of them. The list is made to size (see ofLength): one that grows by push reserves 16 places.
 */
export function distinct<T>(
  a: readonly T[],
  b: readonly T[] = NONE,
  c: readonly T[] = NONE,
  d: readonly T[] = NONE,
  e: readonly T[] = NONE,
): T[] {
  const total = a.length + b.length + c.length + d.length + e.length;
  if (total === 0) return [];
  const out = ofLength<T>(total);
  let k = addNew(out, 0, a);
  k = addNew(out, k, b);
  k = addNew(out, k, c);
  k = addNew(out, k, d);
  k = addNew(out, k, e);
  return k === total ? out : firstOf(out, k);
}

export function distinctOf<T>(lists: readonly (readonly T[])[]): T[] {
  let total = 0;
  for (const list of lists) total += list.length;
  if (total === 0) return [];
  const out = ofLength<T>(total);
  let k = 0;
  for (const list of lists) k = addNew(out, k, list);
  return k === total ? out : firstOf(out, k);
}

/** The first k items in a list of their own (shortening a list in place is a slow call in V8). */
export function firstOf<T>(list: readonly T[], k: number): T[] {
  const out = ofLength<T>(k);
  for (let i = 0; i < k; i++) out[i] = list[i] as T;
  return out;
}

/** Adds to `out` the items of `list` it does not hold yet, in order (the rules' "each path once"). */
export function addDistinct<T>(out: T[], list: readonly T[]): void {
  // A plain loop rather than `includes`, a builtin call for each item of a list of a few.
  for (const x of list) {
    let seen = false;
    for (let j = 0; j < out.length; j++)
      if (out[j] === x) {
        seen = true;
        break;
      }
    if (!seen) out.push(x);
  }
}

/**
 * A list for exactly `n` items. A list grown by push from empty reserves room for 16 at once, and most
 * of the rules' lists hold one to four: sized up front they cost a quarter of the memory.
 */
export function ofLength<T>(n: number): T[] {
  return n === 0 ? [] : new Array<T>(n);
}

/** Every path of the lists once, sorted, in a list of its own (never one of theirs). */
export function sortedPaths(a: readonly string[], b: readonly string[], c: readonly string[]): string[] {
  const total = a.length + b.length + c.length;
  if (total === 0) return [];
  const out = ofLength<string>(total);
  let k = addNew(out, 0, a);
  k = addNew(out, k, b);
  k = addNew(out, k, c);
  // Shortening a list is a slow call in V8: only when a path came twice.
  if (k < total) out.length = k;
  // Insertion sort in place: a handful of paths, in the order Array.prototype.sort gives strings.
  for (let i = 1; i < k; i++) {
    const p = out[i] as string;
    let j = i - 1;
    while (j >= 0 && (out[j] as string) > p) {
      out[j + 1] = out[j] as string;
      j--;
    }
    out[j + 1] = p;
  }
  return out;
}

/** Adds the items not among out's first k; gives the new count. */
export function addNew<T>(out: T[], k: number, items: readonly T[]): number {
  let n = k;
  for (const p of items) {
    let seen = false;
    for (let j = 0; j < n; j++) if (out[j] === p) seen = true;
    if (!seen) out[n++] = p;
  }
  return n;
}
