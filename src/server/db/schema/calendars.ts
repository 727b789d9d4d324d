// Schema: Working calendars per province: settings, dated entries, confirmed years and the change log.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/** The legal clock's settings of a province; `version` moves on every calendar change (cache key, concurrency). */
export const calendarSettings = pgTable('calendar_settings', {
  provinceCode: text('province_code').primaryKey(),
  settings: jsonb('settings').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A dated entry an administrator adds to a province's calendar: an announced day off, make-up Saturday or swap. */
export const calendarEntries = pgTable(
  'calendar_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    legalReference: text('legal_reference').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    removedBy: text('removed_by'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedReason: text('removed_reason'),
  },
  (t) => [
    index('calendar_entries_province_date_idx').on(t.provinceCode, t.date),
    check('calendar_entries_kind_check', sql`${t.kind} in ('holiday', 'compensatory_day_off', 'day_off', 'make_up_workday')`),
    check('calendar_entries_removed_check', sql`(${t.removedAt} is null) = (${t.removedBy} is null)`),
  ],
);

/** A province's calendar year as confirmed by an administrator: the frozen non-ordinary days it takes effect with. */
export const calendarYears = pgTable(
  'calendar_years',
  {
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    revision: integer('revision').notNull(),
    days: jsonb('days').notNull(),
    confirmedBy: text('confirmed_by').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.year] }), check('calendar_years_year_check', sql`${t.year} between 1990 and 2200`)],
);

/** Who changed what in a province's calendar, when and why. Append-only. */
export const calendarChanges = pgTable(
  'calendar_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    year: integer('year'),
    action: text('action').notNull(),
    actor: text('actor').notNull(),
    reason: text('reason'),
    details: jsonb('details').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calendar_changes_province_idx').on(t.provinceCode, t.at),
    check('calendar_changes_action_check', sql`${t.action} in ('settings_updated', 'entry_added', 'entry_removed', 'year_confirmed')`),
  ],
);
