// One discover run: the register read as a stream, screened by the workers, the results filed in the
// register's order — rejects appended, worklist entries sorted segment by segment into run files, a
// checkpoint after each segment — then the runs merged into worklist.jsonl and worklist.csv, and the
// counts written to summary.json. A killed run, started again with the same inputs, resumes from its
// last checkpoint and ends with the same files.

import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { csvLine } from "../../core/discover/csv.ts";
import { WORKLIST_CSV_COLUMNS } from "../../core/discover/worklist-csv.ts";
import type { DeploymentParams } from "../../core/policies/deployment.ts";
import { createPolicies } from "../../core/policies/index.ts";
import { JURISDICTIONS } from "../../core/schema/enums.ts";
import { ENGINE_VERSION, packVersion } from "../../core/screen.ts";
import { BackgroundWriter } from "./background-writer.ts";
import { type Checkpoint, fingerprintOf, readCheckpoint, writeCheckpoint } from "./checkpoint.ts";
import { type Format, openRegister } from "./input.ts";
import { createPool } from "./pool.ts";
import { createProgress } from "./progress.ts";
import type { BatchDone } from "./protocol.ts";
import { type Keyed, mergeRuns, SegmentBytes, writeAll, writeRun } from "./runs.ts";
import { countHousehold, emptyTally, sortedTally, type Tally } from "./summary.ts";

export interface DiscoverOptions {
  register: string;
  format: Format;
  out: string;
  workers: number;
  deployment: DeploymentParams;
  /** The parameter file's text (part of the fingerprint: other figures, other outputs). */
  paramsText: string;
  asOf?: string | undefined;
  today: string;
  /** Households per segment: a sorted run and a checkpoint after each. */
  segment: number;
  log: (line: string) => void;
  progress: NodeJS.WriteStream;
}

export interface RunSummary extends Tally {
  asOf: string | null;
  engineVersion: string;
  packVersions: Record<string, string>;
  run: {
    startedAt: string;
    finishedAt: string;
    seconds: number;
    householdsPerSecond: number;
    workers: number;
    resumedAfter: number;
    /** The process's peak resident memory, workers included. */
    peakRssMb: number;
    /**
     * CPU time the process used over `seconds`, every thread counted (workers, the main thread, V8's
     * helpers): against `seconds`, how many cores the run kept busy.
     */
    cpuSeconds: number;
  };
}

const BATCH = 200;
/**
 * A segment also ends when its worklist entries reach this many bytes (a run file of about 16 MB):
 * memory stays bounded however many households are listed. Deterministic — it depends on the entries,
 * not on timing — so any number of workers cuts the same segments.
 */
const SEGMENT_BYTES = 16_000_000;
/** Output files hold names, phones and facts of people: readable by the owner only. */
const PRIVATE = 0o600;
export const STATE_DIR = ".discover-state";
const NEWLINE = Buffer.from("\n");
const CRLF = Buffer.from("\r\n");

/** A fresh private file for writing: an old one (a killed run's) is removed first, whatever its mode. */
function freshPrivate(path: string): string {
  rmSync(path, { force: true });
  return path;
}

function writePrivate(path: string, text: string): void {
  const tmp = freshPrivate(`${path}.tmp`);
  writeFileSync(tmp, text, { mode: PRIVATE });
  renameSync(tmp, path);
}

