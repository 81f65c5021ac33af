// The portal's form posts through the real app (no browser needed): CSRF, idempotent sending, the
// hand-off link from the bot, and redirects that stay on the site.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness } from "../api/harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const ORIGIN = "http://localhost";
function form(path: string, body: Record<string, string>, cookie = "", origin: string | null = ORIGIN) {
  return h.app.request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(origin ? { origin } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(body).toString(),
  });
}
const cookieOf = (res: Response, name: string) =>
  (res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? "").split(";")[0] as string;

/** A finished self-check for one 80-year-old in 吉林 with no income, answered through the forms. */
async function finishedDraft(): Promise<string> {
  const started = await form("/check/start", { jurisdiction: "jilin", helping: "self" });
  const cookie = cookieOf(started, "draft");
  const { next } = await import("../../core/interview/next.ts");
  for (let i = 0; i < 80; i++) {
    const id = cookie.split("=")[1] as string;
    const draft = await h.deps.interviews.get(id);
    const step = next(draft?.state as never, { policies: h.deps.policies });
    if (step.done) return cookie;
    const q = step.question;
    const value =
      q.id === "household" ? "1" : q.id === "member.ageBand" ? "80" : q.id === "member.income" ? "0" : null;
    const body: Record<string, string> =
      value !== null
        ? { key: q.key, value }
        : q.required
          ? { key: q.key, value: q.kind === "yesno" ? "yes" : (q.options?.[0] ?? "1") }
          : { key: q.key, unknown: "1" };
    expect((await form("/check/answer", body, cookie)).status).toBe(303);
  }
  throw new Error("the check did not finish");
}

