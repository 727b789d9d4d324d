// Bulk writes without one foreign-key lookup per row: inside the caller's transaction, the foreign keys of the given
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
