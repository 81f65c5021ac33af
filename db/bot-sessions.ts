// grammY's StorageAdapter on the store: one sealed row per chat, dropped 30 days after its last change
// (an unsubmitted check is not kept for ever). Keys are hashed: the table shows no chat ids.

import { lt } from "drizzle-orm";
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
  const hashOf = (key: string) => vault.hash("bot-session", key);
  const context = (keyHash: string) => `bot-session:${keyHash}`;
  // Prepared once: every update reads and writes its chat's row.
  const select = db.sqlite.prepare<[string], { sealed: Buffer; expires_at: string }>(
    "SELECT sealed, expires_at FROM bot_sessions WHERE key_hash = ?",
  );
  const upsert = db.sqlite.prepare(
    `INSERT INTO bot_sessions (key_hash, sealed, updated_at, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key_hash) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at,
       expires_at = excluded.expires_at`,
  );
  const remove = db.sqlite.prepare("DELETE FROM bot_sessions WHERE key_hash = ?");
  return {
    read(key) {
      const keyHash = hashOf(key);
      const row = select.get(keyHash);
      if (!row || row.expires_at <= now().toISOString()) return undefined;
      return vault.open<T>(row.sealed, context(keyHash));
    },
    write(key, value) {
      const keyHash = hashOf(key);
      const at = now();
      const expires = new Date(at.getTime() + BOT_SESSION_DAYS * 86_400_000).toISOString();
      upsert.run(keyHash, vault.seal(value, context(keyHash)), at.toISOString(), expires);
    },
    delete(key) {
      remove.run(hashOf(key));
    },
    sweep() {
      return db.orm.delete(botSessions).where(lt(botSessions.expiresAt, now().toISOString())).run().changes;
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
