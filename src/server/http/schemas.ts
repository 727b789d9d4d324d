// Reusable TypeBox pieces for routes.
import { Type } from 'typebox';
import { ISO_DATE_PATTERN } from '../../shared/units.ts';

export const IsoDate = Type.String({
  pattern: ISO_DATE_PATTERN,
  description: 'Calendar date YYYY-MM-DD (Vietnam)',
  examples: ['2025-08-01'],
});
export const Uuid = Type.String({ format: 'uuid' });
export const UnitCode = Type.String({
  pattern: '^\\d{2,5}$',
  description: 'Statistics-office code of a unit',
});

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    messageEn: Type.String(),
    details: Type.Optional(Type.Unknown()),
    requestId: Type.String(),
  }),
});

export const Page = Type.Integer({ minimum: 1, maximum: 100_000, default: 1 });
export const PageSize = Type.Integer({ minimum: 1, maximum: 100, default: 20 });
