// grammY's StorageAdapter on the store: one sealed row per chat, dropped 30 days after its last change
// (an unsubmitted check is not kept for ever). Keys are hashed: the table shows no chat ids.

import { eq, lt } from "drizzle-orm";
import type { Vault } from "./crypto.ts";
import type { Store } from "./store.ts";

export const BOT_SESSION_DAYS = 30;

/** The shape of grammY's StorageAdapter (kept here so db/ needs no grammY import). */
export interface SessionStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export function createBotSessionStorage<T>(deps: {
  db: Store;
  vault: Vault;
  now: () => Date;
}): SessionStorage<T> & {
  sweep(): Promise<number>;
} {
  const { db, vault, now } = deps;
  const { botSessions } = db.t;
  const hashOf = (key: string) => vault.hash("bot-session", key);
  const context = (keyHash: string) => `bot-session:${keyHash}`;
  return {
    async read(key) {
      const keyHash = hashOf(key);
      const [row] = await db.read((q) =>
        q
          .select({ sealed: botSessions.sealed, expiresAt: botSessions.expiresAt })
          .from(botSessions)
          .where(eq(botSessions.keyHash, keyHash)),
      );
      if (!row || row.expiresAt <= now().toISOString()) return undefined;
      return vault.open<T>(row.sealed, context(keyHash));
    },
    async write(key, value) {
      const keyHash = hashOf(key);
      const at = now();
      const row = {
        sealed: vault.seal(value, context(keyHash)),
        updatedAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + BOT_SESSION_DAYS * 86_400_000).toISOString(),
      };
      await db.tx((q) =>
        q
          .insert(botSessions)
          .values({ keyHash, ...row })
          .onConflictDoUpdate({ target: botSessions.keyHash, set: row }),
      );
    },
    async delete(key) {
      await db.tx((q) => q.delete(botSessions).where(eq(botSessions.keyHash, hashOf(key))));
    },
    async sweep() {
      const swept = await db.tx((q) =>
        q
          .delete(botSessions)
          .where(lt(botSessions.expiresAt, now().toISOString()))
          .returning({ keyHash: botSessions.keyHash }),
      );
      return swept.length;
    },
  };
}

/** Records an update id; false when it was seen before (Telegram re-sends on a slow webhook answer). */
export async function firstDelivery(db: Store, updateId: number, at: Date): Promise<boolean> {
  const { processedUpdates } = db.t;
  const first = await db.tx((q) =>
    q
      .insert(processedUpdates)
      .values({ updateId, at: at.toISOString() })
      .onConflictDoNothing()
      .returning({ updateId: processedUpdates.updateId }),
  );
  return first.length === 1;
}

/** Forgets update ids older than a day (Telegram keeps undelivered updates for 24 hours). */
export async function sweepUpdates(db: Store, now: Date): Promise<number> {
  const { processedUpdates } = db.t;
  const before = new Date(now.getTime() - 86_400_000).toISOString();
  const swept = await db.tx((q) =>
    q
      .delete(processedUpdates)
      .where(lt(processedUpdates.at, before))
      .returning({ updateId: processedUpdates.updateId }),
  );
  return swept.length;
}
