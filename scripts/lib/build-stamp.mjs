// What the compiled commands are built from, and when: shared by the build (scripts/build-cli.mjs) and
// the launcher (scripts/run.mjs), which compares the newest source with the build's stamp. Plain
// JavaScript: the launcher runs before anything is compiled.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** scripts/<name>.ts, each bundled to build/cli/<name>.mjs. */
export const COMMANDS = [
  "start",
  "screen",
  "staff",
  "db-migrate",
  "db-backup",
  "db-retention",
  "interview",
  "interview-stats",
  "discover",
];

/** Scripts bundled beside the commands that are not commands: worker threads' entry points. */
export const WORKERS = ["discover-worker"];

/** Where the commands' code lives (tests and benchmarks run from sources, so they are not here). */
const SOURCES = ["core", "db", "portal/server", "bot", "locales", "scripts"];
const SKIP = new Set(["node_modules", "bench", "migrations"]);

/** The newest modification time (ms) of a source the commands are built from, package.json included. */
export function newestSource() {
  let newest = statSync(join(ROOT, "package.json")).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCES) walk(join(ROOT, dir));
  // The migrations' journals are bundled; their SQL is read when migrating, from the sources.
  for (const engine of ["sqlite", "postgres"]) {
    newest = Math.max(
      newest,
      statSync(join(ROOT, "db", "migrations", engine, "meta", "_journal.json")).mtimeMs,
    );
  }
  return newest;
}
