// Use cases: grant and revoke an officer's role in an agency. Both are idempotent (granting a held role or revoking
// a missing one changes nothing), and the last enabled province administrator cannot lose that role.
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { findAgency } from '../agencies/agencies.queries.ts';
import { requireGrantableIn, requireRoleManagement } from './admin-access.ts';
import { deleteRole, findOfficer, insertRole, lockProvinceAdmins, type OfficerRow } from './officers.queries.ts';

export const lastProvinceAdmin = () =>
  new AppError('CONFLICT', 'Không thể bỏ quản trị tỉnh cuối cùng; hãy cấp vai trò này cho người khác trước.', 'This is the last province administrator; grant the role to someone else first.', {
    rule: 'last_province_admin',
  });

/**
 * Grants `role` in `agencyId` to the officer named by id or username; `changed` is false when it was already held. A
 * province leader role only in the province People's Committee (`body.role province_committee_only`).
 */
export async function grantRole(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  input: { agencyId: string; officer: { id: string } | { username: string }; role: OfficerRole },
): Promise<{ officer: OfficerRow; changed: boolean }> {
  requireRoleManagement(viewer, input.agencyId, input.role);
  const agency = await findAgency(deps.db, input.agencyId);
  if (!agency) throw AppError.notFound('cơ quan', 'Agency', input.agencyId);
  requireGrantableIn(agency.type, input.role);
  return deps.db.transaction(async (tx) => {
    const officer = await findOfficer(tx, input.officer, input.agencyId);
    if (!officer) {
      if ('username' in input.officer) {
        throw AppError.invalidInput([{ path: 'body.username', rule: 'exists', message: 'không có cán bộ với tên đăng nhập này', messageEn: 'no officer has this username' }]);
      }
      throw AppError.notFound('cán bộ', 'Officer', input.officer.id);
    }
    const changed = await insertRole(tx, officer.id, input.agencyId, input.role);
    return { officer: (await findOfficer(tx, { id: officer.id }, input.agencyId)) as OfficerRow, changed };
  });
}

/** Revokes `role` in `agencyId`; `changed` is false when the officer did not hold it. */
export async function revokeRole(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  input: { agencyId: string; userId: string; role: OfficerRole },
): Promise<{ officer: OfficerRow; changed: boolean }> {
  requireRoleManagement(viewer, input.agencyId, input.role);
  return deps.db.transaction(async (tx) => {
    const officer = await findOfficer(tx, { id: input.userId }, input.agencyId);
    if (!officer) throw AppError.notFound('cán bộ', 'Officer', input.userId);
    if (input.role === 'province_admin') {
      const admins = await lockProvinceAdmins(tx);
      const remaining = admins.filter((a) => a.userId !== input.userId || a.agencyId !== input.agencyId);
      if (officer.roles.includes('province_admin') && remaining.length === 0) throw lastProvinceAdmin();
    }
    const changed = await deleteRole(tx, input.userId, input.agencyId, input.role);
    return { officer: (await findOfficer(tx, { id: input.userId }, input.agencyId)) as OfficerRow, changed };
  });
}
