// The chat never leaves a person guessing, in each language: an old button answers with a toast, /start
// and /restart ask before wiping answers, an unknown command lists the ones that exist, and after
// /forget the bot still speaks the language the person chose.

import type { TFunction } from "i18next";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commandList } from "../../bot/features/commands.ts";
import { createI18nSync, type Lang, QUESTION_T_OPTIONS, questionKey } from "../../locales/i18n.ts";
import { submission } from "../api/harness.ts";
import { type BotHarness, botHarness, type Resident } from "./driver.ts";
import type { ChatMessage } from "./fake-telegram.ts";
import { rows, staleCallback, wellOff } from "./situations.ts";

const LANGUAGES: [Lang, string][] = [
  ["zh-CN", "zh-hans"],
  ["zh-Hant", "zh-hk"],
  ["en", "en-US"],
];
const words = (lang: Lang): TFunction => createI18nSync(lang);
const texts = (messages: ChatMessage[]) => messages.map((m) => m.text);

let b: BotHarness;
beforeEach(async () => {
  b = await botHarness();
});
afterEach(() => b.close());

async function agreed(chatId: number, code: string, t: TFunction, answers: number): Promise<Resident> {
  const r = b.user(chatId, code);
  await r.send("/start");
  await r.press(t("common:privacy.agree"));
  for (let i = 0; i < answers; i++) await r.answerFrom(wellOff);
  return r;
}

/** The toasts the bot gave to button presses (answerCallbackQuery's text), in order. */
const toasts = () =>
  b.fake.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.params.text ?? null);

