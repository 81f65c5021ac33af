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

/**
 * The listed entries' bytes, written straight into one buffer that is handed to the main thread whole:
 * no buffer per entry and no copy to join them. UTF-8 takes at most 3 bytes per UTF-16 unit, so room
 * for 3 × a string's length is room enough; the buffer doubles when a string might not fit.
 */
class BatchBytes {
  buf: Buffer;
  at = 0;
  constructor(capacity: number, spare: ArrayBuffer | undefined) {
    this.buf =
      spare !== undefined && spare.byteLength >= capacity
        ? Buffer.from(spare)
        : Buffer.allocUnsafeSlow(capacity);
  }
  write(text: string): void {
    if (this.buf.length - this.at < 3 * text.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.buf.length, this.at + 3 * text.length));
      this.buf.copy(bigger, 0, 0, this.at);
      this.buf = bigger;
    }
    this.at += this.buf.write(text, this.at);
  }
}

/** Bytes the last batch's entries took: the next batch's buffer starts a little larger. */
let lastBatchBytes = 1 << 16;

export function screenBatch(batch: Batch, options: HouseholdOptions): BatchDone {
  const done: Done[] = [];
  const out = new BatchBytes(lastBatchBytes + (lastBatchBytes >> 3), batch.spare);
  const spans: number[] = [];
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
    const start = out.at;
    out.write(JSON.stringify(r.entry));
    const tab = out.at;
    // The row without its line break: the worklist's writer adds it.
    out.write(csvLine(worklistCsvRow(r.entry)).slice(0, -2));
    spans.push(start, tab, out.at);
    done.push({ j: r.jurisdiction, c: r.county, o, key: sortKey(r.entry), entry: spans.length / 3 - 1 });
  }
  lastBatchBytes = Math.max(out.at, 1 << 10);
  return {
    seq: batch.seq,
    done,
    bytes: new Uint8Array(out.buf.buffer, 0, out.at),
    spans: Int32Array.from(spans),
  };
}
