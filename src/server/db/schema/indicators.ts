// Schema: The indicators' aggregates (issue #6): counts by agency, procedure, local day and measure, maintained in
// the same transaction as each dossier action and rebuilt from the action log by `npm run indicators:rebuild`.
import { bigint, date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
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
    primaryKey({ columns: [t.agencyId, t.day, t.measure, t.procedureId] }),
    index('indicator_day_counts_province_idx').on(t.provinceCode, t.day),
  ],
);
