// One intake service for every channel: the same finished interview filed through the bot, the
// portal's form, the public API, staff intake on the API and staff intake on the form is stored the
// same way — the same situation, screening, applicant, consent basis, urgency and deadline — and only
// the channel (and the bot's chat) tells them apart. A refusal stores nothing, whichever the channel.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InterviewState } from "../../core/interview/state.ts";
import type { StoredRequest } from "../../db/requests.ts";
import { createI18nSync } from "../../locales/i18n.ts";
import { submissionFromInterview } from "../../portal/server/intake.ts";
import { type BotHarness, botHarness } from "../bot/driver.ts";
import { daughter, finishAsHelper, jilinMother } from "../bot/situations.ts";
import { staffClient } from "./harness.ts";

const ORIGIN = "http://localhost";
const PHONE = "13812345678";
const t = createI18nSync("zh-CN");

let b: BotHarness;
beforeEach(async () => {
  b = await botHarness();
});
afterEach(() => b.close());

const count = () =>
  (b.h.deps.db.sqlite.prepare("SELECT count(*) AS n FROM requests").get() as { n: number }).n;

/** "Send" on the portal's apply form, for a draft holding this interview (an agent's, with their cookie). */
function sendOnForm(state: InterviewState, key: string, agent?: { id: number; cookie: string }) {
  const draft = b.h.deps.interviews.create(
    { state, lang: "zh-CN", ...(agent ? { byStaff: agent.id } : {}) },
    agent ? "staff" : "portal",
  );
  return b.h.app.request(`${ORIGIN}/apply`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: ORIGIN,
      cookie: agent ? `draft=${draft}; ${agent.cookie}` : `draft=${draft}`,
    },
    body: new URLSearchParams({ phone: PHONE, consent: "yes", basis: "person_agreed", key }).toString(),
  });
}

/** The same interview in the API's shape. */
const apiBody = (state: InterviewState) => ({
  ...submissionFromInterview(state, { phone: PHONE, basis: "person_agreed" }),
  lang: "zh-CN",
});

/** A daughter's finished interview for her mother in 吉林, answered in the chat (not yet sent). */
async function finishedInChat(): Promise<InterviewState> {
  const r = b.user(3003, "zh-hans");
  await r.send("/start");
  await r.press(t("common:privacy.agree"));
  await finishAsHelper(r, jilinMother, daughter, t);
  const state = r.session()?.interview;
  if (!state) throw new Error("no interview in the chat");
  return structuredClone(state);
}

/** The reference in a "sent" page's flash, read back from the form's idempotency record. */
function formReference(key: string, channel: "portal" | "staff"): string {
  const sent = b.h.deps.requests.byIdempotencyKey(channel, `portal-form-${key}`);
  if (!sent) throw new Error(`nothing filed under ${key}`);
  return sent.reference;
}

/** What must be the same whichever channel filed it. */
const filed = (r: StoredRequest | null) => ({
  jurisdiction: r?.jurisdiction,
  situation: r?.situation,
  screening: r?.screening,
  applicant: r?.applicant,
  person: r?.person,
  contactPhone: r?.contactPhone,
  urgent: r?.urgent,
  slaDueAt: r?.slaDueAt,
  status: r?.status,
  lang: r?.lang,
  consent: { basis: r?.consent.basis, noticeVersion: r?.consent.noticeVersion },
  engineVersion: r?.engineVersion,
  packVersion: r?.packVersion,
});

describe("one intake for every channel", { timeout: 60_000 }, () => {
  it("files the same interview the same way through the bot, the form, the API and staff intake", async () => {
    const state = await finishedInChat();
    const references: Record<string, string> = {};

    // 1. The bot: the contact, then "Yes, send it".
    const r = b.user(3003, "zh-hans");
    await r.press(t("common:bot.sendToHotline"));
    await r.contact(`+86 ${PHONE}`);
    const sent = await r.press(t("common:bot.confirmYes"));
    references.bot = /JL-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(sent.map((m) => m.text).join("\n"))?.[0] ?? "";

    // 2. The portal's form, on a draft holding the same answers.
    const posted = await sendOnForm(state, "intake-form-1");
    expect(posted.headers.get("location")).toBe("/apply/done");
    references.portal = formReference("intake-form-1", "portal");

    // 3. The public API, with the same interview in the API's shape.
    const body = apiBody(state);
    const api = await b.h.post("/api/requests", body);
    expect(api.status).toBe(201);
    references.api = (await api.json()).reference;

    // 4. Staff intake on the API, by an agent of 吉林.
    const agent = await staffClient(b.h, "zhao", "agent", "jilin");
    const staffApi = await agent.post("/api/staff/requests", body);
    expect(staffApi.status).toBe(201);
    references.staffApi = (await staffApi.json()).reference;

    // 5. Staff intake on the form: a draft the agent started for a caller.
    const staffPosted = await sendOnForm(state, "intake-form-2", agent);
    expect(staffPosted.headers.get("location")).toBe("/apply/done");
    references.staffForm = formReference("intake-form-2", "staff");

    expect(new Set(Object.values(references)).size).toBe(5);
    const stored = Object.fromEntries(
      Object.entries(references).map(([channel, ref]) => [channel, b.h.deps.requests.byReference(ref)]),
    );
    expect(Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v?.channel]))).toEqual({
      bot: "bot",
      portal: "portal",
      api: "portal",
      staffApi: "staff",
      staffForm: "staff",
    });
    const expected = filed(stored.bot ?? null);
    expect(expected.applicant).toEqual({
      kind: "helper",
      name: daughter.name,
      relationship: daughter.relationship,
      phone: daughter.phone,
    });
    for (const [channel, request] of Object.entries(stored)) {
      expect(filed(request ?? null), channel).toEqual(expected);
      expect(request?.chatId ?? null, channel).toBe(channel === "bot" ? "3003" : null);
    }
  });

  it("a helper who skipped their name is filed with the same placeholder by the bot and the form", async () => {
    const state = await finishedInChat();
    delete state.answers["applicant.name"];
    state.order = state.order.filter((k) => k !== "applicant.name");
    const viaBot = await b.h.deps.intake.fileInterview(
      state,
      { phone: PHONE, basis: "person_agreed" },
      { channel: "bot", lang: "zh-CN", chatId: "3003" },
    );
    await sendOnForm(state, "intake-form-3");
    const viaForm = formReference("intake-form-3", "portal");
    const names = [viaBot.reference, viaForm].map((ref) => b.h.deps.requests.byReference(ref)?.applicant);
    expect(names[0]).toMatchObject({ kind: "helper", name: "-" });
    expect(names[1]).toEqual(names[0]);
  });

  it("refuses a helper's phone that is not a mainland mobile on every channel, storing nothing", async () => {
    const state = await finishedInChat();
    state.answers["applicant.phone"] = { value: "+1 415 555 0134" };
    // The bot (through the service it is handed), the API and the form all refuse by the same rule.
    await expect(
      b.h.deps.intake.fileInterview(
        state,
        { phone: PHONE, basis: "person_agreed" },
        { channel: "bot", lang: "zh-CN" },
      ),
    ).rejects.toMatchObject({ code: "invalid", field: "applicant.phone" });
    const api = await b.h.post("/api/requests", apiBody(state));
    expect(api.status).toBe(422);
    expect((await api.json()).error.field).toBe("applicant.phone");
    const posted = await sendOnForm(state, "intake-form-4");
    expect(posted.headers.get("location")).toBe("/apply");
    expect(count()).toBe(0);
  });
});
