// Schema: The indicators' aggregates (issue #6): counts by agency, procedure, local day and measure, maintained in
// the same transaction as each dossier action and rebuilt from the action log by `npm run indicators:rebuild`.
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies, procedures } from './catalogue.ts';

/**
 * One measure of one day: flows (received_*, legal_*, index_*, processing_minutes, e_result) are what happened that
 * day; stocks (open, legal_overdue, index_late_open) are +1 / −1 on the days a dossier enters and leaves the state,
 * so the stock at the end of a day is the sum over every day up to it. Period totals are sums over days.
 */
export const indicatorDayCounts = pgTable(
  'indicator_day_counts',
  {
    provinceCode: text('province_code').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    day: date('day', { mode: 'string' }).notNull(),
    measure: text('measure').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    // Every reader filters by agency (the primary key's first column) or by procedure (below); the former indexes
    // (province, day) and (measure, day) served no query and cost every upsert and rebuild (dropped in migration 0027).
    primaryKey({ columns: [t.agencyId, t.day, t.measure, t.procedureId] }),
    /**
     * One procedure's rows of a measure over a period: whether it was used online or paid online (3.2, 3.5b, one probe
     * per procedure instead of every row of the year) and the per-procedure breakdowns.
     */
    index('indicator_day_counts_procedure_idx').on(t.procedureId, t.measure, t.day),
  ],
);

/**
 * The same counts summed by agency, month and measure, without the procedure: what a province-year reads (12 rows per
 * agency and measure instead of one per procedure and day). Kept in the same statement as the day rows and rebuilt
 * from them, so a month row is always the sum of its day rows (period-indicators.ts reads whole months here and the
 * days of a partial month from indicator_day_counts).
 */
export const indicatorMonthCounts = pgTable(
  'indicator_month_counts',
  {
    provinceCode: text('province_code').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    month: date('month', { mode: 'string' }).notNull(),
    measure: text('measure').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.month, t.measure] }), index('indicator_month_counts_province_idx').on(t.provinceCode, t.month)],
);

/**
 * A province's own reading of the indicator rules where REGULATIONS.md says UNCERTAIN (which endings count on time,
 * the 766 thresholds and points, the rating bands): a partial IndicatorSettings merged over the defaults of
 * src/shared/indicators/settings.ts. Edited by a province administrator with optimistic concurrency (version).
 */
export const indicatorSettings = pgTable('indicator_settings', {
  provinceCode: text('province_code').primaryKey(),
  settings: jsonb('settings').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
