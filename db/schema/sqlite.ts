// The store's tables. Personal facts sit only in `sealed` columns (AES-256-GCM, see crypto.ts); the plain
// columns hold what staff filter and count by, and identify no one. Lookups by phone or chat go through
// keyed hashes.

import { desc, sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { BASIS_KINDS, CHANNELS, STATUSES } from "../../core/workflow.ts";

export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const requests = sqliteTable(
  "requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    urgent: integer("urgent", { mode: "boolean" }).notNull(),
    status: text("status", { enum: STATUSES }).notNull().default("new"),
    assigneeId: integer("assignee_id"),
    /** The person's language, for status messages. */
    lang: text("lang").notNull(),
    /** Who applied: "self" or "helper" (the helper's details are sealed). */
    appliedBy: text("applied_by", { enum: ["self", "helper"] }).notNull(),
    /**
     * Why the request may be processed: the person's consent (through a channel), or the office's
     * statutory duty to find people in need (主动发现, an outreach request from the register).
     */
    basisKind: text("basis_kind", { enum: BASIS_KINDS }).notNull().default("consent"),
    /** When consent was given, or when the register was screened. */
    basisAt: text("basis_at").notNull(),
    /** Consent: "<notice version>:<self|person_agreed|guardian>"; duty: "<law>:<register>". */
    basisRef: text("basis_ref").notNull(),
    engineVersion: text("engine_version").notNull(),
    packVersion: text("pack_version").notNull(),
    phoneHash: text("phone_hash").notNull(),
    /** The other number on the request (the helper's own, or the person's): a status lookup takes either. */
    otherPhoneHash: text("other_phone_hash"),
    chatHash: text("chat_hash"),
    /** situation, screening, contact, applicant, chat id: JSON, sealed. */
    sealed: blob("sealed", { mode: "buffer" }).notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    slaDueAt: text("sla_due_at").notNull(),
    /** The first call-back (status contacted): SLA met when it came before the due time. */
    contactedAt: text("contacted_at"),
    closedAt: text("closed_at"),
    /** Why it was closed: referred_for_application, not_eligible, duplicate, unreachable, withdrawn. */
    closeOutcome: text("close_outcome"),
    /** An earlier request with the same phone in the same jurisdiction within 30 days. */
    duplicateOf: integer("duplicate_of"),
    /** Filed past a softer sending limit (many from one client address): staff look twice. */
    flag: text("flag"),
    /** The current version of the facts: 1 as submitted, +1 for each amendment. */
    version: integer("version").notNull().default(1),
    /** Past the retention period: personal data removed, only the counts remain. */
    anonymizedAt: text("anonymized_at"),
  },
  (t) => [
    index("requests_phone").on(t.phoneHash, t.jurisdiction, t.createdAt),
    index("requests_chat").on(t.chatHash),
    index("requests_queue").on(t.status, desc(t.urgent), t.slaDueAt, t.id),
    index("requests_queue_scope").on(t.jurisdiction, t.status, desc(t.urgent), t.slaDueAt, t.id),
    // The open queue (every status but closed) in queue order, with and without a jurisdiction: a
    // first page reads the index in order and stops, whatever the table's size.
    index("requests_open").on(desc(t.urgent), t.slaDueAt, t.id).where(sql`status != 'closed'`),
    index("requests_open_scope")
      .on(t.jurisdiction, desc(t.urgent), t.slaDueAt, t.id)
      .where(sql`status != 'closed'`),
    index("requests_created").on(t.createdAt),
    index("requests_closed").on(t.closedAt),
  ],
);

/** Amended facts: each amendment a new version, re-screened; the submission itself stays in requests. */
export const requestVersions = sqliteTable(
  "request_versions",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    version: integer("version").notNull(),
    /** situation and screening, sealed. */
    sealed: blob("sealed", { mode: "buffer" }),
    engineVersion: text("engine_version").notNull(),
    packVersion: text("pack_version").notNull(),
    createdAt: text("created_at").notNull(),
    staffId: integer("staff_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.version] })],
);

/** Each program's best outcome for the request, for counts and filters (no amounts, no members). */
export const requestOutcomes = sqliteTable(
  "request_outcomes",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    program: text("program").notNull(),
    outcome: text("outcome", { enum: ["likely", "possible", "unlikely"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.program] }),
    index("outcomes_program").on(t.program, t.outcome),
  ],
);

/** The append-only trail: triggers in the migrations refuse updates and deletes. */
export const requestEvents = sqliteTable(
  "request_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    at: text("at").notNull(),
    kind: text("kind").notNull(),
    /** "resident", "system", or "staff:<id>". */
    actor: text("actor").notNull(),
    /** Non-identifying details (a status change's from/to). */
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Personal details (a note's text), sealed. */
    sealed: blob("sealed", { mode: "buffer" }),
  },
  (t) => [index("events_request").on(t.requestId, t.id)],
);

