// A worker of `npm run discover`: screens the batches the main thread sends, answers in kind, handing
// the answer's bytes over without a copy.

import { parentPort, workerData } from "node:worker_threads";
import { createPolicies } from "../core/policies/index.ts";
import type { Batch, WorkerSetup } from "./discover/protocol.ts";
import { screenBatch } from "./discover/screen-batch.ts";

const setup = workerData as WorkerSetup;
const options = {
  policies: createPolicies(setup.deployment as Parameters<typeof createPolicies>[0]),
  today: setup.today,
  ...(setup.asOf ? { asOf: setup.asOf } : {}),
};

parentPort?.on("message", (batch: Batch) => {
  const reply = screenBatch(batch, options);
  // The entries' buffer is the batch's own (never a slice of Node's shared pool): handed over whole.
  parentPort?.postMessage(reply, [reply.bytes.buffer as ArrayBuffer, reply.spans.buffer as ArrayBuffer]);
});
