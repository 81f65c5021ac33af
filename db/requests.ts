// Requests: submitted once (an idempotency key returns the first reference for a retry), read back
// whole by reference, and looked up by a resident with reference + phone. Every write is one
// transaction with its event, committed (synchronous=FULL) before the caller acknowledges anything.

import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Jurisdiction, Program } from "../core/schema/enums.ts";
import type { Screening } from "../core/schema/screening.ts";
import type { Situation } from "../core/schema/situation.ts";
import type { Db } from "./connection.ts";
import type { Vault } from "./crypto.ts";
import { newReference } from "./reference.ts";
import { idempotencyKeys, requestEvents, requestOutcomes, requests } from "./schema.ts";

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
  /** The person the request is for, when it is not the applicant. */
  person?: { name?: string | undefined } | undefined;
  /** The number the hotline calls back (mainland mobile, normalized). */
  contactPhone: string;
  consent: Consent;
  lang: string;
  /** The Telegram chat to notify of status changes. */
  chatId?: string | undefined;
}

/** What is sealed in a request row. */
export interface SealedRequest {
  situation: Situation;
  screening: Screening;
  applicant: Applicant;
  person: { name?: string | undefined } | null;
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
  return phone.replace(/\D/g, "").replace(/^86(?=1\d{10}$)/, "");
}

export interface RequestStore {
  /** `fingerprint` identifies the submitted body: a retry must send the same one. */
  submit(input: NewRequest, idempotency?: { key: string; fingerprint: string }): Submitted;
  byReference(reference: string): StoredRequest | null;
  /** The status for a resident who knows the reference and the phone; null for either mismatch. */
  statusFor(reference: string, phone: string): { status: string; updatedAt: string; lang: string } | null;
  events(reference: string): { at: string; kind: string; actor: string; data: unknown }[];
}

export function createRequestStore(deps: { db: Db; vault: Vault; now: () => Date }): RequestStore {
  const { db, vault, now } = deps;
  const orm = db.orm;

  const insert = db.sqlite.transaction((input: NewRequest, keyHash: string | null, bodyHash: string) => {
    if (keyHash) {
      const seen = orm
        .select({
          bodyHash: idempotencyKeys.bodyHash,
          reference: requests.reference,
          slaDueAt: requests.slaDueAt,
          urgent: requests.urgent,
        })
        .from(idempotencyKeys)
        .innerJoin(requests, eq(requests.id, idempotencyKeys.requestId))
        .where(eq(idempotencyKeys.keyHash, keyHash))
        .get();
      if (seen) {
        if (seen.bodyHash !== bodyHash) throw new IdempotencyConflict();
        return { reference: seen.reference, slaDueAt: seen.slaDueAt, urgent: seen.urgent, created: false };
      }
    }
    const at = now().toISOString();
    const sealed: SealedRequest = {
      situation: input.situation,
      screening: input.screening,
      applicant: input.applicant,
      person: input.person ?? null,
      contactPhone: input.contactPhone,
      chatId: input.chatId ?? null,
    };
    const slaDueAt = input.slaDueAt.toISOString();
    for (let attempt = 0; ; attempt++) {
      const reference = newReference(input.situation.jurisdiction);
      const row = orm
        .insert(requests)
        .values({
          reference,
          channel: input.channel,
          jurisdiction: input.situation.jurisdiction,
          urgent: input.urgent,
          status: "new",
          lang: input.lang,
          appliedBy: input.applicant.kind,
          consentAt: input.consent.at,
          consentNotice: `${input.consent.noticeVersion}:${input.consent.basis}`,
          engineVersion: input.screening.engineVersion,
          packVersion: input.screening.packVersion,
          phoneHash: vault.hash("phone", normalizePhoneForHash(input.contactPhone)),
          chatHash: input.chatId ? vault.hash("chat", input.chatId) : null,
          sealed: vault.seal(sealed, sealContext(reference)),
          createdAt: at,
          updatedAt: at,
          slaDueAt,
        })
        .onConflictDoNothing({ target: requests.reference })
        .returning({ id: requests.id })
        .get();
      if (!row) {
        if (attempt > 5) throw new Error("could not draw a free reference");
        continue;
      }
      const outcomes = [...bestOutcomes(input.screening)].map(([program, outcome]) => ({
        requestId: row.id,
        program,
        outcome,
      }));
      if (outcomes.length > 0) orm.insert(requestOutcomes).values(outcomes).run();
      orm
        .insert(requestEvents)
        .values({
          requestId: row.id,
          at,
          kind: "created",
          actor: input.channel === "staff" ? "staff" : "resident",
          data: { channel: input.channel, urgent: input.urgent },
        })
        .run();
      if (keyHash)
        orm.insert(idempotencyKeys).values({ keyHash, requestId: row.id, bodyHash, createdAt: at }).run();
      return { reference, slaDueAt, urgent: input.urgent, created: true };
    }
  });

  function read(reference: string): StoredRequest | null {
    const row = orm.select().from(requests).where(eq(requests.reference, reference)).get();
    if (!row) return null;
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
    };
  }

  return {
    submit(input, idempotency) {
      const keyHash = idempotency ? vault.hash("idempotency", `${input.channel}\0${idempotency.key}`) : null;
      const bodyHash = idempotency
        ? createHash("sha256").update(idempotency.fingerprint).digest("base64url")
        : "";
      return insert.immediate(input, keyHash, bodyHash);
    },
    byReference: read,
    statusFor(reference, phone) {
      const row = orm
        .select({
          status: requests.status,
          updatedAt: requests.updatedAt,
          lang: requests.lang,
          phoneHash: requests.phoneHash,
        })
        .from(requests)
        .where(eq(requests.reference, reference))
        .get();
      const given = vault.hash("phone", normalizePhoneForHash(phone));
      if (!row || row.phoneHash !== given) return null;
      return { status: row.status, updatedAt: row.updatedAt, lang: row.lang };
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
