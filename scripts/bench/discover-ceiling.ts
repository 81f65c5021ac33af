// The most two workers can give on this machine for 主动发现's own work: the compiled discover worker
// screening the same households from memory — no file read, nothing sorted or written, the main thread
// only handing out batches and taking the answers — by 1 thread, then by 2. What `npm run discover`
// reaches with 2 workers is read against this: the rest of its gap to 2× is the machine's, not the
// pipeline's (two threads share one memory system, and one thread alone has the other core for V8's
// compiling and collecting).

import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { openRegister } from "../discover/input.ts";
import { WORKER_LIMITS } from "../discover/pool.ts";
import type { BatchDone, LineBytes, WorkerSetup } from "../discover/protocol.ts";

export interface Ceiling {
  households: number;
  /** Households a second with 1 and with 2 threads, worker start-up included (as in a run). */
  one: number;
  two: number;
  speedup: number;
}

const BATCH = 200;

/** The first `households` lines of the register, in batches as the run cuts them. */
async function readBatches(register: string, households: number): Promise<LineBytes[]> {
  const batches: LineBytes[] = [];
  let count = 0;
  for await (const b of openRegister(register, "jsonl").batches(BATCH, 0)) {
    if (!("jsonl" in b)) throw new Error("the ceiling is measured on a JSON Lines register");
    batches.push(b.jsonl);
    count += b.jsonl.lines.length;
    if (count >= households) break;
  }
  return batches;
}

/** A batch's own copy: the workers are handed the buffers (detached here), so each run sends copies. */
function copyOf(b: LineBytes): LineBytes {
  // new Uint8Array copies (a Buffer's slice would not).
  return {
    bytes: new Uint8Array(b.bytes),
    starts: b.starts.slice(),
    ends: b.ends.slice(),
    lines: b.lines.slice(),
  };
}

/** Seconds for `threads` workers to screen every batch, each sent to the thread with the fewest. */
async function timeThreads(threads: number, batches: LineBytes[], setup: WorkerSetup): Promise<number> {
  // Measured after the runs, whose launcher refused a build older than its sources.
  const bundle = join(import.meta.dirname, "..", "..", "build", "cli", "discover-worker.mjs");
  const copies = batches.map(copyOf);
  const started = performance.now();
  const workers = Array.from(
    { length: threads },
    () => new Worker(bundle, { workerData: setup, resourceLimits: WORKER_LIMITS }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            const mine = copies.filter((_, i) => i % threads === w);
            let left = mine.length;
            if (left === 0) resolve();
            worker.on("error", reject);
            worker.on("message", (_: BatchDone) => {
              if (--left === 0) resolve();
            });
            for (const [i, jsonl] of mine.entries())
              worker.postMessage({ seq: i, jsonl }, [
                jsonl.bytes.buffer,
                jsonl.starts.buffer,
                jsonl.ends.buffer,
                jsonl.lines.buffer,
              ] as ArrayBuffer[]);
          }),
      ),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function discoverCeiling(options: {
  register: string;
  households: number;
  today: string;
}): Promise<Ceiling> {
  const batches = await readBatches(options.register, options.households);
  const households = batches.reduce((n, b) => n + b.lines.length, 0);
  const setup: WorkerSetup = { deployment: {}, today: options.today };
  const one = await timeThreads(1, batches, setup);
  const two = await timeThreads(2, batches, setup);
  return { households, one: households / one, two: households / two, speedup: one / two };
}
