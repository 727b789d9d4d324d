// Use case: an administrator enters an announced day off, make-up working day or swap, with who/why/legal basis.
import type { CalendarDayKind } from '../../../shared/calendar/settings.ts';
import { isValidIsoDate } from '../../../shared/units.ts';
import type { Deps } from '../../deps.ts';
import { calendarEntries } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { assertCalendarYear, assertProvince } from './load-calendar.ts';
import { bumpCalendarVersion, recordCalendarChange } from './calendars.queries.ts';

export interface AddCalendarEntryInput {
  provinceCode: string;
  date: string;
  kind: CalendarDayKind;
  name: string;
  legalReference: string;
  reason: string;
  actor: string;
}

/** Adds the entry and logs it; takes effect in a confirmed year only once the year is confirmed again. */
export async function addCalendarEntry(deps: Pick<Deps, 'db' | 'clock'>, input: AddCalendarEntryInput) {
  if (!isValidIsoDate(input.date)) {
    throw AppError.invalidInput([{ path: 'body.date', rule: 'date', message: 'phải là ngày hợp lệ dạng YYYY-MM-DD', messageEn: 'must be a real date YYYY-MM-DD' }]);
  }
  await assertProvince(deps, input.provinceCode);
  assertCalendarYear(deps, Number(input.date.slice(0, 4)), 'body.date');
  return deps.db.transaction(async (tx) => {
    await bumpCalendarVersion(tx, input.provinceCode, input.actor);
    const [entry] = await tx
      .insert(calendarEntries)
      .values({
        provinceCode: input.provinceCode,
        date: input.date,
        kind: input.kind,
        name: input.name,
        legalReference: input.legalReference,
        reason: input.reason,
        createdBy: input.actor,
      })
      .returning();
    await recordCalendarChange(tx, {
      provinceCode: input.provinceCode,
      year: Number(input.date.slice(0, 4)),
      action: 'entry_added',
      actor: input.actor,
      reason: input.reason,
      details: { entryId: entry?.id, date: input.date, kind: input.kind, name: input.name, legalReference: input.legalReference },
    });
    return entry!;
  });
}
