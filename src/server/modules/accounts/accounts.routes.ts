// HTTP: sign in, sign out, who am I, citizen registration.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { ErrorResponse } from '../../http/schemas.ts';
import { requireViewer, SESSION_COOKIE, type Viewer } from '../../http/session.ts';
import { deleteSession, listRoleGrants } from './accounts.queries.ts';
import { login, registerCitizen } from './login.ts';

const Me = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  csrfToken: Type.String({ description: 'Send it back in the x-csrf-token header of every POST, PUT, PATCH and DELETE' }),
  roles: Type.Array(Type.Object({ agencyId: Type.String(), agencyName: Type.String(), agencyCode: Type.Union([Type.String(), Type.Null()]), unitCode: Type.String(), role: Type.String() })),
});

const presentMe = (viewer: Pick<Viewer, 'userId' | 'kind' | 'username' | 'displayName' | 'csrfToken' | 'grants'>) => ({
  id: viewer.userId,
  kind: viewer.kind,
  username: viewer.username,
  displayName: viewer.displayName,
  csrfToken: viewer.csrfToken,
  roles: viewer.grants,
});

export function accountsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const secure = deps.config.nodeEnv === 'production';
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token',
          body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
          response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request, reply) => {
        const session = await login(deps, request.body);
        // Max-Age, not Expires: the browser counts the session's lifetime from its own clock, so a client whose clock
        // differs from the server's (or a test server on a fixed date) does not drop the cookie at once. The server
        // still refuses the session after sessions.expires_at by its own clock.
        const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - deps.clock.now().getTime()) / 1000));
        reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
        const grants = session.user.kind === 'officer' ? await listRoleGrants(deps.db, session.user.id) : [];
        return presentMe({
          userId: session.user.id,
          kind: session.user.kind as Viewer['kind'],
          username: session.user.username,
          displayName: session.user.displayName,
          csrfToken: session.csrfToken,
          grants,
        });
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['accounts'], summary: 'Sign out (ends the session)', response: { 200: Type.Object({ ok: Type.Boolean() }), 401: ErrorResponse, 403: ErrorResponse } } },
      async (request, reply) => {
        const viewer = requireViewer(request);
        await deleteSession(deps.db, viewer.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    );

    app.get(
      '/auth/me',
      { schema: { tags: ['accounts'], summary: 'The signed-in user, roles and CSRF token', response: { 200: Me, 401: ErrorResponse } } },
      async (request) => presentMe(requireViewer(request)),
    );

    app.post(
      '/auth/register',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Register a citizen account (phone or e-mail and password)',
          body: Type.Object(
            { username: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ maxLength: 200 }), displayName: Type.String({ minLength: 1, maxLength: 200 }) },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ id: Type.String(), username: Type.String() }), 400: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const user = await registerCitizen(deps, request.body);
        return reply.status(201).send({ id: user.id, username: user.username });
      },
    );
  };
}
