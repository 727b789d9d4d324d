// Use case: who a leader may assign a dossier to now — the handlers of its competent agency (the same rule the
// `assign` action checks), by name. Only someone who may assign (a leader of the competent agency) may ask.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { ALLOWED_ACTIONS } from '../../../shared/dossiers/actions.ts';
import type { DossierStatus } from '../../../shared/dossiers/statuses.ts';
import type { DbOrTx } from '../../db/client.ts';
import { officerRoles, users } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { canSee, dossierNotFound, effectiveRoles } from './dossier-access.ts';
import { findDossier } from './dossiers.queries.ts';

export interface Assignee {
  id: string;
  displayName: string;
  username: string;
}

/** The roles that may `assign` in some status (from the shared workflow table, never copied). */
const ASSIGNING_ROLES = new Set(Object.values(ALLOWED_ACTIONS).flatMap((rules) => rules.filter((rule) => rule.type === 'assign').flatMap((rule) => rule.roles)));

/** Handlers of the dossier's competent agency; 404 for a dossier the viewer may not see, 403 for one who may not assign. */
export async function listAssignees(db: DbOrTx, viewer: Viewer, dossierId: string): Promise<{ items: Assignee[]; assigneeId: string | null; status: DossierStatus }> {
  const dossier = await findDossier(db, dossierId);
  if (!dossier || !canSee(viewer, dossier)) throw dossierNotFound(dossierId);
  if (!effectiveRoles(viewer, dossier).some((role) => ASSIGNING_ROLES.has(role))) {
    throw new AppError('FORBIDDEN', 'Chỉ lãnh đạo của cơ quan giải quyết mới được phân công hồ sơ.', 'Only a leader of the competent agency may assign the dossier.');
  }
  const items = await db
    .select({ id: users.id, displayName: users.displayName, username: users.username })
    .from(officerRoles)
    .innerJoin(users, eq(users.id, officerRoles.userId))
    .where(and(eq(officerRoles.agencyId, dossier.competentAgencyId), eq(officerRoles.role, 'handler'), isNull(users.disabledAt)))
    .orderBy(asc(users.displayName));
  return { items, assigneeId: dossier.assigneeId, status: dossier.status as DossierStatus };
}
