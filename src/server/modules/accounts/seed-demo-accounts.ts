// Demo accounts for trying motcua outside production (password motcua-demo), with roles in one Hanoi department
// and one commune where the role matters, and the province-wide roles at the province People's Committee.
// Production refuses to start while any demo account exists.
import { eq, inArray, sql } from 'drizzle-orm';
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import type { Deps } from '../../deps.ts';
import { agencies, officerRoles, users } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { listConfirmedYears } from '../calendars/calendars.queries.ts';
import { confirmCalendarYear } from '../calendars/confirm-calendar-year.ts';
import { hashPassword } from './passwords.ts';

export const DEMO_PASSWORD = 'motcua-demo';

interface DemoAccount {
  username: string;
  displayName: string;
  kind: 'officer' | 'citizen';
  roles: { seedKey: string; role: OfficerRole }[];
}

/** The department and commune the demo officers work in (seed keys of seed-agencies.ts). */
export const DEMO_AGENCIES = { department: '01:so:tu-phap', commune: '01:commune:00004', province: '01:ubnd' } as const;

const both = (role: OfficerRole) => [
  { seedKey: DEMO_AGENCIES.department, role },
  { seedKey: DEMO_AGENCIES.commune, role },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'demo.citizen', displayName: 'Nguyễn Văn Dân (demo)', kind: 'citizen', roles: [] },
  { username: 'demo.desk', displayName: 'Trần Thị Một Cửa (demo)', kind: 'officer', roles: both('desk') },
  { username: 'demo.handler', displayName: 'Lê Văn Thụ Lý (demo)', kind: 'officer', roles: both('handler') },
  { username: 'demo.leader', displayName: 'Phạm Văn Lãnh Đạo (demo)', kind: 'officer', roles: both('leader') },
  { username: 'demo.clerk', displayName: 'Hoàng Thị Văn Thư (demo)', kind: 'officer', roles: both('clerk') },
  {
    username: 'demo.admin',
    displayName: 'Quản Trị Viên (demo)',
    kind: 'officer',
    roles: [{ seedKey: DEMO_AGENCIES.province, role: 'province_admin' }, ...both('agency_admin')],
  },
  // Read-only oversight of the whole province: indicators, dashboards, reports and dossiers, no action.
  { username: 'demo.lanhdao', displayName: 'Đỗ Văn Lãnh Đạo Tỉnh (demo)', kind: 'officer', roles: [{ seedKey: DEMO_AGENCIES.province, role: 'province_leader' }] },
];

/** Creates the demo accounts that are missing; agencies must be seeded. Idempotent. */
export async function seedDemoAccounts(deps: Pick<Deps, 'db'>): Promise<number> {
  const keys = [...new Set(DEMO_ACCOUNTS.flatMap((a) => a.roles.map((r) => r.seedKey)))];
  const found = await deps.db.select({ id: agencies.id, seedKey: agencies.seedKey }).from(agencies).where(inArray(agencies.seedKey, keys));
  const agencyId = new Map(found.map((a) => [a.seedKey, a.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await deps.db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(users)
        .values({ kind: account.kind, username: account.username, displayName: account.displayName, passwordHash, isDemo: true })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!user) continue;
      created += 1;
      const grants = account.roles.filter((r) => agencyId.has(r.seedKey)).map((r) => ({ userId: user.id, agencyId: agencyId.get(r.seedKey) as string, role: r.role }));
      if (grants.length > 0) await tx.insert(officerRoles).values(grants).onConflictDoNothing();
    }
  });
  return created;
}

/** Production must not run with demo accounts: their password is public. */
export async function assertNoDemoAccounts(deps: Pick<Deps, 'db'>): Promise<void> {
  const [row] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.isDemo, true));
  if ((row?.n ?? 0) > 0) {
    throw new AppError(
      'CONFLICT',
      'Có tài khoản demo trong cơ sở dữ liệu; không được chạy ở chế độ production.',
      `${row?.n} demo account(s) exist; production refuses to start with them. Delete the users with is_demo = true first.`,
    );
  }
}

/**
 * Outside production, confirm the rule calendars of this year and the next few so demo dossiers can be received;
 * the actor name says they were not checked against the government's notice. Years already confirmed are kept.
 */
export async function confirmDemoCalendars(deps: Pick<Deps, 'db' | 'clock'>, provinceCode: string, years: number[]): Promise<void> {
  for (const year of years) {
    if ((await listConfirmedYears(deps.db, provinceCode, year, year)).length > 0) continue;
    await confirmCalendarYear(deps, { provinceCode, year, actor: 'Dữ liệu demo (chưa đối chiếu thông báo của Chính phủ)', expectedRevision: 0 });
  }
}
