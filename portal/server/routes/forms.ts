// The portal's form posts: Hono validates, writes, and redirects (303) to a page that Astro renders.
// Works without JavaScript. Hono's CSRF check (Origin / Sec-Fetch-Site) guards every one; nothing
// personal goes in a URL: drafts ride in an HttpOnly cookie, results in a sealed one-time cookie.

import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { z } from "zod";
import { IntakeRefusal } from "../../../core/intake.ts";
import { answer, back, forget, type RawAnswer } from "../../../core/interview/answer.ts";
import { buildSituation } from "../../../core/interview/build.ts";
import { typedIntent } from "../../../core/interview/intent.ts";
import { parseAnyPhone, parsePhone } from "../../../core/interview/numbers.ts";
import { APPLICANT_RELATIONSHIPS, QUESTION_BY_ID } from "../../../core/interview/questions.ts";
import { answerOf, parseKey, start } from "../../../core/interview/state.ts";
import { JURISDICTIONS } from "../../../core/schema/enums.ts";
import { shanghaiDate } from "../../../core/sla.ts";
import { normalizeReference } from "../../../db/reference.ts";
import { isLang, type Lang } from "../../../locales/i18n.ts";
import { renderIssue } from "../../../locales/render.ts";
import { clientAddress } from "../client.ts";
import { clearDraft, draftCookie, prefsOf, setDraft, setFlash, setPrefs } from "../cookies.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { formCsrf } from "../form-origin.ts";
import { tFor } from "../lang.ts";
import { SendLimited } from "../send-limits.ts";
import { inScope, sessionCookie } from "../staff-auth.ts";
import { type FormFields, webAnswer } from "../web-answer.ts";

const safePath = (p: unknown) =>
  typeof p === "string" && /^\/(?!\/)[\w\-/]*(\?[\w\-=&%.]*)?$/.test(p) ? p : "/";

