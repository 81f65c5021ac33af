// Forwarding new requests to the hotline's webhook through the transactional outbox: a real HTTP
// receiver on 127.0.0.1 that fails the first attempts, the forwarder driven round by round on a moved
// clock, and the real service delivering on its own.

import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backoffMs, createOutbox } from "../../db/outbox.ts";
import { anonymizeClosedBefore } from "../../db/retention.ts";
import { createForwarder } from "../../portal/server/forwarding.ts";
import { fileOne, type Harness, harness, staffClient, submission } from "../api/harness.ts";
import { type Running, root, startServer, stop } from "./process.ts";

interface Post {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

interface Receiver {
  url: string;
  posts: Post[];
  /** Deliveries answered 2xx, per Idempotency-Key (what the receiver processed, deduplicated). */
  accepted: Map<string, number>;
  /** Work orders the receiver acted on: once per key however often it was delivered. */
  processed: string[];
  close(): Promise<void>;
}

/** Answers 500 to the first `failures` attempts for each Idempotency-Key, then 200. */
async function receiver(failures: number): Promise<Receiver> {
  const posts: Post[] = [];
  const attempts = new Map<string, number>();
  const accepted = new Map<string, number>();
  const processed: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      if (req.method !== "POST") {
        res.writeHead(405).end();
        return;
      }
      const key = String(req.headers["idempotency-key"] ?? "");
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      const status = n <= failures ? 500 : 200;
      posts.push({ headers: req.headers, body, status });
      if (status === 200) {
        if (!accepted.has(key)) processed.push(key);
        accepted.set(key, (accepted.get(key) ?? 0) + 1);
      }
      res
        .writeHead(status, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: status === 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hotline/work-orders`,
    posts,
    accepted,
    processed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The signature as the receiver recomputes it with the shared secret. */
function expectedSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

const SECRET = "s3cret";
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(failures: number) {
  const rx = await receiver(failures);
  cleanups.push(() => rx.close());
  const h = await harness({ HOTLINE_WEBHOOK_URL: rx.url, HOTLINE_WEBHOOK_SECRET: SECRET });
  cleanups.push(() => h.close());
  const logged: string[] = [];
  const forwarder = createForwarder({
    outbox: createOutbox({ db: h.deps.db, now: () => h.clock.now }),
    requests: h.deps.requests,
    url: rx.url,
    secret: SECRET,
    now: () => h.clock.now,
    log: (line) => logged.push(line),
  });
  return { rx, h, forwarder, logged };
}

const advance = (h: Harness, ms: number) => {
  h.clock.now = new Date(h.clock.now.getTime() + ms);
};

const hotlineRows = (h: Harness) =>
  h.query<{
    key: string;
    attempts: number;
    deliveredAt: string | null;
    nextAttemptAt: string;
    lastError: string | null;
    reference: string;
  }>(
    `SELECT o.key, o.attempts, o.delivered_at AS "deliveredAt", o.next_attempt_at AS "nextAttemptAt",
            o.last_error AS "lastError", r.reference
       FROM outbox o JOIN requests r ON r.id = o.request_id WHERE o.topic = 'hotline' ORDER BY o.id`,
  );

const countHotline = async (h: Harness) =>
  (
    await h.query<{ n: number }>("SELECT CAST(count(*) AS integer) AS n FROM outbox WHERE topic = 'hotline'")
  )[0]?.n;

describe("the outbox row is written with the request", () => {
  it("one hotline message per filed request, in the same transaction; none without a webhook", async () => {
    const h = await harness({ HOTLINE_WEBHOOK_URL: "http://127.0.0.1:9/x", HOTLINE_WEBHOOK_SECRET: SECRET });
    cleanups.push(() => h.close());
    const refs = [
      await fileOne(h),
      await fileOne(h),
      await fileOne(h, { contact: { phone: "13700000000" } }),
    ];
    expect(await countHotline(h)).toBe(3);
    const rows = await hotlineRows(h);
    expect(rows.map((r) => r.reference)).toEqual(refs);
    expect(rows.map((r) => r.key)).toEqual(refs.map((r) => `${r}:created`));
    expect(rows.every((r) => r.attempts === 0 && r.deliveredAt === null)).toBe(true);
    expect(rows.every((r) => r.nextAttemptAt === h.clock.now.toISOString())).toBe(true);

    // A retry with the same Idempotency-Key stores nothing new, so nothing more is forwarded; a
    // conflicting reuse of the key is refused and stores neither a request nor a message.
    const first = await h.post("/api/requests", submission(), { "idempotency-key": "forward-once-1" });
    const again = await h.post("/api/requests", submission(), { "idempotency-key": "forward-once-1" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const conflict = await h.post("/api/requests", submission({ contact: { phone: "13700000009" } }), {
      "idempotency-key": "forward-once-1",
    });
    expect(conflict.status).toBe(422);
    const requests = await h.count("requests");
    expect(requests).toBe(4);
    expect(await countHotline(h)).toBe(requests);
  });

  it("with no HOTLINE_WEBHOOK_URL configured, filing puts nothing in the outbox", async () => {
    const h = await harness();
    cleanups.push(() => h.close());
    await fileOne(h);
    await fileOne(h);
    expect(await h.count("outbox")).toBe(0);
  });
});

describe("createForwarder against a receiver that fails twice per key", () => {
  it("backs off 5 s then 10 s, delivers each key exactly once, signed, then sends nothing more", async () => {
    const { rx, h, forwarder } = await setup(2);
    const t0 = h.clock.now.getTime();
    const refs = [
      await fileOne(h),
      await fileOne(h, { contact: { phone: "13700000001" } }),
      await fileOne(h, { contact: { phone: "13700000002" } }),
    ];
    expect(await countHotline(h)).toBe(3);
    expect(backoffMs(1)).toBe(5_000);
    expect(backoffMs(2)).toBe(10_000);

    // Round 1: every message is sent, every one refused.
    expect(await forwarder.runOnce()).toBe(0);
    expect(rx.posts).toHaveLength(3);
    expect(rx.posts.every((p) => p.status === 500)).toBe(true);
    let rows = await hotlineRows(h);
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 1]);
    expect(rows.every((r) => r.lastError === "HTTP 500" && r.deliveredAt === null)).toBe(true);
    expect(rows.every((r) => r.nextAttemptAt === new Date(t0 + 5_000).toISOString())).toBe(true);

    // Not before the backoff has passed.
    advance(h, 4_999);
    expect(await forwarder.runOnce()).toBe(0);
    expect(rx.posts).toHaveLength(3);

    // Round 2 at +5 s: refused again; the next try waits 10 s.
    advance(h, 1);
    expect(await forwarder.runOnce()).toBe(0);
    expect(rx.posts).toHaveLength(6);
    rows = await hotlineRows(h);
    expect(rows.map((r) => r.attempts)).toEqual([2, 2, 2]);
    expect(rows.every((r) => r.nextAttemptAt === new Date(t0 + 15_000).toISOString())).toBe(true);

    advance(h, 9_999);
    expect(await forwarder.runOnce()).toBe(0);
    expect(rx.posts).toHaveLength(6);

    // Round 3 at +15 s: accepted.
    advance(h, 1);
    expect(await forwarder.runOnce()).toBe(3);
    expect(rx.posts).toHaveLength(9);
    const keys = refs.map((r) => `${r}:created`);
    expect([...rx.accepted.keys()].sort()).toEqual([...keys].sort());
    for (const key of keys) expect(rx.accepted.get(key)).toBe(1);
    expect(rx.processed).toEqual(keys);

    // Delivered messages are never sent again, however much later.
    for (const step of [0, 60_000, 86_400_000]) {
      advance(h, step);
      expect(await forwarder.runOnce()).toBe(0);
    }
    expect(rx.posts).toHaveLength(9);

    rows = await hotlineRows(h);
    for (const row of rows) {
      expect(row.deliveredAt).toBe(new Date(t0 + 15_000).toISOString());
      expect(row.attempts).toBe(2);
      expect(row.lastError).toBeNull();
    }

    // Every attempt: JSON, the outbox key as Idempotency-Key, a timestamp from the clock, a valid signature.
    for (const [i, post] of rx.posts.entries()) {
      const round = Math.floor(i / 3);
      const at = t0 + ([0, 5_000, 15_000][round] ?? Number.NaN);
      const timestamp = post.headers["x-signature-timestamp"];
      expect(timestamp).toBe(String(Math.floor(at / 1000)));
      expect(post.headers["content-type"]).toBe("application/json");
      expect(post.headers["x-signature"]).toBe(expectedSignature(SECRET, String(timestamp), post.body));
      expect(post.headers["x-signature"]).not.toBe(expectedSignature("other", String(timestamp), post.body));
      const body = JSON.parse(post.body);
      expect(body.key).toBe(post.headers["idempotency-key"]);
      expect(body.event).toBe("request.created");
    }

    // The accepted bodies carry the work order: reference, call-back phone, and the case in short.
    const delivered = rx.posts.filter((p) => p.status === 200).map((p) => JSON.parse(p.body));
    expect(delivered.map((b) => b.workOrder.reference)).toEqual(refs);
    expect(delivered.map((b) => b.workOrder.contactPhone)).toEqual([
      "13812345678",
      "13700000001",
      "13700000002",
    ]);
    expect(delivered[0].workOrder).toMatchObject({
      jurisdiction: "wuxi",
      channel: "portal",
      urgent: "yes",
      status: "new",
      appliedBy: "helper",
      helperRelationship: "child",
      personName: "王秀英",
    });
  });

  it("a message filed after the others is sent as soon as it is due, without the earlier backoff", async () => {
    const { rx, h, forwarder } = await setup(0);
    await fileOne(h);
    expect(await forwarder.runOnce()).toBe(1);
    advance(h, 1_000);
    const later = await fileOne(h, { contact: { phone: "13700000003" } });
    expect(await forwarder.runOnce()).toBe(1);
    expect(rx.posts).toHaveLength(2);
    expect(rx.accepted.get(`${later}:created`)).toBe(1);
    expect(await forwarder.runOnce()).toBe(0);
    expect(rx.posts).toHaveLength(2);
  });

  it("an unreachable receiver counts as a failed attempt and is retried after the backoff", async () => {
    const rx = await receiver(0);
    const url = rx.url;
    await rx.close(); // nothing listens there any more
    const h = await harness({ HOTLINE_WEBHOOK_URL: url, HOTLINE_WEBHOOK_SECRET: SECRET });
    cleanups.push(() => h.close());
    const forwarder = createForwarder({
      outbox: createOutbox({ db: h.deps.db, now: () => h.clock.now }),
      requests: h.deps.requests,
      url,
      secret: SECRET,
      now: () => h.clock.now,
      log: () => {},
      timeoutMs: 2_000,
    });
    await fileOne(h);
    expect(await forwarder.runOnce()).toBe(0);
    const [row] = await hotlineRows(h);
    expect(row?.attempts).toBe(1);
    expect(row?.deliveredAt).toBeNull();
    expect(row?.lastError).toBeTruthy();
    expect(row?.lastError).not.toContain("13812345678");
  });

  it("a request anonymized before it could be sent is settled without sending anything", async () => {
    const { rx, h, forwarder } = await setup(0);
    const ref = await fileOne(h);
    const agent = await staffClient(h, "li", "agent", "wuxi");
    expect((await agent.post(`/api/staff/requests/${ref}/claim`)).status).toBe(200);
    expect((await agent.post(`/api/staff/requests/${ref}/status`, { to: "contacted" })).status).toBe(200);
    const closed = await agent.post(`/api/staff/requests/${ref}/status`, {
      to: "closed",
      outcome: "not_eligible",
    });
    expect(closed.status).toBe(200);
    advance(h, 1_000);
    expect(await anonymizeClosedBefore(h.deps.db, h.clock.now, h.clock.now)).toBe(1);
    expect(await forwarder.runOnce()).toBe(0);
    expect(rx.posts).toHaveLength(0);
    expect((await hotlineRows(h))[0]?.deliveredAt).not.toBeNull();
  });
});

describe("the running service forwards on its own", { timeout: 60_000 }, () => {
  const running: Running[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => stop(r)));
  });

  it("delivers two requests filed over HTTP, each once", async () => {
    const rx = await receiver(0);
    cleanups.push(() => rx.close());
    const dir = mkdtempSync(join(tmpdir(), "intake-forward-"));
    const server = await startServer({
      DATABASE_PATH: join(dir, "intake.sqlite"),
      INTAKE_DATA_KEY: "6".repeat(64),
      HOTLINE_WEBHOOK_URL: rx.url,
      HOTLINE_WEBHOOK_SECRET: SECRET,
    });
    running.push(server);
    expect(server.output()).toContain(`Forwarding new requests to ${new URL(rx.url).origin}.`);
    expect(server.output()).not.toContain(SECRET);

    const refs: string[] = [];
    for (const phone of ["13812345678", "13700000004"]) {
      const res = await fetch(`${server.url}/api/requests`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(submission({ contact: { phone } })),
      });
      expect(res.status).toBe(201);
      refs.push((await res.json()).reference);
    }

    const deadline = Date.now() + 10_000;
    while (rx.accepted.size < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // A few more forwarding rounds: nothing is sent twice.
    await new Promise((r) => setTimeout(r, 2_500));

    expect([...rx.accepted.keys()].sort()).toEqual(refs.map((r) => `${r}:created`).sort());
    expect([...rx.accepted.values()]).toEqual([1, 1]);
    expect(rx.posts).toHaveLength(2);
    for (const post of rx.posts) {
      const timestamp = String(post.headers["x-signature-timestamp"]);
      expect(post.headers["x-signature"]).toBe(expectedSignature(SECRET, timestamp, post.body));
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    }
    const phones = rx.posts.map((p) => JSON.parse(p.body).workOrder.contactPhone).sort();
    expect(phones).toEqual(["13700000004", "13812345678"]);
  });

  it("HOTLINE_WEBHOOK_URL without HOTLINE_WEBHOOK_SECRET stops the start with exit 2 and one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "intake-forward-"));
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts")], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        PORT: "0",
        DATABASE_PATH: join(dir, "x.sqlite"),
        INTAKE_DATA_KEY: "6".repeat(64),
        HOTLINE_WEBHOOK_URL: "http://127.0.0.1:9/hook",
      },
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(/^Cannot start: HOTLINE_WEBHOOK_SECRET: is required/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toContain("Serving on");
  });
});
