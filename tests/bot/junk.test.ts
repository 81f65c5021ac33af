// What people send that the bot cannot use — stickers, photos, voice, files, places, pastes, emoji, text
// where a button is wanted, odd button data, edits — in the middle of the interview: a short, kind
// re-ask and the same question again, and nothing changes. Before consent: the notice first.

import type { TFunction } from "i18next";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commandList } from "../../bot/features/commands.ts";
import { createI18nSync, type Lang } from "../../locales/i18n.ts";
import { type BotHarness, botHarness, type Resident } from "./driver.ts";
import type { ChatMessage } from "./fake-telegram.ts";
import { answerAsHelper, rows, wellOff } from "./situations.ts";

const LANGUAGES: [Lang, string][] = [
  ["zh-CN", "zh-hans"],
  ["zh-Hant", "zh-hk"],
  ["en", "en-US"],
];

const STICKER = {
  sticker: {
    file_id: "CAACAgIAAxkBAAEBcdFlZ3",
    file_unique_id: "AgADsw4AAkb7YEs",
    type: "regular",
    width: 512,
    height: 512,
    is_animated: false,
    is_video: false,
    emoji: "🙏",
    set_name: "HotCherry",
    file_size: 23456,
  },
};
const PHOTO = {
  photo: [
    { file_id: "AgACAgUAAxkBAAIBa1", file_unique_id: "AQADs6kxG1", width: 90, height: 67, file_size: 1433 },
    {
      file_id: "AgACAgUAAxkBAAIBa2",
      file_unique_id: "AQADs6kxG2",
      width: 1280,
      height: 960,
      file_size: 98765,
    },
  ],
  caption: "户口本",
};
const VOICE = {
  voice: {
    file_id: "AwACAgUAAxkBAAIBb",
    file_unique_id: "AgADvw8AAkb7",
    duration: 7,
    mime_type: "audio/ogg",
    file_size: 12034,
  },
};
const DOCUMENT = {
  document: {
    file_id: "BQACAgUAAxkBAAIBc",
    file_unique_id: "AgADwA8AAkb7",
    file_name: "收入证明.pdf",
    mime_type: "application/pdf",
    file_size: 204800,
  },
};
const LOCATION = { location: { latitude: 31.491169, longitude: 120.31191, horizontal_accuracy: 20 } };

