// drizzle-kit generates the committed migrations in db/migrations from db/schema.ts:
// `npx drizzle-kit generate --name <what changed>`.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
