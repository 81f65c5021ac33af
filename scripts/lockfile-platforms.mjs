// node scripts/lockfile-platforms.mjs — run after `npm install` changes package-lock.json.
//
// Why: the package registry this project is built against serves only linux-x64 builds of some
// platform-specific optional packages (biome's and rollup's binaries). npm then leaves the others out of
// package-lock.json, and `npm ci` refuses the lock as out of sync. This adds each missing optional
// package with its platform (os / cpu / libc, read from its name), so `npm ci` knows it needs none of
// them here and a machine of that platform fetches it by version.

import { readFileSync, writeFileSync } from "node:fs";

const OS = ["android", "darwin", "freebsd", "linux", "openbsd", "openharmony", "sunos", "win32", "aix"];
const CPU = {
  arm64: "arm64",
  x64: "x64",
  arm: "arm",
  ia32: "ia32",
  loong64: "loong64",
  ppc64: "ppc64",
  riscv64: "riscv64",
  s390x: "s390x",
};

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const libc =
    parts.includes("musl") || parts.includes("musleabihf")
      ? "musl"
      : parts.includes("gnu") || parts.includes("gnueabihf")
        ? "glibc"
        : undefined;
  return os && cpu ? { os: [os], cpu: [cpu], ...(libc && os === "linux" ? { libc: [libc] } : {}) } : null;
}

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key] || lock.packages[`${path}/node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) throw new Error(`${dep}: cannot tell its platform from its name`);
    lock.packages[key] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  // In npm's own order (@npmcli/arborist: localeCompare with "en"), so that a later npm install or npm ci
  // leaves the file as it is.
  Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b, "en")),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform package(s) added`);
