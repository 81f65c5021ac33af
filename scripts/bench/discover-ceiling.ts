// What two workers can give on this machine for 主动发现's own work: the compiled discover worker
// screening the same households from memory — no file read, nothing sorted or written, the main thread
// only handing out batches and taking the answers — by 1 thread, then by 2, each after a warm-up. What
// `npm run discover` reaches with 2 workers is read against this: below it is the run's own share of
// the cores (the main thread, the helpers, the kernel's reads and writes, the serial merge); between
// it and 2× is what two threads cost each other (one memory system; one thread alone has the other
// core for V8's compiling and collecting). On a shared machine a measurement this short swings with the
// neighbours' load: it is taken in rounds (--rounds) and judged by the median.

import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { openRegister } from "../discover/input.ts";
import { WORKER_LIMITS } from "../discover/pool.ts";
import type { BatchDone, LineBytes, WorkerSetup } from "../discover/protocol.ts";

export interface Ceiling {
  households: number;
  /** Each round: households a second with 1 thread, then with 2 (after each thread's warm-up). */
  rounds: { one: number; two: number; speedup: number }[];
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

/** Sends a worker its batches and resolves when it has answered them all. */
function screenAll(worker: Worker, batches: LineBytes[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let left = batches.length;
    if (left === 0) resolve();
    const onMessage = (_: BatchDone) => {
      if (--left > 0) return;
      worker.off("message", onMessage);
      worker.off("error", reject);
      resolve();
    };
    worker.on("message", onMessage);
    worker.on("error", reject);
    for (const [seq, jsonl] of batches.entries())
      worker.postMessage({ seq, jsonl }, [
        jsonl.bytes.buffer,
        jsonl.starts.buffer,
        jsonl.ends.buffer,
        jsonl.lines.buffer,
      ] as ArrayBuffer[]);
  });
}

/** Batches (of 200) each thread screens first, untimed: its start-up and the JIT's compiling, about two seconds of CPU. */
const WARM_UP = 50;

/**
 * Seconds for `threads` workers, once each has screened a warm-up, to screen every batch (dealt in
 * turn): the steady speed, which is what a long run's speed is made of.
 */
async function timeThreads(threads: number, batches: LineBytes[], setup: WorkerSetup): Promise<number> {
  // Measured after the runs, whose launcher refused a build older than its sources.
  const bundle = join(import.meta.dirname, "..", "..", "build", "cli", "discover-worker.mjs");
  const workers = Array.from(
    { length: threads },
    () => new Worker(bundle, { workerData: setup, resourceLimits: WORKER_LIMITS }),
  );
  try {
    await Promise.all(workers.map((w) => screenAll(w, batches.slice(0, WARM_UP).map(copyOf))));
    const copies = batches.map(copyOf);
    const started = performance.now();
    await Promise.all(
      workers.map((w, t) =>
        screenAll(
          w,
          copies.filter((_, i) => i % threads === t),
        ),
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
  rounds: number;
}): Promise<Ceiling> {
  const batches = await readBatches(options.register, options.households);
  const households = batches.reduce((n, b) => n + b.lines.length, 0);
  const setup: WorkerSetup = { deployment: {}, today: options.today };
  const rounds: Ceiling["rounds"] = [];
  for (let r = 0; r < options.rounds; r++) {
    const one = await timeThreads(1, batches, setup);
    const two = await timeThreads(2, batches, setup);
    rounds.push({ one: households / one, two: households / two, speedup: one / two });
  }
  return { households, rounds };
}
