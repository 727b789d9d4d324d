// Hot-path reads and row updates without the query builder: the column list of a table is rendered once, each call adds only its
// WHERE clause, and raw rows are mapped back through Drizzle's own column decoders (same types as db.select()).
// Profiling bench:lifecycle showed select building (column aliasing, entity checks) at ~20 % of a request's CPU.
import { getTableColumns, sql, SQL, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from './client.ts';

export interface FastSelect<T extends PgTable> {
  /** `SELECT <all columns> FROM <table> <tail>`; `tail` holds WHERE / ORDER BY / FOR UPDATE. */
  rows(db: DbOrTx, tail: SQL): Promise<InferSelectModel<T>[]>;
  /** `UPDATE <table> SET <values> <tail> RETURNING <all columns>`; values are encoded by each column's mapper. */
  update(db: DbOrTx, values: Partial<Record<keyof InferSelectModel<T>, unknown>>, tail: SQL): Promise<InferSelectModel<T>[]>;
}

const isSql = (value: unknown): value is SQL => value instanceof SQL;

export function fastSelect<T extends PgTable>(table: T, tableName: string): FastSelect<T> {
  const columns = Object.entries(getTableColumns(table));
  const list = columns.map(([, column]) => `"${column.name}"`).join(', ');
  const head = sql.raw(`SELECT ${list} FROM "${tableName}" `);
  const returning = sql.raw(` RETURNING ${list}`);
  const byKey = new Map<string, PgColumn>(columns.map(([key, column]) => [key, column as PgColumn]));
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
    async update(db, values, tail) {
      const sets: SQL[] = [];
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) continue;
        const column = byKey.get(key);
        if (!column) throw new Error(`${tableName} has no column ${key}`);
        const encoded = value === null || isSql(value) ? value : column.mapToDriverValue(value);
        sets.push(sql`${sql.raw(`"${column.name}"`)} = ${encoded}`);
      }
      const raw = await queryRows<Record<string, unknown>>(db, sql`${sql.raw(`UPDATE "${tableName}" SET `)}${sql.join(sets, sql.raw(', '))} ${tail}${returning}`);
      return raw.map(decode);
    },
  };
}
