// The answer of GET/PUT /api/indicator-settings: a province's 766 settings as the indicators use them, its own changes
// over the defaults and what they add up to. Built by the server's settings store, read by the administration page.
import type { IndexGroupKey } from './index766-types.ts';
import type { IndicatorSettings, ProvinceIndicatorSettings } from './settings.ts';

export interface IndicatorSettingsView {
  provinceCode: string;
  /** 0 while the province uses the defaults. */
  version: number;
  /** What the indicators use: the province's changes over the defaults. */
  settings: IndicatorSettings;
  /** The province's own changes, as stored. */
  overrides: ProvinceIndicatorSettings;
  /** Each group's maximum and the total under these settings (§12.3 has 18, 20, 12, 10, 22, 18 = 100). */
  groupSums: Record<IndexGroupKey, number>;
  totalPoints: number;
}
