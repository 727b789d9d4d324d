// Settings of the indicators (issue #6): how endings count, and the 766 timeliness scoring. Each default follows
// ../shared/REGULATIONS.md §7.3–7.4 and §12.3–12.4; the ones marked UNCERTAIN there are settings so a province can
// follow its own reading (docs/INDICATORS.md).
import type { ActionType } from '../dossiers/actions.ts';

export interface IndicatorSettings {
  /**
   * Form II.06a: dossiers ended by these actions count as resolved on time whatever the date ("including those
   * returned or withdrawn", §12.4). UNCERTAIN which endings "returned" covers.
   */
  legalOnTimeEndings: ActionType[];
  /** The same for the 766 index (2.1). UNCERTAIN: S-766F does not say; default the same as the form. */
  indexOnTimeEndings: ActionType[];
  /** 766 sub-indicator 2.1: its points, and the threshold T (null: points = rate × points, §12.3 "no threshold"). */
  timeliness: { points: number; threshold: number | null };
  /** Rates are rounded to this many decimals (§12.3 period handling: 2). */
  rateDecimals: number;
}

export const DEFAULT_INDICATOR_SETTINGS: IndicatorSettings = {
  legalOnTimeEndings: ['withdraw', 'refuse', 'close_unsupplemented'],
  indexOnTimeEndings: ['withdraw', 'refuse', 'close_unsupplemented'],
  timeliness: { points: 20, threshold: null },
  rateDecimals: 2,
};
