// The limits' sliding logs kept in the store, for several service processes on one PostgreSQL: a
// limit reached through one process holds in every other (portal/server/rate-limit.ts has the
// interface and the in-memory log one process uses). Each count is a transaction holding its keys'
// locks, so two processes counting under one key take turns and neither passes the limit.

import { and, desc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Q, Store } from "./store.ts";

// A count lost to a crash lets one more attempt through: not worth waiting for the disk on every one.
const RELAXED = { durable: false };

const secondsUntil = (at: number, t: number) => Math.max(1, Math.ceil((at - t) / 1000));

export interface LimitCheck {
  key: string;
  windowMs: number;
  max: number;
  /** A soft limit: past it the attempt is let through (and not counted), only reported in `over`. */
  soft?: boolean;
}

export interface LimitOutcome {
  /** The first hard limit reached, and the seconds until it lets an attempt through: nothing counted. */
  refused: { key: string; seconds: number } | null;
  /** The soft limits already reached. */
  over: string[];
}

/** Seconds until one more attempt under each check would be counted, from its recent times (newest first). */
export function waitFor(check: LimitCheck, recent: readonly number[], t: number): number {
  const inWindow = recent.filter((at) => at > t - check.windowMs);
  const oldest = inWindow[check.max - 1];
  return oldest === undefined ? 0 : secondsUntil(oldest + check.windowMs, t);
}

/** The outcome of counting `checks` at `t`, given each key's recent times, and the checks to count. */
export function decide(
  checks: readonly LimitCheck[],
  recentOf: (key: string) => readonly number[],
  t: number,
): { outcome: LimitOutcome; counted: LimitCheck[] } {
  const over: string[] = [];
  const counted: LimitCheck[] = [];
  for (const check of checks) {
    const seconds = waitFor(check, recentOf(check.key), t);
    if (seconds > 0 && !check.soft)
      return { outcome: { refused: { key: check.key, seconds }, over: [] }, counted: [] };
    if (seconds > 0) over.push(check.key);
    else counted.push(check);
  }
  return { outcome: { refused: null, over }, counted };
}

/** Kept at least this long (the longest window in use is a day); older rows are swept. */
export const LIMIT_LOG_DAYS = 7;

/**
 * `keyed` turns a limit's key (which may hold a client address) into what is stored: the service
 * passes the vault's HMAC, so the table holds no address, phone or chat, nor anything one can be
 * guessed back from.
 */
export function createStoreLimiter(db: Store, now: () => Date, keyed: (key: string) => string) {
  const { limitHits } = db.t;
  /** Each key's times within the longest window asked for, newest first: one query for every key. */
  async function recent(q: Q, checks: readonly LimitCheck[], t: number): Promise<Map<string, number[]>> {
    const longest = Math.max(...checks.map((c) => c.windowMs));
    const rows = await q
      .select({ key: limitHits.key, at: limitHits.at })
      .from(limitHits)
      .where(
        and(inArray(limitHits.key, [...new Set(checks.map((c) => c.key))]), gt(limitHits.at, t - longest)),
      )
      .orderBy(desc(limitHits.at));
    const byKey = new Map<string, number[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), Number(row.at)]);
    return byKey;
  }

  /** Counts one attempt under every key, or, when a hard limit is reached, none (see LimitOutcome). */
  function hitAll(given: readonly LimitCheck[]): Promise<LimitOutcome> {
    const t = now().getTime();
    // Stored under its keyed form; the caller hears of its keys as it gave them.
    const asGiven = new Map<string, string>();
    const checks = given.map((c) => {
      const key = keyed(c.key);
      asGiven.set(key, c.key);
      return { ...c, key };
    });
    const original = (key: string) => asGiven.get(key) ?? key;
    return db.tx(async (q) => {
      await db.lock(checks.map((c) => c.key));
      const times = await recent(q, checks, t);
      const { outcome, counted } = decide(checks, (key) => times.get(key) ?? [], t);
      if (counted.length > 0) await q.insert(limitHits).values(counted.map((c) => ({ key: c.key, at: t })));
      return {
        refused: outcome.refused && { ...outcome.refused, key: original(outcome.refused.key) },
        over: outcome.over.map(original),
      };
    }, RELAXED);
  }

  return {
    hitAll,
    async hit(key: string, windowMs: number, max: number): Promise<number> {
      return (await hitAll([{ key, windowMs, max }])).refused?.seconds ?? 0;
    },
    async blocked(key: string, windowMs: number, max: number): Promise<number> {
      const t = now().getTime();
      const check = { key: keyed(key), windowMs, max };
      const times = await db.read((q) => recent(q, [check], t));
      return waitFor(check, times.get(check.key) ?? [], t);
    },
    async reset(key: string): Promise<void> {
      await db.tx((q) => q.delete(limitHits).where(eq(limitHits.key, keyed(key))), RELAXED);
    },
    /** Drops counts older than any window (the service's housekeeping, hourly); returns how many. */
    async sweep(): Promise<number> {
      const before = now().getTime() - LIMIT_LOG_DAYS * 86_400_000;
      const swept = await db.tx((q) =>
        q.delete(limitHits).where(lt(limitHits.at, before)).returning({ key: limitHits.key }),
      );
      return swept.length;
    },
  };
}
