// The bot inside `npm start`: long polling when only TELEGRAM_BOT_TOKEN is set; a webhook at
// PUBLIC_URL/telegram/webhook, with Telegram's secret_token header checked, when TELEGRAM_WEBHOOK_SECRET
// is set too; and no bot at all, said in one line, without a token.

import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Running, startServer, stop } from "../server/process.ts";
import { type FakeTelegram, startFakeTelegram } from "./fake-telegram.ts";

const running: Running[] = [];
let fake: FakeTelegram | null = null;
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => stop(r)));
  await fake?.close();
  fake = null;
});

const env = () => ({
  DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "intake-bot-")), "bot.sqlite"),
  INTAKE_DATA_KEY: "9".repeat(64),
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const startUpdate = (updateId: number, chatId: number) => ({
  update_id: updateId,
  message: {
    message_id: 1,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: "private", first_name: "居民" },
    from: { id: chatId, is_bot: false, first_name: "居民", language_code: "en" },
    text: "/start",
    entities: [{ type: "bot_command", offset: 0, length: 6 }],
  },
});

async function until<T>(probe: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the bot in npm start", () => {
  it("without a token the server starts and says the bot is off, in one line", async () => {
    const server = await startServer(env());
    running.push(server);
    expect(server.output().match(/Telegram bot off: TELEGRAM_BOT_TOKEN is not set\./g)).toHaveLength(1);
  });

  it("long polling: an update from the Bot API gets the greeting", async () => {
    fake = await startFakeTelegram();
    const server = await startServer({
      ...env(),
      TELEGRAM_BOT_TOKEN: "123:POLL",
      TELEGRAM_API_ROOT: fake.url,
    });
    running.push(server);
    expect(server.output()).toMatch(/Telegram bot @intake_test_bot polling for updates\./);
    fake.push(startUpdate(1, 5001));
    const greeting = await until(() => fake?.messages.get(5001)?.[0]);
    expect(greeting.text).toMatch(/^Hello!/);
  });

  it("webhook: registered with its secret; an update with the secret is handled, without it refused", async () => {
    fake = await startFakeTelegram();
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const server = await startServer({
      ...env(),
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      TELEGRAM_BOT_TOKEN: "123:HOOK",
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: "hook-secret-42",
    });
    running.push(server);
    expect(fake.webhook).toEqual({ url: `${publicUrl}/telegram/webhook`, secret: "hook-secret-42" });
    const post = (secret: string | null, update: unknown) =>
      fetch(`${publicUrl}/telegram/webhook`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
        },
        body: JSON.stringify(update),
      });
    expect((await post(null, startUpdate(10, 6001))).status).toBe(401);
    expect((await post("wrong", startUpdate(11, 6001))).status).toBe(401);
    expect(fake.messages.get(6001)).toBeUndefined();
    expect((await post("hook-secret-42", startUpdate(12, 6001))).status).toBe(200);
    expect(fake.messages.get(6001)?.[0]?.text).toMatch(/^Hello!/);
    // Telegram re-sends an update when the answer was slow: the second delivery has no effect.
    expect((await post("hook-secret-42", startUpdate(12, 6001))).status).toBe(200);
    expect(fake.messages.get(6001)).toHaveLength(1);
  });
});
