// Addresses inside the officer workspace.
import { paths } from '../../paths.ts';

export const workspacePaths = {
  inbox: paths.workspace,
  intake: `${paths.workspace}/tiep-nhan`,
  dossier: (id: string) => `${paths.workspace}/ho-so/${encodeURIComponent(id)}`,
};
