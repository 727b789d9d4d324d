// HTTP: file a dossier, read and list (scoped to the viewer), act on it, and the public tracking page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { DEADLINE_UNITS } from '../../../shared/calendar/deadlines.ts';
import { ACTION_TYPES } from '../../../shared/dossiers/actions.ts';
import { DOSSIER_STATUSES } from '../../../shared/dossiers/statuses.ts';
import type { Deps } from '../../deps.ts';
import { procedureVersions } from '../../db/schema.ts';
import { ErrorResponse, Page, PageSize, Uuid } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { acceptanceClocks } from './acceptance-clock.ts';
import { applyDossierAction } from './apply-action.ts';
import { createDossier } from './create-dossier.ts';
import { canSee, dossierNotFound, effectiveRoles } from './dossier-access.ts';
import { presentAction, presentDossier, presentTask } from './dossiers.present.ts';
import { findDossier, listDossierActions, listDossiers, listDossierTasks, type DossierRow } from './dossiers.queries.ts';
import { DUE_FILTERS } from './inbox-filters.ts';
import { listResultFiles } from '../files/files.queries.ts';
import { presentRating } from '../ratings/rate-dossier.ts';
import { findRating } from '../ratings/ratings.queries.ts';
import { trackDossier } from './track-dossier.ts';

const Person = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    idNumber: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{6,20}$', description: 'Personal ID (CCCD) or passport number' })),
    phone: Type.Optional(Type.String({ pattern: '^[0-9+ ]{8,15}$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** A dossier component; `fileIds` are the caller's own uploads (POST /api/files), attached when the dossier is filed. */
export const Component = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 1000 }),
    quantity: Type.Optional(Type.String({ maxLength: 200 })),
    provided: Type.Boolean(),
    fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, description: 'Ids of files uploaded with POST /api/files' })),
  },
  { additionalProperties: false },
);

const RequestId = Type.String({ minLength: 8, maxLength: 100, description: 'Client-made unique id: retrying with it returns the first result' });

