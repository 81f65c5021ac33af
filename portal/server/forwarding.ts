// Forwarding new requests to the hotline's system (HOTLINE_WEBHOOK_URL): each one was put in the outbox
// in the same transaction that stored it, and is POSTed here as a work order, signed, with its outbox
// key as Idempotency-Key, until the receiver answers 2xx. The receiver deduplicates by that key.

import { createHmac } from "node:crypto";
import { type Outbox, type OutboxWorker, outboxWorker } from "../../db/outbox.ts";
import { workOrderOf } from "../../db/reports.ts";
import type { RequestStore } from "../../db/requests.ts";

export const SIGNATURE_HEADER = "x-signature";
export const TIMESTAMP_HEADER = "x-signature-timestamp";

/** hex HMAC-SHA256 over "<timestamp>.<body>": the receiver recomputes it with the shared secret. */
export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export type Forwarder = OutboxWorker;

export function createForwarder(deps: {
  outbox: Outbox;
  requests: RequestStore;
  url: string;
  secret: string;
  now: () => Date;
  log: (line: string) => void;
  timeoutMs?: number;
}): Forwarder {
  async function deliver(): Promise<number> {
    let delivered = 0;
    for (const message of await deps.outbox.claim("hotline")) {
      const request = await deps.requests.byReference(message.reference);
      if (!request) {
        await deps.outbox.delivered(message.id); // anonymized before it could be sent: nothing left to send
        continue;
      }
      const body = JSON.stringify({
        key: message.key,
        event: "request.created",
        workOrder: workOrderOf(request),
      });
      const timestamp = String(Math.floor(deps.now().getTime() / 1000));
      try {
        const res = await fetch(deps.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "idempotency-key": message.key,
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: sign(deps.secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
        });
        await res.arrayBuffer();
        if (res.ok) {
          await deps.outbox.delivered(message.id);
          delivered++;
        } else {
          await deps.outbox.failed(message.id, message.attempts, `HTTP ${res.status}`);
        }
      } catch (error) {
        await deps.outbox.failed(message.id, message.attempts, (error as Error).name);
      }
    }
    return delivered;
  }

  return outboxWorker("forwarding", deliver, deps.log);
}
