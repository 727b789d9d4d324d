// The workflow a dossier follows: the procedure's active version, or the default one sized to its legal duration.
import { addDuration, type Duration } from '../../../shared/calendar/deadlines.ts';
import { HOUR_MS, localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import { defaultWorkflow, type WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import type { DbOrTx } from '../../db/client.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import { findActiveWorkflow } from './workflows.queries.ts';

/** The legal duration as working time; for calendar days and months, the working time it spans from `from`. */
export function legalWorkingMs(calendar: WorkingCalendar, duration: Duration, from: number): number {
  switch (duration.unit) {
    case 'working_days':
      return duration.value * calendar.settings.workingDayHours * HOUR_MS;
    case 'working_hours':
    case 'hours':
      return duration.value * HOUR_MS;
    default: {
      const start = calendar.nextWorkingMoment(from);
      return calendar.workingTimeBetween(start, addDuration(calendar, start, duration));
    }
  }
}

export async function workflowFor(
  db: DbOrTx,
  input: { procedureId: string; provinceCode: string; duration: Duration; at: number },
): Promise<{ steps: WorkflowStep[]; version: number | null }> {
  const active = await findActiveWorkflow(db, input.procedureId);
  if (active) return { steps: active.steps, version: active.version };
  const year = yearOfDay(localDay(input.at));
  const calendar = await loadWorkingCalendar(db, input.provinceCode, year, year + 3);
  return { steps: defaultWorkflow(legalWorkingMs(calendar, input.duration, input.at), calendar.settings), version: null };
}
