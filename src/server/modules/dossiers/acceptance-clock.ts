// The 8-working-hour acceptance countdown of dossiers awaiting acceptance (ND 118 Art. 17.2.c), in working minutes
// by the province's working calendar: positive = left, negative = past the deadline. Other dossiers get nothing.
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { DbOrTx } from '../../db/client.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import type { DossierRow } from './dossiers.queries.ts';

/** Working minutes left before the acceptance deadline (negative once past), or null when not awaiting acceptance. */
export function acceptanceMinutesLeft(calendar: WorkingCalendar, dueAt: number, now: number): number {
  return Math.trunc(calendar.workingTimeBetween(now, dueAt) / 60_000);
}

/** Working minutes left (or past, negative) per dossier awaiting acceptance, by id; one calendar load per province. */
export async function acceptanceClocks(db: DbOrTx, rows: DossierRow[], now: number): Promise<Map<string, number>> {
  const waiting = rows.filter((row) => row.status === 'submitted' && row.acceptanceDueAt);
  const result = new Map<string, number>();
  if (waiting.length === 0) return result;
  const year = yearOfDay(localDay(now));
  const calendars = new Map<string, WorkingCalendar>();
  for (const row of waiting) {
    let calendar = calendars.get(row.provinceCode);
    if (!calendar) {
      try {
        calendar = await loadWorkingCalendar(db, row.provinceCode, year - 1, year + 1);
      } catch {
        // No calendar for these years: no countdown rather than a guess (the deadline itself is still shown).
        continue;
      }
      calendars.set(row.provinceCode, calendar);
    }
    result.set(row.id, acceptanceMinutesLeft(calendar, (row.acceptanceDueAt as Date).getTime(), now));
  }
  return result;
}
