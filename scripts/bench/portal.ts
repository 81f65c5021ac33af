// The portal's question page: median server time to render GET /check (a draft part-answered, its
// cookie sent) through the real server on a real socket, and each resident page's weight (HTML + CSS).

import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, stop } from "../../tests/server/process.ts";

export const PORTAL_TARGETS = { medianMs: 15, pageBytes: 51_200 };

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function http(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? "GET", agent, headers: options.headers ?? {} },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

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
  await form("/check/answer", "key=householdSize&value=2", cookie);
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
