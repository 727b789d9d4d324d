// HTTP: A citizen's saved e-forms (drafts): list, save with optimistic concurrency, delete. (Being built for issue #5.)
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';

export function draftsRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async () => {};
}
