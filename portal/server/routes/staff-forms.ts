// The staff workspace's form posts (plain forms, 303 redirects), on the same rules as the staff API:
// a session, the role and the jurisdiction, every change an event. A note typed when the session has
// ended is kept (sealed, in a one-time cookie) and offered again after signing in.

import { type Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { buildSituation } from "../../../core/interview/build.ts";
import { keepEarlierPrecision } from "../../../core/interview/precision.ts";
import { simulate } from "../../../core/interview/simulate.ts";
import { start } from "../../../core/interview/state.ts";
import { situationSchema } from "../../../core/schema/situation.ts";
import { dateIssues, screen } from "../../../core/screen.ts";
import { shanghaiDate } from "../../../core/sla.ts";
import { CALL_RESULTS, CLOSE_OUTCOMES } from "../../../core/workflow.ts";
import type { ChangeResult } from "../../../db/queue.ts";
import type { Session } from "../../../db/staff.ts";
import type { Lang } from "../../../locales/i18n.ts";
import { clientAddress } from "../client.ts";
import { clearDraft, draftCookie, prefsOf, setDraft, setFlash } from "../cookies.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { formCsrf } from "../form-origin.ts";
import { tFor } from "../lang.ts";
import { clearSessionCookie, hasRole, inScope, sessionCookie, setSessionCookie } from "../staff-auth.ts";
import { NOTE_MAX } from "../staff-schemas.ts";
import { changePassword, signIn } from "./staff/auth.ts";

const safeReturn = (p: unknown) =>
  typeof p === "string" && /^\/staff(\/[\w\-/]*)?(\?[\w\-=&%.]*)?$/.test(p) ? p : "/staff";

export function staffFormRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use("/staff/*", formCsrf(deps));

  const lang = (c: Context): Lang => prefsOf(c, deps).lang ?? "zh-CN";
  const words = (c: Context) => tFor(lang(c));
  const fields = async (c: Context) =>
    Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([k, v]) => [k, typeof v === "string" ? v : ""]),
    );
  const sessionOf = async (c: Context): Promise<Session | null> => {
    const id = getCookie(c, sessionCookie(deps));
    return id ? await deps.staff.session(id) : null;
  };
  const apiWords = (c: Context, error: ApiError) =>
    words(c)(`common:api.${error.code}`, error.values) as string;

  app.post("/staff/login", async (c) => {
    const f = await fields(c);
    const earlier = getCookie(c, sessionCookie(deps));
    try {
      const { account, session } = await signIn(
        deps,
        f.name ?? "",
        f.password ?? "",
        clientAddress(c, deps.trustProxy),
        // A new sign-in on this browser ends whatever session its cookie held.
        earlier,
      );
      setSessionCookie(c, deps, session.id);
      if (f.noteReference && f.noteText) {
        setFlash(c, deps, { kind: "note_kept", reference: f.noteReference, text: f.noteText });
      }
      return c.redirect(account.mustChangePassword ? "/staff/password" : safeReturn(f.return), 303);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // A kept note stays kept through a failed attempt, and so does where to go afterwards.
      if (f.noteReference && f.noteText) {
        setFlash(c, deps, {
          kind: "note_kept",
          reference: f.noteReference,
          text: f.noteText,
          error: apiWords(c, error),
        });
      } else setFlash(c, deps, { kind: "staff_error", message: apiWords(c, error) });
      return c.redirect(`/staff/login?return=${encodeURIComponent(safeReturn(f.return))}`, 303);
    }
  });

  app.post("/staff/logout", async (c) => {
    const id = getCookie(c, sessionCookie(deps));
    const session = id ? await deps.staff.session(id) : null;
    if (id) await deps.staff.closeSession(id);
    if (session) await deps.staff.audit({ kind: "logout", staffId: session.staff.id });
    clearSessionCookie(c, deps);
    // A caller's unfinished intake must not stay on a shared hotline PC.
    const draftId = getCookie(c, draftCookie(deps));
    if (draftId && (await deps.interviews.get(draftId))?.byStaff !== undefined)
      await deps.interviews.remove(draftId);
    if (draftId) clearDraft(c, deps);
    return c.redirect("/staff/login", 303);
  });

  app.post("/staff/password", async (c) => {
    const session = await sessionOf(c);
    if (!session) return c.redirect("/staff/login", 303);
    const f = await fields(c);
    try {
      await changePassword(deps, session.staff, f.current ?? "", f.next ?? "");
      await deps.staff.closeAllSessions(session.staff.id);
      setSessionCookie(c, deps, (await deps.staff.openSession(session.staff.id)).id);
      await deps.staff.audit({ kind: "password_changed", staffId: session.staff.id });
      return c.redirect("/staff", 303);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFlash(c, deps, { kind: "staff_error", message: apiWords(c, error) });
      return c.redirect("/staff/password", 303);
    }
  });

  // Staff-assisted intake: the same interview as residents', filed with channel "staff".
  app.post("/staff/intake", async (c) => {
    const session = await sessionOf(c);
    if (!session || session.staff.mustChangePassword) return c.redirect("/staff/login", 303);
    const id = await deps.interviews.create(
      { state: start(shanghaiDate(deps.now())), lang: lang(c), byStaff: session.staff.id },
      "staff",
    );
    setDraft(c, deps, id);
    return c.redirect("/check", 303);
  });

  /** Every action on one request: signed in, password settled, within the jurisdiction. */
  app.post("/staff/requests/:reference/:action", async (c) => {
    const reference = c.req.param("reference");
    const action = c.req.param("action");
    const page = `/staff/requests/${encodeURIComponent(reference)}`;
    const f = await fields(c);
    const session = await sessionOf(c);
    if (!session || session.staff.mustChangePassword) {
      // The session ended while a note was being written: keep it for after signing in.
      if (action === "notes" && f.text) setFlash(c, deps, { kind: "note_kept", reference, text: f.text });
      return c.redirect(`/staff/login?return=${encodeURIComponent(page)}`, 303);
    }
    const jurisdiction = await deps.queue.jurisdictionOf(reference);
    if (jurisdiction === null || !inScope(session, jurisdiction)) return c.redirect("/staff", 303);
    const me = { id: session.staff.id, name: session.staff.name };
    const supervisor = hasRole(session, "supervisor");
    const sessionId = getCookie(c, sessionCookie(deps)) ?? "";
    /** The phone for the rest of this visit: one audited reveal per visit. */
    const reveal = async () => {
      if (await deps.visits.shown(sessionId, reference)) return;
      if (await deps.queue.revealPhone(reference, me)) await deps.visits.start(sessionId, reference);
    };
    const t = words(c);
    const failed = (r: ChangeResult, keep?: { text: string }) => {
      if (r.ok) return;
      const code =
        r.reason === "taken" ? "already_taken" : r.reason === "not_found" ? "request_not_found" : r.reason;
      const values = r.reason === "needs_attempts" ? { needed: r.needed, made: r.made } : {};
      const message = t(`common:api.${code}`, values);
      // What was typed with the refused change stays in its box.
      if (keep?.text)
        setFlash(c, deps, { kind: "note_kept", reference, text: keep.text, error: message, in: "status" });
      else setFlash(c, deps, { kind: "staff_error", message });
    };
    /** A note over the limit is refused with a message and kept as typed, never cut. */
    const noteTooLong = (text: string, where: "status" | "notes") => {
      if (text.length <= NOTE_MAX) return false;
      const error = t("common:staff.noteTooLong", { maximum: NOTE_MAX, length: text.length });
      setFlash(c, deps, { kind: "note_kept", reference, text, error, in: where });
      return true;
    };
    switch (action) {
      case "claim": {
        // Claimed to call: the record opens with the number to dial.
        const claimed = await deps.queue.claim(reference, me);
        failed(claimed);
        if (claimed.ok) await reveal();
        break;
      }
      case "release":
        failed(await deps.queue.release(reference, me, supervisor));
        break;
      case "reopen":
        if (supervisor) failed(await deps.queue.reopen(reference, me));
        else setFlash(c, deps, { kind: "staff_error", message: t("common:api.forbidden") });
        break;
      case "status": {
        const to = f.to;
        const outcome = (CLOSE_OUTCOMES as readonly string[]).includes(f.outcome ?? "") ? f.outcome : null;
        if (to !== "contacted" && to !== "referred" && to !== "closed") break;
        if (to === "closed" && !outcome) {
          setFlash(c, deps, { kind: "staff_error", message: t("common:api.outcome_required") });
          break;
        }
        const note = f.note?.trim() ?? "";
        if (noteTooLong(note, "status")) break;
        failed(
          await deps.queue.transition(
            reference,
            me,
            to,
            (outcome ?? null) as never,
            supervisor,
            note || undefined,
          ),
          { text: note },
        );
        break;
      }
      case "attempt": {
        const result = CALL_RESULTS.find((r) => r === f.result);
        if (result) failed(await deps.queue.attempt(reference, me, result, supervisor));
        break;
      }
      case "notes": {
        const text = f.text?.trim() ?? "";
        if (text && !noteTooLong(text, "notes")) await deps.queue.note(reference, me, text);
        break;
      }
      case "phone":
        await reveal();
        break;
      case "correct": {
        // The request's latest facts back into the interview's answers, in a draft only this agent
        // may save as the next version; the result page lists the answers to change.
        const stored = await deps.requests.byReference(reference);
        const latest = stored ? (await deps.queue.cases([stored.id])).get(stored.id) : undefined;
        if (!stored || !latest) break;
        // Opening the facts to correct them is a view of the request, audited like the record page.
        await deps.queue.view(reference, me);
        const { state } = simulate(latest.situation, {
          policies: deps.policies,
          today: shanghaiDate(deps.now()),
          helping: stored.applicant.kind === "helper",
        });
        const id = await deps.interviews.create(
          { state, lang: lang(c), byStaff: me.id, amends: reference },
          "staff",
        );
        setDraft(c, deps, id);
        return c.redirect("/check/result", 303);
      }
      case "save-correction": {
        const draftId = getCookie(c, draftCookie(deps));
        const draft = draftId ? await deps.interviews.get(draftId) : null;
        if (!draftId || !draft || draft.amends !== reference || draft.byStaff !== me.id) break;
        const stored = await deps.requests.byReference(reference);
        const before = stored ? (await deps.queue.cases([stored.id])).get(stored.id)?.situation : undefined;
        const built = buildSituation(draft.state);
        const situation = built && before ? keepEarlierPrecision(before, built) : built;
        const checked = situation ? situationSchema.safeParse(situation) : null;
        if (!checked?.success || checked.data.jurisdiction !== jurisdiction) {
          setFlash(c, deps, { kind: "staff_error", message: t("common:api.invalid") });
          break;
        }
        const today = shanghaiDate(deps.now());
        const version = await deps.queue.amend(
          reference,
          me,
          checked.data,
          screen(checked.data, { policies: deps.policies, today }),
        );
        await deps.interviews.remove(draftId);
        clearDraft(c, deps);
        if (version !== null)
          setFlash(c, deps, { kind: "staff_notice", message: t("common:case.corrected", { version }) });
        break;
      }
      case "amend": {
        let parsed: unknown;
        try {
          parsed = JSON.parse(f.situation ?? "");
        } catch {
          setFlash(c, deps, { kind: "staff_error", message: t("common:api.invalid_json") });
          break;
        }
        const checked = situationSchema.safeParse(parsed);
        const today = shanghaiDate(deps.now());
        if (
          !checked.success ||
          checked.data.jurisdiction !== jurisdiction ||
          dateIssues(checked.data, today).length > 0
        ) {
          setFlash(c, deps, { kind: "staff_error", message: t("common:api.invalid") });
          break;
        }
        await deps.queue.amend(
          reference,
          me,
          checked.data,
          screen(checked.data, { policies: deps.policies, today }),
        );
        break;
      }
      default:
        return c.redirect(page, 303);
    }
    return c.redirect(page, 303);
  });

  return app;
}
