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
    /** Answers a button press that is taken (stops the button's spinner); once per update. */
    pressed(): Promise<void>;
    /**
     * Answers a press no feature took — an old or answered button — with a short toast ("这个按钮已经用过
     * 了"), never silence. Called for every callback query left unanswered once the features have run.
     */
    spent(): Promise<void>;
  };
