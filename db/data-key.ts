// The data key: INTAKE_DATA_KEY (32 bytes, base64 or hex) in production; for the embedded default, a key
// file beside the database, generated on first start with owner-only permissions.

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { eq } from "drizzle-orm";
import type { Store } from "./store.ts";

export class DataKeyError extends Error {}

/** 64 hex digits or base64 of 32 bytes; anything else is refused. */
export function parseDataKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const key = Buffer.from(t.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return key.length === 32 ? key : null;
  }
  return null;
}

export function loadOrCreateKeyFile(file: string): { key: Buffer; created: boolean } {
  if (existsSync(file)) {
    const key = parseDataKey(readFileSync(file, "utf8"));
    if (!key) throw new DataKeyError(`${file} does not hold a 32-byte key`);
    return { key, created: false };
  }
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return { key, created: true };
}

/** Refuses a key other than the one the database was first written with (data would be unreadable). */
export function checkKeyMatches(db: Store, check: string): Promise<boolean> {
  const { meta } = db.t;
  return db.tx(async (q) => {
    await q.insert(meta).values({ key: "key_check", value: check }).onConflictDoNothing();
    const [row] = await q.select({ value: meta.value }).from(meta).where(eq(meta.key, "key_check"));
    return row?.value === check;
  });
}
