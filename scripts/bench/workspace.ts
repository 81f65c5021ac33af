// The workspace's pages: median server time to render GET /staff (50 rows with whom each is for — their
// sealed facts opened) and GET /staff/requests/:ref (an audited view: the summary, facts, cards and
// trail) for a signed-in agent, through npm start's server on a real socket, with N stored requests
// (default 100,000) filled by SQL; the open ones sealed as real requests are.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Situation } from "../../core/schema/situation.ts";
import { screen } from "../../core/screen.ts";
import { type SealedRequest, sealContext } from "../../db/requests.ts";
import { readConfig } from "../../portal/server/config.ts";
import { createPasswordHasher } from "../../portal/server/passwords.ts";
import { buildDeps } from "../../portal/server/service.ts";
import { startServer, stop } from "../../tests/server/process.ts";
import { fillRequests } from "./fill.ts";
import { httpClient } from "./http.ts";

export const WORKSPACE_TARGET_MS = 15;
const KEY = "f".repeat(64);
const http = httpClient(1);

export async function benchWorkspace(options: { requests: number; runs: number }) {
  const dir = mkdtempSync(join(tmpdir(), "intake-workspace-bench-"));
  const dbPath = join(dir, "workspace.sqlite");
  const { deps } = await buildDeps(
    readConfig({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: KEY, SCRYPT_LOG_N: "10" }),
    {
      log: () => {},
    },
  );
  await fillRequests(deps.db, options.requests);
  // The open requests hold real sealed facts (the list and the record open them): one screened
  // household, sealed under each reference.
  const situation: Situation = {
    schemaVersion: 1,
    jurisdiction: "jilin",
    localHukou: true,
    members: [
      {
        relation: "self",
        age: 78,
        income: [{ kind: "pension_basic", monthly: 900 }],
        disability: { grade: 2, category: "physical" },
      },
    ],
  };
  const screening = screen(situation, { policies: deps.policies, today: "2026-11-22" });
  const { requests } = deps.db.t;
  await deps.db.tx(async (q) => {
    const open = await q
      .select({ id: requests.id, reference: requests.reference })
      .from(requests)
      .where(ne(requests.status, "closed"));
    for (const row of open) {
      const sealed: SealedRequest = {
        situation: { ...situation, jurisdiction: "jilin" },
        screening,
        applicant: { kind: "helper", name: "李秀兰", relationship: "child", phone: "13812345678" },
        person: { name: "王桂芳" },
        contactPhone: "13812345678",
        chatId: null,
      };
      await q
        .update(requests)
        .set({ sealed: deps.vault.seal(sealed, sealContext(row.reference)) })
        .where(eq(requests.id, row.id));
    }
  });
  const [first] = await deps.db.read((q) =>
    q
      .select({ reference: requests.reference })
      .from(requests)
      .where(and(eq(requests.status, "new"), eq(requests.jurisdiction, "jilin")))
      .orderBy(asc(requests.id))
      .limit(1),
  );
  const record = first?.reference ?? "";
  const hasher = createPasswordHasher({ logN: 10 });
  const account = await deps.staff.add({
    name: "bench",
    role: "agent",
    jurisdiction: "jilin",
    passwordHash: await hasher.hash("bench password 1"),
  });
  await deps.staff.setPassword(account.id, await hasher.hash("bench password 1"), false);
  await deps.db.close();
  const server = await startServer({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: KEY, SCRYPT_LOG_N: "10" });
  const login = await http(`${server.url}/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
    body: "name=bench&password=bench+password+1",
  });
  const cookie = String((login.headers["set-cookie"] as string[] | undefined)?.[0] ?? "").split(
    ";",
  )[0] as string;
  const measure = async (path: string) => {
    const times: number[] = [];
    for (let i = 0; i < options.runs + 20; i++) {
      const t0 = performance.now();
      const res = await http(`${server.url}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
      if (i >= 20) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return {
      medianMs: times[Math.floor(times.length / 2)] ?? 0,
      p99Ms: times[Math.floor(times.length * 0.99)] ?? 0,
    };
  };
  const queue = await measure("/staff");
  const request = await measure(`/staff/requests/${record}`);
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
  return { queue, request };
}
