// HTTP: search and read the procedure catalogue.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CHANNELS, DURATION_UNITS, ONLINE_LEVELS, PROCEDURE_LEVELS } from '../../../shared/procedures.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { ErrorResponse, Page, PageSize, Uuid } from '../../http/schemas.ts';
import { presentProcedure } from './procedures.present.ts';
import {
  findProcedure,
  listChannelOptions,
  listFields,
  listProcedureAgencies,
  searchProcedures,
} from './procedures.queries.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const ProcedureItem = Type.Object({
  id: Type.String(),
  code: Nullable(Type.String()),
  name: Type.String(),
  field: Nullable(Type.String()),
  levels: Type.Array(Type.String()),
  onlineLevel: Nullable(Type.String()),
  onlineLevelOld: Nullable(Type.Integer()),
  source: Type.String(),
});

const ChannelOption = Type.Object({
  channel: Type.Enum(CHANNELS),
  duration: Nullable(
    Type.Object({
      value: Type.Number(),
      unit: Nullable(Type.Enum(DURATION_UNITS)),
      text: Nullable(Type.String()),
    }),
  ),
  fee: Type.Object({
    text: Nullable(Type.String()),
    amountsVnd: Type.Array(Type.Number()),
    isFree: Type.Boolean(),
  }),
  note: Nullable(Type.String()),
});

const ProcedureDetail = Type.Object({
  id: Type.String(),
  code: Nullable(Type.String()),
  source: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  field: Nullable(Type.String()),
  levels: Type.Array(Type.String()),
  managingMinistry: Nullable(Type.String()),
  decision: Nullable(Type.String()),
  procedureType: Nullable(Type.String()),
  applicantTypes: Type.Array(Type.String()),
  competentAgency: Nullable(Type.String()),
  implementingAgency: Nullable(Type.String()),
  coordinatingAgency: Nullable(Type.String()),
  steps: Nullable(Type.String()),
  components: Type.Array(Type.Object({ name: Type.String(), quantity: Nullable(Type.String()) })),
  dossierText: Nullable(Type.String()),
  conditions: Nullable(Type.String()),
  result: Nullable(Type.String()),
  legalBasis: Nullable(Type.String()),
  forms: Nullable(Type.String()),
  onlineLevel: Nullable(Type.String()),
  onlineLevelOld: Nullable(Type.Integer()),
  sourceUrl: Nullable(Type.String()),
  channels: Type.Array(ChannelOption),
  variants: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      isDefault: Type.Boolean(),
      channels: Type.Array(ChannelOption),
    }),
  ),
  agencies: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      code: Nullable(Type.String()),
      type: Type.String(),
      unitCode: Type.String(),
      role: Type.String(),
    }),
  ),
  agencyCount: Type.Integer({ description: 'All agencies implementing it; `agencies` lists the first 50' }),
});

export function proceduresRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/procedures',
      {
        schema: {
          tags: ['procedures'],
          summary: 'Search the procedure catalogue (diacritics and case ignored), best match first',
          querystring: Type.Object({
            q: Type.Optional(
              Type.String({
                maxLength: 200,
                description: 'Words to find in the code, name or field, e.g. "dang ky khai sinh"',
              }),
            ),
            field: Type.Optional(Type.String({ maxLength: 200 })),
            level: Type.Optional(Type.Enum(PROCEDURE_LEVELS)),
            agency: Type.Optional(Uuid),
            onlineLevel: Type.Optional(Type.Enum(ONLINE_LEVELS)),
            onlineLevelOld: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
            page: Type.Optional(Page),
            pageSize: Type.Optional(PageSize),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(ProcedureItem),
              total: Type.Integer(),
              page: Type.Integer(),
              pageSize: Type.Integer(),
            }),
            400: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { q, field, level, agency, onlineLevel, onlineLevelOld } = request.query;
        const page = request.query.page ?? 1;
        const pageSize = request.query.pageSize ?? 20;
        const result = await searchProcedures(deps.db, {
          q,
          field,
          level,
          agencyId: agency,
          onlineLevel,
          onlineLevelOld,
          page,
          pageSize,
        });
        return { ...result, page, pageSize };
      },
    );

    app.get(
      '/procedures/fields',
      {
        schema: {
          tags: ['procedures'],
          summary: 'Fields (lĩnh vực) of the catalogue with their procedure counts',
          response: {
            200: Type.Object({
              items: Type.Array(Type.Object({ field: Type.String(), count: Type.Integer() })),
            }),
          },
        },
      },
      async () => ({ items: await listFields(deps.db) }),
    );

    app.get(
      '/procedures/:id',
      {
        schema: {
          tags: ['procedures'],
          summary: 'One procedure (current version) with channels, durations, fees, components and variants',
          params: Type.Object({ id: Uuid }),
          response: { 200: ProcedureDetail, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const row = await findProcedure(deps.db, request.params.id);
        if (!row) throw AppError.notFound('thủ tục hành chính', 'Procedure', request.params.id);
        const [options, agencies] = await Promise.all([
          listChannelOptions(deps.db, row.versionId),
          listProcedureAgencies(deps.db, row.id),
        ]);
        return presentProcedure(row, options, agencies);
      },
    );
  };
}
