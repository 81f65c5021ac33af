// Machine instructions per pre-parsed screening, counted by valgrind (callgrind): a figure that does not
// move with the machine's speed, which on this project's machines varies by a third from hour to hour, so
// two versions of the core can be compared across runs (README, "Performance"). Two children screen the
// same warm-up and then 10,000 situations more, where V8 still compiles a little; one then screens N
// more: the difference over N is the steady count per screening, compiling left out.
// Each child is this file bundled once (no loader transpiling beside it) and run under V8's predictable
// mode (no background compiling or collecting: the main thread does both, in the same order every run),
// with fixed random and hash seeds and without address-space randomization: two counts of the same code
// then agree to about 0.05 %, where the loader and V8's own threads moved them by up to a fifth. Slow
// (valgrind runs Node some 50× slower: a few minutes); skipped where valgrind is missing. Measures;
// asserts nothing.

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPolicies } from "../../core/policies/index.ts";
import { screen } from "../../core/screen.ts";
import { bundleForNode } from "./bundle.ts";
import { SCREENING_TODAY, screeningSet } from "./screening-set.ts";

export interface Instructions {
  screenings: number;
  perScreening: number;
}

export function hasValgrind(): boolean {
  return spawnSync("valgrind", ["--version"], { encoding: "utf8" }).status === 0;
}

/**
 * Screenings both children make after the warm-up, uncounted: V8 compiles some code for the first time
 * there: the first 10,000 cost about 15,000 instructions a screening more than the 20,000 after them.
 */
const SETTLING = 10_000;

/** V8 in the same order every run: compiling and collecting on the main thread, fixed seeds. */
const PREDICTABLE = ["--predictable", "--random-seed=1", "--hash-seed=1"];

/** valgrind's command line, without address-space randomization where setarch is there to turn it off. */
function valgrindCommand(args: string[]): [string, string[]] {
  const setarch = spawnSync("setarch", ["-R", "true"]).status === 0;
  return setarch ? ["setarch", ["-R", "valgrind", ...args]] : ["valgrind", args];
}

/** Instructions counted for one child that screens `n` situations after the shared warm-up. */
function counted(bundle: string, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const [command, args] = valgrindCommand([
      "--tool=callgrind",
      "--callgrind-out-file=/dev/null",
      process.execPath,
      ...PREDICTABLE,
      bundle,
      String(n),
    ]);
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
      if (code !== 0 || refs === undefined)
        reject(new Error(`the counting run failed: ${stderr.slice(-2000)}`));
      else resolve(Number(refs.replaceAll(",", "")));
    });
  });
}

/** This file as one plain JavaScript file, for the children. */
async function bundled(dir: string): Promise<string> {
  const out = join(dir, "instructions.mjs");
  await bundleForNode(fileURLToPath(import.meta.url), out, ["esbuild"]);
  return out;
}

export async function countInstructions(screenings: number): Promise<Instructions> {
  // The real path: the child knows it is the child when its path and its own URL agree, and Node
  // resolves the URL's links (a temporary folder behind a link, as on macOS, would not match).
  const dir = mkdtempSync(join(realpathSync(tmpdir()), "instructions-"));
  try {
    const bundle = await bundled(dir);
    // Both children end before the bundle goes, whichever failed.
    const [base, more] = await Promise.allSettled([
      counted(bundle, SETTLING),
      counted(bundle, SETTLING + screenings),
    ]);
    if (base.status === "rejected") throw base.reason;
    if (more.status === "rejected") throw more.reason;
    const perScreening = (more.value - base.value) / screenings;
    // A child that screened nothing would count as a screening costing nothing.
    if (!(perScreening > 1_000))
      throw new Error(`the counting runs did not screen (${perScreening} a screening)`);
    return { screenings, perScreening };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In the child: a warm-up over 1,000 situations, then `n` screenings more. */
function run(n: number): void {
  const policies = createPolicies();
  const { parsed } = screeningSet(1000);
  const options = { policies, today: SCREENING_TODAY };
  let sink = 0;
  for (let round = 0; round < 5; round++) for (const s of parsed) sink += screen(s, options).results.length;
  for (let i = 0; i < n; i++)
    sink += screen(parsed[i % parsed.length] as (typeof parsed)[number], options).results.length;
  if (sink < 0) console.log(sink);
}

// The child: run as this file's bundle (see countInstructions), or as the source itself.
if (process.argv[1] === fileURLToPath(import.meta.url)) run(Number(process.argv[2]));
