// npm run db:migrate: applies the committed migrations to DATABASE_PATH (npm start does it too).

import { openDb } from "../db/connection.ts";
import { runMigrations } from "../db/migrate.ts";
import { ConfigError, readConfig } from "../portal/server/config.ts";

try {
  const config = readConfig(process.env);
  const db = openDb(config.DATABASE_PATH);
  const level = runMigrations(db);
  db.close();
  console.log(
    `${config.DATABASE_PATH}: ${level.applied} migration(s) applied, latest ${level.latest ?? "none"}.`,
  );
} catch (error) {
  console.error(
    error instanceof ConfigError
      ? `Cannot migrate: ${error.message}`
      : `Cannot migrate: ${String(error).split("\n")[0]}`,
  );
  process.exit(2);
}
