// npm run build:cli (and npm install, through `prepare`): the commands compiled to plain JavaScript, one
// bundle each in build/cli/, so that they start without transpiling TypeScript every time (npm start,
// npm run screen …; the tests run the sources). build/stamp.json records the newest source it was built
// from: scripts/run.mjs refuses to run a build older than the sources.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { COMMANDS, newestSource, ROOT, WORKERS } from "./lib/build-stamp.mjs";

const OUT = join(ROOT, "build", "cli");

/**
 * Files that find their neighbours through import.meta.url (the migrations, the holiday calendar, the
 * portal's build) keep finding them from the bundle: their import.meta.url becomes their own source
 * file's address, worked out from where the bundle is.
 */
const ownUrl = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const fromBundle = relative(OUT, args.path).split("\\").join("/");
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return {
        contents: source.replaceAll("import.meta.url", url),
        loader: "ts",
      };
    });
  },
};

const started = performance.now();
const stamp = newestSource();
mkdirSync(OUT, { recursive: true });
await build({
  entryPoints: Object.fromEntries(
    [...COMMANDS, ...WORKERS].map((name) => [name, join(ROOT, "scripts", `${name}.ts`)]),
  ),
  outdir: OUT,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  plugins: [ownUrl],
  logLevel: "warning",
});
writeFileSync(join(ROOT, "build", "stamp.json"), `${JSON.stringify({ newestSource: stamp }, null, 2)}\n`);
const ms = Math.round(performance.now() - started);
console.log(`Built ${COMMANDS.length} commands into ${relative(ROOT, OUT)}/ in ${ms} ms.`);
