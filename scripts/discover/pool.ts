// Screening spread over worker threads. Batches go to whichever worker has the fewest in hand; results
// come back in any order and are handed on in the order the batches were sent, so the outputs are the
// same for any number of workers. At most a few batches per worker are in flight: reading waits for
// screening, and memory stays flat.

import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { BatchRecords } from "./input.ts";
import type { Batch, BatchDone, WorkerSetup } from "./protocol.ts";

/**
 * A worker holds the packs and a few batches (about 12 MB live): a small heap keeps its garbage (and RSS)
 * small too. The young generation at 24 MB rather than V8's default (about 48 MB with its two halves
 * grown): 314–333 MB peak for two workers instead of 374–397 (300,000 households), at the same speed.
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 24 };

/**
 * A worker running discover-worker beside this file: the bundle once built; the TypeScript source under
 * tsx (tests, benchmarks), where the worker registers tsx's loader itself (workers do not inherit it).
 */
function startWorker(setup: WorkerSetup): Worker {
  const here = import.meta.filename;
  const options = { workerData: setup, resourceLimits: WORKER_LIMITS };
  if (!here.endsWith(".ts"))
    return new Worker(new URL("./discover-worker.mjs", pathToFileURL(here)), options);
  const source = new URL("../discover-worker.ts", pathToFileURL(here)).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * Batches a worker may hold: about 120–160 ms of screening, so that a worker does not run dry while the
 * main thread writes a segment's run (about 40 ms) or waits for a core. Measured by each worker's time
 * between batches (300,000 households, 2 workers): about 1.1 ms a batch at 4, 0.7 ms at 8; 16 waited
 * less again but held 30–40 MB more.
 */
const IN_FLIGHT_PER_WORKER = 8;

export interface Pool {
  /** Sends a batch; resolves once there is room for another. */
  submit(records: BatchRecords): Promise<void>;
  /** Waits for every batch sent to be handed on. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function createPool(
  size: number,
  setup: WorkerSetup,
  /**
   * Called with each batch's results, in the order the batches were sent. It copies what it keeps of
   * the answer's bytes: once it returns, the buffer is handed back to a worker for a later answer.
   */
  onDone: (done: BatchDone) => void,
): Pool {
  const workers = Array.from({ length: size }, () => startWorker(setup));
  const load = workers.map(() => 0);
  const ready = new Map<number, BatchDone>();
  // Answers' buffers, handed back to the workers to write later answers into. A buffer left to the
  // garbage collector counts against the main thread's heap until a full collection (V8 adds the
  // external memory made since the last one), and the main thread makes too little garbage of its own
  // to collect it sooner: about 36 MB of answers a second ran one every ~300 ms. Handed on, it is off
  // this thread's count at once.
  const spares: ArrayBuffer[] = [];
  let sent = 0;
  let next = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  workers.forEach((worker, i) => {
    worker.on("message", (m: BatchDone) => {
      load[i] = (load[i] ?? 1) - 1;
      ready.set(m.seq, m);
      while (ready.has(next)) {
        const done = ready.get(next) as BatchDone;
        ready.delete(next);
        next++;
        try {
          onDone(done);
        } catch (error) {
          failure = error as Error;
        }
        // onDone copies what it keeps: the buffer is free again.
        if (spares.length < size * IN_FLIGHT_PER_WORKER) spares.push(done.bytes.buffer as ArrayBuffer);
      }
      notify();
    });
    worker.on("error", (error) => {
      failure = error;
      notify();
    });
  });
  const waitUntil = async (ok: () => boolean) => {
    while (!ok()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    if (failure) throw failure;
  };
  return {
    async submit(records) {
      await waitUntil(() => sent - next < size * IN_FLIGHT_PER_WORKER);
      let pick = 0;
      for (let i = 1; i < size; i++) if ((load[i] ?? 0) < (load[pick] ?? 0)) pick = i;
      load[pick] = (load[pick] ?? 0) + 1;
      const spare = spares.pop();
      const batch: Batch = { seq: sent++, ...records, ...(spare ? { spare } : {}) };
      // JSON lines' bytes are handed over, not copied.
      const transfer =
        "jsonl" in records
          ? [records.jsonl.bytes, records.jsonl.starts, records.jsonl.ends, records.jsonl.lines].map(
              (a) => a.buffer as ArrayBuffer,
            )
          : [];
      if (spare) transfer.push(spare);
      workers[pick]?.postMessage(batch, transfer);
    },
    drain: () => waitUntil(() => next === sent),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
