// Stored deadlines follow the rule in force: at start, open non-urgent requests whose deadline was set
// by another rule (the old "same time three working days on", or another end of the working day) are
// recomputed once; urgent and closed ones are left as they are.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { followDeadlineRule } from "../../db/deadlines.ts";
import { readConfig } from "../../portal/server/config.ts";
import { buildDeps } from "../../portal/server/service.ts";
import { fileOne, type Harness, harness, submission, TEST_KEY } from "../api/harness.ts";
import { forEachStore } from "../stores.ts";

forEachStore(() => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness(); // Friday 2026-11-27 10:00 Beijing
  });
  afterEach(() => h.close());

  const due = async (ref: string) => (await h.deps.requests.byReference(ref))?.slaDueAt;
  const notUrgent = (phone: string) => {
    const s = submission({ contact: { phone } });
    s.situation.emergency = { ...s.situation.emergency, basicLivingAtRisk: false };
    return s;
  };

  describe("deadlines follow the rule in force", () => {
    it("a store from before the 17:30 rule: open non-urgent deadlines move to 17:30, once", async () => {
      const open = await fileOne(h, notUrgent("13800000021"));
      const urgent = await fileOne(h, { contact: { phone: "13800000022" } });
      // As the old rule stored them: Wednesday 10:00 (02:00Z); the marker of the rule not yet written.
      await h.query(
        "UPDATE requests SET sla_due_at = ? WHERE reference = ?",
        "2026-12-02T02:00:00.000Z",
        open,
      );
      await h.query("DELETE FROM store_settings");
      const urgentDue = await due(urgent);
      expect(await followDeadlineRule(h.deps.db, h.deps.calendar, h.clock.now)).toBe(1);
      // Fri 27 + Mon 30, Tue 1, Wed 2 at 17:30 Beijing = 09:30Z.
      expect(await due(open)).toBe("2026-12-02T09:30:00.000Z");
      expect(await due(urgent)).toBe(urgentDue); // 24 clock hours: no working days in it
      expect(await followDeadlineRule(h.deps.db, h.deps.calendar, h.clock.now)).toBe(0);
    });

    it("a closed request keeps the deadline it had", async () => {
      const closed = await fileOne(h, notUrgent("13800000023"));
      await h.query(
        "UPDATE requests SET status = 'closed', sla_due_at = ? WHERE reference = ?",
        "2026-12-02T02:00:00.000Z",
        closed,
      );
      await h.query("DELETE FROM store_settings");
      expect(await followDeadlineRule(h.deps.db, h.deps.calendar, h.clock.now)).toBe(0);
      expect(await due(closed)).toBe("2026-12-02T02:00:00.000Z");
    });

    it("restarted with WORKDAY_ENDS_AT=18:00, open deadlines move to 18:00 and the start says so", async () => {
      const open = await fileOne(h, notUrgent("13800000024"));
      expect(await due(open)).toBe("2026-12-02T09:30:00.000Z");
      const logs: string[] = [];
      const config = readConfig({
        ...h.storeEnv,
        INTAKE_DATA_KEY: TEST_KEY,
        WORKDAY_ENDS_AT: "18:00",
      });
      const { deps } = await buildDeps(config, { log: (l) => logs.push(l), now: () => h.clock.now });
      expect((await deps.requests.byReference(open))?.slaDueAt).toBe("2026-12-02T10:00:00.000Z");
      expect(logs).toContain("Call-back deadlines of 1 open requests recomputed for the working day's end.");
      await deps.db.close();
    });

    it("WORKDAY_ENDS_AT must be a time of day", () => {
      expect(() => readConfig({ WORKDAY_ENDS_AT: "5pm" })).toThrow(
        /WORKDAY_ENDS_AT="5pm": must be a time of day/,
      );
    });
  });
});
