// HTTP: the applicant's rating of the service once the result is ready (1–5 and a comment, once per dossier). The
// rating is shown on GET /api/dossiers/{id}.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { ErrorResponse, Uuid } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { presentRating, rateDossier } from './rate-dossier.ts';

const Rating = Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String() });

export function ratingsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/dossiers/:id/rating',
      {
        schema: {
          tags: ['dossiers'],
          summary: "Rate the service (the dossier's citizen, once the result is ready or returned; a second rating → 409 already_rated)",
          params: Type.Object({ id: Uuid }),
          body: Type.Object(
            { score: Type.Integer({ minimum: 1, maximum: 5, description: '1 (very unsatisfied) … 5 (very satisfied)' }), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
            { additionalProperties: false },
          ),
          response: { 201: Rating, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const rating = await rateDossier(deps, viewer, request.params.id, request.body);
        return reply.status(201).send(presentRating(rating));
      },
    );
  };
}
