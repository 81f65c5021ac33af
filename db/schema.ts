// The store's tables. Personal facts sit only in `sealed` columns (AES-256-GCM, see crypto.ts); the plain
// columns hold what staff filter and count by, and identify no one. Lookups by phone or chat go through
// keyed hashes.

import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const requests = sqliteTable(
  "requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    channel: text("channel", { enum: ["bot", "portal", "staff"] }).notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    urgent: integer("urgent", { mode: "boolean" }).notNull(),
    status: text("status").notNull().default("new"),
    assigneeId: integer("assignee_id"),
    /** The person's language, for status messages. */
    lang: text("lang").notNull(),
    /** Who applied: "self" or "helper" (the helper's details are sealed). */
    appliedBy: text("applied_by", { enum: ["self", "helper"] }).notNull(),
    consentAt: text("consent_at").notNull(),
    consentNotice: text("consent_notice").notNull(),
    engineVersion: text("engine_version").notNull(),
    packVersion: text("pack_version").notNull(),
    phoneHash: text("phone_hash").notNull(),
    chatHash: text("chat_hash"),
    /** situation, screening, contact, applicant, chat id: JSON, sealed. */
    sealed: blob("sealed", { mode: "buffer" }).notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    slaDueAt: text("sla_due_at").notNull(),
  },
  (t) => [
    index("requests_phone").on(t.phoneHash, t.jurisdiction, t.createdAt),
    index("requests_chat").on(t.chatHash),
    index("requests_queue").on(t.status, t.urgent, t.slaDueAt, t.id),
    index("requests_created").on(t.createdAt),
  ],
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
