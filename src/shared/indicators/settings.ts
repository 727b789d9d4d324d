// Settings of the indicators (issue #6): how endings count, the 766 index's sub-indicators (points, thresholds, which
// exist), its rating bands, and which payment methods count as online. Each default follows ../shared/REGULATIONS.md
// §7.3–7.4 and §12.3–12.4; the ones marked UNCERTAIN there are settings so a province can follow its own reading
// (docs/INDICATORS.md). A province stores a partial copy merged over the defaults (indicator_settings).
import type { ActionType } from '../dossiers/actions.ts';

/** One sub-indicator of the 766 index: whether the province counts it, its points and its threshold T. */
export interface SubIndicatorSetting {
  enabled: boolean;
  points: number;
  /** T as a fraction (0.8); null: points = rate × points (§12.3 "no threshold"). */
  threshold: number | null;
}

/** The sub-indicators the settings carry (2.1 is `timeliness`, 2.2 is display only). */
export const SETTABLE_SUB_INDICATORS = ['1.1', '1.2', '1.3', '1.4', 'full_process', '3.1', '3.2', '3.3', '3.5', '3.5b', '3.6', '4.1', '4.2', 'e_copy', '4.3', '4.4', '4.5a', '4.5b', '5.2', '5.3', '5.4'] as const;
export type SettableSubIndicator = (typeof SETTABLE_SUB_INDICATORS)[number];

/** Minimum score (points ÷ measured maximum, percent) of each band; below `average` is weak. UNCERTAIN (§12.3). */
export interface BandSettings {
  excellent: number;
  good: number;
  fair: number;
  average: number;
}

export interface IndicatorSettings {
  /**
   * Form II.06a: dossiers ended by these actions count as resolved on time whatever the date ("including those
   * returned or withdrawn", §12.4). UNCERTAIN which endings "returned" covers. Shapes the aggregates: system-wide.
   */
  legalOnTimeEndings: ActionType[];
  /** The same for the 766 index (2.1). UNCERTAIN: S-766F does not say; default the same as the form. System-wide. */
  indexOnTimeEndings: ActionType[];
  /** 766 sub-indicator 2.1: its points, and the threshold T (null: points = rate × points, §12.3 "no threshold"). */
  timeliness: { points: number; threshold: number | null };
  /** Every other scored 766 sub-indicator. */
  subIndicators: Record<SettableSubIndicator, SubIndicatorSetting>;
  bands: BandSettings;
  /** 5.4: a rating at or below this score (1–5) is a "dislike". */
  dislikeMaxScore: number;
  /** The satisfaction share: a rating at or above this score (1–5) counts as satisfied; above dislikeMaxScore. */
  satisfiedMinScore: number;
  /**
   * 3.6: a `record_payment` whose method, lower-cased without diacritics, contains one of these words counts as paid
   * online (ND 118 Art. 24: through the DVCQG payment function or another payment platform; a bank transfer or cash
   * is not). Shapes the aggregates: system-wide, not per province.
   */
  onlinePaymentMethods: string[];
  /** Rates are rounded to this many decimals (§12.3 period handling: 2). */
  rateDecimals: number;
}

const sub = (points: number, threshold: number | null = null, enabled = true): SubIndicatorSetting => ({ enabled, points, threshold });

export const DEFAULT_INDICATOR_SETTINGS: IndicatorSettings = {
  legalOnTimeEndings: ['withdraw', 'refuse', 'close_unsupplemented'],
  indexOnTimeEndings: ['withdraw', 'refuse', 'close_unsupplemented'],
  timeliness: { points: 20, threshold: null },
  subIndicators: {
    // 1 Transparency (18)
    '1.1': sub(6),
    '1.2': sub(4),
    '1.3': sub(2),
    '1.4': sub(6),
    // 3 Online service (12): the table gives 12 to the full-process component and no points to 3.1–3.3;
    // UNCERTAIN split, 3 each by default.
    full_process: sub(3),
    '3.1': sub(3, 0.8),
    '3.2': sub(3),
    '3.3': sub(3, 0.5),
    // 4 Online payment (10)
    '3.5': sub(2, 0.8),
    '3.5b': sub(2),
    '3.6': sub(6),
    // 5 Digitisation (22)
    '4.1': sub(6),
    '4.2': sub(4, 0.8),
    e_copy: sub(2),
    '4.3': sub(2, 0.8),
    '4.4': sub(4),
    '4.5a': sub(2),
    '4.5b': sub(2),
    // 6 Satisfaction (18)
    '5.2': sub(6),
    '5.3': sub(6),
    '5.4': sub(6, 0.9),
  },
  bands: { excellent: 90, good: 80, fair: 65, average: 50 },
  dislikeMaxScore: 2,
  satisfiedMinScore: 4,
  onlinePaymentMethods: ['online', 'electronic', 'truc tuyen', 'dvcqg', 'cong thanh toan', 'payment platform'],
  rateDecimals: 2,
};

