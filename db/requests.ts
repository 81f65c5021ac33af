// Requests: submitted once (an idempotency key returns the first reference for a retry), read back
// whole by reference, and looked up by a resident with reference + phone. Every write is one
// transaction with its event, committed (durably) before the caller acknowledges anything.

import { createHash } from "node:crypto";
import { and, asc, desc, eq, gte } from "drizzle-orm";
import { bestOutcomes } from "../core/outcomes.ts";
import type { Jurisdiction } from "../core/schema/enums.ts";
import type { Screening } from "../core/schema/screening.ts";
import type { Situation } from "../core/schema/situation.ts";
import { type Channel, DUPLICATE_WINDOW_DAYS, residentStatus } from "../core/workflow.ts";
import type { Vault } from "./crypto.ts";
import { newReference } from "./reference.ts";
import { isUniqueViolation, type Q, type Store } from "./store.ts";

export type { Channel };

export type Applicant =
  | { kind: "self"; name?: string | undefined }
  | { kind: "helper"; name: string; relationship: string; phone: string };

export interface Consent {
  kind: "consent";
  /** When the person (or their helper) agreed, ISO 8601. */
  at: string;
  /** The version of the privacy notice that was shown. */
  noticeVersion: string;
  /** The person agreed themself, or through the helper; or the helper is their legal guardian. */
  basis: "self" | "person_agreed" | "guardian";
}

/**
 * The office's statutory duty to find people in need (社会救助暂行办法; 普民〔2021〕77号 二(四)): an
 * outreach request filed from a low-income register, before the person has been asked anything.
 */
export interface StatutoryDuty {
  kind: "statutory_duty";
  /** When the register was screened, ISO 8601. */
  at: string;
  /** The law the duty rests on. */
  law: string;
  /** Which register the household was found in (its file's name). */
  register: string;
}

/** Why a request may be processed at all. */
export type Basis = Consent | StatutoryDuty;

/** The stored form of a basis: one kind and one reference, both plain (no personal data). */
export function basisRef(basis: Basis): string {
  return basis.kind === "consent"
    ? `${basis.noticeVersion}:${basis.basis}`
    : `${basis.law}:${basis.register}`;
}

function basisFromRow(kind: Basis["kind"], at: string, ref: string): Basis {
  const split = ref.indexOf(":");
  const [head, tail] = split < 0 ? [ref, ""] : [ref.slice(0, split), ref.slice(split + 1)];
  return kind === "consent"
    ? { kind, at, noticeVersion: head, basis: (tail || "self") as Consent["basis"] }
    : { kind, at, law: head, register: tail };
}

export interface Person {
  name?: string | undefined;
  phone?: string | undefined;
  registerId?: string | undefined;
}

export interface NewRequest {
  channel: Channel;
  situation: Situation;
  screening: Screening;
  urgent: boolean;
  slaDueAt: Date;
  applicant: Applicant;
  /**
   * The person the request is for: their name, their own mainland number when a helper gave it, and
   * for an outreach request the household's id in the register it was found in.
   */
  person?: Person | undefined;
  /** The number the hotline calls back: a mainland mobile, or a helper's international number (E.164). */
  contactPhone: string;
  basis: Basis;
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
  person: Person | null;
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
  basis: Basis;
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

/** Who a new request's first event is from: the resident, an agent, or the office's register job. */
const EVENT_ACTOR: Record<Channel, string> = {
  bot: "resident",
  portal: "resident",
  staff: "staff",
  outreach: "system",
};

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
  byReference(reference: string): Promise<StoredRequest | null>;
  /** The status for a resident who knows the reference and the phone; null for either mismatch. */
  statusFor(
    reference: string,
    phone: string,
  ): Promise<{ status: string; updatedAt: string; lang: string } | null>;
  events(reference: string): Promise<{ at: string; kind: string; actor: string; data: unknown }[]>;
  /** What a retry of this key was answered with (for a form sent twice). */
  byIdempotencyKey(channel: Channel, key: string): Promise<Submitted | null>;
  /** The requests filed from one chat, newest first (for the bot's /status). */
  byChat(chatId: string): Promise<{ reference: string; status: string; updatedAt: string }[]>;
}

