// Use case: an administrator withdraws an entry; it is kept, marked removed with who/when/why.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.ts';
import { calendarEntries } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { bumpCalendarVersion, findCalendarEntry, recordCalendarChange } from './calendars.queries.ts';

export async function removeCalendarEntry(deps: Pick<Deps, 'db'>, input: { provinceCode: string; id: string; actor: string; reason: string }) {
  return deps.db.transaction(async (tx) => {
    const entry = await findCalendarEntry(tx, input.provinceCode, input.id);
    if (!entry) throw AppError.notFound('mục lịch', 'Calendar entry', input.id);
    if (entry.removedAt) {
      throw new AppError('CONFLICT', 'Mục lịch này đã được gỡ.', 'This calendar entry was already removed.', { removedAt: entry.removedAt });
    }
    await bumpCalendarVersion(tx, input.provinceCode, input.actor);
    const [removed] = await tx
      .update(calendarEntries)
      .set({ removedAt: sql`now()`, removedBy: input.actor, removedReason: input.reason })
      .where(and(eq(calendarEntries.id, entry.id), isNull(calendarEntries.removedAt)))
      .returning();
    await recordCalendarChange(tx, {
      provinceCode: input.provinceCode,
      year: Number(entry.date.slice(0, 4)),
      action: 'entry_removed',
      actor: input.actor,
      reason: input.reason,
      details: { entryId: entry.id, date: entry.date, kind: entry.kind },
    });
    return removed!;
  });
}
