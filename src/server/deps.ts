// The composition root: builds everything the app needs once, by hand (no DI container).
import path from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Database, type Db } from './db/client.ts';
import { createDiskFileStore } from './storage/disk-file-store.ts';
import type { FileStore } from './storage/file-store.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  log: Logger;
  clock: Clock;
  fileStore: FileStore;
}

export interface DepsOverrides {
  database?: Database;
  clock?: Clock;
  log?: Logger;
  fileStore?: FileStore;
}

/** The file store the config names (only `disk` so far). */
export function createFileStore(config: Config['fileStore']): FileStore {
  switch (config.kind) {
    case 'disk':
      return createDiskFileStore(config.dir);
  }
}

/** Opens the database named by the config (PGlite in DATA_DIR unless DATABASE_URL is set). */
export async function createDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const log = overrides.log ?? pino({ level: config.logLevel });
  const database =
    overrides.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: path.join(config.dataDir, 'pglite'),
      poolSize: config.databasePoolSize,
      preparedStatements: config.databasePreparedStatements,
    }));
  return {
    config,
    database,
    db: database.db,
    log,
    clock: overrides.clock ?? systemClock,
    fileStore: overrides.fileStore ?? createFileStore(config.fileStore),
  };
}

/** Today's date in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function vietnamToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
