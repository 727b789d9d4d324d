// Use case: the indicators of a period broken down for the dashboards — by agency (ranked by the 2.1 on-time rate),
// by procedure of one agency, and by month (the trend), for the viewer's scope, one agency or one administrative unit
// (by field: breakdowns-field.ts) — summed from indicator_day_counts with the period, report
// instant and scope rules of GET /api/indicators (period-indicators.ts), whose sums and formulas it reuses.
import { sql, type SQL } from 'drizzle-orm';
import { dayFromIso, isoFromDay } from '../../../shared/calendar/vietnam-time.ts';
import { indicators, type Indicators } from '../../../shared/indicators/indicators.ts';
import { vietnamToday, type Deps } from '../../deps.ts';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { measureSums, type MeasureSums } from './measure-sums.ts';
import { askedAgencies, countsFromRows, indicatorScope, type PeriodIndicators } from './period-indicators.ts';
import type { TrendPoint } from '../../../shared/indicators/breakdown-types.ts';

/** The longest period a breakdown may cover, in days (a leap year). */
export const MAX_BREAKDOWN_DAYS = 366;

type DepsDb = Pick<Deps, 'db' | 'clock'>;

export interface CheckedPeriod {
  period: { from: string; to: string };
  fromDay: number;
  toDay: number;
  /** The report instant: the start of this day (the period's end, or today for a running period). */
  asOf: string;
}

const invalid = (path: string, rule: string, message: string, messageEn: string) =>
  AppError.invalidInput([{ path, rule, message, messageEn }]);

function checkDate(value: string, path: string): number {
  const day = dayFromIso(value);
  if (!Number.isFinite(day) || isoFromDay(day) !== value)
    throw invalid(path, 'date', 'không phải ngày hợp lệ (YYYY-MM-DD)', 'is not a valid date (YYYY-MM-DD)');
  return day;
}

/** [from, to) as local dates, checked, with its report instant. */
export function checkPeriod(deps: Pick<Deps, 'clock'>, query: { from: string; to: string }): CheckedPeriod {
  const fromDay = checkDate(query.from, 'query.from');
  const toDay = checkDate(query.to, 'query.to');
  if (!(toDay > fromDay))
    throw invalid('query.to', 'after_from', 'phải sau ngày bắt đầu', 'must be after from');
  if (toDay - fromDay > MAX_BREAKDOWN_DAYS)
    throw invalid(
      'query.to',
      'max_period',
      `kỳ không quá ${MAX_BREAKDOWN_DAYS} ngày`,
      `the period may not exceed ${MAX_BREAKDOWN_DAYS} days`,
    );
  const endDay = Math.max(Math.min(toDay, dayFromIso(vietnamToday(deps.clock))), fromDay);
  return { period: { from: query.from, to: query.to }, fromDay, toDay, asOf: isoFromDay(endDay) };
}

/** The agencies the viewer may see, or one of them; 403 outside the scope, as GET /api/indicators. */
export function checkScope(viewer: Viewer, agencyId?: string): 'all' | string[] {
  const scope = indicatorScope(viewer);
  if (scope !== 'all' && scope.length === 0) {
    throw new AppError(
      'FORBIDDEN',
      'Chỉ cán bộ, công chức xem được chỉ số của cơ quan.',
      'Only officers see agency indicators.',
      { rule: 'officers_only' },
    );
  }
  if (agencyId && scope !== 'all' && !scope.includes(agencyId)) {
    throw new AppError(
      'FORBIDDEN',
      'Bạn không được xem chỉ số của cơ quan này.',
      'You may not see this agency’s indicators.',
      { rule: 'agency_scope' },
    );
  }
  return agencyId ? [agencyId] : scope;
}

/** What a breakdown may be asked for: one agency, one administrative unit (`unitCode`), or the viewer's whole scope. */
export interface BreakdownQuery {
  agencyId?: string | undefined;
  unitCode?: string | undefined;
  from: string;
  to: string;
}

