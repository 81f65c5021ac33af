// The composition root: configuration in, a running service out. Opens the database, applies the
// migrations, loads the data key, the policies and the calendar, and serves the app on HOST:PORT.

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { serve } from "@hono/node-server";
import { webhookCallback } from "grammy";
import type { Context } from "hono";
import { createBot } from "../../bot/create.ts";
import { quietly } from "../../bot/edits.ts";
import { commandMenu } from "../../bot/features/commands.ts";
import { createNotifier } from "../../bot/notify.ts";
import type { ChatSession } from "../../bot/session.ts";
import { createPolicies } from "../../core/policies/index.ts";
import { createBotSessionStorage, sweepUpdates } from "../../db/bot-sessions.ts";
import { followDeadlineRule } from "../../db/deadlines.ts";
import { createInterviewStore } from "../../db/interviews.ts";
import { createStoreLimiter } from "../../db/limiter.ts";
import { openDb } from "../../db/open.ts";
import { createOutbox } from "../../db/outbox.ts";
import { createQueue } from "../../db/queue.ts";
import { createRequestStore } from "../../db/requests.ts";
import { createStaffStore, sweepSessions } from "../../db/staff.ts";
import type { MigrationLevel } from "../../db/store.ts";
import type { Lang } from "../../locales/i18n.ts";
import { createApp } from "./app.ts";
import { loadCalendar } from "./calendar-file.ts";
import type { Config } from "./config.ts";
import type { AppDeps } from "./deps.ts";
import { createForwarder } from "./forwarding.ts";
import { createIntake } from "./intake.ts";
import { tFor } from "./lang.ts";
import { loadPages } from "./pages.ts";
import { loadParamsFile } from "./params-file.ts";
import { createPasswordHasher } from "./passwords.ts";
import { createPhoneVisits } from "./phone-visits.ts";
import { createMemoryLimiter, lockout, rateLimit } from "./rate-limit.ts";
import { createSendLimits } from "./send-limits.ts";
import { limitSockets, SOCKET_LIMITS } from "./socket-limits.ts";
import { openStore, StartError } from "./store.ts";

export { StartError } from "./store.ts";

export interface Service {
  url: string;
  deps: AppDeps;
  migrations: MigrationLevel;
  close(): Promise<void>;
}

export interface ServiceOptions {
  log: (line: string) => void;
  now?: () => Date;
}

