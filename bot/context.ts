// The bot's context: grammY's, with the chat session and the words in the chat's language.

import type { Context, SessionFlavor } from "grammy";
import type { TFunction } from "i18next";
import type { Lang } from "../locales/i18n.ts";
import type { ChatSession } from "./session.ts";

export type BotContext = Context &
  SessionFlavor<ChatSession> & {
    lang: Lang;
    t: TFunction;
    /** Runs a cosmetic call (an edit, a toast): a failure is logged and skipped (bot/edits.ts). */
    quietly(what: string, call: () => Promise<unknown>): Promise<boolean>;
  };
