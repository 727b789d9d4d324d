// Test wiring: a real database per test file (in-memory PGlite, or a fresh database on the PostgreSQL server
// named by DATABASE_URL), a fixed clock, and a real HTTP server on a free port.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { createApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { createFileStore, type Clock, type Deps } from '../deps.ts';

export const SEED_DIR = fileURLToPath(new URL('../../../seed', import.meta.url));

export interface TestContext {
  deps: Deps;
  /** The temporary folder of this context's file store (removed by close). */
  filesDir: string;
  /** Stops the server (if started), closes and drops the test database. */
  close(): Promise<void>;
}

/** A clock that stays where the test puts it. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => void (now = new Date(next)) };
}

async function createPostgresDatabase(
  serverUrl: string,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  const name = `motcua_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  return {
    database,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      // Closed connections can linger for a moment on the server; wait for them before forcing.
      for (let attempt = 0; attempt < 40; attempt += 1) {
        const ok = await client.query(`DROP DATABASE IF EXISTS ${name}`).then(
          () => true,
          () => false,
        );
        if (ok) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Opens a migrated, empty database on the engine under test and builds deps around it. */
export async function createTestContext(
  options: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<TestContext> {
  const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-files-'));
  const config: Config = {
    ...loadConfig(),
    nodeEnv: 'test',
    logLevel: 'silent',
    seedDir: SEED_DIR,
    fileStore: { kind: 'disk', dir: filesDir },
    ...options.config,
  };
  let database: Database;
  let drop = async () => {};
  if (config.databaseUrl) {
    ({ database, drop } = await createPostgresDatabase(config.databaseUrl));
  } else {
    database = await openDatabase({});
  }
  await database.migrate();
  const deps: Deps = {
    config,
    database,
    db: database.db,
    log: pino({ level: 'silent' }),
    clock: options.clock ?? fixedClock('2026-11-23T03:00:00Z'),
    fileStore: createFileStore(config.fileStore),
  };
  return {
    deps,
    filesDir: config.fileStore.dir,
    async close() {
      await database.close();
      await drop();
      await fs.rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** Starts the real HTTP app on a free loopback port; returns its base URL and a stop function. */
export async function startServer(deps: Deps): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = await createApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, stop: () => app.close() };
}

/** GET a JSON document and return status and body. */
export async function getJson<T = any>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}

export const seedPath = (...parts: string[]) => path.join(SEED_DIR, ...parts);
