// HTTP: GET /api/indicators?agencyId=&from=&to= — form II.06a, the 766 on-time rate 2.1 and the whole 766 index of a
// period for the viewer's agencies (officers: the agencies they work in; province administrators: all), scored with
// the viewer's province's settings; and GET/PUT /api/indicator-settings (settings.routes.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { ErrorResponse } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { onlineLevelsForViewer, OnlineLevelsResponse } from './online-levels.routes.ts';
import { periodIndicators } from './period-indicators.ts';
import { indicatorSettingsRoutes } from './settings.routes.ts';

const Count = Type.Integer();
const Rate = Type.Union([Type.Number(), Type.Null()]);
const LocalDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'A Vietnam date, YYYY-MM-DD' });

const Group = Type.Union([
  Type.Literal('transparency'),
  Type.Literal('timeliness'),
  Type.Literal('online_service'),
  Type.Literal('online_payment'),
  Type.Literal('digitisation'),
  Type.Literal('satisfaction'),
]);
const SubIndicator = Type.Object({
  id: Type.String({ description: "The code of S-766F ('2.1', '3.3', '5.4'), or 'full_process' / 'e_copy' for the two §12.3 lists without one" }),
  group: Group,
  numerator: Rate,
  denominator: Rate,
  rate: Type.Union([Type.Number(), Type.Null()], { description: 'Percent, rounded; for 2.2 the average in working hours' }),
  threshold: Type.Union([Type.Number(), Type.Null()], { description: 'T as a fraction: full points at or above it, else rate × points ÷ T; null: rate × points' }),
  points: Rate,
  maxPoints: Type.Number(),
  scored: Type.Boolean({ description: 'False for 2.2 (display only)' }),
  gap: Type.Union([Type.Literal('no_denominator'), Type.Literal('no_source'), Type.Null()], {
    description: 'no_denominator: nothing to measure in the period (N/A); no_source: the data does not exist in this system yet (left out of the measured maximum)',
  }),
});
const Index766Schema = Type.Object(
  {
    groups: Type.Array(Type.Object({ group: Group, maxPoints: Type.Number(), points: Rate, measuredMaxPoints: Type.Number(), subIndicators: Type.Array(SubIndicator) })),
    points: Rate,
    maxPoints: Type.Number(),
    measuredMaxPoints: Type.Number(),
    score: Type.Union([Type.Number(), Type.Null()], { description: 'Points ÷ measured maximum, in percent: what the band is judged on' }),
    band: Type.Union([Type.Literal('excellent'), Type.Literal('good'), Type.Literal('fair'), Type.Literal('average'), Type.Literal('weak'), Type.Null()]),
  },
  { description: 'The national service index of QĐ 766 (six groups), scored with the viewer’s province’s settings' },
);

const Response = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  asOf: Type.String({ description: 'Figures as of the start of this day: the period end, or today for a running period' }),
  agencyIds: Type.Union([Type.Literal('all'), Type.Array(Type.String())]),
  unit: Type.Optional(
    Type.Object(
      { code: Type.String(), name: Type.String(), level: Type.String(), partialPredecessors: Type.Array(Type.String(), { description: 'Old units merged in part, counted whole here' }) },
      { description: 'The administrative unit asked for (unitCode), as it stood on the last day counted' },
    ),
  ),
  form: Type.Object({
    received: Type.Object({ total: Count, online: Count, inPersonOrPost: Count, carriedOver: Count }),
    resolved: Type.Object({ total: Count, early: Count, onTime: Count, late: Count }),
    pending: Type.Object({ total: Count, withinDeadline: Count, overdue: Count }),
  }),
  onTime: Type.Object({ numerator: Count, denominator: Count, rate: Rate, points: Rate, maxPoints: Type.Number() }),
  averageProcessingHours: Rate,
  onlineShare: Rate,
  eResultShare: Rate,
  index766: Index766Schema,
  satisfaction: Type.Object(
    {
      ratings: Count,
      satisfied: Count,
      share: Type.Union([Type.Number(), Type.Null()], { description: 'Satisfied ÷ ratings, percent; null without ratings' }),
      averageScore: Type.Union([Type.Number(), Type.Null()], { description: 'Mean score 1–5, one decimal; null without ratings' }),
    },
    { description: 'Ratings given in the period to dossiers of these agencies; satisfied: at or above the setting satisfiedMinScore (default 4)' },
  ),
});

export function indicatorsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(indicatorSettingsRoutes(deps));
    app.get(
      '/indicators',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Form II.06a, the 766 on-time rate (2.1) and the whole 766 index of [from, to) for one agency or all the viewer may see',
          querystring: Type.Object({
            agencyId: Type.Optional(Type.String({ format: 'uuid' })),
            unitCode: Type.Optional(
              Type.String({ pattern: '^[0-9]{2,5}$', description: 'An administrative unit (statistics-office code): its agencies, those of the units below it, and of old units merged into it' }),
            ),
            from: LocalDate,
            to: { ...LocalDate, description: 'The first day after the period (exclusive)' },
          }),
          response: { 200: Response, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => periodIndicators(deps, requireViewer(request), request.query),
    );
    app.get(
      '/indicators/online-levels',
      {
        schema: {
          tags: ['indicators'],
          summary: 'The procedures of one agency, one administrative unit or all the viewer may see, by online level (old 1–4 and full / partial), as the catalogue stands now',
          querystring: Type.Object({
            agencyId: Type.Optional(Type.String({ format: 'uuid' })),
            unitCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,5}$', description: 'An administrative unit, as for GET /api/indicators' })),
          }),
          response: { 200: OnlineLevelsResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => onlineLevelsForViewer(deps, requireViewer(request), request.query),
    );
  };
}
