// Use case: the indicators of a period by field (lĩnh vực) of the procedures, for the dashboards (issue #6, "by
// procedure and by field"): the day rows of indicator_day_counts grouped through the procedure to the field of its
// current version, with the period, report instant and scope rules of the other breakdowns (breakdowns.ts). The
// catalogue stores a field as its name only (procedure_versions.field, no code); procedures without one are grouped
// under "Chưa xác định lĩnh vực", as in form II.06a by field (report-06a.ts).
import { sql } from 'drizzle-orm';
import { isoFromDay } from '../../../shared/calendar/vietnam-time.ts';
import { STOCK_MEASURES } from '../../../shared/indicators/facts.ts';
import { indicators, type Indicators } from '../../../shared/indicators/indicators.ts';
import type { Deps } from '../../deps.ts';
import { queryRows } from '../../db/client.ts';
import type { Viewer } from '../../http/session.ts';
import { agencyFilter, breakdownAgencies, byRate, checkPeriod, hasFigures, type BreakdownQuery } from './breakdowns.ts';
import type { MeasureSums } from './measure-sums.ts';
import { countsFromRows } from './period-indicators.ts';
import { NO_FIELD } from './report-06a.ts';


export interface FieldBreakdown extends Indicators {
  /** The field as the catalogue names it (the value GET /api/procedures?field= takes); null when a procedure has none. */
  field: string | null;
  /** The field, or "Chưa xác định lĩnh vực". */
  name: string;
}

/**
 * GET /api/indicators/by-field: one row per field of the procedures with any figure in the period, for the viewer's
 * scope, one agency or one administrative unit, ranked like by-agency (best 2.1 rate first, N/A last, then by name).
 */
export async function byField(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, query: BreakdownQuery) {
  const p = checkPeriod(deps, query);
  const { agencyIds, unit } = await breakdownAgencies(deps, viewer, query, p);
  const from = isoFromDay(p.fromDay);
  // Flows need only the period's days; stocks need every day before its end, so earlier days are read for them alone.
  const rows = await queryRows<MeasureSums & { field: string | null }>(
    deps.db,
    // Summed by procedure first, so that only one row per procedure and measure meets the catalogue's join.
    sql`SELECT v.field, c.measure, sum(c.in_period) AS in_period, sum(c.before_from) AS before_from, sum(c.before_to) AS before_to
          FROM (SELECT procedure_id, measure,
                       sum(value) FILTER (WHERE day >= ${from}::date) AS in_period,
                       sum(value) FILTER (WHERE day < ${from}::date) AS before_from,
                       sum(value) AS before_to
                  FROM indicator_day_counts
                 WHERE ${agencyFilter(agencyIds)} AND day < ${p.asOf}::date
                   AND (day >= ${from}::date OR measure = ANY(${`{${STOCK_MEASURES.join(',')}}`}::text[]))
                 GROUP BY procedure_id, measure) c
          JOIN procedures pr ON pr.id = c.procedure_id
          LEFT JOIN procedure_versions v ON v.id = pr.current_version_id
         GROUP BY v.field, c.measure`,
  );
  const groups = new Map<string | null, MeasureSums[]>();
  for (const r of rows) groups.set(r.field, [...(groups.get(r.field) ?? []), r]);
  const items: FieldBreakdown[] = [...groups]
    .map(([field, sums]) => ({ field, name: field ?? NO_FIELD, ...indicators(countsFromRows(sums)) }))
    .filter(hasFigures)
    .sort(byRate);
  return { period: p.period, asOf: p.asOf, ...(unit ? { unit } : {}), items };
}
