// A fixed-window counter per client, in memory (one process serves everything; see DESIGN). Used where
// guessing must be slow: the status lookup by reference + phone.

export interface RateLimiter {
  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number;
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
  };
}
