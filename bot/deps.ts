// What the bot is built from: the same stores and policies as the server, passed in whole.

import type { TFunction } from "i18next";
import type { PolicySet } from "../core/policies/index.ts";
import type { WorkCalendar } from "../core/sla.ts";
import type { SessionStorage } from "../db/bot-sessions.ts";
import type { Db } from "../db/connection.ts";
import type { InterviewStore } from "../db/interviews.ts";
import type { RequestStore } from "../db/requests.ts";
import type { Lang } from "../locales/i18n.ts";
import type { ChatSession } from "./session.ts";

export interface BotDeps {
  token: string;
  /** Another Bot API server (a self-hosted telegram-bot-api, or a test's stand-in). */
  apiRoot?: string | undefined;
  db: Db;
  requests: RequestStore;
  interviews: InterviewStore;
  sessions: SessionStorage<ChatSession>;
  policies: PolicySet;
  calendar: WorkCalendar;
  now: () => Date;
  /** Where /web links point. */
  publicUrl: string;
  /** Words per language (tests may wrap them to check that every word sent comes from locales/). */
  words: (lang: Lang) => TFunction;
  /** Known to the caller already: skips getMe at start. */
  botInfo?: import("grammy/types").UserFromGetMe | undefined;
}
