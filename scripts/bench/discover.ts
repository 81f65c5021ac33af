// 主动发现 end to end: a generated register (default 1,000,000 households, one bad row in a thousand)
// screened by the compiled `npm run discover` with 1 and then 2 workers — households a second, the
// speed-up, and the process's peak resident memory (workers included). Measures and prints.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeRegister } from "../../tests/discover/register.ts";
import type { RunSummary } from "../discover/run.ts";

export const DISCOVER_TARGETS = { speedup: 1.7, peakRssMb: 400 };

export interface DiscoverRun {
  workers: number;
  households: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
}

export async function benchDiscover(options: {
  households: number;
  workers: number[];
  /** A register to use instead of generating one (generating a million takes a couple of minutes). */
  register?: string | undefined;
}): Promise<{ register: string; generatedSeconds: number | null; runs: DiscoverRun[] }> {
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
    for (const workers of options.workers) {
      const out = join(dir, `out-${workers}`);
      const started = performance.now();
      const r = spawnSync(
        process.execPath,
        [join(root, "scripts/run.mjs"), "discover", register, "--out", out, "--workers", String(workers)],
        { cwd: root, encoding: "utf8" },
      );
      const seconds = (performance.now() - started) / 1000;
      if (r.status !== 0) throw new Error(`discover failed: ${r.stderr}`);
      const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as RunSummary;
      const households = summary.households + summary.rejects;
      runs.push({
        workers,
        households,
        seconds,
        perSecond: households / seconds,
        peakRssMb: summary.run.peakRssMb,
      });
      rmSync(out, { recursive: true, force: true });
    }
    return { register, generatedSeconds, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
