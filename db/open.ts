// Opens the store a setting names: a postgres:// URL, or a SQLite file path.

import { openPostgres, type PostgresOptions } from "./postgres.ts";
import { openSqlite, type SqliteOptions } from "./sqlite.ts";
import type { Store } from "./store.ts";

export const isPostgresUrl = (where: string) => /^postgres(ql)?:\/\//.test(where);

export function openDb(where: string, options: SqliteOptions & PostgresOptions = {}): Store {
  return isPostgresUrl(where) ? openPostgres(where, options) : openSqlite(where, options);
}
