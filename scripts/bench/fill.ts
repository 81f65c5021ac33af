// Synthetic requests written straight into a store, for the queue's benchmarks and its index test: a
// tenth open, a tenth urgent, five jurisdictions, eight program outcomes each, filed 25 seconds apart
// from 2026-01-01. Sealed columns hold filler bytes (nothing to open): only the plain columns matter.

import { sql } from "drizzle-orm";
import type { Store } from "../../db/store.ts";

const JURISDICTIONS = ["wuxi", "jiangmen", "puning", "jilin", "neijiang-dongxing"] as const;
const CHANNELS = ["bot", "portal", "staff"] as const;
const BATCH = 1_000;

export async function fillRequests(db: Store, n: number): Promise<void> {
  const { requests } = db.t;
  const base = Date.parse("2026-01-01T00:00:00.000Z");
  const filler = Buffer.alloc(300, 7);
  for (let from = 1; from <= n; from += BATCH) {
    const rows: (typeof requests.$inferInsert)[] = [];
    for (let i = from; i < Math.min(from + BATCH, n + 1); i++) {
      const at = new Date(base + i * 25_000).toISOString();
      rows.push({
        reference: `BX-${String(i).padStart(8, "0")}`,
        channel: CHANNELS[i % 3] as (typeof CHANNELS)[number],
        jurisdiction: JURISDICTIONS[i % 5] as string,
        urgent: i % 10 === 0,
        status: i % 10 === 3 ? ("new" as const) : i % 20 === 7 ? ("claimed" as const) : ("closed" as const),
        lang: "zh-CN",
        appliedBy: "self" as const,
        basisKind: "consent",
        basisAt: "2026-01-01T00:00:00.000Z",
        basisRef: "2026-11-28:self",
        engineVersion: "0.1.0",
        packVersion: "bench",
        phoneHash: `h${i % 50_000}`,
        sealed: filler,
        createdAt: at,
        updatedAt: at,
        slaDueAt: new Date(base + i * 25_000 + 259_200_000).toISOString(),
      });
    }
    await db.tx((q) => q.insert(requests).values(rows));
  }
  await db.tx(async () => {
    await db.rows(sql`
      INSERT INTO request_outcomes (request_id, program, outcome)
      SELECT r.id, p.program,
             CASE (r.id + p.k) % 3 WHEN 0 THEN 'likely' WHEN 1 THEN 'possible' ELSE 'unlikely' END
        FROM requests r,
             (SELECT 'dibao' AS program, 0 AS k UNION ALL SELECT 'dibao_single', 1 UNION ALL SELECT 'tekun', 2
              UNION ALL SELECT 'temporary_aid', 3 UNION ALL SELECT 'unsupported_child', 4
              UNION ALL SELECT 'orphan', 5 UNION ALL SELECT 'disability_living_subsidy', 6
              UNION ALL SELECT 'disability_care_subsidy', 7) p
       WHERE r.reference LIKE 'BX-%'`);
  });
  // Fresh statistics, as a database in service has: the planner chooses by them.
  await db.rows(sql`ANALYZE`);
}
