// The administration's texts (Vietnamese, the reference, and English with the same keys), merged into
// the app's dictionaries under `admin.`.
import type { Shape } from '../../i18n/shape.ts';

export const adminVi = {
  title: 'Quản trị',
};

export const adminEn = {
  title: 'Administration',
} satisfies Shape<typeof adminVi>;
