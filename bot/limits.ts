// Telegram's sending limits, kept by grammY's own plugins on every call the bot makes (replies and the
// status notifications alike): the throttler keeps the outgoing rate under about 30 messages a second
// overall and about one a second in a chat (short bursts allowed, as Telegram allows them), and
// auto-retry waits out a 429's `retry_after` and sends again.
//
// Only a refusal is retried — 429 means Telegram did not send the message — never a network error or a
// server error, after which the message may have gone out: nothing is sent twice. Cosmetic calls (an
// edit, a button's toast) are not waited for: they fail fast, are logged and skipped (edits.ts).

import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import type { Api } from "grammy";

export interface TelegramLimits {
  /** Messages a second across all chats. */
  perSecond: number;
  /** In one chat: a burst of this many, then `perSecond` a second. */
  perChat: { burst: number; perSecond: number };
  /** The longest `retry_after` waited for (seconds); a longer one fails the call. */
  maxRetryAfter: number;
}

/** Telegram's published limits (core.telegram.org/bots/faq: "My bot is hitting limits"). */
export const TELEGRAM_LIMITS: TelegramLimits = {
  perSecond: 30,
  perChat: { burst: 8, perSecond: 1 },
  maxRetryAfter: 30,
};

/** Calls that only tidy the chat: never waited for. */
export const COSMETIC_METHODS: ReadonlySet<string> = new Set([
  "editMessageText",
  "editMessageReplyMarkup",
  "answerCallbackQuery",
  "deleteMessage",
  "sendChatAction",
]);

export function keepLimits(api: Api, limits: TelegramLimits = TELEGRAM_LIMITS): void {
  api.config.use(
    apiThrottler({
      // Evenly spaced, so that no second — counted from any moment — holds more than `perSecond`.
      global: { minTime: Math.ceil(1000 / limits.perSecond) },
      // A token bucket per chat: `burst` at once, refilled at `perSecond`.
      out: {
        maxConcurrent: 1,
        reservoir: limits.perChat.burst,
        reservoirIncreaseAmount: 1,
        reservoirIncreaseInterval: Math.ceil(1000 / limits.perChat.perSecond),
        reservoirIncreaseMaximum: limits.perChat.burst,
      },
    }),
  );
  // Installed last, so it runs first: a retried call queues through the throttler again.
  const retry = autoRetry({
    maxRetryAttempts: 3,
    maxDelaySeconds: limits.maxRetryAfter,
    rethrowHttpErrors: true,
    rethrowInternalServerErrors: true,
  });
  api.config.use((prev, method, payload, signal) =>
    COSMETIC_METHODS.has(method) ? prev(method, payload, signal) : retry(prev, method, payload, signal),
  );
}

/** For a local Bot API stand-in (tests, benchmarks), which has no limits: the plugins still run. */
export const UNLIMITED: TelegramLimits = {
  perSecond: 1_000_000,
  perChat: { burst: 1_000_000, perSecond: 1_000_000 },
  maxRetryAfter: TELEGRAM_LIMITS.maxRetryAfter,
};
