// The indicator aggregates (indicator_day_counts): one dossier's contribution computed from its row and action log
// by the shared timeline (src/shared/indicators), and the incremental upkeep that adds the difference an action makes,
// in the action's own transaction, as one INSERT … ON CONFLICT statement (docs/INDICATORS.md, "Aggregates").
import { eq, sql } from 'drizzle-orm';
import type { Duration } from '../../../shared/calendar/deadlines.ts';
import { isoFromDay, localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { ActionType } from '../../../shared/dossiers/actions.ts';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import { dayRows, type DayRow } from '../../../shared/indicators/facts.ts';
import { DEFAULT_INDICATOR_SETTINGS } from '../../../shared/indicators/settings.ts';
import { dossierTimeline, type Channel, type DossierRowFacts } from '../../../shared/indicators/timeline.ts';
import type { DbOrTx } from '../../db/client.ts';
import { dossiers, indicatorDayCounts, indicatorMonthCounts, procedureVersions } from '../../db/schema.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';

/** The columns of a dossier the aggregates depend on (a Drizzle select map; the rebuild reads exactly these). */
export const COUNTED_COLUMNS = {
  id: dossiers.id,
  provinceCode: dossiers.provinceCode,
  competentAgencyId: dossiers.competentAgencyId,
  procedureId: dossiers.procedureId,
  channel: dossiers.channel,
  duration: dossiers.duration,
  receivedAt: dossiers.receivedAt,
  procedureVersionId: dossiers.procedureVersionId,
  feeLines: dossiers.feeLines,
  components: dossiers.components,
  /** The online service level of the version the dossier was filed under (the full-process component). */
  onlineLevel: sql<string | null>`(SELECT online_level FROM procedure_versions WHERE id = ${dossiers.procedureVersionId})`.as('online_level'),
};

/** The columns of a dossier the aggregates depend on: keep in step with COUNTED_COLUMNS. */
export interface CountedDossier {
  provinceCode: string;
  competentAgencyId: string;
  procedureId: string;
  channel: string;
  duration: unknown;
  receivedAt: Date | null;
  /** The next four are read with COUNTED_COLUMNS (optional for callers that only need the calendar). */
  procedureVersionId?: string;
  feeLines?: unknown;
  components?: unknown;
  /** A plain dossier row has none: recordIndicatorChange looks it up from the version. */
  onlineLevel?: string | null;
}

/** Fee lines with a non-zero amount. */
export function isFeeBearing(feeLines: unknown): boolean {
  return Array.isArray(feeLines) && feeLines.some((line) => typeof line === 'object' && line !== null && Number((line as { amountVnd?: unknown }).amountVnd ?? 0) > 0);
}

/** At least one component with an uploaded file, and a file for every component marked provided (4.2). */
export function isDigitised(components: unknown): boolean {
  if (!Array.isArray(components)) return false;
  const list = components.filter((c): c is { provided?: unknown; files?: unknown } => typeof c === 'object' && c !== null);
  const hasFiles = (c: { files?: unknown }) => Array.isArray(c.files) && c.files.length > 0;
  return list.some(hasFiles) && list.every((c) => c.provided !== true || hasFiles(c));
}

/** What the shared timeline needs from the dossier row. */
export function rowFacts(dossier: CountedDossier): DossierRowFacts {
  return {
    channel: dossier.channel as Channel,
    duration: (dossier.duration as Duration | null) ?? null,
    feeBearing: isFeeBearing(dossier.feeLines),
    digitised: isDigitised(dossier.components),
    fullProcess: dossier.onlineLevel === 'full',
  };
}

export interface KeyedRow extends DayRow {
  provinceCode: string;
  agencyId: string;
  procedureId: string;
}

/**
 * Actions that can change a dossier's contribution (receipt, pauses, extension, endings, correction). Any other
 * action leaves it unchanged unless it moves the dossier to another agency or procedure (a row change): it changes
 * none of the state the timeline reads (receipt, pauses, extension, finish), and the timeline's intervals are the same
 * with or without it (consecutive pieces merge), given that action times do not go backwards along a log (each action
 * is stamped with the server's clock when it is appended). So the incremental upkeep skips the
 * others, and the full rebuild reads only these from each log (rebuild-read.ts); rebuild.int.test.ts checks the
 * result against whole logs.
 */
export const COUNTED_ACTIONS: ReadonlySet<ActionRecord['type']> = new Set<ActionRecord['type']>([
  'intake',
  'receive',
  'request_supplement',
  'submit_supplement',
  'request_payment',
  'record_payment',
  'extend',
  'refuse_intake',
  'issue_result',
  'withdraw',
  'refuse',
  'stop',
  'close_unsupplemented',
  'correct_result',
]);

/** The calendar the contribution is computed with: the province's, from the year of receipt, three years ahead (as the deadline). */
export function calendarForCounts(db: DbOrTx, dossier: CountedDossier): Promise<WorkingCalendar> {
  const year = yearOfDay(localDay((dossier.receivedAt as Date).getTime()));
  return loadWorkingCalendar(db, dossier.provinceCode, year, year + 3);
}

/** The day rows of one dossier, without its keys (agency, procedure); none before it is received. */
export function dossierDayRows(calendar: WorkingCalendar, dossier: CountedDossier, log: readonly ActionRecord[]): DayRow[] {
  if (dossier.receivedAt === null) return [];
  return dayRows(dossierTimeline(calendar, rowFacts(dossier), log, DEFAULT_INDICATOR_SETTINGS));
}

/** The day rows of one dossier with their keys; none before it is received. */
export function contribution(calendar: WorkingCalendar, dossier: CountedDossier, log: readonly ActionRecord[]): KeyedRow[] {
  const { provinceCode, competentAgencyId: agencyId, procedureId } = dossier;
  return dossierDayRows(calendar, dossier, log).map((r) => ({ day: r.day, measure: r.measure, value: r.value, provinceCode, agencyId, procedureId }));
}

export const rowKey = (r: Pick<KeyedRow, 'agencyId' | 'procedureId' | 'day' | 'measure'>) => `${r.agencyId}|${r.day}|${r.measure}|${r.procedureId}`;

/** Adds `sign` × rows into a keyed map (the province follows the agency). */
export function accumulate(into: Map<string, KeyedRow>, rows: readonly KeyedRow[], sign = 1): void {
  for (const r of rows) {
    const key = rowKey(r);
    const hit = into.get(key);
    if (hit) hit.value += sign * r.value;
    else into.set(key, { ...r, value: sign * r.value });
  }
}

/** Adds the rows to the table: one statement, rows in key order so concurrent transactions lock them in the same order. */
export async function addDayCounts(db: DbOrTx, rows: readonly KeyedRow[]): Promise<void> {
  const values = rows
    .filter((r) => r.value !== 0)
    .sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1))
    .map((r) => ({ provinceCode: r.provinceCode, agencyId: r.agencyId, procedureId: r.procedureId, day: isoFromDay(r.day), measure: r.measure, value: r.value }));
  if (values.length === 0) return;
  // The month rows take the same difference in the same statement: the day rows' sums by agency, month and measure,
  // in key order as well.
  const months = new Map<string, { provinceCode: string; agencyId: string; month: string; measure: string; value: number }>();
  for (const v of values) {
    const month = `${v.day.slice(0, 7)}-01`;
    const key = `${v.agencyId}|${month}|${v.measure}`;
    const row = months.get(key);
    if (row) row.value += v.value;
    else months.set(key, { provinceCode: v.provinceCode, agencyId: v.agencyId, month, measure: v.measure, value: v.value });
  }
  const monthRows = [...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r).filter((r) => r.value !== 0);
  const dayInsert = db
    .insert(indicatorDayCounts)
    .values(values)
    .onConflictDoUpdate({
      target: [indicatorDayCounts.agencyId, indicatorDayCounts.day, indicatorDayCounts.measure, indicatorDayCounts.procedureId],
      set: { value: sql`${indicatorDayCounts.value} + excluded.value` },
    });
  if (monthRows.length === 0) {
    await dayInsert;
    return;
  }
  const monthInsert = db
    .insert(indicatorMonthCounts)
    .values(monthRows)
    .onConflictDoUpdate({
      target: [indicatorMonthCounts.agencyId, indicatorMonthCounts.month, indicatorMonthCounts.measure],
      set: { value: sql`${indicatorMonthCounts.value} + excluded.value` },
    });
  await db.execute(sql`WITH day_rows AS (${dayInsert.getSQL()}) ${monthInsert.getSQL()}`);
}

