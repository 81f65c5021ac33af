// npm run interview:stats — how many questions the interview asks: on the examples in tests/fixtures/
// and on generated households (fixed seed), by household size. Measures and prints; asserts nothing.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { simulate } from "../core/interview/index.ts";
import { createPolicies } from "../core/policies/index.ts";
import { situationSchema } from "../core/schema/situation.ts";
import { situationArb } from "../tests/core/arbitraries.ts";

const policies = createPolicies();
const today = "2026-11-22";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const examples = ["neijiang-dongxing", "wuxi", "jiangmen", "puning", "jilin"].map((id) => {
  const file = fileURLToPath(new URL(`../tests/fixtures/${id}.json`, import.meta.url));
  const s = situationSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return { id, members: s.members.length, asked: simulate(s, { policies, today }).asked.length };
});
console.log("examples (tests/fixtures):");
for (const e of examples) console.log(`  ${e.id.padEnd(18)} ${e.members} member(s): ${e.asked} questions`);
const counts = examples.map((e) => e.asked);
console.log(`  median ${median(counts)}, largest ${Math.max(...counts)}`);

const bySize = new Map<number, number[]>();
for (const s of fc.sample(situationArb, { seed: 20261122, numRuns: 500 })) {
  const n = simulate(s, { policies, today }).asked.length;
  bySize.set(s.members.length, [...(bySize.get(s.members.length) ?? []), n]);
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
