// Attaching uploaded files to dossier components, inside the transaction that files the dossier or its supplement:
// each file must be the caller's own upload and not attached anywhere yet.
import type { Tx } from '../../db/client.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import { attachFiles, findFilesForUpdate } from './files.queries.ts';

/** What a dossier shows of an attached file (kept in dossiers.components; a file's content never changes). */
export interface FileSummary {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

/**
 * Locks the files each component names and checks that `uploaderId` uploaded them and that they are free; returns
 * their summaries per component. Throws INVALID_INPUT naming `<pathPrefix>.<component>.fileIds.<n>`.
 */
export async function claimComponentFiles(
  tx: Tx,
  uploaderId: string,
  components: readonly { fileIds?: readonly string[] | undefined }[],
  pathPrefix: string,
): Promise<FileSummary[][]> {
  const ids = components.flatMap((c) => c.fileIds ?? []);
  const rows = new Map((await findFilesForUpdate(tx, [...new Set(ids)])).map((row) => [row.id, row]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const claimed = components.map((component, index) =>
    (component.fileIds ?? []).flatMap((id, n): FileSummary[] => {
      const path = `${pathPrefix}.${index}.fileIds.${n}`;
      const row = rows.get(id);
      if (seen.has(id)) {
        issues.push({ path, rule: 'unique', message: 'tệp này được chọn hai lần', messageEn: 'this file is listed twice' });
      } else if (!row || row.uploadedBy !== uploaderId) {
        // The same answer for an unknown file and someone else's: nothing to learn about other people's uploads.
        issues.push({ path, rule: 'own_upload', message: 'không có tệp này trong các tệp bạn đã tải lên', messageEn: 'no such file among your uploads' });
      } else if (row.dossierId !== null) {
        issues.push({ path, rule: 'not_attached', message: 'tệp này đã được đính kèm vào hồ sơ khác', messageEn: 'this file is already attached to a dossier' });
      }
      seen.add(id);
      return row ? [{ id: row.id, name: row.name, mediaType: row.mediaType, size: row.size }] : [];
    }),
  );
  if (issues.length > 0) throw AppError.invalidInput(issues);
  return claimed;
}

/** Attaches claimed files to the dossier's components, the first of them at `firstIndex` in dossiers.components. */
export async function attachComponentFiles(tx: Tx, dossierId: string, firstIndex: number, claimed: FileSummary[][], at: Date): Promise<void> {
  for (const [offset, summaries] of claimed.entries()) {
    await attachFiles(tx, summaries.map((s) => s.id), dossierId, firstIndex + offset, at);
  }
}
