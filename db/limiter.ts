// The limits' sliding logs kept in the store, for several service processes on one PostgreSQL: a
// limit reached through one process holds in every other (portal/server/rate-limit.ts has the
// interface and the in-memory log one process uses). Each count is a transaction holding its keys'
// locks, so two processes counting under one key take turns and neither passes the limit.

import { and, desc, eq, gt, lt, lte } from "drizzle-orm";
import type { Q, Store } from "./store.ts";

export interface LimitCheck {
  key: string;
  windowMs: number;
  max: number;
}

/** Kept at least this long (the longest window in use is a day); older rows are swept. */
export const LIMIT_LOG_DAYS = 7;

const secondsUntil = (at: number, t: number) => Math.max(1, Math.ceil((at - t) / 1000));

export function createStoreLimiter(db: Store, now: () => Date) {
  const { limitHits } = db.t;

  /** Seconds until one more attempt under the key would be counted (0: now). */
  async function wait(q: Q, check: LimitCheck, t: number): Promise<number> {
    const recent = await q
      .select({ at: limitHits.at })
      .from(limitHits)
      .where(and(eq(limitHits.key, check.key), gt(limitHits.at, t - check.windowMs)))
      .orderBy(desc(limitHits.at))
      .limit(check.max);
    const oldest = recent[check.max - 1];
    return oldest === undefined ? 0 : secondsUntil(oldest.at + check.windowMs, t);
  }

  /** Counts one attempt under every key, or, when one is at its limit, none: that key and its wait. */
  function hitAll(checks: readonly LimitCheck[]): Promise<{ key: string; seconds: number } | null> {
    const t = now().getTime();
    return db.tx(async (q) => {
      await db.lock(checks.map((c) => c.key));
      for (const check of checks) {
        const seconds = await wait(q, check, t);
        if (seconds > 0) return { key: check.key, seconds };
      }
      for (const check of checks) {
        await q
          .delete(limitHits)
          .where(and(eq(limitHits.key, check.key), lte(limitHits.at, t - check.windowMs)));
      }
      await q.insert(limitHits).values(checks.map((c) => ({ key: c.key, at: t })));
      return null;
    });
  }

  return {
    hitAll,
    async hit(key: string, windowMs: number, max: number): Promise<number> {
      return (await hitAll([{ key, windowMs, max }]))?.seconds ?? 0;
    },
    blocked(key: string, windowMs: number, max: number): Promise<number> {
      return db.read((q) => wait(q, { key, windowMs, max }, now().getTime()));
    },
    async reset(key: string): Promise<void> {
      await db.tx((q) => q.delete(limitHits).where(eq(limitHits.key, key)));
    },
    /** Drops counts older than any window (the service's housekeeping); returns how many. */
    async sweep(): Promise<number> {
      const before = now().getTime() - LIMIT_LOG_DAYS * 86_400_000;
      const swept = await db.tx((q) =>
        q.delete(limitHits).where(lt(limitHits.at, before)).returning({ key: limitHits.key }),
      );
      return swept.length;
    },
  };
}
