// The bot under load, with the local Bot API stand-in on loopback: N conversations, each /start →
// agree → three answers, through createBot's whole middleware (dedupe, sequentialize, sealed session
// in SQLite) and real HTTP calls to the stand-in, which runs in its own process. Throughput: all conversations at once. Latency, from
// an update arriving to the bot's reply having been sent (handleUpdate resolves after the reply's HTTP
// call returns): the conversations again, their updates arriving at half that throughput.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Api } from "grammy";
import { createBot } from "../../bot/create.ts";
import { keepLimits, TELEGRAM_LIMITS } from "../../bot/limits.ts";
import type { ChatSession } from "../../bot/session.ts";
import { createBotSessionStorage } from "../../db/bot-sessions.ts";
import { openDb } from "../../db/open.ts";
import { createI18nSync, type Lang, memoizeT } from "../../locales/i18n.ts";
import { readConfig } from "../../portal/server/config.ts";
import { buildDeps } from "../../portal/server/service.ts";
import { BOT_INFO } from "../../tests/bot/fake-telegram.ts";

export const BOT_TARGETS = { p99Ms: 50, perSecond: 500 };

/** The stand-in in its own process on loopback (fake-telegram-server.ts), like a real Bot API server. */
function startFakeProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./fake-telegram-server.ts", import.meta.url))],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once("exit", (code) => reject(new Error(`the Bot API stand-in exited (${code})`)));
  });
}

export async function benchBot(options: { conversations: number }) {
  const dir = mkdtempSync(join(tmpdir(), "intake-bot-bench-"));
  const config = readConfig({ DATABASE_PATH: join(dir, "bot.sqlite"), INTAKE_DATA_KEY: "a".repeat(64) });
  const { deps } = await buildDeps(config, { log: () => {} });
  const fake = await startFakeProcess();
  // As npm start does: the chat state on its own connection with synchronous=NORMAL.
  const chatDb = openDb(config.DATABASE_PATH, { synchronous: "NORMAL" });
  // As npm start does: the words remembered per language (locales/i18n.ts memoizeT).
  const words = Object.fromEntries(
    (["zh-CN", "zh-Hant", "en"] as Lang[]).map((l) => [l, memoizeT(createI18nSync(l))]),
  );
  // The presses carry no real message to edit: the stand-in refuses those edits, which the bot logs and
  // skips (a cosmetic failure); counted here instead of printed.
  let skipped = 0;
  const bot = createBot({
    token: "123:BENCH",
    apiRoot: fake.url,
    db: chatDb,
    requests: deps.requests,
    intake: deps.intake,
    interviews: deps.interviews,
    sessions: createBotSessionStorage<ChatSession>({ db: chatDb, vault: deps.vault, now: deps.now }),
    policies: deps.policies,
    calendar: deps.calendar,
    now: deps.now,
    publicUrl: "http://127.0.0.1:3000",
    words: (lang) => words[lang] as never,
    botInfo: BOT_INFO,
    // The bot's own cost: the stand-in has no sending limits, so no throttler (Telegram's 30 a second
    // would be the measure otherwise; tests/bot/limits.test.ts checks them).
    limits: null,
    log: () => {
      skipped++;
    },
  });
  let updateId = 1;
  const latencies: number[] = [];
  const conversation = async (chatId: number) => {
    const chat = { id: chatId, type: "private" as const, first_name: "居民" };
    const from = { id: chatId, is_bot: false, first_name: "居民", language_code: "zh-CN" };
    const send = async (update: Record<string, unknown>) => {
      const t0 = performance.now();
      await bot.handleUpdate({ update_id: updateId++, ...update } as never);
      latencies.push(performance.now() - t0);
    };
    const text = (t: string) =>
      send({
        message: {
          message_id: 1,
          date: 0,
          chat,
          from,
          text: t,
          ...(t.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: t.length }] } : {}),
        },
      });
    const press = (data: string) =>
      send({
        callback_query: {
          id: "1",
          from,
          chat_instance: "1",
          data,
          message: { message_id: 1, date: 0, chat, text: "" },
        },
      });
    await text("/start");
    await press("consent:yes");
    await press("a|0|jurisdiction|0");
    await press("a|1|helping|0");
    await text("2");
  };
  await Promise.all(Array.from({ length: 20 }, (_, i) => conversation(10_000_000 + i))); // warm-up
  // Throughput: every conversation at once, each update sent as soon as the last was answered.
  latencies.length = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: options.conversations }, (_, i) => conversation(1 + i)));
  const seconds = (performance.now() - t0) / 1000;
  const flood = summary(latencies, seconds);
  // Latency: the same conversations, updates arriving at a steady rate below capacity (half of it).
  latencies.length = 0;
  const rate = Math.max(10, Math.round(flood.perSecond / 2));
  const started: Promise<void>[] = [];
  const t1 = performance.now();
  for (let i = 0; i < options.conversations; i++) {
    const due = t1 + (i * 5 * 1000) / rate; // five updates per conversation
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    started.push(conversation(2_000_000 + i));
  }
  await Promise.all(started);
  const paced = summary(latencies, (performance.now() - t1) / 1000);
  const limited = await underTelegramLimits(fake.url);
  fake.child.kill("SIGTERM");
  await chatDb.close();
  await deps.db.close();
  rmSync(dir, { recursive: true, force: true });
  return { flood, paced: { ...paced, rate }, skipped, limited };
}

/**
 * The same Bot API client under Telegram's limits (bot/limits.ts): 90 messages to 90 chats at once —
 * how fast they go out — and a single message when nothing else is queued — what the throttler adds.
 */
async function underTelegramLimits(apiRoot: string) {
  const bare = new Api("123:BENCH", { apiRoot });
  keepLimits(bare, null);
  const limited = new Api("123:BENCH", { apiRoot });
  keepLimits(limited, TELEGRAM_LIMITS);
  const once = async (api: Api, chat: number) => {
    const t0 = performance.now();
    await api.sendMessage(chat, "您的申请有新进展");
    return performance.now() - t0;
  };
  const idle = async (api: Api) => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      times.push(await once(api, 30_000 + i));
      await new Promise((r) => setTimeout(r, 50));
    }
    return times.sort((a, b) => a - b)[10] ?? 0;
  };
  const idleBareMs = await idle(bare);
  const idleLimitedMs = await idle(limited);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 90 }, (_, i) => once(limited, 40_000 + i)));
  return { idleBareMs, idleLimitedMs, burst: 90, burstSeconds: (performance.now() - t0) / 1000 };
}

function summary(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    updates: sorted.length,
    seconds,
    perSecond: Math.round(sorted.length / seconds),
    medianMs: at(0.5),
    p99Ms: at(0.99),
  };
}
