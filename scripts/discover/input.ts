// The register, read as a stream: JSON Lines (one household a line) or CSV (one row per member, grouped
// by household_id), either possibly gzipped. Memory stays flat whatever the file's size: records come
// out one at a time, with the line each began on.

import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { CsvParser, type CsvRecord } from "../../core/discover/csv.ts";
import { type HouseholdRows, headerProblem, ID_COLUMN } from "../../core/discover/register-csv.ts";
import type { RegisterRecord } from "./household.ts";
import { numberedLines } from "./lines.ts";
import type { LineBytes } from "./protocol.ts";

export type Format = "jsonl" | "csv";

/** The register cannot be read at all (not a bad row: those are rejects). */
export class RegisterError extends Error {}

/** A household has at most 20 members: rows past that are counted, not kept. */
const MAX_ROWS = 21;

export interface Register {
  format: Format;
  gzip: boolean;
  /** The file's size in bytes, and how many of them have been read: the progress bar's fraction. */
  size: number;
  bytesRead(): number;
  /** Every record, read whole (the second pass of --file-requests, the tests). */
  records(): AsyncGenerator<RegisterRecord>;
  /** Records in batches for the workers, after the first `skip` (a resumed run): JSON lines as bytes. */
  batches(size: number, skip: number): AsyncGenerator<BatchRecords>;
}

/** A batch's records: JSON lines as their bytes, or CSV households as read. */
export type BatchRecords = { jsonl: LineBytes } | { records: RegisterRecord[] };

function isGzip(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The format from the name (`.jsonl`, `.ndjson`, `.csv`, each possibly `.gz`), or as given. */
export function formatOf(path: string, given?: string): Format {
  if (given === "jsonl" || given === "csv") return given;
  if (given !== undefined) throw new RegisterError(`--format: "${given}" is not jsonl or csv`);
  const name = path.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) return "jsonl";
  throw new RegisterError(`${path}: name it .jsonl or .csv (or .gz of either), or give --format jsonl|csv`);
}

