// HTTP: Administration: officers and their roles per agency, account state, catalogue import jobs with progress.
// Thin: parse → authorise (admin-access.ts) → use case → present.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OFFICER_ROLES, type OfficerRole } from '../../../shared/dossiers/actions.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { ErrorResponse, Uuid } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { findAgency, listAgencies } from '../agencies/agencies.queries.ts';
import { presentAgency } from '../agencies/agencies.routes.ts';
import { administeredAgencies, grantableRoles, isProvinceAdmin, requireAgencyAdmin, requireAnyAdministrator } from './admin-access.ts';
import { presentJob, presentOfficer } from './admin.present.ts';
import { grantRole, revokeRole } from './change-role.ts';
import { createOfficer } from './create-officer.ts';
import { setOfficerDisabled } from './disable-officer.ts';
import { CATALOGUE_IMPORT, startCatalogueImport } from './import-catalogue.ts';
import { getJob, listRecentJobs } from './jobs.queries.ts';
import { countOfficersByAgency, listAgencyOfficers } from './officers.queries.ts';

const tags = ['admin'];
const Role = Type.Enum(OFFICER_ROLES);
const Officer = Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String(), disabled: Type.Boolean(), roles: Type.Array(Type.String({ description: 'Roles in the agency of the request' })) });
const Changed = Type.Object({ officer: Officer, changed: Type.Boolean({ description: 'False when nothing had to change (idempotent)' }) });
const Job = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.Enum(['queued', 'running', 'succeeded', 'failed']),
  total: Type.Union([Type.Integer(), Type.Null()]),
  done: Type.Integer(),
  input: Type.Unknown(),
  summary: Type.Unknown({ description: 'When succeeded: records, added, updated, unchanged, rejected, warnings, rejections[{line, reason}]' }),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
