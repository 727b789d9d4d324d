// Builds the HTTP app from its dependencies: OpenAPI, error handling, API routes and the web pages.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from './deps.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerSessions } from './http/session.ts';
import { registerWeb } from './http/web.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { agenciesRoutes } from './modules/agencies/agencies.routes.ts';
import { calendarsRoutes } from './modules/calendars/calendars.routes.ts';
import { deadlinesRoutes } from './modules/calendars/deadlines.routes.ts';
import { dossiersRoutes } from './modules/dossiers/dossiers.routes.ts';
import { workspaceRoutes } from './modules/dossiers/workspace.routes.ts';
import { draftsRoutes } from './modules/drafts/drafts.routes.ts';
import { filesRoutes } from './modules/files/files.routes.ts';
import { formsRoutes } from './modules/forms/forms.routes.ts';
import { nationalPortalRoutes } from './modules/national-portal/national-portal.routes.ts';
import { workflowsRoutes } from './modules/workflows/workflows.routes.ts';
import { proceduresRoutes } from './modules/procedures/procedures.routes.ts';
import { publicResultsRoutes } from './modules/public-results/public-results.routes.ts';
import { breakdownsRoutes } from './modules/indicators/breakdowns.routes.ts';
import { indicatorsRoutes } from './modules/indicators/indicators.routes.ts';
import { report06aRoutes } from './modules/indicators/report-06a.routes.ts';
import { ratingsRoutes } from './modules/ratings/ratings.routes.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';

export async function createApp(deps: Deps) {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    genReqId: () => crypto.randomUUID(),
    // Report every invalid field at once, not only the first.
    ajv: { customOptions: { allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'motcua API',
        version: '0.1.0',
        description: 'Một cửa: administrative procedures of a Vietnamese province',
      },
      tags: [
        { name: 'system', description: 'Health' },
        { name: 'accounts', description: 'Tài khoản: sign in, sessions' },
        { name: 'dossiers', description: 'Hồ sơ: filing, processing, tracking' },
        { name: 'files', description: 'Tệp đính kèm: uploads of dossier components' },
        { name: 'integration', description: 'Kết nối: other systems (the national portal DVCQG), partner token' },
        { name: 'procedures', description: 'Thủ tục hành chính: procedure catalogue' },
        { name: 'units', description: 'Đơn vị hành chính: administrative units as a dated hierarchy' },
        { name: 'agencies', description: 'Cơ quan, đơn vị: agencies' },
        { name: 'calendars', description: 'Lịch làm việc và thời hạn: working calendars and the legal clock' },
      ],
      // Administration routes declare `security: [{ bearerAuth: [] }]`; without the scheme the document fails to build.
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      await registerSessions(api, deps);
      await api.register(accountsRoutes(deps));
      api.get(
        '/health',
        {
          schema: {
            tags: ['system'],
            summary: 'Ready once migrations and the seed are done',
            response: { 200: Type.Object({ status: Type.Literal('ok') }) },
          },
        },
        async () => ({ status: 'ok' as const }),
      );
      await api.register(proceduresRoutes(deps));
      await api.register(unitsRoutes(deps));
      await api.register(agenciesRoutes(deps));
      await api.register(calendarsRoutes(deps));
      await api.register(deadlinesRoutes(deps));
      await api.register(dossiersRoutes(deps));
      await api.register(workspaceRoutes(deps));
      await api.register(filesRoutes(deps));
      await api.register(nationalPortalRoutes(deps));
      await api.register(formsRoutes(deps));
      await api.register(workflowsRoutes(deps));
      await api.register(draftsRoutes(deps));
      await api.register(ratingsRoutes(deps));
      await api.register(adminRoutes(deps));
      await api.register(publicResultsRoutes(deps));
      await api.register(indicatorsRoutes(deps));
      await api.register(breakdownsRoutes(deps));
      await api.register(report06aRoutes(deps));
    },
    { prefix: '/api' },
  );

  await registerWeb(app, deps);
  return app;
}
