// The screen command as a person runs it: a real process, JSON on stdout, exit 2 with words on stderr.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/screen.ts"), ...args], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run screen", () => {
  it("prints one screening as JSON for a fixture and exits 0", () => {
    const r = run(["tests/fixtures/neijiang-dongxing.json"]);
    expect(r.code).toBe(0);
    const screening = JSON.parse(r.stdout);
    expect(screening.results[0]).toMatchObject({ program: "dibao", outcome: "likely", monthly: 480 });
  });

  it("reads standard input with '-' and lets --as-of override the situation's date", () => {
    const situation = JSON.stringify({
      schemaVersion: 1,
      jurisdiction: "wuxi",
      asOf: "2020-06-30",
      members: [{ relation: "self", age: 40 }],
    });
    const r = run(["--as-of", "2020-07-01", "-"], situation);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).asOf).toBe("2020-07-01");
  });

  it.each([
    ["a negative age", { members: [{ relation: "self", age: -2 }] }, "members[0].age: must be 0 or more"],
    ["an unknown jurisdiction", { jurisdiction: "beijing" }, "jurisdiction: must be one of"],
    ["no members", { members: [] }, "members: needs at least 1 item"],
    [
      "an unknown key",
      { members: [{ relation: "self", incme: [] }] },
      'members[0].incme: "incme" is not a field',
    ],
    ["a date that is not a date", { asOf: "2020-02-30" }, "asOf: is not a real calendar date"],
  ])("refuses %s: exit 2, nothing on stdout, the field named on stderr", (_, change, message) => {
    const situation = {
      schemaVersion: 1,
      jurisdiction: "wuxi",
      members: [{ relation: "self", age: 40 }],
      ...change,
    };
    const r = run(["-"], JSON.stringify(situation));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it("refuses malformed JSON with exit 2", () => {
    const r = run(["-"], "{ not json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("standard input: is not valid JSON");
  });

  it("refuses a bad --as-of and a malformed --params file, naming the file and field", () => {
    expect(run(["--as-of", "tomorrow", "tests/fixtures/wuxi.json"]).stderr).toContain("--as-of");
    const dir = mkdtempSync(join(tmpdir(), "params-"));
    const file = join(dir, "params.json");
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        packs: { wuxi: { "dibao.standard.urban": [{ from: "2026-7-1", value: 1200, source: "x" }] } },
      }),
    );
    const r = run(["--params", file, "tests/fixtures/wuxi.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}: packs.wuxi.dibao.standard.urban[0].from: must be a date written YYYY-MM-DD`,
    );
  });

  it("uses deployment figures from --params", () => {
    const dir = mkdtempSync(join(tmpdir(), "params-"));
    const file = join(dir, "params.json");
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        packs: {
          wuxi: { "dibao.standard.urban": [{ from: "2021-01-01", value: 1300, source: "部署参数" }] },
        },
      }),
    );
    const r = run(["--params", file, "tests/fixtures/wuxi.json"]);
    expect(r.code).toBe(0);
    // The Wuxi example (2021-03-01, urban, 2 persons, income 600): 1300 × 2 − 600 = 2000.
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ outcome: "likely", monthly: 2000 });
  });
});
