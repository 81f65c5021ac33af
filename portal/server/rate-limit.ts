// A fixed-window counter per client, in memory (one process serves everything; see DESIGN). Used where
// guessing must be slow: the status lookup by reference + phone.

export interface RateLimiter {
  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number;
  /** Seconds to wait before the next attempt would be allowed, without counting one. */
  blocked(key: string): number;
  reset(key: string): void;
}

export function createRateLimiter(opts: { limit: number; windowMs: number; now: () => Date }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key) {
      const t = opts.now().getTime();
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (t - w.start >= opts.windowMs) windows.delete(k);
      }
      const w = windows.get(key);
      if (!w || t - w.start >= opts.windowMs) {
        windows.set(key, { start: t, count: 1 });
        return 0;
      }
      w.count++;
      return w.count > opts.limit ? Math.ceil((w.start + opts.windowMs - t) / 1000) : 0;
    },
    blocked(key) {
      const t = opts.now().getTime();
      const w = windows.get(key);
      if (!w || t - w.start >= opts.windowMs || w.count < opts.limit) return 0;
      return Math.ceil((w.start + opts.windowMs - t) / 1000);
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

/**
 * A lockout per account name: `limit` failures within `windowMs` lock the name for `windowMs` from the
 * failure that reached the limit. (A fixed window would let failures straddle its boundary.)
 */
export function createLockout(opts: { limit: number; windowMs: number; now: () => Date }): RateLimiter {
  const failures = new Map<string, number[]>();
  const lockedUntil = new Map<string, number>();
  const remaining = (key: string, t: number) => {
    const until = lockedUntil.get(key) ?? 0;
    return until > t ? Math.ceil((until - t) / 1000) : 0;
  };
  return {
    hit(key) {
      const t = opts.now().getTime();
      const recent = (failures.get(key) ?? []).filter((at) => t - at < opts.windowMs);
      recent.push(t);
      if (recent.length >= opts.limit) {
        lockedUntil.set(key, t + opts.windowMs);
        failures.delete(key);
      } else failures.set(key, recent);
      if (failures.size + lockedUntil.size > 10_000) {
        for (const [k, until] of lockedUntil) if (until <= t) lockedUntil.delete(k);
      }
      return remaining(key, t);
    },
    blocked: (key) => remaining(key, opts.now().getTime()),
    reset(key) {
      failures.delete(key);
      lockedUntil.delete(key);
    },
  };
}