/** Everything but the socket: what tests and scripts build an app from. */
export async function buildDeps(
  config: Config,
  options: ServiceOptions,
): Promise<{ deps: AppDeps; migrations: MigrationLevel }> {
  const now = options.now ?? (() => new Date());
  const calendar = { ...loadCalendar(config.HOLIDAYS_FILE), endOfDay: config.WORKDAY_ENDS_AT };
  const policies = createPolicies(config.POLICY_PARAMS_FILE ? loadParamsFile(config.POLICY_PARAMS_FILE) : {});
  const { db, vault, migrations } = await openStore(config, options.log);
  const recomputed = await followDeadlineRule(db, calendar, now(), config.OUTREACH_WORKING_DAYS).catch(
    async (error) => {
      await db.close();
      throw error;
    },
  );
  if (recomputed > 0)
    options.log(`Call-back deadlines of ${recomputed} open requests recomputed for the working day's end.`);
  const requests = createRequestStore({
    db,
    vault,
    now,
    forwardToHotline: config.HOTLINE_WEBHOOK_URL !== undefined,
  });
  // Every limit counts in one place: this process's memory on the embedded store (one process), the
  // store itself on PostgreSQL, where several processes share the counts.
  const shared = config.DATABASE_URL ? createStoreLimiter(db, now, (key) => vault.hash("limit", key)) : null;
  const limiter = shared ?? createMemoryLimiter(now);
  const staff = createStaffStore({ db, vault, now, sessionsPerAccount: config.STAFF_SESSIONS_PER_ACCOUNT });
  const deps: AppDeps = {
    db,
    vault,
    policies,
    calendar,
    now,
    requests,
    staff,
    queue: createQueue({
      db,
      vault,
      now,
      requests,
      calendar,
      unreachableAttempts: config.UNREACHABLE_ATTEMPTS,
    }),
    passwords: createPasswordHasher({ logN: config.SCRYPT_LOG_N }),
    loginFailures: lockout(limiter, "login-name", {
      max: config.LOGIN_FAILURES_PER_ACCOUNT,
      windowMs: config.LOGIN_LOCK_MINUTES * 60_000,
    }),
    loginClients: rateLimit(limiter, "login-client", {
      max: config.LOGIN_ATTEMPTS_PER_CLIENT,
      windowMs: 600_000,
    }),
    loginNames: rateLimit(limiter, "login-name-attempts", {
      max: config.LOGIN_ATTEMPTS_PER_NAME,
      windowMs: 600_000,
    }),
    secureCookies: (config.PUBLIC_URL ?? "").startsWith("https://"),
    interviews: createInterviewStore({ db, vault, now }),
    statusLimiter: rateLimit(limiter, "status", {
      max: config.STATUS_LOOKUPS_PER_WINDOW,
      windowMs: config.STATUS_LOOKUP_WINDOW_SECONDS * 1000,
    }),
    intake: createIntake({
      requests,
      policies,
      calendar,
      now,
      outreachWorkingDays: config.OUTREACH_WORKING_DAYS,
      sendLimits: createSendLimits(limiter, {
        perPhonePerDay: config.SENDS_PER_PHONE_PER_DAY,
        perChatPerDay: config.SENDS_PER_CHAT_PER_DAY,
        perClientPerHour: config.SENDS_PER_CLIENT_PER_HOUR,
        flagPerClientPerHour: config.SENDS_FLAGGED_PER_CLIENT_PER_HOUR,
      }),
    }),
    publicUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`,
    trustProxy: config.TRUST_PROXY,
    visits: createPhoneVisits(staff, now),
    sweepLimits: async () => (shared ? shared.sweep() : 0),
  };
  return { deps, migrations };
}

export async function startService(config: Config, options: ServiceOptions): Promise<Service> {
  const { deps, migrations } = await buildDeps(config, options);
  const telegram = config.TELEGRAM_BOT_TOKEN ? startTelegram(config, deps, options) : null;
  if (!telegram) options.log("Telegram bot off: TELEGRAM_BOT_TOKEN is not set.");
  const pages = await loadPages();
  if (!pages) options.log("Portal pages not built (npm run build): serving the API only.");
  const app = createApp(deps, { pages, ...(telegram?.webhook ? { telegramWebhook: telegram.webhook } : {}) });
  const forwarder =
    config.HOTLINE_WEBHOOK_URL && config.HOTLINE_WEBHOOK_SECRET
      ? createForwarder({
          outbox: createOutbox({ db: deps.db, now: deps.now }),
          requests: deps.requests,
          url: config.HOTLINE_WEBHOOK_URL,
          secret: config.HOTLINE_WEBHOOK_SECRET,
          now: deps.now,
          log: options.log,
        })
      : null;
  // Housekeeping: expired drafts and sessions go; nothing else is touched.
  const sweep = setInterval(() => {
    Promise.all([deps.interviews.sweep(), sweepSessions(deps.db, deps.now()), deps.sweepLimits()]).catch(
      (error) => options.log(`Housekeeping skipped: ${(error as Error).message.split("\n")[0]}`),
    );
  }, 3_600_000);
  sweep.unref();
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        hostname: config.HOST,
        port: config.PORT,
        // How often Node looks for requests past their timeouts (its default, 30 s, outlasts ours).
        serverOptions: { connectionsCheckingInterval: 1_000 },
      },
      () => resolve(s),
    );
    s.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new StartError(`cannot listen on ${config.HOST}:${config.PORT} (${error.code ?? error.message})`),
      ),
    );
  }).catch(async (error) => {
    await deps.db.close();
    throw error;
  });
  limitSockets(server as unknown as Server, {
    ...SOCKET_LIMITS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_SECONDS * 1000,
    perAddress: config.TRUST_PROXY ? null : config.CONNECTIONS_PER_ADDRESS,
  });
  forwarder?.start();
  await telegram?.start();
  if (forwarder)
    options.log(`Forwarding new requests to ${new URL(config.HOTLINE_WEBHOOK_URL as string).origin}.`);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;
  if (!config.PUBLIC_URL) deps.publicUrl = url;
  return {
    url,
    deps,
    migrations,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        server.close(async () => {
          await forwarder?.stop();
          await telegram?.stop();
          await deps.db.close();
          resolve();
        });
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/**
 * The Telegram bot in this process: on a webhook at PUBLIC_URL/telegram/webhook when
 * TELEGRAM_WEBHOOK_SECRET is set (Telegram's secret_token header is checked against it), else by long
 * polling; status changes are sent to the chats they concern.
 */
function startTelegram(config: Config, deps: AppDeps, options: ServiceOptions) {
  const words = (lang: Lang) => tFor(lang);
  // The chat state on its own connection(s), committed without waiting for the disk (see openDb);
  // requests stay durable.
  const chatDb = openDb(config.DATABASE_URL ?? config.DATABASE_PATH, {
    synchronous: "NORMAL",
    poolSize: config.DATABASE_POOL_SIZE,
    log: options.log,
  });
  const sessions = createBotSessionStorage<ChatSession>({ db: chatDb, vault: deps.vault, now: deps.now });
  const bot = createBot({
    token: config.TELEGRAM_BOT_TOKEN as string,
    apiRoot: config.TELEGRAM_API_ROOT,
    db: chatDb,
    requests: deps.requests,
    intake: deps.intake,
    interviews: deps.interviews,
    sessions,
    policies: deps.policies,
    calendar: deps.calendar,
    now: deps.now,
    publicUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`,
    words,
  });
  const notifier = createNotifier({
    api: bot.api,
    outbox: createOutbox({ db: deps.db, now: deps.now }),
    requests: deps.requests,
    words,
    log: options.log,
  });
  const useWebhook = Boolean(config.TELEGRAM_WEBHOOK_SECRET && config.PUBLIC_URL);
  let runner: RunnerHandle | null = null;
  let sweep: NodeJS.Timeout | null = null;
  return {
    webhook: useWebhook
      ? (webhookCallback(bot, "hono", { secretToken: config.TELEGRAM_WEBHOOK_SECRET }) as (
          c: Context,
        ) => Promise<Response>)
      : undefined,
    async start() {
      await bot.init();
      if (useWebhook) {
        await bot.api.setWebhook(`${config.PUBLIC_URL}/telegram/webhook`, {
          secret_token: config.TELEGRAM_WEBHOOK_SECRET,
        });
        options.log(
          `Telegram bot @${bot.botInfo.username} on a webhook at ${config.PUBLIC_URL}/telegram/webhook.`,
        );
      } else {
        await bot.api.deleteWebhook();
        runner = run(bot);
        options.log(`Telegram bot @${bot.botInfo.username} polling for updates.`);
      }
      // Telegram's command menu, in Chinese by default and in English for English clients (Telegram
      // tells languages by two letters, so zh-Hant clients see the simplified menu). Cosmetic.
      await quietly("setMyCommands", () => bot.api.setMyCommands(commandMenu(words("zh-CN"))), options.log);
      await quietly(
        "setMyCommands",
        () => bot.api.setMyCommands(commandMenu(words("en")), { language_code: "en" }),
        options.log,
      );
      notifier.start();
      sweep = setInterval(() => {
        Promise.all([sessions.sweep(), sweepUpdates(chatDb, deps.now())]).catch((error) =>
          options.log(`Chat housekeeping skipped: ${(error as Error).message.split("\n")[0]}`),
        );
      }, 3_600_000);
      sweep.unref();
    },
    async stop() {
      if (sweep) clearInterval(sweep);
      await notifier.stop();
      if (runner?.isRunning()) await runner.stop();
      await chatDb.close();
    },
  };
}
