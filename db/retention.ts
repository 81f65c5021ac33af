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
    let anonymized = 0;
    for (const { id } of due) {
      // Still closed before the cutoff and not yet anonymized: a request reopened (or reopened and
      // closed again) since the read above keeps its data.
      const still = await q
        .update(requests)
        .set({
          sealed: Buffer.alloc(0),
          phoneHash: "",
          otherPhoneHash: null,
          chatHash: null,
          anonymizedAt: at,
        })
        .where(
          and(
            eq(requests.id, id),
            eq(requests.status, "closed"),
            lt(requests.closedAt, cutoff.toISOString()),
            isNull(requests.anonymizedAt),
          ),
        )
        .returning({ id: requests.id });
      if (still.length === 0) continue;
      anonymized++;
      await q
        .update(requestEvents)
        .set({ sealed: null })
        .where(and(eq(requestEvents.requestId, id), isNotNull(requestEvents.sealed)));
      await q.update(requestVersions).set({ sealed: null }).where(eq(requestVersions.requestId, id));
      await q.delete(idempotencyKeys).where(eq(idempotencyKeys.requestId, id));
      await q.insert(requestEvents).values({ requestId: id, at, kind: "anonymized", actor: "system" });
    }
    return anonymized;
  });
}
