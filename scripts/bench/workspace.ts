// The workspace's queue page: median server time to render GET /staff (50 rows, a signed-in agent)
// through npm start's server on a real socket, with N stored requests (default 100,000) filled by SQL.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readConfig } from "../../portal/server/config.ts";
import { createPasswordHasher } from "../../portal/server/passwords.ts";
import { buildDeps } from "../../portal/server/service.ts";
import { startServer, stop } from "../../tests/server/process.ts";
import { httpClient } from "./http.ts";
import { fill } from "./queue.ts";

export const WORKSPACE_TARGET_MS = 15;
const KEY = "f".repeat(64);
const http = httpClient(1);

export async function benchWorkspace(options: { requests: number; runs: number }) {
  const dir = mkdtempSync(join(tmpdir(), "intake-workspace-bench-"));
  const dbPath = join(dir, "workspace.sqlite");
  const { deps } = buildDeps(
    readConfig({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: KEY, SCRYPT_LOG_N: "10" }),
    {
      log: () => {},
    },
  );
  fill(deps.db.sqlite, options.requests);
  const hasher = createPasswordHasher({ logN: 10 });
  const account = deps.staff.add({
    name: "bench",
    role: "agent",
    jurisdiction: "jilin",
    passwordHash: await hasher.hash("bench password 1"),
  });
  deps.staff.setPassword(account.id, await hasher.hash("bench password 1"), false);
  deps.db.close();
  const server = await startServer({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: KEY, SCRYPT_LOG_N: "10" });
  const login = await http(`${server.url}/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
    body: "name=bench&password=bench+password+1",
  });
  const cookie = String((login.headers["set-cookie"] as string[] | undefined)?.[0] ?? "").split(
    ";",
  )[0] as string;
  const times: number[] = [];
  for (let i = 0; i < options.runs + 20; i++) {
    const t0 = performance.now();
    const res = await http(`${server.url}/staff`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET /staff: ${res.status}`);
    if (i >= 20) times.push(performance.now() - t0);
  }
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    p99Ms: times[Math.floor(times.length * 0.99)] ?? 0,
  };
}
