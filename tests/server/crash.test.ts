// Durability: a service filing requests under load is killed with SIGKILL (no chance to flush or close).
// After a restart, every reference it had acknowledged is there, whole and readable.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createVault } from "../../db/crypto.ts";
import { openDb } from "../../db/open.ts";
import { createRequestStore } from "../../db/requests.ts";
import { startServer, stop } from "./process.ts";

const KEY = "4".repeat(64);

function body(i: number) {
  return JSON.stringify({
    situation: {
      schemaVersion: 1,
      jurisdiction: "neijiang-dongxing",
      area: "rural",
      members: [{ relation: "self", age: 20 + (i % 60), income: [{ kind: "wage", monthly: i % 900 }] }],
    },
    contact: { phone: `139${String(i).padStart(8, "0")}` },
    applicant: { kind: "self" },
    consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
  });
}

describe("SIGKILL under load", () => {
  it("loses no acknowledged request", { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "intake-crash-"));
    const db = join(dir, "crash.sqlite");
    const env = { DATABASE_PATH: db, INTAKE_DATA_KEY: KEY, STATUS_LOOKUPS_PER_WINDOW: "100000" };
    const server = await startServer(env);

    const acknowledged = new Map<string, number>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const i = next++;
        try {
          const res = await fetch(`${server.url}/api/requests`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: body(i),
          });
          if (res.status === 201) acknowledged.set((await res.json()).reference, i);
        } catch {
          // The connection died with the process: not acknowledged, so nothing is owed.
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await new Promise((r) => setTimeout(r, 1500));
    killed = true;
    server.child.kill("SIGKILL");
    await Promise.all(workers);
    await stop(server);
    expect(acknowledged.size).toBeGreaterThan(50);

    const restarted = await startServer(env);
    try {
      const store = createRequestStore({
        db: openDb(db),
        vault: createVault(Buffer.from(KEY, "hex")),
        now: () => new Date(),
      });
      for (const [reference, i] of acknowledged) {
        const stored = await store.byReference(reference);
        expect(stored, reference).not.toBeNull();
        expect(stored?.contactPhone).toBe(`139${String(i).padStart(8, "0")}`);
        expect(stored?.screening.results.length).toBeGreaterThan(0);
      }
      // And through the restarted service itself.
      for (const [reference, i] of [...acknowledged].slice(0, 20)) {
        const res = await fetch(`${restarted.url}/api/requests/status`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ reference, phone: `139${String(i).padStart(8, "0")}` }),
        });
        expect(res.status).toBe(200);
      }
    } finally {
      await stop(restarted);
    }
  });
});
