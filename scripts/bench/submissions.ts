// Durable submissions per second through the real API: `npm start`'s server in its own process, on
// SQLite (WAL with synchronous=FULL, group commit: every 201 is on disk) or PostgreSQL (each submission
// its own transaction, acknowledged after its commit), loaded over loopback HTTP by concurrent clients
// in this one. Each body is a different household and phone.

import { startServer, stop } from "../../tests/server/process.ts";
import { httpClient } from "./http.ts";
import { benchStore, type StoreKind } from "./stores.ts";

export const SUBMISSIONS_TARGET = 1_000;

function body(i: number): string {
  return JSON.stringify({
    situation: {
      schemaVersion: 1,
      jurisdiction: (["wuxi", "jiangmen", "puning", "jilin", "neijiang-dongxing"] as const)[i % 5],
      area: i % 2 === 0 ? "urban" : "rural",
      members: [
        { relation: "self", age: 30 + (i % 50), income: [{ kind: "wage", monthly: (i * 37) % 1500 }] },
        { relation: "child", age: i % 17 },
      ],
      emergency: i % 10 === 0 ? { kind: "fire", category: "urgent", basicLivingAtRisk: true } : null,
    },
    contact: { phone: `138${String(i).padStart(8, "0")}` },
    applicant: { kind: "self", name: "测试" },
    consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
  });
}

const http = httpClient(256);

/** Each submission from its own client (behind a trusted proxy), as many residents would send them. */
const clientOf = (key: string) => {
  const n = Number(/\d+/.exec(key)?.[0] ?? 0);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

async function post(url: string, payload: string, key: string): Promise<number> {
  const reply = await http(url, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key, "x-forwarded-for": clientOf(key) },
    body: payload,
  });
  return reply.status;
}

export async function benchSubmissions(options: {
  seconds: number;
  concurrency: number;
  store: StoreKind;
  /** Service processes on the one store (PostgreSQL), the clients spread over them. */
  processes?: number;
}) {
  const store = await benchStore(options.store);
  const env = { ...store.env, INTAKE_DATA_KEY: "5".repeat(64), TRUST_PROXY: "1" };
  const servers = await Promise.all(Array.from({ length: options.processes ?? 1 }, () => startServer(env)));
  let next = 0;
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  const run = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      const i = next++;
      const t0 = performance.now();
      const server = servers[i % servers.length] as (typeof servers)[number];
      const status = await post(`${server.url}/api/requests`, body(i), `bench-${i}-key`);
      if (!record) continue;
      if (status === 201) {
        ok++;
        latencies.push(performance.now() - t0);
      } else failed++;
    }
  };
  const workers = (seconds: number, record: boolean) => {
    const until = performance.now() + seconds * 1000;
    return Promise.all(Array.from({ length: options.concurrency }, () => run(until, record)));
  };
  await workers(1, false); // warm-up
  const t0 = performance.now();
  await workers(options.seconds, true);
  const elapsed = (performance.now() - t0) / 1000;
  await Promise.all(servers.map((server) => stop(server)));
  await store.drop();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    submissions: ok,
    failed,
    seconds: elapsed,
    perSecond: Math.round(ok / elapsed),
    medianMs: at(0.5),
    p99Ms: at(0.99),
  };
}
