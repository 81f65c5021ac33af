// Unfinished interviews ("drafts"), kept sealed so a refresh, a lost connection or a switch of channel
// loses nothing. A draft's id is a bearer secret held by its channel; the store keeps only its hash.
// A hand-off token (single use, 30 minutes) lets another channel take the draft over: the taker gets a
// fresh id and the old one stops working, so one draft never has two owners.

import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { type InterviewState, isCurrent } from "../core/interview/state.ts";
import type { Vault } from "./crypto.ts";
import type { Channel as RequestChannel } from "./requests.ts";

/** Interviews are held in a chat, a form or on a call: outreach requests come from a register instead. */
type Channel = Exclude<RequestChannel, "outreach">;

import type { Q, Store } from "./store.ts";

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
  create(draft: Draft, channel: Channel): Promise<string>;
  get(id: string): Promise<Draft | null>;
  save(id: string, draft: Draft): Promise<boolean>;
  remove(id: string): Promise<void>;
  handoff(id: string): Promise<{ token: string; expiresAt: string } | null>;
  /** Takes over a draft with a hand-off token: a new id for the taking channel, or null. */
  resume(token: string, channel: Channel): Promise<{ id: string; draft: Draft } | null>;
  /** Drops drafts past their expiry; returns how many. */
  sweep(): Promise<number>;
}

export function createInterviewStore(deps: { db: Store; vault: Vault; now: () => Date }): InterviewStore {
  const { db, vault, now } = deps;
  const { interviews, handoffTokens } = db.t;
  const hashOf = (id: string) => vault.hash("interview", id);
  const expiry = (from: Date) => new Date(from.getTime() + DRAFT_LIFETIME_DAYS * 86_400_000).toISOString();

  async function load(q: Q, idHash: string): Promise<Draft | null> {
    const [row] = await q.select().from(interviews).where(eq(interviews.idHash, idHash));
    if (!row || row.expiresAt <= now().toISOString()) return null;
    const draft = vault.open<Draft>(row.sealed, draftContext(idHash));
    // A draft from an older interview (another set of questions) cannot be continued: start again.
    return isCurrent(draft.state) ? draft : null;
  }

  /** A new draft under a fresh secret id; returns the id (only its hash is stored). */
  async function insert(q: Q, draft: Draft, channel: Channel, at: Date): Promise<string> {
    const id = secret();
    const idHash = hashOf(id);
    await q.insert(interviews).values({
      idHash,
      channel,
      sealed: vault.seal(draft, draftContext(idHash)),
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      expiresAt: expiry(at),
    });
    return id;
  }

  return {
    create: (draft, channel) => db.tx((q) => insert(q, draft, channel, now())),
    get: (id) => db.read((q) => load(q, hashOf(id))),
    async save(id, draft) {
      const idHash = hashOf(id);
      const at = now();
      const saved = await db.tx((q) =>
        q
          .update(interviews)
          .set({
            sealed: vault.seal(draft, draftContext(idHash)),
            updatedAt: at.toISOString(),
            expiresAt: expiry(at),
          })
          .where(eq(interviews.idHash, idHash))
          .returning({ idHash: interviews.idHash }),
      );
      return saved.length > 0;
    },
    async remove(id) {
      await db.tx((q) => q.delete(interviews).where(eq(interviews.idHash, hashOf(id))));
    },
    handoff(id) {
      const idHash = hashOf(id);
      return db.tx(async (q) => {
        if (!(await load(q, idHash))) return null;
        const token = secret();
        const expiresAt = new Date(now().getTime() + HANDOFF_MINUTES * 60_000).toISOString();
        await q
          .insert(handoffTokens)
          .values({ tokenHash: hashOf(`handoff:${token}`), interviewIdHash: idHash, expiresAt });
        return { token, expiresAt };
      });
    },
    resume(token, channel) {
      const tokenHash = hashOf(`handoff:${token}`);
      return db.tx(async (q) => {
        const at = now();
        // Spent in the same statement that checks it: of two takers racing, one gets the draft.
        const [row] = await q
          .update(handoffTokens)
          .set({ usedAt: at.toISOString() })
          .where(
            and(
              eq(handoffTokens.tokenHash, tokenHash),
              isNull(handoffTokens.usedAt),
              gt(handoffTokens.expiresAt, at.toISOString()),
            ),
          )
          .returning({ interviewIdHash: handoffTokens.interviewIdHash });
        if (!row) return null;
        const draft = await load(q, row.interviewIdHash);
        if (!draft) return null;
        const id = await insert(q, draft, channel, at);
        await q.delete(handoffTokens).where(eq(handoffTokens.interviewIdHash, row.interviewIdHash));
        await q.delete(interviews).where(eq(interviews.idHash, row.interviewIdHash));
        return { id, draft };
      });
    },
    async sweep() {
      const swept = await db.tx((q) =>
        q
          .delete(interviews)
          .where(lt(interviews.expiresAt, now().toISOString()))
          .returning({ idHash: interviews.idHash }),
      );
      return swept.length;
    },
  };
}
