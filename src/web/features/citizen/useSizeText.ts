// A file size in megabytes, in the reader's language ("1,5 MB").
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

export function useSizeText() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (bytes: number) => {
    const megabytes = bytes / (1024 * 1024);
    const rounded = megabytes >= 0.1 ? Math.round(megabytes * 10) / 10 : Math.max(0.01, Math.round(megabytes * 100) / 100);
    return t('citizen.sizeMb', { size: formatNumber(rounded, language) });
  };
}
