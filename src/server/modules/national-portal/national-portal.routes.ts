// HTTP for the national portal (DVCQG): it forwards dossiers filed there. Partner token, the portal's own field
// names, and its reply shape { error_code, message } ("0" = success) for answers and errors alike.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError } from 'fastify';
import { Type } from 'typebox';
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import type { Deps } from '../../deps.ts';
import { AppError, ERROR_STATUS, type FieldIssue } from '../../errors.ts';
import { toFieldIssues, type AjvIssue } from '../../http/error-handler.ts';
import { requireBearerToken } from '../../http/partner-auth.ts';
import { DvcqgDossier } from './dvcqg-payload.ts';
import { receivePortalDossier } from './receive-portal-dossier.ts';

const DvcqgReply = Type.Object({
  error_code: Type.String({ description: '"0" = success; "-1" = refused (see code, field and message)' }),
  message: Type.String({ description: 'Vietnamese; for a refusal it starts with the DVCQG field' }),
  message_en: Type.Optional(Type.String()),
  MaHoSo: Type.Optional(Type.String()),
  dossierId: Type.Optional(Type.String({ format: 'uuid' })),
  acceptanceDueAt: Type.Optional(Type.String({ description: 'When the desk must have accepted or refused it (ISO-8601, Vietnam time)' })),
  code: Type.Optional(Type.String({ description: 'Our error code: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN…' })),
  field: Type.Optional(Type.String({ description: 'The DVCQG field at fault, e.g. MaTTHC or TaiLieuNop.0.DuongDanTaiTepTin' })),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), rule: Type.String(), message: Type.String(), message_en: Type.String() }))),
  requestId: Type.Optional(Type.String()),
});

/** A refusal in the portal's shape: every problem with the portal's field path (no "body." prefix). */
function refusal(error: AppError, requestId: string) {
  const issues = (error.details.issues ?? []).map((i: FieldIssue) => ({ ...i, path: i.path.replace(/^body\.?/, '') }));
  const first = issues[0];
  return {
    error_code: '-1',
    message: first ? `${first.path}: ${first.message}` : error.message,
    message_en: first ? `${first.path}: ${first.messageEn}` : error.messageEn,
    code: error.code,
    ...(first ? { field: first.path, errors: issues.map((i) => ({ field: i.path, rule: i.rule, message: i.message, message_en: i.messageEn })) } : {}),
    requestId,
  };
}

export function nationalPortalRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      let appError: AppError;
      if (error instanceof AppError) appError = error;
      else if ('validation' in error && Array.isArray(error.validation)) appError = AppError.invalidInput(toFieldIssues('body', error.validation as AjvIssue[]));
      else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
        return reply.status(error.statusCode).send(refusal(new AppError('INVALID_INPUT', 'Yêu cầu không hợp lệ.', error.message), request.id));
      } else {
        request.log.error({ err: error, requestId: request.id }, 'unhandled error');
        return reply.status(500).send({ error_code: '-1', message: 'Hệ thống gặp lỗi. Vui lòng thử lại sau.', message_en: 'Something went wrong. Please try again later.', requestId: request.id });
      }
      return reply.status(ERROR_STATUS[appError.code]).send(refusal(appError, request.id));
    });

    app.post(
      '/integration/dvcqg/dossiers',
      {
        // Checked before the body is even read: unknown callers learn nothing about validation.
        onRequest: requireBearerToken(deps.config.dvcqgInboundToken, 'DVCQG_INBOUND_TOKEN'),
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags: ['integration'],
          summary: 'The national portal (DVCQG) forwards a dossier filed there (Authorization: Bearer DVCQG_INBOUND_TOKEN); the same MaHoSo again returns the same dossier',
          body: DvcqgDossier,
          response: { 200: DvcqgReply, 400: DvcqgReply, 401: DvcqgReply, 403: DvcqgReply, 409: DvcqgReply },
        },
      },
      async (request, reply) => {
        const { dossier, replayed } = await receivePortalDossier(deps, request.body);
        if (replayed) reply.header('idempotent-replay', 'true');
        // Only what never changes, so that a repeated delivery gets exactly the first answer.
        return {
          error_code: '0',
          message: 'Đã nhận hồ sơ; bộ phận một cửa sẽ tiếp nhận hoặc từ chối trong 8 giờ làm việc.',
          message_en: 'Dossier received; the one-stop desk accepts or refuses it within 8 working hours.',
          MaHoSo: request.body.MaHoSo.trim(),
          dossierId: dossier.id,
          ...(dossier.acceptanceDueAt ? { acceptanceDueAt: formatVietnamIso(dossier.acceptanceDueAt.getTime()) } : {}),
        };
      },
    );
  };
}
