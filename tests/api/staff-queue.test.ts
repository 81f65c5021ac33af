// The hotline's queue as agents and supervisors work it: order and paging, one winner per claim, the
// allowed moves only, duplicates flagged, notes and amended facts kept, counts and exports that match
// the store.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareRequest } from "../../core/intake.ts";
import { fillRequests } from "../../scripts/bench/fill.ts";
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
  urgentSituation,
} from "./harness.ts";

forEachStore(() => {
  let h: Harness;
  let agent: StaffClient;
  let other: StaffClient;
  let boss: StaffClient;
  beforeEach(async () => {
    h = await harness();
    agent = await staffClient(h, "li", "agent", "wuxi");
    other = await staffClient(h, "zhao", "agent", "wuxi");
    boss = await staffClient(h, "wang", "supervisor", "wuxi");
  });
  afterEach(() => h.close());

  const notUrgent = (phone: string) => {
    const s = submission({ contact: { phone } });
    s.situation.emergency = { ...s.situation.emergency, basicLivingAtRisk: false };
    return s;
  };
  const status = async (ref: string) => (await h.deps.requests.byReference(ref))?.status;
  /** Moves the clock; sessions idle past 30 minutes end, so the staff sign in again. */
  const minutes = async (n: number) => {
    h.clock.now = new Date(h.clock.now.getTime() + n * 60_000);
    if (n >= 30) {
      agent = await login(h, "li", STAFF_PASSWORD);
      other = await login(h, "zhao", STAFF_PASSWORD);
      boss = await login(h, "wang", STAFF_PASSWORD);
    }
  };

  describe("order and paging", () => {
    it("urgent first, then by call-back due time, then by id; keyset pages cover each once", async () => {
      // Filed an hour apart: A (3 working days), B urgent (24 h), C (3 working days), D urgent.
      const a = await fileOne(h, notUrgent("13800000001"));
      await minutes(60);
      const b = await fileOne(h, { contact: { phone: "13800000002" } });
      await minutes(60);
      const c = await fileOne(h, notUrgent("13800000003"));
      await minutes(60);
      const d = await fileOne(h, { contact: { phone: "13800000004" } });
      const seen: string[] = [];
      let after = "";
      for (let page = 0; page < 5; page++) {
        const res = await agent.get(`/api/staff/queue?limit=2${after ? `&after=${after}` : ""}`);
        const body = await res.json();
        seen.push(...body.items.map((i: { reference: string }) => i.reference));
        if (!body.next) break;
        after = body.next;
      }
      expect(seen).toEqual([b, d, a, c]);
    });

    it("each queue (open or one status, all or one jurisdiction) reads its index in queue order, with no sort", async () => {
      // Enough rows (and fresh statistics) that a planner weighing costs, as PostgreSQL's does, picks
      // the index the way it would in service: with a few dozen rows a sort is cheaper, and it sorts.
      await fillRequests(h.deps.db, 20_000);
      const queues = [
        [{ scope: "all" }, "requests_open"],
        [{ scope: "wuxi" }, "requests_open_scope"],
        [{ scope: "all", statuses: ["new"] as const }, "requests_queue"],
        [{ scope: "jilin", statuses: ["claimed"] as const }, "requests_queue_scope"],
      ] as const;
      for (const [filter, index] of queues) {
        const plan = (await h.deps.queue.plan(filter)).join(" | ");
        if (h.store === "sqlite") {
          expect(plan, index).toContain(`USING INDEX ${index}`);
          expect(plan, index).not.toContain("TEMP B-TREE");
        } else {
          expect(plan, index).toMatch(new RegExp(`Index (Only )?Scan using ${index} on requests`));
          expect(plan, index).not.toMatch(/\bSort\b/);
        }
      }
    });

    it("filters by program outcome and channel", async () => {
      const portal = await fileOne(h);
      const filed = await agent.post(
        "/api/staff/requests",
        submission({ contact: { phone: "13700000000" } }),
      );
      const byStaff = (await filed.json()).reference;
      const staffOnly = await (await agent.get("/api/staff/queue?channel=staff")).json();
      expect(staffOnly.items.map((i: { reference: string }) => i.reference)).toEqual([byStaff]);
      const likelyAid = await (
        await agent.get("/api/staff/queue?program=temporary_aid&outcome=likely")
      ).json();
      expect(likelyAid.items.map((i: { reference: string }) => i.reference).sort()).toEqual(
        [portal, byStaff].sort(),
      );
      const likelyOrphan = await (await agent.get("/api/staff/queue?program=orphan&outcome=likely")).json();
      expect(likelyOrphan.items).toEqual([]);
    });
  });

  describe("claiming", () => {
    it("two agents at once: one wins, the other is told it is taken", async () => {
      const ref = await fileOne(h);
      const [x, y] = await Promise.all([
        agent.post(`/api/staff/requests/${ref}/claim`),
        other.post(`/api/staff/requests/${ref}/claim`),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const loser = x.status === 409 ? x : y;
      expect((await loser.json()).error.code).toBe("already_taken");
      const winner = x.status === 200 ? agent : other;
      const view = await (await boss.get(`/api/staff/requests/${ref}`)).json();
      expect(view.assignee).toBe(winner.name);
      expect(view.events.filter((e: { kind: string }) => e.kind === "claimed")).toHaveLength(1);
    });

    it("release returns the request to the queue for anyone to claim", async () => {
      const ref = await fileOne(h);
      await agent.post(`/api/staff/requests/${ref}/claim`);
      expect((await other.post(`/api/staff/requests/${ref}/release`)).status).toBe(403); // not theirs
      expect((await agent.post(`/api/staff/requests/${ref}/release`)).status).toBe(200);
      expect(await status(ref)).toBe("new");
      expect((await other.post(`/api/staff/requests/${ref}/claim`)).status).toBe(200);
    });
  });

  describe("the workflow", () => {
    it("new → claimed → contacted → referred → closed, with an outcome; the SLA clock stops at contact", async () => {
      const ref = await fileOne(h);
      await agent.post(`/api/staff/requests/${ref}/claim`);
      await minutes(30);
      expect((await agent.post(`/api/staff/requests/${ref}/status`, { to: "contacted" })).status).toBe(200);
      expect((await h.deps.requests.byReference(ref))?.contactedAt).toBe("2026-11-27T02:30:00.000Z");
      expect((await agent.post(`/api/staff/requests/${ref}/status`, { to: "referred" })).status).toBe(200);
      const closing = await agent.post(`/api/staff/requests/${ref}/status`, { to: "closed" });
      expect(closing.status).toBe(422);
      expect((await closing.json()).error.field).toBe("outcome");
      const closed = await agent.post(`/api/staff/requests/${ref}/status`, {
        to: "closed",
        outcome: "referred_for_application",
      });
      expect(closed.status).toBe(200);
      const stored = await h.deps.requests.byReference(ref);
      expect(stored).toMatchObject({ status: "closed", closeOutcome: "referred_for_application" });
      const moves = (await h.deps.requests.events(ref)).map((e) => e.kind);
      expect(moves).toEqual(["created", "claimed", "status_changed", "status_changed", "status_changed"]);
    });

    it("contacted → closed directly (not eligible …)", async () => {
      const ref = await fileOne(h);
      await agent.post(`/api/staff/requests/${ref}/claim`);
      await agent.post(`/api/staff/requests/${ref}/status`, { to: "contacted" });
      expect(
        (await agent.post(`/api/staff/requests/${ref}/status`, { to: "closed", outcome: "not_eligible" }))
          .status,
      ).toBe(200);
    });

    it.each([
      ["new → contacted (must be claimed first)", [], "contacted"],
      ["new → closed (must be claimed first)", [], "closed"],
    ])("refuses %s", async (_, steps, to) => {
      const ref = await fileOne(h);
      for (const step of steps) await agent.post(`/api/staff/requests/${ref}/${step}`);
      const before = await status(ref);
      const res = await agent.post(`/api/staff/requests/${ref}/status`, { to, outcome: "duplicate" });
      expect(res.status).toBe(409);
      expect(await status(ref)).toBe(before);
    });
  });

  describe("a call's outcome in one step, from claimed", () => {
    it("closed as a duplicate straight from claimed, with a note: no contact is recorded", async () => {
      const ref = await fileOne(h);
      await agent.post(`/api/staff/requests/${ref}/claim`);
      const res = await agent.post(`/api/staff/requests/${ref}/status`, {
        to: "closed",
        outcome: "duplicate",
        note: "与 WX-2222-3333 是同一户",
      });
      expect(res.status).toBe(200);
      expect(await h.deps.requests.byReference(ref)).toMatchObject({
        status: "closed",
        closeOutcome: "duplicate",
        contactedAt: null,
      });
      const view = await (await agent.get(`/api/staff/requests/${ref}`)).json();
      expect(view.events.at(-2)).toMatchObject({
        kind: "status_changed",
        data: { to: "closed", outcome: "duplicate" },
        text: "与 WX-2222-3333 是同一户",
      });
    });

    it.each([
      ["referred", undefined],
      ["closed", "not_eligible"],
      ["closed", "referred_for_application"],
    ])(
      "claimed → %s (%s) records the contact: contactedAt is the moment of the step",
      async (to, outcome) => {
        const ref = await fileOne(h);
        await agent.post(`/api/staff/requests/${ref}/claim`);
        await minutes(20);
        const res = await agent.post(`/api/staff/requests/${ref}/status`, {
          to,
          ...(outcome ? { outcome } : {}),
        });
        expect(res.status).toBe(200);
        expect((await h.deps.requests.byReference(ref))?.contactedAt).toBe("2026-11-27T02:20:00.000Z");
      },
    );

    it("a note longer than 2,000 characters is refused, naming the field; nothing changes", async () => {
      const ref = await fileOne(h);
      await agent.post(`/api/staff/requests/${ref}/claim`);
      const res = await agent.post(`/api/staff/requests/${ref}/status`, {
        to: "contacted",
        note: "话".repeat(2001),
      });
      expect(res.status).toBe(422);
      expect((await res.json()).error.field).toBe("note");
      expect(await status(ref)).toBe("claimed");
    });
  });

  describe("call attempts and 'unreachable'", () => {
    // The clock starts on Friday 2026-11-27, 10:00 Beijing.
    const attempt = async (ref: string, result: string) =>
      (await agent.post(`/api/staff/requests/${ref}/attempts`, { result })).status;
    const closeUnreachable = (ref: string) =>
      agent.post(`/api/staff/requests/${ref}/status`, { to: "closed", outcome: "unreachable" });

    it("needs failed attempts on 3 different working days: same-day, weekend and answered calls do not count", async () => {
      const ref = await fileOne(h, notUrgent("13800000011"));
      await agent.post(`/api/staff/requests/${ref}/claim`);
      expect(await attempt(ref, "no_answer")).toBe(201); // Fri 27, 10:00 — day 1
      await minutes(120);
      expect(await attempt(ref, "busy")).toBe(201); // Fri 27, 12:00 — still day 1
      await minutes(24 * 60);
      expect(await attempt(ref, "no_answer")).toBe(201); // Sat 28: not a working day
      await minutes(2 * 24 * 60);
      expect(await attempt(ref, "wrong_number")).toBe(201); // Mon 30 — day 2
      const early = await closeUnreachable(ref);
      expect(early.status).toBe(409);
      const body = await early.json();
      expect(body.error).toMatchObject({ code: "needs_attempts", field: "outcome" });
      expect(body.error.message).toBe(
        "要先在 3 个不同的工作日打过电话没有接通，才能按“联系不上”结案（现在是 2 个）。",
      );
      expect(await status(ref)).toBe("claimed");
      await minutes(24 * 60);
      expect(await attempt(ref, "reached")).toBe(201); // Tue 1: answered — does not count
      expect((await closeUnreachable(ref)).status).toBe(409);
      expect(await attempt(ref, "no_answer")).toBe(201); // Tue 1 — day 3
      expect((await closeUnreachable(ref)).status).toBe(200);
      expect(await h.deps.requests.byReference(ref)).toMatchObject({
        closeOutcome: "unreachable",
        contactedAt: null,
      });
    });

    it("the queue shows each request's attempts; only the assignee (or a supervisor) logs one", async () => {
      const ref = await fileOne(h, notUrgent("13800000012"));
      expect(await attempt(ref, "no_answer")).toBe(409); // not claimed yet
      await agent.post(`/api/staff/requests/${ref}/claim`);
      expect((await other.post(`/api/staff/requests/${ref}/attempts`, { result: "busy" })).status).toBe(403);
      expect(await attempt(ref, "no_answer")).toBe(201);
      expect((await boss.post(`/api/staff/requests/${ref}/attempts`, { result: "busy" })).status).toBe(201);
      expect((await agent.post(`/api/staff/requests/${ref}/attempts`, { result: "maybe" })).status).toBe(422);
      const queue = await (await agent.get("/api/staff/queue")).json();
      expect(queue.items.find((i: { reference: string }) => i.reference === ref)?.attempts).toBe(2);
    });
  });

  describe("who may move a request", () => {
    it("only the assignee (or a supervisor) moves a claimed request", async () => {
      const ref = await fileOne(h);
      await agent.post(`/api/staff/requests/${ref}/claim`);
      expect((await other.post(`/api/staff/requests/${ref}/status`, { to: "contacted" })).status).toBe(403);
      expect((await boss.post(`/api/staff/requests/${ref}/status`, { to: "contacted" })).status).toBe(200);
    });

    it("a supervisor reopens a closed request; an agent cannot", async () => {
      const ref = await fileOne(h);
      await agent.post(`/api/staff/requests/${ref}/claim`);
      await agent.post(`/api/staff/requests/${ref}/status`, { to: "contacted" });
      await agent.post(`/api/staff/requests/${ref}/status`, { to: "closed", outcome: "not_eligible" });
      expect((await agent.post(`/api/staff/requests/${ref}/reopen`)).status).toBe(403);
      expect((await boss.post(`/api/staff/requests/${ref}/reopen`)).status).toBe(200);
      expect(await h.deps.requests.byReference(ref)).toMatchObject({
        status: "new",
        closeOutcome: null,
        closedAt: null,
      });
    });

    it("a resident withdraws through the status lookup; the queue sees it closed as withdrawn", async () => {
      const ref = await fileOne(h);
      expect((await h.post("/api/requests/withdraw", { reference: ref, phone: "13800000000" })).status).toBe(
        404,
      );
      const res = await h.post("/api/requests/withdraw", {
        reference: ref,
        phone: "13812345678",
        lang: "en",
      });
      expect(await res.json()).toMatchObject({
        status: "withdrawn",
        statusText: "Withdrawn at your request.",
      });
      expect(await h.deps.requests.byReference(ref)).toMatchObject({
        status: "closed",
        closeOutcome: "withdrawn",
      });
      const queue = await (await agent.get("/api/staff/queue")).json();
      expect(queue.items).toEqual([]);
    });
  });

  describe("duplicates", () => {
    it("the same phone in the same jurisdiction within 30 days is flagged, not dropped", async () => {
      const first = await fileOne(h);
      await minutes(29 * 24 * 60);
      const second = await fileOne(h);
      await minutes(2 * 24 * 60); // 31 days after the first, 2 after the second
      const third = await fileOne(h);
      const jilin = await fileOne(h, { situation: { ...urgentSituation(), jurisdiction: "jilin" } });
      expect((await h.deps.requests.byReference(first))?.duplicateOf).toBeNull();
      expect((await h.deps.requests.byReference(second))?.duplicateOf).toBe(first);
      expect((await h.deps.requests.byReference(third))?.duplicateOf).toBe(second);
      expect((await h.deps.requests.byReference(jilin))?.duplicateOf).toBeNull();
      const items = (await (await agent.get("/api/staff/queue")).json()).items as {
        reference: string;
        duplicate: boolean;
      }[];
      expect(
        items
          .filter((i) => i.duplicate)
          .map((i) => i.reference)
          .sort(),
      ).toEqual([second, third].sort());
    });
  });

  describe("notes, corrected facts and the record", () => {
    it("a note is kept sealed and shown in the record with who wrote it", async () => {
      const ref = await fileOne(h);
      expect(
        (await agent.post(`/api/staff/requests/${ref}/notes`, { text: "老人耳背，请大声说话" })).status,
      ).toBe(204);
      const view = await (await boss.get(`/api/staff/requests/${ref}`)).json();
      expect(view.events.find((e: { kind: string }) => e.kind === "note")).toMatchObject({
        actor: "li",
        text: "老人耳背，请大声说话",
      });
      const [raw] = await h.query<{ sealed: Buffer }>(
        "SELECT sealed FROM request_events WHERE kind = 'note'",
      );
      if (!raw) throw new Error("no note stored");
      expect(raw.sealed.includes(Buffer.from("老人"))).toBe(false);
    });

    it("amending facts adds a re-screened version and keeps the submission as it was", async () => {
      const ref = await fileOne(h);
      const s = {
        ...urgentSituation(),
        members: [{ relation: "self", age: 67, income: [{ kind: "wage", monthly: 5000 }] }],
      };
      const res = await agent.post(`/api/staff/requests/${ref}/amend`, { situation: s });
      expect(res.status).toBe(200);
      const { version, screening } = await res.json();
      expect(version).toBe(2);
      const expected = prepareRequest(s as never, {
        policies: h.deps.policies,
        now: h.clock.now,
        today: "2026-11-27",
        calendar: h.deps.calendar,
      }).screening;
      expect(screening).toEqual(expected);
      const view = await (await agent.get(`/api/staff/requests/${ref}`)).json();
      expect(view.request.situation).toEqual(submission().situation); // as submitted
      expect(view.versions).toHaveLength(1);
      expect(view.versions[0]).toMatchObject({ version: 2, by: "li", situation: s, screening: expected });
      expect(view.events.map((e: { kind: string }) => e.kind)).toContain("amended");
      const [dibao] = await h.query<{ outcome: string }>(
        "SELECT outcome FROM request_outcomes o JOIN requests r ON r.id = o.request_id WHERE r.reference = ? AND program = 'dibao'",
        ref,
      );
      expect(dibao?.outcome).toBe(expected.results.find((r) => r.program === "dibao")?.outcome);
    });

    it("the record leaves the phones out until revealed, and both are on the trail", async () => {
      const ref = await fileOne(h);
      const view = await (await agent.get(`/api/staff/requests/${ref}`)).json();
      expect(JSON.stringify(view)).not.toContain("13812345678");
      expect(JSON.stringify(view)).not.toContain("13900001111");
      const phones = await (await agent.post(`/api/staff/requests/${ref}/phone`)).json();
      expect(phones).toEqual({ contact: "13812345678", helper: "13900001111", person: null });
      const trail = (await h.deps.requests.events(ref)).map((e) => `${e.kind} ${e.actor}`);
      expect(trail).toEqual([
        "created resident",
        `viewed staff:${agent.id}`,
        `phone_revealed staff:${agent.id}`,
      ]);
    });

    it("an agent files a request for a caller on the phone: channel staff, in the queue", async () => {
      const res = await agent.post("/api/staff/requests", submission({ contact: { phone: "13600000000" } }));
      expect(res.status).toBe(201);
      const { reference } = await res.json();
      expect((await h.deps.requests.byReference(reference))?.channel).toBe("staff");
      expect((await h.deps.requests.events(reference))[0]).toMatchObject({ kind: "created", actor: "staff" });
    });
  });

  describe("status changes reach the resident's channel", () => {
    it("a request filed from a chat gets an outbox message per status change; one from the web none", async () => {
      const s = submission();
      const prepared = prepareRequest(s.situation as never, {
        policies: h.deps.policies,
        now: h.clock.now,
        today: "2026-11-27",
        calendar: h.deps.calendar,
      });
      const fromChat = await h.deps.requests.submit({
        channel: "bot",
        situation: s.situation as never,
        ...prepared,
        applicant: { kind: "self" },
        contactPhone: "13812345678",
        basis: {
          kind: "consent",
          at: h.clock.now.toISOString(),
          noticeVersion: "2026-11-28",
          basis: "self",
        },
        lang: "en",
        chatId: "424242",
      });
      const fromWeb = await fileOne(h, { contact: { phone: "13500000000" } });
      for (const ref of [fromChat.reference, fromWeb]) {
        await agent.post(`/api/staff/requests/${ref}/claim`);
        await agent.post(`/api/staff/requests/${ref}/status`, { to: "contacted" });
      }
      const rows = await h.query<{ data: string | { status: string }; reference: string }>(
        "SELECT o.data, r.reference FROM outbox o JOIN requests r ON r.id = o.request_id WHERE topic = 'resident' ORDER BY o.id",
      );
      // JSON text on SQLite, jsonb (parsed by the driver) on PostgreSQL.
      const status = (data: string | { status: string }) =>
        (typeof data === "string" ? JSON.parse(data) : data).status;
      expect(rows.map((r) => [r.reference, status(r.data)])).toEqual([
        [fromChat.reference, "claimed"],
        [fromChat.reference, "contacted"],
      ]);
    });
  });

  describe("reports", () => {
    it("the counts match the store: per day and channel, outcomes, statuses, urgency, SLA met and missed", async () => {
      const met = await fileOne(h); // urgent, due in 24 h
      const missed = await fileOne(h, { contact: { phone: "13800000009" } });
      await fileOne(h, notUrgent("13800000010"));
      await agent.post(`/api/staff/requests/${met}/claim`);
      await minutes(60);
      await agent.post(`/api/staff/requests/${met}/status`, { to: "contacted" });
      await minutes(25 * 60); // past the urgent deadline with `missed` never called
      const stats = await (await boss.get("/api/staff/stats?from=2026-11-27&to=2026-11-28")).json();
      expect(stats.perDay).toEqual([{ day: "2026-11-27", channel: "portal", n: 3 }]);
      expect(stats.statuses).toEqual([
        { status: "contacted", n: 1 },
        { status: "new", n: 2 },
      ]);
      expect(stats.urgency).toEqual([
        { urgent: true, open: 2, total: 2 },
        { urgent: false, open: 1, total: 1 },
      ]);
      expect(stats.sla).toEqual({ met: 1, missed: 1, pending: 1 });
      const aid = stats.outcomes.filter((o: { program: string }) => o.program === "temporary_aid");
      const [n] = await h.query<{ n: number }>(
        "SELECT CAST(count(*) AS integer) AS n FROM request_outcomes WHERE program = 'temporary_aid' AND outcome = ?",
        aid[0].outcome,
      );
      expect(aid[0].n).toBe(n?.n);
      // The one counted as missed: never called back, and its 24 hours are over.
      const late = await h.deps.requests.byReference(missed);
      expect(late).toMatchObject({ status: "new", contactedAt: null });
      expect(Date.parse(late?.slaDueAt ?? "")).toBeLessThan(h.clock.now.getTime());
    });

    it("work orders export as CSV with formula cells defused, and the export is audited", async () => {
      await fileOne(h, { person: { name: '=HYPERLINK("x")' } });
      const res = await boss.get("/api/staff/export?from=2026-11-27&to=2026-11-27&format=csv");
      expect(res.headers.get("content-type")).toContain("text/csv");
      expect(res.headers.get("content-disposition")).toContain("work-orders-2026-11-27-2026-11-27.csv");
      const lines = (await res.text())
        .replace(/^\ufeff/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toMatch(/^reference,createdAt,jurisdiction,/);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
      expect(lines[1]).toContain("13812345678");
      // Filed Friday 10:00 Beijing: the instant in Beijing time, with its offset.
      expect(lines[1]).toContain("2026-11-27T10:00:00+08:00");
      const audit = (await h.deps.staff.auditLog()).filter((a) => a.kind === "export");
      expect(audit).toEqual([
        expect.objectContaining({
          staffId: boss.id,
          data: { from: "2026-11-27", to: "2026-11-27", status: null, format: "csv", rows: 1 },
        }),
      ]);
    });

    // One period schema for the stats and the export (and the dashboard): a date that does not exist is
    // refused, never rolled over into the next month.
    it.each([
      ["from=2026-13-01&to=2026-12-01", "from", "date_not_real"],
      ["from=2026-02-31&to=2026-03-05", "from", "date_not_real"],
      ["from=2026-02-01&to=2026-02-29", "to", "date_not_real"], // 2026 is not a leap year
      ["from=2026-11-27&to=2026-11-26", "to", "before_from"],
      ["from=27.11.2026&to=2026-11-28", "from", "date_format"],
    ])("%s is 400, naming %s (%s)", async (query, field, code) => {
      for (const path of ["stats", "export"]) {
        const res = await boss.get(`/api/staff/${path}?${query}`);
        expect(res.status, path).toBe(400);
        const { error } = await res.json();
        expect(error.field).toBe(field);
        expect(error.issues[0].code).toBe(code);
      }
    });

    it("2024-02-29 exists (a leap year): a period ending on it is counted", async () => {
      expect((await boss.get("/api/staff/stats?from=2024-02-01&to=2024-02-29")).status).toBe(200);
    });
  });
});