export function formRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use("*", formCsrf(deps));

  const langOf = (c: Parameters<typeof prefsOf>[0]): Lang => prefsOf(c, deps).lang ?? "zh-CN";
  const form = async (c: { req: { parseBody: () => Promise<Record<string, unknown>> } }) => {
    const body = await c.req.parseBody();
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  };
  const staffSession = async (c: Parameters<typeof getCookie>[0]) => {
    const id = getCookie(c, sessionCookie(deps));
    return id ? await deps.staff.session(id) : null;
  };
  const draftOf = async (c: Parameters<typeof getCookie>[0]) => {
    const id = getCookie(c, draftCookie(deps));
    const draft = id ? await deps.interviews.get(id) : null;
    return id && draft ? { id, draft } : null;
  };

  app.post("/prefs", async (c) => {
    const f = await form(c);
    const lang = isLang(f.lang) ? f.lang : undefined;
    const large = f.size === "large" ? true : f.size === "normal" ? false : undefined;
    setPrefs(c, deps, { ...(lang ? { lang } : {}), ...(large !== undefined ? { large } : {}) });
    return c.redirect(safePath(f.return), 303);
  });

  app.post("/check/start", async (c) => {
    const f = await form(c);
    let state = start(shanghaiDate(deps.now()));
    const opts = { policies: deps.policies };
    if ((JURISDICTIONS as readonly string[]).includes(f.jurisdiction ?? "")) {
      const r = answer(state, "jurisdiction", f.jurisdiction as string, opts);
      if (r.ok) state = r.state;
    }
    if (f.helping === "self" || f.helping === "helping") {
      const r = answer(state, "helping", f.helping, opts);
      if (r.ok) state = r.state;
    }
    const id = await deps.interviews.create({ state, lang: langOf(c) }, "portal");
    setDraft(c, deps, id);
    return c.redirect("/check", 303);
  });

  app.post("/check/answer", async (c) => {
    const held = await draftOf(c);
    if (!held) return c.redirect("/check", 303);
    const body = await c.req.parseBody({ all: true });
    const f = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, typeof v === "string" ? v : Array.isArray(v) ? v : ""]),
    ) as Record<string, string | (string | File)[]>;
    const key = typeof f.key === "string" ? f.key : "";
    const def = QUESTION_BY_ID.get(parseKey(key).id);
    if (!def) return c.redirect("/check", 303);
    const fromForm = webAnswer(def.kind, f);
    const kept = keptFields(f);
    if (!fromForm.ok) {
      const t = tFor(langOf(c));
      setFlash(c, deps, { kind: "answer_error", key, message: t(fromForm.message), value: "", ...kept });
      return c.redirect("/check", 303);
    }
    return answerWith(c, held, key, { value: fromForm.value, unknown: f.unknown, kept });
  });

  type Held = NonNullable<Awaited<ReturnType<typeof draftOf>>>;
  type Kept = { picked?: string[]; counts?: Record<string, string> };
  type Given = { value: string | undefined; unknown: unknown; kept: Kept };

  /** The boxes ticked and the numbers typed in a refused answer, to show them again as they were. */
  function keptFields(f: FormFields): Kept {
    const counts = Object.fromEntries(
      Object.entries(f).flatMap(([k, v]) =>
        k.startsWith("count.") && typeof v === "string" && v !== "" ? [[k.slice(6), v.slice(0, 4)]] : [],
      ),
    );
    // One ticked box arrives as a string, several as a list.
    const given = f.value === undefined ? [] : Array.isArray(f.value) ? f.value : [f.value];
    const picked = given.filter((v): v is string => typeof v === "string" && v.length <= 40);
    return {
      ...(Object.keys(counts).length > 0 ? { counts } : {}),
      ...(picked.length > 0 ? { picked: picked.slice(0, 20) } : {}),
    };
  }

  /** The answer the forms give, after checkboxes and number boxes become the interview's one value. */
  async function answerWith(c: Parameters<typeof draftOf>[0], held: Held, key: string, f: Given) {
    // "不知道" or "返回" typed in the box does what its button does.
    const intent = typedIntent(f.value ?? "");
    if (intent === "back") {
      await deps.interviews.save(held.id, { ...held.draft, state: back(held.draft.state) });
      return c.redirect("/check", 303);
    }
    const raw: RawAnswer =
      f.unknown !== undefined || intent === "unknown" ? { unknown: true } : (f.value ?? "");
    const result = answer(held.draft.state, key, raw, { policies: deps.policies });
    if (!result.ok) {
      setFlash(c, deps, {
        kind: "answer_error",
        key,
        message: renderIssue(tFor(langOf(c)), result.issue),
        value: f.value ?? "",
        ...f.kept,
      });
      return c.redirect("/check", 303);
    }
    await deps.interviews.save(held.id, { ...held.draft, state: result.state });
    return c.redirect("/check", 303);
  }

  app.post("/check/back", async (c) => {
    const held = await draftOf(c);
    if (held) await deps.interviews.save(held.id, { ...held.draft, state: back(held.draft.state) });
    return c.redirect("/check", 303);
  });

  app.post("/check/change", async (c) => {
    const held = await draftOf(c);
    const f = await form(c);
    if (held && f.key && held.draft.state.answers[f.key]) {
      await deps.interviews.save(held.id, { ...held.draft, state: forget(held.draft.state, f.key) });
    }
    return c.redirect("/check", 303);
  });

  app.post("/check/restart", async (c) => {
    const held = await draftOf(c);
    if (held) await deps.interviews.remove(held.id);
    clearDraft(c, deps);
    return c.redirect("/", 303);
  });

  app.get("/check/resume", async (c) => {
    const token = c.req.query("token") ?? "";
    const taken = token.length >= 10 ? await deps.interviews.resume(token, "portal") : null;
    if (!taken) {
      setFlash(c, deps, { kind: "resume_failed" });
      return c.redirect("/check", 303);
    }
    setDraft(c, deps, taken.id);
    // The link's language comes along: the person carries on in the language they started in.
    if (isLang(taken.draft.lang)) setPrefs(c, deps, { lang: taken.draft.lang });
    return c.redirect("/check", 303);
  });

  const applySchema = z.object({
    phone: z.string().max(40).default(""),
    personName: z.string().max(200).optional(),
    helperName: z.string().max(200).optional(),
    relationship: z.enum(APPLICANT_RELATIONSHIPS).optional(),
    personPhone: z.string().max(40).optional(),
    consent: z.literal("yes").optional(),
    basis: z.enum(["self", "person_agreed", "guardian"]).optional(),
    key: z.string().min(8).max(100),
  });
  /** What the send form keeps when it is refused: everything typed, picked and ticked. */
  const TYPED = [
    "phone",
    "personName",
    "helperName",
    "relationship",
    "personPhone",
    "basis",
    "consent",
  ] as const;
  const NAME_MAX = 60;

  app.post("/apply", async (c) => {
    const body = await form(c);
    const held = await draftOf(c);
    const lang = langOf(c);
    const t = tFor(lang);
    if (!held) {
      // A second click after the first was filed: show the same reference again.
      const sent = body.key
        ? await deps.requests.byIdempotencyKey("portal", `portal-form-${body.key}`)
        : null;
      if (!sent) return c.redirect("/check", 303);
      setFlash(c, deps, { kind: "sent", ...sent });
      return c.redirect("/apply/done", 303);
    }
    const typed = Object.fromEntries(
      TYPED.flatMap((k) => (body[k] ? [[k, String(body[k]).slice(0, 200)]] : [])),
    );
    const refuse = (field: string, message: string) => {
      setFlash(c, deps, { kind: "apply_error", field, message, typed });
      return c.redirect("/apply", 303);
    };
    // An empty box or the select's "—" is a field not given.
    const f = applySchema.safeParse(Object.fromEntries(Object.entries(body).filter(([, v]) => v !== "")));
    // A correction of a stored request is saved as its next version, never filed as a new request.
    if (held.draft.amends) return c.redirect("/check/result", 303);
    const state = held.draft.state;
    const situation = buildSituation(state);
    if (!situation) return c.redirect("/check", 303);
    if (!f.success) {
      const field = String(f.error.issues[0]?.path[0] ?? "phone");
      return refuse(field === "phone" ? "contact.phone" : field, t("common:field.invalid"));
    }
    // A check an agent started for a caller is filed by that agent, within their jurisdictions.
    const agent = held.draft.byStaff !== undefined ? await staffSession(c) : null;
    if (held.draft.byStaff !== undefined) {
      const allowed =
        agent &&
        agent.staff.id === held.draft.byStaff &&
        !agent.staff.mustChangePassword &&
        inScope(agent, situation.jurisdiction);
      if (!allowed) return refuse("staff", t("common:api.forbidden"));
    }
    const helping = answerOf(state, "helping") === "helping";
    const personName = f.data.personName?.trim() ?? "";
    const helperName = f.data.helperName?.trim() ?? "";
    // Staff must know whom they call about; a helper says who they are and how they are related.
    // Each refusal names its field's own rule.
    const tooLong = () => t("common:apply.nameTooLong", { maximum: NAME_MAX });
    if (personName === "")
      return refuse(
        "personName",
        t("common:apply.personNameMissing", { context: helping ? "helping" : "self" }),
      );
    if (personName.length > NAME_MAX) return refuse("personName", tooLong());
    if (helping && helperName === "") return refuse("helperName", t("common:apply.helperNameMissing"));
    if (helping && helperName.length > NAME_MAX) return refuse("helperName", tooLong());
    if (helping && !f.data.relationship) return refuse("relationship", t("common:apply.relationshipMissing"));
    // The numbers in the form's order, before the agreement below them (the intake checks them again).
    if (f.data.phone.trim() === "") return refuse("contact.phone", t("common:apply.phoneMissing"));
    if (!(helping ? parseAnyPhone : parsePhone)(f.data.phone))
      return refuse(
        "contact.phone",
        t(helping ? "common:reask.not_a_phone_abroad" : "common:reask.not_a_phone"),
      );
    if (helping && f.data.personPhone?.trim() && !parsePhone(f.data.personPhone))
      return refuse("person.phone", t("common:reask.not_a_phone"));
    const basis = helping ? f.data.basis : "self";
    if (!basis) return refuse("basis", t("common:apply.basisMissing"));
    if (f.data.consent !== "yes") return refuse("consent", t("common:apply.consentMissing"));
    const personPhone = f.data.personPhone?.trim() || undefined;
    try {
      const submitted = await deps.intake.fileInterview(
        state,
        {
          phone: f.data.phone,
          personName,
          helper:
            helping && f.data.relationship
              ? { name: helperName, relationship: f.data.relationship, phone: f.data.phone }
              : undefined,
          personPhone: helping ? personPhone : undefined,
          basis: helping ? (basis as "person_agreed" | "guardian") : undefined,
        },
        {
          channel: agent ? "staff" : "portal",
          lang,
          idempotencyKey: `portal-form-${f.data.key}`,
          client: clientAddress(c, deps.trustProxy),
        },
      );
      await deps.interviews.remove(held.id);
      clearDraft(c, deps);
      setFlash(c, deps, {
        kind: "sent",
        reference: submitted.reference,
        slaDueAt: submitted.slaDueAt,
        urgent: submitted.urgent,
      });
      return c.redirect("/apply/done", 303);
    } catch (error) {
      if (error instanceof SendLimited)
        return refuse("contact.phone", t("common:api.too_many_sends", { context: error.scope }));
      if (error instanceof IntakeRefusal && error.field) {
        const code = error.issues[0]?.code ?? "invalid";
        // A number's re-ask says what a number is; a helper's own may be abroad, and the re-ask says so.
        const abroad = helping && error.field !== "person.phone";
        if (code === "not_a_phone")
          return refuse(error.field, t(`common:reask.${abroad ? "not_a_phone_abroad" : "not_a_phone"}`));
        return refuse(error.field, t(`common:field.${code}`));
      }
      throw error;
    }
  });

  /**
   * A request's status by reference and phone. Withdrawing asks once ("确定撤回 WX-…吗？") and withdraws
   * on the confirming form's `confirm=yes`: two plain forms, no JavaScript.
   */
  const lookup = async (c: Parameters<typeof clientAddress>[0], withdraw: boolean) => {
    const f = await form(c);
    const t = tFor(langOf(c));
    const typed = { reference: (f.reference ?? "").slice(0, 40), phone: (f.phone ?? "").slice(0, 40) };
    const refuse = (message: string, field?: "reference" | "phone") => {
      setFlash(c, deps, { kind: "status_error", message, typed, ...(field ? { field } : {}) });
      return c.redirect("/status", 303);
    };
    if (typed.reference.trim() === "") return refuse(t("common:portal.referenceMissing"), "reference");
    if (typed.phone.trim() === "") return refuse(t("common:portal.lookupPhoneMissing"), "phone");
    const wait = await deps.statusLimiter.hit(clientAddress(c, deps.trustProxy));
    const reference = normalizeReference(f.reference ?? "");
    if (wait > 0) return refuse(t("common:api.rate_limited"));
    let found = reference ? await deps.requests.statusFor(reference, f.phone ?? "") : null;
    const open = found && found.status !== "closed" && found.status !== "withdrawn";
    const confirmed = f.confirm === "yes";
    if (reference && found && withdraw && open && confirmed) {
      await deps.queue.withdraw(reference, f.phone ?? "");
      found = await deps.requests.statusFor(reference, f.phone ?? "");
    }
    if (!reference || !found) return refuse(t("common:api.not_found"));
    setFlash(c, deps, {
      kind: "status",
      reference,
      phone: f.phone ?? "",
      status: found.status,
      updatedAt: found.updatedAt,
      ...(withdraw && open && !confirmed ? { confirmWithdraw: true } : {}),
    });
    return c.redirect("/status", 303);
  };
  app.post("/status", (c) => lookup(c, false));
  app.post("/status/withdraw", (c) => lookup(c, true));

  return app;
}
