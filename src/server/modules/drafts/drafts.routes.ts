// HTTP: a citizen's saved e-forms (drafts): list, read, create, save with optimistic concurrency (a stale version is
// 409 `stale_version`), delete. Only the owner sees a draft; anyone else gets 404. Filing from a draft is
// POST /api/dossiers followed by DELETE of the draft (docs/WORKFLOW.md, "Drafts").
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import type { Deps } from '../../deps.ts';
import { procedures } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { ErrorResponse, Uuid } from '../../http/schemas.ts';
import { requireViewer, type Viewer } from '../../http/session.ts';
import { deleteDraft, findDraft, insertDraft, listDrafts, updateDraft, type DraftListRow, type DraftRow } from './drafts.queries.ts';

/** Largest e-form kept as a draft (its JSON text): applicant fields and file ids, never file contents. */
export const DRAFT_MAX_CHARS = 100_000;

const DraftData = Type.Record(Type.String(), Type.Unknown(), { description: "The e-form as the web app keeps it (applicant, components with uploaded file ids, the filing's requestId)" });

const present = (draft: DraftRow | DraftListRow) => ({
  id: draft.id,
  procedureId: draft.procedureId,
  ...('procedure' in draft ? { procedure: draft.procedure } : {}),
  data: draft.data,
  version: draft.version,
  createdAt: formatVietnamIso(draft.createdAt.getTime()),
  updatedAt: formatVietnamIso(draft.updatedAt.getTime()),
});

const notFound = (id: string) => AppError.notFound('bản nháp', 'Draft', id);

function requireCitizen(viewer: Viewer): Viewer {
  if (viewer.kind !== 'citizen') throw new AppError('FORBIDDEN', 'Chỉ công dân lưu được bản nháp hồ sơ.', 'Only citizens keep drafts.', { rule: 'citizen_only' });
  return viewer;
}

function checkSize(data: unknown): void {
  if (JSON.stringify(data).length > DRAFT_MAX_CHARS) {
    throw AppError.invalidInput([{ path: 'body.data', rule: 'max_size', message: `bản nháp dài quá ${DRAFT_MAX_CHARS} ký tự`, messageEn: `the draft is longer than ${DRAFT_MAX_CHARS} characters` }]);
  }
}

export function draftsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const now = () => deps.clock.now();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  return async (app) => {
    app.get(
      '/drafts',
      { schema: { tags: ['dossiers'], summary: "The signed-in citizen's drafts, last saved first", response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors } } },
      async (request) => {
        const viewer = requireCitizen(requireViewer(request));
        return { items: (await listDrafts(deps.db, viewer.userId)).map(present) };
      },
    );

    app.get(
      '/drafts/:id',
      { schema: { tags: ['dossiers'], summary: 'One of my drafts (others get 404)', params: Type.Object({ id: Uuid }), response: { 200: Type.Unknown(), ...errors } } },
      async (request) => {
        const viewer = requireCitizen(requireViewer(request));
        const draft = await findDraft(deps.db, viewer.userId, request.params.id);
        if (!draft) throw notFound(request.params.id);
        return present(draft);
      },
    );

    app.post(
      '/drafts',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Start a draft of an online dossier for a procedure',
          body: Type.Object({ procedureId: Uuid, data: DraftData }, { additionalProperties: false }),
          response: { 201: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const viewer = requireCitizen(requireViewer(request));
        checkSize(request.body.data);
        const [procedure] = await deps.db.select({ id: procedures.id }).from(procedures).where(eq(procedures.id, request.body.procedureId));
        if (!procedure) throw AppError.invalidInput([{ path: 'body.procedureId', rule: 'exists', message: 'không có thủ tục này', messageEn: 'no such procedure' }]);
        const draft = await insertDraft(deps.db, { ownerId: viewer.userId, procedureId: procedure.id, data: request.body.data, at: now() });
        return reply.status(201).send(present(draft));
      },
    );

    app.put(
      '/drafts/:id',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Save a draft; version = the version read (stale → 409 with details.rule "stale_version")',
          params: Type.Object({ id: Uuid }),
          body: Type.Object({ data: DraftData, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
          response: { 200: Type.Unknown(), ...errors, 409: ErrorResponse },
        },
      },
      async (request) => {
        const viewer = requireCitizen(requireViewer(request));
        checkSize(request.body.data);
        const { id } = request.params;
        return deps.db.transaction(async (tx) => {
          const saved = await updateDraft(tx, viewer.userId, id, request.body.version, request.body.data, now());
          if (saved) return present(saved);
          const current = await findDraft(tx, viewer.userId, id);
          if (!current) throw notFound(id);
          throw new AppError('CONFLICT', 'Bản nháp đã được lưu ở nơi khác; hãy tải lại trước khi lưu.', 'The draft was saved elsewhere; reload it before saving.', {
            rule: 'stale_version',
            currentVersion: current.version,
          });
        });
      },
    );

    app.delete(
      '/drafts/:id',
      { schema: { tags: ['dossiers'], summary: 'Delete one of my drafts (after filing it, or to give it up)', params: Type.Object({ id: Uuid }), response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        const viewer = requireCitizen(requireViewer(request));
        if (!(await deleteDraft(deps.db, viewer.userId, request.params.id))) throw notFound(request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