export async function runDiscover(o: DiscoverOptions): Promise<RunSummary> {
  const register = openRegister(o.register, o.format);
  const policies = createPolicies(o.deployment);
  const packVersions = Object.fromEntries(JURISDICTIONS.map((id) => [id, packVersion(policies, id)]));
  mkdirSync(o.out, { recursive: true, mode: 0o700 });
  const state = join(o.out, STATE_DIR);
  const fingerprint = fingerprintOf({
    register: resolve(o.register),
    options: { format: o.format, asOf: o.asOf ?? null, params: o.paramsText, segment: o.segment },
    versions: `${ENGINE_VERSION} ${JSON.stringify(packVersions)}`,
  });
  const previous = readCheckpoint(state);
  const resumed = previous?.fingerprint === fingerprint ? previous : null;
  if (previous && !resumed) o.log("The register or the options changed since the last run: starting over.");
  if (!resumed) rmSync(state, { recursive: true, force: true });
  mkdirSync(state, { recursive: true, mode: 0o700 });
  // Runs a killed run wrote after its last checkpoint are not counted: they are written again.
  for (const name of readdirSync(state))
    if (name !== "checkpoint.json" && !resumed?.runs.includes(name)) rmSync(join(state, name));

  const cp: Checkpoint = resumed ?? {
    version: 1,
    fingerprint,
    today: o.today,
    records: 0,
    runs: [],
    rejectsBytes: 0,
    tally: emptyTally(),
    startedAt: new Date().toISOString(),
  };
  if (resumed) o.log(`Resuming after ${resumed.records.toLocaleString("en")} households (checkpoint).`);
  const rejectsPath = join(o.out, "rejects.jsonl");
  const continuing = resumed !== null && existsSync(rejectsPath);
  const rejectsFd = openSync(
    continuing ? rejectsPath : freshPrivate(rejectsPath),
    continuing ? "r+" : "w",
    PRIVATE,
  );
  fchmodSync(rejectsFd, PRIVATE);
  ftruncateSync(rejectsFd, cp.rejectsBytes);
  let rejectsBytes = cp.rejectsBytes;

  const started = performance.now();
  // Every thread's CPU (process.cpuUsage is the process's), from the same moment as `seconds`.
  const cpuAtStart = process.cpuUsage();
  const resumedAfter = cp.records;
  let entries: Keyed[] = [];
  // A segment ends once its entries reach SEGMENT_BYTES: room for that and one more entry.
  const segmentBytesBuffer = new SegmentBytes(SEGMENT_BYTES + (1 << 20));
  let rejects: string[] = [];
  let inSegment = 0;
  let segmentBytes = 0;
  const flushSegment = () => {
    if (inSegment === 0) return;
    if (entries.length > 0) {
      const name = `run-${String(cp.runs.length).padStart(6, "0")}.tsv`;
      writeRun(join(state, name), entries);
      cp.runs.push(name);
    }
    if (rejects.length > 0) {
      const text = Buffer.from(`${rejects.join("\n")}\n`);
      writeAll(rejectsFd, text, 0, text.length, rejectsBytes);
      rejectsBytes += text.length;
      fsyncSync(rejectsFd);
    }
    cp.rejectsBytes = rejectsBytes;
    cp.records += inSegment;
    writeCheckpoint(state, cp);
    entries = [];
    segmentBytesBuffer.clear();
    rejects = [];
    inSegment = 0;
    segmentBytes = 0;
  };
  const onDone = (batch: BatchDone) => {
    const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
    for (const d of batch.done) {
      inSegment++;
      if ("reject" in d) {
        cp.tally.rejects++;
        rejects.push(d.reject);
      } else {
        const listed = d.entry !== undefined;
        countHousehold(cp.tally, policies, { jurisdiction: d.j, county: d.c, outcomes: d.o, listed });
        if (d.entry !== undefined) {
          const i = 3 * d.entry;
          const [start, tab, end] = [batch.spans[i], batch.spans[i + 1], batch.spans[i + 2]] as number[];
          const kept = segmentBytesBuffer.add(bytes, start as number, end as number);
          entries.push({
            key: d.key as string,
            bytes: kept.buf,
            start: kept.at,
            tab: kept.at + (tab as number) - (start as number),
            end: kept.at + (end as number) - (start as number),
          });
          segmentBytes += (end as number) - (start as number);
        }
      }
      if (inSegment === o.segment || segmentBytes >= SEGMENT_BYTES) flushSegment();
    }
    progress.update(cp.records + inSegment);
  };
  const progress = createProgress({
    out: o.progress,
    fraction: () => register.bytesRead() / Math.max(1, register.size),
    resumedAt: resumedAfter,
  });

  const pool = createPool(o.workers, { deployment: o.deployment, today: cp.today, asOf: o.asOf }, onDone);
  try {
    for await (const batch of register.batches(BATCH, cp.records)) await pool.submit(batch);
    await pool.drain();
    flushSegment();
  } finally {
    await pool.close();
    closeSync(rejectsFd);
  }
  progress.done(cp.records);
  const screened = performance.now();
  await writeWorklists(
    o.out,
    cp.runs.map((name) => join(state, name)),
  );
  o.log(
    `Screened in ${((screened - started) / 1000).toFixed(1)} s; worklist sorted and written in ${((performance.now() - screened) / 1000).toFixed(1)} s.`,
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const summary: RunSummary = {
    ...sortedTally(cp.tally),
    asOf: o.asOf ?? null,
    engineVersion: ENGINE_VERSION,
    packVersions,
    run: {
      startedAt: cp.startedAt,
      finishedAt: new Date().toISOString(),
      seconds: Math.round(seconds * 100) / 100,
      householdsPerSecond: Math.round((cp.records - resumedAfter) / Math.max(seconds, 0.001)),
      workers: o.workers,
      resumedAfter,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      cpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100,
    },
  };
  writePrivate(join(o.out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  rmSync(state, { recursive: true, force: true });
  return summary;
}

/**
 * Merges the sorted runs into worklist.jsonl and worklist.csv (written beside, then renamed). Both files
 * are written from behind (background-writer.ts): the merge, and each file's writes, on their own threads.
 */
async function writeWorklists(out: string, runs: string[]): Promise<void> {
  const jsonlPath = join(out, "worklist.jsonl");
  const csvPath = join(out, "worklist.csv");
  const fds: number[] = [];
  const writers: BackgroundWriter[] = [];
  try {
    fds.push(openSync(freshPrivate(`${jsonlPath}.tmp`), "w", PRIVATE));
    fds.push(openSync(freshPrivate(`${csvPath}.tmp`), "w", PRIVATE));
    writers.push(...fds.map((fd) => new BackgroundWriter(fd)));
    const [jsonl, csv] = writers as [BackgroundWriter, BackgroundWriter];
    // A byte-order mark so that spreadsheet programs read the Chinese as UTF-8.
    csv.put(Buffer.from(`\ufeff${csvLine(WORKLIST_CSV_COLUMNS)}`));
    for (const { entry, row } of mergeRuns(runs)) {
      jsonl.put(entry);
      jsonl.put(NEWLINE);
      csv.put(row);
      csv.put(CRLF);
      if (jsonl.full) await jsonl.room();
      if (csv.full) await csv.room();
    }
    await Promise.all([jsonl.close(), csv.close()]);
  } finally {
    // After a failure, the other file's writes may still be under way.
    await Promise.all(writers.map((w) => w.settle()));
    for (const fd of fds) closeSync(fd);
  }
  renameSync(`${jsonlPath}.tmp`, jsonlPath);
  renameSync(`${csvPath}.tmp`, csvPath);
}
