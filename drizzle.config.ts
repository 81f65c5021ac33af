// drizzle-kit generates the committed SQLite migrations in db/migrations/sqlite from
// db/schema/sqlite.ts: `npx drizzle-kit generate --name <what changed>`. PostgreSQL has its own
// config (drizzle.postgres.config.ts); change both schemas together (tests/db/schemas.test.ts).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite.ts",
  out: "./db/migrations/sqlite",
});
