// Filing a request and asking for its status, through the real app on a real SQLite file.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forEachStore } from "../stores.ts";
import { type Harness, harness, submission } from "./harness.ts";

forEachStore(() => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  describe("POST /api/requests", () => {
    it("files the request and reads it back whole: situation, screening, who applied, consent", async () => {
      const res = await h.post("/api/requests", submission());
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body.reference).toMatch(/^WX-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(body.status).toBe("new");
      expect(body.statusText).toBe("已收到，正在等待热线工作人员受理。");

      const stored = await h.deps.requests.byReference(body.reference);
      expect(stored).not.toBeNull();
      expect(stored?.channel).toBe("portal");
      expect(stored?.jurisdiction).toBe("wuxi");
      expect(stored?.situation).toEqual(submission().situation);
      expect(stored?.screening.jurisdiction).toBe("wuxi");
      expect(stored?.engineVersion).toBe(stored?.screening.engineVersion);
      expect(stored?.packVersion).toBe(stored?.screening.packVersion);
      expect(stored?.applicant).toEqual({
        kind: "helper",
        name: "王小明",
        relationship: "child",
        phone: "13900001111",
      });
      expect(stored?.person).toEqual({ name: "王秀英" });
      expect(stored?.contactPhone).toBe("13812345678");
      expect(stored?.basis).toEqual({
        kind: "consent",
        at: "2026-11-27T02:00:00.000Z",
        noticeVersion: "2026-11-28",
        basis: "person_agreed",
      });
      expect(stored?.lang).toBe("zh-CN");
      expect((await h.deps.requests.events(body.reference)).map((e) => e.kind)).toEqual(["created"]);
    });

    it("an emergency putting basic living at risk is urgent: call back within 24 hours", async () => {
      // Submitted Friday 2026-11-27 10:00 Beijing; urgent → due 24 h later, Saturday 10:00 (+08:00 in the API).
      const body = await (await h.post("/api/requests", submission())).json();
      expect(body.urgent).toBe(true);
      expect(body.slaDueAt).toBe("2026-11-28T10:00:00+08:00");
    });

    it("anything else: 17:30 on the third working day — Friday 10:00 Beijing → Wednesday 17:30", async () => {
      const s = submission();
      s.situation.emergency = { ...s.situation.emergency, basicLivingAtRisk: false };
      const body = await (await h.post("/api/requests", s)).json();
      expect(body.urgent).toBe(false);
      // Fri 27 Nov + Mon 30, Tue 1, Wed 2 Dec (the weekend does not count), at the end of the working day.
      expect(body.slaDueAt).toBe("2026-12-02T17:30:00+08:00");
    });

    it("stores each program's best outcome in plain columns for counting", async () => {
      const { reference } = await (await h.post("/api/requests", submission())).json();
      const stored = await h.deps.requests.byReference(reference);
      const rows = await h.query<{ program: string; outcome: string }>(
        "SELECT program, outcome FROM request_outcomes WHERE request_id = ? ORDER BY program",
        stored?.id,
      );
      const expected = new Map<string, string>();
      const rank = { likely: 2, possible: 1, unlikely: 0 } as const;
      for (const r of stored?.screening.results ?? []) {
        const seen = expected.get(r.program) as keyof typeof rank | undefined;
        if (!seen || rank[r.outcome] > rank[seen]) expected.set(r.program, r.outcome);
      }
      expect(new Map(rows.map((r) => [r.program, r.outcome]))).toEqual(expected);
      expect(rows.find((r) => r.program === "temporary_aid")?.outcome).not.toBe("unlikely");
    });

    it("refuses a call-back number that is not a mainland mobile, naming the field", async () => {
      const res = await h.post("/api/requests", submission({ contact: { phone: "12345" } }), {
        "accept-language": "en",
      });
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.field).toBe("contact.phone");
      expect(error.message).toMatch(/11-digit/);
      expect(await h.count("requests")).toBe(0);
    });

    it("refuses a submission without consent and names the field; nothing is stored", async () => {
      const s = submission({ consent: { given: false, noticeVersion: "2026-11-28", basis: "self" } });
      const res = await h.post("/api/requests", s);
      expect(res.status).toBe(422);
      expect((await res.json()).error.field).toBe("consent.given");
      expect(await h.count("requests")).toBe(0);
    });

    it("reports a situation's problem with the contract's path under situation", async () => {
      const s = submission();
      (s.situation.members[0] as { age: number }).age = 200;
      const res = await h.post("/api/requests", s, { "accept-language": "en" });
      const { error } = await res.json();
      expect(res.status).toBe(422);
      expect(error.field).toBe("situation.members[0].age");
      expect(error.message).toBe("This is too large: the most allowed is 130.");
    });

    it("refuses an event dated after the estimate's date", async () => {
      const s = submission();
      s.situation.emergency = { ...s.situation.emergency, date: "2026-11-25" };
      const res = await h.post("/api/requests", s);
      expect(res.status).toBe(422);
      expect((await res.json()).error.field).toBe("situation.emergency.date");
    });
  });

  describe("Idempotency-Key", () => {
    it("a retried submit returns the same reference and files nothing new", async () => {
      const first = await h.post("/api/requests", submission(), { "idempotency-key": "retry-0001" });
      const again = await h.post("/api/requests", submission(), { "idempotency-key": "retry-0001" });
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect((await again.json()).reference).toBe((await first.json()).reference);
      expect(await h.count("requests")).toBe(1);
    });

    it("20 concurrent retries of one key make one request", async () => {
      const replies = await Promise.all(
        Array.from({ length: 20 }, () =>
          h.post("/api/requests", submission(), { "idempotency-key": "double-click-42" }),
        ),
      );
      const bodies = await Promise.all(replies.map((r) => r.json()));
      expect(new Set(bodies.map((b) => b.reference)).size).toBe(1);
      expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
      expect(await h.count("requests")).toBe(1);
    });

    it("the same key with a different body is refused, not silently merged", async () => {
      await h.post("/api/requests", submission(), { "idempotency-key": "key-reused-1" });
      const res = await h.post("/api/requests", submission({ contact: { phone: "13700000000" } }), {
        "idempotency-key": "key-reused-1",
      });
      expect(res.status).toBe(422);
      expect((await res.json()).error).toMatchObject({
        code: "idempotency_conflict",
        field: "Idempotency-Key",
      });
    });

    it("different keys make different requests", async () => {
      const a = await (
        await h.post("/api/requests", submission(), { "idempotency-key": "key-aaaa-1" })
      ).json();
      const b = await (
        await h.post("/api/requests", submission(), { "idempotency-key": "key-bbbb-2" })
      ).json();
      expect(a.reference).not.toBe(b.reference);
    });
  });

  describe("POST /api/requests/status", () => {
    it("tells the status in the person's language with the right phone", async () => {
      const { reference } = await (await h.post("/api/requests", submission())).json();
      const res = await h.post("/api/requests/status", { reference, phone: "138 1234 5678", lang: "en" });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        reference,
        status: "new",
        statusText: "Received: waiting for a hotline agent to pick it up.",
        updatedAt: "2026-11-27T10:00:00+08:00",
      });
    });

    it("accepts the reference as read out: lower case, no dashes", async () => {
      const { reference } = await (await h.post("/api/requests", submission())).json();
      const spoken = reference.toLowerCase().replace(/-/g, " ");
      expect((await h.post("/api/requests/status", { reference: spoken, phone: "13812345678" })).status).toBe(
        200,
      );
    });

    it("gives the same answer for a wrong phone and for no such reference", async () => {
      const { reference } = await (await h.post("/api/requests", submission())).json();
      const wrongPhone = await h.post("/api/requests/status", { reference, phone: "13800000000" });
      const noSuch = await h.post("/api/requests/status", {
        reference: "WX-2222-2222",
        phone: "13812345678",
      });
      expect(wrongPhone.status).toBe(404);
      expect(noSuch.status).toBe(404);
      expect(await wrongPhone.json()).toEqual(await noSuch.json());
    });

    it("is rate-limited per client, with Retry-After, and the window passes", async () => {
      const { reference } = await (await h.post("/api/requests", submission())).json();
      for (let i = 0; i < 10; i++) await h.post("/api/requests/status", { reference, phone: "13800000000" });
      const limited = await h.post("/api/requests/status", { reference, phone: "13812345678" });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await limited.json()).error.code).toBe("rate_limited");
      h.clock.now = new Date(h.clock.now.getTime() + 601_000);
      expect((await h.post("/api/requests/status", { reference, phone: "13812345678" })).status).toBe(200);
    });
  });

  describe("at rest", () => {
    it("names, phones and health facts are not readable in the stored bytes", async () => {
      const { reference } = await (await h.post("/api/requests", submission())).json();
      const raw = await h.rawBytes();
      expect(raw.includes(Buffer.from(reference))).toBe(true); // the bytes are the right ones
      for (const secret of [
        "13812345678",
        "13900001111",
        "王秀英",
        "王小明",
        "sudden_illness",
        "basicLivingAtRisk",
      ]) {
        expect(raw.includes(Buffer.from(secret)), secret).toBe(false);
      }
    });

    it("the event trail cannot be rewritten", async () => {
      await h.post("/api/requests", submission());
      await expect(h.query("UPDATE request_events SET kind = 'x'")).rejects.toThrow(/append-only/);
      await expect(h.query("DELETE FROM request_events")).rejects.toThrow(/append-only/);
      expect(await h.count("request_events")).toBe(1);
    });
  });
});
