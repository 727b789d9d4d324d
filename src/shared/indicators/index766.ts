// The national service index of QĐ 766/QĐ-TTg (REGULATIONS.md §12.3): six groups, 100 points by default, from a
// period's counts (the aggregates), the dislikes of the period and the catalogue's point-in-time figures. Each
// sub-indicator: numerator ÷ denominator, scored with its threshold T; N/A when the denominator is 0; "not measured"
// (no_source) when this system does not hold the data yet. Points, thresholds, which sub-indicators exist and the
// rating bands come from the settings (settings.ts). Pure. docs/INDICATORS.md explains each one.
import type { PeriodCounts } from './facts.ts';
import { indicators, percent, round, scorePoints } from './indicators.ts';
import type { Index766, IndexBand, IndexGroupKey, IndexGroupResult, SubIndicatorResult } from './index766-types.ts';
import { INDEX_GROUPS } from './index766-types.ts';
import { DEFAULT_INDICATOR_SETTINGS, type IndicatorSettings, type SettableSubIndicator } from './settings.ts';

/** Point-in-time figures of the catalogue for the viewer's agencies (catalogue-measures.ts); null when not read. */
export interface CatalogueFigures {
  /** 1.3: procedures in competence, and those whose current version has every component of ND 63 Art. 8.2 we store. */
  publicProcedures: number;
  completeProcedures: number;
  /** 3.1: procedures in competence, and those with an online service (partial or full). */
  proceduresInCompetence: number;
  withOnlineService: number;
  /** 3.2: online services, and those with at least one online dossier received in the period. */
  onlineServices: number;
  onlineServicesUsed: number;
  /** 3.5b: fee-bearing procedures, and those with at least one dossier paid online received in the period. */
  feeProcedures: number;
  feeProceduresPaidOnline: number;
}

export interface Index766Inputs {
  counts: PeriodCounts;
  /** 5.4: dossiers in scope rated a "dislike" (≤ settings.dislikeMaxScore) in the period; null: not read. */
  dislikes: number | null;
  catalogue: CatalogueFigures | null;
}

type Ratio = { numerator: number; denominator: number } | 'no_source';
const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

interface Definition {
  id: SettableSubIndicator | '2.1';
  group: IndexGroupKey;
  measure: (input: Index766Inputs, settings: IndicatorSettings) => Ratio;
}

const fromCatalogue = (pick: (c: CatalogueFigures) => [number, number]) => (input: Index766Inputs): Ratio => {
  if (!input.catalogue) return 'no_source';
  const [numerator, denominator] = pick(input.catalogue);
  return ratio(numerator, denominator);
};
const notMeasured = (): Ratio => 'no_source';
const newlyReceived = (c: PeriodCounts) => c.received.online + c.received.national_portal + c.received.in_person + c.received.post;

/** Every scored sub-indicator in the order of §12.3 (2.2, display only, is added after 2.1). */
export const SUB_INDICATORS: readonly Definition[] = [
  // 1.1 and 1.2 need the dates of the publication decisions, which the catalogue does not store (only the
  // decision's number as text); 1.4 needs the DVCQG sync (integration issue).
  { id: '1.1', group: 'transparency', measure: notMeasured },
  { id: '1.2', group: 'transparency', measure: notMeasured },
  { id: '1.3', group: 'transparency', measure: fromCatalogue((c) => [c.completeProcedures, c.publicProcedures]) },
  { id: '1.4', group: 'transparency', measure: notMeasured },
  {
    id: '2.1',
    group: 'timeliness',
    measure: (input, settings) => {
      const { onTime } = indicators(input.counts, settings);
      return ratio(onTime.numerator, onTime.denominator);
    },
  },
  { id: 'full_process', group: 'online_service', measure: ({ counts }) => ratio(counts.fullProcessOnline, counts.fullProcess) },
  { id: '3.1', group: 'online_service', measure: fromCatalogue((c) => [c.withOnlineService, c.proceduresInCompetence]) },
  { id: '3.2', group: 'online_service', measure: fromCatalogue((c) => [c.onlineServicesUsed, c.onlineServices]) },
  // The DVCQG sync ratio of the formula is taken as 1 until the integration (docs/INDICATORS.md).
  { id: '3.3', group: 'online_service', measure: ({ counts }) => ratio(counts.received.online + counts.received.national_portal, newlyReceived(counts)) },
  // 3.5 counts fee data synced to DVCQG: integration issue.
  { id: '3.5', group: 'online_payment', measure: notMeasured },
  { id: '3.5b', group: 'online_payment', measure: fromCatalogue((c) => [c.feeProceduresPaidOnline, c.feeProcedures]) },
  { id: '3.6', group: 'online_payment', measure: ({ counts }) => ratio(counts.paidOnline, counts.feeBearing) },
  { id: '4.1', group: 'digitisation', measure: ({ counts }) => ratio(counts.eResult, counts.resultIssued) },
  { id: '4.2', group: 'digitisation', measure: ({ counts }) => ratio(counts.digitised, newlyReceived(counts)) },
  // e-certified copies, reuse of digitised data, the DVCQG personal store and the population database: no data yet.
  { id: 'e_copy', group: 'digitisation', measure: notMeasured },
  { id: '4.3', group: 'digitisation', measure: notMeasured },
  { id: '4.4', group: 'digitisation', measure: notMeasured },
  { id: '4.5a', group: 'digitisation', measure: notMeasured },
  { id: '4.5b', group: 'digitisation', measure: notMeasured },
  // 5.2 and 5.3 are about feedback (PAKN): the feedback module does not exist yet.
  { id: '5.2', group: 'satisfaction', measure: notMeasured },
  { id: '5.3', group: 'satisfaction', measure: notMeasured },
  {
    id: '5.4',
    group: 'satisfaction',
    measure: (input, settings) => {
      if (input.dislikes === null) return 'no_source';
      // 100 % − (overdue rate + dislike share), over the dossiers of 2.1: (D − late − dislikes) ÷ D, at least 0.
      const { onTime } = indicators(input.counts, settings);
      const late = onTime.denominator - onTime.numerator;
      return ratio(Math.max(0, onTime.denominator - late - input.dislikes), onTime.denominator);
    },
  },
];

