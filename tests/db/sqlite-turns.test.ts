// Two stores on one SQLite file in one process — the requests (synchronous=FULL) and the bot's chat
// state (NORMAL), as npm start opens them — share one connection and take turns: a write through one
// while the other's transaction waits between its statements neither fails nor blocks the process.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { openSqlite } from "../../db/sqlite.ts";

it("a chat-state write waits for the requests' transaction instead of failing with SQLITE_BUSY", async () => {
  const dir = mkdtempSync(join(tmpdir(), "intake-turns-"));
  const requests = openSqlite(join(dir, "intake.sqlite"));
  const chats = openSqlite(join(dir, "intake.sqlite"), { synchronous: "NORMAL" });
  try {
    await requests.migrate();
    const order: string[] = [];
    const long = requests.tx(async (q) => {
      await q.insert(requests.t.meta).values({ key: "first", value: "1" });
      order.push("first written");
      await new Promise((r) => setTimeout(r, 50)); // the transaction waits, holding the file's lock
      order.push("first committing");
    });
    const write = chats.tx(async (q) => {
      await q.insert(chats.t.meta).values({ key: "second", value: "2" });
      order.push("second written");
    });
    await Promise.all([long, write]);
    expect(order).toEqual(["first written", "first committing", "second written"]);
    const rows = await chats.rows<{ key: string }>(sql`SELECT key FROM meta ORDER BY key`);
    expect(rows.map((r) => r.key)).toEqual(["first", "second"]);
    // Closing one leaves the other working.
    await chats.close();
    expect(await requests.rows(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  } finally {
    await chats.close();
    await requests.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
