// Indicators from period counts: form II.06a (received / resolved / pending), the 766 timeliness sub-indicator
// 2.1 with its points, the average processing time (2.2) and the online share. A zero denominator gives null
// (shown "N/A"), never NaN. Pure.
import type { PeriodCounts } from './facts.ts';
import { DEFAULT_INDICATOR_SETTINGS, type IndicatorSettings } from './settings.ts';

/** Biểu II.06a/VPCP/KSTT, one row (REGULATIONS.md §12.4). */
export interface FormII06a {
  received: { total: number; online: number; inPersonOrPost: number; carriedOver: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  pending: { total: number; withinDeadline: number; overdue: number };
}

export interface Indicators {
  form: FormII06a;
  /** 2.1 Tỷ lệ hồ sơ đúng hạn: (finished early or on time + open within deadline, index rule) ÷ (finished + open), in percent. */
  onTime: { numerator: number; denominator: number; rate: number | null; points: number | null; maxPoints: number };
  /** 2.2 Thời gian giải quyết trung bình: working hours per finished dossier. */
  averageProcessingHours: number | null;
  /** Online share of the dossiers received in the period (online and national portal), in percent. */
  onlineShare: number | null;
  /** Finished with an electronic result, in percent of the finished ones. */
  eResultShare: number | null;
}

export const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** part ÷ whole in percent, rounded; null when whole is 0. */
export function percent(part: number, whole: number, decimals = DEFAULT_INDICATOR_SETTINGS.rateDecimals): number | null {
  return whole === 0 ? null : round((part / whole) * 100, decimals);
}

/** §12.3 scoring: full points at or above the threshold T, else rate × points ÷ T; without T, rate × points. */
export function scorePoints(ratePercent: number | null, points: number, threshold: number | null, decimals = 2): number | null {
  if (ratePercent === null) return null;
  const rate = ratePercent / 100;
  if (threshold === null) return round(rate * points, decimals);
  return rate >= threshold ? points : round((rate * points) / threshold, decimals);
}

export function formII06a(c: PeriodCounts): FormII06a {
  const online = c.received.online + c.received.national_portal;
  const inPersonOrPost = c.received.in_person + c.received.post;
  return {
    received: { total: online + inPersonOrPost + c.carriedOver, online, inPersonOrPost, carriedOver: c.carriedOver },
    resolved: { total: c.legal.early + c.legal.on_time + c.legal.late, early: c.legal.early, onTime: c.legal.on_time, late: c.legal.late },
    pending: { total: c.open, withinDeadline: c.open - c.legalOverdue, overdue: c.legalOverdue },
  };
}

export function indicators(c: PeriodCounts, settings: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS): Indicators {
  const form = formII06a(c);
  const finished = c.index.early + c.index.on_time + c.index.late;
  const numerator = c.index.early + c.index.on_time + (c.open - c.indexLate);
  const denominator = finished + c.open;
  const rate = percent(numerator, denominator, settings.rateDecimals);
  const newlyReceived = form.received.online + form.received.inPersonOrPost;
  return {
    form,
    onTime: { numerator, denominator, rate, points: scorePoints(rate, settings.timeliness.points, settings.timeliness.threshold), maxPoints: settings.timeliness.points },
    averageProcessingHours: form.resolved.total === 0 ? null : round(c.processingMinutes / 60 / form.resolved.total, settings.rateDecimals),
    onlineShare: percent(form.received.online, newlyReceived, settings.rateDecimals),
    eResultShare: percent(c.eResult, form.resolved.total, settings.rateDecimals),
  };
}
