// The one intake service: every channel files through it — the API, the portal's form, the bot, an
// agent on the phone, and the jobs that file requests later. It validates the submission (the schema
// and what zod cannot check: phones, dates against today), screens it, sets urgency and the call-back
// deadline, and stores it sealed, idempotently when the caller gives a key. A refusal is an
// IntakeRefusal (data: code, field, values) and nothing is stored.

import { listedPrograms, outreachKey } from "../../core/discover/worklist.ts";
import { type IntakeIssue, IntakeRefusal, prepareRequest, type SendDetails } from "../../core/intake.ts";
import { buildSituation } from "../../core/interview/build.ts";
import { isInternational, parseAnyPhone, parsePhone } from "../../core/interview/numbers.ts";
import { answerOf, type InterviewState } from "../../core/interview/state.ts";
import type { PolicySet } from "../../core/policies/index.ts";
import { fieldIssues } from "../../core/schema/issues.ts";
import { situationSchema } from "../../core/schema/situation.ts";
import { dateIssues } from "../../core/screen.ts";
import { OUTREACH_WORKING_DAYS, shanghaiDate, type WorkCalendar } from "../../core/sla.ts";
import { type Channel, IdempotencyConflict, type RequestStore, type Submitted } from "../../db/requests.ts";
import { PRIVACY_NOTICE_VERSION } from "../../locales/notice.ts";
import { ApiError } from "./errors.ts";
import { type SubmitBody, submitBodySchema } from "./schemas.ts";
import type { SendLimits } from "./send-limits.ts";

export interface FileOptions {
  channel: Channel;
  lang: string;
  idempotencyKey?: string | undefined;
  /** The Telegram chat to tell of status changes. */
  chatId?: string | undefined;
  /** When the person agreed, when that was before this moment (the bot asks first); else now. */
  consentAt?: string | undefined;
  /** The sender's client address (API and portal), for the loose per-address limit. */
  client?: string | undefined;
}

export type { SendDetails };

/**
 * A household found in the office's low-income register (主动发现): filed on the office's statutory
 * duty, not on consent, with the register's contact as the call-back.
 */
export interface OutreachFiling {
  /** The household's id in the register. */
  registerId: string;
  /** Which register (its file's name), recorded with the basis. */
  register: string;
  situation: unknown;
  contact: { name?: string | undefined; phone: string };
}

/** The law the office's duty to find people in need rests on (社会救助暂行办法, 主动发现). */
export const OUTREACH_LAW = "社会救助暂行办法";

export interface Intake {
  /** Files a submission in the API's shape (checked here whatever the caller checked before). */
  file(body: unknown, options: FileOptions): Promise<Submitted>;
  /** Files a finished interview, as the portal's form, the bot and staff intake hold it. */
  fileInterview(state: InterviewState, send: SendDetails, options: FileOptions): Promise<Submitted>;
  /**
   * Files an outreach request. Idempotent on the register id and the programs' outcomes: filing the same
   * household again files nothing new unless its results changed (created: false).
   */
  fileOutreach(filing: OutreachFiling): Promise<Submitted>;
}

export interface IntakeDeps {
  requests: RequestStore;
  policies: PolicySet;
  calendar: WorkCalendar;
  now: () => Date;
  /** Anonymous sending limits (send-limits.ts); staff intake is not limited. */
  sendLimits?: SendLimits | undefined;
  /** Working days for an outreach request's call-back (OUTREACH_WORKING_DAYS). */
  outreachWorkingDays?: number | undefined;
}

const refuse = (field: string, code: string, values: Record<string, unknown> = {}) =>
  new IntakeRefusal("invalid", [{ code, field, values }]);

/** A finished interview in the API's shape: one translation for every channel that interviews. */
export function submissionFromInterview(state: InterviewState, send: SendDetails): SubmitBody | null {
  const situation = buildSituation(state);
  if (!situation) return null;
  const helping = answerOf(state, "helping") === "helping";
  const person = {
    ...(send.personName ? { name: send.personName } : {}),
    ...(helping && send.personPhone ? { phone: send.personPhone } : {}),
  };
  return {
    situation,
    contact: { phone: send.phone },
    applicant: helping
      ? {
          kind: "helper",
          // A helper who gave no name is still a helper: the agent asks on the call.
          name: send.helper?.name || "-",
          relationship: send.helper?.relationship ?? "other",
          phone: send.helper?.phone ?? send.phone,
        }
      : { kind: "self", ...(send.personName ? { name: send.personName } : {}) },
    ...(Object.keys(person).length > 0 ? { person } : {}),
    consent: {
      given: true,
      noticeVersion: PRIVACY_NOTICE_VERSION,
      basis: helping ? (send.basis as never) : "self",
    },
  };
}

