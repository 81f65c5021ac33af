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

/**
 * Installs both plugins; `null` limits (a local Bot API stand-in, which has none) installs only
 * auto-retry. The throttler schedules every call through Bottleneck, a few milliseconds each — nothing
 * beside Telegram's own 30 a second, but it would hide the bot's own cost in a benchmark.
 */
export function keepLimits(api: Api, limits: TelegramLimits | null = TELEGRAM_LIMITS): void {
  if (limits) throttle(api, limits);
  // Installed last, so it runs first: a retried call queues through the throttler again.
  const retry = autoRetry({
    maxRetryAttempts: 3,
    maxDelaySeconds: (limits ?? TELEGRAM_LIMITS).maxRetryAfter,
    rethrowHttpErrors: true,
    rethrowInternalServerErrors: true,
  });
  api.config.use((prev, method, payload, signal) =>
    COSMETIC_METHODS.has(method) ? prev(method, payload, signal) : retry(prev, method, payload, signal),
  );
}

function throttle(api: Api, limits: TelegramLimits): void {
  api.config.use(
    apiThrottler({
      // Evenly spaced, so that no second — counted from any moment — holds more than `perSecond`.
      global: { minTime: 1000 / limits.perSecond },
      // A token bucket per chat: `burst` at once, refilled at `perSecond`.
      out: {
        maxConcurrent: 1,
        reservoir: limits.perChat.burst,
        reservoirIncreaseAmount: 1,
        reservoirIncreaseInterval: Math.ceil(1000 / limits.perChat.perSecond),
        reservoirIncreaseMaximum: limits.perChat.burst,
        // A chat's bucket is full again well within a minute: an idle chat's limiter is dropped then.
        timeout: 60_000,
      },
    }),
  );
}
