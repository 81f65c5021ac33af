// The service as `npm start` runs it: a real child process on a free port, read from its own log.

import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");

export interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

export function startServer(env: Record<string, string>, timeoutMs = 30_000): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts")], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no "Serving on" line within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Serving on (http:\/\/\S+) /.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving:\n${out}`));
    });
  });
}

export function stop(running: Running, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (running.child.exitCode !== null || running.child.signalCode !== null) return resolve();
    running.child.once("exit", () => resolve());
    running.child.kill(signal);
  });
}

/** One person in 吉林 filing for themself over the running service's API (POST /api/requests). */
export function fileOneOver(server: Running): Promise<Response> {
  return fetch(`${server.url}/api/requests`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      situation: { schemaVersion: 1, jurisdiction: "jilin", members: [{ relation: "self", age: 70 }] },
      contact: { phone: "13812345678" },
      applicant: { kind: "self" },
      consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
    }),
  });
}
