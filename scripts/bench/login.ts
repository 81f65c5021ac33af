// A real staff login while a flood of wrong passwords comes from five addresses (100 attempts at once,
// 20 from each), with the production scrypt cost (N = 2^17), through npm start's server on a real
// socket: the time from the real user's POST to its answer. The flood's addresses each get one hash in
// flight; the rest are refused before hashing.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readConfig } from "../../portal/server/config.ts";
import { createPasswordHasher } from "../../portal/server/passwords.ts";
import { buildDeps } from "../../portal/server/service.ts";
import { startServer, stop } from "../../tests/server/process.ts";

export const LOGIN_TARGET_MS = 5_000;
const KEY = "7".repeat(64);
const PASSWORD = "the real user's password";

export async function benchLogin() {
  const dir = mkdtempSync(join(tmpdir(), "intake-login-bench-"));
  const dbPath = join(dir, "login.sqlite");
  const { deps } = await buildDeps(readConfig({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: KEY }), {
    log: () => {},
  });
  const hasher = createPasswordHasher({ logN: 17 });
  const account = await deps.staff.add({
    name: "li",
    role: "agent",
    jurisdiction: "wuxi",
    passwordHash: await hasher.hash(PASSWORD),
  });
  await deps.staff.setPassword(account.id, await hasher.hash(PASSWORD), false);
  await deps.db.close();
  const server = await startServer({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: KEY, TRUST_PROXY: "1" });
  const login = (name: string, password: string, address: string) =>
    fetch(`${server.url}/api/staff/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ name, password }),
    }).then((r) => r.status);
  const flood = Array.from({ length: 100 }, (_, i) =>
    login(`guess${i}`, "wrong password", `203.0.113.${i % 5}`),
  );
  await new Promise((r) => setTimeout(r, 20));
  const t0 = performance.now();
  const real = await login("li", PASSWORD, "198.51.100.7");
  const ms = performance.now() - t0;
  const statuses = await Promise.all(flood);
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
  return {
    ms,
    real,
    refused: statuses.filter((s) => s === 429).length,
    hashed: statuses.filter((s) => s === 401).length,
  };
}
