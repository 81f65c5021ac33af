// Erased means erased: with secure_delete, an anonymized request's sealed bytes do not linger in the
// file's free pages (where the data key could still open them).

import { expect, it } from "vitest";
import { anonymizeClosedBefore } from "../../db/retention.ts";
import { fileOne, harness, staffClient } from "../api/harness.ts";

it("an anonymized request's sealed record is gone from the raw file", async () => {
  const h = await harness();
  try {
    const ref = await fileOne(h);
    const agent = await staffClient(h, "li", "agent", "wuxi");
    await agent.post(`/api/staff/requests/${ref}/claim`);
    await agent.post(`/api/staff/requests/${ref}/status`, { to: "contacted" });
    await agent.post(`/api/staff/requests/${ref}/status`, { to: "closed", outcome: "not_eligible" });
    const [row] = await h.query<{ sealed: Buffer }>("SELECT sealed FROM requests WHERE reference = ?", ref);
    const sealed = row?.sealed ?? Buffer.alloc(0);
    expect((await h.rawBytes()).includes(sealed.subarray(0, 64))).toBe(true); // the file is the right one
    const later = new Date(h.clock.now.getTime() + 1000);
    expect(await anonymizeClosedBefore(h.deps.db, later, later)).toBe(1);
    const raw = await h.rawBytes();
    for (let at = 0; at + 64 <= sealed.length; at += 64) {
      expect(raw.includes(sealed.subarray(at, at + 64)), `bytes ${at}–${at + 63}`).toBe(false);
    }
  } finally {
    await h.close();
  }
});
