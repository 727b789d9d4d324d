// Sessions: the cookie's token identifies the viewer on every request; state-changing requests made with the
// cookie must echo the session's CSRF token in `x-csrf-token` (synchronizer token pattern).
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OfficerRole, Role } from '../../shared/dossiers/actions.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { findLiveSession, type RoleGrant } from '../modules/accounts/accounts.queries.ts';
import { hashToken } from '../modules/accounts/login.ts';

export const SESSION_COOKIE = 'motcua_session';

export interface Viewer {
  userId: string;
  kind: 'officer' | 'citizen';
  username: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
  grants: RoleGrant[];
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/register']);

export async function registerSessions(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('viewer', null);
  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await findLiveSession(deps.db, hashToken(token), deps.clock.now());
    if (!found || found.disabled) return;
    request.viewer = {
      userId: found.userId,
      kind: found.kind,
      username: found.username,
      displayName: found.displayName,
      sessionId: found.sessionId,
      csrfToken: found.csrfToken,
      grants: found.kind === 'officer' ? found.grants : [],
    };
    const path = request.routeOptions.url ?? request.url;
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path) && request.headers['x-csrf-token'] !== found.csrfToken) {
      throw new AppError('FORBIDDEN', 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF).', 'Missing or wrong CSRF token (x-csrf-token).', { rule: 'csrf' });
    }
  });
}

/** The signed-in viewer, or UNAUTHENTICATED. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.', 'Please sign in.');
  return request.viewer;
}

/** The roles a viewer holds in an agency (a citizen is always 'citizen'). */
export function rolesIn(viewer: Viewer, agencyId: string | null): Role[] {
  if (viewer.kind === 'citizen') return ['citizen'];
  return viewer.grants.filter((g) => g.agencyId === agencyId).map((g) => g.role as OfficerRole);
}
