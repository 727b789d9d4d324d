// HTTP: administrative units as of a date, and their successors / predecessors across reorganisations.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isValidIsoDate } from '../../../shared/units.ts';
import { vietnamToday, type Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { ErrorResponse, IsoDate, UnitCode } from '../../http/schemas.ts';
import { listSuccessions, listUnitsAsOf, listUnitVersions } from './units.queries.ts';

const Unit = Type.Object({
  code: Type.String(),
  name: Type.String(),
  fullName: Type.String(),
  type: Type.String(),
  typeName: Type.String(),
  level: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
});

const SuccessionItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  fullName: Type.String(),
  type: Type.String(),
  level: Type.String(),
  mergeType: Type.String(),
  effectiveOn: Type.String(),
  fromCode: Type.String(),
  fromValidFrom: Type.String(),
});

function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && !isValidIsoDate(value)) {
    throw AppError.invalidInput([
      {
        path: field,
        rule: 'date',
        message: 'phải là ngày hợp lệ dạng YYYY-MM-DD',
        messageEn: 'must be a real date YYYY-MM-DD',
      },
    ]);
  }
}

export function unitsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/units',
      {
        schema: {
          tags: ['units'],
          summary: 'Administrative units as of a date: provinces, or the children of a unit',
          querystring: Type.Object({
            date: Type.Optional(IsoDate),
            parent: Type.Optional(UnitCode),
          }),
          response: {
            200: Type.Object({ date: Type.String(), items: Type.Array(Unit) }),
            400: ErrorResponse,
          },
        },
      },
      async (request) => {
        checkDate(request.query.date, 'query.date');
        const date = request.query.date ?? vietnamToday(deps.clock);
        return { date, items: await listUnitsAsOf(deps.db, date, request.query.parent) };
      },
    );

    for (const direction of ['successors', 'predecessors'] as const) {
      app.get(
        `/units/:code/${direction}`,
        {
          schema: {
            tags: ['units'],
            summary:
              direction === 'successors'
                ? 'Units an old unit became after a reorganisation (full or partial)'
                : 'Units a new unit was formed from (full or partial)',
            params: Type.Object({ code: UnitCode }),
            querystring: Type.Object({ date: Type.Optional(IsoDate) }),
            response: {
              200: Type.Object({ items: Type.Array(SuccessionItem) }),
              400: ErrorResponse,
              404: ErrorResponse,
            },
          },
        },
        async (request) => {
          checkDate(request.query.date, 'query.date');
          const rows = await listSuccessions(deps.db, request.params.code, direction, request.query.date);
          if (rows.length === 0 && (await listUnitVersions(deps.db, request.params.code)).length === 0) {
            throw AppError.notFound('đơn vị hành chính', 'Administrative unit', request.params.code);
          }
          return { items: rows };
        },
      );
    }
  };
}
