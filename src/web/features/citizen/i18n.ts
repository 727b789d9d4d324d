// The citizen account's texts (Vietnamese, the reference, and English with the same keys), merged into
// the app's dictionaries under `citizen.`.
import type { Shape } from '../../i18n/shape.ts';

export const citizenVi = {
  title: 'Hồ sơ của tôi',
};

export const citizenEn = {
  title: 'My dossiers',
} satisfies Shape<typeof citizenVi>;
