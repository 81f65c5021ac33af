// npm run check:advisories [-- LOCKFILE]: an offline stand-in for `npm audit`, which this registry
// refuses. Every package version in the lock file is compared with security/advisories.json; one line
// per affected package, exit 1 when any is found, exit 2 when a file cannot be read. It knows only the
// advisories listed there: it is as current as that list, and says nothing of code not in the lock.

import { readFileSync } from "node:fs";
import { join } from "node:path";

interface Advisory {
  package: string;
  id: string;
  introduced: string;
  fixed: string;
  summary: string;
}

const root = join(import.meta.dirname, "..");
const lockFile = process.argv[2] ?? join(root, "package-lock.json");

/** "1.2.3" (a pre-release or build suffix ignored) as numbers, compared part by part. */
function compare(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .split(/[-+]/)[0]
      ?.split(".")
      .map((n) => Number(n) || 0) ?? [];
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

try {
  const lock = JSON.parse(readFileSync(lockFile, "utf8")) as {
    packages?: Record<string, { version?: string }>;
  };
  const list = JSON.parse(readFileSync(join(root, "security", "advisories.json"), "utf8")) as {
    advisories: Advisory[];
    /** Affected copies judged harmless here, each with its reason: reported, not failed. */
    accepted?: { path: string; id: string; reason: string }[];
  };
  const accepted = (path: string, id: string) => list.accepted?.find((x) => x.path === path && x.id === id);
  const found: string[] = [];
  let checked = 0;
  for (const [path, meta] of Object.entries(lock.packages ?? {})) {
    const name = path.replace(/^.*node_modules\//, "");
    if (!path.includes("node_modules/") || !meta.version) continue;
    checked++;
    for (const a of list.advisories) {
      if (a.package !== name) continue;
      if (compare(meta.version, a.introduced) < 0 || compare(meta.version, a.fixed) >= 0) continue;
      const ok = accepted(path, a.id);
      if (ok) console.log(`accepted: ${path} ${meta.version}: ${a.id} — ${ok.reason}`);
      else found.push(`${path} ${meta.version}: ${a.id} (${a.summary}); fixed in ${a.fixed}`);
    }
  }
  for (const line of found) console.error(line);
  console.log(
    `${checked} installed packages checked against ${list.advisories.length} listed advisories: ${found.length} affected.`,
  );
  process.exit(found.length > 0 ? 1 : 0);
} catch (error) {
  console.error(`Cannot check advisories: ${String(error).split("\n")[0]}`);
  process.exit(2);
}
