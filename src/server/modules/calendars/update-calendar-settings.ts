// Use case: an administrator changes a province's legal-clock settings (optimistic concurrency on the version).
import { eq, sql } from 'drizzle-orm';
import { checkCalendarSettings, type CalendarSettings } from '../../../shared/calendar/settings.ts';
import type { Deps } from '../../deps.ts';
import { calendarSettings } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { getCalendarSettings, recordCalendarChange } from './calendars.queries.ts';
import { assertProvince } from './load-calendar.ts';

export interface UpdateCalendarSettingsInput {
  provinceCode: string;
  changes: Partial<CalendarSettings>;
  version: number;
  actor: string;
  reason: string;
}

export async function updateCalendarSettings(deps: Pick<Deps, 'db' | 'clock'>, input: UpdateCalendarSettingsInput) {
  await assertProvince(deps, input.provinceCode);
  return deps.db.transaction(async (tx) => {
    // Lock the row so two administrators cannot both pass the version check.
    await tx.execute(sql`SELECT 1 FROM calendar_settings WHERE province_code = ${input.provinceCode} FOR UPDATE`);
    const current = await getCalendarSettings(tx, input.provinceCode);
    if (current.version !== input.version) {
      throw new AppError(
        'CONFLICT',
        'Cấu hình lịch đã được người khác thay đổi; hãy tải lại.',
        'The calendar settings were changed by someone else; reload them.',
        { currentVersion: current.version },
      );
    }
    const settings: CalendarSettings = { ...current.settings, ...input.changes };
    const issues = checkCalendarSettings(settings);
    if (issues.length > 0) throw AppError.invalidInput(issues.map((issue) => ({ ...issue, path: `body.settings.${issue.path}` })));
    const version = current.version + 1;
    await tx
      .insert(calendarSettings)
      .values({ provinceCode: input.provinceCode, settings, version, updatedBy: input.actor })
      .onConflictDoUpdate({ target: calendarSettings.provinceCode, set: { settings, version, updatedBy: input.actor, updatedAt: sql`now()` } });
    await recordCalendarChange(tx, {
      provinceCode: input.provinceCode,
      year: null,
      action: 'settings_updated',
      actor: input.actor,
      reason: input.reason,
      details: { changes: input.changes, version },
    });
    const [row] = await tx.select().from(calendarSettings).where(eq(calendarSettings.provinceCode, input.provinceCode));
    return { settings: row!.settings as CalendarSettings, version: row!.version };
  });
}
