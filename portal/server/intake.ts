// Filing a request, for every way one arrives: a resident's API call, the portal's form, an agent on
// the phone. Checks what zod cannot (phones, dates against today), screens, sets urgency and the
// call-back deadline, and stores it, idempotently when the caller gives a key.

import { prepareRequest } from "../../core/intake.ts";
import { parsePhone } from "../../core/interview/numbers.ts";
import { futureDateIssues } from "../../core/screen.ts";
import { shanghaiDate } from "../../core/sla.ts";
import { type Channel, IdempotencyConflict, type Submitted } from "../../db/requests.ts";
import type { AppDeps } from "./deps.ts";
import { ApiError, fieldError, invalid } from "./errors.ts";
import type { SubmitBody } from "./schemas.ts";

export async function fileRequest(
  deps: AppDeps,
  body: SubmitBody,
  options: {
    channel: Channel;
    lang: string;
    idempotencyKey?: string | undefined;
    chatId?: string | undefined;
  },
): Promise<Submitted> {
  const phone = parsePhone(body.contact.phone);
  if (!phone) throw fieldError(422, "contact.phone", "not_a_phone");
  const helperPhone = body.applicant.kind === "helper" ? parsePhone(body.applicant.phone) : null;
  if (body.applicant.kind === "helper" && !helperPhone)
    throw fieldError(422, "applicant.phone", "not_a_phone");
  const now = deps.now();
  const today = shanghaiDate(now);
  const dateIssues = futureDateIssues(body.situation, body.situation.asOf ?? today);
  if (dateIssues.length > 0) throw invalid(dateIssues, "situation");
  const prepared = prepareRequest(body.situation, {
    policies: deps.policies,
    now,
    today,
    calendar: deps.calendar,
  });
  try {
    return await deps.requests.submit(
      {
        channel: options.channel,
        situation: body.situation,
        ...prepared,
        applicant:
          body.applicant.kind === "helper"
            ? { ...body.applicant, phone: helperPhone as string }
            : body.applicant,
        person: body.person,
        contactPhone: phone,
        consent: {
          at: now.toISOString(),
          noticeVersion: body.consent.noticeVersion,
          basis: body.consent.basis,
        },
        lang: options.lang,
        chatId: options.chatId,
      },
      options.idempotencyKey === undefined
        ? undefined
        : { key: options.idempotencyKey, fingerprint: JSON.stringify(body) },
    );
  } catch (error) {
    if (error instanceof IdempotencyConflict)
      throw new ApiError(422, "idempotency_conflict", "Idempotency-Key");
    throw error;
  }
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
