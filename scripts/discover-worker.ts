// A worker of `npm run discover`: screens the batches the main thread sends, answers in kind.

import { parentPort, workerData } from "node:worker_threads";
import { createPolicies } from "../core/policies/index.ts";
import type { Batch, BatchDone, WorkerSetup } from "./discover/protocol.ts";
import { screenBatch } from "./discover/screen-batch.ts";

const setup = workerData as WorkerSetup;
const options = {
  policies: createPolicies(setup.deployment as Parameters<typeof createPolicies>[0]),
  today: setup.today,
  ...(setup.asOf ? { asOf: setup.asOf } : {}),
};

parentPort?.on("message", (batch: Batch) => {
  const reply: BatchDone = { seq: batch.seq, done: screenBatch(batch.records, options) };
  parentPort?.postMessage(reply);
});
