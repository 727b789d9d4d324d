// The full rebuild of indicator_day_counts from dossiers and their action logs: the same contributions as the
// incremental upkeep (day-counts.ts), summed over every received dossier. Dossiers are read in batches by id;
// the table is locked for the rebuild, so actions committing meanwhile wait and then add their own difference.
import { and, asc, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import { dayFromIso, localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { dossierActions, dossiers, indicatorDayCounts } from '../../db/schema.ts';
import { accumulate, addDayCounts, calendarForCounts, COUNTED_COLUMNS, contribution, type CountedDossier, type KeyedRow } from './day-counts.ts';

const BATCH = 1000;

/** Visits every received dossier with its action log (oldest first) and its calendar, in batches by id. */
export async function eachCountedDossier(
  db: DbOrTx,
  visit: (dossier: CountedDossier, log: ActionRecord[], calendar: WorkingCalendar) => void,
  onProgress?: (dossiersDone: number) => void,
): Promise<void> {
  const calendars = new Map<string, Promise<WorkingCalendar>>();
  let lastId: string | null = null;
  let done = 0;
  for (;;) {
    const batch = await db
      .select(COUNTED_COLUMNS)
      .from(dossiers)
      .where(lastId === null ? isNotNull(dossiers.receivedAt) : and(isNotNull(dossiers.receivedAt), gt(dossiers.id, lastId)))
      .orderBy(asc(dossiers.id))
      .limit(BATCH);
    if (batch.length === 0) break;
    const actions = await db
      .select({ dossierId: dossierActions.dossierId, type: dossierActions.type, at: dossierActions.at, actorId: dossierActions.actorId, payload: dossierActions.payload })
      .from(dossierActions)
      .where(inArray(dossierActions.dossierId, batch.map((d) => d.id)))
      .orderBy(asc(dossierActions.dossierId), asc(dossierActions.seq));
    const logs = new Map<string, ActionRecord[]>();
    for (const a of actions) {
      const log = logs.get(a.dossierId) ?? [];
      log.push({ type: a.type as ActionRecord['type'], at: a.at.getTime(), actorId: a.actorId, payload: a.payload as Record<string, unknown> });
      logs.set(a.dossierId, log);
    }
    for (const dossier of batch) {
      const calendarKey = `${dossier.provinceCode}:${yearOfDay(localDay((dossier.receivedAt as Date).getTime()))}`;
      let calendar = calendars.get(calendarKey);
      if (!calendar) {
        calendar = calendarForCounts(db, dossier);
        calendars.set(calendarKey, calendar);
      }
      visit(dossier, logs.get(dossier.id) ?? [], await calendar);
    }
    done += batch.length;
    onProgress?.(done);
    lastId = batch[batch.length - 1]!.id;
  }
}

/** Every row of the aggregates recomputed from dossiers and actions (value ≠ 0), by key. */
export async function computeDayCounts(db: DbOrTx, onProgress?: (dossiersDone: number) => void): Promise<Map<string, KeyedRow>> {
  const totals = new Map<string, KeyedRow>();
  await eachCountedDossier(db, (dossier, log, calendar) => accumulate(totals, contribution(calendar, dossier, log)), onProgress);
  for (const [key, row] of totals) if (row.value === 0) totals.delete(key);
  return totals;
}

/** Replaces the aggregates with the recomputed ones, in one transaction. Returns the number of rows written. */
export async function rebuildDayCounts(db: Db, onProgress?: (dossiersDone: number) => void): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE indicator_day_counts IN EXCLUSIVE MODE`);
    await tx.delete(indicatorDayCounts);
    const rows = [...(await computeDayCounts(tx, onProgress)).values()];
    for (let i = 0; i < rows.length; i += BATCH) await addDayCounts(tx, rows.slice(i, i + BATCH));
    return rows.length;
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
