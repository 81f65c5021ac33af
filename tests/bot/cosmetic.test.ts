// Cosmetic calls never stop a conversation: with the Bot API stand-in refusing every edit and every
// button toast — flood control (429), a server error (500), a dropped connection — the resident still
// gets each next question, the result, and a request filed exactly once. Each skipped call is logged.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { quietly } from "../../bot/edits.ts";
import { createI18nSync, QUESTION_T_OPTIONS, questionKey } from "../../locales/i18n.ts";
import { type BotHarness, botHarness } from "./driver.ts";
import { rows, wellOff } from "./situations.ts";

const COSMETIC = ["editMessageText", "editMessageReplyMarkup", "answerCallbackQuery"] as const;
const t = createI18nSync("en");

let b: BotHarness;
beforeEach(async () => {
  b = await botHarness();
});
afterEach(() => b.close());

describe("every cosmetic call fails", { timeout: 30_000 }, () => {
  it.each([429, 500, "network"] as const)(
    "%s: the interview goes on and the request is filed once",
    async (failure) => {
      for (const method of COSMETIC) b.fake.failing.set(method, failure);
      const r = b.user(9100, "en-US");
      await r.send("/start");
      const first = await r.press(t("common:privacy.agree"));
      // The first question still comes after the agreement, whose buttons could not be removed.
      expect(
        first.at(-1)?.text.startsWith(t(questionKey("jurisdiction", "text_self"), QUESTION_T_OPTIONS)),
      ).toBe(true);
      const asked = (await r.session())?.interview?.order.length ?? 0;
      await r.finish(wellOff);
      expect((await r.session())?.interview?.order.length ?? 0).toBeGreaterThan(asked);
      expect((await r.session())?.phase).toBe("result");

      await r.press(t("common:bot.sendToHotline"));
      await r.send("Wang Jianguo");
      await r.contact("+86 138 1234 5678");
      const sent = await r.press(t("common:bot.confirmYes"));
      const reference = sent.map((m) => /WX-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(m.text)?.[0]).find(Boolean);
      expect(reference).toBeDefined();
      expect(await rows(b, "requests")).toBe(1);
      expect((await b.h.deps.requests.byChat("9100")).map((x) => x.reference)).toEqual([reference]);

      // Each failed call was told in one line that names it, and no line carries the chat's words.
      const attempted = b.fake.calls.filter((c) => (COSMETIC as readonly string[]).includes(c.method)).length;
      expect(attempted).toBeGreaterThan(5);
      expect(b.logs.length).toBeGreaterThanOrEqual(attempted);
      for (const line of b.logs) {
        expect(line).toMatch(
          /^bot: cosmetic (editMessageText|editMessageReplyMarkup|answerCallbackQuery) skipped: /,
        );
        expect(line).not.toContain("13812345678");
      }
      if (failure === 429) expect(b.logs[0]).toContain("429");
    },
  );
});

describe("quietly", () => {
  it("logs and skips a call that throws before it is sent (an update without the message to edit)", async () => {
    const lines: string[] = [];
    await quietly(
      "editMessageReplyMarkup",
      () => {
        throw new Error("Missing information for API call to editMessageReplyMarkup");
      },
      (line) => lines.push(line),
    );
    expect(lines).toEqual([
      "bot: cosmetic editMessageReplyMarkup skipped: Missing information for API call to editMessageReplyMarkup",
    ]);
  });

  it("logs nothing when the call succeeds", async () => {
    const lines: string[] = [];
    await quietly(
      "answerCallbackQuery",
      async () => true,
      (line) => lines.push(line),
    );
    expect(lines).toEqual([]);
  });
});
