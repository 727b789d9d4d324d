// Use case: the indicators of a period for the agencies a viewer may see — form II.06a, the 766 on-time rate 2.1
// and its points, the average processing time, the online share and the whole 766 index — summed from
// indicator_day_counts: flows over the period's days, stocks over every day before the period's start and end; the
// index adds the catalogue's figures and the dislikes (catalogue-measures.ts), scored with the viewer's province's
// settings (docs/INDICATORS.md).
import { sql } from 'drizzle-orm';
import { dayFromIso, isoFromDay } from '../../../shared/calendar/vietnam-time.ts';
import { emptyCounts, type PeriodCounts } from '../../../shared/indicators/facts.ts';
import { indicators, percent, round, type Indicators } from '../../../shared/indicators/indicators.ts';
import { index766 } from '../../../shared/indicators/index766.ts';
import type { Index766 } from '../../../shared/indicators/index766-types.ts';
import { CHANNELS } from '../../../shared/indicators/timeline.ts';
import { vietnamToday, type Deps } from '../../deps.ts';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { catalogueFigures, ratingFigures } from './catalogue-measures.ts';
import { settingsForViewer } from './settings-store.ts';
import { measureSums, type MeasureSums } from './measure-sums.ts';
import { agenciesUnderUnit } from './unit-agencies.ts';

/**
 * The agencies whose indicators a viewer may see: 'all' for a province administrator or a province leader (lãnh đạo
 * UBND tỉnh, who reads every unit's figures), else the agencies of their grants.
 */
export function indicatorScope(viewer: Viewer): 'all' | string[] {
  if (viewer.grants.some((g) => g.role === 'province_admin' || g.role === 'province_leader')) return 'all';
  return [...new Set(viewer.grants.map((g) => g.agencyId))];
}

export interface PeriodIndicators extends Indicators {
  period: { from: string; to: string };
  /** The figures are as of the start of this day (the period's end, or today for a running period). */
  asOf: string;
  agencyIds: string[] | 'all';
  /** When asked by administrative unit: the unit of that day and its old units merged in part (unit-agencies.ts). */
  unit?: { code: string; name: string; level: string; partialPredecessors: string[] };
  index766: Index766;
  /**
   * The ratings citizens gave in the period to dossiers of these agencies: how many, the average score (1–5, one
   * decimal) and the share at or above settings.satisfiedMinScore (null without ratings).
   */
  satisfaction: { ratings: number; satisfied: number; share: number | null; averageScore: number | null };
}

export type { MeasureSums } from './measure-sums.ts';

export interface PeriodQuery {
  agencyId?: string | undefined;
  unitCode?: string | undefined;
  from: string;
  to: string;
}

/**
 * The agencies asked for: one agency, an administrative unit with everything below it and its old units rolled up
 * (allowed to a province administrator, or to an officer of that unit's people's committee: a department's officer
 * sees the department, not the province), or the whole scope. Throws 400 (`one_of`, `unknown_unit`) and 403
 * (`unit_scope`, `agency_scope`); also used by the dashboards' breakdowns (breakdowns.ts).
 */
export async function askedAgencies(deps: Pick<Deps, 'db'>, scope: 'all' | string[], query: PeriodQuery, onDate: string): Promise<{ agencyIds: 'all' | string[]; unit?: PeriodIndicators['unit'] }> {
  if (query.agencyId && query.unitCode) {
    throw AppError.invalidInput([{ path: 'query.unitCode', rule: 'one_of', message: 'chỉ chọn cơ quan hoặc đơn vị hành chính, không chọn cả hai', messageEn: 'give agencyId or unitCode, not both' }]);
  }
  if (query.unitCode) {
    const under = await agenciesUnderUnit(deps.db, query.unitCode, onDate);
    if (scope !== 'all') {
      const own = await queryRows<{ id: string }>(
        deps.db,
        sql`SELECT id FROM agencies
             WHERE unit_code = ${under.unit.code} AND type IN ('province_committee', 'district_committee', 'commune_committee')
               AND id = ANY(${`{${scope.join(',')}}`}::uuid[])`,
      );
      if (own.length === 0) {
        throw new AppError('FORBIDDEN', 'Bạn không được xem chỉ số của đơn vị hành chính này.', 'You may not see this unit’s indicators.', { rule: 'unit_scope' });
      }
    }
    return { agencyIds: under.agencyIds, unit: { ...under.unit, partialPredecessors: under.partialPredecessors } };
  }
  if (query.agencyId && scope !== 'all' && !scope.includes(query.agencyId)) {
    throw new AppError('FORBIDDEN', 'Bạn không được xem chỉ số của cơ quan này.', 'You may not see this agency’s indicators.', { rule: 'agency_scope' });
  }
  return { agencyIds: query.agencyId ? [query.agencyId] : scope };
}

