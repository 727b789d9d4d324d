// The dashboard's reporting period: month, quarter, year or custom dates, kept in the address (?ky=&nam=&thang=&quy=
// &tu=&den=) so that drill-down links and reloads keep it; turned into the API's [from, to) with `to` exclusive. Pure.
import { dayFromIso, isoFromDay } from '../../../shared/calendar/vietnam-time.ts';
import type { Period } from './api.ts';

export const PERIOD_KINDS = ['year', 'quarter', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  quarter: number;
  month: number;
  /** Custom: first and last day (inclusive), YYYY-MM-DD. */
  from: string;
  last: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const firstOf = (year: number, month: number) =>
  month > 12 ? `${year + 1}-01-01` : `${year}-${pad(month)}-01`;

/** The choice in the address, defaulting to the year of `today` (YYYY-MM-DD, Vietnam). */
export function readChoice(params: URLSearchParams, today: string): PeriodChoice {
  const year = Number(params.get('nam')) || Number(today.slice(0, 4));
  const kind = PERIOD_KINDS.find((k) => k === params.get('ky')) ?? 'year';
  const clamp = (v: number, max: number, fallback: number) =>
    Number.isInteger(v) && v >= 1 && v <= max ? v : fallback;
  const month = clamp(Number(params.get('thang')), 12, Number(today.slice(5, 7)));
  return {
    kind,
    year,
    month,
    quarter: clamp(Number(params.get('quy')), 4, Math.ceil(month / 3)),
    from: params.get('tu') ?? `${year}-01-01`,
    last: params.get('den') ?? `${year}-12-31`,
  };
}

/** The query-string keys of the period. */
const PERIOD_KEYS = ['ky', 'nam', 'thang', 'quy', 'tu', 'den'];

/** The dashboard's unit filter in the address (`?donVi=<statistics-office code>`), carried along with the period. */
export const UNIT_PARAM = 'donVi';

/**
 * The address's parameters with the period replaced by `choice` and every other parameter kept (the unit filter,
 * the grouping of form II.06a…): the period first, then the others in their order.
 */
export function withChoice(params: URLSearchParams, choice: PeriodChoice): URLSearchParams {
  const next = writeChoice(choice);
  for (const [key, value] of params) if (!PERIOD_KEYS.includes(key)) next.append(key, value);
  return next;
}

export function writeChoice(choice: PeriodChoice): URLSearchParams {
  const params = new URLSearchParams({ ky: choice.kind, nam: String(choice.year) });
  if (choice.kind === 'month') params.set('thang', String(choice.month));
  if (choice.kind === 'quarter') params.set('quy', String(choice.quarter));
  if (choice.kind === 'custom') {
    params.set('tu', choice.from);
    params.set('den', choice.last);
  }
  return params;
}

const valid = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && isoFromDay(dayFromIso(iso)) === iso;

/** [from, to) for the API; null when custom dates are impossible, reversed or longer than 366 days. */
export function periodOf(choice: PeriodChoice): Period | null {
  const { year } = choice;
  if (choice.kind === 'year') return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  if (choice.kind === 'quarter')
    return { from: firstOf(year, choice.quarter * 3 - 2), to: firstOf(year, choice.quarter * 3 + 1) };
  if (choice.kind === 'month')
    return { from: firstOf(year, choice.month), to: firstOf(year, choice.month + 1) };
  if (!valid(choice.from) || !valid(choice.last)) return null;
  const to = dayFromIso(choice.last) + 1;
  const days = to - dayFromIso(choice.from);
  return days >= 1 && days <= 366 ? { from: choice.from, to: isoFromDay(to) } : null;
}

/** The last day of a period (the day before its exclusive end). */
export const lastDay = (p: Period) => isoFromDay(dayFromIso(p.to) - 1);