/**
 * The agencies of a breakdown, with the rules of GET /api/indicators (askedAgencies): 403 `officers_only` /
 * `agency_scope` / `unit_scope`, 400 `one_of` / `unknown_unit`; a unit is taken as it stood on the last day counted.
 */
export async function breakdownAgencies(
  deps: DepsDb,
  viewer: Viewer,
  query: BreakdownQuery,
  p: CheckedPeriod,
): Promise<{ agencyIds: 'all' | string[]; unit?: PeriodIndicators['unit'] }> {
  const scope = checkScope(viewer);
  const lastDay = isoFromDay(Math.max(dayFromIso(p.asOf), p.fromDay + 1) - 1);
  return askedAgencies(deps, scope, query, lastDay);
}

const uuidList = (ids: readonly string[]) => `{${ids.join(',')}}`;
export const agencyFilter = (ids: 'all' | string[]): SQL =>
  ids === 'all' ? sql`true` : sql`agency_id = ANY(${uuidList(ids)}::uuid[])`;

/** Measure sums of [from, asOf) grouped by agency or by procedure: the rows countsFromRows turns into counts. */
export async function sumsBy(
  deps: DepsDb,
  key: 'agency_id' | 'procedure_id',
  where: SQL,
  p: CheckedPeriod,
): Promise<Map<string, MeasureSums[]>> {
  const from = isoFromDay(p.fromDay);
  const rows = await queryRows<MeasureSums & { key: string }>(
    deps.db,
    sql`SELECT ${sql.raw(key)} AS key, measure,
               sum(value) FILTER (WHERE day >= ${from}::date) AS in_period,
               sum(value) FILTER (WHERE day < ${from}::date) AS before_from,
               sum(value) AS before_to
          FROM indicator_day_counts
         WHERE ${where} AND day < ${p.asOf}::date
         GROUP BY ${sql.raw(key)}, measure`,
  );
  const out = new Map<string, MeasureSums[]>();
  for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), r]);
  return out;
}

/** Whether anything happened or stood open in the period (rows of a province administrator's ranking). */
export const hasFigures = (i: Indicators) =>
  i.form.received.total > 0 || i.form.resolved.total > 0 || i.form.pending.total > 0;

/** Best 2.1 rate first, N/A last, then by name (Vietnamese order). */
export function byRate<T extends Indicators & { name: string }>(a: T, b: T): number {
  const ra = a.onTime.rate;
  const rb = b.onTime.rate;
  if (ra !== rb) {
    if (ra === null) return 1;
    if (rb === null) return -1;
    return rb - ra;
  }
  return a.name.localeCompare(b.name, 'vi');
}

export interface AgencyBreakdown extends Indicators {
  agencyId: string;
  code: string | null;
  name: string;
}

/**
 * One row per agency of `ids` ('all': every agency with a figure in the period), ranked by the 2.1 rate. Officers get
 * each of their agencies, zeros included.
 */
export async function agencyBreakdown(
  deps: DepsDb,
  ids: 'all' | string[],
  p: CheckedPeriod,
  options: { withFiguresOnly?: boolean } = {},
): Promise<AgencyBreakdown[]> {
  const sums = new Map<string, MeasureSums[]>();
  for (const r of await measureSums(deps.db, ids, isoFromDay(p.fromDay), p.asOf, true)) sums.set(r.agency_id, [...(sums.get(r.agency_id) ?? []), r]);
  const agencyIds = ids === 'all' ? [...sums.keys()] : ids;
  const names =
    agencyIds.length === 0
      ? []
      : await queryRows<{ id: string; code: string | null; name: string }>(
          deps.db,
          sql`SELECT id, code, name FROM agencies WHERE id = ANY(${uuidList(agencyIds)}::uuid[])`,
        );
  const byId = new Map(names.map((n) => [n.id, n]));
  return agencyIds
    .map((id) => ({
      agencyId: id,
      code: byId.get(id)?.code ?? null,
      name: byId.get(id)?.name ?? id,
      ...indicators(countsFromRows(sums.get(id) ?? [])),
    }))
    .filter((row) => (ids !== 'all' && !options.withFiguresOnly) || hasFigures(row))
    .sort(byRate);
}

