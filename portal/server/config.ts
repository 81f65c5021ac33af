// The one place that reads process.env. Every setting is parsed here with zod; a bad value stops the
// start with one line naming the variable.

import { z } from "zod";
import { CALLBACK, OUTREACH_WORKING_DAYS, TIME_OF_DAY } from "../../core/sla.ts";
import { DEFAULT_RETENTION_DAYS } from "../../db/retention.ts";
import { SESSIONS_PER_ACCOUNT } from "../../db/staff.ts";
import { OWASP_LOG_N } from "./passwords.ts";
import { SEND_LIMITS } from "./send-limits.ts";

const port = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const url = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim().replace(/\/+$/, "")))
  .refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), { message: "must be an http(s) URL" });

const envSchema = z
  .object({
    HOST: z.string().default("127.0.0.1"),
    PORT: port.default(3000),
    /** The embedded store's file, used when DATABASE_URL is unset. */
    DATABASE_PATH: z.string().min(1).default("data/intake.sqlite"),
    /** postgres://user:password@host:port/database[?schema=name]: the store on PostgreSQL instead. */
    DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: "must be a postgres:// URL (unset: the SQLite file at DATABASE_PATH)",
    }),
    /** Connections each process keeps to PostgreSQL. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    POLICY_PARAMS_FILE: optionalText,
    /** 32 bytes as 64 hex digits or base64; unset: a key file beside the database. */
    INTAKE_DATA_KEY: optionalText,
    /** JSON: { "holidays": [dates], "workdays": [dates] }; unset: the file shipped with the server. */
    HOLIDAYS_FILE: optionalText,
    /** When the working day ends (Beijing time): a non-urgent call-back is due then, on the 3rd working day. */
    WORKDAY_ENDS_AT: z
      .string()
      .regex(TIME_OF_DAY, { message: "must be a time of day as HH:MM, for example 17:30" })
      .default(CALLBACK.endOfWorkingDay),
    /** Working days the hotline has for an outreach request (主动发现, npm run discover --file-requests). */
    OUTREACH_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(OUTREACH_WORKING_DAYS),
    /** Call attempts on different working days before a request may be closed as unreachable. */
    UNREACHABLE_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    PUBLIC_URL: url,
    /** A request's headers and body must arrive within this (slow clients are cut off). */
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
    /** Connections one client address may hold at once (not applied behind a trusted proxy). */
    CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(64),
    /** Behind a proxy, take the client address from X-Forwarded-For (for rate limits). */
    TRUST_PROXY: z
      .enum(["0", "1", "true", "false"])
      .default("0")
      .transform((v) => v === "1" || v === "true"),
    TELEGRAM_BOT_TOKEN: optionalText,
    TELEGRAM_WEBHOOK_SECRET: optionalText,
    TELEGRAM_API_ROOT: url,
    HOTLINE_WEBHOOK_URL: url,
    /** Requests sent per call-back phone a day, per chat a day, per client address an hour (anonymous). */
    SENDS_PER_PHONE_PER_DAY: z.coerce.number().int().min(1).default(SEND_LIMITS.perPhonePerDay),
    SENDS_PER_CHAT_PER_DAY: z.coerce.number().int().min(1).default(SEND_LIMITS.perChatPerDay),
    SENDS_PER_CLIENT_PER_HOUR: z.coerce.number().int().min(1).default(SEND_LIMITS.perClientPerHour),
    /** Past this many an hour from one address, a request is still filed but flagged for staff. */
    SENDS_FLAGGED_PER_CLIENT_PER_HOUR: z.coerce
      .number()
      .int()
      .min(1)
      .default(SEND_LIMITS.flagPerClientPerHour),
    /** Status lookups allowed per client per window (references must not be guessable). */
    STATUS_LOOKUPS_PER_WINDOW: z.coerce.number().int().min(1).default(10),
    STATUS_LOOKUP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    /** HMAC key for the webhook's signature header; required with HOTLINE_WEBHOOK_URL. */
    HOTLINE_WEBHOOK_SECRET: optionalText,
    /** scrypt cost as log2(N): OWASP's 17 in production; tests lower it. */
    SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(OWASP_LOG_N),
    /** Closed requests are anonymized this many days after closing (npm run db:retention). */
    RETENTION_DAYS: z.coerce.number().int().min(1).default(DEFAULT_RETENTION_DAYS),
    /** Failed logins per account before it is locked for LOGIN_LOCK_MINUTES. */
    LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Staff sessions one account may hold at once; a new sign-in past it ends the oldest. */
    STAFF_SESSIONS_PER_ACCOUNT: z.coerce.number().int().min(1).max(20).default(SESSIONS_PER_ACCOUNT),
    /** Login attempts per account name per 10 minutes, right or wrong (counted before hashing). */
    LOGIN_ATTEMPTS_PER_NAME: z.coerce.number().int().min(1).default(20),
    /** Login attempts per client address per 10 minutes. */
    LOGIN_ATTEMPTS_PER_CLIENT: z.coerce.number().int().min(1).default(20),
  })
  .refine((c) => !c.DATABASE_URL || c.INTAKE_DATA_KEY, {
    path: ["INTAKE_DATA_KEY"],
    message: "is required with DATABASE_URL (no key file is kept beside a remote database)",
  })
  .refine((c) => !c.HOTLINE_WEBHOOK_URL || c.HOTLINE_WEBHOOK_SECRET, {
    path: ["HOTLINE_WEBHOOK_SECRET"],
    message: "is required when HOTLINE_WEBHOOK_URL is set (the receiver checks the signature with it)",
  });

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {}

/** Settings whose values are secrets: an error names them without echoing the value. */
const SECRET = new Set([
  "DATABASE_URL",
  "INTAKE_DATA_KEY",
  "HOTLINE_WEBHOOK_SECRET",
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
]);

/** Where the store is, for log lines: the file, or the PostgreSQL server and database (no password). */
export function storeLocation(config: Config): string {
  if (!config.DATABASE_URL) return config.DATABASE_PATH;
  const u = new URL(config.DATABASE_URL);
  const schema = u.searchParams.get("schema");
  return `postgres://${u.host}${u.pathname}${schema ? `?schema=${schema}` : ""}`;
}

export function readConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  const value = env[name];
  throw new ConfigError(
    `${name}${value === undefined || SECRET.has(name) ? "" : `=${JSON.stringify(value)}`}: ${issue?.message ?? "invalid"}`,
  );
}
