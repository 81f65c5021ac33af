// npm run db:backup -- FILE: a consistent copy of the SQLite store (DATABASE_PATH) through SQLite's online
// backup, safe while the service runs and writes. The copy is still encrypted where the data is: keep
// the key too. On PostgreSQL (DATABASE_URL) it says to use pg_dump, the engine's own tool.

import { chmodSync, closeSync, existsSync, openSync, rmSync } from "node:fs";
import { openDb } from "../db/open.ts";
import { BackupUnsupported } from "../db/store.ts";
import { ConfigError, readConfig } from "../portal/server/config.ts";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("Usage: npm run db:backup -- FILE   (FILE must not exist yet)");
  process.exit(2);
}
if (existsSync(file)) {
  console.error(`Cannot back up: ${file} already exists; choose a new file name.`);
  process.exit(2);
}
let created = false;
try {
  const config = readConfig(process.env);
  if (!config.DATABASE_URL && !existsSync(config.DATABASE_PATH)) {
    console.error(`Cannot back up: ${config.DATABASE_PATH} does not exist (DATABASE_PATH).`);
    process.exit(2);
  }
  const db = openDb(config.DATABASE_URL ?? config.DATABASE_PATH);
  try {
    // The copy holds the same sealed data and hashes: owner-only, like the database (created 0600 first).
    if (!config.DATABASE_URL) {
      closeSync(openSync(file, "wx", 0o600));
      created = true;
    }
    const { pages } = await db.backup(file);
    chmodSync(file, 0o600);
    console.log(`Backed up ${config.DATABASE_PATH} to ${file} (${pages} pages).`);
  } finally {
    await db.close();
  }
} catch (error) {
  if (created) rmSync(file, { force: true });
  const message =
    error instanceof ConfigError || error instanceof BackupUnsupported
      ? error.message
      : String(error).split("\n")[0];
  console.error(`Cannot back up: ${message}`);
  process.exit(2);
}
