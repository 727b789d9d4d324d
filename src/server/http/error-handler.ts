// Maps every error to one JSON shape: { error: { code, message, messageEn, details, requestId } }.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ERROR_STATUS, type FieldIssue } from '../errors.ts';

export interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Vietnamese and English wording of a JSON-schema rule, for validation errors at the HTTP edge. */
function describeRule(issue: AjvIssue): { message: string; messageEn: string } {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return { message: 'bắt buộc phải có', messageEn: 'is required' };
    case 'type':
      return { message: `phải có kiểu ${String(p.type)}`, messageEn: `must be of type ${String(p.type)}` };
    case 'minimum':
      return {
        message: `phải lớn hơn hoặc bằng ${String(p.limit)}`,
        messageEn: `must be >= ${String(p.limit)}`,
      };
    case 'maximum':
      return {
        message: `phải nhỏ hơn hoặc bằng ${String(p.limit)}`,
        messageEn: `must be <= ${String(p.limit)}`,
      };
    case 'minLength':
      return {
        message: `phải có ít nhất ${String(p.limit)} ký tự`,
        messageEn: `must have at least ${String(p.limit)} characters`,
      };
    case 'maxLength':
      return {
        message: `không được dài quá ${String(p.limit)} ký tự`,
        messageEn: `must have at most ${String(p.limit)} characters`,
      };
    case 'pattern':
      return { message: 'không đúng định dạng', messageEn: `must match ${String(p.pattern)}` };
    case 'format':
      return {
        message: `phải đúng định dạng ${String(p.format)}`,
        messageEn: `must be a valid ${String(p.format)}`,
      };
    case 'enum':
    case 'anyOf':
      return { message: 'không thuộc các giá trị cho phép', messageEn: 'is not one of the allowed values' };
    case 'additionalProperties':
      return {
        message: `không được có trường "${String(p.additionalProperty)}"`,
        messageEn: `must not have "${String(p.additionalProperty)}"`,
      };
    default:
      return { message: 'không hợp lệ', messageEn: issue.message ?? 'is invalid' };
  }
}

export function toFieldIssues(context: string | undefined, issues: AjvIssue[]): FieldIssue[] {
  const root = context === 'querystring' ? 'query' : (context ?? 'body');
  return issues.map((issue) => {
    const segments = issue.instancePath.split('/').filter(Boolean);
    if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
      segments.push(issue.params.missingProperty);
    }
    return { path: [root, ...segments].join('.'), rule: issue.keyword, ...describeRule(issue) };
  });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if ('validation' in error && Array.isArray(error.validation)) {
      appError = AppError.invalidInput(
        toFieldIssues(error.validationContext, error.validation as AjvIssue[]),
      );
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      const code =
        error.statusCode === 404 ? 'NOT_FOUND' : error.statusCode === 429 ? 'RATE_LIMITED' : 'INVALID_INPUT';
      appError = new AppError(code, 'Yêu cầu không hợp lệ.', error.message);
      return reply.status(error.statusCode).send(present(appError, request.id));
    } else {
      request.log.error({ err: error, requestId: request.id }, 'unhandled error');
      return reply.status(500).send({
        error: {
          code: 'INTERNAL',
          message: 'Hệ thống gặp lỗi. Vui lòng thử lại sau.',
          messageEn: 'Something went wrong. Please try again later.',
          requestId: request.id,
        },
      });
    }
    return reply.status(ERROR_STATUS[appError.code]).send(present(appError, request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    const error = new AppError(
      'NOT_FOUND',
      'Không tìm thấy đường dẫn.',
      `Route ${request.method} ${request.url} not found.`,
    );
    return reply.status(404).send(present(error, request.id));
  });
}

function present(error: AppError, requestId: string) {
  return {
    error: {
      code: error.code,
      message: error.message,
      messageEn: error.messageEn,
      details: error.details,
      requestId,
    },
  };
}