describe("portal forms", () => {
  it("refuse a post from another site (Hono's CSRF check) and change nothing", async () => {
    const res = await form(
      "/check/start",
      { jurisdiction: "wuxi", helping: "self" },
      "",
      "https://evil.example",
    );
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("draft="))).toBe(false);
    expect(await h.count("interviews")).toBe(0);
  });

  it("behind a TLS proxy: a post whose Origin is PUBLIC_URL's is taken without Fetch-Metadata; another site's is not", async () => {
    const proxied = await harness({ PUBLIC_URL: "https://intake.example" });
    try {
      const post = (origin: string) =>
        proxied.app.request("http://127.0.0.1:3000/check/start", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin },
          body: "jurisdiction=wuxi&helping=self",
        });
      expect((await post("https://intake.example")).status).toBe(303);
      expect((await post("https://evil.example")).status).toBe(403);
      expect((await post("http://intake.example")).status).toBe(403); // not the published scheme
    } finally {
      await proxied.close();
    }
  });

  it("send a finished check once, however often the form is sent (a double click)", async () => {
    const cookie = await finishedDraft();
    const body = { personName: "王建国", phone: "13812345678", consent: "yes", key: "form-key-0001" };
    const [a, b] = await Promise.all([form("/apply", body, cookie), form("/apply", body, cookie)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(await h.count("requests")).toBe(1);
    // Once sent, the draft is gone: sending again from an old page files nothing, and shows the same
    // reference again (the person who clicked twice still sees their number).
    const again = await form("/apply", body, cookie);
    expect(again.headers.get("location")).toBe("/apply/done");
    expect(cookieOf(again, "flash")).not.toBe("");
    const other = await form("/apply", { ...body, key: "form-key-9999" }, cookie);
    expect(other.headers.get("location")).toBe("/check");
    expect(await h.count("requests")).toBe(1);
  });

  it("refuse to send without consent, saying why on the same page", async () => {
    const cookie = await finishedDraft();
    const res = await form(
      "/apply",
      { personName: "王建国", phone: "13812345678", key: "form-key-0002" },
      cookie,
    );
    expect(res.headers.get("location")).toBe("/apply");
    expect(cookieOf(res, "flash")).not.toBe("");
    expect(await h.count("requests")).toBe(0);
  });

  it("refuse to send without the person's name (staff must know whom they call about)", async () => {
    const cookie = await finishedDraft();
    const res = await form(
      "/apply",
      { personName: " ", phone: "13812345678", consent: "yes", key: "form-key-0003" },
      cookie,
    );
    expect(res.headers.get("location")).toBe("/apply");
    expect(cookieOf(res, "flash")).not.toBe("");
    expect(await h.count("requests")).toBe(0);
  });

  it("take over a check from the bot's link once, and say so when the link is spent", async () => {
    const draftId = await h.deps.interviews.create(
      {
        state: {
          version: 2,
          asOf: "2026-11-27",
          answers: { jurisdiction: { value: "puning" } },
          order: ["jurisdiction"],
        },
        lang: "en",
      },
      "bot",
    );
    const handed = await h.deps.interviews.handoff(draftId);
    const first = await h.app.request(`${ORIGIN}/check/resume?token=${handed?.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/check");
    const draft = cookieOf(first, "draft");
    expect((await h.deps.interviews.get(draft.split("=")[1] as string))?.state.answers.jurisdiction).toEqual({
      value: "puning",
    });
    expect(cookieOf(first, "lang")).toBe("lang=en");
    const second = await h.app.request(`${ORIGIN}/check/resume?token=${handed?.token}`);
    expect(cookieOf(second, "draft")).toBe("");
    expect(cookieOf(second, "flash")).not.toBe("");
  });

  it("file an agent's phone intake only for that agent, within their jurisdictions", async () => {
    const { staffClient } = await import("../api/harness.ts");
    const agent = await staffClient(h, "li", "agent", "wuxi");
    const intake = await form("/staff/intake", {}, agent.cookie);
    const draft = cookieOf(intake, "draft");
    const id = draft.split("=")[1] as string;
    // The caller lives in 吉林: outside this agent's jurisdiction.
    const held = await h.deps.interviews.get(id);
    expect(held?.byStaff).toBe(agent.id);
    const { next } = await import("../../core/interview/next.ts");
    const { answer } = await import("../../core/interview/answer.ts");
    let state = held?.state as never;
    for (let i = 0; i < 80; i++) {
      const step = next(state, { policies: h.deps.policies });
      if (step.done) break;
      const q = step.question;
      const raw =
        q.id === "jurisdiction"
          ? "jilin"
          : q.id === "helping"
            ? "self"
            : q.id === "household"
              ? "1"
              : q.required
                ? (q.options?.[0] ?? "1")
                : { unknown: true as const };
      const r = answer(state, q.key, raw, { policies: h.deps.policies });
      if (!r.ok) throw new Error(`${q.key}: ${r.issue.code}`);
      state = r.state as never;
    }
    await h.deps.interviews.save(id, { lang: "zh-CN", byStaff: agent.id, state });
    const both = `${draft}; ${agent.cookie}`;
    const refused = await form(
      "/apply",
      { personName: "王建国", phone: "13812345678", consent: "yes", key: "staff-key-01" },
      both,
    );
    expect(refused.headers.get("location")).toBe("/apply");
    expect(await h.count("requests")).toBe(0);
    // Without the agent's session (signed out meanwhile) it is not filed as anyone's either.
    const alone = await form(
      "/apply",
      { personName: "王建国", phone: "13812345678", consent: "yes", key: "staff-key-02" },
      draft,
    );
    expect(alone.headers.get("location")).toBe("/apply");
    expect(await h.count("requests")).toBe(0);
  });

  it("go back only to a page of this site after switching language", async () => {
    const ok = await form("/prefs", { lang: "en", return: "/check" });
    expect(ok.headers.get("location")).toBe("/check");
    expect(cookieOf(ok, "lang")).toBe("lang=en");
    const evil = await form("/prefs", { lang: "en", return: "//evil.example/x" });
    expect(evil.headers.get("location")).toBe("/");
  });
});
