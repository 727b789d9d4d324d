// Opens the database: embedded PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set. One code path.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migrateDrizzlePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: query functions take this so a transaction is always explicit. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Runs pending migrations under a lock; a second call (or a second process) changes nothing. */
  migrate(): Promise<void>;
  /** Raw SQL for pg-boss (its `db` adapter), through the same connection pool or embedded session. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; absent = in memory (tests). */
  pgliteDir?: string | undefined;
  /** Start the embedded database from a dump (a migrated template), for fast tests. */
  pgliteLoadDataDir?: Blob | File | undefined;
  poolSize?: number;
  /** PostgreSQL only: name parameterised statements so each connection prepares them once (default true). */
  preparedStatements?: boolean;
}

// Arbitrary but fixed: the advisory-lock key that serialises migrations across processes.
const MIGRATION_LOCK_KEY = 4_815_162_342;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.preparedStatements ?? true)
    : openPglite(options);
}

async function openPostgres(databaseUrl: string, poolSize: number, preparedStatements: boolean): Promise<Database> {
  // Every session speaks UTC; presentation converts to Vietnam time explicitly.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: '-c TimeZone=UTC' });
  if (preparedStatements) pool.on('connect', prepareStatementsOnce);
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL idle connection error: ${error.message}`));
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    engine: 'postgres',
    async migrate() {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(pool, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        lockClient.release();
      }
    },
    async executeSql(text, values = []) {
      const result = await pool.query(text, values);
      return { rows: result.rows };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  let releaseLock = () => {};
  if (options.pgliteDir) {
    fs.mkdirSync(options.pgliteDir, { recursive: true });
    releaseLock = lockDataDir(options.pgliteDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: options.pgliteDir,
      extensions: { unaccent, pg_trgm },
      loadDataDir: options.pgliteLoadDataDir,
    });
    await client.exec("SET TIME ZONE 'UTC'");
  } catch (error) {
    releaseLock();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async migrate() {
      // PGlite has one session and one process per folder (see lockDataDir): no advisory lock is needed.
      await migrateDrizzlePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    },
    async executeSql(text, values = []) {
      // Parameterised statements go through query(); pg-boss's multi-statement migrations through exec().
      if (values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results[results.length - 1]?.rows ?? [] };
    },
    async close() {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * Makes a pooled connection name every parameterised statement after a hash of its text, so node-postgres parses it
 * once per connection and PostgreSQL keeps its plan (measured on the session lookup: 490 → 180 µs of server CPU).
 * The set of texts is bounded: they come from the code, values travel as parameters.
 */
function prepareStatementsOnce(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
    if (typeof config === 'object' && config !== null && !('name' in config && config.name)) {
      const { text, values } = config as { text?: unknown; values?: unknown[] };
      const params = Array.isArray(values) ? values : Array.isArray(rest[0]) ? rest[0] : [];
      if (typeof text === 'string' && params.length > 0) {
        return query({ ...config, name: `m_${createHash('sha1').update(text).digest('base64url')}` }, ...rest);
      }
    }
    return query(config, ...rest);
  };
}

/** Refuses a second process on the same embedded database folder: two writers would corrupt it. */
function lockDataDir(dir: string): () => void {
  const lockFile = path.join(dir, 'motcua.lock');
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isProcessAlive(holder)) {
      throw new Error(`The embedded database in ${dir} is in use by process ${holder}. Stop it first.`);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs raw SQL and returns its rows, with the same shape on both engines. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql };
