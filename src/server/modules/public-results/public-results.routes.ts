// HTTP: the public per-agency results of a year (GET /api/public/agency-results?year=) and the procedures by online
// level (GET /api/public/online-services), no sign-in, no personal data.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import type { Deps } from '../../deps.ts';
import { ErrorResponse } from '../../http/schemas.ts';
import { onlineLevels } from '../indicators/online-levels.ts';
import { OnlineLevelsResponse } from '../indicators/online-levels.routes.ts';
import { agencyResults } from './agency-results.ts';

const Count = Type.Integer({ minimum: 0 });
const AgencyResult = Type.Object({
  agency: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  received: Count,
  finished: Count,
  early: Count,
  onTime: Count,
  late: Count,
  open: Count,
  overdue: Count,
  onTimeRate: Type.Union([Type.Number(), Type.Null()], { description: '(early + on time) ÷ finished, percent; null when nothing finished' }),
});

export function publicResultsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/public/agency-results',
      {
        schema: {
          tags: ['public'],
          summary: "Per agency: dossiers received in the year, finished early / on time / late, open and overdue (Vietnam dates)",
          querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Default: the current year in Vietnam' })) }),
          response: { 200: Type.Object({ year: Type.Integer(), items: Type.Array(AgencyResult) }), 400: ErrorResponse },
        },
      },
      async (request) => {
        const year = request.query.year ?? Number(formatVietnamIso(deps.clock.now().getTime()).slice(0, 4));
        return { year, items: await agencyResults(deps, year) };
      },
    );
    app.get(
      '/public/online-services',
      {
        schema: {
          tags: ['public'],
          summary: 'Every agency’s procedures by online level (old 1–4, full-process / partial), as the catalogue stands now; no personal data',
          response: { 200: OnlineLevelsResponse },
        },
      },
      async () => onlineLevels(deps.db, 'all'),
    );
  };
}
