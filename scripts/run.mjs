// The commands' launcher: `node scripts/run.mjs <command> [args…]` runs build/cli/<command>.mjs, the
// compiled command (scripts/build-cli.mjs), and refuses — exit 2, one line — to run a build older than
// its sources, which would run yesterday's rules. Plain JavaScript, so that it starts at once.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { COMMANDS, newestSource, ROOT } from "./lib/build-stamp.mjs";

const name = process.argv[2];
if (!name || !COMMANDS.includes(name)) {
  process.stderr.write(`usage: node scripts/run.mjs ${COMMANDS.join("|")} [args…]\n`);
  process.exit(2);
}
const bundle = join(ROOT, "build", "cli", `${name}.mjs`);
const stampFile = join(ROOT, "build", "stamp.json");
if (!existsSync(bundle) || !existsSync(stampFile)) {
  process.stderr.write(`The commands are not built: run npm run build:cli (npm install does it too).\n`);
  process.exit(2);
}
const built = JSON.parse(readFileSync(stampFile, "utf8")).newestSource;
if (newestSource() > built) {
  process.stderr.write(
    "The compiled commands are older than their sources: run npm run build:cli, then try again.\n",
  );
  process.exit(2);
}
// The command reads its own arguments: drop the command's name from them.
process.argv.splice(2, 1);
await import(pathToFileURL(bundle).href);
