// The staff queue's first page with a large store: N requests (default 1,000,000) written straight
// into a fresh SQLite file by SQL (a tenth open, a tenth urgent, five jurisdictions, eight program
// outcomes each), then GET /api/staff/queue through the real app with a signed-in supervisor and an
// agent of one jurisdiction, and the same query at the store level.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../portal/server/app.ts";
import { readConfig } from "../../portal/server/config.ts";
import { buildDeps } from "../../portal/server/service.ts";

export const QUEUE_TARGET_MS = 20;

export function fill(db: import("better-sqlite3").Database, n: number): void {
  db.exec(`
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n})
    INSERT INTO requests (reference, channel, jurisdiction, urgent, status, lang, applied_by, consent_at,
      consent_notice, engine_version, pack_version, phone_hash, sealed, created_at, updated_at, sla_due_at)
    SELECT printf('BX-%08d', i),
           CASE i % 3 WHEN 0 THEN 'bot' WHEN 1 THEN 'portal' ELSE 'staff' END,
           CASE i % 5 WHEN 0 THEN 'wuxi' WHEN 1 THEN 'jiangmen' WHEN 2 THEN 'puning' WHEN 3 THEN 'jilin'
                      ELSE 'neijiang-dongxing' END,
           (i % 10 = 0),
           CASE WHEN i % 10 = 3 THEN 'new' WHEN i % 20 = 7 THEN 'claimed' ELSE 'closed' END,
           'zh-CN', 'self', '2026-01-01T00:00:00.000Z', '2026-11-28:self', '0.1.0', 'bench',
           printf('h%d', i % 50000), randomblob(300),
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i * 25)),
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i * 25)),
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i * 25 + 259200))
      FROM seq;
    INSERT INTO request_outcomes (request_id, program, outcome)
    SELECT r.id, p.program, CASE (r.id + p.k) % 3 WHEN 0 THEN 'likely' WHEN 1 THEN 'possible' ELSE 'unlikely' END
      FROM requests r,
           (SELECT 'dibao' AS program, 0 AS k UNION ALL SELECT 'dibao_single', 1 UNION ALL SELECT 'tekun', 2
            UNION ALL SELECT 'temporary_aid', 3 UNION ALL SELECT 'unsupported_child', 4 UNION ALL SELECT 'orphan', 5
            UNION ALL SELECT 'disability_living_subsidy', 6 UNION ALL SELECT 'disability_care_subsidy', 7) p;
    ANALYZE;
  `);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function benchQueue(options: { requests: number; runs: number }) {
  const dir = mkdtempSync(join(tmpdir(), "intake-queue-bench-"));
  const config = readConfig({
    DATABASE_PATH: join(dir, "queue.sqlite"),
    INTAKE_DATA_KEY: "8".repeat(64),
    SCRYPT_LOG_N: "10",
  });
  const { deps } = buildDeps(config, { log: () => {} });
  const t0 = performance.now();
  fill(deps.db.sqlite, options.requests);
  const fillSeconds = (performance.now() - t0) / 1000;
  const app = createApp(deps);
  const cookieFor = async (name: string, role: "agent" | "supervisor", jurisdiction: string) => {
    const pw = "bench password 1";
    const account = deps.staff.add({ name, role, jurisdiction, passwordHash: await deps.passwords.hash(pw) });
    deps.staff.setPassword(account.id, await deps.passwords.hash(pw), false);
    const res = await app.request("/api/staff/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, password: pw }),
    });
    return (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  };
  const cases = [
    {
      label: "supervisor, all jurisdictions, open queue",
      cookie: await cookieFor("sup", "supervisor", "all"),
      query: "",
    },
    {
      label: "agent of one jurisdiction, open queue",
      cookie: await cookieFor("agt", "agent", "jilin"),
      query: "",
    },
    {
      label: "agent, status new, likely 低保",
      cookie: await cookieFor("agt2", "agent", "jilin"),
      query: "?status=new&program=dibao&outcome=likely",
    },
  ];
  const rows = [];
  for (const c of cases) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < options.runs + 5; i++) {
      const start = performance.now();
      const res = await app.request(`/api/staff/queue${c.query}`, { headers: { cookie: c.cookie } });
      const body = (await res.json()) as { items: unknown[] };
      const ms = performance.now() - start;
      if (i >= 5) times.push(ms); // the first few warm the caches
      items = body.items.length;
    }
    rows.push({ label: c.label, items, medianMs: median(times), maxMs: Math.max(...times) });
  }
  deps.db.close();
  rmSync(dir, { recursive: true, force: true });
  return { fillSeconds, rows };
}
