// The HTTP server's own limits, set explicitly rather than left to Node's defaults: a client that sends
// its headers or body too slowly is cut off (Slowloris), an idle kept-alive connection closes, and one
// address holds at most so many connections at once. Behind a trusted proxy every connection comes
// from the proxy, so the per-address cap is the proxy's to apply (TRUST_PROXY).

import type { Server } from "node:http";

export interface SocketLimits {
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** The headers must arrive within this (at most the request's). */
  headersTimeoutMs: number;
  /** An idle kept-alive connection closes after this. */
  keepAliveTimeoutMs: number;
  /** Connections one client address may hold at once; null: no cap (behind a proxy). */
  perAddress: number | null;
}

export const SOCKET_LIMITS: SocketLimits = {
  requestTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  perAddress: 64,
};

export function limitSockets(server: Server, limits: SocketLimits = SOCKET_LIMITS): void {
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  const cap = limits.perAddress;
  if (cap === null) return;
  const open = new Map<string, number>();
  server.on("connection", (socket) => {
    const address = socket.remoteAddress ?? "";
    const n = (open.get(address) ?? 0) + 1;
    if (n > cap) {
      socket.destroy();
      return;
    }
    open.set(address, n);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
