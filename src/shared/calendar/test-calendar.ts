// Test helper: a working calendar of whole years built from the rules (no administrator entries).
import { generateRuleDays, mergeCalendarDays, type CalendarEntry } from './holiday-rules.ts';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarSettings } from './settings.ts';
import { WorkingCalendar } from './working-calendar.ts';

export function ruleCalendar(
  years: number[],
  options: { settings?: Partial<CalendarSettings>; unconfirmed?: number[]; entries?: CalendarEntry[] } = {},
): WorkingCalendar {
  const settings = { ...DEFAULT_CALENDAR_SETTINGS, ...options.settings };
  return new WorkingCalendar(
    settings,
    years.map((year) => ({
      year,
      days: mergeCalendarDays(
        generateRuleDays(year, settings),
        (options.entries ?? []).filter((e) => e.date.startsWith(`${year}-`)),
      ),
      confirmed: !(options.unconfirmed ?? []).includes(year),
    })),
  );
}

/** "2026-02-13 16:59" in Vietnam time → epoch ms. */
export const vn = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
