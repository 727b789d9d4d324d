// The shape of the national service index of QĐ 766/QĐ-TTg as the API returns it (REGULATIONS.md §12.3): six
// groups, 100 points, each sub-indicator with its formula's numerator and denominator, rate, threshold and points.
// Shared by the server (which computes it, src/shared/indicators/index766.ts) and the web dashboards (which show it).

export const INDEX_GROUPS = ['transparency', 'timeliness', 'online_service', 'online_payment', 'digitisation', 'satisfaction'] as const;
export type IndexGroupKey = (typeof INDEX_GROUPS)[number];

/**
 * Why a sub-indicator has no rate: `no_denominator` (nothing to measure in the period: N/A), `no_source` (the data
 * it needs does not exist in this system yet, e.g. feedback before the PAKN module or DVCQG sync before the
 * integration; shown as "chưa đo được" and left out of the measured maximum).
 */
export type SubIndicatorGap = 'no_denominator' | 'no_source';

export interface SubIndicatorResult {
  /** The code of S-766F, e.g. '2.1', '3.3', '5.4'; 'full_process' and 'e_copy' for the two parts §12.3 lists without a code. */
  id: string;
  group: IndexGroupKey;
  numerator: number | null;
  denominator: number | null;
  /** Percent, rounded (settings.rateDecimals); null with `gap`. For 2.2 (display only): the average in working hours. */
  rate: number | null;
  /** The threshold T as a fraction (0.8), null when the rate applies directly. */
  threshold: number | null;
  points: number | null;
  maxPoints: number;
  /** False for the display-only ones (2.2). */
  scored: boolean;
  gap: SubIndicatorGap | null;
}

export interface IndexGroupResult {
  group: IndexGroupKey;
  maxPoints: number;
  /** Sum of the measured sub-indicators' points; null when none of them is measured. */
  points: number | null;
  /** Sum of the maxima of the sub-indicators that were measured (the others are N/A). */
  measuredMaxPoints: number;
  subIndicators: SubIndicatorResult[];
}

export type IndexBand = 'excellent' | 'good' | 'fair' | 'average' | 'weak';

export interface Index766 {
  groups: IndexGroupResult[];
  /** Points over the measured sub-indicators; null when nothing is measured. */
  points: number | null;
  maxPoints: number;
  measuredMaxPoints: number;
  /** Points ÷ measured maximum, in percent: what the band is judged on. */
  score: number | null;
  band: IndexBand | null;
}