const AgencyParams = Type.Object({ agencyId: Uuid });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function adminRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/admin/agencies',
      {
        schema: {
          tags,
          summary: 'The agencies the viewer administers (all for a province administrator), by name without diacritics',
          querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }),
          response: { 200: Type.Object({ items: Type.Array(Type.Object({ agency: Type.Unknown(), officerCount: Type.Integer() })) }), ...errors },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        requireAnyAdministrator(viewer);
        const scope = administeredAgencies(viewer);
        const rows = (await listAgencies(deps.db, { q: request.query.q })).filter((a) => scope === 'all' || scope.includes(a.id));
        const counts = await countOfficersByAgency(deps.db, scope);
        return { items: rows.map((row) => ({ agency: presentAgency(row), officerCount: counts.get(row.id) ?? 0 })) };
      },
    );

    app.get(
      '/admin/agencies/:agencyId/officers',
      {
        schema: {
          tags,
          summary: 'Officers with a role in the agency and those roles; `q` matches name or username, diacritics ignored',
          params: AgencyParams,
          querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }),
          response: {
            200: Type.Object({
              agency: Type.Unknown(),
              canGrantProvinceAdmin: Type.Boolean(),
              grantableRoles: Type.Array(Role, { description: 'The roles the viewer may grant here (province-wide ones only for a province administrator; province_leader only at the province People’s Committee)' }),
              items: Type.Array(Officer),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        requireAgencyAdmin(viewer, request.params.agencyId);
        const agency = await findAgency(deps.db, request.params.agencyId);
        if (!agency) throw AppError.notFound('cơ quan', 'Agency', request.params.agencyId);
        const rows = await listAgencyOfficers(deps.db, agency.id, request.query.q);
        return { agency: presentAgency(agency), canGrantProvinceAdmin: isProvinceAdmin(viewer), grantableRoles: grantableRoles(viewer, agency.type), items: rows.map(presentOfficer) };
      },
    );

    app.post(
      '/admin/officers',
      {
        schema: {
          tags,
          summary: 'Create an officer account with an initial password and a first role in an agency',
          body: Type.Object(
            {
              username: Type.String({ minLength: 3, maxLength: 50 }),
              displayName: Type.String({ minLength: 1, maxLength: 200 }),
              password: Type.String({ minLength: 10, maxLength: 200 }),
              agencyId: Uuid,
              role: Role,
            },
            { additionalProperties: false },
          ),
          response: { 201: Officer, ...errors },
        },
      },
      async (request, reply) => {
        const officer = await createOfficer(deps, requireViewer(request), { ...request.body, role: request.body.role as OfficerRole });
        return reply.status(201).send(presentOfficer(officer));
      },
    );

    app.post(
      '/admin/agencies/:agencyId/roles',
      {
        schema: {
          tags,
          summary: 'Grant a role in the agency to an officer (by id or username); granting a held role changes nothing',
          params: AgencyParams,
          body: Type.Object({ userId: Type.Optional(Uuid), username: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), role: Role }, { additionalProperties: false }),
          response: { 200: Changed, ...errors },
        },
      },
      async (request) => {
        const { userId, username, role } = request.body;
        if (!userId && !username) throw AppError.invalidInput([{ path: 'body.username', rule: 'required', message: 'bắt buộc phải có', messageEn: 'is required' }]);
        const result = await grantRole(deps, requireViewer(request), {
          agencyId: request.params.agencyId,
          officer: userId ? { id: userId } : { username: username as string },
          role: role as OfficerRole,
        });
        return { officer: presentOfficer(result.officer), changed: result.changed };
      },
    );

    app.delete(
      '/admin/agencies/:agencyId/roles/:userId/:role',
      {
        schema: {
          tags,
          summary: 'Revoke a role in the agency (revoking a missing role changes nothing; the last province administrator stays)',
          params: Type.Object({ agencyId: Uuid, userId: Uuid, role: Role }),
          response: { 200: Changed, ...errors },
        },
      },
      async (request) => {
        const { agencyId, userId, role } = request.params;
        const result = await revokeRole(deps, requireViewer(request), { agencyId, userId, role: role as OfficerRole });
        return { officer: presentOfficer(result.officer), changed: result.changed };
      },
    );

    app.post(
      '/admin/agencies/:agencyId/officers/:userId/account',
      {
        schema: {
          tags,
          summary: 'Disable an officer account (it cannot sign in; its sessions end) or enable it again',
          params: Type.Object({ agencyId: Uuid, userId: Uuid }),
          body: Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: Changed, ...errors },
        },
      },
      async (request) => {
        const result = await setOfficerDisabled(deps, requireViewer(request), { ...request.params, disabled: request.body.disabled });
        return { officer: presentOfficer(result.officer), changed: result.changed };
      },
    );

    app.post(
      '/admin/imports/procedures',
      {
        bodyLimit: 24 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Upload a procedure catalogue (JSONL of the national export, one procedure per line); starts an import job',
          body: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }), content: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
          response: { 202: Job, ...errors },
        },
      },
      async (request, reply) => reply.status(202).send(presentJob(await startCatalogueImport(deps, requireViewer(request), request.body))),
    );

    app.get(
      '/admin/jobs',
      {
        schema: { tags, summary: 'The latest catalogue import jobs', response: { 200: Type.Object({ items: Type.Array(Job) }), ...errors } },
      },
      async (request) => {
        const viewer = requireViewer(request);
        requireAnyAdministrator(viewer);
        return { items: (await listRecentJobs(deps.db, CATALOGUE_IMPORT)).map(presentJob) };
      },
    );

    app.get(
      '/admin/jobs/:id',
      {
        schema: { tags, summary: 'One job: status, progress (done / total) and, at the end, its summary', params: Type.Object({ id: Uuid }), response: { 200: Job, ...errors } },
      },
      async (request) => {
        const viewer = requireViewer(request);
        requireAnyAdministrator(viewer);
        return presentJob(await getJob(deps.db, request.params.id));
      },
    );
  };
}
