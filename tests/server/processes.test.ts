// Two `npm start` processes on one PostgreSQL, as operators run them behind a proxy: every guarantee
// holds across them — one winner for a claim, one request for an idempotency key, one login lock, every
// acknowledged request kept when a process is killed, each outbox message delivered once, and a chat's
// updates one at a time. Skipped, with a banner, where no PostgreSQL answers.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../portal/server/config.ts";
import { buildDeps } from "../../portal/server/service.ts";
import { type FakeTelegram, startFakeTelegram } from "../bot/fake-telegram.ts";
import { freshStore, POSTGRES, type TestStore } from "../stores.ts";
import { type Running, startServer, stop } from "./process.ts";

const KEY = "4".repeat(64);
const PASSWORD = "correct horse battery";
const running: Running[] = [];
const stores: TestStore[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => stop(r, "SIGKILL")));
  for (const close of closers.splice(0)) await close();
  for (const s of stores.splice(0)) await s.drop();
});

type Account = [name: string, role: "agent" | "supervisor", jurisdiction: string];

/** A fresh store with settled accounts, then two processes on it, started together. */
async function twoProcesses(accounts: Account[], extra: Record<string, string> = {}) {
  const store = await freshStore("postgres");
  stores.push(store);
  const env = {
    DATABASE_URL: store.env.DATABASE_URL as string,
    INTAKE_DATA_KEY: KEY,
    SCRYPT_LOG_N: "10",
    TRUST_PROXY: "1",
    ...extra,
  };
  const { deps } = await buildDeps(readConfig(env), { log: () => {} });
  for (const [name, role, jurisdiction] of accounts) {
    const hash = await deps.passwords.hash(PASSWORD);
    const account = await deps.staff.add({ name, role, jurisdiction, passwordHash: hash });
    await deps.staff.setPassword(account.id, hash, false);
  }
  await deps.db.close();
  const [a, b] = await Promise.all([startServer(env), startServer(env)]);
  running.push(a as Running, b as Running);
  return { a: a as Running, b: b as Running, env };
}

let client = 0;
/** Each call from its own address (behind TRUST_PROXY), so no per-address limit gets in the way. */
const from = () => ({ "x-forwarded-for": `10.9.${(++client >> 8) & 255}.${client & 255}` });

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...from(), ...headers },
  body: JSON.stringify(body),
});

const submission = (i: number) => ({
  situation: {
    schemaVersion: 1,
    jurisdiction: "jilin",
    members: [{ relation: "self", age: 60 + (i % 30) }],
  },
  contact: { phone: `139${String(i).padStart(8, "0")}` },
  applicant: { kind: "self" },
  consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
});

async function login(server: Running, name: string, password = PASSWORD) {
  const res = await fetch(`${server.url}/api/staff/login`, json({ name, password }));
  const body = await res.json();
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  return { status: res.status, cookie, csrf: body.csrfToken as string };
}

const staffPost = (server: Running, who: { cookie: string; csrf: string }, path: string) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie: who.cookie, "x-csrf-token": who.csrf, ...from() },
  });

