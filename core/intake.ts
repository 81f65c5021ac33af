// What every channel does with a finished situation before it is stored: screen it, decide whether it
// is urgent and when the hotline must call back. Pure: the clock's reading is passed in.

import type { ApplicantRelationship } from "./interview/questions.ts";
import type { PolicySet } from "./policies/index.ts";
import type { Screening } from "./schema/screening.ts";
import type { Situation } from "./schema/situation.ts";
import { screen } from "./screen.ts";
import { callbackDue, isUrgent, type WorkCalendar } from "./sla.ts";

export interface Prepared {
  screening: Screening;
  urgent: boolean;
  slaDueAt: Date;
}

export function prepareRequest(
  situation: Situation,
  options: {
    policies: PolicySet;
    now: Date;
    today: string;
    calendar: WorkCalendar;
    /** The working days a non-urgent call-back may take (outreach requests have their own). */
    workingDays?: number | undefined;
  },
): Prepared {
  const screening = screen(situation, { policies: options.policies, today: options.today });
  const urgent = isUrgent(situation);
  return {
    screening,
    urgent,
    slaDueAt: callbackDue(options.now, urgent, options.calendar, options.workingDays),
  };
}

/** One problem the intake found, as data: the field (the submission's path) and a code that locales/ words. */
export interface IntakeIssue {
  code: string;
  field: string | null;
  values: Record<string, unknown>;
}

/**
 * A submission the intake refused: nothing was stored. `code` is "invalid" (see the issues) or
 * "idempotency_conflict" (the key was used for a different submission). Every channel turns it into
 * its own re-ask: a JSON error, a form message, a chat message.
 */
export class IntakeRefusal extends Error {
  constructor(
    readonly code: "invalid" | "idempotency_conflict" | "interview_unfinished",
    readonly issues: IntakeIssue[],
  ) {
    super(`${code}${issues[0]?.field ? ` (${issues[0].field})` : ""}`);
    this.name = "IntakeRefusal";
  }

  get field(): string | null {
    return this.issues[0]?.field ?? null;
  }
}

/**
 * What the send step adds to a finished interview: whom the request is for, who is applying (a helper's
 * name, relationship and own number), one call-back number, and for a helper the basis of consent.
 */
export interface SendDetails {
  /** The number the hotline dials: the helper's own by default when helping, else the person's. */
  phone: string;
  /** The name of the person the request is for (staff must know whom they are calling about). */
  personName?: string | undefined;
  /** A helper's details; their phone may be international. Required when the interview says helping. */
  helper?: { name: string; relationship: ApplicantRelationship; phone: string } | undefined;
  /** The person's own mainland number, when a helper gives it as well. */
  personPhone?: string | undefined;
  /** Required when the interview says someone is helping; ignored otherwise ("self"). */
  basis?: "person_agreed" | "guardian" | undefined;
  /** The privacy notice the person agreed to, when they agreed earlier (the bot asks first). */
  noticeVersion?: string | undefined;
}

/** Which sending limit: per call-back phone, per chat, per client address. */
export type SendScope = "phone" | "chat" | "client";

/** Refused for sending too often: which limit, and the seconds until it lets one through. */
export class SendLimited extends Error {
  constructor(
    readonly scope: SendScope,
    readonly retryAfter: number,
  ) {
    super(`too many requests sent (${scope})`);
  }
}
