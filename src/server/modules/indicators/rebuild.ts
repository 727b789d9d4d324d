// The full rebuild of indicator_day_counts from dossiers and their action logs: the same contributions as the
// incremental upkeep (day-counts.ts), summed over every received dossier. In one transaction holding the table
// lock (actions committing meanwhile wait, then add their own difference): dossiers are read in chunks of id ranges, one
// query each with their logs (rebuild-read.ts), counted in worker threads on PostgreSQL (rebuild-parallel.ts) into
// compact sums (rebuild-totals.ts), then compared with the stored rows and only the differing (agency, procedure)
// pairs written again, or every row rewritten (rebuild-write.ts). Readers keep the old rows while counting; only a
// rewrite blocks them (TRUNCATE). docs/INDICATORS.md.
import { sql } from 'drizzle-orm';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import { type Db, type DbOrTx } from '../../db/client.ts';
import { indicatorDayCounts } from '../../db/schema.ts';
import { accumulate, dossierDayRows, type CountedDossier, type KeyedRow } from './day-counts.ts';
import { countAll, type CountOptions } from './rebuild-parallel.ts';
import { chunkRanges, visitRanges } from './rebuild-read.ts';
import { DayTotals } from './rebuild-totals.ts';
import { writeTotals, type WriteResult } from './rebuild-write.ts';
import { dayFromIso } from '../../../shared/calendar/vietnam-time.ts';

export { monthRowsOffTheirDays } from './rebuild-write.ts';

/**
 * Visits every received dossier with the actions of its log that can change its rows (COUNTED_ACTIONS, oldest first,
 * actor not read) and its calendar, by id ranges.
 */
export async function eachCountedDossier(
  db: DbOrTx,
  visit: (dossier: CountedDossier, log: ActionRecord[], calendar: WorkingCalendar) => void,
  onProgress?: (dossiersDone: number) => void,
): Promise<void> {
  let done = 0;
  await visitRanges(db, await chunkRanges(db), visit, (n) => onProgress?.((done += n)));
}

/** Every row of the aggregates recomputed from dossiers and actions (value ≠ 0), by key. In this thread. */
export async function computeDayCounts(db: DbOrTx, onProgress?: (dossiersDone: number) => void): Promise<Map<string, KeyedRow>> {
  const totals = new DayTotals();
  await eachCountedDossier(db, (dossier, log, calendar) => totals.addDossier(dossier, dossierDayRows(calendar, dossier, log)), onProgress);
  const out = new Map<string, KeyedRow>();
  accumulate(out, [...totals.rows()]);
  return out;
}

export interface RebuildOptions extends Omit<CountOptions, 'onProgress'> {
  /** Called with the time spent counting and writing, in ms (benches). */
  onPhases?: (phases: { countMs: number; writeMs: number }) => void;
  /** Write every row again (TRUNCATE and bulk load) instead of comparing and repairing the pairs that differ. */
  rewrite?: boolean;
  /** Stored (agency, procedure) pairs read per FETCH when comparing (default 1,000; the tests take a small one). */
  pairsPerFetch?: number;
}

export type RebuildResult = WriteResult;

/**
 * Makes the aggregates the recomputed ones, in one transaction (the change is atomic): counts in worker threads on
 * PostgreSQL (`options.workers`, default half the cores, at least 2), in this thread on PGlite; then compares and repairs, or
 * rewrites every row (rebuild-write.ts). Returns what was compared and written.
 */
export async function rebuildDayCounts(db: Db, onProgress?: (dossiersDone: number) => void, options: RebuildOptions = {}): Promise<RebuildResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE indicator_day_counts, indicator_month_counts IN EXCLUSIVE MODE`);
    const started = performance.now();
    const totals = await countAll(db, tx, { ...options, onProgress });
    const counted = performance.now();
    const result = await writeTotals(tx, totals, { rewrite: options.rewrite ?? false, ...(options.pairsPerFetch ? { pairsPerFetch: options.pairsPerFetch } : {}) });
    options.onPhases?.({ countMs: counted - started, writeMs: performance.now() - counted });
    return result;
  });
}

/** The stored aggregates (value ≠ 0), by key: what the rebuild must reproduce. */
export async function storedDayCounts(db: DbOrTx): Promise<Map<string, KeyedRow>> {
  const rows = await db.select().from(indicatorDayCounts);
  const out = new Map<string, KeyedRow>();
  for (const r of rows) {
    if (Number(r.value) === 0) continue;
    const day = dayFromIso(r.day);
    accumulate(out, [{ provinceCode: r.provinceCode, agencyId: r.agencyId, procedureId: r.procedureId, day, measure: r.measure as KeyedRow['measure'], value: Number(r.value) }]);
  }
  return out;
}
