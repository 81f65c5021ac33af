// Requests: submitted once (an idempotency key returns the first reference for a retry), read back
// whole by reference, and looked up by a resident with reference + phone. Every write is one
// transaction with its event, committed (synchronous=FULL) before the caller acknowledges anything.

import { createHash } from "node:crypto";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import type { Jurisdiction, Program } from "../core/schema/enums.ts";
import type { Screening } from "../core/schema/screening.ts";
import type { Situation } from "../core/schema/situation.ts";
import { DUPLICATE_WINDOW_DAYS, residentStatus } from "../core/workflow.ts";
import type { Db } from "./connection.ts";
import type { Vault } from "./crypto.ts";
import { newReference } from "./reference.ts";
import { idempotencyKeys, outbox, requestEvents, requestOutcomes, requests } from "./schema.ts";

export type Channel = "bot" | "portal" | "staff";

export type Applicant =
  | { kind: "self"; name?: string | undefined }
  | { kind: "helper"; name: string; relationship: string; phone: string };

export interface Consent {
  /** When the person (or their helper) agreed, ISO 8601. */
  at: string;
  /** The version of the privacy notice that was shown. */
  noticeVersion: string;
  /** The person agreed themself, or through the helper; or the helper is their legal guardian. */
  basis: "self" | "person_agreed" | "guardian";
}

export interface NewRequest {
  channel: Channel;
  situation: Situation;
  screening: Screening;
  urgent: boolean;
  slaDueAt: Date;
  applicant: Applicant;
  /** The person the request is for: their name, and their own mainland number when a helper gave it. */
  person?: { name?: string | undefined; phone?: string | undefined } | undefined;
  /** The number the hotline calls back: a mainland mobile, or a helper's international number (E.164). */
  contactPhone: string;
  consent: Consent;
  lang: string;
  /** The Telegram chat to notify of status changes. */
  chatId?: string | undefined;
  /** Why staff should look twice (e.g. "busy_address": many sent from one address). */
  flag?: string | undefined;
}

/** What is sealed in a request row. */
export interface SealedRequest {
  situation: Situation;
  screening: Screening;
  applicant: Applicant;
  person: { name?: string | undefined; phone?: string | undefined } | null;
  contactPhone: string;
  chatId: string | null;
}

export interface StoredRequest extends SealedRequest {
  id: number;
  reference: string;
  channel: Channel;
  jurisdiction: Jurisdiction;
  urgent: boolean;
  status: string;
  lang: string;
  consent: Consent;
  engineVersion: string;
  packVersion: string;
  createdAt: string;
  updatedAt: string;
  slaDueAt: string;
  contactedAt: string | null;
  closedAt: string | null;
  closeOutcome: string | null;
  assigneeId: number | null;
  /** The reference of an earlier request with the same phone in the same jurisdiction (30 days). */
  duplicateOf: string | null;
  version: number;
}

export interface Submitted {
  reference: string;
  slaDueAt: string;
  urgent: boolean;
  /** False when an idempotency key matched an earlier submission. */
  created: boolean;
}

export class IdempotencyConflict extends Error {
  constructor() {
    super("the idempotency key was used for a different submission");
  }
}

const OUTCOME_RANK = { likely: 2, possible: 1, unlikely: 0 } as const;

/** Each program's best outcome across members: what staff count and filter by. */
export function bestOutcomes(screening: Screening): Map<Program, keyof typeof OUTCOME_RANK> {
  const best = new Map<Program, keyof typeof OUTCOME_RANK>();
  for (const r of screening.results) {
    const seen = best.get(r.program);
    if (seen === undefined || OUTCOME_RANK[r.outcome] > OUTCOME_RANK[seen]) best.set(r.program, r.outcome);
  }
  return best;
}

export const sealContext = (reference: string) => `request:${reference}`;

