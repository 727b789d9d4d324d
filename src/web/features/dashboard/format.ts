// The dashboard's number texts: rates as "92,5 %" or "N/A" (a zero denominator), counts in the reader's language.
import type { TFunction } from 'i18next';
import { formatNumber } from '../../format.ts';
import type { Language } from '../../i18n/i18n.ts';

export function rateText(rate: number | null, language: Language, t: TFunction): string {
  return rate === null ? t('dashboard.na') : t('dashboard.percent', { value: formatNumber(rate, language) });
}
