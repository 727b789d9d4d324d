// Who may administer what: a province administrator everything; an agency administrator only the agencies where
// they hold that role, and never the province administrator role itself.
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';

export const isProvinceAdmin = (viewer: Viewer) => viewer.grants.some((g) => g.role === 'province_admin');

/** The agencies a viewer administers: 'all' for a province administrator. */
export function administeredAgencies(viewer: Viewer): 'all' | string[] {
  if (isProvinceAdmin(viewer)) return 'all';
  return viewer.grants.filter((g) => g.role === 'agency_admin').map((g) => g.agencyId);
}

const forbidden = () => new AppError('FORBIDDEN', 'Bạn không có quyền quản trị cơ quan này.', 'You do not administer this agency.', { rule: 'not_agency_admin' });

/** Throws FORBIDDEN unless the viewer is an administrator at all. */
export function requireAnyAdministrator(viewer: Viewer): void {
  const scope = administeredAgencies(viewer);
  if (scope !== 'all' && scope.length === 0) {
    throw new AppError('FORBIDDEN', 'Chức năng này dành cho quản trị viên.', 'This is for administrators.', { rule: 'not_admin' });
  }
}

/** Throws FORBIDDEN unless the viewer may manage officers of `agencyId`. */
export function requireAgencyAdmin(viewer: Viewer, agencyId: string): void {
  const scope = administeredAgencies(viewer);
  if (scope !== 'all' && !scope.includes(agencyId)) throw forbidden();
}

/** Throws FORBIDDEN unless the viewer may grant or revoke `role` in `agencyId`. */
export function requireRoleManagement(viewer: Viewer, agencyId: string, role: OfficerRole): void {
  requireAgencyAdmin(viewer, agencyId);
  if (role === 'province_admin' && !isProvinceAdmin(viewer)) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị tỉnh được cấp hoặc thu hồi vai trò quản trị tỉnh.', 'Only a province administrator may grant or revoke that role.', {
      rule: 'province_admin_only',
    });
  }
}

/** Throws FORBIDDEN unless the viewer is a province administrator (catalogue, calendars, workflows). */
export function requireProvinceAdmin(viewer: Viewer): void {
  if (!isProvinceAdmin(viewer)) {
    throw new AppError('FORBIDDEN', 'Chức năng này dành cho quản trị tỉnh.', 'This is for province administrators.', { rule: 'not_province_admin' });
  }
}
