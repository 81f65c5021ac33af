// A resident in a Telegram chat, for tests: updates go to the real bot (createBot) in this process,
// the bot's calls go over HTTP to the local Bot API stand-in, and the chat's messages are read back
// from it. The current question is read from the stored session (the test needs to know what is
// asked, to answer as a person who knows their facts would).

import type { TFunction } from "i18next";
import { createBot } from "../../bot/create.ts";
import type { TelegramLimits } from "../../bot/limits.ts";
import type { ChatSession } from "../../bot/session.ts";
import { type AskedQuestion, next } from "../../core/interview/next.ts";
import { answerFrom } from "../../core/interview/simulate.ts";
import type { Situation } from "../../core/schema/situation.ts";
import { createBotSessionStorage } from "../../db/bot-sessions.ts";
import { createI18nSync, type Lang, pickLang } from "../../locales/i18n.ts";
import { renderQuestion } from "../../locales/render.ts";
import { type Harness, harness } from "../api/harness.ts";
import { BOT_INFO, type ChatMessage, type FakeTelegram, startFakeTelegram } from "./fake-telegram.ts";

export interface BotHarness {
  h: Harness;
  fake: FakeTelegram;
  bot: ReturnType<typeof createBot>;
  sessions: ReturnType<typeof createBotSessionStorage<ChatSession>>;
  /** A new bot over the same database and Bot API: a restart of the process (with other limits). */
  restart(limits?: TelegramLimits | null): void;
  /** What the bot logged (skipped cosmetic calls), one line each. */
  logs: string[];
  user(chatId: number, languageCode?: string): Resident;
  close(): Promise<void>;
}

export interface Resident {
  chatId: number;
  /** Every message in the chat, as it stands now. */
  messages(): ChatMessage[];
  last(): ChatMessage | undefined;
  send(text: string): Promise<ChatMessage[]>;
  /** Presses the button with this label on the newest message that has it. */
  press(label: string): Promise<ChatMessage[]>;
  contact(phone: string): Promise<ChatMessage[]>;
  other(message: Record<string, unknown>): Promise<ChatMessage[]>;
  /** The update last sent, to deliver it again. */
  lastUpdate(): Record<string, unknown>;
  deliver(update: Record<string, unknown>): Promise<ChatMessage[]>;
  session(): Promise<ChatSession | undefined>;
  question(): Promise<AskedQuestion | null>;
  /** Answers the current question from the situation (a button press or typed text). */
  answerFrom(s: Situation): Promise<ChatMessage[]>;
  /** Answers until the result is shown. */
  finish(s: Situation): Promise<ChatMessage[]>;
}

export const realWords = (lang: Lang): TFunction => createI18nSync(lang);

/**
 * The bot against a fresh stand-in. The stand-in has no sending limits, so by default the bot has no
 * throttler (auto-retry still runs); a test of the limits passes Telegram's own.
 */
