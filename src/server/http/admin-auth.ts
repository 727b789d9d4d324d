// Guards the administration API with a bearer token until officer accounts and roles arrive (issue #4).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** A preHandler that accepts a signed-in province administrator or `Authorization: Bearer <ADMIN_API_TOKEN>`. */
export function requireAdmin(token: string | undefined) {
  const expected = token ? digest(token) : undefined;
  return async (request: FastifyRequest) => {
    if (request.viewer?.grants.some((g) => g.role === 'province_admin')) return;
    if (!expected) {
      throw new AppError('FORBIDDEN', 'Chức năng quản trị chưa được bật (ADMIN_API_TOKEN).', 'The administration API is disabled (set ADMIN_API_TOKEN).');
    }
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? digest(header.slice(7)) : undefined;
    if (!given || !timingSafeEqual(given, expected)) {
      throw new AppError('UNAUTHENTICATED', 'Cần đăng nhập quản trị.', 'Administrator authentication required.');
    }
  };
}