export function createIntake(deps: IntakeDeps): Intake {
  /** Keyed submissions being filed now (this process): a concurrent retry waits for the same one. */
  const inflight = new Map<string, { fingerprint: string; done: Promise<Submitted> }>();

  async function file(raw: unknown, options: FileOptions): Promise<Submitted> {
    const parsed = submitBodySchema.safeParse(raw);
    if (!parsed.success) {
      const issues: IntakeIssue[] = fieldIssues(parsed.error).map((i) => ({
        code: i.code,
        field: i.path,
        values: i.values,
      }));
      throw new IntakeRefusal("invalid", issues);
    }
    const body = parsed.data;
    // A helper's own number may be abroad (E.164); the person's is a mainland mobile.
    const helperPhone = body.applicant.kind === "helper" ? parseAnyPhone(body.applicant.phone) : null;
    if (body.applicant.kind === "helper" && !helperPhone) throw refuse("applicant.phone", "not_a_phone");
    // The hotline dials a mainland mobile, or the helper abroad on their own number.
    const given = parseAnyPhone(body.contact.phone);
    const phone =
      given && (!isInternational(given) || given === helperPhone) ? given : parsePhone(body.contact.phone);
    if (!phone) throw refuse("contact.phone", "not_a_phone");
    const personPhone = body.person?.phone === undefined ? undefined : parsePhone(body.person.phone);
    if (personPhone === null) throw refuse("person.phone", "not_a_phone");
    const now = deps.now();
    const today = shanghaiDate(now);
    const dated = dateIssues(body.situation, today);
    if (dated.length > 0) {
      throw new IntakeRefusal(
        "invalid",
        dated.map((i) => ({
          code: i.code,
          field: i.path ? `situation.${i.path}` : "situation",
          values: i.values,
        })),
      );
    }
    // A retry of a request already filed — or being filed right now — is not a new send: it gets that
    // request's reference back, uncounted (a different body under the same key is still a conflict).
    const fingerprint = JSON.stringify(body);
    const keyed =
      options.idempotencyKey === undefined ? null : `${options.channel}\0${options.idempotencyKey}`;
    const pending = keyed ? inflight.get(keyed) : undefined;
    if (pending) {
      if (pending.fingerprint !== fingerprint)
        throw new IntakeRefusal("idempotency_conflict", [
          { code: "idempotency_conflict", field: "Idempotency-Key", values: {} },
        ]);
      return { ...(await pending.done), created: false };
    }
    // Registered as in flight before the first await, so a retry arriving meanwhile waits for this one.
    const filing = (async () => {
      const replay =
        options.idempotencyKey !== undefined &&
        (await deps.requests.byIdempotencyKey(options.channel, options.idempotencyKey)) !== null;
      // Sending limits, before anything is written: per phone, chat and address (staff are not limited).
      const limited = options.channel !== "staff" && !replay ? deps.sendLimits : undefined;
      const { flag } = (await limited?.take({ phone, chat: options.chatId, client: options.client })) ?? {};
      const prepared = prepareRequest(body.situation, {
        policies: deps.policies,
        now,
        today,
        calendar: deps.calendar,
      });
      return deps.requests.submit(
        {
          channel: options.channel,
          situation: body.situation,
          ...prepared,
          applicant:
            body.applicant.kind === "helper"
              ? { ...body.applicant, phone: helperPhone as string }
              : body.applicant,
          person: body.person && { ...body.person, ...(personPhone ? { phone: personPhone } : {}) },
          contactPhone: phone,
          basis: {
            kind: "consent",
            at: options.consentAt ?? now.toISOString(),
            noticeVersion: body.consent.noticeVersion,
            basis: body.consent.basis,
          },
          lang: options.lang,
          chatId: options.chatId,
          ...(flag ? { flag } : {}),
        },
        options.idempotencyKey === undefined ? undefined : { key: options.idempotencyKey, fingerprint },
      );
    })();
    if (keyed) {
      inflight.set(keyed, { fingerprint, done: filing });
      filing.then(
        () => inflight.delete(keyed),
        () => inflight.delete(keyed),
      );
    }
    try {
      return await filing;
    } catch (error) {
      if (error instanceof IdempotencyConflict)
        throw new IntakeRefusal("idempotency_conflict", [
          { code: "idempotency_conflict", field: "Idempotency-Key", values: {} },
        ]);
      throw error;
    }
  }

  async function fileOutreach(filing: OutreachFiling): Promise<Submitted> {
    const parsed = situationSchema.safeParse(filing.situation);
    if (!parsed.success) {
      throw new IntakeRefusal(
        "invalid",
        fieldIssues(parsed.error).map((i) => ({
          code: i.code,
          field: i.path ? `situation.${i.path}` : "situation",
          values: i.values,
        })),
      );
    }
    const phone = parsePhone(filing.contact.phone);
    if (!phone) throw refuse("contact.phone", "not_a_phone");
    const name = filing.contact.name?.trim() || undefined;
    const now = deps.now();
    const today = shanghaiDate(now);
    const dated = dateIssues(parsed.data, today);
    if (dated.length > 0) throw refuse(`situation.${dated[0]?.path}`, dated[0]?.code ?? "invalid");
    const prepared = prepareRequest(parsed.data, {
      policies: deps.policies,
      now,
      today,
      calendar: deps.calendar,
      workingDays: deps.outreachWorkingDays ?? OUTREACH_WORKING_DAYS,
    });
    const listed = listedPrograms(parsed.data, prepared.screening);
    if (listed.length === 0) throw refuse("situation", "no_open_program");
    const key = outreachKey(filing.registerId, listed);
    return deps.requests.submit(
      {
        channel: "outreach",
        situation: parsed.data,
        ...prepared,
        applicant: { kind: "self", ...(name ? { name } : {}) },
        person: { ...(name ? { name } : {}), registerId: filing.registerId },
        contactPhone: phone,
        basis: {
          kind: "statutory_duty",
          at: now.toISOString(),
          law: OUTREACH_LAW,
          register: filing.register,
        },
        lang: "zh-CN",
      },
      { key, fingerprint: key },
    );
  }

  return {
    file,
    fileOutreach,
    fileInterview(state, send, options) {
      const body = submissionFromInterview(state, send);
      if (!body) return Promise.reject(new IntakeRefusal("interview_unfinished", []));
      return file(body, options);
    },
  };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

/** The Idempotency-Key header, checked: printable ASCII, 8–200 characters. */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new ApiError(400, "invalid", "Idempotency-Key", [
      { code: "invalid", field: "Idempotency-Key", values: {} },
    ]);
  }
  return header;
}