interface Snapshot {
  row: CountedDossier;
  log: readonly ActionRecord[];
}

/**
 * The online level of each procedure version seen by this process: versions are immutable (a change in the catalogue
 * is a new version), so it is read once, not at every action. Bounded; ids are random, so databases never collide.
 */
const VERSION_LEVELS = new Map<string, string | null>();

/**
 * Incremental upkeep, inside the action's transaction: adds (contribution after − contribution before). Costs
 * nothing for actions that cannot change it; otherwise the calendar lookup (cached) and one upsert.
 */
export async function recordIndicatorChange(
  db: DbOrTx,
  type: ActionType | 'submit' | 'intake',
  before: Snapshot | null,
  after: Snapshot,
  loadCalendar: (dossier: CountedDossier) => Promise<WorkingCalendar> = (dossier) => calendarForCounts(db, dossier),
): Promise<void> {
  const moved = before !== null && (before.row.competentAgencyId !== after.row.competentAgencyId || before.row.procedureId !== after.row.procedureId);
  if (!COUNTED_ACTIONS.has(type) && !moved) return;
  if (after.row.receivedAt === null && before?.row.receivedAt == null) return;
  const calendar = await loadCalendar(after.row.receivedAt ? after.row : (before as Snapshot).row);
  const withLevel = async (row: CountedDossier): Promise<CountedDossier> => {
    const versionId = row.procedureVersionId;
    if (row.onlineLevel !== undefined || versionId === undefined) return row;
    if (!VERSION_LEVELS.has(versionId)) {
      const [hit] = await db.select({ onlineLevel: procedureVersions.onlineLevel }).from(procedureVersions).where(eq(procedureVersions.id, versionId));
      if (VERSION_LEVELS.size >= 10_000) VERSION_LEVELS.clear();
      VERSION_LEVELS.set(versionId, hit?.onlineLevel ?? null);
    }
    return { ...row, onlineLevel: VERSION_LEVELS.get(versionId) ?? null };
  };
  after = { ...after, row: await withLevel(after.row) };
  if (before) before = { ...before, row: await withLevel(before.row) };
  const delta = new Map<string, KeyedRow>();
  accumulate(delta, contribution(calendar, after.row, after.log));
  if (before) accumulate(delta, contribution(calendar, before.row, before.log), -1);
  await addDayCounts(db, [...delta.values()]);
}
