// How often V8 throws away its compiled code for the core while screenings run, after a warm-up: a rule
// that keeps being deoptimized (an object whose fields change type, a value read inside a literal) runs
// several times slower, and took its callers with it (README, "Why a screening is fast"). Run as a child
// process with --trace-deopt; the bench prints the count and the functions. Measures; asserts nothing.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createPolicies } from "../../core/policies/index.ts";
import { screen, screenInput } from "../../core/screen.ts";
import { SCREENING_TODAY, screeningSet } from "./screening-set.ts";

const MARK = "--- measured from here ---";

export interface Deopts {
  seconds: number;
  total: number;
  /** Function name and how many times, most first. */
  byFunction: [string, number][];
}

export function countDeopts(seconds: number): Deopts {
  const child = spawnSync(
    process.execPath,
    ["--trace-deopt", "--import", "tsx", fileURLToPath(import.meta.url), String(seconds)],
    { encoding: "utf8", maxBuffer: 1 << 28 },
  );
  if (child.status !== 0) throw new Error(`the deoptimization run failed: ${child.stderr}`);
  const measured = child.stdout.slice(child.stdout.indexOf(MARK) + MARK.length);
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const m of measured.matchAll(
    /\[bailout \(kind: [^)]*\): begin\. deoptimizing \S+ <JSFunction ([^\s(]*)/g,
  )) {
    const name = m[1] || "(anonymous)";
    byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
    total++;
  }
  return { seconds, total, byFunction: [...byFunction].sort((a, b) => b[1] - a[1]) };
}

/** In the child: both ways of screening, round and round, for a warm-up and then the measured time. */
function run(seconds: number): void {
  const policies = createPolicies();
  const { inputs, parsed } = screeningSet(5000);
  let sink = 0;
  const spin = (forSeconds: number) => {
    const end = performance.now() + forSeconds * 1000;
    for (let i = 0; performance.now() < end; i = (i + 1) % inputs.length) {
      const out = screenInput(inputs[i], { policies, today: SCREENING_TODAY });
      if (out.ok) sink += out.screening.results.length;
      sink += screen(parsed[i] as (typeof parsed)[number], { policies, today: SCREENING_TODAY }).results
        .length;
    }
  };
  spin(1);
  console.log(MARK);
  spin(seconds);
  if (sink < 0) console.log(sink);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) run(Number(process.argv[2] ?? 3));
