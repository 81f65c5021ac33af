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
 * a list of them.
 */
export function distinct<T>(
  a: readonly T[],
  b: readonly T[] = NONE,
  c: readonly T[] = NONE,
  d: readonly T[] = NONE,
  e: readonly T[] = NONE,
): T[] {
  const out: T[] = [];
  addDistinct(out, a);
  addDistinct(out, b);
  addDistinct(out, c);
  addDistinct(out, d);
  addDistinct(out, e);
  return out;
}

export function distinctOf<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const list of lists) addDistinct(out, list);
  return out;
}

/** Adds to `out` the items of `list` it does not hold yet, in order (the rules' "each path once"). */
export function addDistinct<T>(out: T[], list: readonly T[]): void {
  for (const x of list) if (!out.includes(x)) out.push(x);
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

/** Adds the paths not among out's first k; gives the new count. */
function addNew(out: string[], k: number, paths: readonly string[]): number {
  let n = k;
  for (const p of paths) {
    let seen = false;
    for (let j = 0; j < n; j++) if (out[j] === p) seen = true;
    if (!seen) out[n++] = p;
  }
  return n;
}
