// npm start against slow and greedy clients on a real socket: a body that trickles in is cut off at
// the request timeout (a setting, 15 s by default; 2 s here), and one address holds at most so many
// connections (CONNECTIONS_PER_ADDRESS) while the service goes on answering others.

import { mkdtempSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startServer, stop } from "./process.ts";

let server: Running;
beforeAll(async () => {
  server = await startServer({
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "intake-slow-")), "slow.sqlite"),
    INTAKE_DATA_KEY: "9".repeat(64),
    REQUEST_TIMEOUT_SECONDS: "2",
    CONNECTIONS_PER_ADDRESS: "5",
  });
});
afterAll(async () => {
  if (server) await stop(server);
});

const address = () => new URL(server.url);
function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(address().port), address().hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}
/** Resolves when the server closes the socket (or the wait runs out: false). */
const closedWithin = (socket: Socket, ms: number) =>
  new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.resume();
  });

describe("slow and greedy clients", { timeout: 30_000 }, () => {
  it("a body that trickles in is cut off at the request timeout", async () => {
    const socket = await open();
    socket.write(
      "POST /api/screen HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    );
    const trickle = setInterval(() => socket.writable && socket.write(" "), 300);
    const closed = await closedWithin(socket, 10_000);
    clearInterval(trickle);
    expect(closed).toBe(true);
  });

  it("one address holds at most 5 connections; the service still answers", async () => {
    const sockets = await Promise.all(Array.from({ length: 8 }, () => open().catch(() => null)));
    const states = await Promise.all(sockets.map((s) => (s ? closedWithin(s, 500) : Promise.resolve(true))));
    expect(states.filter((closed) => !closed)).toHaveLength(5); // the rest were refused at once
    for (const s of sockets) s?.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
