// Personal facts at rest: JSON, deflated (a screening shrinks about 5×), then AES-256-GCM under the data key, and keyed hashes for lookups (a phone number
// is found by its HMAC, never stored in the clear). Subkeys are derived with HKDF so the sealing key
// and the hashing key are never the same bytes.

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";

// The first byte says how the plaintext was packed: 1 deflated JSON, 2 plain JSON. Small values (a
// chat's session, a note) are not worth deflating; a screening shrinks about 5×.
const DEFLATED = 1;
const PLAIN = 2;
const DEFLATE_FROM = 2048;
const IV = 12;
const TAG = 16;

export interface Vault {
  /** JSON-encodes and encrypts; `context` (a table and row reference) is bound as associated data. */
  seal(value: unknown, context: string): Buffer;
  open<T>(blob: Buffer, context: string): T;
  /** A keyed hash for equality lookups: the same input always gives the same hash under one key. */
  hash(purpose: string, value: string): string;
  /** A value that shows whether a stored database was written under this key. */
  keyCheck(): string;
}

export class VaultError extends Error {}

export function createVault(key: Buffer): Vault {
  if (key.length !== 32) throw new VaultError("the data key must be 32 bytes");
  const sealKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "intake seal v1", 32));
  const hashKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "intake lookup v1", 32));
  return {
    seal(value, context) {
      const iv = randomBytes(IV);
      const cipher = createCipheriv("aes-256-gcm", sealKey, iv, { authTagLength: TAG });
      cipher.setAAD(Buffer.from(context));
      const json = Buffer.from(JSON.stringify(value), "utf8");
      const format = json.length >= DEFLATE_FROM ? DEFLATED : PLAIN;
      const packed = format === DEFLATED ? deflateRawSync(json, { level: 1 }) : json;
      const body = Buffer.concat([cipher.update(packed), cipher.final()]);
      return Buffer.concat([Buffer.from([format]), iv, cipher.getAuthTag(), body]);
    },
    open<T>(blob: Buffer, context: string): T {
      const format = blob[0];
      if (blob.length < 1 + IV + TAG || (format !== DEFLATED && format !== PLAIN)) {
        throw new VaultError("unknown sealed format");
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", sealKey, blob.subarray(1, 1 + IV), {
          authTagLength: TAG,
        });
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(blob.subarray(1 + IV, 1 + IV + TAG));
        const text = Buffer.concat([decipher.update(blob.subarray(1 + IV + TAG)), decipher.final()]);
        return JSON.parse((format === DEFLATED ? inflateRawSync(text) : text).toString("utf8")) as T;
      } catch {
        throw new VaultError("sealed data cannot be opened with this key");
      }
    },
    hash(purpose, value) {
      return createHmac("sha256", hashKey).update(`${purpose}\0${value}`).digest("base64url");
    },
    keyCheck() {
      return createHmac("sha256", hashKey).update("key check").digest("base64url").slice(0, 16);
    },
  };
}