/** Indicators of [from, to) (local dates) for one agency, one administrative unit or the viewer's whole scope. */
export async function periodIndicators(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, query: PeriodQuery): Promise<PeriodIndicators> {
  const fromDay = dayFromIso(query.from);
  const toDay = dayFromIso(query.to);
  if (!(toDay > fromDay)) {
    throw AppError.invalidInput([{ path: 'query.to', rule: 'after_from', message: 'phải sau ngày bắt đầu', messageEn: 'must be after from' }]);
  }
  const scope = indicatorScope(viewer);
  if (scope !== 'all' && scope.length === 0) {
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ, công chức xem được chỉ số của cơ quan.', 'Only officers see agency indicators.', { rule: 'officers_only' });
  }
  // A running period is counted up to the start of today, so that flows and stocks are seen at the same instant.
  const endDay = Math.min(toDay, dayFromIso(vietnamToday(deps.clock)));
  const from = isoFromDay(fromDay);
  const end = isoFromDay(Math.max(endDay, fromDay));
  // A unit is taken as it stood on the last day counted.
  const { agencyIds, unit } = await askedAgencies(deps, scope, query, isoFromDay(Math.max(endDay, fromDay + 1) - 1));
  const rows = await measureSums(deps.db, agencyIds, from, end);

  const settings = await settingsForViewer(deps.db, viewer);
  const counts = countsFromRows(rows);
  const [catalogue, ratings] = await Promise.all([
    catalogueFigures(deps.db, agencyIds, { from, end }),
    ratingFigures(deps.db, agencyIds, fromDay, Math.max(endDay, fromDay), settings),
  ]);
  return {
    period: { from: query.from, to: query.to },
    asOf: end,
    agencyIds,
    ...(unit ? { unit } : {}),
    ...indicators(counts, settings),
    index766: index766({ counts, dislikes: ratings.dislikes, catalogue }, settings),
    satisfaction: {
      ratings: ratings.ratings,
      satisfied: ratings.satisfied,
      share: percent(ratings.satisfied, ratings.ratings, settings.rateDecimals),
      averageScore: ratings.ratings === 0 ? null : round(ratings.scoreSum / ratings.ratings, 1),
    },
  };
}

/** Period counts from the sums of one agency (or several) by measure: flows in the period, stocks before its start and end. */
export function countsFromRows(rows: MeasureSums[]): PeriodCounts {
  const byMeasure = new Map(rows.map((r) => [r.measure, r]));
  const flow = (measure: string) => Number(byMeasure.get(measure)?.in_period ?? 0);
  const stockAt = (measure: string, at: 'before_from' | 'before_to') => Number(byMeasure.get(measure)?.[at] ?? 0);
  const counts: PeriodCounts = emptyCounts();
  for (const channel of CHANNELS) counts.received[channel] = flow(`received_${channel}`);
  for (const k of ['early', 'on_time', 'late'] as const) {
    counts.legal[k] = flow(`legal_${k}`);
    counts.index[k] = flow(`index_${k}`);
  }
  counts.processingMinutes = flow('processing_minutes');
  counts.eResult = flow('e_result');
  counts.resultIssued = flow('result_issued');
  counts.feeBearing = flow('fee_bearing');
  counts.paidOnline = flow('paid_online');
  counts.digitised = flow('digitised');
  counts.fullProcess = flow('full_process');
  counts.fullProcessOnline = flow('full_process_online');
  counts.carriedOver = stockAt('open', 'before_from');
  counts.open = stockAt('open', 'before_to');
  counts.legalOverdue = stockAt('legal_overdue', 'before_to');
  counts.indexLate = stockAt('index_late_open', 'before_to');
  return counts;
}
