// The staff queue's first page with a large store: N requests (default 1,000,000) written straight
// into a fresh store, SQLite or PostgreSQL (scripts/bench/fill.ts: a tenth open, a tenth urgent, five
// jurisdictions, eight program outcomes each), then GET /api/staff/queue through the real app with a
// signed-in supervisor and an agent of one jurisdiction, and the engine's plan for the first page.

import { createApp } from "../../portal/server/app.ts";
import { readConfig } from "../../portal/server/config.ts";
import { buildDeps } from "../../portal/server/service.ts";
import { fillRequests } from "./fill.ts";
import { median } from "./median.ts";
import { benchStore, type StoreKind } from "./stores.ts";

export const QUEUE_TARGET_MS = 20;

export async function benchQueue(options: { requests: number; runs: number; store: StoreKind }) {
  const store = await benchStore(options.store);
  const config = readConfig({ ...store.env, INTAKE_DATA_KEY: "8".repeat(64), SCRYPT_LOG_N: "10" });
  const { deps } = await buildDeps(config, { log: () => {} });
  const t0 = performance.now();
  await fillRequests(deps.db, options.requests);
  const fillSeconds = (performance.now() - t0) / 1000;
  const app = createApp(deps);
  const cookieFor = async (name: string, role: "agent" | "supervisor", jurisdiction: string) => {
    const pw = "bench password 1";
    const account = await deps.staff.add({
      name,
      role,
      jurisdiction,
      passwordHash: await deps.passwords.hash(pw),
    });
    await deps.staff.setPassword(account.id, await deps.passwords.hash(pw), false);
    const res = await app.request("/api/staff/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, password: pw }),
    });
    return (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  };
  const cases = [
    {
      label: "supervisor, all jurisdictions, open queue",
      cookie: await cookieFor("sup", "supervisor", "all"),
      query: "",
    },
    {
      label: "agent of one jurisdiction, open queue",
      cookie: await cookieFor("agt", "agent", "jilin"),
      query: "",
    },
    {
      label: "agent, status new, likely 低保",
      cookie: await cookieFor("agt2", "agent", "jilin"),
      query: "?status=new&program=dibao&outcome=likely",
    },
  ];
  const rows = [];
  for (const c of cases) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < options.runs + 5; i++) {
      const start = performance.now();
      const res = await app.request(`/api/staff/queue${c.query}`, { headers: { cookie: c.cookie } });
      const body = (await res.json()) as { items: unknown[] };
      const ms = performance.now() - start;
      if (i >= 5) times.push(ms); // the first few warm the caches
      items = body.items.length;
    }
    rows.push({ label: c.label, items, medianMs: median(times), maxMs: Math.max(...times) });
  }
  // The plans for the open queue's first page, all jurisdictions and one: the index, read in order.
  const plans = {
    all: await deps.queue.plan({ scope: "all" }),
    jilin: await deps.queue.plan({ scope: "jilin" }),
  };
  await deps.db.close();
  await store.drop();
  return { fillSeconds, rows, plans };
}
