// Sums of the indicator aggregates by measure (optionally by agency) as a period needs them: everything before its
// first day and everything before its end, from which the period's flows are the difference (period-indicators.ts,
// countsFromRows). Whole months come from indicator_month_counts (no procedure: ~12 rows per agency and measure a
// year) and only the days of the two partial months from indicator_day_counts, so a province-year reads thousands of
// rows instead of millions.
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

export interface MeasureSums {
  measure: string;
  in_period: string | null;
  before_from: string | null;
  before_to: string | null;
}

const monthOf = (iso: string) => `${iso.slice(0, 7)}-01`;

/**
 * For the agencies `agencyIds` ('all': every agency), the sums of each measure over the days before `from` and before
 * `end` (YYYY-MM-DD, end exclusive, end ≥ from), and their difference as `in_period`; with `byAgency`, one row per
 * agency and measure (`agency_id`).
 */
export async function measureSums(db: DbOrTx, agencyIds: 'all' | string[], from: string, end: string, byAgency: true): Promise<(MeasureSums & { agency_id: string })[]>;
export async function measureSums(db: DbOrTx, agencyIds: 'all' | string[], from: string, end: string, byAgency?: false): Promise<MeasureSums[]>;
export async function measureSums(db: DbOrTx, agencyIds: 'all' | string[], from: string, endDate: string, byAgency = false): Promise<(MeasureSums & { agency_id?: string })[]> {
  if (agencyIds !== 'all' && agencyIds.length === 0) return [];
  const end = endDate < from ? from : endDate; // a period not begun yet: nothing in it
  const [fromMonth, endMonth] = [monthOf(from), monthOf(end)];
  const list = agencyIds === 'all' ? null : `{${agencyIds.join(',')}}`;
  const group = byAgency ? sql`agency_id, measure` : sql`measure`;
  const monthPart = sql`SELECT agency_id, measure, CASE WHEN month < ${fromMonth}::date THEN value ELSE 0 END AS v_from, value AS v_to
                          FROM indicator_month_counts
                         WHERE ${list === null ? sql`true` : sql`agency_id = ANY(${list}::uuid[])`} AND month < ${endMonth}::date`;
  // Days are read only for a period that does not start and end on the first of a month; for every agency, through
  // each agency's primary-key range (the day rows have no index by day alone).
  const partialDays = sql`((day >= ${fromMonth}::date AND day < ${from}::date) OR (day >= ${endMonth}::date AND day < ${end}::date))`;
  const dayValues = sql`CASE WHEN day >= ${fromMonth}::date AND day < ${from}::date THEN value ELSE 0 END,
                        CASE WHEN day >= ${endMonth}::date AND day < ${end}::date THEN value ELSE 0 END`;
  const dayPart =
    from === fromMonth && end === endMonth
      ? sql``
      : list === null
        ? sql`UNION ALL SELECT d.agency_id, d.measure, ${dayValues}
                FROM agencies a CROSS JOIN LATERAL (
                  SELECT agency_id, measure, day, value FROM indicator_day_counts WHERE agency_id = a.id AND ${partialDays}
                ) d`
        : sql`UNION ALL SELECT agency_id, measure, ${dayValues}
                FROM indicator_day_counts WHERE agency_id = ANY(${list}::uuid[]) AND ${partialDays}`;
  return queryRows(
    db,
    sql`WITH parts AS (${monthPart} ${dayPart})
        SELECT ${group}, (sum(v_to) - sum(v_from))::text AS in_period, sum(v_from)::text AS before_from, sum(v_to)::text AS before_to
          FROM parts GROUP BY ${group}`,
  );
}
