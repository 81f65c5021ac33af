// What the bot keeps per chat (in the store, sealed): where the conversation stands and the shared
// interview's state. Plain JSON, like the interview state inside it.

import type { InterviewState } from "../core/interview/state.ts";
import type { Lang } from "../locales/i18n.ts";

export type Phase = "consent" | "interview" | "result" | "phone" | "confirm" | "sent";

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
  /** The call-back number being confirmed. */
  phone?: string;
  /** Idempotency for the confirm button: the same confirmation files one request. */
  submitKey?: string;
  references?: string[];
}

export const initialSession = (): ChatSession => ({ phase: "consent" });
