// The shared interview over HTTP: a draft kept in the store, answered step by step, handed over.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AskedQuestion } from "../../core/interview/next.ts";
import { answerFrom, simulate } from "../../core/interview/simulate.ts";
import type { Situation } from "../../core/schema/situation.ts";
import { forEachStore } from "../stores.ts";
import { type Harness, harness, urgentSituation } from "./harness.ts";

forEachStore(() => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  const get = async (path: string) => (await h.app.request(path)).json();

  /** Answers every question from the situation, as a person who knows those facts would. */
  type ApiQuestion = Omit<AskedQuestion, "options"> & { options: { value: string; label: string }[] };

  async function finish(id: string, first: { question: ApiQuestion | null }, s: Situation) {
    let step = first;
    for (let i = 0; i < 200 && step.question; i++) {
      const q = step.question;
      // The API shows each option with its words; the simulated person answers with its value.
      const raw = answerFrom(s, { ...q, options: q.options.map((o) => o.value) }, "2026-11-27");
      const body = typeof raw === "object" ? { key: q.key, unknown: true } : { key: q.key, value: raw };
      const res = await h.post(`/api/interviews/${id}/answers`, body);
      expect(res.status, JSON.stringify(body)).toBe(200);
      step = await res.json();
    }
    return step;
  }

  describe("/api/interviews", () => {
    it("asks one question at a time in the caller's language and ends with the core's screening", async () => {
      const res = await h.post("/api/interviews", {}, { "accept-language": "en-GB" });
      expect(res.status).toBe(201);
      const first = await res.json();
      expect(first.question.key).toBe("jurisdiction");
      expect(first.question.options.map((o: { value: string }) => o.value)).toContain("wuxi");
      expect(first.question.text).toMatch(/[A-Za-z]/);
      expect(first.question.canSkip).toBe(false);

      const { asOf: _, ...s } = urgentSituation();
      const done = await finish(first.id, first, s as Situation);
      expect(done).toMatchObject({ done: true, question: null });
      const expected = simulate(s as Situation, { policies: h.deps.policies, today: "2026-11-27" }).screening;
      expect((done as unknown as { screening: unknown }).screening).toEqual(expected);
      expect(await get(`/api/interviews/${first.id}/result`)).toEqual(expected);
    });

    it("a refused answer re-asks in the person's language and keeps the draft as it was", async () => {
      const { id } = await (await h.post("/api/interviews", { lang: "zh-CN" })).json();
      await h.post(`/api/interviews/${id}/answers`, { key: "jurisdiction", value: "wuxi" });
      await h.post(`/api/interviews/${id}/answers`, { key: "helping", value: "self" });
      const res = await h.post(`/api/interviews/${id}/answers`, { key: "household", value: "很多" });
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.field).toBe("value");
      // The question's own rule in its unit: a number of people (the roster may be typed as one).
      expect(error.message).toBe("人数写 1 到 10 之间的数（算上被测算的人），例如 3。");
      expect(error.issues[0].code).toBe("not_a_number");
      const again = await get(`/api/interviews/${id}`);
      expect(again.question.key).toBe("household");
      expect(again.question.kind).toBe("roster");
      expect(again.progress.answered).toBe(2);
    });

    it("an unknown question key is refused by name", async () => {
      const { id } = await (await h.post("/api/interviews", {})).json();
      const res = await h.post(`/api/interviews/${id}/answers`, { key: "nonsense", value: 1 });
      expect(res.status).toBe(422);
      expect((await res.json()).error.field).toBe("key");
    });

    it("back takes the last answer back and asks it again", async () => {
      const { id } = await (await h.post("/api/interviews", {})).json();
      await h.post(`/api/interviews/${id}/answers`, { key: "jurisdiction", value: "jilin" });
      const back = await (await h.post(`/api/interviews/${id}/back`, "")).json();
      expect(back.question.key).toBe("jurisdiction");
      expect(back.progress.answered).toBe(0);
    });

    it("the result of an unfinished draft is 409, of an unknown one 404", async () => {
      const { id } = await (await h.post("/api/interviews", {})).json();
      expect((await h.app.request(`/api/interviews/${id}/result`)).status).toBe(409);
      expect((await h.app.request("/api/interviews/not-a-draft/result")).status).toBe(404);
    });

    it("the draft survives a new app on the same database (a restart)", async () => {
      const { id } = await (await h.post("/api/interviews", {})).json();
      await h.post(`/api/interviews/${id}/answers`, { key: "jurisdiction", value: "puning" });
      const { createApp } = await import("../../portal/server/app.ts");
      const restarted = createApp(h.deps);
      const step = await (await restarted.request(`/api/interviews/${id}`)).json();
      expect(step.progress.answered).toBe(1);
    });

    it("forgetting a draft removes it", async () => {
      const { id } = await (await h.post("/api/interviews", {})).json();
      expect((await h.app.request(`/api/interviews/${id}`, { method: "DELETE" })).status).toBe(204);
      expect((await h.app.request(`/api/interviews/${id}`)).status).toBe(404);
    });
  });

  describe("hand-off", () => {
    it("a token takes the draft over once: new id, old id and token dead", async () => {
      const { id } = await (await h.post("/api/interviews", {})).json();
      await h.post(`/api/interviews/${id}/answers`, { key: "jurisdiction", value: "jiangmen" });
      const handed = await (await h.post(`/api/interviews/${id}/handoff`, "")).json();
      expect(handed.url).toBe(`${h.deps.publicUrl}/check/resume?token=${handed.token}`);
      expect(handed.expiresAt).toBe("2026-11-27T10:30:00+08:00");

      const taken = await h.post("/api/interviews/resume", { token: handed.token });
      expect(taken.status).toBe(200);
      const step = await taken.json();
      expect(step.id).not.toBe(id);
      expect(step.progress.answered).toBe(1);
      expect((await h.app.request(`/api/interviews/${id}`)).status).toBe(404);
      expect((await h.post("/api/interviews/resume", { token: handed.token })).status).toBe(410);
    });

    it("a token is good for 30 minutes, not 31", async () => {
      const { id } = await (await h.post("/api/interviews", {})).json();
      const early = await (await h.post(`/api/interviews/${id}/handoff`, "")).json();
      const late = await (await h.post(`/api/interviews/${id}/handoff`, "")).json();
      h.clock.now = new Date(h.clock.now.getTime() + 29 * 60_000);
      expect((await h.post("/api/interviews/resume", { token: early.token })).status).toBe(200);
      h.clock.now = new Date(h.clock.now.getTime() + 2 * 60_000);
      expect((await h.post("/api/interviews/resume", { token: late.token })).status).toBe(410);
    });

    it("drafts are sealed: the answers are not in what the store holds", async () => {
      const { id } = await (await h.post("/api/interviews", {})).json();
      await h.post(`/api/interviews/${id}/answers`, { key: "jurisdiction", value: "neijiang-dongxing" });
      const raw = await h.rawBytes();
      expect(raw.includes(Buffer.from("neijiang-dongxing"))).toBe(false);
      expect(raw.includes(Buffer.from(id))).toBe(false);
    });
  });
});
