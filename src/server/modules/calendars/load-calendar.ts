// Builds a province's WorkingCalendar from storage: confirmed years as frozen, other years from the rules and
// the administrator's entries (provisional). Cached per province and calendar version.
import { generateRuleDays, mergeCalendarDays } from '../../../shared/calendar/holiday-rules.ts';
import type { CalendarDay, CalendarDayKind, CalendarSettings } from '../../../shared/calendar/settings.ts';
import { WorkingCalendar, type CalendarYear } from '../../../shared/calendar/working-calendar.ts';
import { listUnitsAsOf } from '../units/units.queries.ts';
import { vietnamToday, type Deps } from '../../deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { getCalendarSettings, listCalendarEntries, listConfirmedYears } from './calendars.queries.ts';

/** Years a calendar can be computed for at all; outside them the answer is an explicit error, not a guess. */
export const FIRST_CALENDAR_YEAR = 2000;
export const YEARS_AHEAD = 5;

/** The draft of a year: rule days merged with the active entries. */
export async function draftYearDays(db: DbOrTx, provinceCode: string, year: number, settings: CalendarSettings): Promise<CalendarDay[]> {
  const entries = await listCalendarEntries(db, provinceCode, year);
  return mergeCalendarDays(
    generateRuleDays(year, settings),
    entries.map((e) => ({ date: e.date, kind: e.kind as CalendarDayKind, name: e.name })),
  );
}

/** Throws NOT_FOUND unless `code` is a province today. */
export async function assertProvince(deps: Pick<Deps, 'db' | 'clock'>, code: string): Promise<void> {
  const provinces = await listUnitsAsOf(deps.db, vietnamToday(deps.clock));
  if (!provinces.some((p) => p.code === code)) throw AppError.notFound('tỉnh, thành phố', 'Province', code);
}

export function assertCalendarYear(deps: Pick<Deps, 'clock'>, year: number, path: string): void {
  const last = Number(vietnamToday(deps.clock).slice(0, 4)) + YEARS_AHEAD;
  if (!Number.isInteger(year) || year < FIRST_CALENDAR_YEAR || year > last) {
    throw AppError.invalidInput([
      {
        path,
        rule: 'calendar_year',
        message: `chỉ có lịch làm việc cho các năm ${FIRST_CALENDAR_YEAR}–${last}`,
        messageEn: `working calendars exist for ${FIRST_CALENDAR_YEAR}–${last} only`,
      },
    ]);
  }
}

// Compiled calendars by province, years and calendar version. The key includes when the version was written, so
// two databases in one process (tests, benchmarks) never share an entry; a province with no settings row has
// only the default rules, which are the same everywhere. Works with transactions as well as the database.
const cache = new Map<string, WorkingCalendar>();

/** The working calendar of `provinceCode` for the years `fromYear`–`toYear`. */
export async function loadWorkingCalendar(db: DbOrTx, provinceCode: string, fromYear: number, toYear: number): Promise<WorkingCalendar> {
  const stored = await getCalendarSettings(db, provinceCode);
  const key = `${provinceCode}:${fromYear}:${toYear}:${stored.version}:${stored.updatedAt?.getTime() ?? 0}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const confirmed = new Map((await listConfirmedYears(db, provinceCode, fromYear, toYear)).map((y) => [y.year, y]));
  const years: CalendarYear[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    const frozen = confirmed.get(year);
    years.push(
      frozen
        ? { year, days: frozen.days, confirmed: true }
        : { year, days: await draftYearDays(db, provinceCode, year, stored.settings), confirmed: false },
    );
  }
  const calendar = new WorkingCalendar(stored.settings, years);
  if (cache.size > 200) cache.clear();
  cache.set(key, calendar);
  return calendar;
}
