// Guards the endpoints other systems call (the national portal today) with a bearer token from the config.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * A preHandler that accepts only `Authorization: Bearer <token>`. No token configured means the endpoint is
 * disabled (FORBIDDEN); a missing or wrong token is UNAUTHENTICATED. `variable` names the setting in messages.
 */
export function requireBearerToken(token: string | undefined, variable: string) {
  const expected = token ? digest(token) : undefined;
  return async (request: FastifyRequest) => {
    if (!expected) {
      throw new AppError('FORBIDDEN', `Chức năng kết nối này chưa được bật (${variable}).`, `This integration is disabled (set ${variable}).`);
    }
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? digest(header.slice(7)) : undefined;
    if (!given || !timingSafeEqual(given, expected)) {
      throw new AppError('UNAUTHENTICATED', 'Mã xác thực của hệ thống kết nối không đúng.', 'Wrong or missing partner token (Authorization: Bearer …).');
    }
  };
}