describe.each(LANGUAGES)("%s", (lang, code) => {
  const t = words(lang);

  it("an answered button gets a toast, not silence, and changes nothing", async () => {
    const r = await agreed(501, code, t, 0);
    const where = r.messages().at(-1);
    const button = where?.reply_markup?.inline_keyboard?.flat()[0];
    await r.answerFrom(wellOff); // the question is answered (its buttons are gone from the message)
    const order = (await r.session())?.interview?.order;
    const again = await r.deliver(
      staleCallback(r, 90_501, where?.message_id ?? 0, button?.callback_data ?? "", code),
    );
    expect(again).toEqual([]);
    expect(toasts().at(-1)).toBe(t("common:bot.buttonUsed"));
    expect((await r.session())?.interview?.order).toEqual(order);
  });

  it("the privacy notice's buttons, pressed again once agreed, get the toast and wipe nothing", async () => {
    const r = await agreed(502, code, t, 2);
    const greeting = r.messages()[0];
    expect(await r.deliver(staleCallback(r, 90_502, greeting?.message_id ?? 0, "consent:no", code))).toEqual(
      [],
    );
    expect(toasts().at(-1)).toBe(t("common:bot.buttonUsed"));
    expect((await r.session())?.interview?.order).toHaveLength(2);
    expect((await r.session())?.consentAt).toBeDefined();
  });

  it("/restart with answers not sent asks first; 'No, carry on' keeps them and asks the same question", async () => {
    const r = await agreed(503, code, t, 3);
    const before = (await r.question())?.key;
    const asked = await r.send("/restart");
    expect(texts(asked)).toEqual([t("common:bot.wipeAsk", { count: 3 })]);
    expect(asked[0]?.reply_markup?.inline_keyboard?.flat().map((k) => k.text)).toEqual([
      t("common:bot.wipeYes"),
      t("common:bot.wipeNo"),
    ]);
    const kept = await r.press(t("common:bot.wipeNo"));
    expect(kept[0]?.text).toBe(t("common:bot.wipeKept"));
    expect((await r.question())?.key).toBe(before);
    expect((await r.session())?.interview?.order).toHaveLength(3);
    // The question comes again, with its buttons, to answer where the person left off.
    expect(kept).toHaveLength(2);
    expect((kept[1]?.reply_markup?.inline_keyboard?.length ?? 0) > 0).toBe(true);
    // Asked again, and now wiped: the first question, consent kept.
    await r.send("/restart");
    const restarted = await r.press(t("common:bot.wipeYes"));
    expect(restarted[0]?.text).toBe(t("common:bot.restarted"));
    expect(
      restarted[1]?.text.startsWith(t(questionKey("jurisdiction", "text_self"), QUESTION_T_OPTIONS)),
    ).toBe(true);
    expect((await r.session())?.interview?.order).toEqual([]);
    expect((await r.session())?.consentAt).toBeDefined();
    // The first ask's "No, carry on", pressed now, is spent: nothing comes back to the wiped check.
    const first = r.messages().find((m) => m.text === t("common:bot.wipeAsk", { count: 3 }));
    expect(await r.deliver(staleCallback(r, 90_503, first?.message_id ?? 0, "wipe:no", code))).toEqual([]);
    expect(toasts().at(-1)).toBe(t("common:bot.buttonUsed"));
  });

  it("/start with answers not sent asks first; yes shows the notice again, with nothing kept", async () => {
    const r = await agreed(504, code, t, 2);
    expect(texts(await r.send("/start"))).toEqual([t("common:bot.wipeAsk", { count: 2 })]);
    const greeted = await r.press(t("common:bot.wipeYes"));
    expect(greeted[0]?.text.startsWith(t("common:bot.greeting"))).toBe(true);
    expect((await r.session())?.phase).toBe("consent");
    expect((await r.session())?.interview).toBeUndefined();
    expect((await r.session())?.consentAt).toBeUndefined();
  });

  it("/start before any answer starts at once", async () => {
    const r = await agreed(505, code, t, 0);
    const greeted = await r.send("/start");
    expect(greeted[0]?.text.startsWith(t("common:bot.greeting"))).toBe(true);
  });

  it("an unknown command lists the commands that exist; /help lists them too", async () => {
    const r = await agreed(506, code, t, 1);
    const unknown = await r.send("/stat");
    expect(unknown[0]?.text).toBe(
      `${t("common:bot.unknownCommand", { command: "/stat" })}\n\n${commandList(t)}`,
    );
    for (const command of ["/start", "/restart", "/status", "/web", "/language", "/forget", "/help"])
      expect(unknown[0]?.text).toContain(command);
    const help = await r.send("/help");
    expect(help[0]?.text).toBe(commandList(t));
    // Then the question still open, so the person can carry on.
    expect(help[1]?.text).toBe(unknown[1]?.text);
  });

  it("after /forget the bot keeps speaking the language chosen with /language", async () => {
    // A client set to another language: the chosen one must win, before and after /forget.
    const other = lang === "en" ? "zh-hans" : "en-US";
    const r = b.user(507, other);
    await r.send("/language");
    await r.press(t(`common:bot.languageNames.${lang}`));
    await r.send("/start");
    await r.press(t("common:privacy.agree"));
    await r.answerFrom(wellOff);
    const forgotten = await r.send("/forget");
    expect(texts(forgotten)).toEqual([t("common:bot.forgotten")]);
    expect(await r.session()).toEqual({ phase: "consent", lang });
    expect(texts(await r.send("5"))).toEqual([t("common:bot.needConsent")]);
    expect(await rows(b, "requests")).toBe(0);
  });

  it("the summary's buttons, after sending, get the toast and file nothing more", async () => {
    const r = await agreed(508, code, t, 0);
    await r.finish(wellOff);
    await r.press(t("common:bot.sendToHotline"));
    await r.send("王建国");
    await r.contact("+8613812345678");
    const summary = [...r.messages()].reverse().find((m) => m.text.startsWith(t("common:bot.confirmIntro")));
    const yes = summary?.reply_markup?.inline_keyboard?.flat()[0]?.callback_data ?? "";
    await r.press(t("common:bot.confirmYes"));
    expect(await rows(b, "requests")).toBe(1);
    expect(await r.deliver(staleCallback(r, 90_508, summary?.message_id ?? 0, yes, code))).toEqual([]);
    expect(toasts().at(-1)).toBe(t("common:bot.buttonUsed"));
    expect(await rows(b, "requests")).toBe(1);
  });

  it("an old result's 'Start again', pressed while a new check is under way, is spent: nothing wiped", async () => {
    const r = await agreed(510, code, t, 0);
    await r.finish(wellOff);
    const result = [...r.messages()]
      .reverse()
      .find((m) => m.reply_markup?.inline_keyboard?.flat().some((k) => k.callback_data === "restart"));
    await r.send("/restart"); // the finished check is unsent: asked first
    await r.press(t("common:bot.wipeYes"));
    await r.answerFrom(wellOff);
    await r.answerFrom(wellOff);
    const order = (await r.session())?.interview?.order;
    expect(order).toHaveLength(2);
    expect(await r.deliver(staleCallback(r, 90_510, result?.message_id ?? 0, "restart", code))).toEqual([]);
    expect(toasts().at(-1)).toBe(t("common:bot.buttonUsed"));
    expect((await r.session())?.interview?.order).toEqual(order);
  });

  it("a chat that has sent 5 today is told so in words, and nothing is filed", async () => {
    const r = await agreed(509, code, t, 0);
    await r.finish(wellOff);
    for (let i = 0; i < 5; i++)
      await b.h.deps.intake.file(submission({ contact: { phone: `1350000000${i}` } }), {
        channel: "bot",
        lang,
        chatId: String(r.chatId),
      });
    await r.press(t("common:bot.sendToHotline"));
    await r.send("王建国");
    await r.contact("+8613812345678");
    const replies = await r.press(t("common:bot.confirmYes"));
    expect(texts(replies)).toEqual([t("common:api.too_many_sends", { context: "chat" })]);
    expect(await rows(b, "requests")).toBe(5);
    expect((await r.session())?.phase).toBe("result"); // the answers are kept for later
  });
});
