// What the app is built from: passed in whole by the composition root (or a test), never global.

import type { TFunction } from "i18next";
import type { PolicySet } from "../../core/policies/index.ts";
import type { WorkCalendar } from "../../core/sla.ts";
import type { Vault } from "../../db/crypto.ts";
import type { InterviewStore } from "../../db/interviews.ts";
import type { Queue } from "../../db/queue.ts";
import type { RequestStore } from "../../db/requests.ts";
import type { Session, StaffStore } from "../../db/staff.ts";
import type { Store } from "../../db/store.ts";
import type { Lang } from "../../locales/i18n.ts";
import type { Intake } from "./intake.ts";
import type { PasswordHasher } from "./passwords.ts";
import type { PhoneVisits } from "./phone-visits.ts";
import type { RateLimiter } from "./rate-limit.ts";

export interface AppDeps {
  db: Store;
  vault: Vault;
  policies: PolicySet;
  calendar: WorkCalendar;
  now: () => Date;
  requests: RequestStore;
  /** Files requests for every channel (API, forms, bot, staff intake). */
  intake: Intake;
  interviews: InterviewStore;
  statusLimiter: RateLimiter;
  staff: StaffStore;
  queue: Queue;
  passwords: PasswordHasher;
  /** Failed logins per account name (existing or not, so a lock reveals nothing). */
  loginFailures: RateLimiter;
  loginClients: RateLimiter;
  /** Login attempts per account name, counted before hashing (failures lock it: loginFailures). */
  loginNames: RateLimiter;
  /** Cookies only over HTTPS when the service is published on https. */
  secureCookies: boolean;
  /** Where links point: PUBLIC_URL, else http://HOST:PORT. */
  publicUrl: string;
  /** Take the client address from X-Forwarded-For (behind a trusted proxy). */
  trustProxy: boolean;
  /** Phones revealed for an agent's visit to a request (phone-visits.ts). */
  visits: PhoneVisits;
  /** Drops limit counts older than any window (housekeeping); 0 where they live in memory. */
  sweepLimits: () => Promise<number>;
}

export interface AppEnv {
  Variables: { lang: Lang; t: TFunction; session: Session; sessionId: string };
}
