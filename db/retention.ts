// Retention: closed requests older than the retention period lose everything that identifies someone
// (sealed facts, notes, amended versions, phone and chat hashes, idempotency keys). What stays is what
// the counts need: dates, jurisdiction, channel, urgency, status, outcomes per program.

import type { Db } from "./connection.ts";

export const DEFAULT_RETENTION_DAYS = 3 * 365;

export function anonymizeClosedBefore(db: Db, cutoff: Date, now: Date): number {
  const at = now.toISOString();
  const run = db.sqlite.transaction(() => {
    const ids = (
      db.sqlite
        .prepare(
          "SELECT id FROM requests WHERE status = 'closed' AND closed_at < ? AND anonymized_at IS NULL",
        )
        .all(cutoff.toISOString()) as { id: number }[]
    ).map((r) => r.id);
    const statements = [
      "UPDATE requests SET sealed = x'', phone_hash = '', other_phone_hash = NULL, chat_hash = NULL, anonymized_at = ? WHERE id = ?",
      "UPDATE request_events SET sealed = NULL WHERE request_id = ? AND sealed IS NOT NULL",
      "UPDATE request_versions SET sealed = NULL WHERE request_id = ?",
      "DELETE FROM idempotency_keys WHERE request_id = ?",
      "INSERT INTO request_events (request_id, at, kind, actor) VALUES (?, ?, 'anonymized', 'system')",
    ].map((q) => db.sqlite.prepare(q));
    const [request, events, versions, keys, event] = statements;
    for (const id of ids) {
      request?.run(at, id);
      events?.run(id);
      versions?.run(id);
      keys?.run(id);
      event?.run(id, at);
    }
    return ids.length;
  });
  return run.immediate();
}
