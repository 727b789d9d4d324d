// Dates, money and durations in the reader's language; times always in Vietnam time (UTC+7), whatever the device says.
import type { TFunction } from 'i18next';
import type { ChannelOption } from './api.ts';
import type { Language } from './i18n/i18n.ts';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "thứ Hai, 30/11/2026" / "Monday 30 November 2026". */
export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, weekday: 'long', day: '2-digit', month: language === 'vi' ? '2-digit' : 'long', year: 'numeric' }).format(new Date(iso));
}

/** "17:00, thứ Hai, 30/11/2026". */
export function formatDateTime(iso: string, language: Language, t: TFunction): string {
  const time = new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
  return t('format.dateTime', { time, date: formatDate(iso, language) });
}

export function formatMoney(amountVnd: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amountVnd);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** "5 ngày làm việc"; the catalogue's own wording when it has no unit we know. */
export function formatDuration(duration: ChannelOption['duration'], language: Language, t: TFunction): string | null {
  if (!duration) return null;
  const value = formatNumber(duration.value, language);
  if (duration.unit) return t('duration.value', { value, unit: t(`duration.${duration.unit}`) });
  return t('duration.value', { value, unit: duration.text ?? t('duration.noUnit') });
}
