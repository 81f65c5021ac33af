// Every limit in the service (status lookups, logins, sends) sits on one small interface, Limiter:
// count an attempt under a key within a window, or forget the key. The in-memory one serves a single
// process; with DATABASE_URL the store's (db/limiter.ts) is shared by every process. Callers only see
// the named policies below (rateLimit, lockout) and the send limits.

import { decide, type LimitCheck, type LimitOutcome, waitFor } from "../../db/limiter.ts";

export type { LimitCheck, LimitOutcome };

export interface Limiter {
  /**
   * Counts one attempt under `key` when fewer than `max` were counted in the last `windowMs`, and
   * returns 0; otherwise counts nothing and returns the seconds until an attempt would be counted.
   */
  hit(key: string, windowMs: number, max: number): Promise<number>;
  /**
   * Counts one attempt under every key at once, or none when a hard limit is reached (that one, and its
   * wait); a soft limit reached lets the attempt through uncounted and is reported in `over`.
   */
  hitAll(checks: readonly LimitCheck[]): Promise<LimitOutcome>;
  /** The seconds until an attempt under `key` would be counted (0: now), without counting one. */
  blocked(key: string, windowMs: number, max: number): Promise<number>;
  reset(key: string): Promise<void>;
}

/** A named limit bound to its window and maximum: what route code holds. */
export interface RateLimiter {
  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): Promise<number>;
  /** Seconds to wait before the next attempt would be allowed, without counting one. */
  blocked(key: string): Promise<number>;
  reset(key: string): Promise<void>;
  /** The check `hit` makes, for counting it together with others (Limiter.hitAll). */
  check(key: string): LimitCheck;
}

/**
 * A sliding log per key: the times of the attempts counted within the window (at most `max` of them,
 * so a key costs little). A window that slides cannot be straddled the way a fixed one can.
 */
export function createMemoryLimiter(now: () => Date, maxKeys = 10_000): Limiter {
  // Each key's attempts, newest first, within the longest window it was counted under.
  const logs = new Map<string, { windowMs: number; at: number[] }>();
  const recent = (key: string, t: number) => {
    const log = logs.get(key);
    if (!log) return [];
    log.at = log.at.filter((at) => t - at < log.windowMs);
    return log.at;
  };
  // Synchronous inside: checking and counting every key is one step, with no await between.
  function hitAll(checks: readonly LimitCheck[]): LimitOutcome {
    const t = now().getTime();
    const { outcome, counted } = decide(checks, (key) => recent(key, t), t);
    if (logs.size >= maxKeys) {
      for (const [k, log] of logs) if (log.at.every((a) => t - a >= log.windowMs)) logs.delete(k);
    }
    for (const { key, windowMs } of counted) {
      const windowKept = Math.max(windowMs, logs.get(key)?.windowMs ?? 0);
      logs.set(key, { windowMs: windowKept, at: [t, ...recent(key, t)] });
    }
    return outcome;
  }
  return {
    hitAll: async (checks) => hitAll(checks),
    hit: async (key, windowMs, max) => hitAll([{ key, windowMs, max }]).refused?.seconds ?? 0,
    async blocked(key, windowMs, max) {
      const t = now().getTime();
      return waitFor({ key, windowMs, max }, recent(key, t), t);
    },
    async reset(key) {
      logs.delete(key);
    },
  };
}

/** At most `max` attempts per key within `windowMs` (the status lookup, logins per client). */
export function rateLimit(
  limiter: Limiter,
  name: string,
  opts: { max: number; windowMs: number },
): RateLimiter {
  const k = (key: string) => `${name}:${key}`;
  return {
    hit: (key) => limiter.hit(k(key), opts.windowMs, opts.max),
    blocked: (key) => limiter.blocked(k(key), opts.windowMs, opts.max),
    reset: (key) => limiter.reset(k(key)),
    check: (key) => ({ key: k(key), windowMs: opts.windowMs, max: opts.max }),
  };
}

/**
 * A lockout per account name: `max` failures within `windowMs` lock the name for `windowMs` from the
 * failure that reached the limit. `hit` counts a failure and returns the lock's seconds left (0: none).
 */
export function lockout(
  limiter: Limiter,
  name: string,
  opts: { max: number; windowMs: number },
): RateLimiter {
  const failures = (key: string) => `${name}:failures:${key}`;
  const lock = (key: string) => `${name}:lock:${key}`;
  const blocked = (key: string) => limiter.blocked(lock(key), opts.windowMs, 1);
  return {
    async hit(key) {
      // The failure that would be one too many for the log is the one that reaches the limit.
      if (opts.max <= 1 || (await limiter.hit(failures(key), opts.windowMs, opts.max - 1)) > 0) {
        await limiter.reset(failures(key));
        await limiter.hit(lock(key), opts.windowMs, 1);
      }
      return blocked(key);
    },
    blocked,
    async reset(key) {
      await limiter.reset(failures(key));
      await limiter.reset(lock(key));
    },
    check: (key) => ({ key: lock(key), windowMs: opts.windowMs, max: 1 }),
  };
}
