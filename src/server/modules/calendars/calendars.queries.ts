// SQL for the working calendars. Each function takes the database or a transaction first.
import { and, asc, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarDay, type CalendarSettings } from '../../../shared/calendar/settings.ts';
import type { DbOrTx } from '../../db/client.ts';
import { calendarChanges, calendarEntries, calendarSettings, calendarYears } from '../../db/schema.ts';

export interface StoredSettings {
  settings: CalendarSettings;
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** The province's settings (the defaults with version 0 until an administrator saves some). */
export async function getCalendarSettings(db: DbOrTx, provinceCode: string): Promise<StoredSettings> {
  const [row] = await db.select().from(calendarSettings).where(eq(calendarSettings.provinceCode, provinceCode));
  if (!row) return { settings: DEFAULT_CALENDAR_SETTINGS, version: 0, updatedBy: null, updatedAt: null };
  return {
    settings: { ...DEFAULT_CALENDAR_SETTINGS, ...(row.settings as Partial<CalendarSettings>) },
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

/** Locks the settings row (creating it with the defaults) and increases its version; returns the new version. */
export async function bumpCalendarVersion(tx: DbOrTx, provinceCode: string, actor: string): Promise<number> {
  const [row] = await tx
    .insert(calendarSettings)
    .values({ provinceCode, settings: DEFAULT_CALENDAR_SETTINGS, version: 1, updatedBy: actor })
    .onConflictDoUpdate({ target: calendarSettings.provinceCode, set: { version: sql`${calendarSettings.version} + 1`, updatedAt: sql`clock_timestamp()` } })
    .returning({ version: calendarSettings.version });
  return row?.version ?? 1;
}

export type CalendarEntryRow = typeof calendarEntries.$inferSelect;

/** Active (not removed) entries of a province, optionally of one year. */
export function listCalendarEntries(db: DbOrTx, provinceCode: string, year?: number): Promise<CalendarEntryRow[]> {
  const conditions = [eq(calendarEntries.provinceCode, provinceCode), isNull(calendarEntries.removedAt)];
  if (year !== undefined) conditions.push(gte(calendarEntries.date, `${year}-01-01`), lte(calendarEntries.date, `${year}-12-31`));
  return db.select().from(calendarEntries).where(and(...conditions)).orderBy(asc(calendarEntries.date), asc(calendarEntries.createdAt));
}

export async function findCalendarEntry(db: DbOrTx, provinceCode: string, id: string): Promise<CalendarEntryRow | undefined> {
  const [row] = await db
    .select()
    .from(calendarEntries)
    .where(and(eq(calendarEntries.id, id), eq(calendarEntries.provinceCode, provinceCode)));
  return row;
}

export interface ConfirmedYear {
  year: number;
  revision: number;
  days: CalendarDay[];
  confirmedBy: string;
  confirmedAt: Date;
}

export async function listConfirmedYears(db: DbOrTx, provinceCode: string, fromYear: number, toYear: number): Promise<ConfirmedYear[]> {
  const rows = await db
    .select()
    .from(calendarYears)
    .where(and(eq(calendarYears.provinceCode, provinceCode), gte(calendarYears.year, fromYear), lte(calendarYears.year, toYear)));
  return rows.map((row) => ({ year: row.year, revision: row.revision, days: row.days as CalendarDay[], confirmedBy: row.confirmedBy, confirmedAt: row.confirmedAt }));
}

export async function recordCalendarChange(
  tx: DbOrTx,
  change: { provinceCode: string; year: number | null; action: string; actor: string; reason: string | null; details: unknown },
): Promise<void> {
  await tx.insert(calendarChanges).values({ ...change, details: change.details ?? {} });
}

export function listCalendarChanges(db: DbOrTx, provinceCode: string, limit = 200) {
  return db
    .select()
    .from(calendarChanges)
    .where(eq(calendarChanges.provinceCode, provinceCode))
    .orderBy(desc(calendarChanges.at))
    .limit(limit);
}
