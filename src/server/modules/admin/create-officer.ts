// Use case: an administrator creates an officer account with an initial password and a first role in an agency.
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import type { Deps } from '../../deps.ts';
import { users } from '../../db/schema.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { findAgency } from '../agencies/agencies.queries.ts';
import { requireGrantableIn, requireRoleManagement } from './admin-access.ts';
import { findOfficer, insertRole, type OfficerRow } from './officers.queries.ts';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;

export interface CreateOfficerInput {
  username: string;
  displayName: string;
  password: string;
  agencyId: string;
  role: OfficerRole;
}

/** Creates the account and its first role in one transaction; a taken username is a field error (409). */
export async function createOfficer(deps: Pick<Deps, 'db'>, viewer: Viewer, input: CreateOfficerInput): Promise<OfficerRow> {
  requireRoleManagement(viewer, input.agencyId, input.role);
  const username = input.username.trim().toLowerCase();
  const displayName = input.displayName.trim();
  const issues: FieldIssue[] = [];
  if (!USERNAME_PATTERN.test(username)) {
    issues.push({
      path: 'body.username',
      rule: 'pattern',
      message: 'chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới; 3–50 ký tự',
      messageEn: 'letters without diacritics, digits, dot, dash or underscore; 3–50 characters',
    });
  }
  if (!displayName) issues.push({ path: 'body.displayName', rule: 'required', message: 'bắt buộc phải có', messageEn: 'is required' });
  if (input.password.toLowerCase().includes(username) && username.length > 0) {
    issues.push({ path: 'body.password', rule: 'not_username', message: 'không được chứa tên đăng nhập', messageEn: 'must not contain the username' });
  }
  if (issues.length > 0) throw AppError.invalidInput(issues);
  const agency = await findAgency(deps.db, input.agencyId);
  if (!agency) throw AppError.notFound('cơ quan', 'Agency', input.agencyId);
  requireGrantableIn(agency.type, input.role);

  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ kind: 'officer', username, displayName, passwordHash }).onConflictDoNothing().returning({ id: users.id });
    if (!user) {
      throw new AppError('CONFLICT', `Tên đăng nhập "${username}" đã có người dùng.`, `The username "${username}" is taken.`, {
        issues: [{ path: 'body.username', rule: 'unique', message: 'đã có người dùng', messageEn: 'is taken' }],
      });
    }
    await insertRole(tx, user.id, input.agencyId, input.role);
    return (await findOfficer(tx, { id: user.id }, input.agencyId)) as OfficerRow;
  });
}
