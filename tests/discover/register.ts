// Generated registers for the discover tests and bench: households from the same generator as the core's
// property tests (fixed seed), each with an id and a mainland mobile, and now and then a bad row of a
// known kind. Written as a stream, in chunks, so a million households never sit in memory.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createGzip } from "node:zlib";
import fc from "fast-check";
import type { Situation } from "../../core/schema/situation.ts";
import { situationArb } from "../core/arbitraries.ts";

/** The bad rows a register may hold, and the field each reject must name. */
export const BAD_ROWS: { json: (i: number) => string; field: string }[] = [
  { json: () => '{"id": "broken", "situation": {', field: "" },
  {
    json: (i) => JSON.stringify({ id: `R${i}`, situation: minimal(), contact: { phone: "12345" } }),
    field: "contact.phone",
  },
  {
    json: (i) =>
      JSON.stringify({
        id: `R${i}`,
        situation: { ...minimal(), members: [{ age: -3 }] },
        contact: phoneOf(i),
      }),
    field: "situation.members[0].age",
  },
  {
    json: (i) =>
      JSON.stringify({ id: `R${i}`, situation: { ...minimal(), colour: "red" }, contact: phoneOf(i) }),
    field: "situation.colour",
  },
  { json: (i) => JSON.stringify({ situation: minimal(), contact: phoneOf(i) }), field: "id" },
];

function minimal(): Situation {
  return { schemaVersion: 1, jurisdiction: "wuxi", members: [{ relation: "self", age: 70 }] };
}

/** A mainland mobile number for household i (distinct for i < 10⁹). */
export function phoneOf(i: number): { name: string; phone: string } {
  return { name: `住户${i}`, phone: `1${3 + (i % 7)}${String(i).padStart(9, "0")}` };
}

export interface RegisterLine {
  line: number;
  id: string;
  situation: Situation;
  contact: { name: string; phone: string };
}

const CHUNK = 5000;

/** The households of a generated register, chunk by chunk (the same for the same seed). */
export function* generatedHouseholds(count: number, seed: number): Generator<RegisterLine> {
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const situations = fc.sample(situationArb, { numRuns: n, seed: seed + start });
    for (let k = 0; k < n; k++) {
      const i = start + k;
      yield {
        line: i + 1,
        id: `H${String(i).padStart(8, "0")}`,
        situation: situations[k] as Situation,
        contact: phoneOf(i),
      };
    }
  }
}

/**
 * Writes a JSON Lines register of `count` lines; every `badEvery`-th line (if given) is a bad row,
 * cycling through BAD_ROWS. Gzipped when the path ends in .gz.
 */
export async function writeRegister(
  path: string,
  options: { count: number; seed: number; badEvery?: number },
): Promise<void> {
  const file = createWriteStream(path);
  const gzip = path.endsWith(".gz") ? createGzip() : null;
  gzip?.pipe(file);
  const out = gzip ?? file;
  let bad = 0;
  for (const h of generatedHouseholds(options.count, options.seed)) {
    const line =
      options.badEvery && h.line % options.badEvery === 0
        ? (BAD_ROWS[bad++ % BAD_ROWS.length] as (typeof BAD_ROWS)[number]).json(h.line)
        : JSON.stringify({ id: h.id, situation: h.situation, contact: h.contact });
    if (!out.write(`${line}\n`)) await once(out, "drain");
  }
  out.end();
  await once(file, "close");
}
