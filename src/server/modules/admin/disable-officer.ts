// Use case: disable (or enable again) an officer's account. A disabled account cannot sign in and its sessions end;
// its roles and history stay. An agency administrator may do it only for officers working solely in their agencies
// and holding no province-wide role (province administrator or leader).
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { administeredAgencies, PROVINCE_WIDE_ROLES } from './admin-access.ts';
import { lastProvinceAdmin } from './change-role.ts';
import { findOfficer, listUserRoles, lockProvinceAdmins, setDisabled, type OfficerRow } from './officers.queries.ts';

export async function setOfficerDisabled(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  input: { userId: string; agencyId: string; disabled: boolean },
): Promise<{ officer: OfficerRow; changed: boolean }> {
  return deps.db.transaction(async (tx) => {
    const officer = await findOfficer(tx, { id: input.userId }, input.agencyId);
    if (!officer) throw AppError.notFound('cán bộ', 'Officer', input.userId);
    const roles = await listUserRoles(tx, input.userId);
    const scope = administeredAgencies(viewer);
    const outside = scope !== 'all' && roles.some((r) => !scope.includes(r.agencyId) || PROVINCE_WIDE_ROLES.includes(r.role));
    if (outside || (scope !== 'all' && !scope.includes(input.agencyId))) {
      throw new AppError('FORBIDDEN', 'Cán bộ này có vai trò ở cơ quan bạn không quản trị; chỉ quản trị tỉnh được khóa tài khoản.', 'This officer has roles outside your agencies; only a province administrator may disable the account.', {
        rule: 'outside_agency',
      });
    }
    if (input.userId === viewer.userId && input.disabled) {
      throw new AppError('CONFLICT', 'Không thể tự khóa tài khoản của mình.', 'You cannot disable your own account.', { rule: 'self' });
    }
    if (input.disabled && roles.some((r) => r.role === 'province_admin')) {
      const admins = await lockProvinceAdmins(tx);
      if (!admins.some((a) => a.userId !== input.userId)) throw lastProvinceAdmin();
    }
    const changed = await setDisabled(tx, input.userId, input.disabled);
    return { officer: (await findOfficer(tx, { id: input.userId }, input.agencyId)) as OfficerRow, changed };
  });
}
