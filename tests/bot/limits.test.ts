// Telegram's sending limits, with the stand-in answering as Telegram does when a bot sends too fast:
// 429 with `retry_after`. The person still gets the reply (after the wait), status notifications drain
// at the allowed rate — never more than 30 a second — and nothing is sent twice.

import { afterEach, describe, expect, it } from "vitest";
import { TELEGRAM_LIMITS } from "../../bot/limits.ts";
import { createNotifier } from "../../bot/notify.ts";
import { createOutbox } from "../../db/outbox.ts";
import { createI18nSync, type Lang } from "../../locales/i18n.ts";
import { type BotHarness, botHarness, realWords } from "./driver.ts";
import { wellOff } from "./situations.ts";

let b: BotHarness;
afterEach(() => b.close());

const LANGUAGES: [Lang, string][] = [
  ["zh-CN", "zh-hans"],
  ["zh-Hant", "zh-hk"],
  ["en", "en-US"],
];

describe("flood control (429 with retry_after)", { timeout: 60_000 }, () => {
  it.each(LANGUAGES)("%s: the reply arrives after the wait, once", async (lang, code) => {
    b = await botHarness(realWords, TELEGRAM_LIMITS);
    const t = createI18nSync(lang);
    const r = b.user(9300, code);
    // Telegram refuses the first reply: "Too Many Requests: retry after 1".
    b.fake.flood("sendMessage", 1, 1);
    const shown = await r.send("/start");
    expect(shown.map((m) => m.text.split("\n\n")[0])).toEqual([t("common:bot.greeting")]);
    const tries = b.fake.calls.filter((c) => c.method === "sendMessage");
    expect(tries).toHaveLength(2); // refused, then sent
    expect((tries[1]?.at ?? 0) - (tries[0]?.at ?? 0)).toBeGreaterThanOrEqual(900); // it waited
    expect(r.messages()).toHaveLength(1);
    expect(b.logs).toEqual([]);
  });

  it("status notifications to 45 chats drain at no more than 30 a second, each sent once, through a 429", async () => {
    b = await botHarness();
    const t = createI18nSync("zh-CN");
    // One finished check, filed from 45 chats (as 45 residents would each file theirs); then the bot
    // under Telegram's limits sends the news.
    const r = b.user(9400, "zh-hans");
    await r.send("/start");
    await r.press(t("common:privacy.agree"));
    await r.finish(wellOff);
    const state = (await r.session())?.interview;
    if (!state) throw new Error("no finished interview");
    const chats = Array.from({ length: 45 }, (_, i) => 20_000 + i);
    const references: string[] = [];
    for (const chat of chats) {
      const filed = await b.h.deps.intake.fileInterview(
        state,
        { phone: `1381234${String(chat % 10_000).padStart(4, "0")}`, personName: "王建国" }, // each their own number
        { channel: "bot", lang: "zh-CN", idempotencyKey: `bot:${chat}`, chatId: String(chat) },
      );
      references.push(filed.reference);
    }
    const agent = await b.h.deps.staff.add({
      name: "chen",
      role: "agent",
      jurisdiction: "wuxi",
      passwordHash: "x",
    });
    for (const reference of references)
      expect(await b.h.deps.queue.claim(reference, { id: agent.id, name: "chen" })).toEqual({ ok: true });

    b.restart(TELEGRAM_LIMITS);
    const before = b.fake.calls.length;
    b.fake.flood("sendMessage", 2, 1); // flood control once, mid-way through
    const notifier = createNotifier({
      api: b.bot.api,
      outbox: createOutbox({ db: b.h.deps.db, now: () => b.h.clock.now }),
      requests: b.h.deps.requests,
      words: realWords,
      log: (line) => b.logs.push(line),
    });
    let delivered = 0;
    for (let round = 0; round < 10; round++) delivered += await notifier.runOnce();
    expect(delivered).toBe(45);

    // Every chat told once, in its words.
    const told = chats.map((chat) => b.fake.messages.get(chat) ?? []);
    expect(told.map((m) => m.length)).toEqual(chats.map(() => 1));
    expect(told.map((m) => m[0]?.text)).toEqual(
      references.map((reference) =>
        t("common:bot.statusChanged", { reference, status: t("common:status.claimed") }),
      ),
    );
    // At most 30 reached Telegram in any one second, counted from any moment (the refused calls too:
    // each retry queues again; a millisecond of local jitter allowed).
    const sent = b.fake.calls
      .slice(before)
      .filter((c) => c.method === "sendMessage")
      .map((c) => c.at);
    expect(sent).toHaveLength(45 + 2);
    const busiest = Math.max(
      ...sent.map((start) => sent.filter((at) => at >= start && at < start + 1000).length),
    );
    expect(busiest).toBeLessThanOrEqual(TELEGRAM_LIMITS.perSecond + 1);
    expect(b.logs).toEqual([]);
  });
});
