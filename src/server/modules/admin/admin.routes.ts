// HTTP: Administration: officers and their roles per agency, catalogue import jobs with progress, settings. (Being built for issue #5.)
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';

export function adminRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async () => {};
}
