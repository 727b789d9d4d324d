// HTTP: "if I file procedure X now, when is my appointment?" (the portal's preview of the legal clock).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DEADLINE_UNITS } from '../../../shared/calendar/deadlines.ts';
import { parseInstant } from '../../../shared/calendar/vietnam-time.ts';
import { CHANNELS } from '../../../shared/procedures.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { ErrorResponse, Uuid } from '../../http/schemas.ts';
import { previewDeadline } from './preview-deadline.ts';

export function deadlinesRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/deadlines/preview',
      {
        schema: {
          tags: ['calendars'],
          summary: 'When the clock starts and when the result is due, for a procedure (and channel) or a duration',
          body: Type.Object(
            {
              provinceCode: Type.String({ pattern: '^\\d{2}$' }),
              receivedAt: Type.String({ description: 'ISO-8601 with an offset, e.g. 2026-02-13T16:59:00+07:00' }),
              procedureId: Type.Optional(Uuid),
              channel: Type.Optional(Type.Enum(CHANNELS)),
              duration: Type.Optional(Type.Object({ value: Type.Number(), unit: Type.Enum(DEADLINE_UNITS) }, { additionalProperties: false })),
              requireConfirmed: Type.Optional(Type.Boolean({ description: 'Answer 409 instead of a provisional deadline' })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              startsAt: Type.String(),
              dueAt: Type.String(),
              provisional: Type.Boolean({ description: 'A year involved has no confirmed calendar: computed from the rules' }),
              duration: Type.Object({ value: Type.Number(), unit: Type.String() }),
            }),
            400: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request) => {
        const receivedAt = parseInstant(request.body.receivedAt);
        if (receivedAt === undefined) {
          throw AppError.invalidInput([
            {
              path: 'body.receivedAt',
              rule: 'instant',
              message: 'phải là thời điểm ISO-8601 có múi giờ, vd 2026-02-13T16:59:00+07:00',
              messageEn: 'must be an ISO-8601 instant with an offset, e.g. 2026-02-13T16:59:00+07:00',
            },
          ]);
        }
        return previewDeadline(deps, { ...request.body, receivedAt });
      },
    );
  };
}
