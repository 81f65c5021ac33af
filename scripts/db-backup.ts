// npm run db:backup -- FILE: a consistent copy of DATABASE_PATH through SQLite's online backup, safe
// while the service runs and writes. The copy is still encrypted where the data is: keep the key too.
// On PostgreSQL (DATABASE_URL) it says to use pg_dump, the engine's own tool.

import { chmodSync, closeSync, existsSync, openSync } from "node:fs";
import Database from "better-sqlite3";
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
try {
  const config = readConfig(process.env);
  if (config.DATABASE_URL) {
    console.error(
      "Cannot back up: the store is on PostgreSQL (DATABASE_URL). Use pg_dump (README, 'Backups'), and keep INTAKE_DATA_KEY with the dump.",
    );
    process.exit(2);
  }
  if (!existsSync(config.DATABASE_PATH)) {
    console.error(`Cannot back up: ${config.DATABASE_PATH} does not exist (DATABASE_PATH).`);
    process.exit(2);
  }
  const db = new Database(config.DATABASE_PATH, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  // The copy holds the same sealed data and hashes: owner-only, like the database (created 0600 first).
  closeSync(openSync(file, "wx", 0o600));
  const { totalPages } = await db.backup(file);
  db.close();
  chmodSync(file, 0o600);
  console.log(`Backed up ${config.DATABASE_PATH} to ${file} (${totalPages} pages).`);
} catch (error) {
  const message = error instanceof ConfigError ? error.message : String(error).split("\n")[0];
  console.error(`Cannot back up: ${message}`);
  process.exit(2);
}