let b: BotHarness;
beforeEach(async () => {
  b = await botHarness();
});
afterEach(async () => {
  // Whatever happened, no message showed an error or a stack trace.
  for (const call of b.fake.calls) {
    const text = String(call.params.text ?? "");
    expect(text).not.toMatch(/Error|\bat \S+ \(|\.ts:\d+|node_modules/);
  }
  await b.close();
});

const words = (lang: Lang): TFunction => createI18nSync(lang);
const texts = (messages: ChatMessage[]) => messages.map((m) => m.text);
/** The household question's range, in people: 1 to 10, counting the person checked. */
const PEOPLE = { minimum: 1, maximum: 10 };

/** A chat that has agreed and answered `n` questions as the well-off 无锡 resident would. */
async function midInterview(chatId: number, code: string, t: TFunction, n: number): Promise<Resident> {
  const r = b.user(chatId, code);
  await r.send("/start");
  await r.press(t("common:privacy.agree"));
  for (let i = 0; i < n; i++) await r.answerFrom(wellOff);
  return r;
}

/** Where the chat stands: the open question, the answers, and the question's message as last shown. */
async function standing(r: Resident) {
  const asked = r
    .messages()
    .filter((m) => (m.reply_markup?.inline_keyboard?.length ?? 0) > 0)
    .at(-1);
  return {
    key: (await r.question())?.key,
    answered: (await r.session())?.interview?.order.length,
    answers: JSON.stringify((await r.session())?.interview?.answers),
    text: asked?.text,
    buttons: JSON.stringify(asked?.reply_markup),
  };
}

/** The reply is `words`, then the same question as before, with the same buttons; nothing changed. */
async function expectReask(
  r: Resident,
  before: Awaited<ReturnType<typeof standing>>,
  replies: ChatMessage[],
  words: string,
) {
  expect(texts(replies)).toEqual([words, before.text]);
  expect(replies[0]?.reply_markup).toBeUndefined();
  expect(JSON.stringify(replies[1]?.reply_markup)).toBe(before.buttons);
  const after = await standing(r);
  expect(after.key).toBe(before.key);
  expect(after.answered).toBe(before.answered);
  expect(after.answers).toBe(before.answers);
}

describe.each(LANGUAGES)("%s: junk in the middle of the interview", (lang, code) => {
  const t = words(lang);

  // After where / for whom / how many: the emergency question, with Yes / No buttons.
  const atButtons = (chatId: number) => midInterview(chatId, code, t, 3);
  // After where / for whom: how many people, a typed number.
  const atNumber = (chatId: number) => midInterview(chatId, code, t, 2);

  it.each([
    ["a sticker", STICKER],
    ["a photo", PHOTO],
    ["a voice message", VOICE],
    ["a document", DOCUMENT],
    ["a location", LOCATION],
  ])("%s gets the 'junk' words and the question again", async (_, message) => {
    const r = await atButtons(101);
    expect((await r.question())?.key).toBe("emergency");
    const before = await standing(r);
    await expectReask(r, before, await r.other(message), t("common:bot.junk"));
  });

  it("text where a button is expected gets 'please use a button'", async () => {
    const r = await atButtons(102);
    const before = await standing(r);
    await expectReask(r, before, await r.send("maybe, it is complicated"), t("common:bot.pressButton"));
  });

  it("emoji on a number question are not a number", async () => {
    const r = await atNumber(103);
    expect((await r.question())?.key).toBe("household");
    const before = await standing(r);
    await expectReask(r, before, await r.send("👍👍"), t("common:reask.not_a_number_people", PEOPLE));
  });

  it("a 10,000-character paste on a number question is not a number", async () => {
    const r = await atNumber(104);
    const before = await standing(r);
    const paste = "家里困难，".repeat(2000);
    expect(paste).toHaveLength(10_000);
    await expectReask(r, before, await r.send(paste), t("common:reask.not_a_number_people", PEOPLE));
  });

  it("a number out of range on a number question says the limit", async () => {
    const r = await atNumber(105);
    const before = await standing(r);
    // The household's own rule, in people: "人数写 1 到 10 之间的数（算上被测算的人）。"
    await expectReask(r, before, await r.send("40"), t("common:reask.too_big_people", PEOPLE));
  });

  it("typed 不知道 / 返回 do what their buttons do: the household size must be answered (re-asked), and 返回 goes back one question", async () => {
    const r = await atNumber(107);
    const before = await standing(r);
    await expectReask(r, before, await r.send("不知道"), t("common:reask.required"));
    await r.send("返回");
    const after = await standing(r);
    expect(after.answered).toBe((before.answered ?? 0) - 1);
    expect(after.key).not.toBe(before.key);
  });

  it("a button with garbage data changes nothing", async () => {
    const r = await atButtons(106);
    const before = await standing(r);
    const calls = b.fake.calls.length;
    await r.deliver(garbageCallback(r, 800_001, code));
    expect(await standing(r)).toEqual(before);
    // The press is answered first, so the client stops its spinner.
    expect(b.fake.calls.slice(calls).map((c) => c.method)[0]).toBe("answerCallbackQuery");
  });

  // Anything unexpected gets "a short, kind re-ask of where the chat stands", a made-up button too.
  it("a button with garbage data gets a re-ask", async () => {
    const r = await atButtons(107);
    const before = await standing(r);
    const replies = await r.deliver(garbageCallback(r, 800_002, code));
    expect(texts(replies)).toEqual([t("common:bot.junk"), before.text]);
  });

  it("an edited message changes nothing", async () => {
    const r = await atNumber(108);
    await r.send("3");
    const before = await standing(r);
    await r.deliver(editedMessage(r, 800_003, code, "5"));
    expect(await standing(r)).toEqual(before);
    expect((await r.session())?.interview?.answers.household).toEqual({ value: "other,other" });
  });

  // A person who corrects a typed answer (3 → 5 people) is told the correction was not taken.
  it("an edited message gets a re-ask", async () => {
    const r = await atNumber(109);
    await r.send("3");
    const before = await standing(r);
    const replies = await r.deliver(editedMessage(r, 800_004, code, "5"));
    expect(texts(replies)).toEqual([t("common:bot.junk"), before.text]);
  });

  it("a command the bot does not know gets the list of those that exist, and the question again", async () => {
    const r = await atButtons(110);
    const before = await standing(r);
    await expectReask(
      r,
      before,
      await r.send("/stat"),
      `${t("common:bot.unknownCommand", { command: "/stat" })}\n\n${commandList(t)}`,
    );
  });
});

describe("junk outside the interview", () => {
  it.each(LANGUAGES)("%s: before consent, anything gets the 'agree first' words", async (lang, code) => {
    const t = words(lang);
    const r = b.user(201, code);
    const needConsent = t("common:bot.needConsent");
    // A stranger who never sent /start.
    expect(texts(await r.other(STICKER))).toEqual([needConsent]);
    expect(texts(await r.send("你好"))).toEqual([needConsent]);
    // After /start, before pressing "I agree".
    await r.send("/start");
    expect(texts(await r.other(PHOTO))).toEqual([needConsent]);
    expect(texts(await r.send("35"))).toEqual([needConsent]);
    expect(texts(await r.other(VOICE))).toEqual([needConsent]);
    expect(texts(await r.send("/restart"))).toEqual([needConsent]);
    expect((await r.session())?.interview).toBeUndefined();
    expect((await r.session())?.consentAt).toBeUndefined();
    expect(await rows(b, "requests")).toBe(0);
  });

  it("while the call-back number is asked, a sticker gets that question again", async () => {
    const t = words("en");
    const r = await midInterview(202, "en-US", t, 0);
    await r.finish(wellOff);
    await r.press(t("common:bot.sendToHotline"));
    await r.send("Wang Jianguo");
    expect(texts(await r.other(STICKER))).toEqual([t("common:bot.askPhone")]);
    expect((await r.session())?.phase).toBe("send");
    expect((await r.session())?.send).toEqual({ step: "phone", personName: "Wang Jianguo" });
  });

  it("after the result, a sticker says the check is finished", async () => {
    const t = words("zh-CN");
    const r = await midInterview(203, "zh-hans", t, 0);
    await r.finish(wellOff);
    expect(texts(await r.other(STICKER))).toEqual([t("common:bot.done")]);
    expect((await r.session())?.phase).toBe("result");
  });
});

describe("long typed answers", () => {
  // A typed answer is shown back as understood, so an answer as long as Telegram allows (4,096
  // characters) that still parses — "3" after leading zeros — cannot push the edit over the limit.
  it("the answer shown back stays within Telegram's 4,096 characters", async () => {
    const t = words("en");
    const r = await midInterview(301, "en-US", t, 2);
    const typed = `${"0".repeat(4095)}3`;
    expect(typed).toHaveLength(4096);
    await r.send(typed);
    const long = b.fake.calls.filter((c) => String(c.params.text ?? "").length > 4096);
    expect(long.map((c) => c.method)).toEqual([]);
  });

  it("a helper's name longer than 60 characters is asked again at the send step", async () => {
    const t = words("zh-CN");
    const r = await midInterview(302, "zh-hans", t, 0);
    for (let i = 0; i < 60 && (await r.question()); i++) await answerAsHelper(r, wellOff, t);
    await r.press(t("common:bot.sendToHotline"));
    await r.press(t("common:applicant.relationship.child"));
    const again = await r.send("王".repeat(61));
    expect(again.map((m) => m.text)).toEqual([
      t("common:apply.nameTooLong", { maximum: 60 }),
      `${t("common:applicant.name")}\n${t("common:applicant.nameHelp")}`,
    ]);
    expect((await r.session())?.send).toEqual({ step: "helperName", relationship: "child" });
  });
});

function garbageCallback(r: Resident, updateId: number, code: string): Record<string, unknown> {
  const chat = { id: r.chatId, type: "private", first_name: "居民" };
  return {
    update_id: updateId,
    callback_query: {
      id: `garbage-${updateId}`,
      from: { id: r.chatId, is_bot: false, first_name: "居民", language_code: code },
      chat_instance: String(r.chatId),
      data: "a|9x|<script>|%%",
      message: { message_id: r.last()?.message_id ?? 0, date: 0, chat, text: "" },
    },
  };
}

function editedMessage(r: Resident, updateId: number, code: string, text: string): Record<string, unknown> {
  const sent = (r.lastUpdate().message ?? {}) as { message_id?: number; date?: number };
  return {
    update_id: updateId,
    edited_message: {
      message_id: sent.message_id ?? 1,
      date: sent.date ?? 0,
      edit_date: (sent.date ?? 0) + 30,
      chat: { id: r.chatId, type: "private", first_name: "居民" },
      from: { id: r.chatId, is_bot: false, first_name: "居民", language_code: code },
      text,
    },
  };
}