/**
 * GET /api/indicators/by-agency: the viewer's agencies ranked by on-time rate; with `unitCode`, the agencies of the
 * unit (everything below it, old units rolled up) that have a figure in the period.
 */
export async function byAgency(deps: DepsDb, viewer: Viewer, query: Omit<BreakdownQuery, 'agencyId'>) {
  const p = checkPeriod(deps, query);
  const { agencyIds, unit } = await breakdownAgencies(deps, viewer, query, p);
  const items = await agencyBreakdown(deps, agencyIds, p, { withFiguresOnly: unit !== undefined });
  return { period: p.period, asOf: p.asOf, ...(unit ? { unit } : {}), items };
}

export interface ProcedureBreakdown extends Indicators {
  procedureId: string;
  code: string | null;
  name: string;
}

/** GET /api/indicators/by-procedure: one agency's procedures with any figure in the period, ranked by on-time rate. */
export async function byProcedure(
  deps: DepsDb,
  viewer: Viewer,
  query: { agencyId: string; from: string; to: string },
) {
  const p = checkPeriod(deps, query);
  checkScope(viewer, query.agencyId);
  const sums = await sumsBy(deps, 'procedure_id', sql`agency_id = ${query.agencyId}::uuid`, p);
  const ids = [...sums.keys()];
  const names =
    ids.length === 0
      ? []
      : await queryRows<{ id: string; code: string | null; name: string | null }>(
          deps.db,
          sql`SELECT p.id, coalesce(p.national_code, p.source_key) AS code, v.name
                FROM procedures p LEFT JOIN procedure_versions v ON v.id = p.current_version_id
               WHERE p.id = ANY(${uuidList(ids)}::uuid[])`,
        );
  const byId = new Map(names.map((n) => [n.id, n]));
  const items: ProcedureBreakdown[] = ids
    .map((id) => ({
      procedureId: id,
      code: byId.get(id)?.code ?? null,
      name: byId.get(id)?.name ?? id,
      ...indicators(countsFromRows(sums.get(id) ?? [])),
    }))
    .filter(hasFigures)
    .sort(byRate);
  return { period: p.period, asOf: p.asOf, agencyId: query.agencyId, items };
}


const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
function nextMonth(iso: string): string {
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** GET /api/indicators/trend: one point per month of the period up to the report instant. */
export async function trend(deps: DepsDb, viewer: Viewer, query: BreakdownQuery) {
  const p = checkPeriod(deps, query);
  const { agencyIds: ids, unit } = await breakdownAgencies(deps, viewer, query, p);
  const from = isoFromDay(p.fromDay);
  // Each month of the period (the first and last clipped to the period and the report instant) summed like
  // GET /api/indicators: whole months from the month rows, the days of a partial month from the day rows, so a
  // province-year reads thousands of rows, not every day row since records began.
  const months: { start: string; end: string }[] = [];
  for (let start = from; dayFromIso(start) < dayFromIso(p.asOf); start = nextMonth(monthStart(start))) {
    months.push({ start, end: dayFromIso(nextMonth(start)) < dayFromIso(p.asOf) ? nextMonth(start) : p.asOf });
  }
  const sums = await Promise.all(months.map(({ start, end }) => measureSums(deps.db, ids, start, end)));
  const points: TrendPoint[] = months.map(({ start, end }, k) => {
    const i = indicators(countsFromRows(sums[k] as MeasureSums[]));
    return {
      month: start.slice(0, 7),
      from: start,
      to: end,
      received: i.form.received.online + i.form.received.inPersonOrPost,
      resolved: i.form.resolved.total,
      late: i.form.resolved.late,
      onTimeRate: i.onTime.rate,
      onlineShare: i.onlineShare,
    };
  });
  return { period: p.period, asOf: p.asOf, agencyIds: ids, ...(unit ? { unit } : {}), points };
}
