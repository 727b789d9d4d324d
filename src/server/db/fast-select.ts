// Hot-path reads without the query builder: the column list of a table is rendered once, each call adds only its
// WHERE clause, and raw rows are mapped back through Drizzle's own column decoders (same types as db.select()).
// Profiling bench:lifecycle showed select building (column aliasing, entity checks) at ~20 % of a request's CPU.
import { getTableColumns, sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from './client.ts';

export interface FastSelect<T extends PgTable> {
  /** `SELECT <all columns> FROM <table> <tail>`; `tail` holds WHERE / ORDER BY / FOR UPDATE. */
  rows(db: DbOrTx, tail: SQL): Promise<InferSelectModel<T>[]>;
}

export function fastSelect<T extends PgTable>(table: T, tableName: string): FastSelect<T> {
  const columns = Object.entries(getTableColumns(table));
  const head = sql.raw(`SELECT ${columns.map(([, column]) => `"${column.name}"`).join(', ')} FROM "${tableName}" `);
  const decode = (raw: Record<string, unknown>) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as InferSelectModel<T>;
  };
  return {
    async rows(db, tail) {
      const raw = await queryRows<Record<string, unknown>>(db, sql`${head}${tail}`);
      return raw.map(decode);
    },
  };
}
