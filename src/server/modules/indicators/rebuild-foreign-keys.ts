// Bulk writes without one foreign-key lookup (or index insertion) per row: inside the caller's transaction, the foreign keys of the given
// tables are read from pg_constraint, dropped, the writes done, and the keys added back with their exact stored
// definitions, which checks every row once by a join. Used by the full rebuild (indicator_day_counts) and the
// synthetic loader (dossiers, dossier_actions). The ALTERs lock the tables (ACCESS EXCLUSIVE) until the commit; a
// failure rolls everything back, keys included. Same SQL on PostgreSQL and PGlite.
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function withoutForeignKeys<T>(tx: DbOrTx, tables: readonly string[], write: () => Promise<T>): Promise<T> {
  const keys = await queryRows<{ table: string; name: string; definition: string }>(
    tx,
    sql`SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
         WHERE contype = 'f' AND conrelid = ANY(${`{${tables.join(',')}}`}::regclass[]) ORDER BY 1, 2`,
  );
  for (const key of keys) await tx.execute(sql.raw(`ALTER TABLE ${key.table} DROP CONSTRAINT ${quote(key.name)}`));
  const result = await write();
  for (const key of keys) await tx.execute(sql.raw(`ALTER TABLE ${key.table} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`));
  return result;
}

/**
 * The same for the primary key, unique constraints and other indexes of one table: dropped, the writes done, then
 * built again in one sorted pass each (CREATE INDEX) instead of one B-tree insertion per row. For a table the caller
 * has just emptied (TRUNCATE) in its transaction, which already holds the table's ACCESS EXCLUSIVE lock.
 */
export async function withoutIndexes<T>(tx: DbOrTx, table: string, write: () => Promise<T>): Promise<T> {
  const constraints = await queryRows<{ name: string; definition: string }>(
    tx,
    sql`SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
         WHERE contype IN ('p', 'u') AND conrelid = ${table}::regclass ORDER BY conname`,
  );
  const indexes = await queryRows<{ name: string; definition: string }>(
    tx,
    sql`SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = ${table}::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
         ORDER BY c.relname`,
  );
  for (const c of constraints) await tx.execute(sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${quote(c.name)}`));
  for (const i of indexes) await tx.execute(sql.raw(`DROP INDEX ${quote(i.name)}`));
  const result = await write();
  for (const c of constraints) await tx.execute(sql.raw(`ALTER TABLE ${table} ADD CONSTRAINT ${quote(c.name)} ${c.definition}`));
  for (const i of indexes) await tx.execute(sql.raw(i.definition));
  return result;
}
