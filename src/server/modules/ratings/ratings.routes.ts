// HTTP: The applicant's rating of the service once the result is ready. (Being built for issue #5.)
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';

export function ratingsRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async () => {};
}