export interface RequestStoreDeps {
  db: Store;
  vault: Vault;
  now: () => Date;
  /** Put each new request in the outbox for the hotline's webhook (HOTLINE_WEBHOOK_URL is set). */
  forwardToHotline?: boolean;
}

interface Pending {
  input: NewRequest;
  keyHash: string | null;
  bodyHash: string;
}

export function createRequestStore(deps: RequestStoreDeps): RequestStore {
  const { db, vault, now } = deps;
  const { requests, requestEvents, requestOutcomes, idempotencyKeys, outbox } = db.t;

  async function seenKey(q: Q, keyHash: string) {
    const [seen] = await q
      .select({
        bodyHash: idempotencyKeys.bodyHash,
        reference: requests.reference,
        slaDueAt: requests.slaDueAt,
        urgent: requests.urgent,
      })
      .from(idempotencyKeys)
      .innerJoin(requests, eq(requests.id, idempotencyKeys.requestId))
      .where(eq(idempotencyKeys.keyHash, keyHash));
    return seen ?? null;
  }

  /** One request, its outcomes, its first event, its key and its outbox message, in the caller's transaction. */
  async function insertOne(q: Q, p: Pending, at: string): Promise<Submitted> {
    const { input, keyHash, bodyHash } = p;
    if (keyHash) {
      const seen = await seenKey(q, keyHash);
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
    const jurisdiction = input.situation.jurisdiction;
    const [earlier] = await q
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          eq(requests.phoneHash, phoneHash),
          eq(requests.jurisdiction, jurisdiction),
          gte(requests.createdAt, since),
        ),
      )
      .orderBy(desc(requests.id))
      .limit(1);
    for (let attempt = 0; ; attempt++) {
      const reference = newReference(jurisdiction);
      const [row] = await q
        .insert(requests)
        .values({
          reference,
          channel: input.channel,
          jurisdiction,
          urgent: input.urgent,
          status: "new",
          lang: input.lang,
          appliedBy: input.applicant.kind,
          basisKind: input.basis.kind,
          basisAt: input.basis.at,
          basisRef: basisRef(input.basis),
          engineVersion: input.screening.engineVersion,
          packVersion: input.screening.packVersion,
          phoneHash,
          otherPhoneHash,
          chatHash: input.chatId ? vault.hash("chat", input.chatId) : null,
          sealed: vault.seal(sealed, sealContext(reference)),
          createdAt: at,
          updatedAt: at,
          slaDueAt,
          duplicateOf: earlier?.id ?? null,
          flag: input.flag ?? null,
        })
        .onConflictDoNothing({ target: requests.reference })
        .returning({ id: requests.id });
      if (!row) {
        if (attempt > 5) throw new Error("could not draw a free reference");
        continue;
      }
      const outcomes = [...bestOutcomes(input.screening)].map(([program, outcome]) => ({
        requestId: row.id,
        program,
        outcome,
      }));
      if (outcomes.length > 0) await q.insert(requestOutcomes).values(outcomes);
      await q.insert(requestEvents).values({
        requestId: row.id,
        at,
        kind: "created",
        actor: EVENT_ACTOR[input.channel],
        data: { channel: input.channel, urgent: input.urgent },
      });
      if (keyHash)
        await q.insert(idempotencyKeys).values({ keyHash, requestId: row.id, bodyHash, createdAt: at });
      if (deps.forwardToHotline) {
        await q.insert(outbox).values({
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
  }

  /** Each submission in its own transaction; a key taken meanwhile by another process is read back. */
  async function commitAlone(p: Pending): Promise<Submitted> {
    try {
      return await db.tx((q) => insertOne(q, p, now().toISOString()));
    } catch (error) {
      if (!p.keyHash || !isUniqueViolation(error)) throw error;
      return db.tx((q) => insertOne(q, p, now().toISOString()));
    }
  }

  // Group commit (SQLite): submissions that arrive while a commit is pending share the next one, each in
  // a savepoint so a refused one leaves the others, and many requests pay for one fsync. Each is
  // acknowledged only after the commit that holds it.
  let waiting: { p: Pending; resolve: (s: Submitted) => void; reject: (e: unknown) => void }[] = [];
  async function flush() {
    const batch = waiting;
    waiting = [];
    let outcomes: ({ ok: true; value: Submitted } | { ok: false; error: unknown })[];
    try {
      outcomes = await db.tx(async () => {
        const at = now().toISOString();
        const done: typeof outcomes = [];
        for (const w of batch) {
          try {
            done.push({ ok: true, value: await db.savepoint((q) => insertOne(q, w.p, at)) });
          } catch (error) {
            done.push({ ok: false, error });
          }
        }
        return done;
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    outcomes.forEach((o, i) => {
      const w = batch[i];
      if (!w) return;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }

  async function read(reference: string): Promise<StoredRequest | null> {
    const row = await db.read(async (q) => {
      const [found] = await q.select().from(requests).where(eq(requests.reference, reference));
      if (!found || found.anonymizedAt !== null) return null;
      const [earlier] =
        found.duplicateOf === null
          ? []
          : await q
              .select({ r: requests.reference })
              .from(requests)
              .where(eq(requests.id, found.duplicateOf));
      return { ...found, duplicateRef: earlier?.r ?? null };
    });
    if (!row) return null;
    const sealed = vault.open<SealedRequest>(row.sealed, sealContext(row.reference));
    return {
      ...sealed,
      id: row.id,
      reference: row.reference,
      channel: row.channel,
      jurisdiction: row.jurisdiction as Jurisdiction,
      urgent: row.urgent,
      status: row.status,
      lang: row.lang,
      basis: basisFromRow(row.basisKind, row.basisAt, row.basisRef),
      engineVersion: row.engineVersion,
      packVersion: row.packVersion,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      slaDueAt: row.slaDueAt,
      contactedAt: row.contactedAt,
      closedAt: row.closedAt,
      closeOutcome: row.closeOutcome,
      assigneeId: row.assigneeId,
      duplicateOf: row.duplicateRef,
      version: row.version,
    };
  }

  return {
    submit(input, idempotency) {
      const keyHash = idempotency ? vault.hash("idempotency", `${input.channel}\0${idempotency.key}`) : null;
      const bodyHash = idempotency
        ? createHash("sha256").update(idempotency.fingerprint).digest("base64url")
        : "";
      const p = { input, keyHash, bodyHash };
      if (!db.groupCommit) return commitAlone(p);
      return new Promise<Submitted>((resolve, reject) => {
        waiting.push({ p, resolve, reject });
        if (waiting.length === 1) setImmediate(flush);
      });
    },
    byReference: read,
    async statusFor(reference, phone) {
      const [row] = await db.read((q) =>
        q
          .select({
            status: requests.status,
            updatedAt: requests.updatedAt,
            lang: requests.lang,
            phoneHash: requests.phoneHash,
            otherPhoneHash: requests.otherPhoneHash,
            closeOutcome: requests.closeOutcome,
          })
          .from(requests)
          .where(eq(requests.reference, reference)),
      );
      // Any number stored on the request: the call-back one, or the helper's or the person's own.
      if (!row || !phoneMatches(row, phone, (v) => vault.hash("phone", v))) return null;
      return {
        status: residentStatus(row.status, row.closeOutcome),
        updatedAt: row.updatedAt,
        lang: row.lang,
      };
    },
    async byIdempotencyKey(channel, key) {
      const seen = await db.read((q) => seenKey(q, vault.hash("idempotency", `${channel}\0${key}`)));
      return seen
        ? { reference: seen.reference, slaDueAt: seen.slaDueAt, urgent: seen.urgent, created: false }
        : null;
    },
    async byChat(chatId) {
      const rows = await db.read((q) =>
        q
          .select({
            reference: requests.reference,
            status: requests.status,
            closeOutcome: requests.closeOutcome,
            updatedAt: requests.updatedAt,
          })
          .from(requests)
          .where(eq(requests.chatHash, vault.hash("chat", chatId)))
          .orderBy(desc(requests.id))
          .limit(10),
      );
      return rows.map((r) => ({
        reference: r.reference,
        status: residentStatus(r.status, r.closeOutcome),
        updatedAt: r.updatedAt,
      }));
    },
    events(reference) {
      return db.read((q) =>
        q
          .select({
            at: requestEvents.at,
            kind: requestEvents.kind,
            actor: requestEvents.actor,
            data: requestEvents.data,
          })
          .from(requestEvents)
          .innerJoin(requests, eq(requests.id, requestEvents.requestId))
          .where(eq(requests.reference, reference))
          .orderBy(asc(requestEvents.id)),
      );
    },
  };
}
