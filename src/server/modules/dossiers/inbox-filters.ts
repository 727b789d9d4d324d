// The inbox's deadline filters in SQL: which deadline a dossier is held to now (the 8-working-hour acceptance
// deadline while it awaits acceptance, else the legal appointment), "due today" (not passed yet, and falling before
// the end of the Vietnam calendar day of the legal clock's now) and "overdue" (an open dossier past that deadline);
// the two never overlap.
import { sql, type SQL } from 'drizzle-orm';
import { DAY_MS, instantAt, localDay } from '../../../shared/calendar/vietnam-time.ts';
import { dossiers } from '../../db/schema.ts';

export const DUE_FILTERS = ['today', 'overdue'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** The deadline that counts now: acceptance while "Mới đăng ký", the appointment afterwards (null while paused). */
export const currentDeadline = sql`(CASE WHEN ${dossiers.status} = 'submitted' THEN ${dossiers.acceptanceDueAt} ELSE ${dossiers.dueAt} END)`;

/** Start and end of the Vietnam calendar day containing `now`. */
export function vietnamDay(now: number): { from: Date; to: Date } {
  const from = instantAt(localDay(now), 0);
  return { from: new Date(from), to: new Date(from + DAY_MS) };
}

/** Open (not finished) dossiers whose current deadline falls later today, or has passed, as of `now`. */
export function dueCondition(due: DueFilter, now: number): SQL {
  const open = sql`${dossiers.finishedAt} IS NULL AND ${dossiers.status} <> 'returned'`;
  if (due === 'overdue') return sql`(${open} AND ${currentDeadline} < ${new Date(now).toISOString()}::timestamptz)`;
  const { to } = vietnamDay(now);
  return sql`(${open} AND ${currentDeadline} >= ${new Date(now).toISOString()}::timestamptz AND ${currentDeadline} < ${to.toISOString()}::timestamptz)`;
}
