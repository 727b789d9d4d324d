// A worker thread of the parallel full rebuild (PostgreSQL only): opens its own connection, reads in the snapshot
// exported by the rebuilding transaction (so every worker sees exactly what that transaction sees, with the
// aggregates table locked), counts its chunks into partial sums and posts them back packed. Started by
// rebuild-parallel.ts; progress is posted as { done } after each chunk.
import { parentPort, workerData } from 'node:worker_threads';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';
import { dossierDayRows } from './day-counts.ts';
import { visitRanges, type ChunkRange } from './rebuild-read.ts';
import { DayTotals } from './rebuild-totals.ts';

export interface RebuildWorkerData {
  connection: Record<string, string | number | boolean>;
  snapshot: string;
  ranges: ChunkRange[];
}

async function main(): Promise<void> {
  const { connection, snapshot, ranges } = workerData as RebuildWorkerData;
  const client = new pg.Client({ ...connection });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replaceAll("'", "''")}'`);
    const db = drizzle(client, { schema }) as unknown as Db;
    const totals = new DayTotals();
    await visitRanges(
      db,
      ranges,
      (dossier, log, calendar) => totals.addDossier(dossier, dossierDayRows(calendar, dossier, log)),
      (done) => parentPort!.postMessage({ done }),
    );
    await client.query('COMMIT');
    const packed = totals.pack();
    parentPort!.postMessage({ totals: packed }, [packed.keys.buffer as ArrayBuffer, packed.values.buffer as ArrayBuffer]);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  parentPort!.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
});
