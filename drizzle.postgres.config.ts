// drizzle-kit generates the committed PostgreSQL migrations in db/migrations/postgres from
// db/schema/pg.ts: `npx drizzle-kit generate --config drizzle.postgres.config.ts --name <what changed>`.
// The store runs in any schema (DATABASE_URL's ?schema=): drop drizzle-kit's `"public".` qualifiers
// from the generated SQL (db/README.md).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/pg.ts",
  out: "./db/migrations/postgres",
});
