// npm run check:advisories: the offline stand-in for `npm audit`. A lock holding an affected version
// fails (exit 1) naming the package, the advisory and the fixed version; the project's own lock passes;
// an unreadable lock is exit 2 with one line.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const run = (lock?: string) =>
  spawnSync(
    process.execPath,
    ["--import", "tsx", join(root, "scripts/check-advisories.ts"), ...(lock ? [lock] : [])],
    {
      cwd: root,
      encoding: "utf8",
    },
  );

function lockWith(packages: Record<string, string>): string {
  const file = join(mkdtempSync(join(tmpdir(), "advisories-")), "package-lock.json");
  const entries = Object.fromEntries(
    Object.entries(packages).map(([p, version]) => [`node_modules/${p}`, { version }]),
  );
  writeFileSync(file, JSON.stringify({ lockfileVersion: 3, packages: { "": {}, ...entries } }));
  return file;
}

describe("npm run check:advisories", () => {
  it("fails on an affected version, naming it and its fix; passes the fixed one", () => {
    const bad = run(lockWith({ cookie: "0.6.0", ws: "8.17.1" }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("node_modules/cookie 0.6.0: GHSA-pxg6-pf52-xh8x");
    expect(bad.stderr).toContain("fixed in 0.7.0");
    expect(bad.stderr).not.toContain("ws"); // 8.17.1 is the fix itself
    expect(run(lockWith({ cookie: "0.7.0", ws: "7.5.10" })).status).toBe(0);
  });

  it("passes the project's own lock (its one accepted finding said, with its reason)", () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 affected/);
  });

  it("an unreadable lock is exit 2 with one line", () => {
    const r = run(join(tmpdir(), "no-such-dir", "package-lock.json"));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
