// HTTP: agencies (cơ quan, đơn vị) by administrative unit.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { ErrorResponse, UnitCode, Uuid } from '../../http/schemas.ts';
import { findAgency, listAgencies, type AgencyRow } from './agencies.queries.ts';

const Agency = Type.Object({
  id: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  isCodePlaceholder: Type.Boolean({
    description: 'True while the code is a demo placeholder, not the official identifier',
  }),
  name: Type.String(),
  type: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  unitCode: Type.String(),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  validTo: Type.Union([Type.String(), Type.Null()]),
});

export function presentAgency(row: AgencyRow) {
  return {
    id: row.id,
    code: row.code,
    isCodePlaceholder: row.isCodePlaceholder,
    name: row.name,
    type: row.type,
    parentId: row.parentId,
    unitCode: row.unitCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

export function agenciesRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/agencies',
      {
        schema: {
          tags: ['agencies'],
          summary:
            'Agencies serving an administrative unit, optionally filtered by name (diacritics ignored)',
          querystring: Type.Object({
            unit: Type.Optional(UnitCode),
            q: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          response: { 200: Type.Object({ items: Type.Array(Agency) }), 400: ErrorResponse },
        },
      },
      async (request) => {
        const rows = await listAgencies(deps.db, { unitCode: request.query.unit, q: request.query.q });
        return { items: rows.map(presentAgency) };
      },
    );

    app.get(
      '/agencies/:id',
      {
        schema: {
          tags: ['agencies'],
          summary: 'One agency',
          params: Type.Object({ id: Uuid }),
          response: { 200: Agency, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const row = await findAgency(deps.db, request.params.id);
        if (!row) throw AppError.notFound('cơ quan', 'Agency', request.params.id);
        return presentAgency(row);
      },
    );
  };
}
