// Reading the transactional outbox: messages due for delivery, and their fate. Retries back off
// exponentially (5 s, 10 s, 20 s … at most an hour) and never stop on their own; a delivered message
// is never sent again.

import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { Store } from "./store.ts";

export interface OutboxMessage {
  id: number;
  topic: "hotline" | "resident";
  key: string;
  reference: string;
  data: Record<string, unknown> | null;
  attempts: number;
}

export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function createOutbox(deps: { db: Store; now: () => Date }) {
  const { db } = deps;
  const { outbox, requests } = db.t;
  return {
    async due(topic: OutboxMessage["topic"], limit = 20): Promise<OutboxMessage[]> {
      const rows = await db.read((q) =>
        q
          .select({
            id: outbox.id,
            topic: outbox.topic,
            key: outbox.key,
            reference: requests.reference,
            data: outbox.data,
            attempts: outbox.attempts,
          })
          .from(outbox)
          .innerJoin(requests, eq(requests.id, outbox.requestId))
          .where(
            and(
              eq(outbox.topic, topic),
              isNull(outbox.deliveredAt),
              lte(outbox.nextAttemptAt, deps.now().toISOString()),
            ),
          )
          .orderBy(asc(outbox.id))
          .limit(limit),
      );
      return rows.map((m) => ({ ...m, data: m.data ?? null }));
    },
    async delivered(id: number): Promise<void> {
      await db.tx((q) =>
        q
          .update(outbox)
          .set({ deliveredAt: deps.now().toISOString(), lastError: null })
          .where(and(eq(outbox.id, id), isNull(outbox.deliveredAt))),
      );
    },
    /** A failed attempt: counted, and the next one pushed back. `error` must hold nothing personal. */
    async failed(id: number, attempts: number, error: string): Promise<void> {
      const next = new Date(deps.now().getTime() + backoffMs(attempts + 1)).toISOString();
      await db.tx((q) =>
        q
          .update(outbox)
          .set({ attempts: attempts + 1, nextAttemptAt: next, lastError: error.slice(0, 200) })
          .where(eq(outbox.id, id)),
      );
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

export interface OutboxWorker {
  /** One delivery round now; returns how many were delivered. */
  runOnce(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/**
 * The delivery loop shared by the outbox's readers (the hotline webhook, the bot's notifications): one
 * round at a time — a slow receiver must not get the same message twice at once — on a timer that does
 * not keep the process alive, and a stop that waits for the round under way.
 */
export function outboxWorker(
  name: string,
  deliver: () => Promise<number>,
  log: (line: string) => void,
): OutboxWorker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  const runOnce = () => {
    running ??= deliver().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    runOnce,
    start(intervalMs = 1000) {
      timer = setInterval(() => {
        runOnce().catch((error) => log(`${name}: ${(error as Error).name}`));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
