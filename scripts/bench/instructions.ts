// Machine instructions per pre-parsed screening, counted by valgrind (callgrind): a figure that does not
// move with the machine's speed, which on this project's machines varies by a third from hour to hour, so
// two versions of the core can be compared across runs (README, "Performance"). Two children screen the
// same warm-up, one then screens N more situations: the difference over N is the count per screening.
// JIT timing still moves it by about 3 % from run to run. Slow (valgrind runs Node some 50× slower: a few
// minutes); skipped where valgrind is missing. Measures; asserts nothing.

import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createPolicies } from "../../core/policies/index.ts";
import { screen } from "../../core/screen.ts";
import { SCREENING_TODAY, screeningSet } from "./screening-set.ts";

export interface Instructions {
  screenings: number;
  perScreening: number;
}

export function hasValgrind(): boolean {
  return spawnSync("valgrind", ["--version"], { encoding: "utf8" }).status === 0;
}

/** Instructions counted for one child that screens `n` situations after the shared warm-up. */
function counted(n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "valgrind",
      [
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        process.execPath,
        "--import",
        "tsx",
        fileURLToPath(import.meta.url),
        String(n),
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
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

export async function countInstructions(screenings: number): Promise<Instructions> {
  const [base, more] = await Promise.all([counted(0), counted(screenings)]);
  return { screenings, perScreening: (more - base) / screenings };
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

if (process.argv[1] === fileURLToPath(import.meta.url)) run(Number(process.argv[2]));
