// Counts every received dossier into DayTotals, split over `workers` parts (block-range chunks dealt in turn).
// PostgreSQL: one worker thread per part (rebuild-worker.ts), each on its own connection in the snapshot exported by
// the caller's transaction; the parts' packed sums are merged here. PGlite (one session, in-process only) or a
// single part: the same ranges counted in this thread, each part packed and merged the same way.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows, type Db, type DbOrTx } from '../../db/client.ts';
import { dossierDayRows } from './day-counts.ts';
import { CHUNK, chunkRanges, visitRanges, type ChunkRange } from './rebuild-read.ts';
import { DayTotals, type PackedTotals } from './rebuild-totals.ts';
import type { RebuildWorkerData } from './rebuild-worker.ts';

export interface CountOptions {
  /**
   * Parts counted in parallel; default on PostgreSQL: half the cores, at least 2 (each worker keeps a database backend
   * about as busy as itself; measured on 2 cores at 1 M dossiers: 2 workers 16 s, 1 in-process part 20 s), 1 on PGlite.
   */
  workers?: number;
  /** Dossiers per chunk (one query each). */
  chunk?: number;
  onProgress?: (dossiersDone: number) => void;
}

/** The connection settings of a node-postgres pool behind a Drizzle database, or null (PGlite). */
export function postgresConnection(db: Db): Record<string, string | number | boolean> | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return null;
  const options = (client as unknown as { options: Record<string, unknown> }).options;
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'max' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) out[key] = value;
  }
  return out;
}

const deal = (ranges: ChunkRange[], parts: number) => Array.from({ length: parts }, (_, p) => ranges.filter((_, i) => i % parts === p));

/** The URL that starts a TypeScript worker under tsx (the project runs its .ts sources through tsx). */
function workerScript(): string {
  const worker = new URL('./rebuild-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); })`;
}

function runWorker(data: RebuildWorkerData, onDone: (n: number) => void, started: Set<Worker>): Promise<PackedTotals> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), { eval: true, workerData: data, execArgv: [] });
    started.add(worker);
    let settled = false;
    worker.on('message', (message: { done?: number; totals?: PackedTotals; error?: string }) => {
      if (message.done !== undefined) onDone(message.done);
      if (message.totals) {
        settled = true;
        resolve(message.totals);
        void worker.terminate();
      }
      if (message.error) {
        settled = true;
        reject(new Error(`Rebuild worker failed: ${message.error}`));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`Rebuild worker exited with code ${code}`));
    });
  });
}

/**
 * Sums the contributions of every received dossier. `tx` is the rebuilding transaction (its reads, and the snapshot
 * the workers import); `db` the database it belongs to (to find how to connect).
 */
export async function countAll(db: Db, tx: DbOrTx, options: CountOptions = {}): Promise<DayTotals> {
  const connection = postgresConnection(db);
  const workers = Math.max(1, Math.floor(options.workers ?? (connection ? Math.max(2, availableParallelism() / 2) : 1)));
  const ranges = await chunkRanges(tx, options.chunk ?? CHUNK);
  const parts = deal(ranges, Math.min(workers, ranges.length));
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done);
  };
  const totals = new DayTotals();
  if (connection && parts.length > 1) {
    const [{ snapshot }] = (await queryRows<{ snapshot: string }>(tx, sql`SELECT pg_export_snapshot() AS snapshot`)) as [{ snapshot: string }];
    const started = new Set<Worker>();
    const packed = await Promise.all(parts.map((part) => runWorker({ connection, snapshot, ranges: part }, progress, started))).catch(async (error: unknown) => {
      await Promise.all([...started].map((w) => w.terminate()));
      throw error;
    });
    for (const p of packed) totals.merge(p);
    return totals;
  }
  for (const part of parts) {
    const partial = parts.length === 1 ? totals : new DayTotals();
    await visitRanges(tx, part, (dossier, log, calendar) => partial.addDossier(dossier, dossierDayRows(calendar, dossier, log)), progress);
    if (partial !== totals) totals.merge(partial.pack());
  }
  return totals;
}
