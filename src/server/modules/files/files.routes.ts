// HTTP: upload one file (multipart, streamed) and download it again, for those who may read it.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { ErrorResponse, Uuid } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { findDossier } from '../dossiers/dossiers.queries.ts';
import { canReadFile } from './files.access.ts';
import { findFile, type FileRow } from './files.queries.ts';
import { ALLOWED_MEDIA_TYPES, uploadFile } from './upload-file.ts';

const UploadedFile = Type.Object({
  id: Uuid,
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
});

const present = (file: FileRow) => ({ id: file.id, name: file.name, mediaType: file.mediaType, size: file.size, sha256: file.sha256 });

const missingFile = () =>
  AppError.invalidInput([{ path: 'file', rule: 'required', message: 'cần gửi một tệp trong trường "file" (multipart/form-data)', messageEn: 'send one file in the multipart field "file"' }]);

/** Content-Disposition with the original name: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|[\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function filesRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Only this plugin's routes parse multipart bodies; busboy stops at one byte past the limit, which the file
    // store's own counter turns into a clean refusal.
    await app.register(fastifyMultipart, { limits: { fileSize: deps.config.uploadMaxBytes + 1, files: 1, fields: 10, parts: 11, fieldSize: 1000 } });
    // An answer given before the whole upload arrived (refused, too large, not signed in) closes the connection:
    // the rest of the body is not read, so the connection cannot carry another request.
    app.addHook('onSend', async (request, reply) => {
      if (!request.raw.complete) reply.header('connection', 'close');
    });

    app.post(
      '/files',
      {
        validatorCompiler: () => () => true,
        schema: {
          tags: ['files'],
          summary: `Upload one file (multipart field "file"); its type is read from the content: ${Object.values(ALLOWED_MEDIA_TYPES).join(', ')}`,
          consumes: ['multipart/form-data'],
          // For the OpenAPI document only: the multipart body is read as a stream by the handler, not validated here.
          body: Type.Object({ file: Type.String({ format: 'binary', description: 'The file (one)' }) }),
          response: { 201: UploadedFile, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        if (!request.isMultipart()) throw missingFile();
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          part?.file.resume();
          throw missingFile();
        }
        const file = await uploadFile(deps, viewer.userId, { name: part.filename, content: part.file });
        return reply.status(201).send(present(file));
      },
    );

    app.get(
      '/files/limits',
      {
        schema: {
          tags: ['files'],
          summary: 'What an upload may be: the largest size in bytes and the accepted types (so forms can check a file before sending it)',
          response: { 200: Type.Object({ maxBytes: Type.Integer(), mediaTypes: Type.Array(Type.Object({ mediaType: Type.String(), name: Type.String() })) }) },
        },
      },
      async () => ({ maxBytes: deps.config.uploadMaxBytes, mediaTypes: Object.entries(ALLOWED_MEDIA_TYPES).map(([mediaType, name]) => ({ mediaType, name })) }),
    );

    app.get(
      '/files/:id',
      {
        schema: {
          tags: ['files'],
          summary: 'Download a file: its uploader, or anyone who may see the dossier it is attached to (others get 404)',
          params: Type.Object({ id: Uuid }),
          response: { 200: Type.Unknown({ description: 'The content, with its detected media type' }), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const file = await findFile(deps.db, request.params.id);
        const dossier = file?.dossierId ? await findDossier(deps.db, file.dossierId) : undefined;
        if (!file || !canReadFile(viewer, file, dossier)) throw AppError.notFound('tệp', 'File', request.params.id);
        const content = await deps.fileStore.get(file.storageKey);
        if (!content) throw new Error(`The content of file ${file.id} is missing from the file store`);
        return reply
          .header('content-type', file.mediaType)
          .header('content-length', String(file.size))
          .header('content-disposition', contentDisposition(file.name))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "sandbox; default-src 'none'")
          .header('cache-control', 'private, no-store')
          .send(content);
      },
    );
  };
}
