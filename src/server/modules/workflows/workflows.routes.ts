// HTTP: a procedure's internal workflow: read the one in force (or the default), save a new validated version.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { requireAdmin } from '../../http/admin-auth.ts';
import { ErrorResponse, Uuid } from '../../http/schemas.ts';
import { legalDuration } from '../dossiers/receipt.ts';
import { findProcedure } from '../procedures/procedures.queries.ts';
import { saveWorkflow } from './save-workflow.ts';
import { workflowFor } from './resolve-workflow.ts';
import { latestWorkflowVersion } from './workflows.queries.ts';

const Step = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 50 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.Enum(['desk', 'handler', 'leader', 'clerk']),
    agency: Type.Union([
      Type.Object({ kind: Type.Literal('receiving') }),
      Type.Object({ kind: Type.Literal('competent') }),
      Type.Object({ kind: Type.Literal('agency'), agencyId: Uuid }),
    ]),
    budget: Type.Object({ value: Type.Number(), unit: Type.Enum(['working_hours', 'working_days']) }),
    nationalStatus: Type.Integer({ minimum: 1, maximum: 10 }),
    next: Type.Optional(Type.Array(Type.String(), { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export function workflowsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/procedures/:id/workflow',
      {
        schema: {
          tags: ['procedures'],
          summary: 'The internal workflow in force for a procedure (the default one until an administrator saves one)',
          params: Type.Object({ id: Uuid }),
          querystring: Type.Object({ provinceCode: Type.Optional(Type.String({ pattern: '^\\d{2}$', default: '01' })) }),
          response: {
            200: Type.Object({ version: Type.Integer({ description: '0 = the default workflow' }), isDefault: Type.Boolean(), steps: Type.Array(Step) }),
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => {
        const procedure = await findProcedure(deps.db, request.params.id);
        if (!procedure) throw AppError.notFound('thủ tục hành chính', 'Procedure', request.params.id);
        const duration = await legalDuration(deps.db, { procedureVersionId: procedure.versionId, channel: 'in_person' }).catch(() => undefined);
        if (!duration) {
          const version = await latestWorkflowVersion(deps.db, procedure.id);
          if (version === 0) {
            throw new AppError('CONFLICT', 'Thủ tục chưa có thời hạn giải quyết nên chưa có quy trình mặc định.', 'The procedure has no legal duration, so no default workflow.', { rule: 'duration_unknown' });
          }
        }
        const resolved = await workflowFor(deps.db, {
          procedureId: procedure.id,
          provinceCode: request.query.provinceCode ?? '01',
          duration: duration ?? { value: 0, unit: 'working_hours' },
          at: deps.clock.now().getTime(),
        });
        return { version: resolved.version ?? 0, isDefault: resolved.version === null, steps: resolved.steps };
      },
    );

    app.put(
      '/procedures/:id/workflow',
      {
        preHandler: requireAdmin(deps.config.adminApiToken),
        schema: {
          tags: ['procedures'],
          summary: 'Save a new version of the workflow (validated: reachable steps, no loop, budgets within the legal duration)',
          security: [{ bearerAuth: [] }],
          params: Type.Object({ id: Uuid }),
          body: Type.Object(
            {
              provinceCode: Type.String({ pattern: '^\\d{2}$' }),
              steps: Type.Array(Step, { minItems: 1, maxItems: 30 }),
              expectedVersion: Type.Integer({ minimum: 0, description: 'The version read (0 = none saved yet)' }),
              actor: Type.String({ minLength: 1, maxLength: 200 }),
              note: Type.Optional(Type.String({ maxLength: 2000 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ version: Type.Integer(), steps: Type.Array(Step) }), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => saveWorkflow(deps, { procedureId: request.params.id, ...request.body, steps: request.body.steps as WorkflowStep[] }),
    );
  };
}
