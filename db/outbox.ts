// Reading the transactional outbox: messages due for delivery, claimed by one process at a time, and
// their fate. Retries back off exponentially (5 s, 10 s, 20 s … at most an hour) and never stop on
// their own; a delivered message is never sent again.

import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
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

/**
 * How long claimed messages are one process's to deliver; after it, another process takes them over.
 * Longer than a round can take: 20 messages at the forwarder's 10-second timeout each.
 */
export const LEASE_MS = 5 * 60_000;

export function createOutbox(deps: { db: Store; now: () => Date; leaseMs?: number | undefined }) {
  const { db } = deps;
  const { outbox, requests } = db.t;
  return {
    /**
     * Messages due for delivery, claimed for this process: rows another process is delivering right now
     * (its lease not yet over, or its claim not yet committed) are skipped, so no message goes out
     * twice at once; a process that dies leaves its claim to lapse, and the message is claimed again.
     */
    claim(topic: OutboxMessage["topic"], limit = 20): Promise<OutboxMessage[]> {
      const t = deps.now().toISOString();
      const until = new Date(deps.now().getTime() + (deps.leaseMs ?? LEASE_MS)).toISOString();
      return db.tx(async (q) => {
        const due = await db.rows<{ id: number }>(
          sql`SELECT id FROM outbox
               WHERE topic = ${topic} AND delivered_at IS NULL AND next_attempt_at <= ${t}
                 AND (lease_until IS NULL OR lease_until <= ${t})
               ORDER BY id LIMIT ${limit}${db.dialect.skipLocked}`,
        );
        if (due.length === 0) return [];
        const ids = due.map((d) => Number(d.id));
        await q.update(outbox).set({ leaseUntil: until }).where(inArray(outbox.id, ids));
        const rows = await q
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
          .where(inArray(outbox.id, ids))
          .orderBy(asc(outbox.id));
        return rows.map((m) => ({ ...m, data: m.data ?? null }));
      });
    },
    async delivered(id: number): Promise<void> {
      await db.tx((q) =>
        q
          .update(outbox)
          .set({ deliveredAt: deps.now().toISOString(), lastError: null, leaseUntil: null })
          .where(and(eq(outbox.id, id), isNull(outbox.deliveredAt))),
      );
    },
    /** A failed attempt: counted, and the next one pushed back. `error` must hold nothing personal. */
    async failed(id: number, attempts: number, error: string): Promise<void> {
      const next = new Date(deps.now().getTime() + backoffMs(attempts + 1)).toISOString();
      await db.tx((q) =>
        q
          .update(outbox)
          .set({
            attempts: attempts + 1,
            nextAttemptAt: next,
            lastError: error.slice(0, 200),
            leaseUntil: null,
          })
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