export function normalizePhoneForHash(phone: string): string {
  const text = phone.trim();
  const digits = text.replace(/\D/g, "").replace(/^00(?=[1-9])/, "");
  const international = text.startsWith("+") || /^00[1-9]/.test(text.replace(/[\s-]/g, ""));
  // A mainland mobile, with or without +86, is its 11 digits; any other country keeps its "+", so a
  // number abroad never shares a hash with a mainland one of the same digits (+1 312… and 131 2…).
  if (/^86(1[3-9]\d{9})$/.test(digits)) return digits.slice(2);
  return international ? `+${digits}` : digits;
}

/** The request's other number (the helper's own, or the person's), when it differs from the call-back. */
function otherPhone(input: NewRequest): string | null {
  const contact = normalizePhoneForHash(input.contactPhone);
  const candidates = [
    input.applicant.kind === "helper" ? input.applicant.phone : undefined,
    input.person?.phone,
  ];
  return candidates.find((p) => p !== undefined && normalizePhoneForHash(p) !== contact) ?? null;
}

/** Does the phone given match one stored on the request (by its keyed hash)? */
export function phoneMatches(
  row: { phoneHash: string; otherPhoneHash: string | null },
  phone: string,
  hash: (value: string) => string = (v) => v,
): boolean {
  const given = hash(normalizePhoneForHash(phone));
  return row.phoneHash === given || row.otherPhoneHash === given;
}

export interface RequestStore {
  /** `fingerprint` identifies the submitted body: a retry must send the same one. */
  submit(input: NewRequest, idempotency?: { key: string; fingerprint: string }): Promise<Submitted>;
  byReference(reference: string): StoredRequest | null;
  /** The status for a resident who knows the reference and the phone; null for either mismatch. */
  statusFor(reference: string, phone: string): { status: string; updatedAt: string; lang: string } | null;
  events(reference: string): { at: string; kind: string; actor: string; data: unknown }[];
  /** What a retry of this key was answered with (for a form sent twice). */
  byIdempotencyKey(channel: Channel, key: string): Submitted | null;
  /** The requests filed from one chat, newest first (for the bot's /status). */
  byChat(chatId: string): { reference: string; status: string; updatedAt: string }[];
}

export interface RequestStoreDeps {
  db: Db;
  vault: Vault;
  now: () => Date;
  /** Put each new request in the outbox for the hotline's webhook (HOTLINE_WEBHOOK_URL is set). */
  forwardToHotline?: boolean;
}

