// i18next set-up: Vietnamese first, English on request; the choice is remembered and sets <html lang>.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { vi } from './vi.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'motcua.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Starts i18next synchronously (the dictionaries are bundled) and keeps <html lang> in step with it. */
export function setUpI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'vi',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private browsing may refuse storage: the choice then lasts for this page only.
    }
  });
}

/** The current language, narrowed to the two the app has. */
export function currentLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'vi';
}

/** Picks the reader's language from a { vi, en } label of src/shared (statuses, levels, channels). */
export function pick(label: { vi: string; en: string }, language: string): string {
  return label[currentLanguage(language)];
}
