// A real app on a real SQLite file in a temporary folder, with a clock the test moves.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../portal/server/app.ts";
import { readConfig } from "../../portal/server/config.ts";
import type { AppDeps } from "../../portal/server/deps.ts";
import { buildDeps } from "../../portal/server/service.ts";

export const TEST_KEY = "a".repeat(64);

export interface Harness {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  dir: string;
  dbPath: string;
  clock: { now: Date };
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): void;
}

export function harness(env: Record<string, string> = {}, start = "2026-11-27T02:00:00Z"): Harness {
  const dir = mkdtempSync(join(tmpdir(), "intake-api-"));
  const dbPath = join(dir, "intake.sqlite");
  const clock = { now: new Date(start) };
  // scrypt at 2^10 instead of OWASP's 2^17: the same code, a test-speed cost (from configuration).
  const config = readConfig({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: TEST_KEY, SCRYPT_LOG_N: "10", ...env });
  const { deps } = buildDeps(config, { log: () => {}, now: () => clock.now });
  const app = createApp(deps);
  return {
    app,
    deps,
    dir,
    dbPath,
    clock,
    post: (path, body, headers = {}) =>
      Promise.resolve(
        app.request(path, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
      ),
    close() {
      deps.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A one-person 无锡 household whose emergency puts basic living at risk (urgent). */
export function urgentSituation() {
  return {
    schemaVersion: 1,
    jurisdiction: "wuxi",
    asOf: "2026-11-20",
    area: "urban",
    localHukou: true,
    members: [{ relation: "self", age: 67, income: [], disability: null, illness: null }],
    emergency: { kind: "sudden_illness", category: "urgent", date: "2026-11-10", basicLivingAtRisk: true },
  };
}

export function submission(overrides: Record<string, unknown> = {}) {
  return {
    situation: urgentSituation(),
    contact: { phone: "13812345678" },
    applicant: { kind: "helper", name: "王小明", relationship: "child", phone: "13900001111" },
    person: { name: "王秀英" },
    consent: { given: true, noticeVersion: "2026-11-28", basis: "person_agreed" },
    lang: "zh-CN",
    ...overrides,
  };
}

export interface StaffClient {
  name: string;
  id: number;
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  /** A state-changing call with the session's CSRF token. */
  post(path: string, body?: unknown): Promise<Response>;
}

export const STAFF_PASSWORD = "correct horse battery";

/** A staff account with a settled password (no first-login change pending), signed in. */
export async function staffClient(
  h: Harness,
  name: string,
  role: "agent" | "supervisor" | "admin",
  jurisdiction: string,
): Promise<StaffClient> {
  const account = h.deps.staff.add({
    name,
    role,
    jurisdiction,
    passwordHash: await h.deps.passwords.hash(STAFF_PASSWORD),
  });
  h.deps.staff.setPassword(account.id, await h.deps.passwords.hash(STAFF_PASSWORD), false);
  return login(h, name, STAFF_PASSWORD, account.id);
}

export async function login(h: Harness, name: string, password: string, id = 0): Promise<StaffClient> {
  const res = await h.post("/api/staff/login", { name, password });
  if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken, staff } = await res.json();
  return clientFor(h, name, staff?.id ?? id, cookie, csrfToken);
}

export function clientFor(h: Harness, name: string, id: number, cookie: string, csrf: string): StaffClient {
  return {
    name,
    id,
    cookie,
    csrf,
    get: (path) => Promise.resolve(h.app.request(path, { headers: { cookie } })),
    post: (path, body) =>
      Promise.resolve(
        h.app.request(path, {
          method: "POST",
          headers: {
            cookie,
            "x-csrf-token": csrf,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
  };
}

/** Files a request through the public API and returns its reference. */
export async function fileOne(h: Harness, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h.post("/api/requests", submission(overrides));
  if (res.status !== 201) throw new Error(`file: ${res.status} ${await res.text()}`);
  return (await res.json()).reference;
}
