// The stores a benchmark runs on (--store sqlite,postgres): a fresh SQLite file, or a fresh schema in
// the PostgreSQL at TEST_DATABASE_URL (tests/stores.ts), removed afterwards.

import { freshStore, POSTGRES, type StoreKind, TEST_SERVER } from "../../tests/stores.ts";

export type { StoreKind };

export function parseStores(text: string): StoreKind[] {
  const kinds = text.split(",").map((s) => s.trim());
  for (const k of kinds) {
    if (k !== "sqlite" && k !== "postgres") throw new Error(`--store: ${k} is not sqlite or postgres`);
  }
  if (kinds.includes("postgres") && !POSTGRES)
    throw new Error(`--store postgres: no PostgreSQL answers at ${TEST_SERVER} (set TEST_DATABASE_URL)`);
  return kinds as StoreKind[];
}

export { freshStore as benchStore };
