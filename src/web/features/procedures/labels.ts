// Labels of catalogue vocabulary: level and channel names come from src/shared, in both languages.
import type { TFunction } from 'i18next';
import { CHANNEL_LABELS, LEVEL_LABELS, type Channel, type ProcedureLevel } from '../../../shared/procedures.ts';
import type { ProcedureItem } from '../../api.ts';
import { pick } from '../../i18n/i18n.ts';

export const levelLabel = (level: ProcedureLevel, language: string) => pick(LEVEL_LABELS[level], language);
export const channelLabel = (channel: Channel, language: string) => pick(CHANNEL_LABELS[channel], language);

/** "Trực tuyến toàn trình", "Trực tuyến một phần", the old level 1–4, or null when the catalogue says nothing. */
export function onlineLabel(item: Pick<ProcedureItem, 'onlineLevel' | 'onlineLevelOld'>, t: TFunction): string | null {
  if (item.onlineLevel === 'full') return t('catalogue.onlineFull');
  if (item.onlineLevel === 'partial') return t('catalogue.onlinePartial');
  if (item.onlineLevelOld !== null) return t('catalogue.onlineOld', { level: item.onlineLevelOld });
  return null;
}
