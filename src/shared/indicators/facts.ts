// Per-dossier facts for a period [from, to) seen at a report instant, and the same timeline as day rows
// (the aggregates' contributions), so that a period's counts are sums over days. Pure.
import type { FinishedClass, OpenClass } from '../calendar/deadlines.ts';
import { localDay } from '../calendar/vietnam-time.ts';
import { covers, type Channel, type DossierTimeline, type Finish } from './timeline.ts';

export interface Period {
  from: number;
  to: number;
}

export interface DossierFacts {
  /** Received in [from, to), with its channel; null when not. */
  receivedIn: Channel | null;
  /** Open at `from` (tồn kỳ trước chuyển sang). */
  carriedOver: boolean;
  /** Finishes in [from, min(to, reportAt)) (a corrected and re-issued result finishes again). */
  finished: Finish[];
  /** Open at the report instant: its class by the legal deadline and whether the index counts it late; null when not open. */
  openAtEnd: { legal: OpenClass; indexLate: boolean } | null;
  online: boolean;
  /** What the 766 index counts of the dossiers received in the period (all false when not received in it). */
  cohort: { feeBearing: boolean; paidOnline: boolean; digitised: boolean; fullProcess: boolean; fullProcessOnline: boolean };
}

/** The facts of one dossier for a period; the report instant defaults to the end of the period. */
export function dossierFacts(timeline: DossierTimeline, period: Period, reportAt: number = period.to): DossierFacts {
  const end = Math.min(period.to, reportAt);
  const received = timeline.receivedAt;
  const open = covers(timeline.open, end);
  const receivedIn = received !== null && received >= period.from && received < end;
  const online = timeline.channel === 'online' || timeline.channel === 'national_portal';
  return {
    receivedIn: receivedIn ? timeline.channel : null,
    carriedOver: covers(timeline.open, period.from),
    finished: timeline.finishes.filter((f) => f.at >= period.from && f.at < end),
    openAtEnd: open ? { legal: covers(timeline.legalOverdue, end) ? 'overdue' : 'within_deadline', indexLate: covers(timeline.indexLate, end) } : null,
    online,
    cohort: {
      feeBearing: receivedIn && timeline.feeBearing,
      paidOnline: receivedIn && timeline.paidOnline,
      digitised: receivedIn && timeline.digitised,
      fullProcess: receivedIn && timeline.fullProcess,
      fullProcessOnline: receivedIn && timeline.fullProcess && online,
    },
  };
}

/** The counts the indicators are computed from, for a set of dossiers and a period. */
export interface PeriodCounts {
  received: Record<Channel, number>;
  carriedOver: number;
  legal: Record<FinishedClass, number>;
  index: Record<FinishedClass, number>;
  processingMinutes: number;
  eResult: number;
  /** Finished by issuing a result (4.1's denominator). */
  resultIssued: number;
  /** Of the dossiers received in the period (3.6, 4.2, the full-process component). */
  feeBearing: number;
  paidOnline: number;
  digitised: number;
  fullProcess: number;
  fullProcessOnline: number;
  open: number;
  legalOverdue: number;
  indexLate: number;
}

export const emptyCounts = (): PeriodCounts => ({
  received: { online: 0, in_person: 0, post: 0, national_portal: 0 },
  carriedOver: 0,
  legal: { early: 0, on_time: 0, late: 0 },
  index: { early: 0, on_time: 0, late: 0 },
  processingMinutes: 0,
  eResult: 0,
  resultIssued: 0,
  feeBearing: 0,
  paidOnline: 0,
  digitised: 0,
  fullProcess: 0,
  fullProcessOnline: 0,
  open: 0,
  legalOverdue: 0,
  indexLate: 0,
});

type CohortKey = keyof DossierFacts['cohort'];

export function countFacts(facts: readonly DossierFacts[]): PeriodCounts {
  const counts = emptyCounts();
  for (const f of facts) {
    if (f.receivedIn) counts.received[f.receivedIn] += 1;
    if (f.carriedOver) counts.carriedOver += 1;
    for (const finish of f.finished) {
      counts.legal[finish.legal] += 1;
      counts.index[finish.index] += 1;
      counts.processingMinutes += finish.processingMinutes;
      if (finish.eResult) counts.eResult += 1;
      if (finish.by === 'issue_result') counts.resultIssued += 1;
    }
    for (const [k, counted] of Object.entries(f.cohort) as [CohortKey, boolean][]) if (counted) counts[k] += 1;
    if (f.openAtEnd) {
      counts.open += 1;
      if (f.openAtEnd.legal === 'overdue') counts.legalOverdue += 1;
      if (f.openAtEnd.indexLate) counts.indexLate += 1;
    }
  }
  return counts;
}

// ---- Day rows: flows on the day they happen, stocks as +1 / −1 on the days they start and stop ----

/** Flows are summed over the period's days; stocks over every day before the report day. */
export const FLOW_MEASURES = [
  'received_online',
  'received_in_person',
  'received_post',
  'received_national_portal',
  'legal_early',
  'legal_on_time',
  'legal_late',
  'index_early',
  'index_on_time',
  'index_late',
  'processing_minutes',
  'e_result',
  'result_issued',
  'fee_bearing',
  'paid_online',
  'digitised',
  'full_process',
  'full_process_online',
] as const;
export const STOCK_MEASURES = ['open', 'legal_overdue', 'index_late_open'] as const;
export type Measure = (typeof FLOW_MEASURES)[number] | (typeof STOCK_MEASURES)[number];

