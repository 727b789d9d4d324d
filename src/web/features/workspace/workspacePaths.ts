// Addresses inside the officer workspace.
import { paths } from '../../paths.ts';

export const workspacePaths = {
  inbox: paths.workspace,
  dossier: (id: string) => `${paths.workspace}/ho-so/${encodeURIComponent(id)}`,
};