export function createRequestStore(deps: RequestStoreDeps): RequestStore {
  const { db, vault, now } = deps;
  const orm = db.orm;

  const placeholders = <T extends string>(...names: T[]) =>
    Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as unknown as Record<
      T,
      ReturnType<typeof sql.placeholder>
    >;

  // Prepared once: the submission path runs these for every request.
  const findKey = orm
    .select({
      bodyHash: idempotencyKeys.bodyHash,
      reference: requests.reference,
      slaDueAt: requests.slaDueAt,
      urgent: requests.urgent,
    })
    .from(idempotencyKeys)
    .innerJoin(requests, eq(requests.id, idempotencyKeys.requestId))
    .where(eq(idempotencyKeys.keyHash, sql.placeholder("keyHash")))
    .prepare();
  const insertRequest = orm
    .insert(requests)
    .values(
      placeholders(
        "reference",
        "channel",
        "jurisdiction",
        "urgent",
        "status",
        "lang",
        "appliedBy",
        "consentAt",
        "consentNotice",
        "engineVersion",
        "packVersion",
        "phoneHash",
        "otherPhoneHash",
        "chatHash",
        "sealed",
        "createdAt",
        "updatedAt",
        "slaDueAt",
        "duplicateOf",
        "flag",
      ),
    )
    .onConflictDoNothing({ target: requests.reference })
    .returning({ id: requests.id })
    .prepare();
  const insertOutcome = orm
    .insert(requestOutcomes)
    .values(placeholders("requestId", "program", "outcome"))
    .prepare();
  const insertEvent = orm
    .insert(requestEvents)
    .values(placeholders("requestId", "at", "kind", "actor", "data"))
    .prepare();
  const findDuplicate = orm
    .select({ id: requests.id })
    .from(requests)
    .where(
      and(
        eq(requests.phoneHash, sql.placeholder("phoneHash")),
        eq(requests.jurisdiction, sql.placeholder("jurisdiction")),
        gte(requests.createdAt, sql.placeholder("since")),
      ),
    )
    .orderBy(desc(requests.id))
    .limit(1)
    .prepare();
  const insertOutbox = orm
    .insert(outbox)
    .values(placeholders("topic", "requestId", "key", "data", "createdAt", "nextAttemptAt"))
    .prepare();
  const insertKey = orm
    .insert(idempotencyKeys)
    .values(placeholders("keyHash", "requestId", "bodyHash", "createdAt"))
    .prepare();

  interface Pending {
    input: NewRequest;
    keyHash: string | null;
    bodyHash: string;
    resolve: (s: Submitted) => void;
    reject: (e: unknown) => void;
  }

  // One request: a savepoint inside the batch's transaction, so a refused one leaves the others.
  const insertOne = db.sqlite.transaction((p: Pending, at: string): Submitted => {
    const { input, keyHash, bodyHash } = p;
    if (keyHash) {
      const seen = findKey.get({ keyHash });
      if (seen) {
        if (seen.bodyHash !== bodyHash) throw new IdempotencyConflict();
        return { reference: seen.reference, slaDueAt: seen.slaDueAt, urgent: seen.urgent, created: false };
      }
    }
    const sealed: SealedRequest = {
      situation: input.situation,
      screening: input.screening,
      applicant: input.applicant,
      person: input.person ?? null,
      contactPhone: input.contactPhone,
      chatId: input.chatId ?? null,
    };
    const slaDueAt = input.slaDueAt.toISOString();
    const phoneHash = vault.hash("phone", normalizePhoneForHash(input.contactPhone));
    const other = otherPhone(input);
    const otherPhoneHash = other === null ? null : vault.hash("phone", normalizePhoneForHash(other));
    const since = new Date(Date.parse(at) - DUPLICATE_WINDOW_DAYS * 86_400_000).toISOString();
    const duplicateOf =
      findDuplicate.get({ phoneHash, jurisdiction: input.situation.jurisdiction, since })?.id ?? null;
    for (let attempt = 0; ; attempt++) {
      const reference = newReference(input.situation.jurisdiction);
      const row = insertRequest.get({
        reference,
        channel: input.channel,
        jurisdiction: input.situation.jurisdiction,
        urgent: input.urgent ? 1 : 0,
        status: "new",
        lang: input.lang,
        appliedBy: input.applicant.kind,
        consentAt: input.consent.at,
        consentNotice: `${input.consent.noticeVersion}:${input.consent.basis}`,
        engineVersion: input.screening.engineVersion,
        packVersion: input.screening.packVersion,
        phoneHash,
        otherPhoneHash,
        chatHash: input.chatId ? vault.hash("chat", input.chatId) : null,
        sealed: vault.seal(sealed, sealContext(reference)),
        createdAt: at,
        updatedAt: at,
        slaDueAt,
        duplicateOf,
        flag: input.flag ?? null,
      });
      if (!row) {
        if (attempt > 5) throw new Error("could not draw a free reference");
        continue;
      }
      for (const [program, outcome] of bestOutcomes(input.screening)) {
        insertOutcome.run({ requestId: row.id, program, outcome });
      }
      insertEvent.run({
        requestId: row.id,
        at,
        kind: "created",
        actor: input.channel === "staff" ? "staff" : "resident",
        data: JSON.stringify({ channel: input.channel, urgent: input.urgent }),
      });
      if (keyHash) insertKey.run({ keyHash, requestId: row.id, bodyHash, createdAt: at });
      if (deps.forwardToHotline) {
        insertOutbox.run({
          topic: "hotline",
          requestId: row.id,
          key: `${reference}:created`,
          data: null,
          createdAt: at,
          nextAttemptAt: at,
        });
      }
      return { reference, slaDueAt, urgent: input.urgent, created: true };
    }
  });

  // Group commit: submissions that arrive while a commit is pending share the next one, so many
  // requests pay for one fsync. Each is acknowledged only after the commit that holds it.
  let queue: Pending[] = [];
  const commit = db.sqlite.transaction((batch: Pending[], at: string) =>
    batch.map((p) => {
      try {
        return { ok: true as const, value: insertOne(p, at) };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );
  function flush() {
    const batch = queue;
    queue = [];
    let outcomes: ReturnType<typeof commit>;
    try {
      outcomes = commit.immediate(batch, now().toISOString());
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    outcomes.forEach((o, i) => {
      const p = batch[i] as Pending;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }

  function read(reference: string): StoredRequest | null {
    const row = orm.select().from(requests).where(eq(requests.reference, reference)).get();
    if (!row || row.anonymizedAt !== null) return null;
    const sealed = vault.open<SealedRequest>(row.sealed, sealContext(row.reference));
    const [noticeVersion = "", basis = "self"] = row.consentNotice.split(":");
    return {
      ...sealed,
      id: row.id,
      reference: row.reference,
      channel: row.channel,
      jurisdiction: row.jurisdiction as Jurisdiction,
      urgent: row.urgent,
      status: row.status,
      lang: row.lang,
      consent: { at: row.consentAt, noticeVersion, basis: basis as Consent["basis"] },
      engineVersion: row.engineVersion,
      packVersion: row.packVersion,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      slaDueAt: row.slaDueAt,
      contactedAt: row.contactedAt,
      closedAt: row.closedAt,
      closeOutcome: row.closeOutcome,
      assigneeId: row.assigneeId,
      duplicateOf:
        row.duplicateOf === null
          ? null
          : (orm
              .select({ r: requests.reference })
              .from(requests)
              .where(eq(requests.id, row.duplicateOf))
              .get()?.r ?? null),
      version: row.version,
    };
  }

  return {
    submit(input, idempotency) {
      const keyHash = idempotency ? vault.hash("idempotency", `${input.channel}\0${idempotency.key}`) : null;
      const bodyHash = idempotency
        ? createHash("sha256").update(idempotency.fingerprint).digest("base64url")
        : "";
      return new Promise<Submitted>((resolve, reject) => {
        queue.push({ input, keyHash, bodyHash, resolve, reject });
        if (queue.length === 1) setImmediate(flush);
      });
    },
    byReference: read,
    statusFor(reference, phone) {
      const row = orm
        .select({
          status: requests.status,
          updatedAt: requests.updatedAt,
          lang: requests.lang,
          phoneHash: requests.phoneHash,
          otherPhoneHash: requests.otherPhoneHash,
          closeOutcome: requests.closeOutcome,
        })
        .from(requests)
        .where(eq(requests.reference, reference))
        .get();
      // Any number stored on the request: the call-back one, or the helper's or the person's own.
      if (!row || !phoneMatches(row, phone, (v) => vault.hash("phone", v))) return null;
      return {
        status: residentStatus(row.status, row.closeOutcome),
        updatedAt: row.updatedAt,
        lang: row.lang,
      };
    },
    byIdempotencyKey(channel, key) {
      const seen = findKey.get({ keyHash: vault.hash("idempotency", `${channel}\0${key}`) });
      return seen
        ? { reference: seen.reference, slaDueAt: seen.slaDueAt, urgent: seen.urgent, created: false }
        : null;
    },
    byChat(chatId) {
      return orm
        .select({
          reference: requests.reference,
          status: requests.status,
          closeOutcome: requests.closeOutcome,
          updatedAt: requests.updatedAt,
        })
        .from(requests)
        .where(eq(requests.chatHash, vault.hash("chat", chatId)))
        .orderBy(desc(requests.id))
        .limit(10)
        .all()
        .map((r) => ({
          reference: r.reference,
          status: residentStatus(r.status, r.closeOutcome),
          updatedAt: r.updatedAt,
        }));
    },
    events(reference) {
      return orm
        .select({
          at: requestEvents.at,
          kind: requestEvents.kind,
          actor: requestEvents.actor,
          data: requestEvents.data,
        })
        .from(requestEvents)
        .innerJoin(requests, eq(requests.id, requestEvents.requestId))
        .where(and(eq(requests.reference, reference)))
        .orderBy(asc(requestEvents.id))
        .all();
    },
  };
}
