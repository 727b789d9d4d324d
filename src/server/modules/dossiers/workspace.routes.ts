// HTTP for the officer workspace around dossiers: whom a leader may assign, the inbox tabs' counts, Form 05's
// hand-offs as data for the timeline, and one action on several dossiers (returning results by post).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { ErrorResponse, Uuid } from '../../http/schemas.ts';
import { requireViewer, type Viewer } from '../../http/session.ts';
import { stepProgress } from '../forms/control-forms.ts';
import { loadFormCalendar, loadFormData } from '../forms/form-data.ts';
import { listAssignees } from './assignees.ts';
import { applyBulkAction, BULK_ACTION_TYPES } from './bulk-actions.ts';
import { effectiveRoles } from './dossier-access.ts';
import { presentDossier } from './dossiers.present.ts';
import { countInbox } from './inbox-counts.ts';

const requireOfficer = (viewer: Viewer) => {
  if (viewer.kind !== 'officer') throw new AppError('FORBIDDEN', 'Chỉ cán bộ mới dùng được chức năng này.', 'Only officers may use this.');
  return viewer;
};

export function workspaceRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const now = () => deps.clock.now().getTime();
  return async (app) => {
    app.get(
      '/dossiers/:id/assignees',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'The officers the dossier may be assigned to now (handlers of its competent agency), for those who may assign',
          params: Type.Object({ id: Uuid }),
          response: {
            200: Type.Object({
              items: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String(), username: Type.String() })),
              assigneeId: Type.Union([Type.String(), Type.Null()]),
            }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { items, assigneeId } = await listAssignees(deps.db, requireViewer(request), request.params.id);
        return { items, assigneeId };
      },
    );

    app.get(
      '/dossiers/inbox-counts',
      {
        schema: {
          tags: ['dossiers'],
          summary: "How many dossiers each inbox tab holds for the signed-in officer (due today / overdue by the legal clock's day in Vietnam)",
          response: {
            200: Type.Record(Type.String(), Type.Integer()),
            401: ErrorResponse,
            403: ErrorResponse,
          },
        },
      },
      async (request) => ({ ...(await countInbox(deps.db, requireOfficer(requireViewer(request)), now())) }),
    );

    app.get(
      '/dossiers/:id/steps',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Form 05 as data: each hand-off (workflow step visit) with who, when, its budget, due time, working time spent and result',
          params: Type.Object({ id: Uuid }),
          response: {
            200: Type.Unknown(),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => {
        const data = await loadFormData(deps, requireOfficer(requireViewer(request)), request.params.id);
        const steps = data.dossier.receivedAt ? stepProgress(data, await loadFormCalendar(data), now()) : [];
        return {
          items: steps.map((step) => ({
            key: step.key,
            name: step.name,
            role: step.role,
            budget: step.budget,
            actorName: step.actorName,
            startedAt: formatVietnamIso(step.startedAt),
            endedAt: step.endedAt === null ? null : formatVietnamIso(step.endedAt),
            dueAt: formatVietnamIso(step.dueAt),
            spentMinutes: Math.floor(step.spentMs / 60_000),
            result: step.result,
          })),
        };
      },
    );

    app.post(
      '/dossiers/bulk-actions',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'One action on several dossiers, each in its own transaction with its own requestId and version; the answer gives every outcome',
          body: Type.Object(
            {
              type: Type.Enum(BULK_ACTION_TYPES),
              items: Type.Array(
                Type.Object(
                  {
                    dossierId: Uuid,
                    requestId: Type.String({ minLength: 8, maxLength: 100 }),
                    version: Type.Integer({ minimum: 1 }),
                    fields: Type.Record(Type.String(), Type.Unknown()),
                  },
                  { additionalProperties: false },
                ),
                { minItems: 1, maxItems: 50 },
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Unknown(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => {
        const viewer = requireOfficer(requireViewer(request));
        const ids = request.body.items.map((item) => item.dossierId);
        const twice = ids.findIndex((id, index) => ids.indexOf(id) !== index);
        if (twice >= 0)
          throw AppError.invalidInput([
            {
              path: `body.items.${twice}.dossierId`,
              rule: 'unique',
              message: 'hồ sơ đã có trong danh sách',
              messageEn: 'the dossier is listed twice',
            },
          ]);
        const outcomes = await applyBulkAction(deps, viewer, request.body.type, request.body.items);
        const at = now();
        return {
          items: outcomes.map((outcome) =>
            outcome.ok
              ? {
                  dossierId: outcome.dossierId,
                  ok: true,
                  replayed: outcome.replayed,
                  dossier: presentDossier(outcome.dossier, effectiveRoles(viewer, outcome.dossier), at),
                }
              : outcome,
          ),
        };
      },
    );
  };
}