export function dossiersRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const now = () => deps.clock.now().getTime();
  // Procedure versions never change, so their names can be kept in memory.
  const procedureNames = new Map<string, { code: string | null; name: string }>();
  const procedureOf = async (dossier: DossierRow) => {
    const cached = procedureNames.get(dossier.procedureVersionId);
    if (cached) return cached;
    const [version] = await deps.db.select({ code: procedureVersions.nationalCode, name: procedureVersions.name }).from(procedureVersions).where(eq(procedureVersions.id, dossier.procedureVersionId));
    if (version) {
      if (procedureNames.size > 10_000) procedureNames.clear();
      procedureNames.set(dossier.procedureVersionId, version);
    }
    return version;
  };
  return async (app) => {
    app.post(
      '/dossiers',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'File a dossier: a citizen online (awaits acceptance), or the desk for a walk-in or postal dossier (received at once)',
          body: Type.Object(
            {
              requestId: RequestId,
              procedureId: Uuid,
              channel: Type.Enum(['in_person', 'online', 'post']),
              receivingAgencyId: Uuid,
              competentAgencyId: Type.Optional(Uuid),
              applicant: Person,
              owner: Type.Optional(Person),
              submitter: Type.Optional(Person),
              components: Type.Optional(Type.Array(Component, { maxItems: 100 })),
              feeLines: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 300 }), amountVnd: Type.Integer({ minimum: 0 }) }), { maxItems: 50 })),
              duration: Type.Optional(Type.Object({ value: Type.Number({ minimum: 0 }), unit: Type.Enum(DEADLINE_UNITS) })),
              postal: Type.Optional(Type.Object({ waybillNumber: Type.String({ minLength: 1, maxLength: 50 }) })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Unknown(), 201: Type.Unknown(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const { dossier, replayed } = await createDossier(deps, viewer, request.body);
        return reply.status(replayed ? 200 : 201).send(presentDossier(dossier, effectiveRoles(viewer, dossier), now(), await procedureOf(dossier)));
      },
    );

    app.get(
      '/dossiers',
      {
        schema: {
          tags: ['dossiers'],
          summary: "The viewer's dossiers: a citizen's own, an officer's agencies' (inbox and search), soonest deadline first, each with its procedure's code and name (officers: acceptanceWorkingMinutesLeft, the 8-working-hour countdown, negative once past)",
          querystring: Type.Object({
            status: Type.Optional(Type.Enum(DOSSIER_STATUSES)),
            q: Type.Optional(Type.String({ maxLength: 200, description: 'Code, applicant name or phone; diacritics ignored' })),
            assignedToMe: Type.Optional(Type.Boolean()),
            openTasks: Type.Optional(Type.Boolean({ description: "Only dossiers with a consultation or inter-agency task open for the viewer's agencies" })),
            due: Type.Optional(Type.Enum(DUE_FILTERS, { description: 'today: open dossiers whose current deadline (acceptance or appointment) is still ahead and falls today in Vietnam; overdue: already past it' })),
            page: Type.Optional(Page),
            pageSize: Type.Optional(PageSize),
          }),
          response: { 200: Type.Object({ items: Type.Array(Type.Unknown()), total: Type.Integer() }), 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const { status, q, assignedToMe, openTasks, due } = request.query;
        const result = await listDossiers(deps.db, {
          ...(viewer.kind === 'citizen' ? { citizenUserId: viewer.userId } : { agencyIds: [...new Set(viewer.grants.map((g) => g.agencyId))] }),
          status,
          q,
          assigneeId: assignedToMe ? viewer.userId : undefined,
          openTasksOf: openTasks && viewer.kind === 'officer' ? [...new Set(viewer.grants.map((g) => g.agencyId))] : undefined,
          due: due ? { kind: due, now: now() } : undefined,
          page: request.query.page ?? 1,
          pageSize: request.query.pageSize ?? 20,
        });
        const at = now();
        const acceptance = viewer.kind === 'officer' ? await acceptanceClocks(deps.db, result.items, at) : new Map<string, number>();
        const present = async (d: DossierRow) => ({ ...presentDossier(d, effectiveRoles(viewer, d), at, await procedureOf(d)), acceptanceWorkingMinutesLeft: acceptance.get(d.id) ?? null });
        return { items: await Promise.all(result.items.map(present)), total: result.total };
      },
    );

    app.get(
      '/dossiers/:id',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'One dossier with its full timeline, result documents (download with GET /api/files/{id}) and rating (only for those who may see it; others get 404)',
          params: Type.Object({ id: Uuid }),
          response: { 200: Type.Unknown(), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const dossier = await findDossier(deps.db, request.params.id);
        if (!dossier || !canSee(viewer, dossier)) throw dossierNotFound(request.params.id);
        const [actions, tasks, resultFiles, rating] = await Promise.all([
          listDossierActions(deps.db, dossier.id),
          viewer.kind === 'officer' ? listDossierTasks(deps.db, dossier.id) : [],
          listResultFiles(deps.db, dossier.id),
          findRating(deps.db, dossier.id),
        ]);
        const at = now();
        return {
          ...presentDossier(dossier, effectiveRoles(viewer, dossier), at, await procedureOf(dossier)),
          timeline: actions.map(presentAction),
          tasks: tasks.map((task) => presentTask(task, at)),
          resultFiles,
          rating: rating ? presentRating(rating) : null,
        };
      },
    );

    app.post(
      '/dossiers/:id/actions',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Act on a dossier. Fields by type are listed in docs/WORKFLOW.md; version = the version read (stale → 409)',
          params: Type.Object({ id: Uuid }),
          body: Type.Object({ type: Type.Enum(ACTION_TYPES), requestId: RequestId, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: true }),
          response: { 200: Type.Unknown(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const { type, requestId, version, ...fields } = request.body as { type: (typeof ACTION_TYPES)[number]; requestId: string; version: number } & Record<string, unknown>;
        const { dossier, replayed } = await applyDossierAction(deps, viewer, request.params.id, { type, requestId, version, fields });
        if (replayed) reply.header('idempotent-replay', 'true');
        return presentDossier(dossier, effectiveRoles(viewer, dossier), now(), await procedureOf(dossier));
      },
    );

    app.get(
      '/track/:code',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Public tracking: dossier code + last 4 digits of the applicant phone; what the law allows without login',
          params: Type.Object({ code: Type.String({ minLength: 5, maxLength: 60 }) }),
          querystring: Type.Object({ phone: Type.String({ pattern: '^\\d{4}$', description: 'Last four digits of the applicant phone' }) }),
          response: { 200: Type.Unknown(), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => trackDossier(deps, request.params.code, request.query.phone),
    );
  };
}
