// Use case: a signed-in user uploads one file. The bytes are streamed into the file store (size limit enforced
// while streaming, SHA-256 computed on the way); the real type is then read from the content, and anything
// outside the allow-list is deleted again and refused, whatever its name says.
import type { Readable } from 'node:stream';
import { fileTypeFromStream } from 'file-type';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { FileTooLargeError } from '../../storage/file-store.ts';
import { insertFile, type FileRow } from './files.queries.ts';

/** Media types accepted for dossier components, as detected from the content, with the name users know. */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

const names = Object.values(ALLOWED_MEDIA_TYPES);
const ALLOWED_VI = `${names.slice(0, -1).join(', ')} hoặc ${names.at(-1)}`;
const ALLOWED_EN = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

const fileError = (rule: string, message: string, messageEn: string, details: Record<string, unknown> = {}) =>
  new AppError('INVALID_INPUT', `Tệp không hợp lệ: ${message}`, `Invalid file: ${messageEn}`, { issues: [{ path: 'file', rule, message, messageEn }], ...details });

export function tooLarge(maxBytes: number): AppError {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return fileError('max_bytes', `tệp vượt quá dung lượng tối đa ${megabytes} MB`, `the file is larger than ${megabytes} MB (${maxBytes} bytes)`, { maxBytes });
}

/** A name safe to show and to put in a download header: no folders, no control characters, at most 255 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 255);
  return cleaned || 'tep-dinh-kem';
}

/** Stores an upload and records it; INVALID_INPUT naming `file` when it is too large, empty or not an allowed type. */
export async function uploadFile(
  deps: Pick<Deps, 'db' | 'fileStore' | 'config'>,
  uploaderId: string,
  upload: { name: string | undefined; content: Readable },
): Promise<FileRow> {
  const maxBytes = deps.config.uploadMaxBytes;
  const stored = await deps.fileStore.put(upload.content, { maxBytes }).catch((error: unknown) => {
    if (error instanceof FileTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  });
  const discard = async () => {
    if (stored.isNew) await deps.fileStore.delete(stored.key);
  };
  if (stored.size === 0) {
    await discard();
    throw fileError('not_empty', 'tệp rỗng', 'the file is empty');
  }
  const content = await deps.fileStore.get(stored.key);
  const detected = content ? await fileTypeFromStream(content).finally(() => content.destroy()) : undefined;
  if (!detected || !ALLOWED_MEDIA_TYPES[detected.mime]) {
    await discard();
    throw fileError('media_type', `nội dung tệp không phải ${ALLOWED_VI}`, `the content is not ${ALLOWED_EN}`, {
      detectedMediaType: detected?.mime ?? null,
    });
  }
  // Should this insert fail, the content stays: a concurrent upload of the same bytes may already rely on it.
  return insertFile(deps.db, {
    uploadedBy: uploaderId,
    name: cleanFileName(upload.name),
    mediaType: detected.mime,
    size: stored.size,
    sha256: stored.sha256,
    storageKey: stored.key,
  });
}
