// One intake service for every channel: the same finished interview filed through the bot, the
// portal's form, the public API, staff intake on the API and staff intake on the form is stored the
// same way — the same situation, screening, applicant, consent basis, urgency and deadline — and only
// the channel (and the bot's chat) tells them apart. A refusal stores nothing, whichever the channel.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SendDetails } from "../../core/intake.ts";
import type { InterviewState } from "../../core/interview/state.ts";
import type { StoredRequest } from "../../db/requests.ts";
import { createI18nSync } from "../../locales/i18n.ts";
import { submissionFromInterview } from "../../portal/server/intake.ts";
import { type BotHarness, botHarness } from "../bot/driver.ts";
import { daughter, finishAsHelper, jilinMother, sendAsHelper } from "../bot/situations.ts";
import { forEachStore } from "../stores.ts";
import { staffClient } from "./harness.ts";

forEachStore(() => {
  const ORIGIN = "http://localhost";
  const t = createI18nSync("zh-CN");

  let b: BotHarness;
  beforeEach(async () => {
    b = await botHarness();
  });
  afterEach(() => b.close());

  const count = () => b.h.count("requests");

  /** "Send" on the portal's apply form, for a draft holding this interview (an agent's, with their cookie). */
  async function sendOnForm(
    state: InterviewState,
    key: string,
    agent?: { id: number; cookie: string },
    fields: Record<string, string> = {},
  ) {
    const draft = await b.h.deps.interviews.create(
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
      body: new URLSearchParams({ ...SEND_FORM, ...fields, key }).toString(),
    });
  }

  /** What the daughter gives at the send step, as the portal's form posts it. */
  const SEND_FORM = {
    personName: daughter.personName,
    helperName: daughter.name,
    relationship: daughter.relationship,
    phone: daughter.phone,
    consent: "yes",
    basis: "person_agreed",
  };

  /** The same details as the bot and staff intake hand them to the intake service. */
  const HELPER = { name: daughter.name, relationship: daughter.relationship, phone: daughter.phone };
  const SEND = {
    phone: daughter.phone as string,
    personName: daughter.personName,
    helper: HELPER as { name: string; relationship: typeof HELPER.relationship; phone: string },
    basis: "person_agreed",
  } satisfies SendDetails;

  /** The same interview in the API's shape. */
  const apiBody = (state: InterviewState, send: SendDetails = SEND) => ({
    ...submissionFromInterview(state, send),
    lang: "zh-CN",
  });

  /** A daughter's finished interview for her mother in 吉林, answered in the chat (not yet sent). */
  async function finishedInChat(): Promise<InterviewState> {
    const r = b.user(3003, "zh-hans");
    await r.send("/start");
    await r.press(t("common:privacy.agree"));
    await finishAsHelper(r, jilinMother, t);
    const state = (await r.session())?.interview;
    if (!state) throw new Error("no interview in the chat");
    return structuredClone(state);
  }

  /** The reference in a "sent" page's flash, read back from the form's idempotency record. */
  async function formReference(key: string, channel: "portal" | "staff"): Promise<string> {
    const sent = await b.h.deps.requests.byIdempotencyKey(channel, `portal-form-${key}`);
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
    // When consent was given differs by channel (the bot asks first); what was agreed does not.
    basis:
      r?.basis.kind === "consent" ? { basis: r.basis.basis, noticeVersion: r.basis.noticeVersion } : null,
    engineVersion: r?.engineVersion,
    packVersion: r?.packVersion,
  });

  describe("one intake for every channel", { timeout: 60_000 }, () => {
    it("files the same interview the same way through the bot, the form, the API and staff intake", async () => {
      const state = await finishedInChat();
      const references: Record<string, string> = {};

      // 1. The bot: the send step's answers, then "Yes, send it".
      const r = b.user(3003, "zh-hans");
      await sendAsHelper(r, t, daughter);
      const sent = await r.press(t("common:bot.confirmYes"));
      references.bot = /JL-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(sent.map((m) => m.text).join("\n"))?.[0] ?? "";

      // 2. The portal's form, on a draft holding the same answers.
      const posted = await sendOnForm(state, "intake-form-1");
      expect(posted.headers.get("location")).toBe("/apply/done");
      references.portal = await formReference("intake-form-1", "portal");

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
      references.staffForm = await formReference("intake-form-2", "staff");

      expect(new Set(Object.values(references)).size).toBe(5);
      const stored = Object.fromEntries(
        await Promise.all(
          Object.entries(references).map(
            async ([channel, ref]) => [channel, await b.h.deps.requests.byReference(ref)] as const,
          ),
        ),
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
      expect(expected.person).toEqual({ name: daughter.personName });
      expect(expected.contactPhone).toBe(daughter.phone);
      for (const [channel, request] of Object.entries(stored)) {
        expect(filed(request ?? null), channel).toEqual(expected);
        expect(request?.chatId ?? null, channel).toBe(channel === "bot" ? "3003" : null);
      }
    });

    it("a form without the person's name, or a helper's, is refused and keeps what was typed; nothing is stored", async () => {
      const state = await finishedInChat();
      const noPerson = await sendOnForm(state, "intake-form-3", undefined, { personName: " " });
      expect(noPerson.headers.get("location")).toBe("/apply");
      const noHelper = await sendOnForm(state, "intake-form-4", undefined, { helperName: "" });
      expect(noHelper.headers.get("location")).toBe("/apply");
      expect(await count()).toBe(0);
    });

    it("takes a helper abroad on their own number (E.164) on every channel, and refuses one that is neither", async () => {
      const state = await finishedInChat();
      const abroad = {
        ...SEND,
        phone: "+44 20 7946 0018",
        helper: { ...SEND.helper, phone: "+44 20 7946 0018" },
      };
      const viaBot = await b.h.deps.intake.fileInterview(state, abroad, { channel: "bot", lang: "zh-CN" });
      const api = await b.h.post("/api/requests", apiBody(state, abroad));
      expect(api.status).toBe(201);
      const form = await sendOnForm(state, "intake-form-5", undefined, { phone: "0044 20 7946 0018" });
      expect(form.headers.get("location")).toBe("/apply/done");
      for (const ref of [
        viaBot.reference,
        (await api.json()).reference,
        await formReference("intake-form-5", "portal"),
      ])
        expect(await b.h.deps.requests.byReference(ref)).toMatchObject({
          contactPhone: "+442079460018",
          applicant: { phone: "+442079460018" },
        });

      // Not a mainland mobile, not E.164: refused by the same rule everywhere, nothing stored.
      const before = await count();
      const bad = { ...SEND, phone: "12345", helper: { ...SEND.helper, phone: "12345" } };
      await expect(
        b.h.deps.intake.fileInterview(state, bad, { channel: "bot", lang: "zh-CN" }),
      ).rejects.toMatchObject({ code: "invalid", field: "applicant.phone" });
      const refused = await b.h.post("/api/requests", apiBody(state, bad));
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.field).toBe("applicant.phone");
      const posted = await sendOnForm(state, "intake-form-6", undefined, { phone: "12345" });
      expect(posted.headers.get("location")).toBe("/apply");
      expect(await count()).toBe(before);
    });

    it("never lets the hotline dial an international number that is not the helper's own", async () => {
      const state = await finishedInChat();
      const other = { ...SEND, phone: "+1 415 555 0134" };
      await expect(
        b.h.deps.intake.fileInterview(state, other, { channel: "bot", lang: "zh-CN" }),
      ).rejects.toMatchObject({ code: "invalid", field: "contact.phone" });
      expect(await count()).toBe(0);
    });
  });
});
