// Who may administer what: a province administrator everything; an agency administrator only the agencies where
// they hold that role, and never the province-wide roles (province administrator, province leader).
import { OFFICER_ROLES, type OfficerRole } from '../../../shared/dossiers/actions.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';

export const isProvinceAdmin = (viewer: Viewer) => viewer.grants.some((g) => g.role === 'province_admin');

/** Roles that reach the whole province (every dossier and indicator of it): only a province administrator grants them. */
export const PROVINCE_WIDE_ROLES: readonly OfficerRole[] = ['province_admin', 'province_leader'];
/** The agency type a province leader (lãnh đạo UBND tỉnh) is granted in: the province People's Committee. */
export const PROVINCE_LEADER_AGENCY_TYPE = 'province_committee';

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
  if (PROVINCE_WIDE_ROLES.includes(role) && !isProvinceAdmin(viewer)) {
    const name = role === 'province_leader' ? 'lãnh đạo UBND tỉnh' : 'quản trị tỉnh';
    throw new AppError('FORBIDDEN', `Chỉ quản trị tỉnh được cấp hoặc thu hồi vai trò ${name}.`, 'Only a province administrator may grant or revoke that role.', {
      rule: 'province_admin_only',
    });
  }
}

/**
 * Throws INVALID_INPUT (on `body.role`) when granting `role` in an agency of `agencyType` makes no sense: a province
 * leader is granted only in the province People's Committee, whose unit is the province (their grant's unit code
 * is what lets them see the province's dossiers).
 */
export function requireGrantableIn(agencyType: string, role: OfficerRole): void {
  if (role === 'province_leader' && agencyType !== PROVINCE_LEADER_AGENCY_TYPE) {
    throw AppError.invalidInput([
      {
        path: 'body.role',
        rule: 'province_committee_only',
        message: 'vai trò lãnh đạo UBND tỉnh chỉ cấp tại UBND tỉnh',
        messageEn: "the province leader role is granted only at the province People's Committee",
      },
    ]);
  }
}

/** Throws FORBIDDEN unless the viewer is a province administrator (catalogue, calendars, workflows). */
export function requireProvinceAdmin(viewer: Viewer): void {
  if (!isProvinceAdmin(viewer)) {
    throw new AppError('FORBIDDEN', 'Chức năng này dành cho quản trị tỉnh.', 'This is for province administrators.', { rule: 'not_province_admin' });
  }
}

/** The roles the viewer may grant in an agency of `agencyType` (what the admin forms offer; the use cases check again). */
export function grantableRoles(viewer: Viewer, agencyType: string): OfficerRole[] {
  const provinceAdmin = isProvinceAdmin(viewer);
  return OFFICER_ROLES.filter((role) => {
    if (PROVINCE_WIDE_ROLES.includes(role) && !provinceAdmin) return false;
    return role !== 'province_leader' || agencyType === PROVINCE_LEADER_AGENCY_TYPE;
  });
}
