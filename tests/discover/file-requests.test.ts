// --file-requests on the sample register (tests/fixtures/register-sample.jsonl), into SQLite and into
// PostgreSQL: each worklist household filed once through the intake as an outreach request — on the office's statutory duty, the register's
// contact sealed like every phone, ten working days to call — and a second run files nothing new.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WorklistEntry } from "../../core/discover/worklist.ts";
import { callbackDue, WEEKENDS_ONLY } from "../../core/sla.ts";
import { readConfig } from "../../portal/server/config.ts";
import { buildDeps } from "../../portal/server/service.ts";
import { forEachStore, freshStore, type TestStore } from "../stores.ts";
import { sampleRegister } from "./sample-register.ts";

const root = join(import.meta.dirname, "..", "..");
const SAMPLE = join(root, "tests/fixtures/register-sample.jsonl");
const dir = mkdtempSync(join(tmpdir(), "discover-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = (store: TestStore) => ({
  ...store.env,
  INTAKE_DATA_KEY: "7".repeat(64),
  // No holiday file: weekends only, so the deadline below is simple to check.
  HOLIDAYS_FILE: join(dir, "no-holidays.json"),
});
writeFileSync(join(dir, "no-holidays.json"), JSON.stringify({ holidays: [], workdays: [] }));

function discover(store: TestStore, out: string, ...more: string[]) {
  return spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "scripts/discover.ts"),
      SAMPLE,
      "--out",
      out,
      "--as-of",
      "2026-11-22",
      ...more,
    ],
    { cwd: root, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env(store) } },
  );
}

async function stored(store: TestStore) {
  const { deps } = await buildDeps(readConfig(env(store)), { log: () => {} });
  try {
    const rows = await deps.db.read((q) => q.select().from(deps.db.t.requests));
    const full = await Promise.all(rows.map((r) => deps.requests.byReference(r.reference)));
    return { rows, full };
  } finally {
    await deps.db.close();
  }
}

describe("the sample register", () => {
  it("is the one sample-register.ts writes (UPDATE_SAMPLE=1 writes it again)", () => {
    const text = `${sampleRegister()
      .map((h) => JSON.stringify(h))
      .join("\n")}\n`;
    if (process.env.UPDATE_SAMPLE === "1") writeFileSync(SAMPLE, text);
    expect(readFileSync(SAMPLE, "utf8")).toBe(text);
  });
});

forEachStore((kind) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await freshStore(kind);
  });
  afterEach(() => store.drop());

  it("files at most --max-requests a run in the worklist's order, the rest on the next run, then none", async () => {
    const out = join(store.dir, "out");
    const first = discover(store, out, "--file-requests", "--max-requests", "3");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Filed 3 outreach request\(s\).*; 0 filed before/);
    const worklist = readFileSync(join(out, "worklist.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as WorklistEntry);
    expect(worklist.length).toBeGreaterThan(10);
    // The first three of the worklist, in its order.
    const firstThree = (await stored(store)).full.map((r) => r?.person?.registerId).sort();
    expect(firstThree).toEqual(
      worklist
        .slice(0, 3)
        .map((e) => e.id)
        .sort(),
    );

    const rest = discover(store, out, "--file-requests");
    expect(rest.status, rest.stderr).toBe(0);
    expect(rest.stdout).toContain(
      `Filed ${worklist.length - 3} outreach request(s) to the hotline's queue; 3 filed before`,
    );
    const again = discover(store, out, "--file-requests");
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      `Filed 0 outreach request(s) to the hotline's queue; ${worklist.length} filed before`,
    );

    const { rows, full } = await stored(store);
    expect(rows).toHaveLength(worklist.length);
    for (const row of rows) {
      expect(row.channel).toBe("outreach");
      expect(row.basisKind).toBe("statutory_duty");
      expect(row.basisRef).toBe("社会救助暂行办法:register-sample.jsonl");
      // Ten working days (weekends only here), to the end of the working day, unless urgent (24 hours).
      // (The 24 hours run from when the intake screened it, a few milliseconds before the row's time.)
      const due = callbackDue(new Date(row.createdAt), row.urgent, WEEKENDS_ONLY, 10).getTime();
      expect(Math.abs(Date.parse(row.slaDueAt) - due)).toBeLessThan(row.urgent ? 1000 : 1);
    }
    // The phone is sealed: the plain columns hold only its keyed hash (the SQLite file, read raw).
    if (kind === "sqlite") {
      const raw = readFileSync(store.env.DATABASE_PATH as string);
      for (const e of worklist.slice(0, 5)) expect(raw.includes(Buffer.from(e.contact.phone))).toBe(false);
    }
    // Each request holds the register's household, for the person on the register, with their number.
    const byId = new Map(full.map((r) => [r?.person?.registerId, r]));
    for (const e of worklist) {
      const r = byId.get(e.id);
      expect(r?.person?.name, e.id).toBe(e.contact.name);
      expect(r?.contactPhone, e.id).toBe(e.contact.phone);
      expect(r?.basis).toMatchObject({ kind: "statutory_duty", law: "社会救助暂行办法" });
      expect(r?.screening.asOf).toBe("2026-11-22");
    }
  }, 120_000);
});
