// 主动发现 end to end: a generated register (default 1,000,000 households, one bad row in a thousand)
// screened by `npm run discover` (compiled) with 1 and then 2 workers — households a second, the
// speed-up, and the process's peak resident memory (workers included); then the machine's own ceiling
// for the same work (discover-ceiling.ts). Measures and prints.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { writeRegister } from "../../tests/discover/register.ts";
import type { RunSummary } from "../discover/run.ts";
import { todayInShanghai } from "../lib/today.ts";
import { type Ceiling, discoverCeiling } from "./discover-ceiling.ts";

export const DISCOVER_TARGETS = { speedup: 1.7, peakRssMb: 400 };
/** Households the ceiling (discover-ceiling.ts) screens from memory: ten seconds or so at one thread. */
const CEILING_HOUSEHOLDS = 100_000;
/** The fewest rounds the ceiling is taken in (each about 10 s: one thread, then two, each warmed up). */
const CEILING_ROUNDS = 3;

export interface DiscoverRun {
  workers: number;
  households: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  /** Cores kept busy on average: the process's CPU time (every thread) over its run's time. */
  coresBusy: number;
}

export async function benchDiscover(options: {
  households: number;
  /** The worker counts run, in this order, `rounds` times over (default once). */
  workers: number[];
  rounds?: number;
  /** A register to use instead of generating one (generating a million takes a couple of minutes). */
  register?: string | undefined;
}): Promise<{ register: string; generatedSeconds: number | null; runs: DiscoverRun[]; ceiling: Ceiling }> {
  const dir = mkdtempSync(join(tmpdir(), "discover-bench-"));
  try {
    let register = options.register;
    let generatedSeconds: number | null = null;
    if (register === undefined) {
      register = join(dir, "register.jsonl");
      const started = performance.now();
      await writeRegister(register, { count: options.households, seed: 20261130, badEvery: 1000 });
      generatedSeconds = (performance.now() - started) / 1000;
    }
    const root = join(import.meta.dirname, "..", "..");
    const runs: DiscoverRun[] = [];
    const order = Array.from({ length: options.rounds ?? 1 }, () => options.workers).flat();
    for (const workers of order) {
      const out = join(dir, `out-${workers}`);
      const started = performance.now();
      // Through npm, as an office runs it (with whatever Node options the npm script sets, package.json).
      const r = spawnSync(
        "npm",
        ["run", "-s", "discover", "--", register, "--out", out, "--workers", String(workers)],
        // The npm script's `node` is the one running this bench.
        {
          cwd: root,
          encoding: "utf8",
          env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}` },
        },
      );
      const seconds = (performance.now() - started) / 1000;
      if (r.status !== 0) throw new Error(`discover failed: ${r.error?.message ?? r.stderr}`);
      const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as RunSummary;
      const households = summary.households + summary.rejects;
      runs.push({
        workers,
        households,
        seconds,
        perSecond: households / seconds,
        peakRssMb: summary.run.peakRssMb,
        coresBusy: summary.run.cpuSeconds / summary.run.seconds,
      });
      rmSync(out, { recursive: true, force: true });
    }
    // After the runs, the same worker on the same households from memory: the machine's own ceiling, in
    // three rounds at least, so that one round a neighbour disturbed (1.01× once, beside 1.49×) does not
    // decide the median.
    const ceiling = await discoverCeiling({
      register,
      households: Math.min(CEILING_HOUSEHOLDS, options.households),
      today: todayInShanghai(),
      rounds: Math.max(CEILING_ROUNDS, options.rounds ?? 1),
    });
    return { register, generatedSeconds, runs, ceiling };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
