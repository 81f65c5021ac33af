// What the bot is built from: the same stores and policies as the server, passed in whole.

import type { TFunction } from "i18next";
import type { SendDetails } from "../core/intake.ts";
import type { InterviewState } from "../core/interview/state.ts";
import type { PolicySet } from "../core/policies/index.ts";
import type { WorkCalendar } from "../core/sla.ts";
import type { SessionStorage } from "../db/bot-sessions.ts";
import type { InterviewStore } from "../db/interviews.ts";
import type { Channel, RequestStore, Submitted } from "../db/requests.ts";
import type { Store } from "../db/store.ts";
import type { Lang } from "../locales/i18n.ts";
import type { TelegramLimits } from "./limits.ts";
import type { ChatSession } from "./session.ts";

/**
 * The server's intake service, as the bot uses it: a finished interview filed through the same checks
 * as every other channel (it throws core's IntakeRefusal when it refuses). The bot never imports
 * portal/server: the composition root hands the service in.
 */
export interface InterviewIntake {
  fileInterview(
    state: InterviewState,
    send: SendDetails,
    options: {
      channel: Channel;
      lang: string;
      idempotencyKey?: string | undefined;
      chatId?: string | undefined;
      consentAt?: string | undefined;
    },
  ): Promise<Submitted>;
}

export interface BotDeps {
  token: string;
  /** Another Bot API server (a self-hosted telegram-bot-api, or a test's stand-in). */
  apiRoot?: string | undefined;
  db: Store;
  requests: RequestStore;
  intake: InterviewIntake;
  interviews: InterviewStore;
  sessions: SessionStorage<ChatSession>;
  policies: PolicySet;
  calendar: WorkCalendar;
  now: () => Date;
  /** Where /web links point. */
  publicUrl: string;
  /** Words per language (tests may wrap them to check that every word sent comes from locales/). */
  words: (lang: Lang) => TFunction;
  /** Where skipped cosmetic failures are told (one line each); console.warn by default. */
  log?: ((line: string) => void) | undefined;
  /** Telegram's sending limits (limits.ts); the published ones by default, null for no throttler. */
  limits?: TelegramLimits | null | undefined;
  /** Known to the caller already: skips getMe at start. */
  botInfo?: import("grammy/types").UserFromGetMe | undefined;
}
