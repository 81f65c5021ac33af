// The one limiter under every limit (portal/server/rate-limit.ts), as worked examples with a clock
// the test moves: a sliding window that cannot be straddled, a lockout that lasts its full time from
// the failure that reached the limit, and keys that do not touch each other. Each example runs on the
// in-memory limiter one process uses and on the store's (db/limiter.ts), on SQLite and PostgreSQL,
// which several processes share.

import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStoreLimiter } from "../../db/limiter.ts";
import { openDb } from "../../db/open.ts";
import type { Store } from "../../db/store.ts";
import { createMemoryLimiter, type Limiter, lockout, rateLimit } from "../../portal/server/rate-limit.ts";
import { freshStore, POSTGRES, type TestStore } from "../stores.ts";

const MINUTE = 60_000;

function clock(start = Date.parse("2026-11-27T02:00:00Z")) {
  const c = { t: start, now: () => new Date(c.t) };
  return c;
}

type Kind = "memory" | "sqlite" | "postgres";
const KINDS: Kind[] = ["memory", "sqlite", "postgres"];

describe.each(KINDS)("the %s limiter", (kind) => {
  let opened: { store: TestStore; db: Store } | null = null;
  beforeEach(async (ctx) => {
    if (kind === "postgres" && !POSTGRES) ctx.skip();
    if (kind === "memory") return;
    const store = await freshStore(kind);
    const db = openDb(store.env.DATABASE_URL ?? (store.env.DATABASE_PATH as string));
    await db.migrate();
    opened = { store, db };
  });
  afterEach(async () => {
    await opened?.db.close();
    await opened?.store.drop();
    opened = null;
  });
  const make = (now: () => Date): Limiter =>
    kind === "memory"
      ? createMemoryLimiter(now)
      : createStoreLimiter((opened as { db: Store }).db, now, (key) => `h(${key})`);
  describe("the sliding window (status lookups: 10 per 10 minutes)", () => {
    it("counts 10, refuses the 11th with the seconds until the oldest leaves the window", async () => {
      const c = clock();
      const status = rateLimit(make(c.now), "status", { max: 10, windowMs: 10 * MINUTE });
      for (let i = 0; i < 10; i++) {
        expect(await status.hit("1.2.3.4")).toBe(0);
        c.t += 30_000; // one every 30 s: the 10th at 4 min 30 s
      }
      // At 5 min the 11th is refused: the first (at 0) leaves the window at 10 min, 300 s from now.
      expect(await status.hit("1.2.3.4")).toBe(300);
      expect(await status.blocked("1.2.3.4")).toBe(300);
      // A refused attempt is not counted: at 10 min exactly one slot is free again.
      c.t = Date.parse("2026-11-27T02:10:00Z");
      expect(await status.blocked("1.2.3.4")).toBe(0);
      expect(await status.hit("1.2.3.4")).toBe(0);
      expect(await status.hit("1.2.3.4")).toBe(30); // the second (at 30 s) leaves at 10 min 30 s
    });

    it("cannot be straddled: 10 just before a fixed window's edge and 10 just after are not 20", async () => {
      const c = clock();
      const status = rateLimit(make(c.now), "status", { max: 10, windowMs: 10 * MINUTE });
      expect(await status.hit("a")).toBe(0); // opens what a fixed window would count from
      c.t += 9 * MINUTE + 50_000;
      for (let i = 0; i < 9; i++) expect(await status.hit("a")).toBe(0);
      c.t += 20_000; // past the fixed window's edge (10 min 10 s)
      // Only the first has left the sliding window: one more is allowed, then none.
      expect(await status.hit("a")).toBe(0);
      expect(await status.hit("a")).toBeGreaterThan(0);
    });

    it("keeps keys and named limits apart, and forgets a key on reset", async () => {
      const c = clock();
      const limiter = make(c.now);
      const a = rateLimit(limiter, "status", { max: 1, windowMs: MINUTE });
      const b = rateLimit(limiter, "login-client", { max: 1, windowMs: MINUTE });
      expect(await a.hit("x")).toBe(0);
      expect(await a.hit("y")).toBe(0);
      expect(await b.hit("x")).toBe(0);
      expect(await a.hit("x")).toBe(60);
      await a.reset("x");
      expect(await a.hit("x")).toBe(0);
    });
  });

  describe("the lockout (5 failed sign-ins lock a name for 15 minutes)", () => {
    const opts = { max: 5, windowMs: 15 * MINUTE };

    it("locks for the full 15 minutes from the 5th failure, not from the 1st", async () => {
      const c = clock();
      const names = lockout(make(c.now), "login-name", opts);
      for (let i = 0; i < 4; i++) {
        expect(await names.hit("li")).toBe(0);
        c.t += 3 * MINUTE; // failures at 0, 3, 6, 9 min
      }
      expect(await names.blocked("li")).toBe(0);
      expect(await names.hit("li")).toBe(15 * 60); // the 5th, at 12 min: locked until 27 min
      c.t += 14 * MINUTE; // 26 min: 15 min after the 1st failure, still locked
      expect(await names.blocked("li")).toBe(60);
      c.t += MINUTE;
      expect(await names.blocked("li")).toBe(0);
      // The lock used the failures up: the next one starts a new count.
      expect(await names.hit("li")).toBe(0);
    });

    it("does not lock on 4 failures spread over more than the window", async () => {
      const c = clock();
      const names = lockout(make(c.now), "login-name", opts);
      for (let i = 0; i < 8; i++) {
        expect(await names.hit("wang")).toBe(0);
        c.t += 4 * MINUTE; // at most 4 fall within any 15 minutes
      }
    });

    it("a reset (a good sign-in) forgets the failures", async () => {
      const c = clock();
      const names = lockout(make(c.now), "login-name", opts);
      for (let i = 0; i < 4; i++) await names.hit("zhao");
      await names.reset("zhao");
      for (let i = 0; i < 4; i++) expect(await names.hit("zhao")).toBe(0);
    });
  });

  it("counts a send under every key or under none (the send limits' one step)", async () => {
    const c = clock();
    const limiter = make(c.now);
    const phone = { key: "send-phone:p", windowMs: MINUTE, max: 1 };
    const client = { key: "send-client:c", windowMs: MINUTE, max: 2 };
    expect(await limiter.hitAll([phone, client])).toEqual({ refused: null, over: [] });
    // The phone is at its limit: nothing is counted, not even under the client.
    expect(await limiter.hitAll([client, phone])).toEqual({
      refused: { key: "send-phone:p", seconds: 60 },
      over: [],
    });
    expect(await limiter.blocked(client.key, MINUTE, 2)).toBe(0);
    expect(await limiter.hit(client.key, MINUTE, 2)).toBe(0);
    expect(await limiter.hit(client.key, MINUTE, 2)).toBe(60);
  });

  it("a soft limit lets the attempt through, uncounted, and says it was reached", async () => {
    const c = clock();
    const limiter = make(c.now);
    const hard = { key: "send-client:c", windowMs: MINUTE, max: 10 };
    const soft = { key: "send-client-soft:c", windowMs: MINUTE, max: 2, soft: true };
    expect(await limiter.hitAll([hard, soft])).toEqual({ refused: null, over: [] });
    expect(await limiter.hitAll([hard, soft])).toEqual({ refused: null, over: [] });
    // The third: past the soft limit (flagged), still counted under the hard one.
    expect(await limiter.hitAll([hard, soft])).toEqual({ refused: null, over: ["send-client-soft:c"] });
    expect(await limiter.blocked(hard.key, MINUTE, 3)).toBe(60); // three counted under the hard key
    expect(await limiter.blocked(soft.key, MINUTE, 3)).toBe(0); // the soft key kept two
  });

  // The in-memory limiter stores nothing: this is about the store's.
  it.skipIf(kind === "memory")(
    "the store keeps no key as given: a client address is kept only as its keyed hash",
    async () => {
      const c = clock();
      const limiter = make(c.now);
      await limiter.hit("status:203.0.113.5", MINUTE, 3);
      const rows = await (opened as { db: Store }).db.rows<{ key: string }>(sql`SELECT key FROM limit_hits`);
      expect(rows).toEqual([{ key: "h(status:203.0.113.5)" }]);
      expect(await limiter.blocked("status:203.0.113.5", MINUTE, 1)).toBe(60);
    },
  );

  it("twenty attempts at once under a limit of five: five counted, fifteen refused", async () => {
    const c = clock();
    const limiter = make(c.now);
    const waits = await Promise.all(Array.from({ length: 20 }, () => limiter.hit("burst", MINUTE, 5)));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    expect(waits.filter((w) => w === 60)).toHaveLength(15);
  });
});

describe("the in-memory limiter's map", () => {
  it("when the map is full, drops only keys whose attempts have all left their window", async () => {
    const c = clock();
    const limiter = createMemoryLimiter(c.now, 3);
    await limiter.hit("old", MINUTE, 1);
    c.t += 2 * MINUTE;
    for (const key of ["a", "b"]) await limiter.hit(key, MINUTE, 1);
    await limiter.hit("d", MINUTE, 1); // full: "old" goes, "a" and "b" are still counting
    for (const key of ["a", "b", "d"]) expect(await limiter.blocked(key, MINUTE, 1), key).toBe(60);
    expect(await limiter.blocked("old", MINUTE, 1)).toBe(0);
  });
});
