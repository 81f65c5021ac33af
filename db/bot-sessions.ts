// grammY's StorageAdapter on the store: one sealed row per chat, dropped 30 days after its last change
// (an unsubmitted check is not kept for ever). Keys are hashed: the table shows no chat ids.

import { eq, lt } from "drizzle-orm";
import type { Db } from "./connection.ts";
import type { Vault } from "./crypto.ts";
import { botSessions, processedUpdates } from "./schema.ts";

export const BOT_SESSION_DAYS = 30;

/** The shape of grammY's StorageAdapter (kept here so db/ needs no grammY import). */
export interface SessionStorage<T> {
  read(key: string): T | undefined;
  write(key: string, value: T): void;
  delete(key: string): void;
}

export function createBotSessionStorage<T>(deps: {
  db: Db;
  vault: Vault;
  now: () => Date;
}): SessionStorage<T> & {
  sweep(): number;
} {
  const { db, vault, now } = deps;
  const orm = db.orm;
  const hashOf = (key: string) => vault.hash("bot-session", key);
  const context = (keyHash: string) => `bot-session:${keyHash}`;
  return {
    read(key) {
      const keyHash = hashOf(key);
      const row = orm.select().from(botSessions).where(eq(botSessions.keyHash, keyHash)).get();
      if (!row || row.expiresAt <= now().toISOString()) return undefined;
      return vault.open<T>(row.sealed, context(keyHash));
    },
    write(key, value) {
      const keyHash = hashOf(key);
      const at = now();
      const values = {
        sealed: vault.seal(value, context(keyHash)),
        updatedAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + BOT_SESSION_DAYS * 86_400_000).toISOString(),
      };
      orm
        .insert(botSessions)
        .values({ keyHash, ...values })
        .onConflictDoUpdate({ target: botSessions.keyHash, set: values })
        .run();
    },
    delete(key) {
      orm
        .delete(botSessions)
        .where(eq(botSessions.keyHash, hashOf(key)))
        .run();
    },
    sweep() {
      return orm.delete(botSessions).where(lt(botSessions.expiresAt, now().toISOString())).run().changes;
    },
  };
}

/** Records an update id; false when it was seen before (Telegram re-sends on a slow webhook answer). */
export function firstDelivery(db: Db, updateId: number, at: Date): boolean {
  return (
    db.orm.insert(processedUpdates).values({ updateId, at: at.toISOString() }).onConflictDoNothing().run()
      .changes === 1
  );
}

/** Forgets update ids older than a day (Telegram keeps undelivered updates for 24 hours). */
export function sweepUpdates(db: Db, now: Date): number {
  const before = new Date(now.getTime() - 86_400_000).toISOString();
  return db.orm.delete(processedUpdates).where(lt(processedUpdates.at, before)).run().changes;
}
