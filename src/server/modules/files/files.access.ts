// Who may read an uploaded file: its uploader, and once it is attached, whoever may see the dossier.
import type { Viewer } from '../../http/session.ts';
import { canSee } from '../dossiers/dossier-access.ts';
import type { DossierRow } from '../dossiers/dossiers.queries.ts';
import type { FileRow } from './files.queries.ts';

export function canReadFile(viewer: Viewer, file: Pick<FileRow, 'uploadedBy'>, dossier: DossierRow | undefined): boolean {
  if (file.uploadedBy === viewer.userId) return true;
  return dossier !== undefined && canSee(viewer, dossier);
}
