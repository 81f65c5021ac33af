// npm run interview:stats — how many questions the interview asks: on the examples in tests/fixtures/
// and on generated households (fixed seed), by household size; where the questions go (the programs
// whose facts they are); and how far "about N left" is from the questions actually left. Measures and
// prints; asserts nothing.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { type Simulation, simulate } from "../core/interview/index.ts";
import { programsAsking } from "../core/interview/next.ts";
import { createPolicies } from "../core/policies/index.ts";
import { situationSchema } from "../core/schema/situation.ts";
import { situationArb } from "../tests/core/arbitraries.ts";

const policies = createPolicies();
const today = "2026-11-22";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** |shown − actually left| before each question, and the largest rise from one question to the next. */
function progressError(sim: Simulation): { errors: number[]; rises: number[] } {
  const n = sim.asked.length;
  const errors = sim.left.map((shown, i) => Math.abs(shown - (n - i)));
  const rises = sim.left.slice(1).map((x, i) => x - (sim.left[i] as number) + 1);
  return { errors, rises };
}

const where = new Map<string, number>();
function tally(sim: Simulation): void {
  sim.asked.forEach((key, i) => {
    const programs = programsAsking(sim.states[i] as Simulation["states"][number], key, { policies });
    const label =
      programs.length === 0
        ? key.startsWith("householdIncome.") || key.includes(".income.")
          ? "(income breakdown)"
          : "(intro)"
        : programs.sort().join(" + ");
    where.set(label, (where.get(label) ?? 0) + 1);
  });
}

const examples = ["neijiang-dongxing", "wuxi", "jiangmen", "puning", "jilin"].map((id) => {
  const file = fileURLToPath(new URL(`../tests/fixtures/${id}.json`, import.meta.url));
  const s = situationSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const sim = simulate(s, { policies, today });
  return { id, members: s.members.length, sim };
});
console.log("examples (tests/fixtures):");
for (const e of examples) {
  console.log(`  ${e.id.padEnd(18)} ${e.members} member(s): ${e.sim.asked.length} questions`);
  console.log(`    ${e.sim.asked.join(" ")}`);
}
const counts = examples.map((e) => e.sim.asked.length);
console.log(`  median ${median(counts)}, largest ${Math.max(...counts)}`);

const bySize = new Map<number, number[]>();
const errors: number[] = [];
const rises: number[] = [];
for (const s of fc.sample(situationArb, { seed: 20261122, numRuns: 500 })) {
  const sim = simulate(s, { policies, today });
  const n = sim.asked.length;
  bySize.set(s.members.length, [...(bySize.get(s.members.length) ?? []), n]);
  const p = progressError(sim);
  errors.push(...p.errors);
  rises.push(...p.rises);
  tally(sim);
}
console.log('generated households (500, seed 20261122; unknown facts answered "I don\'t know"):');
const all: number[] = [];
for (const [size, xs] of [...bySize].sort((a, b) => a[0] - b[0])) {
  all.push(...xs);
  console.log(
    `  ${size} member(s): median ${median(xs)}, largest ${Math.max(...xs)} (${xs.length} households)`,
  );
}
console.log(`  all: median ${median(all)}, largest ${Math.max(...all)}`);
console.log(
  `progress ("about N left"): mean error ${mean(errors).toFixed(2)} questions; ` +
    `largest rise after one answer ${Math.max(...rises)}`,
);
console.log("where the questions go (per household, the programs whose result hinged on each):");
for (const [label, n] of [...where].sort((a, b) => b[1] - a[1]).slice(0, 14))
  console.log(`  ${(n / 500).toFixed(2).padStart(5)}  ${label}`);
