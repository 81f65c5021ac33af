// Retention: closed requests older than the retention period lose everything that identifies someone
// (sealed facts, notes, amended versions, phone and chat hashes, idempotency keys). What stays is what
// the counts need: dates, jurisdiction, channel, urgency, status, outcomes per program.

import { and, eq, isNotNull, isNull, lt } from "drizzle-orm";
import type { Store } from "./store.ts";

export const DEFAULT_RETENTION_DAYS = 3 * 365;

export function anonymizeClosedBefore(db: Store, cutoff: Date, now: Date): Promise<number> {
  const at = now.toISOString();
  const { requests, requestEvents, requestVersions, idempotencyKeys } = db.t;
  return db.tx(async (q) => {
    const due = await q
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          eq(requests.status, "closed"),
          lt(requests.closedAt, cutoff.toISOString()),
          isNull(requests.anonymizedAt),
        ),
      );
    for (const { id } of due) {
      await q
        .update(requests)
        .set({
          sealed: Buffer.alloc(0),
          phoneHash: "",
          otherPhoneHash: null,
          chatHash: null,
          anonymizedAt: at,
        })
        .where(eq(requests.id, id));
      await q
        .update(requestEvents)
        .set({ sealed: null })
        .where(and(eq(requestEvents.requestId, id), isNotNull(requestEvents.sealed)));
      await q.update(requestVersions).set({ sealed: null }).where(eq(requestVersions.requestId, id));
      await q.delete(idempotencyKeys).where(eq(idempotencyKeys.requestId, id));
      await q.insert(requestEvents).values({ requestId: id, at, kind: "anonymized", actor: "system" });
    }
    return due.length;
  });
}
