// How much may be sent anonymously: 5 a day per call-back phone (and per chat), a loose cap per client
// address with a softer threshold past which requests are still filed but flagged for staff; a 429
// says why in words with Retry-After, and nothing is stored. Signed-in staff filing for callers are
// not limited.

import { afterEach, describe, expect, it } from "vitest";
import { forEachStore } from "../stores.ts";
import { type Harness, harness, staffClient, submission } from "./harness.ts";

forEachStore(() => {
  let h: Harness;
  afterEach(() => h.close());

  const count = () => h.count("requests");
  const from = (ip: string) => ({ "x-forwarded-for": ip });

  describe("sending limits", () => {
    it("a sixth request for one call-back phone in a day is 429 with Retry-After and words, and files nothing", async () => {
      h = await harness({ TRUST_PROXY: "1" });
      for (let i = 0; i < 5; i++)
        expect((await h.post("/api/requests", submission(), from(`198.51.100.${i}`))).status).toBe(201);
      const sixth = await h.post("/api/requests", submission(), from("198.51.100.9"));
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await sixth.json()).error).toMatchObject({
        code: "too_many_sends",
        message: "这个号码今天已经发送过多次申请了。请明天再试；急事请直接拨打 12345。",
      });
      expect(await count()).toBe(5);
      // A day later the number may send again.
      h.clock.now = new Date(h.clock.now.getTime() + 86_400_000 + 1_000);
      expect((await h.post("/api/requests", submission(), from("198.51.100.9"))).status).toBe(201);
    });

    it("one address (a village office) is flagged past 3 an hour, and refused past 6; other phones each", async () => {
      h = await harness({
        TRUST_PROXY: "1",
        SENDS_FLAGGED_PER_CLIENT_PER_HOUR: "3",
        SENDS_PER_CLIENT_PER_HOUR: "6",
      });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const body = submission({ contact: { phone: `1370000000${i}` } });
        statuses.push((await h.post("/api/requests", body, from("203.0.113.5"))).status);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429]);
      const flags = await h.query<{ flag: string | null }>("SELECT flag FROM requests ORDER BY id");
      expect(flags.map((f) => f.flag)).toEqual([
        null,
        null,
        null,
        "busy_address",
        "busy_address",
        "busy_address",
      ]);
      // The queue shows the flag to staff.
      const agent = await staffClient(h, "li", "agent", "wuxi");
      const queue = await (await agent.get("/api/staff/queue")).json();
      expect(queue.items.filter((i: { flag: string | null }) => i.flag === "busy_address")).toHaveLength(3);
    });

    it("a replayed Idempotency-Key counts nothing; staff filing for callers are not limited", async () => {
      h = await harness();
      for (let i = 0; i < 8; i++)
        expect(
          (await h.post("/api/requests", submission(), { "idempotency-key": "same-key-0001" })).status,
        ).toBe(i === 0 ? 201 : 200);
      const agent = await staffClient(h, "li", "agent", "wuxi");
      for (let i = 0; i < 7; i++)
        expect((await agent.post("/api/staff/requests", submission())).status).toBe(201);
      expect(await count()).toBe(8);
    });

    it("a chat sends at most 5 a day, whatever numbers it gives", async () => {
      h = await harness();
      const send = (i: number) =>
        h.deps.intake.file(submission({ contact: { phone: `1360000000${i}` } }), {
          channel: "bot",
          lang: "zh-CN",
          chatId: "777",
        });
      for (let i = 0; i < 5; i++) expect((await send(i)).created).toBe(true);
      await expect(send(5)).rejects.toMatchObject({ scope: "chat" });
      expect(await count()).toBe(5);
    });

    it("twelve sent at the same moment for one phone: 5 filed, 7 refused (counted as they are taken)", async () => {
      h = await harness();
      const all = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          h.post("/api/requests", submission(), {
            "idempotency-key": `burst-key-${String(i).padStart(4, "0")}`,
          }),
        ),
      );
      const statuses = all.map((r) => r.status).sort();
      expect(statuses.filter((st) => st === 201)).toHaveLength(5);
      expect(statuses.filter((st) => st === 429)).toHaveLength(7);
      expect(await count()).toBe(5);
    });

    it("a retry of a request already filed gets its reference back even past the limit", async () => {
      h = await harness();
      const refs: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await h.post("/api/requests", submission(), { "idempotency-key": `retry-key-${i}000` });
        refs.push((await res.json()).reference);
      }
      const again = await h.post("/api/requests", submission(), { "idempotency-key": "retry-key-4000" });
      expect(again.status).toBe(200);
      expect((await again.json()).reference).toBe(refs[4]);
    });
  });
});