export const idempotencyKeys = sqliteTable("idempotency_keys", {
  keyHash: text("key_hash").primaryKey(),
  requestId: integer("request_id")
    .notNull()
    .references(() => requests.id),
  bodyHash: text("body_hash").notNull(),
  createdAt: text("created_at").notNull(),
});

export const staff = sqliteTable("staff", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  role: text("role", { enum: ["agent", "supervisor", "admin"] }).notNull(),
  /** A jurisdiction id, or "all". */
  jurisdiction: text("jurisdiction").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** A one-time password was set: it must be changed at the next login. */
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: text("created_at").notNull(),
});

/** Staff sessions: the cookie holds a secret, the table only its hash. */
export const staffSessions = sqliteTable(
  "staff_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    staffId: integer("staff_id")
      .notNull()
      .references(() => staff.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    /** The request whose phone this session revealed, shown until visitUntil or another page. */
    visitReference: text("visit_reference"),
    visitUntil: text("visit_until"),
    /** The account's sign-ins counted: the oldest of sessions opened in one instant is the lowest. */
    seq: integer("seq").notNull().default(0),
  },
  (t) => [index("sessions_staff").on(t.staffId)],
);

/** What staff did that is not about one request: logins (never the password), exports, accounts. */
export const staffAudit = sqliteTable(
  "staff_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    kind: text("kind").notNull(),
    staffId: integer("staff_id"),
    /** The account name tried at a login (it may not exist). */
    name: text("name"),
    client: text("client"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("staff_audit_at").on(t.at)],
);

/**
 * The transactional outbox: written in the same transaction as the change it announces, delivered
 * afterwards with retries. Topics: "hotline" (a new request to HOTLINE_WEBHOOK_URL) and "resident"
 * (a status change for the resident's channel).
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topic: text("topic", { enum: ["hotline", "resident"] }).notNull(),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    /** Delivered as the Idempotency-Key: the receiver's way to recognise a retry. */
    key: text("key").notNull().unique(),
    /** Non-identifying: the status change it announces. */
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: text("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    deliveredAt: text("delivered_at"),
    lastError: text("last_error"),
    /** Claimed by a delivering process until then: another takes it over only after. */
    leaseUntil: text("lease_until"),
  },
  (t) => [index("outbox_due").on(t.topic, t.deliveredAt, t.nextAttemptAt)],
);

/** Unfinished interviews: the id is a bearer secret held by the channel, so only its hash is kept. */
export const interviews = sqliteTable(
  "interviews",
  {
    idHash: text("id_hash").primaryKey(),
    channel: text("channel", { enum: ["bot", "portal", "staff"] }).notNull(),
    sealed: blob("sealed", { mode: "buffer" }).notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("interviews_expires").on(t.expiresAt)],
);

/** Single-use hand-off tokens: another channel takes over an unfinished interview. */
export const handoffTokens = sqliteTable("handoff_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  interviewIdHash: text("interview_id_hash")
    .notNull()
    .references(() => interviews.idHash, { onDelete: "cascade" }),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
});

/** The bot's per-chat sessions (the interview state and where the chat stands), sealed. */
export const botSessions = sqliteTable(
  "bot_sessions",
  {
    keyHash: text("key_hash").primaryKey(),
    sealed: blob("sealed", { mode: "buffer" }).notNull(),
    updatedAt: text("updated_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("bot_sessions_expires").on(t.expiresAt)],
);

/** Telegram updates already handled: a re-delivered update_id has no second effect. */
export const processedUpdates = sqliteTable(
  "processed_updates",
  {
    updateId: integer("update_id").primaryKey(),
    at: text("at").notNull(),
  },
  (t) => [index("processed_updates_at").on(t.at)],
);

/**
 * Settings the store was last brought in line with, by name: e.g. the call-back deadline rule, so
 * that open requests' deadlines are recomputed once when the rule or the end of the working day changes.
 */
export const storeSettings = sqliteTable("store_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/**
 * The limits' sliding logs (status lookups, sign-ins, sends), shared by every process on the store: one
 * row per counted attempt, under the HMAC of its key (no client address, phone or chat is stored).
 */
export const limitHits = sqliteTable(
  "limit_hits",
  {
    key: text("key").notNull(),
    /** When, in milliseconds since the epoch. */
    at: integer("at").notNull(),
  },
  (t) => [index("limit_hits_key").on(t.key, t.at)],
);
