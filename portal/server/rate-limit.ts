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
