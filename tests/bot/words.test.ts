// The bot's code holds no text of its own: every word it sends comes from locales/. The bot is built with
// words that mark each looked-up text ⟦like this⟧; after whole conversations, every message and every
// button the Bot API received must be nothing but marked text, joined by the renderer's few marks.

import type { TFunction } from "i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotifier } from "../../bot/notify.ts";
import { createOutbox } from "../../db/outbox.ts";
import { createI18nSync, type Lang } from "../../locales/i18n.ts";
import { staffClient } from "../api/harness.ts";
import { type BotHarness, botHarness, type Resident } from "./driver.ts";
import type { Call } from "./fake-telegram.ts";
import {
  daughter,
  finishAsHelper,
  jilinMother,
  rows,
  sendAsHelper,
  staleCallback,
  suddenIllness,
  wellOff,
} from "./situations.ts";

/** Each looked-up text, marked. */
const marked = (lang: Lang): TFunction => {
  const t = createI18nSync(lang) as unknown as (key: string, options?: unknown) => string;
  return ((key: string, options?: unknown) => `⟦${t(key, options)}⟧`) as unknown as TFunction;
};

/** What is left of a text once every marked group is taken out, innermost first. */
function unmarked(text: string): string {
  let rest = text;
  for (;;) {
    const shorter = rest.replace(/⟦[^⟦⟧]*⟧/g, "");
    if (shorter === rest) return rest;
    rest = shorter;
  }
}

/** Whitespace and the joiners the locales renderer puts between texts: nothing else may be left. */
const JOINERS = /^[\s■·\-:：，,、→]*$/u;

interface Shown {
  where: string;
  text: string;
}

/** Every message text and button label in the Bot API calls. */
function shownIn(calls: Call[]): Shown[] {
  const out: Shown[] = [];
  calls.forEach((call, i) => {
    const where = `call ${i} ${call.method}`;
    if ((call.method === "sendMessage" || call.method === "editMessageText") && "text" in call.params) {
      out.push({ where, text: String(call.params.text) });
    }
    const markup = call.params.reply_markup as
      | { inline_keyboard?: { text: string }[][]; keyboard?: ({ text: string } | string)[][] }
      | undefined;
    for (const button of markup?.inline_keyboard?.flat() ?? [])
      out.push({ where: `${where} button`, text: button.text });
    for (const button of markup?.keyboard?.flat() ?? []) {
      out.push({ where: `${where} keyboard`, text: typeof button === "string" ? button : button.text });
    }
  });
  return out;
}

describe("the marks themselves", () => {
  it("take out nested groups and leave what is outside them", () => {
    expect(unmarked("⟦a ⟦b⟧ c⟧")).toBe("");
    expect(unmarked("■ ⟦x⟧: ⟦y⟧")).toBe("■ : ");
    expect(unmarked("⟦x⟧ oops")).toBe(" oops");
    expect(JOINERS.test(unmarked("  · ⟦x⟧ → ⟦y⟧、⟦z⟧"))).toBe(true);
    expect(JOINERS.test(unmarked("⟦x⟧ Error"))).toBe(false);
    expect(JOINERS.test(unmarked("⟦x⟧ 35"))).toBe(false);
  });
});

