// What the main thread and the workers say to each other. The main thread does little but move bytes,
// so that the workers' screening is what takes the time: a JSON Lines batch goes out as the lines' bytes
// (one buffer, handed over without a copy); the worklist entries come back the same way, already written
// as JSON and CSV, so the main thread sorts and writes them without reading them.

import type { RegisterRecord } from "./household.ts";

export interface WorkerSetup {
  /** The deployment's parameter overrides (--params), already read. */
  deployment: unknown;
  today: string;
  asOf?: string | undefined;
}

/** Lines of a JSON Lines register: the bytes, and where each line starts and ends in them. */
export interface LineBytes {
  bytes: Uint8Array;
  /** starts[i], ends[i]: the i-th line's bytes; lines[i]: its line number in the file. */
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
}

/**
 * A batch: JSON lines as bytes, or CSV households as the reader grouped them; with, when there is one,
 * an earlier answer's buffer handed back for the worker to write this answer into (see pool.ts).
 */
export type Batch = { seq: number; spare?: ArrayBuffer } & (
  | { jsonl: LineBytes }
  | { records: RegisterRecord[] }
);

/**
 * One household's result: a reject (its JSON line), or where it is counted — jurisdiction, county, and
 * its best outcome per program as one letter each in the contract's program order (l, p, u) — with,
 * when it is listed, its sort key and the index of its entry in the batch's bytes.
 */
export type Done =
  | { reject: string }
  | { j: string; c: string | null; o: string; key?: string; entry?: number };

export interface BatchDone {
  seq: number;
  done: Done[];
  /** The listed entries, each its JSON line then its CSV row, UTF-8; spans[3i..3i+2]: start, tab, end. */
  bytes: Uint8Array;
  spans: Int32Array;
}
