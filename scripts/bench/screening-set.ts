// The fixed, seeded set of generated situations the screenings are measured on (1–5 members, every
// jurisdiction), as plain JSON (as the CLI and the API receive it) and parsed beforehand.

import fc from "fast-check";
import { type Situation, situationSchema } from "../../core/schema/situation.ts";
import { situationArb } from "../../tests/core/arbitraries.ts";

export const SCREENING_SEED = 20261122;
export const SCREENING_TODAY = "2026-11-22";

export function screeningSet(count: number): { inputs: unknown[]; parsed: Situation[] } {
  const inputs: unknown[] = fc
    .sample(situationArb, { seed: SCREENING_SEED, numRuns: count })
    .map((s) => JSON.parse(JSON.stringify(s)));
  return { inputs, parsed: inputs.map((input) => situationSchema.parse(input)) };
}
