// The two schemas describe one store: the same tables, the same columns (name, nullability, default,
// primary key) and the same indexes (name, columns, uniqueness, partial condition) on SQLite and on
// PostgreSQL. The repositories are written once against both, so a column added to one only would
// fail at run time on the other; it fails here first.

import { type PgTable, getTableConfig as pgConfig } from "drizzle-orm/pg-core";
import { type SQLiteTable, getTableConfig as sqliteConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pg from "../../db/schema/pg.ts";
import * as sqlite from "../../db/schema/sqlite.ts";

type Described = {
  name: string;
  columns: { name: string; notNull: boolean; hasDefault: boolean; primary: boolean }[];
  indexes: { name: string; columns: string[]; unique: boolean; partial: boolean }[];
  primaryKeys: string[][];
};

function describeTable(config: ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>): Described {
  return {
    name: config.name,
    columns: config.columns
      // A primary key's own default (an identity, SQLite's rowid) is each engine's affair.
      .map((c) => ({
        name: c.name,
        notNull: c.notNull,
        hasDefault: c.hasDefault && !c.primary,
        primary: c.primary,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    indexes: config.indexes
      .map((i) => ({
        name: String(i.config.name),
        columns: i.config.columns.map(columnName),
        unique: Boolean(i.config.unique),
        partial: i.config.where !== undefined,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
  };
}

/** An index's column: itself, or the column inside an expression such as SQLite's desc(urgent). */
function columnName(c: unknown): string {
  if (c && typeof c === "object" && "name" in c) return String((c as { name: unknown }).name);
  const chunks = (c as { queryChunks?: unknown[] }).queryChunks ?? [];
  const column = chunks.find((chunk) => chunk && typeof chunk === "object" && "name" in chunk);
  return column ? String((column as { name: unknown }).name) : "expression";
}

const tables = (module: Record<string, unknown>) => Object.keys(module).sort();

describe("the SQLite and PostgreSQL schemas", () => {
  it("export the same tables", () => {
    expect(tables(pg)).toEqual(tables(sqlite));
    expect(tables(pg)).toContain("requestEvents");
  });

  it.each(tables(sqlite))("%s: the same columns, keys and indexes", (name) => {
    const onSqlite = describeTable(
      sqliteConfig((sqlite as Record<string, SQLiteTable>)[name] as SQLiteTable),
    );
    const onPg = describeTable(pgConfig((pg as Record<string, PgTable>)[name] as PgTable));
    expect(onPg).toEqual(onSqlite);
  });
});
