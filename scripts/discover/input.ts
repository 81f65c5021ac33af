// The register, read as a stream: JSON Lines (one household a line) or CSV (one row per member, grouped
// by household_id), either possibly gzipped. Memory stays flat whatever the file's size: records come
// out one at a time, with the line each began on.

import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { CsvParser, type CsvRecord } from "../../core/discover/csv.ts";
import { type HouseholdRows, headerProblem, ID_COLUMN } from "../../core/discover/register-csv.ts";
import type { RegisterRecord } from "./household.ts";
import { numberedLines } from "./lines.ts";

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
  records(): AsyncGenerator<RegisterRecord>;
}

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
  async function* text(): AsyncGenerator<string> {
    file = createReadStream(path, { highWaterMark: 1 << 20 });
    const stream = gzip ? file.pipe(createGunzip()) : file;
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
  };
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
