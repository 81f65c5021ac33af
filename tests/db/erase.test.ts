// Erased means erased: with secure_delete, an anonymized request's sealed bytes do not linger in the
// file's free pages (where the data key could still open them).

import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { anonymizeClosedBefore } from "../../db/retention.ts";
import { fileOne, harness, staffClient } from "../api/harness.ts";

it("an anonymized request's sealed record is gone from the raw file", async () => {
  const h = harness();
  try {
    const ref = await fileOne(h);
    const agent = await staffClient(h, "li", "agent", "wuxi");
    await agent.post(`/api/staff/requests/${ref}/claim`);
    await agent.post(`/api/staff/requests/${ref}/status`, { to: "contacted" });
    await agent.post(`/api/staff/requests/${ref}/status`, { to: "closed", outcome: "not_eligible" });
    const { sealed } = h.deps.db.sqlite
      .prepare("SELECT sealed FROM requests WHERE reference = ?")
      .get(ref) as {
      sealed: Buffer;
    };
    h.deps.db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    expect(readFileSync(h.dbPath).includes(sealed.subarray(0, 64))).toBe(true); // the file is the right one
    const later = new Date(h.clock.now.getTime() + 1000);
    expect(anonymizeClosedBefore(h.deps.db, later, later)).toBe(1);
    h.deps.db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const raw = readFileSync(h.dbPath);
    for (let at = 0; at + 64 <= sealed.length; at += 64) {
      expect(raw.includes(sealed.subarray(at, at + 64)), `bytes ${at}–${at + 63}`).toBe(false);
    }
  } finally {
    h.close();
  }
});
