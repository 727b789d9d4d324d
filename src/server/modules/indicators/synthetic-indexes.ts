// Bulk loads without one index insertion per row for the secondary indexes (the trigram search index of dossiers above
// all): inside the caller's transaction, the plain indexes of the given tables are read from pg_indexes, dropped, the
// writes done, and the indexes created again from their stored definitions (one sorted build each). Primary keys,
// unique constraints and unique indexes stay: they are invariants, and a unique index rebuilt after the load would
// only report a duplicate after all the work. The same approach as rebuild-foreign-keys.ts (keys and indexes of the
// aggregates). For PostgreSQL; the synthetic loader keeps its plain path on PGlite.
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.ts';

export interface SecondaryIndex {
  table: string;
  name: string;
  /** `CREATE INDEX …` as pg_indexes gives it. */
  definition: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The build memory for the recreated indexes, unless the server already allows more (GIN builds are much faster with it). */
const BUILD_MEMORY_KB = 256 * 1024;

/** The non-unique indexes of the tables (current schema) that back no constraint, by table and name. */
export async function secondaryIndexes(db: DbOrTx, tables: readonly string[]): Promise<SecondaryIndex[]> {
  return queryRows<SecondaryIndex>(
    db,
    sql`SELECT i.tablename AS "table", i.indexname AS name, i.indexdef AS definition
          FROM pg_indexes i
          JOIN pg_namespace n ON n.nspname = i.schemaname
          JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = n.oid
          JOIN pg_index x ON x.indexrelid = c.oid
         WHERE i.schemaname = current_schema() AND i.tablename = ANY(${`{${tables.join(',')}}`}::text[])
           AND NOT x.indisunique AND NOT x.indisprimary
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
         ORDER BY 1, 2`,
  );
}

export interface IndexSteps {
  /** Called once the indexes are dropped, and again before they are built back (which takes a while at millions). */
  onIndexes?: (step: 'dropped' | 'recreating', names: string[]) => void;
}

/**
 * Runs `write` with the secondary indexes of `tables` dropped, then creates them again, all in the caller's
 * transaction `tx`. The transaction is what guarantees the indexes come back: DROP INDEX is transactional, so an error
 * anywhere (in `write`, or in a rebuild) rolls the drops back with the rows, and so does a lost connection or a killed
 * process, which a `finally` in this process could not handle (nor could it run SQL in an aborted transaction). The
 * ALTERs lock the tables (ACCESS EXCLUSIVE) until the commit.
 */
export async function withoutSecondaryIndexes<T>(tx: Tx, tables: readonly string[], write: () => Promise<T>, steps: IndexSteps = {}): Promise<T> {
  const indexes = await secondaryIndexes(tx, tables);
  const names = indexes.map((i) => i.name);
  for (const index of indexes) await tx.execute(sql.raw(`DROP INDEX ${quote(index.name)}`));
  steps.onIndexes?.('dropped', names);
  const result = await write();
  steps.onIndexes?.('recreating', names);
  const [memory] = await queryRows<{ kb: string }>(tx, sql`SELECT setting AS kb FROM pg_settings WHERE name = 'maintenance_work_mem'`);
  if (Number(memory?.kb) < BUILD_MEMORY_KB) await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY_KB}kB'`));
  for (const index of indexes) await tx.execute(sql.raw(index.definition));
  return result;
}
