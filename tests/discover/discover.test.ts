// npm run discover as an office runs it overnight: a generated register of 20,000 households (bad rows
// among them) screened by worker threads, checked household by household against `screen`; the same
// files for any number of workers, from CSV or gzip; a killed run resumed to the same files; outputs
// readable by the owner only; bad arguments refused with exit 2.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvLine } from "../../core/discover/csv.ts";
import { ALL_COLUMNS, rowsFromHousehold } from "../../core/discover/register-csv.ts";
import { alreadyReceives, type WorklistEntry } from "../../core/discover/worklist.ts";
import { createPolicies } from "../../core/policies/index.ts";
import { screenInput } from "../../core/screen.ts";
import { BAD_ROWS, generatedHouseholds, writeRegister } from "./register.ts";

const root = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "discover-"));
const N = 20_000;
const BAD_EVERY = 250;
/** Every generated situation carries its own date (asOf): the run's today does not change them. */
const TODAY = "2026-11-30";
const register = join(dir, "register.jsonl");

const args = (out: string, ...more: string[]) => [
  "--import",
  "tsx",
  join(root, "scripts/discover.ts"),
  "--out",
  out,
  ...more,
];
const discover = (out: string, ...more: string[]) =>
  spawnSync(process.execPath, args(out, ...more), {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
  });

const read = (out: string, file: string) => readFileSync(join(out, file), "utf8");
const lines = (out: string, file: string) =>
  read(out, file)
    .split("\n")
    .filter((l) => l !== "");
/** summary.json without the run's own figures (time, workers), which differ between runs by design. */
const summaryOf = (out: string) => {
  const { run: _, ...rest } = JSON.parse(read(out, "summary.json"));
  return rest;
};
const sameFiles = (a: string, b: string) => {
  for (const file of ["worklist.jsonl", "worklist.csv", "rejects.jsonl"])
    expect(read(b, file), file).toBe(read(a, file));
  expect(summaryOf(b)).toEqual(summaryOf(a));
};

const first = join(dir, "out-2-workers");
/** A smaller register for the runs compared file for file (each run costs seconds). */
const small = join(dir, "small.jsonl");
const smallFirst = join(dir, "out-small");

beforeAll(async () => {
  await writeRegister(register, { count: N, seed: 20261130, badEvery: BAD_EVERY });
  await writeRegister(small, { count: 3000, seed: 7, badEvery: BAD_EVERY });
  const r = discover(first, register, "--workers", "2");
  expect(r.status, r.stderr).toBe(0);
  const s = discover(smallFirst, small, "--workers", "2");
  expect(s.status, s.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a register of 20,000 households", () => {
  it("gives, household by household, what screen gives: each open program not already received", () => {
    const policies = createPolicies();
    const listed = new Map(
      lines(first, "worklist.jsonl").map((l) => {
        const e = JSON.parse(l) as WorklistEntry;
        return [e.line, e];
      }),
    );
    let checked = 0;
    for (const h of generatedHouseholds(N, 20261130)) {
      if (h.line % BAD_EVERY === 0) continue;
      const answer = screenInput(JSON.parse(JSON.stringify(h.situation)), {
        policies,
        today: TODAY,
      });
      if (!answer.ok) throw new Error(`line ${h.line} should screen`);
      const open = answer.screening.results.filter(
        (r) => r.outcome !== "unlikely" && !alreadyReceives(h.situation, r.program),
      );
      const entry = listed.get(h.line);
      expect(
        entry?.programs.map((p) => [p.program, p.member, p.outcome, p.monthly, p.reasons, p.missing]) ?? [],
        `line ${h.line}`,
      ).toEqual(
        open.map((r) => [r.program, r.member, r.outcome, r.monthly, r.reasons.map((x) => x.code), r.missing]),
      );
      if (entry) {
        expect(entry.id).toBe(h.id);
        expect(entry.contact).toEqual(h.contact);
        expect(entry.packVersion).toBe(answer.screening.packVersion);
      }
      checked++;
    }
    expect(checked).toBe(N - N / BAD_EVERY);
    expect(listed.size).toBeGreaterThan(0);
  });

  it("is sorted: urgent first, then by monthly estimate, one-off and line", () => {
    const entries = lines(first, "worklist.jsonl").map((l) => JSON.parse(l) as WorklistEntry);
    for (let i = 1; i < entries.length; i++) {
      const [a, b] = [entries[i - 1] as WorklistEntry, entries[i] as WorklistEntry];
      const order =
        Number(a.urgent) - Number(b.urgent) ||
        a.monthlyBest - b.monthlyBest ||
        a.oneOffBest - b.oneOffBest ||
        b.line - a.line;
      expect(order, `entries ${i - 1} and ${i}`).toBeGreaterThan(0);
    }
  });

  it("puts every bad row in rejects.jsonl, by line, naming the field and the problem", () => {
    const rejects = lines(first, "rejects.jsonl").map((l) => JSON.parse(l));
    expect(rejects.map((r) => r.line)).toEqual(
      Array.from({ length: N / BAD_EVERY }, (_, i) => (i + 1) * BAD_EVERY),
    );
    rejects.forEach((r, i) => {
      expect(r.field).toBe((BAD_ROWS[i % BAD_ROWS.length] as (typeof BAD_ROWS)[number]).field);
      expect(r.problem).toMatch(/\w/);
    });
    expect(rejects[2]).toMatchObject({
      id: `R${3 * BAD_EVERY}`,
      field: "situation.members[0].age",
      problem: "must be 0 or more",
    });
  });

  it("counts households, rejects and each program's outcomes in summary.json", () => {
    const summary = JSON.parse(read(first, "summary.json"));
    expect(summary.households).toBe(N - N / BAD_EVERY);
    expect(summary.rejects).toBe(N / BAD_EVERY);
    expect(summary.worklist).toBe(lines(first, "worklist.jsonl").length);
    const perJurisdiction = Object.values(summary.jurisdictions) as {
      households: number;
      programs: Record<string, Record<string, number>>;
    }[];
    expect(perJurisdiction.reduce((n, j) => n + j.households, 0)).toBe(summary.households);
    for (const j of perJurisdiction) {
      // Every household has a best outcome for each of the eight programs.
      for (const outcomes of Object.values(j.programs))
        expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(j.households);
    }
    // 江门's pack has counties (台山, 开平, 恩平 …): its households are counted by county too.
    const jiangmen = summary.jurisdictions.jiangmen;
    expect(
      Object.values(jiangmen.counties).reduce(
        (n: number, c) => n + (c as { households: number }).households,
        0,
      ),
    ).toBe(jiangmen.households);
    expect(summary.run.workers).toBe(2);
  });

  it("writes files only their owner can read", () => {
    expect(statSync(first).mode & 0o777).toBe(0o700);
    for (const file of ["worklist.jsonl", "worklist.csv", "rejects.jsonl", "summary.json"])
      expect(statSync(join(first, file)).mode & 0o777, file).toBe(0o600);
    expect(existsSync(join(first, ".discover-state"))).toBe(false);
  });
});

describe("the same files", () => {
  it("for one worker as for two", () => {
    const out = join(dir, "out-1-worker");
    const r = discover(out, small, "--workers", "1");
    expect(r.status, r.stderr).toBe(0);
    sameFiles(smallFirst, out);
  });

  it("from the register gzipped, killed and resumed from the checkpoint", async () => {
    const gz = join(dir, "small.jsonl.gz");
    await pipeline(createReadStream(small), createGzip(), createWriteStream(gz));
    const out = join(dir, "out-killed");
    const child: ChildProcess = spawn(
      process.execPath,
      args(out, gz, "--workers", "2", "--checkpoint-every", "150"),
      {
        cwd: root,
        stdio: "ignore",
      },
    );
    const checkpoint = join(out, ".discover-state", "checkpoint.json");
    const done = once(child, "exit");
    // Killed (SIGKILL: no chance to tidy up) once a few segments are on disk, well before the end.
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if (existsSync(checkpoint) && JSON.parse(readFileSync(checkpoint, "utf8")).records >= 600) break;
      expect(child.exitCode, "the run ended before it could be killed").toBeNull();
    }
    child.kill("SIGKILL");
    await done;
    expect(existsSync(join(out, "summary.json"))).toBe(false);
    const resumed = discover(out, gz, "--workers", "2", "--checkpoint-every", "150");
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming after [\d,]+ households/);
    sameFiles(smallFirst, out);
    expect(JSON.parse(read(out, "summary.json")).run.resumedAfter).toBeGreaterThanOrEqual(600);
  }, 120_000);
});

