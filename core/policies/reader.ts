// Reads a jurisdiction's parameters on one date: the national layer, the pack, a county's own figures and
// a deployment's additions, as one table per parameter.

import { addDays } from "../dates.ts";
import { keptIn } from "../kept.ts";
import { exact, type Quantity, unknownParam } from "../quantity.ts";
import type { PolicySet } from "./index.ts";
import type { Pack } from "./pack.ts";
import {
  AMOUNT_KEYS,
  type AmountKey,
  type Dated,
  PARAM_KEYS,
  type ParamKey,
  type ParamTable,
  type ParamValue,
} from "./params.ts";
import { type Resolved, resolve } from "./resolve.ts";

export interface AmountParam {
  q: Quantity;
  /** The value in force (for reasons); undefined when the pack has none or it hinges on the county. */
  resolved?: Resolved<number>;
  /** No value in force: the documents give none for this date. */
  absent: boolean;
}

/** Every parameter's value in force, by key; undefined where the documents give none. */
export type ParamValues = { readonly [K in ParamKey]: Resolved<ParamValue<K>> | undefined };

/** Every one-figure parameter as a quantity, by key. */
export type AmountValues = { readonly [K in AmountKey]: AmountParam };

export interface ParamReader {
  pack: Pack;
  /**
   * Read with a key written out (`ctx.p.values["dibao.eligibility"]`): every reader's values have one
   * layout, so such a read compiles to one direct load, where a call with the key was a lookup each time.
   */
  values: ParamValues;
  /** The one-figure parameters as quantities, read the same way (`ctx.p.amounts["orphan.level"]`). */
  amounts: AmountValues;
  get<K extends ParamKey>(key: K): Resolved<ParamValue<K>> | undefined;
  amount(key: ParamKey): AmountParam;
}

function merged(tables: (ParamTable | undefined)[], key: ParamKey): Dated<unknown>[] {
  const out: Dated<unknown>[] = [];
  for (const t of tables) {
    const values = t?.[key] as Dated<unknown>[] | undefined;
    if (values) out.push(...values);
  }
  return out;
}

const tables = new WeakMap<PolicySet, Map<string, Map<ParamKey, Dated<unknown>[]>>>();

/** One pack's (or county's) merged tables, by parameter; built once per policy set. */
function tablesOf(policies: PolicySet, pack: Pack, county: string | null): Map<ParamKey, Dated<unknown>[]> {
  const byPack = keptIn(tables, policies, () => new Map());
  return keptIn(byPack, county === null ? pack.id : `${pack.id}|${county}`, () => new Map());
}

/** The values of one parameter for a pack (or one of its counties), every layer merged. */
export function tableFor(
  policies: PolicySet,
  pack: Pack,
  county: string | null,
  key: ParamKey,
): Dated<unknown>[] {
  return tableIn(tablesOf(policies, pack, county), policies, pack, county, key);
}

function tableIn(
  byKey: Map<ParamKey, Dated<unknown>[]>,
  policies: PolicySet,
  pack: Pack,
  county: string | null,
  key: ParamKey,
): Dated<unknown>[] {
  const hit = byKey.get(key);
  if (hit) return hit;
  const countyTable = county === null ? undefined : pack.counties?.[county]?.params;
  const local = countyTable?.[key] !== undefined ? countyTable : pack.params;
  const deployed = policies.deployment[pack.id as keyof typeof policies.deployment];
  const table = merged(
    pack === policies.national ? [pack.params, deployed] : [policies.national.params, local, deployed],
    key,
  );
  byKey.set(key, table);
  return table;
}

function toQuantity(r: Resolved<number> | undefined): Quantity {
  if (r === undefined) return unknownParam;
  if (r.kind === "floor") return { lo: r.value, hi: Number.POSITIVE_INFINITY, est: r.value, missing: [] };
  return exact(r.value);
}

/**
 * The dates on which any value a pack's reader may read starts or stops: between two of them every
 * parameter resolves the same, so one reader serves the whole span (the bench's and a register's many
 * dates fall in a few dozen spans).
 */
