// HTTP: GET /api/indicators?agencyId=&from=&to= — form II.06a and the 766 on-time rate 2.1 of a period for the
// viewer's agencies (officers: the agencies they work in; province administrators: all).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { ErrorResponse } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { periodIndicators } from './period-indicators.ts';

const Count = Type.Integer();
const Rate = Type.Union([Type.Number(), Type.Null()]);
const LocalDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'A Vietnam date, YYYY-MM-DD' });

const Response = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  asOf: Type.String({ description: 'Figures as of the start of this day: the period end, or today for a running period' }),
  agencyIds: Type.Union([Type.Literal('all'), Type.Array(Type.String())]),
  form: Type.Object({
    received: Type.Object({ total: Count, online: Count, inPersonOrPost: Count, carriedOver: Count }),
    resolved: Type.Object({ total: Count, early: Count, onTime: Count, late: Count }),
    pending: Type.Object({ total: Count, withinDeadline: Count, overdue: Count }),
  }),
  onTime: Type.Object({ numerator: Count, denominator: Count, rate: Rate, points: Rate, maxPoints: Type.Number() }),
  averageProcessingHours: Rate,
  onlineShare: Rate,
  eResultShare: Rate,
});

export function indicatorsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/indicators',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Form II.06a and the 766 on-time rate (2.1) of [from, to) for one agency or all the viewer may see',
          querystring: Type.Object({
            agencyId: Type.Optional(Type.String({ format: 'uuid' })),
            from: LocalDate,
            to: { ...LocalDate, description: 'The first day after the period (exclusive)' },
          }),
          response: { 200: Response, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => periodIndicators(deps, requireViewer(request), request.query),
    );
  };
}
