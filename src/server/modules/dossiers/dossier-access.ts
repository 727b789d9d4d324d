// Who may see a dossier and in which roles they act on it.
import { COMPETENT_ROLES, type Role } from '../../../shared/dossiers/actions.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import type { DossierRow } from './dossiers.queries.ts';

type Scoped = Pick<DossierRow, 'citizenUserId' | 'receivingAgencyId' | 'competentAgencyId' | 'returningAgencyId' | 'provinceCode' | 'taskAgencyIds'>;

/**
 * A citizen acts on their own dossiers only. An officer acts as desk for the receiving or returning agency, and as
 * handler, leader or clerk for the competent agency, and as `consulted` (handler or leader) for an agency asked for
 * an opinion or a part of inter-agency work; administrators and province leaders see but do not process (no role
 * here, so no action: ALLOWED_ACTIONS names neither).
 */
export function effectiveRoles(viewer: Viewer, dossier: Scoped): Role[] {
  if (viewer.kind === 'citizen') return dossier.citizenUserId === viewer.userId ? ['citizen'] : [];
  const roles = new Set<Role>();
  for (const grant of viewer.grants) {
    if (grant.role === 'desk' && (grant.agencyId === dossier.receivingAgencyId || grant.agencyId === dossier.returningAgencyId)) roles.add('desk');
    if (COMPETENT_ROLES.includes(grant.role) && grant.agencyId === dossier.competentAgencyId) roles.add(grant.role);
    if ((grant.role === 'handler' || grant.role === 'leader') && dossier.taskAgencyIds.includes(grant.agencyId)) roles.add('consulted');
  }
  return [...roles];
}

/**
 * Whether the viewer may see the dossier at all (else it "does not exist" for them: 404, no existence leak). A
 * province administrator or province leader (lãnh đạo UBND tỉnh, read-only oversight) sees every dossier of the
 * province of their grant.
 */
export function canSee(viewer: Viewer, dossier: Scoped): boolean {
  if (viewer.kind === 'citizen') return dossier.citizenUserId === viewer.userId;
  return viewer.grants.some(
    (g) =>
      g.agencyId === dossier.receivingAgencyId ||
      g.agencyId === dossier.competentAgencyId ||
      g.agencyId === dossier.returningAgencyId ||
      dossier.taskAgencyIds.includes(g.agencyId) ||
      ((g.role === 'province_admin' || g.role === 'province_leader') && g.unitCode === dossier.provinceCode),
  );
}

export function dossierNotFound(id: string): AppError {
  return AppError.notFound('hồ sơ', 'Dossier', id);
}
