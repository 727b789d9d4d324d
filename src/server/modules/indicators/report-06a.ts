// Use case: the rows of form II.06a/VPCP/KSTT (received, resolved, pending) of a period, one per agency in the
// viewer's scope (or one per level and field, groupBy=field) plus a total row, summed from indicator_day_counts with the same period and scope rules as
// GET /api/indicators (period-indicators.ts). The renderers are in report-06a-files.ts.
import { sql } from 'drizzle-orm';
import { dayFromIso, isoFromDay } from '../../../shared/calendar/vietnam-time.ts';
import { formII06a, type FormII06a } from '../../../shared/indicators/indicators.ts';
import { vietnamToday, type Deps } from '../../deps.ts';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { measureSums, type MeasureSums } from './measure-sums.ts';
import { countsFromRows, indicatorScope } from './period-indicators.ts';

/** The longest period a report may cover, in days (a leap year). */
export const MAX_REPORT_DAYS = 366;

export type ReportGrouping = 'agency' | 'field';
export type ReportLevel = 'province' | 'district' | 'commune';

export interface ReportRow extends FormII06a {
  /** What the row is, as printed in its second column: the agency, or the field and level. */
  label: string;
  /** groupBy=agency. */
  agencyId?: string;
  agencyName?: string;
  /** groupBy=field: the level of the agencies that resolve (by their unit: province, old district, commune) and the field (lĩnh vực) of the procedure's current version, null when the catalogue has none. */
  level?: ReportLevel;
  field?: string | null;
}

export interface Report06a {
  groupBy: ReportGrouping;
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
export async function report06a(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
  query: { agencyId?: string | undefined; from: string; to: string; groupBy?: ReportGrouping | undefined },
): Promise<Report06a> {
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
  const period = { from: query.from, to: query.to };
  if (query.groupBy === 'field') {
    const rows = await rowsByField(deps, agencyFilter, from, end);
    return { groupBy: 'field', period, asOf: end, rows, total: sumForms(rows) };
  }
  const sums = await measureSums(deps.db, agencyIds, from, end, true);

  const byAgency = new Map<string, MeasureSums[]>();
  for (const s of sums) byAgency.set(s.agency_id, [...(byAgency.get(s.agency_id) ?? []), s]);
  const ids = agencyIds === 'all' ? [...byAgency.keys()] : agencyIds;
  const names = ids.length === 0 ? [] : await queryRows<{ id: string; name: string }>(deps.db, sql`SELECT id, name FROM agencies WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const rows = ids
    .map((id) => {
      const name = nameOf.get(id) ?? id;
      return { label: name, agencyId: id, agencyName: name, ...formII06a(countsFromRows(byAgency.get(id) ?? [])) };
    })
    .filter((row) => agencyIds !== 'all' || !isEmpty(row))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return { groupBy: 'agency', period, asOf: end, rows, total: sumForms(rows) };
}

const LEVEL_ORDER: ReportLevel[] = ['province', 'district', 'commune'];
const LEVEL_NAMES: Record<ReportLevel, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };
export const NO_FIELD = 'Chưa xác định lĩnh vực';

/**
 * "For each field or task, by level" (REGULATIONS.md §12.4): one row per level and field with any figure, levels in
 * the order province, district, commune and fields alphabetically within a level. The level is that of the agency
 * that resolves (its unit: a province, an old district or a commune); the field that of the procedure's current version.
 */
async function rowsByField(deps: Pick<Deps, 'db'>, agencyFilter: ReturnType<typeof sql>, from: string, end: string): Promise<ReportRow[]> {
  const sums = await queryRows<MeasureSums & { unit_level: ReportLevel; field: string | null }>(
    deps.db,
    sql`SELECT u.level AS unit_level, v.field, c.measure,
               sum(c.value) FILTER (WHERE c.day >= ${from}::date) AS in_period,
               sum(c.value) FILTER (WHERE c.day < ${from}::date) AS before_from,
               sum(c.value) AS before_to
          FROM (SELECT agency_id, procedure_id, measure, day, value FROM indicator_day_counts WHERE ${agencyFilter} AND day < ${end}::date) c
          JOIN agencies a ON a.id = c.agency_id
          JOIN LATERAL (SELECT level FROM admin_units WHERE code = a.unit_code ORDER BY valid_from DESC LIMIT 1) u ON true
          JOIN procedures p ON p.id = c.procedure_id
          LEFT JOIN procedure_versions v ON v.id = p.current_version_id
         GROUP BY u.level, v.field, c.measure`,
  );
  const groups = new Map<string, { level: ReportLevel; field: string | null; sums: MeasureSums[] }>();
  for (const row of sums) {
    const key = `${row.unit_level}|${row.field ?? ''}`;
    const group = groups.get(key) ?? { level: row.unit_level, field: row.field, sums: [] };
    group.sums.push(row);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ label: `${g.field ?? NO_FIELD} (${LEVEL_NAMES[g.level]})`, level: g.level, field: g.field, ...formII06a(countsFromRows(g.sums)) }))
    .filter((row) => !isEmpty(row))
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || (a.field ?? '\uffff').localeCompare(b.field ?? '\uffff', 'vi'));
}
