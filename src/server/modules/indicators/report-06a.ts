// Use case: the rows of form II.06a/VPCP/KSTT (received, resolved, pending) of a period, one per agency in the
// viewer's scope plus a total row, summed from indicator_day_counts with the same period and scope rules as
// GET /api/indicators (period-indicators.ts). The renderers are in report-06a-files.ts.
import { sql } from 'drizzle-orm';
import { dayFromIso, isoFromDay } from '../../../shared/calendar/vietnam-time.ts';
import { formII06a, type FormII06a } from '../../../shared/indicators/indicators.ts';
import { vietnamToday, type Deps } from '../../deps.ts';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { countsFromRows, indicatorScope, type MeasureSums } from './period-indicators.ts';

/** The longest period a report may cover, in days (a leap year). */
export const MAX_REPORT_DAYS = 366;

export interface ReportRow extends FormII06a {
  agencyId: string;
  agencyName: string;
}

export interface Report06a {
  period: { from: string; to: string };
  /** Figures as of the start of this day: the period's end, or today for a running period. */
  asOf: string;
  rows: ReportRow[];
  total: FormII06a;
}

const invalid = (path: string, rule: string, message: string, messageEn: string) => AppError.invalidInput([{ path, rule, message, messageEn }]);

/** A real calendar date (the pattern alone lets 2026-02-30 through). */
function checkDate(value: string, path: string): number {
  const day = dayFromIso(value);
  if (!Number.isFinite(day) || isoFromDay(day) !== value) throw invalid(path, 'date', 'không phải ngày hợp lệ (YYYY-MM-DD)', 'is not a valid date (YYYY-MM-DD)');
  return day;
}

function sumForms(forms: FormII06a[]): FormII06a {
  const total: FormII06a = {
    received: { total: 0, online: 0, inPersonOrPost: 0, carriedOver: 0 },
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    pending: { total: 0, withinDeadline: 0, overdue: 0 },
  };
  for (const f of forms) {
    for (const group of ['received', 'resolved', 'pending'] as const) {
      const into = total[group] as unknown as Record<string, number>;
      for (const [k, v] of Object.entries(f[group])) into[k] = (into[k] ?? 0) + v;
    }
  }
  return total;
}

const isEmpty = (f: FormII06a) => f.received.total === 0 && f.resolved.total === 0 && f.pending.total === 0;

/**
 * Form II.06a of [from, to) for one agency or the viewer's scope. Officers get a row for each of their agencies
 * (zeros included); a province administrator gets a row for each agency with any figure in the period.
 */
export async function report06a(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, query: { agencyId?: string | undefined; from: string; to: string }): Promise<Report06a> {
  const fromDay = checkDate(query.from, 'query.from');
  const toDay = checkDate(query.to, 'query.to');
  if (!(toDay > fromDay)) throw invalid('query.to', 'after_from', 'phải sau ngày bắt đầu', 'must be after from');
  if (toDay - fromDay > MAX_REPORT_DAYS) throw invalid('query.to', 'max_period', `kỳ báo cáo không quá ${MAX_REPORT_DAYS} ngày`, `the period may not exceed ${MAX_REPORT_DAYS} days`);
  const scope = indicatorScope(viewer);
  if (scope !== 'all' && scope.length === 0) {
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ, công chức xem được báo cáo của cơ quan.', 'Only officers see agency reports.', { rule: 'officers_only' });
  }
  if (query.agencyId && scope !== 'all' && !scope.includes(query.agencyId)) {
    throw new AppError('FORBIDDEN', 'Bạn không được xem báo cáo của cơ quan này.', 'You may not see this agency’s report.', { rule: 'agency_scope' });
  }
  const agencyIds = query.agencyId ? [query.agencyId] : scope;
  const endDay = Math.min(toDay, dayFromIso(vietnamToday(deps.clock)));
  const from = isoFromDay(fromDay);
  const end = isoFromDay(Math.max(endDay, fromDay));
  const agencyFilter = agencyIds === 'all' ? sql`true` : sql`agency_id = ANY(${`{${agencyIds.join(',')}}`}::uuid[])`;
  const sums = await queryRows<MeasureSums & { agency_id: string }>(
    deps.db,
    sql`SELECT agency_id, measure,
               sum(value) FILTER (WHERE day >= ${from}::date) AS in_period,
               sum(value) FILTER (WHERE day < ${from}::date) AS before_from,
               sum(value) AS before_to
          FROM indicator_day_counts
         WHERE ${agencyFilter} AND day < ${end}::date
         GROUP BY agency_id, measure`,
  );
  const byAgency = new Map<string, MeasureSums[]>();
  for (const s of sums) byAgency.set(s.agency_id, [...(byAgency.get(s.agency_id) ?? []), s]);
  const ids = agencyIds === 'all' ? [...byAgency.keys()] : agencyIds;
  const names = ids.length === 0 ? [] : await queryRows<{ id: string; name: string }>(deps.db, sql`SELECT id, name FROM agencies WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const rows = ids
    .map((id) => ({ agencyId: id, agencyName: nameOf.get(id) ?? id, ...formII06a(countsFromRows(byAgency.get(id) ?? [])) }))
    .filter((row) => agencyIds !== 'all' || !isEmpty(row))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi'));
  return { period: { from: query.from, to: query.to }, asOf: end, rows, total: sumForms(rows) };
}
