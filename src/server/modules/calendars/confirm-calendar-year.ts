// Use case: an administrator reviews a year's generated calendar and confirms it; from then on that frozen list
// of days is in force for the year, and deadlines in it are no longer provisional.
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps.ts';
import { calendarYears } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { bumpCalendarVersion, getCalendarSettings, listConfirmedYears, recordCalendarChange } from './calendars.queries.ts';
import { assertCalendarYear, assertProvince, draftYearDays } from './load-calendar.ts';

export interface ConfirmCalendarYearInput {
  provinceCode: string;
  year: number;
  actor: string;
  note?: string | undefined;
  /** The revision the administrator reviewed (0 = never confirmed); a different current revision is a CONFLICT. */
  expectedRevision: number;
}

export async function confirmCalendarYear(deps: Pick<Deps, 'db' | 'clock'>, input: ConfirmCalendarYearInput) {
  await assertProvince(deps, input.provinceCode);
  assertCalendarYear(deps, input.year, 'params.year');
  return deps.db.transaction(async (tx) => {
    await bumpCalendarVersion(tx, input.provinceCode, input.actor);
    const [current] = await listConfirmedYears(tx, input.provinceCode, input.year, input.year);
    const currentRevision = current?.revision ?? 0;
    if (currentRevision !== input.expectedRevision) {
      throw new AppError(
        'CONFLICT',
        `Lịch năm ${input.year} đã được xác nhận lại (phiên bản ${currentRevision}); hãy xem lại trước khi xác nhận.`,
        `The ${input.year} calendar is now at revision ${currentRevision}; review it again before confirming.`,
        { currentRevision },
      );
    }
    const { settings } = await getCalendarSettings(tx, input.provinceCode);
    const days = await draftYearDays(tx, input.provinceCode, input.year, settings);
    const revision = currentRevision + 1;
    await tx
      .insert(calendarYears)
      .values({ provinceCode: input.provinceCode, year: input.year, revision, days, confirmedBy: input.actor, note: input.note ?? null })
      .onConflictDoUpdate({
        target: [calendarYears.provinceCode, calendarYears.year],
        set: { revision, days, confirmedBy: input.actor, confirmedAt: sql`now()`, note: input.note ?? null },
      });
    await recordCalendarChange(tx, {
      provinceCode: input.provinceCode,
      year: input.year,
      action: 'year_confirmed',
      actor: input.actor,
      reason: input.note ?? null,
      details: { revision, dayCount: days.length },
    });
    return { revision, days };
  });
}
