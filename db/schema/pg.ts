// The store's tables on PostgreSQL: the same tables, columns and indexes as schema/sqlite.ts, so the
// repositories read and write both alike (tests/db/schemas.test.ts compares them). Instants stay ISO
// 8601 text, as on SQLite: they sort as they compare, and every reader gets the same strings back.
// Sealed columns are bytea.

import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import { BASIS_KINDS, CHANNELS, STATUSES } from "../../core/workflow.ts";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const meta = pgTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const requests = pgTable(
  "requests",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    reference: text("reference").notNull().unique(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    urgent: boolean("urgent").notNull(),
    status: text("status", { enum: STATUSES }).notNull().default("new"),
    assigneeId: integer("assignee_id"),
    lang: text("lang").notNull(),
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
    otherPhoneHash: text("other_phone_hash"),
    chatHash: text("chat_hash"),
    sealed: bytea("sealed").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    slaDueAt: text("sla_due_at").notNull(),
    contactedAt: text("contacted_at"),
    closedAt: text("closed_at"),
    closeOutcome: text("close_outcome"),
    duplicateOf: integer("duplicate_of"),
    flag: text("flag"),
    version: integer("version").notNull().default(1),
    anonymizedAt: text("anonymized_at"),
  },
  (t) => [
    index("requests_phone").on(t.phoneHash, t.jurisdiction, t.createdAt),
    index("requests_chat").on(t.chatHash),
    index("requests_queue").on(t.status, t.urgent.desc().nullsFirst(), t.slaDueAt, t.id),
    index("requests_queue_scope").on(
      t.jurisdiction,
      t.status,
      t.urgent.desc().nullsFirst(),
      t.slaDueAt,
      t.id,
    ),
    index("requests_open").on(t.urgent.desc().nullsFirst(), t.slaDueAt, t.id).where(sql`status != 'closed'`),
    index("requests_open_scope")
      .on(t.jurisdiction, t.urgent.desc().nullsFirst(), t.slaDueAt, t.id)
      .where(sql`status != 'closed'`),
    index("requests_created").on(t.createdAt),
    index("requests_closed").on(t.closedAt),
  ],
);

export const requestVersions = pgTable(
  "request_versions",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    version: integer("version").notNull(),
    sealed: bytea("sealed"),
    engineVersion: text("engine_version").notNull(),
    packVersion: text("pack_version").notNull(),
    createdAt: text("created_at").notNull(),
    staffId: integer("staff_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.version] })],
);

export const requestOutcomes = pgTable(
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

/** The append-only trail: a trigger in the migrations refuses updates (but anonymizing) and deletes. */
export const requestEvents = pgTable(
  "request_events",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    at: text("at").notNull(),
    kind: text("kind").notNull(),
    actor: text("actor").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    sealed: bytea("sealed"),
  },
  (t) => [index("events_request").on(t.requestId, t.id)],
);

export const idempotencyKeys = pgTable("idempotency_keys", {
  keyHash: text("key_hash").primaryKey(),
  requestId: integer("request_id")
    .notNull()
    .references(() => requests.id),
  bodyHash: text("body_hash").notNull(),
  createdAt: text("created_at").notNull(),
});

export const staff = pgTable("staff", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull().unique(),
  role: text("role", { enum: ["agent", "supervisor", "admin"] }).notNull(),
  jurisdiction: text("jurisdiction").notNull(),
  passwordHash: text("password_hash").notNull(),
  mustChangePassword: boolean("must_change_password").notNull(),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: text("created_at").notNull(),
});

export const staffSessions = pgTable(
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

export const staffAudit = pgTable(
  "staff_audit",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: text("at").notNull(),
    kind: text("kind").notNull(),
    staffId: integer("staff_id"),
    name: text("name"),
    client: text("client"),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [index("staff_audit_at").on(t.at)],
);

export const outbox = pgTable(
  "outbox",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    topic: text("topic", { enum: ["hotline", "resident"] }).notNull(),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    key: text("key").notNull().unique(),
    data: jsonb("data").$type<Record<string, unknown>>(),
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

export const interviews = pgTable(
  "interviews",
  {
    idHash: text("id_hash").primaryKey(),
    channel: text("channel", { enum: ["bot", "portal", "staff"] }).notNull(),
    sealed: bytea("sealed").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("interviews_expires").on(t.expiresAt)],
);

export const handoffTokens = pgTable("handoff_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  interviewIdHash: text("interview_id_hash")
    .notNull()
    .references(() => interviews.idHash, { onDelete: "cascade" }),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
});

export const botSessions = pgTable(
  "bot_sessions",
  {
    keyHash: text("key_hash").primaryKey(),
    sealed: bytea("sealed").notNull(),
    updatedAt: text("updated_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("bot_sessions_expires").on(t.expiresAt)],
);

/** Telegram's update ids pass 2³¹: a bigint, read back as a number (they stay below 2⁵³). */
export const processedUpdates = pgTable(
  "processed_updates",
  {
    updateId: bigint("update_id", { mode: "number" }).primaryKey(),
    at: text("at").notNull(),
  },
  (t) => [index("processed_updates_at").on(t.at)],
);

export const storeSettings = pgTable("store_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/**
 * The limits' sliding logs (status lookups, sign-ins, sends), shared by every process on the store: one
 * row per counted attempt, under the HMAC of its key (no client address, phone or chat is stored).
 */
export const limitHits = pgTable(
  "limit_hits",
  {
    key: text("key").notNull(),
    /** When, in milliseconds since the epoch. */
    at: bigint("at", { mode: "number" }).notNull(),
  },
  (t) => [index("limit_hits_key").on(t.key, t.at)],
);
