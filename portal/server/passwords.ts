// Staff passwords: scrypt from node:crypto at OWASP's cost (N=2^17, r=8, p=1, which needs 128·N·r =
// 128 MiB, so maxmem is 256 MiB), asynchronous, at most two hashes at once so a burst of logins cannot
// exhaust memory. The cost comes from configuration (tests lower it); each hash records its own cost.

import { randomBytes, randomInt, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

export const MIN_PASSWORD_LENGTH = 12;

/** The form a password is hashed in: full-width letters and digits become their ASCII selves. */
export const normalizePassword = (password: string) => password.normalize("NFKC");
export const OWASP_LOG_N = 17;
const KEY_LENGTH = 32;
const MAX_PARALLEL = 2;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(normalizePassword(password), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export function createPasswordHasher(options: { logN: number }): PasswordHasher {
  let running = 0;
  const waiting: (() => void)[] = [];
  async function limited<T>(work: () => Promise<T>): Promise<T> {
    // A finishing hash hands its slot straight to the next waiter, so a newcomer cannot slip in between.
    if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }
  const cost = (logN: number) => ({ N: 2 ** logN, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return {
    hash(password) {
      const salt = randomBytes(16);
      return limited(async () => {
        const key = await scryptAsync(password, salt, cost(options.logN));
        return `scrypt$${options.logN}$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
      });
    },
    verify(password, stored) {
      const [scheme, logN, , , salt, key] = stored.split("$");
      if (scheme !== "scrypt" || !salt || !key) return Promise.resolve(false);
      return limited(async () => {
        const derived = await scryptAsync(password, Buffer.from(salt, "base64url"), cost(Number(logN)));
        const expected = Buffer.from(key, "base64url");
        return expected.length === derived.length && timingSafeEqual(expected, derived);
      });
    },
  };
}

/** A one-time password an admin reads out or sends: 16 characters without look-alikes. */
export function oneTimePassword(): string {
  const alphabet = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join("");
}
