// The portal's question page: median server time to render GET /check (a draft part-answered, its
// cookie sent) through the real server on a real socket, and each resident page's weight (HTML + CSS).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, stop } from "../../tests/server/process.ts";
import { httpClient } from "./http.ts";

export const PORTAL_TARGETS = { medianMs: 15, pageBytes: 51_200 };

const http = httpClient(1);

export async function benchPortal(options: { runs: number }) {
  const dir = mkdtempSync(join(tmpdir(), "intake-portal-bench-"));
  const server = await startServer({
    DATABASE_PATH: join(dir, "portal.sqlite"),
    INTAKE_DATA_KEY: "d".repeat(64),
  });
  const form = (path: string, body: string, cookie = "") =>
    http(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie },
      body,
    });
  const started = await form("/check/start", "jurisdiction=wuxi&helping=self");
  const cookie = String(started.headers["set-cookie"] ?? "").split(";")[0] as string;
  await form("/check/answer", "key=household&count.spouse=1", cookie);
  const times: number[] = [];
  for (let i = 0; i < options.runs + 20; i++) {
    const t0 = performance.now();
    const res = await http(`${server.url}/check`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET /check: ${res.status}`);
    if (i >= 20) times.push(performance.now() - t0); // the first ones warm the JIT
  }
  times.sort((a, b) => a - b);
  const css = (await http(`${server.url}/site.css`)).body;
  const weights: { page: string; bytes: number }[] = [];
  for (const page of ["/", "/check", "/status", "/nope"]) {
    const html = (await http(`${server.url}${page}`, { headers: { cookie } })).body;
    weights.push({ page, bytes: Buffer.byteLength(html) + Buffer.byteLength(css) });
  }
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
  return {
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    p99Ms: times[Math.floor(times.length * 0.99)] ?? 0,
    weights,
  };
}