/** One contribution: `value` added to `measure` on local day `day` (days since 1970-01-01, Vietnam time). */
export interface DayRow {
  day: number;
  measure: Measure;
  value: number;
}

const MEASURE_NUMBER = Object.fromEntries([...FLOW_MEASURES, ...STOCK_MEASURES].map((m, i) => [m, i])) as Record<Measure, number>;
// A small integer per (day, measure): cheaper to hash than a string built for every row. Room for 32 measures.
if (Object.keys(MEASURE_NUMBER).length > 32) throw new Error('dayRows keys have room for 32 measures');
const key = (day: number, measure: Measure) => day * 32 + MEASURE_NUMBER[measure];

function addStock(rows: Map<number, DayRow>, measure: Measure, intervals: DossierTimeline['open']): void {
  // A stock counted at the end of day d (instant t = next midnight) covers t iff start < t ≤ end,
  // i.e. localDay(start) ≤ d < localDay(end).
  for (const { start, end } of intervals) {
    add(rows, localDay(start), measure, 1);
    if (Number.isFinite(end)) add(rows, localDay(end), measure, -1);
  }
}

function add(rows: Map<number, DayRow>, day: number, measure: Measure, value: number): void {
  const k = key(day, measure);
  const row = rows.get(k);
  if (row) row.value += value;
  else rows.set(k, { day, measure, value });
}

/** The day rows of one dossier: summing them over days gives the same counts as dossierFacts at day boundaries. */
export function dayRows(timeline: DossierTimeline): DayRow[] {
  const rows = new Map<number, DayRow>();
  if (timeline.receivedAt !== null) {
    const day = localDay(timeline.receivedAt);
    add(rows, day, `received_${timeline.channel}`, 1);
    if (timeline.feeBearing) add(rows, day, 'fee_bearing', 1);
    if (timeline.paidOnline) add(rows, day, 'paid_online', 1);
    if (timeline.digitised) add(rows, day, 'digitised', 1);
    if (timeline.fullProcess) add(rows, day, 'full_process', 1);
    if (timeline.fullProcess && (timeline.channel === 'online' || timeline.channel === 'national_portal')) add(rows, day, 'full_process_online', 1);
  }
  for (const f of timeline.finishes) {
    const day = localDay(f.at);
    add(rows, day, `legal_${f.legal}`, 1);
    add(rows, day, `index_${f.index}`, 1);
    add(rows, day, 'processing_minutes', f.processingMinutes);
    if (f.eResult) add(rows, day, 'e_result', 1);
    if (f.by === 'issue_result') add(rows, day, 'result_issued', 1);
  }
  addStock(rows, 'open', timeline.open);
  addStock(rows, 'legal_overdue', timeline.legalOverdue);
  addStock(rows, 'index_late_open', timeline.indexLate);
  return [...rows.values()].filter((r) => r.value !== 0);
}

/** The difference new − old of two dossiers' day rows (what an action changes in the aggregates). */
export function diffRows(before: readonly DayRow[], after: readonly DayRow[]): DayRow[] {
  const rows = new Map<number, DayRow>();
  for (const r of after) add(rows, r.day, r.measure, r.value);
  for (const r of before) add(rows, r.day, r.measure, -r.value);
  return [...rows.values()].filter((r) => r.value !== 0);
}

/** Period counts from day-row totals: flows over [fromDay, toDay), stocks before fromDay and before toDay. */
export function countsFromDayRows(rows: readonly DayRow[], fromDay: number, toDay: number): PeriodCounts {
  const c = emptyCounts();
  const sum = (measure: Measure, lo: number, hi: number) => rows.reduce((s, r) => (r.measure === measure && r.day >= lo && r.day < hi ? s + r.value : s), 0);
  for (const channel of ['online', 'in_person', 'post', 'national_portal'] as const) c.received[channel] = sum(`received_${channel}`, fromDay, toDay);
  for (const k of ['early', 'on_time', 'late'] as const) {
    c.legal[k] = sum(`legal_${k}`, fromDay, toDay);
    c.index[k] = sum(`index_${k}`, fromDay, toDay);
  }
  c.processingMinutes = sum('processing_minutes', fromDay, toDay);
  c.eResult = sum('e_result', fromDay, toDay);
  c.resultIssued = sum('result_issued', fromDay, toDay);
  c.feeBearing = sum('fee_bearing', fromDay, toDay);
  c.paidOnline = sum('paid_online', fromDay, toDay);
  c.digitised = sum('digitised', fromDay, toDay);
  c.fullProcess = sum('full_process', fromDay, toDay);
  c.fullProcessOnline = sum('full_process_online', fromDay, toDay);
  c.carriedOver = sum('open', -Infinity, fromDay);
  c.open = sum('open', -Infinity, toDay);
  c.legalOverdue = sum('legal_overdue', -Infinity, toDay);
  c.indexLate = sum('index_late_open', -Infinity, toDay);
  return c;
}
