// Memory allocated per pre-parsed screening, and how much of it the screening itself keeps: a child
// process with a new space large enough that no collection runs while 2,000 screenings are made, so the
// heap's growth is what they allocated. Making objects is near a third of a screening's time (README,
// "Performance"). Measures; asserts nothing.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createPolicies } from "../../core/policies/index.ts";
import { screen } from "../../core/screen.ts";
import { SCREENING_TODAY, screeningSet } from "./screening-set.ts";

export interface Allocation {
  /** Kilobytes allocated per screening. */
  allocatedKb: number;
  /** Kilobytes the screenings kept (the results themselves), per screening. */
  keptKb: number;
}

const COUNT = 2000;

export function measureAllocation(): Allocation {
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-semi-space-size=256",
      "--min-semi-space-size=256",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
    ],
    { encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(`the allocation run failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) as string) as Allocation;
}

/** In the child: a warm-up, then the heap's growth over COUNT screenings, thrown away and kept. */
function run(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with --expose-gc");
  const policies = createPolicies();
  const { parsed } = screeningSet(5000);
  const options = { policies, today: SCREENING_TODAY };
  let sink = 0;
  for (let round = 0; round < 4; round++) for (const s of parsed) sink += screen(s, options).results.length;
  gc();
  let before = process.memoryUsage().heapUsed;
  for (let i = 0; i < COUNT; i++)
    sink += screen(parsed[i] as (typeof parsed)[number], options).results.length;
  const allocated = process.memoryUsage().heapUsed - before;
  gc();
  before = process.memoryUsage().heapUsed;
  const kept = [];
  for (let i = 0; i < COUNT; i++) kept.push(screen(parsed[i] as (typeof parsed)[number], options));
  gc();
  const keptBytes = process.memoryUsage().heapUsed - before;
  if (sink < 0 || kept.length < 0) console.log(sink);
  console.log(JSON.stringify({ allocatedKb: allocated / COUNT / 1024, keptKb: keptBytes / COUNT / 1024 }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) run();
