// Merging lists in plain loops, not spreads, Sets or flatMap: the rules merge reasons and the paths an
// answer hinges on for every program and member of every screening.

/** What `pick` gives for each item, one list after another. */
export function flatten<T, U>(items: readonly T[], pick: (item: T) => readonly U[]): U[] {
  const out: U[] = [];
  for (const item of items) for (const x of pick(item)) out.push(x);
  return out;
}

/** Every item of the lists once, in the order first met (as `[...new Set([...a, ...b])]`). */
export function distinct<T>(...lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const list of lists) for (const x of list) if (!out.includes(x)) out.push(x);
  return out;
}