export async function botHarness(
  words: (lang: Lang) => TFunction = realWords,
  limits: TelegramLimits | null = null,
): Promise<BotHarness> {
  const h = await harness();
  const fake = await startFakeTelegram();
  const sessions = createBotSessionStorage<ChatSession>({
    db: h.deps.db,
    vault: h.deps.vault,
    now: () => h.clock.now,
  });
  const make = (chosen: TelegramLimits | null) =>
    createBot({
      token: "123:TEST",
      apiRoot: fake.url,
      db: h.deps.db,
      requests: h.deps.requests,
      intake: h.deps.intake,
      interviews: h.deps.interviews,
      sessions,
      policies: h.deps.policies,
      calendar: h.deps.calendar,
      now: () => h.clock.now,
      publicUrl: "https://portal.example",
      words,
      botInfo: BOT_INFO,
      limits: chosen,
      log: (line: string) => {
        harnessObject.logs.push(line);
      },
    });
  let updateId = 1;
  const harnessObject: BotHarness = {
    h,
    fake,
    bot: make(limits),
    sessions,
    logs: [],
    restart(next = limits) {
      harnessObject.bot = make(next);
    },
    user(chatId, languageCode = "zh-CN") {
      const from = { id: chatId, is_bot: false, first_name: "居民", language_code: languageCode };
      const chat = { id: chatId, type: "private" as const, first_name: "居民" };
      let last: Record<string, unknown> = {};
      const messages = () => fake.messages.get(chatId) ?? [];
      const deliver = async (update: Record<string, unknown>) => {
        last = update;
        const before = messages().length;
        await harnessObject.bot.handleUpdate(update as never);
        return messages().slice(before);
      };
      const message = (extra: Record<string, unknown>) =>
        deliver({
          update_id: updateId++,
          message: {
            message_id: updateId * 10,
            date: Math.floor(h.clock.now.getTime() / 1000),
            chat,
            from,
            ...extra,
          },
        });
      const resident: Resident = {
        chatId,
        messages,
        last: () => messages()[messages().length - 1],
        send: (text) =>
          message({
            text,
            ...(text.startsWith("/")
              ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 0 }] }
              : {}),
          }),
        async press(label) {
          const holder = [...messages()]
            .reverse()
            .find((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => b.text === label));
          const button = holder?.reply_markup?.inline_keyboard?.flat().find((b) => b.text === label);
          if (!holder || !button?.callback_data) throw new Error(`no button "${label}" in chat ${chatId}`);
          return deliver({
            update_id: updateId++,
            callback_query: {
              id: String(updateId),
              from,
              chat_instance: String(chatId),
              data: button.callback_data,
              message: { message_id: holder.message_id, date: 0, chat, text: holder.text },
            },
          });
        },
        contact: (phone) =>
          message({ contact: { phone_number: phone, first_name: "居民", user_id: chatId } }),
        other: (extra) => message(extra),
        lastUpdate: () => last,
        deliver,
        session: () => sessions.read(String(chatId)),
        async question() {
          const state = (await resident.session())?.interview;
          if (!state) return null;
          const step = next(state, { policies: h.deps.policies });
          return step.done ? null : step.question;
        },
        async answerFrom(s) {
          const q = await resident.question();
          if (!q) throw new Error("no question is open");
          const state = (await resident.session())?.interview;
          const raw = answerFrom(s, q, state?.asOf ?? "2026-11-27");
          const t = words((await resident.session())?.lang ?? pickLang(languageCode));
          if (typeof raw === "object") return resident.press(t("common:dontKnow"));
          const rendered = renderQuestion(t, q);
          const labelOf = (value: string) => rendered.options.find((o) => o.value === value)?.label ?? value;
          if (q.kind === "roster") {
            // One "+ relation" press per person, then "That's everyone" (or "No one else" alone).
            if (raw === "alone") {
              const subject = q.subject === "helping" ? "helping" : "self";
              return resident.press(t(`common:roster.alone_${subject}`));
            }
            for (const code of String(raw).split(","))
              await resident.press(t("common:roster.add", { label: labelOf(code) }));
            return resident.press(t("common:roster.done"));
          }
          if (q.kind === "members" || q.kind === "multi") {
            // Tick each one picked, then "Done"; or "No one" / "None of these".
            if (raw === "none")
              return resident.press(t(q.kind === "members" ? "common:pick.none" : "common:pick.noneOfThese"));
            for (const value of String(raw).split(",")) {
              const n = q.kind === "members" ? value : String((q.options ?? []).indexOf(value) + 1);
              await resident.press(t("common:pick.numbered", { n, label: labelOf(value) }));
            }
            return resident.press(t("common:pick.done"));
          }
          const options =
            q.kind === "yesno"
              ? ["yes", "no"]
              : q.kind === "dateOrNo" && raw === "no"
                ? ["no"]
                : (q.options ?? []);
          const i = options.indexOf(String(raw));
          if (i >= 0) {
            const holder = resident.last();
            const label = holder?.reply_markup?.inline_keyboard?.[i]?.[0]?.text;
            if (!label) throw new Error(`no option ${i} for ${q.key}`);
            return resident.press(label);
          }
          return resident.send(String(raw));
        },
        async finish(s) {
          const seen: ChatMessage[] = [];
          for (let i = 0; i < 200 && (await resident.question()); i++)
            seen.push(...(await resident.answerFrom(s)));
          return seen;
        },
      };
      return resident;
    },
    async close() {
      await fake.close();
      await h.close();
    },
  };
  return harnessObject;
}