function settingOf(id: Definition['id'], settings: IndicatorSettings) {
  return id === '2.1' ? { enabled: true, ...settings.timeliness } : settings.subIndicators[id];
}

function score(def: Definition, input: Index766Inputs, settings: IndicatorSettings): SubIndicatorResult {
  const { points, threshold } = settingOf(def.id, settings);
  const base = { id: def.id, group: def.group, threshold, maxPoints: points, scored: true };
  const measured = def.measure(input, settings);
  if (measured === 'no_source') return { ...base, numerator: null, denominator: null, rate: null, points: null, gap: 'no_source' };
  const rate = percent(measured.numerator, measured.denominator, settings.rateDecimals);
  return { ...base, ...measured, rate, points: scorePoints(rate, points, threshold), gap: rate === null ? 'no_denominator' : null };
}

/** 2.2, display only: working hours of the finished dossiers ÷ their number (the rate is the average in hours). */
function averageTime(counts: PeriodCounts, settings: IndicatorSettings): SubIndicatorResult {
  const finished = counts.legal.early + counts.legal.on_time + counts.legal.late;
  const hours = round(counts.processingMinutes / 60, settings.rateDecimals);
  const rate = finished === 0 ? null : round(counts.processingMinutes / 60 / finished, settings.rateDecimals);
  return { id: '2.2', group: 'timeliness', numerator: hours, denominator: finished, rate, threshold: null, points: null, maxPoints: 0, scored: false, gap: rate === null ? 'no_denominator' : null };
}

/** The band of a score (percent of the measured maximum). */
export function bandOf(scorePercent: number | null, settings: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS): IndexBand | null {
  if (scorePercent === null) return null;
  const { excellent, good, fair, average } = settings.bands;
  if (scorePercent >= excellent) return 'excellent';
  if (scorePercent >= good) return 'good';
  if (scorePercent >= fair) return 'fair';
  if (scorePercent >= average) return 'average';
  return 'weak';
}

const sumOrNull = (values: (number | null)[]) => (values.every((v) => v === null) ? null : round(values.reduce<number>((s, v) => s + (v ?? 0), 0), 2));

/** The whole index for one scope and period. */
export function index766(input: Index766Inputs, settings: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS): Index766 {
  const groups: IndexGroupResult[] = INDEX_GROUPS.map((group) => {
    const subIndicators: SubIndicatorResult[] = [];
    for (const def of SUB_INDICATORS) {
      if (def.group !== group || !settingOf(def.id, settings).enabled) continue;
      subIndicators.push(score(def, input, settings));
      if (def.id === '2.1') subIndicators.push(averageTime(input.counts, settings));
    }
    const scored = subIndicators.filter((s) => s.scored);
    const measured = scored.filter((s) => s.gap === null);
    return {
      group,
      maxPoints: round(scored.reduce((s, x) => s + x.maxPoints, 0), 2),
      points: sumOrNull(measured.map((s) => s.points)),
      measuredMaxPoints: round(measured.reduce((s, x) => s + x.maxPoints, 0), 2),
      subIndicators,
    };
  });
  const points = sumOrNull(groups.map((g) => g.points));
  const measuredMaxPoints = round(groups.reduce((s, g) => s + g.measuredMaxPoints, 0), 2);
  const scorePercent = points === null || measuredMaxPoints === 0 ? null : round((points / measuredMaxPoints) * 100, settings.rateDecimals);
  return {
    groups,
    points,
    maxPoints: round(groups.reduce((s, g) => s + g.maxPoints, 0), 2),
    measuredMaxPoints,
    score: scorePercent,
    band: bandOf(scorePercent, settings),
  };
}

/** Each group's maximum under the settings (reported when a province changes points). */
export function groupSums(settings: IndicatorSettings): Record<IndexGroupKey, number> {
  const sums = Object.fromEntries(INDEX_GROUPS.map((g) => [g, 0])) as Record<IndexGroupKey, number>;
  for (const def of SUB_INDICATORS) {
    const one = settingOf(def.id, settings);
    if (one.enabled) sums[def.group] = round(sums[def.group] + one.points, 2);
  }
  return sums;
}