describe.skipIf(!POSTGRES)("two processes on one PostgreSQL", () => {
  it("two agents claim one request through different processes: one 200, one 409", async () => {
    const { a, b } = await twoProcesses([
      ["li", "agent", "jilin"],
      ["wang", "agent", "jilin"],
    ]);
    const filed = await (await fetch(`${a.url}/api/requests`, json(submission(1)))).json();
    const [li, wang] = [await login(a, "li"), await login(b, "wang")];
    const path = `/api/staff/requests/${filed.reference}/claim`;
    for (let round = 0; round < 3; round++) {
      const replies = await Promise.all([staffPost(a, li, path), staffPost(b, wang, path)]);
      expect(replies.map((r) => r.status).sort()).toEqual(round === 0 ? [200, 409] : [409, 409]);
    }
  });

  it("one idempotency key sent to both at once files one request", async () => {
    const { a, b } = await twoProcesses([["sup", "supervisor", "all"]]);
    const key = { "idempotency-key": "two-processes-1" };
    const replies = await Promise.all([
      fetch(`${a.url}/api/requests`, json(submission(2), key)),
      fetch(`${b.url}/api/requests`, json(submission(2), key)),
    ]);
    const bodies = await Promise.all(replies.map((r) => r.json()));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(bodies[0].reference).toBe(bodies[1].reference);
    const sup = await login(a, "sup");
    const queue = await (await fetch(`${b.url}/api/staff/queue`, { headers: { cookie: sup.cookie } })).json();
    expect(queue.items).toHaveLength(1);
  });

  it("the login lock holds when the wrong passwords alternate between the processes", async () => {
    const { a, b } = await twoProcesses([["zhao", "agent", "jilin"]], { LOGIN_FAILURES_PER_ACCOUNT: "5" });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(i % 2 ? b : a, "zhao", "wrong password")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]); // the 5th failure locks the name
    // Locked everywhere: the right password is refused through either process.
    expect((await login(b, "zhao")).status).toBe(429);
    expect((await login(a, "zhao")).status).toBe(429);
  });

  it("SIGKILL of one process under 16 clients: every acknowledged request is read back through the other", async () => {
    const { a, b } = await twoProcesses([["sup", "supervisor", "all"]]);
    const acknowledged = new Map<string, number>();
    let next = 0;
    let killed = false;
    const worker = async (w: number) => {
      while (!killed || next < 400) {
        const i = next++;
        if (i >= 400) return;
        const server = w % 2 === 0 && !killed ? a : b;
        try {
          const res = await fetch(`${server.url}/api/requests`, json(submission(1000 + i)));
          if (res.status === 201) acknowledged.set((await res.json()).reference, i);
        } catch {
          // the killed process's connections: not acknowledged, so nothing was promised
        }
      }
    };
    const workers = Array.from({ length: 16 }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, 700));
    a.child.kill("SIGKILL");
    killed = true;
    await Promise.all(workers);
    expect(acknowledged.size).toBeGreaterThan(100);
    const sup = await login(b, "sup");
    for (const [reference] of acknowledged) {
      const res = await fetch(`${b.url}/api/staff/requests/${reference}`, {
        headers: { cookie: sup.cookie },
      });
      expect(res.status, reference).toBe(200);
    }
  });

  it("each outbox message is delivered once with both processes' workers running", async () => {
    const seen = new Map<string, number>();
    const receiver: Server = createServer((req, res) => {
      const key = String(req.headers["idempotency-key"]);
      seen.set(key, (seen.get(key) ?? 0) + 1);
      // A slow receiver: both workers poll while deliveries are still under way.
      setTimeout(() => res.writeHead(204).end(), 300);
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    closers.push(() => new Promise((r) => receiver.close(() => r())));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hotline`;
    const secret = "hotline-secret-1";
    const { a, b } = await twoProcesses([], { HOTLINE_WEBHOOK_URL: url, HOTLINE_WEBHOOK_SECRET: secret });
    const references = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${(i % 2 ? b : a).url}/api/requests`, json(submission(3000 + i)));
      references.push((await res.json()).reference);
    }
    const deadline = Date.now() + 20_000;
    while (seen.size < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2500)); // more rounds of both workers: nothing more goes out
    expect([...seen.keys()].sort()).toEqual(references.map((r) => `${r}:created`).sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it("two updates of one chat sent to different processes are handled one after the other, in order", async () => {
    const fake: FakeTelegram = await startFakeTelegram();
    closers.push(() => fake.close());
    fake.slow.set("sendMessage", 500); // each reply takes half a second to be sent
    const hook = "hook-secret-2";
    const { a, b } = await twoProcesses([], {
      TELEGRAM_BOT_TOKEN: "123:TWO",
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: hook,
      PUBLIC_URL: "http://127.0.0.1:9", // where Telegram would post; the test posts to each process itself
    });
    const chat = { id: 7001, type: "private", first_name: "居民" };
    const update = (id: number, text: string) => ({
      update_id: id,
      message: {
        message_id: id,
        date: Math.floor(Date.now() / 1000),
        chat,
        from: { id: 7001, is_bot: false, first_name: "居民", language_code: "en" },
        text,
        entities: [{ type: "bot_command", offset: 0, length: text.length }],
      },
    });
    const post = (server: Running, body: unknown) =>
      fetch(`${server.url}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": hook },
        body: JSON.stringify(body),
      });
    const first = post(a, update(101, "/start"));
    await new Promise((r) => setTimeout(r, 100));
    const second = post(b, update(102, "/status"));
    expect((await Promise.all([first, second])).map((r) => r.status)).toEqual([200, 200]);
    const sent = fake.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === 7001);
    expect(sent).toHaveLength(2);
    // The second update's reply went out only once the first's was sent: it waited for the chat.
    expect(String(sent[0]?.params.text)).toMatch(/^Hello!/);
    expect((sent[1]?.at ?? 0) - (sent[0]?.at ?? 0)).toBeGreaterThanOrEqual(450);
  });
});
