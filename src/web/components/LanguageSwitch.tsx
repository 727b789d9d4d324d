// Switches between Vietnamese and English; the button is labelled in the language it switches to.
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = currentLanguage(i18n.language) === 'vi' ? 'en' : 'vi';
  return (
    <Button variant="white" size="compact-md" lang={next} aria-label={t('language.switchLabel')} onClick={() => void i18n.changeLanguage(next)}>
      {t('language.switchTo')}
    </Button>
  );
}
