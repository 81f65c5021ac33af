// npm run db:migrate: applies the committed migrations to the store — the SQLite file at DATABASE_PATH,
// or PostgreSQL at DATABASE_URL (npm start does it too; two processes starting together take turns).

import { openDb } from "../db/open.ts";
import { ConfigError, readConfig, storeLocation } from "../portal/server/config.ts";

try {
  const config = readConfig(process.env);
  const db = openDb(config.DATABASE_URL ?? config.DATABASE_PATH);
  try {
    const level = await db.migrate();
    console.log(
      `${storeLocation(config)}: ${level.applied} migration(s) applied, latest ${level.latest ?? "none"}.`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  const reason =
    error instanceof ConfigError
      ? error.message
      : ((error as { code?: string }).code ?? String(error).split("\n")[0]);
  console.error(`Cannot migrate: ${reason}`);
  process.exit(2);
}
