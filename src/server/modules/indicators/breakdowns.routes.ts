// HTTP: the dashboards' breakdowns of the indicators of [from, to) — by agency, by procedure of one agency, by field,
// by month, and the late dossiers behind the figures — within the viewer's scope (as GET /api/indicators), for one
// agency or one administrative unit (`unitCode`) where the endpoint takes them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { ErrorResponse } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { lateDossiers } from './breakdowns-late.ts';
import { byField } from './breakdowns-field.ts';
import { byAgency, byProcedure, trend } from './breakdowns.ts';

const Count = Type.Integer();
const Rate = Type.Union([Type.Number(), Type.Null()]);
const LocalDate = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description: 'A Vietnam date, YYYY-MM-DD',
});
const Period = {
  from: LocalDate,
  to: { ...LocalDate, description: 'The first day after the period (exclusive)' },
};
const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const Head = {
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  asOf: Type.String({ description: 'Figures as of the start of this day' }),
};

const Figures = {
  form: Type.Object({
    received: Type.Object({ total: Count, online: Count, inPersonOrPost: Count, carriedOver: Count }),
    resolved: Type.Object({ total: Count, early: Count, onTime: Count, late: Count }),
    pending: Type.Object({ total: Count, withinDeadline: Count, overdue: Count }),
  }),
  onTime: Type.Object({
    numerator: Count,
    denominator: Count,
    rate: Rate,
    points: Rate,
    maxPoints: Type.Number(),
  }),
  averageProcessingHours: Rate,
  onlineShare: Rate,
  eResultShare: Rate,
};
const Named = { code: Type.Union([Type.String(), Type.Null()]), name: Type.String() };
const UnitCode = Type.String({
  pattern: '^[0-9]{2,5}$',
  description:
    'An administrative unit (statistics-office code): its agencies, those of the units below it, and of old units merged into it',
});
const AgencyId = Type.String({ format: 'uuid' });
/** The period for the viewer's whole scope, or narrowed to one agency or one unit. */
const ScopedPeriod = Type.Object({ agencyId: Type.Optional(AgencyId), unitCode: Type.Optional(UnitCode), ...Period });
/** The unit asked for, as it stood on the last day counted (as GET /api/indicators). */
const Unit = Type.Optional(
  Type.Object({
    code: Type.String(),
    name: Type.String(),
    level: Type.String(),
    partialPredecessors: Type.Array(Type.String()),
  }),
);

export function breakdownsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/indicators/by-agency',
      {
        schema: {
          tags: ['indicators'],
          summary:
            'The indicators of [from, to) per agency the viewer may see (or of one unit, with a figure), best 2.1 on-time rate first (N/A last)',
          querystring: Type.Object({ unitCode: Type.Optional(UnitCode), ...Period }),
          response: {
            200: Type.Object({
              ...Head,
              unit: Unit,
              items: Type.Array(Type.Object({ agencyId: Type.String(), ...Named, ...Figures })),
            }),
            ...Errors,
          },
        },
      },
      async (request) => byAgency(deps, requireViewer(request), request.query),
    );

    app.get(
      '/indicators/by-procedure',
      {
        schema: {
          tags: ['indicators'],
          summary:
            'The indicators of [from, to) per procedure of one agency, best 2.1 on-time rate first (N/A last)',
          querystring: Type.Object({ agencyId: Type.String({ format: 'uuid' }), ...Period }),
          response: {
            200: Type.Object({
              ...Head,
              agencyId: Type.String(),
              items: Type.Array(Type.Object({ procedureId: Type.String(), ...Named, ...Figures })),
            }),
            ...Errors,
          },
        },
      },
      async (request) => byProcedure(deps, requireViewer(request), request.query),
    );

    app.get(
      '/indicators/by-field',
      {
        schema: {
          tags: ['indicators'],
          summary:
            'The indicators of [from, to) per field (lĩnh vực) of the procedures, for the scope, one agency or one unit, best 2.1 on-time rate first (N/A last)',
          querystring: ScopedPeriod,
          response: {
            200: Type.Object({
              ...Head,
              unit: Unit,
              items: Type.Array(
                Type.Object({
                  field: Type.Union([Type.String(), Type.Null()], {
                    description: 'The field as the catalogue names it; null for procedures without one',
                  }),
                  name: Type.String(),
                  ...Figures,
                }),
              ),
            }),
            ...Errors,
          },
        },
      },
      async (request) => byField(deps, requireViewer(request), request.query),
    );

    app.get(
      '/indicators/trend',
      {
        schema: {
          tags: ['indicators'],
          summary:
            'One point per month of [from, to) up to the report instant: received, resolved, 2.1 on-time rate, online share',
          querystring: ScopedPeriod,
          response: {
            200: Type.Object({
              ...Head,
              agencyIds: Type.Union([Type.Literal('all'), Type.Array(Type.String())]),
              unit: Unit,
              points: Type.Array(
                Type.Object({
                  month: Type.String(),
                  from: Type.String(),
                  to: Type.String(),
                  received: Count,
                  resolved: Count,
                  late: Count,
                  onTimeRate: Rate,
                  onlineShare: Rate,
                }),
              ),
            }),
            ...Errors,
          },
        },
      },
      async (request) => trend(deps, requireViewer(request), request.query),
    );

    app.get(
      '/indicators/late-dossiers',
      {
        schema: {
          tags: ['indicators'],
          summary:
            'The dossiers of one agency resolved late in [from, to) or open and overdue at the report instant (legal deadline)',
          querystring: Type.Object({
            agencyId: Type.String({ format: 'uuid' }),
            procedureId: Type.Optional(Type.String({ format: 'uuid' })),
            ...Period,
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          }),
          response: {
            200: Type.Object({
              ...Head,
              agencyId: Type.String(),
              total: Count,
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  code: Type.Union([Type.String(), Type.Null()]),
                  procedure: Type.Object({ id: Type.String(), ...Named }),
                  receivedAt: Type.String(),
                  dueAt: Type.Union([Type.String(), Type.Null()]),
                  finishedAt: Type.Union([Type.String(), Type.Null()]),
                  status: Type.String(),
                  kind: Type.Union([Type.Literal('resolved_late'), Type.Literal('open_overdue')]),
                }),
              ),
            }),
            ...Errors,
          },
        },
      },
      async (request) => lateDossiers(deps, requireViewer(request), request.query),
    );
  };
}
