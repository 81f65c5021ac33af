// The commands as npm runs them: compiled JavaScript (build/cli, by npm install's `prepare` or npm run
// build:cli), started by scripts/run.mjs — the same answers as the sources, and a build older than its
// sources refused rather than run.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, "scripts/run.mjs"), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "" },
    encoding: "utf8",
    ...(input === undefined ? {} : { input }),
  });
const fromSources = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/screen.ts"), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "" },
    encoding: "utf8",
  });

describe("the compiled commands", () => {
  beforeAll(() => {
    // npm install built them; a test run after editing sources builds them again first.
    const built = spawnSync(process.execPath, [join(root, "scripts/build-cli.mjs")], {
      cwd: root,
      encoding: "utf8",
    });
    expect(built.status, built.stderr).toBe(0);
  });

  it("npm run screen answers as the sources do, for every fixture", () => {
    for (const id of ["wuxi", "jiangmen", "puning", "jilin", "neijiang-dongxing"]) {
      const args = ["--as-of", "2026-11-27", join(root, "tests/fixtures", `${id}.json`)];
      const compiled = run(["screen", ...args]);
      expect(compiled.status, compiled.stderr).toBe(0);
      expect(compiled.stdout).toBe(fromSources(args).stdout);
    }
  });

  it("a bad situation is refused the same way: exit 2, what is wrong, no stack", () => {
    const r = run(["screen", "-"], "{}");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("members: is required");
    expect(r.stderr).not.toContain("    at ");
  });

  it("a build older than its sources is refused, in one line, exit 2", () => {
    const source = join(root, "core", "dates.ts");
    const { atime, mtime } = statSync(source);
    const stamp = JSON.parse(readFileSync(join(root, "build", "stamp.json"), "utf8")).newestSource as number;
    try {
      utimesSync(source, atime, new Date(stamp + 1000)); // edited after the build
      const r = run(["screen", join(root, "tests/fixtures/wuxi.json")]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        "The compiled commands are older than their sources: run npm run build:cli, then try again.\n",
      );
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(run(["screen", join(root, "tests/fixtures/wuxi.json")]).status).toBe(0);
  });

  it("an unknown command is refused with the list of commands", () => {
    const r = run(["nonsense"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: node scripts\/run\.mjs start\|screen\|staff\|/);
    expect(existsSync(join(root, "build", "cli", "start.mjs"))).toBe(true);
  });
});
