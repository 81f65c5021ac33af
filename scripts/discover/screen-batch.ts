// A batch of register records screened into the compact results the main thread files in order. Runs in
// each worker (scripts/discover-worker.ts).

import { csvLine } from "../../core/discover/csv.ts";
import { sortKey } from "../../core/discover/worklist.ts";
import { worklistCsvRow } from "../../core/discover/worklist-csv.ts";
import { PROGRAMS } from "../../core/schema/enums.ts";
import { type HouseholdOptions, type RegisterRecord, screenHousehold } from "./household.ts";
import type { Batch, BatchDone, Done } from "./protocol.ts";

/** The records of a batch: its JSON lines decoded here, in the worker, or the CSV households as sent. */
function* recordsOf(batch: Batch): Generator<RegisterRecord> {
  if ("records" in batch) {
    yield* batch.records;
    return;
  }
  const { bytes, starts, ends, lines } = batch.jsonl;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < lines.length; i++)
    yield { line: lines[i] as number, json: text.toString("utf8", starts[i], ends[i]) };
}

const LETTER = { likely: "l", possible: "p", unlikely: "u" } as const;

export function screenBatch(batch: Batch, options: HouseholdOptions): BatchDone {
  const done: Done[] = [];
  const pieces: Buffer[] = [];
  const spans: number[] = [];
  let at = 0;
  for (const record of recordsOf(batch)) {
    const r = screenHousehold(record, options);
    if (r.kind === "reject") {
      done.push({ reject: JSON.stringify(r.reject) });
      continue;
    }
    const best = new Map(r.outcomes);
    const o = PROGRAMS.map((p) => LETTER[best.get(p) ?? "unlikely"]).join("");
    if (r.entry === null) {
      done.push({ j: r.jurisdiction, c: r.county, o });
      continue;
    }
    const json = Buffer.from(JSON.stringify(r.entry));
    const row = Buffer.from(csvLine(worklistCsvRow(r.entry)).slice(0, -2));
    pieces.push(json, row);
    spans.push(at, at + json.length, at + json.length + row.length);
    at += json.length + row.length;
    done.push({ j: r.jurisdiction, c: r.county, o, key: sortKey(r.entry), entry: spans.length / 3 - 1 });
  }
  const bytes = Buffer.concat(pieces, at);
  return {
    seq: batch.seq,
    done,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    spans: Int32Array.from(spans),
  };
}
