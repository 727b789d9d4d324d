// The 766 settings page's form as data: what the inputs hold (thresholds in percent, an empty input as ''), the
// settings they stand for, the province's changes over the defaults (what PUT /api/indicator-settings takes), each
// group's maximum (the shared groupSums) and the field errors, checked here with the server's own rules. Pure.
import { INDEX_GROUPS, type IndexGroupKey } from '../../../shared/indicators/index766-types.ts';
import { groupSums, SUB_INDICATORS } from '../../../shared/indicators/index766.ts';
import {
  checkIndicatorSettings,
  DEFAULT_INDICATOR_SETTINGS,
  SETTABLE_SUB_INDICATORS,
  type BandSettings,
  type IndicatorSettings,
  type ProvinceIndicatorSettings,
  type SettableSubIndicator,
  type SettingsIssue,
} from '../../../shared/indicators/settings.ts';

/** What a number input holds: a number, or the text being typed ('' when empty). */
export type InputValue = number | string;

export interface SubDraft {
  enabled: boolean;
  points: InputValue;
  /** Percent; '' for no threshold. */
  threshold: InputValue;
}

export const BANDS = ['excellent', 'good', 'fair', 'average'] as const satisfies readonly (keyof BandSettings)[];
export const SCORES = ['dislikeMaxScore', 'satisfiedMinScore'] as const;
export type ScoreKey = (typeof SCORES)[number];

export interface Draft {
  timeliness: { points: InputValue; threshold: InputValue };
  subIndicators: Record<SettableSubIndicator, SubDraft>;
  bands: Record<keyof BandSettings, InputValue>;
  dislikeMaxScore: InputValue;
  satisfiedMinScore: InputValue;
}

/** A row of a group's table: 2.1 (always counted) or a settable sub-indicator. */
export type RowId = SettableSubIndicator | '2.1';

/** The rows of each group, in the order of §12.3. */
export const GROUP_ROWS: Record<IndexGroupKey, RowId[]> = Object.fromEntries(
  INDEX_GROUPS.map((group) => [group, SUB_INDICATORS.filter((def) => def.group === group).map((def) => def.id)]),
) as Record<IndexGroupKey, RowId[]>;

// 0.29 × 100 is 28.999999999999996: keep at most 6 decimals both ways.
const toPercent = (fraction: number) => Math.round(fraction * 100 * 1e6) / 1e6;
const toFraction = (percent: number) => Math.round((percent / 100) * 1e8) / 1e8;

function toNumber(value: InputValue): number {
  if (typeof value === 'number') return value;
  const text = value.trim().replace(',', '.');
  return text === '' ? Number.NaN : Number(text);
}

function thresholdOf(value: InputValue): number | null {
  if (typeof value === 'string' && value.trim() === '') return null;
  const percent = toNumber(value);
  return Number.isFinite(percent) ? toFraction(percent) : Number.NaN;
}

/** The inputs showing some settings. */
export function draftOf(settings: IndicatorSettings): Draft {
  const percentOf = (threshold: number | null) => (threshold === null ? '' : toPercent(threshold));
  return {
    timeliness: { points: settings.timeliness.points, threshold: percentOf(settings.timeliness.threshold) },
    subIndicators: Object.fromEntries(
      SETTABLE_SUB_INDICATORS.map((id) => {
        const one = settings.subIndicators[id];
        return [id, { enabled: one.enabled, points: one.points, threshold: percentOf(one.threshold) }];
      }),
    ) as Record<SettableSubIndicator, SubDraft>,
    bands: { ...settings.bands },
    dislikeMaxScore: settings.dislikeMaxScore,
    satisfiedMinScore: settings.satisfiedMinScore,
  };
}

/** The settings the inputs stand for (NaN where an input holds no valid number), over `base` for the rest. */
export function settingsOf(draft: Draft, base: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS): IndicatorSettings {
  return {
    ...base,
    timeliness: { points: toNumber(draft.timeliness.points), threshold: thresholdOf(draft.timeliness.threshold) },
    subIndicators: Object.fromEntries(
      SETTABLE_SUB_INDICATORS.map((id) => {
        const one = draft.subIndicators[id];
        return [id, { enabled: one.enabled, points: toNumber(one.points), threshold: thresholdOf(one.threshold) }];
      }),
    ) as IndicatorSettings['subIndicators'],
    bands: Object.fromEntries(BANDS.map((band) => [band, toNumber(draft.bands[band])])) as unknown as BandSettings,
    dislikeMaxScore: toNumber(draft.dislikeMaxScore),
    satisfiedMinScore: toNumber(draft.satisfiedMinScore),
  };
}