export function openRegister(path: string, format: Format): Register {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new RegisterError(`${path}: is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof RegisterError) throw error;
    throw new RegisterError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const gzip = isGzip(path);
  let file: ReturnType<typeof createReadStream> | null = null;
  function open() {
    file = createReadStream(path, { highWaterMark: 1 << 20 });
    return gzip ? file.pipe(createGunzip()) : file;
  }
  async function* text(): AsyncGenerator<string> {
    const stream = open();
    stream.setEncoding("utf8");
    let first = true;
    for await (const chunk of stream as AsyncIterable<string>) {
      // A byte-order mark (spreadsheet exports write one) is not part of the first field.
      yield first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      first = false;
    }
  }
  return {
    format,
    gzip,
    size,
    bytesRead: () => (file as { bytesRead: number } | null)?.bytesRead ?? 0,
    records: format === "jsonl" ? () => jsonLines(text()) : () => csvHouseholds(text()),
    batches:
      format === "jsonl"
        ? (size, skip) => lineBatches(open() as AsyncIterable<Buffer>, size, skip)
        : (size, skip) => recordBatches(csvHouseholds(text()), size, skip),
  };
}

async function* recordBatches(
  records: AsyncGenerator<RegisterRecord>,
  size: number,
  skip: number,
): AsyncGenerator<BatchRecords> {
  let batch: RegisterRecord[] = [];
  let skipped = 0;
  for await (const record of records) {
    if (skipped < skip) {
      skipped++;
      continue;
    }
    batch.push(record);
    if (batch.length === size) {
      yield { records: batch };
      batch = [];
    }
  }
  if (batch.length > 0) yield { records: batch };
}

const NEWLINE = 0x0a;

/** Whether a line's bytes hold anything but spaces, tabs and a carriage return (blank lines are skipped). */
function blank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/**
 * JSON lines in batches of their bytes, never decoded here: the workers decode them. Each batch is its
 * own buffer, so it can be handed to a worker without a copy.
 */
export async function* lineBatches(
  chunks: AsyncIterable<Buffer>,
  size: number,
  skip: number,
): AsyncGenerator<BatchRecords> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  let skipped = 0;
  let parts: Buffer[] = [];
  let starts: number[] = [];
  let ends: number[] = [];
  let lines: number[] = [];
  let length = 0;
  const take = (buf: Buffer, start: number, end: number) => {
    line++;
    if (blank(buf, start, end)) return;
    if (skipped < skip) {
      skipped++;
      return;
    }
    parts.push(buf.subarray(start, end));
    starts.push(length);
    length += end - start;
    ends.push(length);
    lines.push(line);
  };
  const batch = (): BatchRecords => {
    const bytes = Buffer.allocUnsafeSlow(length);
    let at = 0;
    for (const p of parts) at += p.copy(bytes, at);
    const out = {
      jsonl: {
        bytes,
        starts: Int32Array.from(starts),
        ends: Int32Array.from(ends),
        lines: Int32Array.from(lines),
      },
    };
    parts = [];
    starts = [];
    ends = [];
    lines = [];
    length = 0;
    return out;
  };
  for await (const chunk of chunks) {
    let start = 0;
    // Only the line the last chunk cut is joined: the chunk itself is read where it lies.
    if (rest.length > 0) {
      const end = chunk.indexOf(NEWLINE);
      if (end < 0) {
        rest = Buffer.concat([rest, chunk]);
        continue;
      }
      const joined = Buffer.concat([rest, chunk.subarray(0, end)]);
      take(joined, 0, joined.length);
      start = end + 1;
      if (lines.length === size) yield batch();
    }
    for (let end = chunk.indexOf(NEWLINE, start); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
      take(chunk, start, end);
      start = end + 1;
      if (lines.length === size) yield batch();
    }
    rest = chunk.subarray(start);
  }
  if (rest.length > 0) take(rest, 0, rest.length);
  if (lines.length > 0) yield batch();
}

async function* jsonLines(chunks: AsyncGenerator<string>): AsyncGenerator<RegisterRecord> {
  for await (const [line, text] of numberedLines(chunks)) {
    const json = text.trim();
    if (json !== "") yield { line, json };
  }
}

async function* csvHouseholds(chunks: AsyncGenerator<string>): AsyncGenerator<RegisterRecord> {
  const parser = new CsvParser();
  let header: string[] | null = null;
  let current: HouseholdRows | null = null;
  const take = (record: CsvRecord): RegisterRecord | null => {
    if (header === null) {
      header = record.fields.map((f) => f.trim());
      const problem = headerProblem(header);
      if (problem) throw new RegisterError(`line ${record.line}: ${problem}`);
      return null;
    }
    const cols = header;
    const row: Record<string, string> = {};
    cols.forEach((name, i) => {
      row[name] = record.fields[i] ?? "";
    });
    const id = (row[ID_COLUMN] ?? "").trim();
    const ragged = record.fields.length !== cols.length ? record.line : undefined;
    // Rows without an id are each their own (rejected) household; rows of one id stay together.
    if (current !== null && id !== "" && id === current.id) {
      if (current.rows.length < MAX_ROWS) current.rows.push(row);
      current.ragged ??= ragged;
      return null;
    }
    const done = current;
    current = { id, line: record.line, rows: [row], ragged };
    return done === null ? null : { line: done.line, csv: done };
  };
  for await (const chunk of chunks) {
    for (const record of parser.push(chunk)) {
      const out = take(record);
      if (out) yield out;
    }
  }
  for (const record of parser.end()) {
    const out = take(record);
    if (out) yield out;
  }
  if (header === null) throw new RegisterError("the CSV register is empty: it needs a header row");
  if (current !== null) yield { line: (current as HouseholdRows).line, csv: current };
}
