// Progress on standard error: a bar redrawn in place on a terminal (households a second, the share of
// the file read, time left); a plain line every 10 seconds otherwise (a log, cron's mail).

export interface Progress {
  update(households: number): void;
  done(households: number): void;
}

const BAR = 24;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function createProgress(options: {
  out: NodeJS.WriteStream;
  /** The share of the register read so far, 0–1. */
  fraction: () => number;
  /** Households already done before this run (a resumed run). */
  resumedAt: number;
  now?: () => number;
}): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const terminal = options.out.isTTY === true;
  const every = terminal ? 250 : 10_000;
  let last = started;
  const line = (households: number) => {
    const seconds = (now() - started) / 1000;
    const rate = (households - options.resumedAt) / Math.max(seconds, 0.001);
    const f = Math.min(1, Math.max(0, options.fraction()));
    const left = f > 0 ? (seconds / f) * (1 - f) : Number.NaN;
    const counts = `${households.toLocaleString("en")} households, ${Math.round(rate).toLocaleString("en")}/s`;
    return terminal
      ? `[${"#".repeat(Math.round(f * BAR)).padEnd(BAR, ".")}] ${Math.round(f * 100)}% ${counts}, ${duration(left)} left`
      : `discover: ${counts}, ${Math.round(f * 100)}% of the register read, about ${duration(left)} left`;
  };
  return {
    update(households) {
      const t = now();
      if (t - last < every) return;
      last = t;
      options.out.write(terminal ? `\r${line(households)}\x1b[K` : `${line(households)}\n`);
    },
    done(households) {
      if (terminal) options.out.write(`\r${line(households)}\x1b[K\n`);
    },
  };
}
