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
  const config = readConfig({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: TEST_KEY, ...env });
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
