// Unfinished interviews ("drafts"), kept sealed so a refresh, a lost connection or a switch of channel
// loses nothing. A draft's id is a bearer secret held by its channel; the store keeps only its hash.
// A hand-off token (single use, 30 minutes) lets another channel take the draft over: the taker gets a
// fresh id and the old one stops working, so one draft never has two owners.

import { randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { type InterviewState, isCurrent } from "../core/interview/state.ts";
import type { Db } from "./connection.ts";
import type { Vault } from "./crypto.ts";
import type { Channel } from "./requests.ts";
import { handoffTokens, interviews } from "./schema.ts";

export interface Draft {
  state: InterviewState;
  lang: string;
  /** Started by a hotline agent for a caller on the phone (staff intake): filed with channel "staff". */
  byStaff?: number;
  /** A stored request's facts being corrected by that agent: saved as its next version, not filed. */
  amends?: string;
}

export const DRAFT_LIFETIME_DAYS = 30;
export const HANDOFF_MINUTES = 30;

const secret = () => randomBytes(24).toString("base64url");
const draftContext = (idHash: string) => `interview:${idHash}`;

export interface InterviewStore {
  create(draft: Draft, channel: Channel): string;
  get(id: string): Draft | null;
  save(id: string, draft: Draft): boolean;
  remove(id: string): void;
  handoff(id: string): { token: string; expiresAt: string } | null;
  /** Takes over a draft with a hand-off token: a new id for the taking channel, or null. */
  resume(token: string, channel: Channel): { id: string; draft: Draft } | null;
  /** Drops drafts past their expiry; returns how many. */
  sweep(): number;
}

export function createInterviewStore(deps: { db: Db; vault: Vault; now: () => Date }): InterviewStore {
  const { db, vault, now } = deps;
  const orm = db.orm;
  const hashOf = (id: string) => vault.hash("interview", id);
  const expiry = (from: Date) => new Date(from.getTime() + DRAFT_LIFETIME_DAYS * 86_400_000).toISOString();

  function load(idHash: string): Draft | null {
    const row = orm.select().from(interviews).where(eq(interviews.idHash, idHash)).get();
    if (!row || row.expiresAt <= now().toISOString()) return null;
    const draft = vault.open<Draft>(row.sealed, draftContext(idHash));
    // A draft from an older interview (another set of questions) cannot be continued: start again.
    return isCurrent(draft.state) ? draft : null;
  }

  /** A new draft under a fresh secret id; returns the id (only its hash is stored). */
  function insert(draft: Draft, channel: Channel, at: Date): string {
    const id = secret();
    const idHash = hashOf(id);
    orm
      .insert(interviews)
      .values({
        idHash,
        channel,
        sealed: vault.seal(draft, draftContext(idHash)),
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        expiresAt: expiry(at),
      })
      .run();
    return id;
  }

  const takeOver = db.sqlite.transaction((tokenHash: string, channel: Channel) => {
    const at = now();
    const row = orm.select().from(handoffTokens).where(eq(handoffTokens.tokenHash, tokenHash)).get();
    if (!row || row.usedAt !== null || row.expiresAt <= at.toISOString()) return null;
    const draft = load(row.interviewIdHash);
    orm
      .update(handoffTokens)
      .set({ usedAt: at.toISOString() })
      .where(eq(handoffTokens.tokenHash, tokenHash))
      .run();
    if (!draft) return null;
    const id = insert(draft, channel, at);
    orm.delete(handoffTokens).where(eq(handoffTokens.interviewIdHash, row.interviewIdHash)).run();
    orm.delete(interviews).where(eq(interviews.idHash, row.interviewIdHash)).run();
    return { id, draft };
  });

  return {
    create: (draft, channel) => insert(draft, channel, now()),
    get: (id) => load(hashOf(id)),
    save(id, draft) {
      const idHash = hashOf(id);
      const at = now();
      const result = orm
        .update(interviews)
        .set({
          sealed: vault.seal(draft, draftContext(idHash)),
          updatedAt: at.toISOString(),
          expiresAt: expiry(at),
        })
        .where(eq(interviews.idHash, idHash))
        .run();
      return result.changes > 0;
    },
    remove(id) {
      orm
        .delete(interviews)
        .where(eq(interviews.idHash, hashOf(id)))
        .run();
    },
    handoff(id) {
      const idHash = hashOf(id);
      if (!load(idHash)) return null;
      const token = secret();
      const expiresAt = new Date(now().getTime() + HANDOFF_MINUTES * 60_000).toISOString();
      orm
        .insert(handoffTokens)
        .values({ tokenHash: hashOf(`handoff:${token}`), interviewIdHash: idHash, expiresAt })
        .run();
      return { token, expiresAt };
    },
    resume: (token, channel) => takeOver.immediate(hashOf(`handoff:${token}`), channel),
    sweep() {
      return orm.delete(interviews).where(lt(interviews.expiresAt, now().toISOString())).run().changes;
    },
  };
}