/** Only what differs from the defaults: the body's `settings` of PUT /api/indicator-settings. */
export function overridesOf(settings: IndicatorSettings, defaults: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS): ProvinceIndicatorSettings {
  const out: ProvinceIndicatorSettings = {};
  const changed = <T extends object>(value: T, fallback: T): Partial<T> =>
    Object.fromEntries(Object.entries(value).filter(([key, v]) => !Object.is(v, (fallback as Record<string, unknown>)[key]))) as Partial<T>;
  const timeliness = changed(settings.timeliness, defaults.timeliness);
  if (Object.keys(timeliness).length > 0) out.timeliness = timeliness;
  for (const id of SETTABLE_SUB_INDICATORS) {
    const one = changed(settings.subIndicators[id], defaults.subIndicators[id]);
    if (Object.keys(one).length > 0) (out.subIndicators ??= {})[id] = one;
  }
  const bands = changed(settings.bands, defaults.bands);
  if (Object.keys(bands).length > 0) out.bands = bands;
  for (const key of SCORES) if (!Object.is(settings[key], defaults[key])) out[key] = settings[key];
  return out;
}

/** Whether a row (a sub-indicator, 2.1, a band or a score) differs from its default. */
export function isRowChanged(settings: IndicatorSettings, row: RowId | keyof BandSettings | ScoreKey, defaults: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS): boolean {
  const overrides = overridesOf(settings, defaults);
  if (row === '2.1') return overrides.timeliness !== undefined;
  if ((BANDS as readonly string[]).includes(row)) return overrides.bands?.[row as keyof BandSettings] !== undefined;
  if ((SCORES as readonly string[]).includes(row)) return overrides[row as ScoreKey] !== undefined;
  return overrides.subIndicators?.[row as SettableSubIndicator] !== undefined;
}

/** The draft with one row back at its default. */
export function resetRow(draft: Draft, row: RowId | keyof BandSettings | ScoreKey, defaults: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS): Draft {
  const fresh = draftOf(defaults);
  if (row === '2.1') return { ...draft, timeliness: fresh.timeliness };
  if ((BANDS as readonly string[]).includes(row)) return { ...draft, bands: { ...draft.bands, [row]: fresh.bands[row as keyof BandSettings] } };
  if ((SCORES as readonly string[]).includes(row)) return { ...draft, [row]: fresh[row as ScoreKey] };
  return { ...draft, subIndicators: { ...draft.subIndicators, [row]: fresh.subIndicators[row as SettableSubIndicator] } };
}

/** Each group's maximum and their total, as the server's groupSums gives them (a disabled row adds nothing). */
export function maxima(settings: IndicatorSettings): { groups: Record<IndexGroupKey, number>; total: number } {
  const groups = groupSums(settings);
  const total = Object.values(groups).reduce((sum, v) => Math.round((sum + (Number.isFinite(v) ? v : 0)) * 100) / 100, 0);
  return { groups, total };
}

/** The input a field path names (as checkIndicatorSettings and the API's `body.settings.<path>` write it). */
export const fieldKey = (path: string) => path.replace(/^body\./, '').replace(/^settings\./, '');

/**
 * Field messages by field key: the server's issues of the last save (`body.settings.<path>`) and, first, those the
 * current inputs break (the same rules, checked here at once). `thresholdText` words a threshold error in percent.
 */
export function fieldMessages(
  settings: IndicatorSettings,
  serverIssues: readonly SettingsIssue[],
  language: 'vi' | 'en',
  thresholdText: string,
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of [...checkIndicatorSettings(settings), ...serverIssues]) {
    const key = fieldKey(issue.path);
    byField[key] ??= issue.rule === 'range_0_1' ? thresholdText : language === 'en' ? issue.messageEn : issue.message;
  }
  return byField;
}
