// Retention: closed requests older than the retention period lose what identifies someone and keep
// what the counts need. Through the real app on a real SQLite file, and `npm run db:retention` as a
// real process.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "../../db/open.ts";
import { stats } from "../../db/reports.ts";
import { anonymizeClosedBefore } from "../../db/retention.ts";
import { forEachStore } from "../stores.ts";
import {
  fileOne,
  type Harness,
  harness,
  login,
  STAFF_PASSWORD,
  type StaffClient,
  staffClient,
  submission,
  TEST_KEY,
  urgentSituation,
} from "./harness.ts";

forEachStore(() => {
  const root = join(import.meta.dirname, "..", "..");
  const NOTE = "王秀英 said her son stopped sending money in October";
  const OPEN_NOTE = "王秀英 asked to be called after 18:00";

  const advance = (h: Harness, ms: number) => {
    h.clock.now = new Date(h.clock.now.getTime() + ms);
  };

  async function one<T>(h: Harness, query: string, ...params: unknown[]): Promise<T> {
    const [row] = await h.query<T>(query, ...params);
    return row as T;
  }

  const all = <T>(h: Harness, query: string, ...params: unknown[]) => h.query<T>(query, ...params);

  const idOf = async (h: Harness, ref: string) =>
    (await one<{ id: number }>(h, "SELECT id FROM requests WHERE reference = ?", ref)).id;

  async function ok(res: Promise<Response>, status = 200) {
    const r = await res;
    expect(r.status, await r.clone().text()).toBe(status);
    return r;
  }

  /** Claim, call back, note, amend, close with "not_eligible": the request's whole casework. */
  async function workAndClose(agent: StaffClient, ref: string) {
    await ok(agent.post(`/api/staff/requests/${ref}/claim`));
    await ok(agent.post(`/api/staff/requests/${ref}/status`, { to: "contacted" }));
    await ok(agent.post(`/api/staff/requests/${ref}/notes`, { text: NOTE }), 204);
    const amended = { ...urgentSituation(), area: "rural" };
    await ok(agent.post(`/api/staff/requests/${ref}/amend`, { situation: amended }));
    await ok(agent.post(`/api/staff/requests/${ref}/status`, { to: "closed", outcome: "not_eligible" }));
  }

  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  describe("anonymizeClosedBefore", () => {
    it("erases what identifies the person in a closed request, and keeps the counts", async () => {
      const agent = await staffClient(h, "li", "agent", "wuxi");
      const closedRes = await ok(
        h.post("/api/requests", submission(), { "idempotency-key": "retention-key-1" }),
        201,
      );
      const closedRef: string = (await closedRes.json()).reference;
      const openRef = await fileOne(h, { contact: { phone: "13700000001" } });
      const untouchedRef = await fileOne(h, { contact: { phone: "13700000002" } });
      // The open request has a note too: it must keep it.
      await ok(agent.post(`/api/staff/requests/${openRef}/claim`));
      await ok(agent.post(`/api/staff/requests/${openRef}/notes`, { text: OPEN_NOTE }), 204);

      advance(h, 20 * 60_000); // within the session's 30 idle minutes
      await workAndClose(agent, closedRef);
      const closedAt = h.clock.now;
      const id = await idOf(h, closedRef);
      expect((await h.deps.requests.byReference(closedRef))?.closedAt).toBe(closedAt.toISOString());
      expect(
        (
          await one<{ n: number }>(
            h,
            "SELECT CAST(count(*) AS integer) AS n FROM idempotency_keys WHERE request_id = ?",
            id,
          )
        ).n,
      ).toBe(1);
      expect(
        (
          await one<{ n: number }>(
            h,
            "SELECT CAST(count(*) AS integer) AS n FROM request_events WHERE request_id = ? AND sealed IS NOT NULL",
            id,
          )
        ).n,
      ).toBe(1);
      expect(
        (
          await one<{ n: number }>(
            h,
            "SELECT CAST(count(*) AS integer) AS n FROM request_versions WHERE request_id = ? AND sealed IS NOT NULL",
            id,
          )
        ).n,
      ).toBe(1);

      const outcomesBefore = (
        await one<{ n: number }>(
          h,
          "SELECT CAST(count(*) AS integer) AS n FROM request_outcomes WHERE request_id = ?",
          id,
        )
      ).n;
      expect(outcomesBefore).toBeGreaterThan(0);
      const othersBefore = await all(h, "SELECT * FROM requests WHERE id != ? ORDER BY id", id);
      const otherEventsBefore = await all(
        h,
        "SELECT * FROM request_events WHERE request_id != ? ORDER BY id",
        id,
      );
      const period = { from: "2026-11-01", to: "2026-11-30" };
      const statsBefore = await stats(h.deps.db, "all", period, h.clock.now);

      // A cutoff before the close (or at it: "before" is strict) changes nothing.
      advance(h, 86_400_000);
      expect(await anonymizeClosedBefore(h.deps.db, new Date(closedAt.getTime() - 1), h.clock.now)).toBe(0);
      expect(await anonymizeClosedBefore(h.deps.db, closedAt, h.clock.now)).toBe(0);
      expect((await h.deps.requests.byReference(closedRef))?.person).toEqual({ name: "王秀英" });

      // A cutoff after the close anonymizes it, and only it.
      const now = h.clock.now;
      expect(await anonymizeClosedBefore(h.deps.db, new Date(closedAt.getTime() + 1), now)).toBe(1);

      expect(await h.deps.requests.byReference(closedRef)).toBeNull();
      const row = await one<{
        sealed: Buffer;
        phone_hash: string;
        chat_hash: string | null;
        anonymized_at: string;
        status: string;
        close_outcome: string;
        closed_at: string;
        jurisdiction: string;
        urgent: number | boolean;
      }>(h, "SELECT * FROM requests WHERE id = ?", id);
      expect(row.sealed).toHaveLength(0);
      expect(row.phone_hash).toBe("");
      expect(row.chat_hash).toBeNull();
      expect(row.anonymized_at).toBe(now.toISOString());
      expect(row).toMatchObject({
        status: "closed",
        close_outcome: "not_eligible",
        closed_at: closedAt.toISOString(),
        jurisdiction: "wuxi",
      });
      expect(Boolean(row.urgent)).toBe(true); // 1 on SQLite, true on PostgreSQL

      const events = await all<{ kind: string; actor: string; sealed: Buffer | null; at: string }>(
        h,
        "SELECT kind, actor, sealed, at FROM request_events WHERE request_id = ? ORDER BY id",
        id,
      );
      expect(events.every((e) => e.sealed === null)).toBe(true);
      expect(events.map((e) => e.kind)).toEqual([
        "created",
        "claimed",
        "status_changed",
        "note",
        "amended",
        "status_changed",
        "anonymized",
      ]);
      expect(events.at(-1)).toMatchObject({ kind: "anonymized", actor: "system", at: now.toISOString() });
      const versions = await all<{ sealed: Buffer | null }>(
        h,
        "SELECT sealed FROM request_versions WHERE request_id = ?",
        id,
      );
      expect(versions).toHaveLength(1);
      expect(versions[0]?.sealed).toBeNull();
      expect(
        (
          await one<{ n: number }>(
            h,
            "SELECT CAST(count(*) AS integer) AS n FROM idempotency_keys WHERE request_id = ?",
            id,
          )
        ).n,
      ).toBe(0);

      // What the counts need stays.
      expect(
        (
          await one<{ n: number }>(
            h,
            "SELECT CAST(count(*) AS integer) AS n FROM request_outcomes WHERE request_id = ?",
            id,
          )
        ).n,
      ).toBe(outcomesBefore);
      expect((await stats(h.deps.db, "all", period, h.clock.now)).outcomes).toEqual(statsBefore.outcomes);
      expect((await stats(h.deps.db, "all", period, h.clock.now)).statuses).toEqual(statsBefore.statuses);
      expect((await stats(h.deps.db, "all", period, h.clock.now)).perDay).toEqual(statsBefore.perDay);

      // The open requests are untouched, their notes readable.
      expect(await all(h, "SELECT * FROM requests WHERE id != ? ORDER BY id", id)).toEqual(othersBefore);
      expect(await all(h, "SELECT * FROM request_events WHERE request_id != ? ORDER BY id", id)).toEqual(
        otherEventsBefore,
      );
      expect((await h.deps.requests.byReference(openRef))?.contactPhone).toBe("13700000001");
      expect((await h.deps.requests.byReference(untouchedRef))?.person).toEqual({ name: "王秀英" });
      const staff = await login(h, "li", STAFF_PASSWORD); // a day later: a new session
      const view = await (await ok(staff.get(`/api/staff/requests/${openRef}`))).json();
      expect(view.events.find((e: { kind: string }) => e.kind === "note")?.text).toBe(OPEN_NOTE);

      // Staff can no longer open it, note on it, or reveal its phone.
      expect((await staff.get(`/api/staff/requests/${closedRef}`)).status).toBe(404);
      expect((await staff.post(`/api/staff/requests/${closedRef}/phone`)).status).toBe(404);
      expect((await staff.post(`/api/staff/requests/${closedRef}/notes`, { text: "again" })).status).toBe(
        404,
      );

      // Nothing sealed for it is left anywhere in the store.
      expect(
        (
          await one<{ n: number }>(
            h,
            `SELECT CAST((SELECT count(*) FROM requests WHERE id = ? AND length(sealed) > 0)
                + (SELECT count(*) FROM request_events WHERE request_id = ? AND sealed IS NOT NULL)
                + (SELECT count(*) FROM request_versions WHERE request_id = ? AND sealed IS NOT NULL) AS integer) AS n`,
            id,
            id,
            id,
          )
        ).n,
      ).toBe(0);
      // Never in clear in the first place: not the note, not the names, not the phone.
      const raw = await h.rawBytes();
      for (const text of [NOTE, OPEN_NOTE, "王秀英", "13812345678", "13700000001"]) {
        expect(raw.includes(Buffer.from(text))).toBe(false);
      }

      // A second run finds nothing more to do.
      advance(h, 86_400_000);
      expect(await anonymizeClosedBefore(h.deps.db, h.clock.now, h.clock.now)).toBe(0);
      expect(
        (
          await one<{ n: number }>(
            h,
            "SELECT CAST(count(*) AS integer) AS n FROM request_events WHERE request_id = ? AND kind = 'anonymized'",
            id,
          )
        ).n,
      ).toBe(1);
      expect(
        (await one<{ a: string }>(h, "SELECT anonymized_at AS a FROM requests WHERE id = ?", id)).a,
      ).toBe(now.toISOString());
    });

    it("requests that are not closed are kept however old, and a reopened one is not closed", async () => {
      const agent = await staffClient(h, "li", "agent", "wuxi");
      const supervisor = await staffClient(h, "zhang", "supervisor", "wuxi");
      const contacted = await fileOne(h);
      const reopened = await fileOne(h, { contact: { phone: "13700000003" } });
      await ok(agent.post(`/api/staff/requests/${contacted}/claim`));
      await ok(agent.post(`/api/staff/requests/${contacted}/status`, { to: "contacted" }));
      await workAndClose(agent, reopened);
      await ok(supervisor.post(`/api/staff/requests/${reopened}/reopen`));
      advance(h, 10 * 365 * 86_400_000);
      expect(await anonymizeClosedBefore(h.deps.db, h.clock.now, h.clock.now)).toBe(0);
      expect(await h.deps.requests.byReference(contacted)).not.toBeNull();
      expect((await h.deps.requests.byReference(reopened))?.status).toBe("new");
    });

    it("the event trail still refuses a DELETE, and any UPDATE but erasing sealed details", async () => {
      const agent = await staffClient(h, "li", "agent", "wuxi");
      const ref = await fileOne(h);
      await workAndClose(agent, ref);
      advance(h, 1_000);
      expect(await anonymizeClosedBefore(h.deps.db, h.clock.now, h.clock.now)).toBe(1);
      const id = await idOf(h, ref);
      const count = async () =>
        (
          await one<{ n: number }>(
            h,
            "SELECT CAST(count(*) AS integer) AS n FROM request_events WHERE request_id = ?",
            id,
          )
        ).n;
      const before = await all(h, "SELECT * FROM request_events ORDER BY id");
      const refused = (query: string, ...params: unknown[]) =>
        expect(h.query(query, ...params)).rejects.toThrow(/append-only/);
      await refused("DELETE FROM request_events WHERE request_id = ?", id);
      await refused("UPDATE request_events SET kind = 'x'");
      await refused("UPDATE request_events SET actor = 'system' WHERE request_id = ?", id);
      await refused("UPDATE request_events SET sealed = ? WHERE request_id = ?", Buffer.from([0]), id);
      await refused("UPDATE request_events SET sealed = NULL, data = NULL WHERE kind = 'status_changed'");
      expect(await count()).toBe(7);
      expect(await all(h, "SELECT * FROM request_events ORDER BY id")).toEqual(before);
      // Erasing sealed details is what retention does, and stays allowed.
      await expect(
        h.query("UPDATE request_events SET sealed = NULL WHERE request_id = ?", id),
      ).resolves.toEqual([]);
    });

    it("the resident's status lookup for an anonymized request answers 404", async () => {
      const agent = await staffClient(h, "li", "agent", "wuxi");
      const ref = await fileOne(h);
      await workAndClose(agent, ref);
      const lookup = () => h.post("/api/requests/status", { reference: ref, phone: "13812345678" });
      const before = await lookup();
      expect(before.status).toBe(200);
      expect((await before.json()).status).toBe("closed");
      advance(h, 1_000);
      expect(await anonymizeClosedBefore(h.deps.db, h.clock.now, h.clock.now)).toBe(1);
      const after = await lookup();
      expect(after.status).toBe(404);
      expect((await after.json()).error).toMatchObject({ code: "not_found" });
      expect((await h.post("/api/requests/withdraw", { reference: ref, phone: "13812345678" })).status).toBe(
        404,
      );
      // An empty phone hash matches no phone either.
      expect(await h.deps.requests.statusFor(ref, "")).toBeNull();
    });
  });

  describe("npm run db:retention", { timeout: 60_000 }, () => {
    const script = (env: Record<string, string>) =>
      spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/db-retention.ts")], {
        cwd: root,
        env: { PATH: process.env.PATH ?? "", ...env },
        encoding: "utf8",
      });

    it("anonymizes requests closed more than RETENTION_DAYS ago, says how many, exits 0", async () => {
      // Filed and closed a week ago (by the real clock the script uses) …
      await h.close();
      h = await harness({}, new Date(Date.now() - 7 * 86_400_000).toISOString());
      const agent = await staffClient(h, "li", "agent", "wuxi");
      const old = await fileOne(h);
      await workAndClose(agent, old);
      // … and one closed an hour ago, and one still open.
      const recent = await fileOne(h, { contact: { phone: "13700000005" } });
      const open = await fileOne(h, { contact: { phone: "13700000006" } });
      h.clock.now = new Date(Date.now() - 3_600_000);
      await workAndClose(await login(h, "li", STAFF_PASSWORD), recent);
      await h.deps.db.close();
      const env = { ...h.storeEnv, INTAKE_DATA_KEY: TEST_KEY };

      const keep = script({ ...env, RETENTION_DAYS: "30" });
      expect(keep.status, keep.stderr).toBe(0);
      expect(keep.stdout).toMatch(/^Anonymized 0 request\(s\) closed before \S+ \(RETENTION_DAYS=30\)\.$/m);

      const r = script({ ...env, RETENTION_DAYS: "1" });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Anonymized 1 request\(s\) closed before \S+ \(RETENTION_DAYS=1\)\.$/m);
      expect(r.stderr).toBe("");
      const cutoff = /closed before (\S+) /.exec(r.stdout)?.[1] ?? "";
      expect(Math.abs(Date.parse(cutoff) - (Date.now() - 86_400_000))).toBeLessThan(60_000);

      const again = script({ ...env, RETENTION_DAYS: "1" });
      expect(again.stdout).toMatch(/Anonymized 0 request\(s\)/);

      const reopened = openDb(h.storeEnv.DATABASE_URL ?? (h.storeEnv.DATABASE_PATH as string));
      try {
        const rows = await reopened.rows<{ reference: string; a: string | null; n: number }>(
          sql`SELECT reference, anonymized_at AS a, length(sealed) AS n FROM requests ORDER BY id`,
        );
        expect(rows.map((x) => [x.reference, x.a !== null, x.n > 0])).toEqual([
          [old, true, false],
          [recent, false, true],
          [open, false, true],
        ]);
      } finally {
        await reopened.close();
      }
    });

    it.each([["abc"], ["0"], ["1.5"]])(
      "RETENTION_DAYS=%s exits 2 with one line and touches nothing",
      (days) => {
        const path = join(h.dir, "never.sqlite");
        const r = script({ DATABASE_PATH: path, INTAKE_DATA_KEY: TEST_KEY, RETENTION_DAYS: days });
        expect(r.status).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(r.stderr.trim()).toMatch(new RegExp(`^Cannot apply retention: RETENTION_DAYS="${days}": `));
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(existsSync(path)).toBe(false);
      },
    );

    it("a wrong data key exits 2 with one line", async () => {
      await fileOne(h);
      await h.deps.db.close();
      const r = script({ ...h.storeEnv, INTAKE_DATA_KEY: "b".repeat(64) });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^Cannot apply retention: the data key does not match/);
    });
  });
});