/** What a province may change (the rest shapes the aggregates and is the same everywhere). */
export interface ProvinceIndicatorSettings {
  timeliness?: Partial<IndicatorSettings['timeliness']>;
  subIndicators?: Partial<Record<SettableSubIndicator, Partial<SubIndicatorSetting>>>;
  bands?: Partial<BandSettings>;
  dislikeMaxScore?: number;
  satisfiedMinScore?: number;
}

/** The province's partial settings over the defaults (unknown keys ignored). */
export function mergeIndicatorSettings(partial: ProvinceIndicatorSettings | null | undefined, defaults: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS): IndicatorSettings {
  const p = partial ?? {};
  const subIndicators = { ...defaults.subIndicators };
  for (const id of SETTABLE_SUB_INDICATORS) subIndicators[id] = { ...defaults.subIndicators[id], ...(p.subIndicators?.[id] ?? {}) };
  return {
    ...defaults,
    timeliness: { ...defaults.timeliness, ...(p.timeliness ?? {}) },
    subIndicators,
    bands: { ...defaults.bands, ...(p.bands ?? {}) },
    dislikeMaxScore: p.dislikeMaxScore ?? defaults.dislikeMaxScore,
    satisfiedMinScore: p.satisfiedMinScore ?? defaults.satisfiedMinScore,
  };
}

export interface SettingsIssue {
  path: string;
  rule: string;
  message: string;
  messageEn: string;
}

/** Points ≥ 0, thresholds in (0, 1] or null, bands decreasing within 0–100, the dislike and satisfied scores 1–5, satisfied above dislike. */
export function checkIndicatorSettings(s: IndicatorSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const add = (path: string, rule: string, message: string, messageEn: string) => issues.push({ path, rule, message, messageEn });
  const checkOne = (path: string, points: unknown, threshold: unknown) => {
    if (typeof points !== 'number' || !Number.isFinite(points) || points < 0) add(`${path}.points`, 'min_0', 'điểm phải là số không âm', 'points must be a number ≥ 0');
    if (threshold !== null && (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1))) {
      add(`${path}.threshold`, 'range_0_1', 'ngưỡng phải lớn hơn 0 và không quá 1 (hoặc để trống)', 'the threshold must be in (0, 1], or null');
    }
  };
  checkOne('timeliness', s.timeliness.points, s.timeliness.threshold);
  for (const id of SETTABLE_SUB_INDICATORS) {
    const one = s.subIndicators[id];
    checkOne(`subIndicators.${id}`, one.points, one.threshold);
    if (typeof one.enabled !== 'boolean') add(`subIndicators.${id}.enabled`, 'boolean', 'phải là có hoặc không', 'must be true or false');
  }
  const order = ['excellent', 'good', 'fair', 'average'] as const;
  order.forEach((band, i) => {
    const value = s.bands[band];
    if (typeof value !== 'number' || !(value >= 0 && value <= 100)) add(`bands.${band}`, 'range_0_100', 'ngưỡng xếp loại phải từ 0 đến 100', 'must be from 0 to 100');
    else if (i > 0 && value >= s.bands[order[i - 1] as (typeof order)[number]]) add(`bands.${band}`, 'decreasing', 'ngưỡng phải thấp hơn ngưỡng xếp loại trên', 'must be below the band above');
  });
  const score = (v: number) => Number.isInteger(v) && v >= 1 && v <= 5;
  if (!score(s.dislikeMaxScore)) add('dislikeMaxScore', 'range_1_5', 'phải là số nguyên từ 1 đến 5', 'must be a whole number from 1 to 5');
  if (!score(s.satisfiedMinScore)) add('satisfiedMinScore', 'range_1_5', 'phải là số nguyên từ 1 đến 5', 'must be a whole number from 1 to 5');
  else if (score(s.dislikeMaxScore) && s.satisfiedMinScore <= s.dislikeMaxScore) add('satisfiedMinScore', 'above_dislike', 'điểm hài lòng phải cao hơn điểm "không hài lòng"', 'must be above dislikeMaxScore');
  return issues;
}