function changeDates(policies: PolicySet, pack: Pack): string[] {
  const tablesRead: (ParamTable | undefined)[] = [
    policies.national.params,
    pack.params,
    ...Object.values(pack.counties ?? {}).map((c) => c.params),
    policies.deployment[pack.id as keyof typeof policies.deployment],
  ];
  const dates = new Set<string>();
  for (const table of tablesRead)
    for (const values of Object.values(table ?? {}))
      for (const v of values as Dated<unknown>[]) {
        dates.add(v.from);
        if (v.to !== undefined) dates.add(addDays(v.to, 1));
      }
  return [...dates].sort();
}

/** How many dates on the sorted list fall on or before `date`: the span it lies in. */
function spanOf(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as string) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface PackReaders {
  dates: string[];
  /** By county (or "" for none given), then by span. */
  byCounty: Map<string, ParamReader[]>;
}

const readers = new WeakMap<PolicySet, Map<string, PackReaders>>();

/**
 * The reader for a place, county and date, made once per span of dates in which nothing changes and
 * shared by every screening in it: what it resolves stays resolved.
 */
export function readerFor(
  policies: PolicySet,
  pack: Pack,
  asOf: string,
  county: string | undefined,
): ParamReader {
  const byPack = keptIn(readers, policies, () => new Map<string, PackReaders>());
  const kept = keptIn(byPack, pack.id, () => ({ dates: changeDates(policies, pack), byCounty: new Map() }));
  // Any county the pack does not list reads as the pack's own (see createReader).
  const countyKey = county === undefined ? "" : Object.hasOwn(pack.counties ?? {}, county) ? county : "-";
  const spans = keptIn(kept.byCounty, countyKey, () => []);
  const span = spanOf(kept.dates, asOf);
  spans[span] ??= createReader(policies, pack, asOf, county);
  return spans[span];
}

export function createReader(
  policies: PolicySet,
  pack: Pack,
  asOf: string,
  county: string | undefined,
): ParamReader {
  return new Reader(policies, pack, asOf, county);
}

/**
 * One class, not a closure per reader; every value resolved when the reader is made (a reader serves a
 * whole span of dates, so this is done a few dozen times in all), in one object made in one go: V8 gives
 * all of them one layout, and a read with a key written out is a direct load.
 */
class Reader implements ParamReader {
  readonly pack: Pack;
  readonly values: ParamValues;
  private readonly policies: PolicySet;
  private readonly asOf: string;
  /** An unknown county of a pack whose counties differ: every candidate, and "county" is what is missing. */
  private readonly candidates: (string | null)[];
  readonly amounts: AmountValues;

  constructor(policies: PolicySet, pack: Pack, asOf: string, county: string | undefined) {
    const counties = Object.keys(pack.counties ?? {});
    this.pack = pack;
    this.policies = policies;
    this.asOf = asOf;
    this.candidates =
      county === undefined ? [null, ...counties] : [counties.includes(county) ? county : null];
    const main = this.candidates[0] ?? null;
    const tables = tablesOf(policies, pack, main);
    // Made in one go: an object grown key by key past a dozen keys becomes a hash table in V8.
    this.values = Object.fromEntries(
      PARAM_KEYS.map((key) => [key, resolve(tableIn(tables, policies, pack, main, key), asOf)]),
    ) as ParamValues;
    this.amounts = Object.fromEntries(AMOUNT_KEYS.map((key) => [key, this.readAmount(key)])) as AmountValues;
  }

  get<K extends ParamKey>(key: K): Resolved<ParamValue<K>> | undefined {
    return this.values[key];
  }

  amount(key: ParamKey): AmountParam {
    return (this.amounts as Partial<Record<ParamKey, AmountParam>>)[key] ?? this.readAmount(key);
  }

  private readAmount(key: ParamKey): AmountParam {
    const { policies, pack, asOf } = this;
    const options = this.candidates.map((c) =>
      resolve(tableFor(policies, pack, c, key) as Dated<number>[], asOf),
    );
    const first = options[0];
    const same = options.every(
      (o) => o?.value === first?.value && o?.kind === first?.kind && o?.source === first?.source,
    );
    let result: AmountParam;
    if (same) {
      result = { q: toQuantity(first), resolved: first, absent: first === undefined };
    } else {
      const qs = options.map(toQuantity);
      result = {
        q: {
          lo: Math.min(...qs.map((q) => q.lo)),
          hi: Math.max(...qs.map((q) => q.hi)),
          est: null,
          missing: ["county"],
        },
        absent: options.every((o) => o === undefined),
      };
    }
    return result;
  }
}
