// What the bot keeps per chat (in the store, sealed): where the conversation stands and the shared
// interview's state. Plain JSON, like the interview state inside it.

import type { ApplicantRelationship } from "../core/interview/questions.ts";
import type { InterviewState } from "../core/interview/state.ts";
import type { Lang } from "../locales/i18n.ts";

export type Phase = "consent" | "interview" | "result" | "send" | "confirm" | "sent";

/** The send step's questions (bot/features/submit.ts): asked only once the person chooses to send. */
export type SendStep =
  | "relationship"
  | "helperName"
  | "personName"
  | "phone"
  | "personPhoneOffer"
  | "personPhone"
  | "basis";

export interface ChatSession {
  /** Chosen with /language, else what Telegram reports. */
  lang?: Lang;
  phase: Phase;
  /** When the person agreed to the privacy notice (ISO), and which notice. */
  consentAt?: string;
  noticeVersion?: string;
  interview?: InterviewState;
  /**
   * A roster or pick-list being built with buttons, before "Done": the question's key and step, and the
   * roster's relations or the members picked so far.
   */
  picking?: { key: string; step: number; values: string[] };
  /** The message that asks the open question: edited to show the answer once it is given. */
  questionMessageId?: number;
  /** The send step's answers so far, and which question it is on. */
  send?: {
    step?: SendStep;
    relationship?: ApplicantRelationship;
    helperName?: string;
    personName?: string;
    /** The call-back number: the helper's own when helping (may be abroad), else the person's. */
    phone?: string;
    personPhone?: string;
    /** A helper's basis for sending: the person agreed, or the helper is their legal guardian. */
    basis?: "person_agreed" | "guardian";
  };
  /** The phone step's contact keyboard is up: the next message with buttons takes it away. */
  contactKeyboard?: boolean;
  /** Idempotency for the confirm button: the same confirmation files one request. */
  submitKey?: string;
  references?: string[];
}

export const initialSession = (): ChatSession => ({ phase: "consent" });

/**
 * Deletes everything the chat holds — answers, consent, references — except a language the person
 * chose, so that what the bot says next is still in it. With no language chosen the session is gone.
 */
export function forgetAllButLanguage(ctx: { session: ChatSession | null | undefined }): void {
  const lang = ctx.session?.lang;
  ctx.session = lang ? { ...initialSession(), lang } : null;
}
