// How many requests may be sent, anonymously, before the service says "not now": per call-back phone
// and per chat a few a day (a person does not need more), per client address only loosely — a call
// centre or a village office sends for many people from one address — and past a softer threshold the
// request is still filed but flagged for staff to look at twice. Signed-in staff are not limited.

import { createHash } from "node:crypto";
import { SendLimited, type SendScope } from "../../core/intake.ts";
import { type Limiter, type RateLimiter, rateLimit } from "./rate-limit.ts";

export { SendLimited };

export interface SendLimitSettings {
  perPhonePerDay: number;
  perChatPerDay: number;
  perClientPerHour: number;
  /** Past this many an hour from one address, a request is filed but flagged. */
  flagPerClientPerHour: number;
}

export const SEND_LIMITS: SendLimitSettings = {
  perPhonePerDay: 5,
  perChatPerDay: 5,
  perClientPerHour: 200,
  flagPerClientPerHour: 20,
};

export interface SendLimits {
  /**
   * Counts one request under each key, at once — so requests sent together cannot all pass before any
   * is counted — or throws SendLimited when a limit is reached. Returns the flag to file with, if any.
   */
  take(keys: Partial<Record<SendScope, string>>): Promise<{ flag?: string }>;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Keys are hashed: no phone number or chat id sits in the limiter's memory. */
const hashed = (v: string) => createHash("sha256").update(v).digest("base64url");

export function createSendLimits(limiter: Limiter, settings: SendLimitSettings = SEND_LIMITS): SendLimits {
  const limits: Record<SendScope, RateLimiter> = {
    phone: rateLimit(limiter, "send-phone", { max: settings.perPhonePerDay, windowMs: DAY }),
    chat: rateLimit(limiter, "send-chat", { max: settings.perChatPerDay, windowMs: DAY }),
    client: rateLimit(limiter, "send-client", { max: settings.perClientPerHour, windowMs: HOUR }),
  };
  const soft = rateLimit(limiter, "send-client-soft", { max: settings.flagPerClientPerHour, windowMs: HOUR });
  const scopes = (keys: Partial<Record<SendScope, string>>) =>
    (Object.entries(keys) as [SendScope, string | undefined][]).filter(
      (e): e is [SendScope, string] => typeof e[1] === "string" && e[1] !== "",
    );
  return {
    async take(keys) {
      const given = scopes(keys).map(([scope, key]) => ({ scope, check: limits[scope].check(hashed(key)) }));
      const flagging = keys.client ? { ...soft.check(hashed(keys.client)), soft: true } : null;
      // Refuse before counting anything, then count every key: one step (Limiter.hitAll).
      const { refused, over } = await limiter.hitAll([
        ...given.map((g) => g.check),
        ...(flagging ? [flagging] : []),
      ]);
      if (refused) {
        const scope = given.find((g) => g.check.key === refused.key)?.scope ?? "client";
        throw new SendLimited(scope, refused.seconds);
      }
      return flagging && over.includes(flagging.key) ? { flag: "busy_address" } : {};
    },
  };
}
