// Typed keys: t('home.title') is checked against the Vietnamese dictionary at compile time.
import 'i18next';
import type { vi } from './vi.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
