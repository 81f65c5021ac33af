// npm run bench:compare -- REV [--mode pre-parsed|validated] [--rounds N]
// The core as it is in this working tree against the core at REV (a commit, a tag, HEAD~3), screening
// the bench's situations (scripts/bench/screening-set.ts) in one process, in turns of 0.4 s, the order
// swapped every round: this project's machines change speed by a third from hour to hour, so two runs
// of `npm run bench` minutes apart cannot tell a 10 % change; turns side by side can. Prints each one's
// median and best screenings a second and the median of the paired ratios. Measures; asserts nothing.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bundleForNode } from "./bench/bundle.ts";
import { median } from "./bench/median.ts";
import { SCREENING_TODAY, screeningSet } from "./bench/screening-set.ts";

interface Core {
  screen: (s: unknown, o: unknown) => { results: unknown[] };
  screenInput: (s: unknown, o: unknown) => { ok: boolean; screening?: { results: unknown[] } };
  createPolicies: () => unknown;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { mode: { type: "string", default: "pre-parsed" }, rounds: { type: "string", default: "30" } },
});
const rev = positionals[0];
const rounds = Number(values.rounds);
if (rev === undefined || !["pre-parsed", "validated"].includes(values.mode) || !(rounds >= 2)) {
  console.error("usage: npm run bench:compare -- REV [--mode pre-parsed|validated] [--rounds N ≥ 2]");
  process.exit(2);
}

const here = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "bench-compare-"));
const theirs = join(work, "tree");

/** One file with the core's three entry points, bundled so both cores load the same way. */
async function bundle(tree: string, name: string): Promise<Core> {
  const entry = join(tree, `bench-compare-entry-${name}.ts`);
  writeFileSync(
    entry,
    'export { screen, screenInput } from "./core/screen.ts";\nexport { createPolicies } from "./core/policies/index.ts";\n',
  );
  const out = join(work, `${name}.mjs`);
  await bundleForNode(entry, out);
  rmSync(entry);
  return (await import(out)) as Core;
}

try {
  try {
    execFileSync("git", ["-C", here, "worktree", "add", "--detach", "--quiet", theirs, rev], {
      stdio: "pipe",
    });
  } catch (error) {
    console.error(
      `cannot check out ${rev}: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`,
    );
    rmSync(work, { recursive: true, force: true });
    process.exit(2);
  }
  symlinkSync(join(here, "node_modules"), join(theirs, "node_modules"));
  const cores = [await bundle(here, "this"), await bundle(theirs, "theirs")] as const;
  const { inputs, parsed } = screeningSet(5000);
  const runs = cores.map((core) => {
    const options = { policies: core.createPolicies(), today: SCREENING_TODAY };
    return values.mode === "validated"
      ? (i: number) => core.screenInput(inputs[i], options).screening?.results.length ?? 0
      : (i: number) => core.screen(parsed[i], options).results.length;
  });
  let sink = 0;
  const turn = (k: 0 | 1, ms: number): number => {
    const run = runs[k] as (i: number) => number;
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < ms) for (let j = 0; j < 250; j++, n++) sink += run(n % 5000);
    return n / ((performance.now() - start) / 1000);
  };
  turn(0, 1500);
  turn(1, 1500);
  const rates: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++)
    for (const k of r % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const)) rates[k].push(turn(k, 400));
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
  console.log(`${values.mode} screenings a second, ${rounds} turns of 0.4 s each, one process:`);
  console.log(`  this tree: median ${fmt(median(rates[0]))}, best ${fmt(Math.max(...rates[0]))}`);
  console.log(`  ${rev}: median ${fmt(median(rates[1]))}, best ${fmt(Math.max(...rates[1]))}`);
  const ratios = rates[0].map((x, i) => x / (rates[1][i] as number));
  console.log(`  this tree / ${rev}, median of the paired turns: ${median(ratios).toFixed(3)}×`);
  if (sink < 0) console.log(sink);
} finally {
  execFileSync("git", ["-C", here, "worktree", "remove", "--force", theirs], { stdio: "ignore" });
  rmSync(work, { recursive: true, force: true });
}