describe("bot code holds no text of its own", { timeout: 60_000 }, () => {
  let b: BotHarness;
  beforeAll(async () => {
    b = await botHarness(marked);
  });
  afterAll(() => b.close());

  async function agree(r: Resident, t: TFunction) {
    await r.send("/start");
    await r.press(t("common:privacy.agree"));
  }

  it("in a self-check, a proxy application, /status, /web, /language, /forget and junk", async () => {
    // A full self-check in English: the result, then "No, not now", a phone that is not one, sent.
    const en = marked("en");
    const self = b.user(1, "en-US");
    await self.send("/status");
    await self.send("/web");
    await agree(self, en);
    await self.other({
      sticker: { file_id: "s", file_unique_id: "u", type: "regular", width: 1, height: 1 },
    });
    await self.send("maybe");
    await self.answerFrom(wellOff);
    await self.answerFrom(wellOff);
    await self.send("👍👍");
    await self.send("99");
    await self.press(en("common:back"));
    await self.finish(suddenIllness);
    await self.other({ photo: [{ file_id: "p", file_unique_id: "q", width: 9, height: 9 }] });
    await self.press(en("common:bot.sendToHotline"));
    await self.send("Wang Jianguo");
    await self.send("12345");
    await self.contact("+86 138 1234 5678");
    await self.press(en("common:bot.confirmNo"));
    await self.press(en("common:bot.sendToHotline"));
    await self.press(en("common:back"));
    await self.press(en("common:bot.sendToHotline"));
    await self.send("Wang Jianguo");
    await self.contact("+86 138 1234 5678");
    await self.press(en("common:bot.confirmYes"));
    await self.other({ location: { latitude: 31.49, longitude: 120.31 } });
    const reference = (await self.session())?.references?.[0] ?? "";
    expect(reference).toMatch(/^WX-/);
    await self.send("/status");
    await self.send(`/status ${reference} 13812345678`);
    await self.send(`/status ${reference} 13900000000`);

    // A proxy application in simplified Chinese, to the reference.
    const zh = marked("zh-CN");
    const helper = b.user(2, "zh-hans");
    await agree(helper, zh);
    await helper.answerFrom(jilinMother);
    await helper.send("/web");
    await helper.send("/language");
    await helper.press(zh("common:bot.languageNames.zh-Hant"));
    const hant = marked("zh-Hant");
    await finishAsHelper(helper, jilinMother, hant);
    await sendAsHelper(helper, hant, { ...daughter, phone: "138 1234 5679", personPhone: "139 0000 2222" });
    await helper.press(hant("common:bot.confirmYes"));
    expect((await helper.session())?.references?.[0]).toMatch(/^JL-/);

    // A stranger's junk, a declined notice, /restart, /forget.
    const other = b.user(3, "zh-hk");
    await other.other({ voice: { file_id: "v", file_unique_id: "w", duration: 2 } });
    await other.send("/start");
    await other.press(hant("common:privacy.decline"));
    await agree(other, hant);
    await other.answerFrom(wellOff);
    await other.send("/restart");
    await other.send("/forget");
    await other.send("/restart");

    // A stale button, and a status change told to the chat.
    await self.deliver(staleCallback(self, 990_001, 1, "a|0|jurisdiction|1", "en-US"));
    const agent = await staffClient(b.h, "li", "agent", "wuxi");
    expect((await agent.post(`/api/staff/requests/${reference}/claim`)).status).toBe(200);
    const notifier = createNotifier({
      api: b.bot.api,
      outbox: createOutbox({ db: b.h.deps.db, now: () => b.h.clock.now }),
      requests: b.h.deps.requests,
      words: marked,
      log: () => {},
    });
    expect(await notifier.runOnce()).toBe(1);
    expect(await rows(b, "requests")).toBe(2);

    const shown = shownIn(b.fake.calls);
    // Everything was there to check: messages, edits, buttons and the contact keyboard.
    const methods = new Set(b.fake.calls.map((c) => c.method));
    expect([...methods]).toEqual(
      expect.arrayContaining(["sendMessage", "editMessageText", "editMessageReplyMarkup"]),
    );
    expect(shown.some((s) => s.where.endsWith("button"))).toBe(true);
    expect(shown.some((s) => s.where.endsWith("keyboard"))).toBe(true);
    expect(shown.length).toBeGreaterThan(100);

    const offending = shown
      .filter((s) => !JOINERS.test(unmarked(s.text)))
      .map((s) => `${s.where}: ${JSON.stringify(unmarked(s.text))} in ${JSON.stringify(s.text)}`);
    expect(offending).toEqual([]);
  });
});