describe("a register as CSV", () => {
  it("one row per member gives the same worklist as the same households in JSON Lines", () => {
    const count = 600;
    const csv = join(dir, "register.csv");
    const jsonl = join(dir, "csv-twin.jsonl");
    const households = [...generatedHouseholds(count, 7)];
    let text = `\ufeff${csvLine(ALL_COLUMNS)}`;
    for (const h of households) text += rowsFromHousehold(h.id, h.situation, h.contact).map(csvLine).join("");
    writeFileSync(csv, text);
    writeFileSync(
      jsonl,
      households
        .map((h) => JSON.stringify({ id: h.id, situation: h.situation, contact: h.contact }))
        .join("\n"),
    );
    const [a, b] = [join(dir, "out-csv"), join(dir, "out-jsonl")];
    for (const [out, file] of [
      [a, csv],
      [b, jsonl],
    ] as const) {
      const r = discover(out, file, "--workers", "2");
      expect(r.status, r.stderr).toBe(0);
    }
    // The same households and estimates; only where each was read from differs (a CSV line per member).
    const strip = (out: string) => lines(out, "worklist.jsonl").map((l) => ({ ...JSON.parse(l), line: 0 }));
    expect(strip(a)).toEqual(strip(b));
    expect(summaryOf(a)).toEqual(summaryOf(b));
    expect(read(a, "rejects.jsonl")).toBe("");
  });

  it("a column outside the mapping stops the run before it starts: exit 2, one line", () => {
    const csv = join(dir, "bad-header.csv");
    writeFileSync(csv, "household_id,member.agee\nA1,70\n");
    const r = discover(join(dir, "out-bad-header"), csv);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'line 1: column "member.agee" is not in the register\'s mapping (docs/discover.md)',
    );
  });
});

describe("bad arguments", () => {
  const cases: [string[], RegExp][] = [
    [["missing.jsonl"], /missing\.jsonl: cannot be read \(ENOENT\)/],
    [[register, "--workers", "0"], /--workers: "0" must be a whole number from 1 to 64/],
    [[register, "--as-of", "2026-13-01"], /--as-of: "2026-13-01" is not a date/],
    [[register, "--max-requests", "5"], /--max-requests goes with --file-requests/],
    [[join(dir, "register.txt")], /name it \.jsonl or \.csv/],
  ];

  it("are refused with exit 2 and one line, no stack: a missing file, --workers 0, a bad date, …", async () => {
    // Side by side: each is a process start and nothing more.
    const runs = cases.map(async ([more, message]) => {
      const child = spawn(process.execPath, args(join(dir, "out-args"), ...more), { cwd: root });
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      const [code] = await once(child, "exit");
      expect(code, more.join(" ")).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toContain("    at ");
    });
    await Promise.all(runs);
  });
});
